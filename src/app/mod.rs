//! The app: reads its configuration, opens the backend and shows the Sync Overview; `mount` for
//! embedding (`embed`).

pub mod embed;
pub mod host_events;
pub mod remote;

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::Router;
use sync_core::Progress;

use crate::app::host_events::HostEvents;
use crate::app::remote::{EmbeddedView, Remote, RemoteSlot};
use crate::data::fetch::Fetch;
use crate::data::http::HttpBackend;
use crate::data::token::TokenCell;
use crate::data::{Api, Backend, DemoControls};
use crate::state::config::{BackendChoice, Config};
use crate::sync_overview::demo::preparing_demo_data::PreparingDemoData;
use crate::sync_overview::page::SyncOverview;
use crate::ui::format::set_locale;
use crate::ui::ids::Ids;
use crate::ui::reactive::reactive;

/// The root component: the app's root element (its styles are scoped to it, and it carries the
/// theme), the configuration and the element ids as context; it opens the backend (showing how
/// far the demo data got meanwhile), then shows the screen: standalone inside a router, which keeps the view
/// in the URL; embedded without one, so the host page's URL, history and links are left alone.
#[component]
pub fn App(
    /// The settings (see [`Config::from_url`] and [`Config::from_object`]).
    config: Config,
    /// The element it is mounted into, which hears its events.
    #[prop(optional)]
    host: Option<web_sys::HtmlElement>,
    /// Where the app hands back what the host may change (`handle.update`).
    #[prop(optional)]
    remote_slot: Option<RemoteSlot>,
    /// The host's `getToken`, which gives fresh tokens.
    #[prop(optional_no_strip)]
    get_token: Option<js_sys::Function>,
) -> impl IntoView {
    let events = HostEvents::on(host);
    provide_context(events);
    set_locale(config.locale.as_deref());
    let remote = Remote::new(&config);
    if let Some(get_token) = get_token {
        remote.token.fetch_from(get_token);
    }
    remote
        .token
        .when_needed(Rc::new(move |why: &str| events.auth(why)));
    if let Some(slot) = remote_slot {
        slot.replace(Some(remote.clone()));
    }
    if let Some(view) = remote.view {
        provide_context(EmbeddedView(view));
    }
    provide_context(config.clone());
    provide_context(Ids::new());
    let (in_url, theme, api) = (config.view_in_url, remote.theme, remote.api);
    let stylesheet = config.stylesheet.clone();
    // Hidden until its stylesheet has loaded (or failed to), so it never shows unstyled.
    let styled = RwSignal::new(stylesheet.is_none());
    let progress = RwSignal::new(None::<Progress>);
    // Opened again on another API (`update({ api })`).
    let token = remote.token.clone();
    let opened = Fetch::new(Memo::new(move |_| api.get()), move |api| {
        let opening = open(config.clone(), api, token.clone(), progress);
        async move { Ok(opening.await) }
    });
    let screen = reactive(move || match opened.latest() {
        Some(Opened { backend, demo }) => {
            provide_context(Api::with_demo(backend, demo));
            if in_url {
                view! {
                    <Router>
                        <SyncOverview />
                    </Router>
                }
                .into_any()
            } else {
                view! { <SyncOverview /> }.into_any()
            }
        }
        None => view! { <PreparingDemoData progress /> }.into_any(),
    });
    view! {
        <div class="sync-overview-app" data-theme=move || theme.get().slug() hidden=move || !styled.get()>
            {stylesheet
                .map(|href| {
                    view! {
                        <link
                            rel="stylesheet"
                            href=href
                            on:load=move |_| styled.set(true)
                            on:error=move |_| styled.set(true)
                        />
                    }
                })}
            {screen}
        </div>
    }
}

/// An opened backend, with its demo controls when it has them.
#[derive(Clone)]
struct Opened {
    backend: Rc<dyn Backend>,
    demo: Option<Rc<dyn DemoControls>>,
}

/// Opens the configured backend (HTTP: the API at `api`, sending `token`); the mock store reports
/// how far its build got to `progress`.
async fn open(
    config: Config,
    api: String,
    token: TokenCell,
    progress: RwSignal<Option<Progress>>,
) -> Opened {
    match config.backend {
        BackendChoice::Mock => open_mock(config.demo_size, config.user.clone(), progress).await,
        BackendChoice::Http { .. } => Opened {
            backend: Rc::new(HttpBackend::new(
                &api,
                token,
                Duration::from_secs(u64::from(config.timeout_secs)),
            )),
            demo: None,
        },
    }
}

/// The in-browser mock store with `size` items in its largest integration, changed by `user`.
#[cfg(feature = "demo")]
async fn open_mock(size: u32, user: String, progress: RwSignal<Option<Progress>>) -> Opened {
    use crate::data::demo::mock::MockBackend;
    use chrono::Utc;
    use sync_core::demo::DemoConfig;
    let demo = DemoConfig {
        size,
        ..DemoConfig::new(Utc::now())
    };
    let mock = Rc::new(MockBackend::open(demo, user, move |step| progress.set(Some(step))).await);
    Opened {
        backend: mock.clone(),
        demo: Some(mock),
    }
}

/// This build has no mock store: every call says how to configure a server.
#[cfg(not(feature = "demo"))]
async fn open_mock(_: u32, _: String, _: RwSignal<Option<Progress>>) -> Opened {
    Opened {
        backend: Rc::new(crate::data::unconfigured::Unconfigured),
        demo: None,
    }
}

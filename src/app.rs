//! The app: reads its configuration, opens the backend and shows the Sync Overview.

use std::rc::Rc;
use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::Router;
use sync_core::demo::{DemoConfig, Progress};
use wasm_bindgen::JsValue;

use crate::backend::http::HttpBackend;
use crate::backend::mock::MockBackend;
use crate::backend::{Api, Backend};
use crate::components::preparing_demo_data::PreparingDemoData;
use crate::components::sync_overview::SyncOverview;
use crate::config::{BackendChoice, Config};

/// The name of the global object a host page may set to configure an embedded app.
pub const CONFIG_OBJECT: &str = "syncOverviewConfig";

/// The host page's configuration object, if it set one.
fn config_object() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(CONFIG_OBJECT))
        .ok()
        .filter(|v| v.is_object())
}

/// The page's URL query (`?demo=…&backend=…`).
fn url_query() -> Option<web_sys::UrlSearchParams> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// The root component: reads the configuration (the host page's object, else the URL query),
/// provides it, opens the backend (showing how far the demo data got meanwhile), then shows the
/// screen: standalone inside a router, which keeps the view in the URL; embedded without one, so
/// the host page's URL, history and links are left alone.
#[component]
pub fn App() -> impl IntoView {
    let config = match config_object() {
        Some(object) => Config::from_lookup(|key| {
            js_sys::Reflect::get(&object, &JsValue::from_str(key))
                .ok()
                .and_then(|v| {
                    v.as_string()
                        .or_else(|| v.as_f64().map(|n| (n as i64).to_string()))
                })
        }),
        None => {
            let query = url_query();
            Config {
                view_in_url: true,
                ..Config::from_lookup(|key| query.as_ref().and_then(|q| q.get(key)))
            }
        }
    };
    provide_context(config.clone());
    let in_url = config.view_in_url;
    let progress = RwSignal::new(None::<Progress>);
    let opened = LocalResource::new(move || open(config.clone(), progress));
    move || match opened.get() {
        Some(backend) => {
            provide_context(Api::new(backend));
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
    }
}

/// Opens the configured backend; the mock store reports how far its build got to `progress`.
async fn open(config: Config, progress: RwSignal<Option<Progress>>) -> Rc<dyn Backend> {
    match config.backend {
        BackendChoice::Mock => {
            let demo = DemoConfig {
                size: config.demo_size,
                ..DemoConfig::new(Utc::now())
            };
            Rc::new(MockBackend::open(demo, move |step| progress.set(Some(step))).await)
        }
        BackendChoice::Http { api, token } => Rc::new(HttpBackend::new(
            &api,
            token,
            Duration::from_secs(u64::from(config.timeout_secs)),
        )),
    }
}

//! The Sync Overview page: the integration tile, the global tiles, the Client drop-down and the
//! Sync Status list.

use std::rc::Rc;

use leptos::prelude::*;

use crate::actions::screen::Screen;
use crate::app::host_events::use_host_events;
use crate::app::remote::EmbeddedView;
use crate::data::use_api;
use crate::state::clock::Clock;
use crate::state::config::use_config;
use crate::state::view_home::ViewHome;
use crate::state::view_state::ViewState;
use crate::sync_overview::demo::DemoButtons;
use crate::sync_overview::landmark::Landmark;
use crate::sync_overview::sync_status::client_select::ClientSelect;
use crate::sync_overview::sync_status::left_alone::LeftAlone;
use crate::sync_overview::sync_status::section::SyncStatus;
use crate::sync_overview::tiles::counts::load_counts;
use crate::sync_overview::tiles::integration_tile::IntegrationTile;
use crate::sync_overview::tiles::resources_status::ResourcesStatus;
use crate::sync_overview::tiles::total_synced_resources::TotalSyncedResources;
use crate::sync_overview::undo_button::UndoButton;
use crate::ui::load_error::LoadError;

/// The whole screen. Owns the screen state, the clock and the view (in the URL when the config
/// says so, which needs a router above, else in memory) and provides them.
#[component]
pub fn SyncOverview() -> impl IntoView {
    let api = use_api();
    let config = use_config();
    let screen = Screen::new();
    provide_context(screen);
    // Embedded, the view lives in the app's memory, where the host's `update` changes it too.
    let remote_view = use_context::<EmbeddedView>().map(|view| view.0);
    let home = match (config.view_in_url, remote_view) {
        (true, _) => ViewHome::in_url(),
        (false, Some(view)) => ViewHome::Memory(view),
        (false, None) => ViewHome::in_memory(config.view.clone()),
    };
    let view = ViewState::new(api, home, screen.changes());
    provide_context(view);
    // Another tab (or app instance) changed the data: show it, as after a change made here.
    api.get().watch(Rc::new(move || {
        screen.changes().bump();
    }));
    provide_context(Clock::ticking());

    tell_the_host(view, config.backend_name());

    let integration_id = Memo::new(move |_| view.integration().with(|i| i.as_ref().map(|i| i.id)));
    let counts = load_counts(api, screen, integration_id);
    let failed = Memo::new(move |_| view.integrations.error());
    let notice = api.get().notice();
    let not_found = Memo::new(move |_| view.notice());

    view! {
        <Landmark>
            <header class="page-header">
                <h1>"Sync Overview"</h1>
                <p class="announcement" role="status">
                    {move || screen.announcer().said()}
                </p>
                <UndoButton />
                <LeftAlone />
                <DemoButtons />
            </header>
            {notice.map(|text| view! { <p class="notice" role="note">{text}</p> })}
            {move || not_found.get().map(|text| view! { <p class="notice" role="note">{text}</p> })}
            {move || {
                screen
                    .announcer()
                    .alert()
                    .map(|text| {
                        view! {
                            <div class="alert" role="alert">
                                <p>{text}</p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| screen.announcer().dismiss()
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                failed
                    .get()
                    .map(|error| {
                        view! { <LoadError error=error.to_string() retry=move || view.integrations.refetch() /> }
                    })
            }}
            <Show when=move || failed.with(Option::is_none)>
                <div class="tiles">
                    <IntegrationTile />
                    <TotalSyncedResources counts />
                    <ResourcesStatus counts />
                </div>
                <ClientSelect />
                <SyncStatus />
            </Show>
        </Landmark>
    }
}

/// Tells the host page the app is ready, once its integrations show, and what the list shows
/// whenever that changes. Effects because they reach outside the app; they write no signal.
fn tell_the_host(view: ViewState, backend: &'static str) {
    let host = use_host_events();
    Effect::new(move |told: Option<bool>| {
        if told == Some(true) {
            return true;
        }
        let shown = view.integration().with(Option::is_some);
        if shown {
            host.ready(backend);
        }
        shown
    });
    Effect::new(move |_| view.shown().with(|shown| host.view(shown)));
}

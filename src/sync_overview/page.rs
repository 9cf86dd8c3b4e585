//! The Sync Overview page: the integration tile, the global tiles, the Client drop-down and the
//! Sync Status list.

use std::rc::Rc;

use leptos::prelude::*;

use crate::actions::screen::Screen;
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
    let home = if config.view_in_url {
        ViewHome::in_url()
    } else {
        ViewHome::in_memory(config.view)
    };
    let view = ViewState::new(api, home, screen.changes());
    provide_context(view);
    // Another tab (or app instance) changed the data: show it, as after a change made here.
    api.get().watch(Rc::new(move || {
        screen.changes().bump();
    }));
    provide_context(Clock::ticking());

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

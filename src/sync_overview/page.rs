//! The Sync Overview page: the integration tile, the global tiles, the Client drop-down and the
//! Sync Status list.

use std::rc::Rc;
use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;

use crate::data::use_api;
use crate::state::config::use_config;
use crate::state::screen::Screen;
use crate::state::view_home::ViewHome;
use crate::state::view_state::ViewState;
use crate::sync_overview::demo::reset_demo_data::ResetDemoData;
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

/// How often relative times ("5 minutes ago") are brought up to date.
const TICK: Duration = Duration::from_secs(30);

/// The whole screen. Owns the screen state and the view (in the URL when the config says so,
/// which needs a router above, else in memory) and provides both.
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
    let view = ViewState::new(api, home);
    provide_context(view);
    // Another tab (or app instance) changed the data: show it, as after a change made here.
    api.get().watch(Rc::new(move || {
        screen.changes.try_update(|n| *n += 1);
    }));
    if let Ok(tick) = set_interval_with_handle(move || screen.now.set(Utc::now()), TICK) {
        on_cleanup(move || tick.clear());
    }

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
                    {move || screen.announcement.get()}
                </p>
                <UndoButton />
                <LeftAlone />
                <ResetDemoData />
            </header>
            {notice.map(|text| view! { <p class="notice" role="note">{text}</p> })}
            {move || not_found.get().map(|text| view! { <p class="notice" role="note">{text}</p> })}
            {move || {
                screen
                    .alert
                    .get()
                    .map(|text| {
                        view! {
                            <div class="alert" role="alert">
                                <p>{text}</p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| screen.alert.set(None)
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

//! The Sync Overview page: the integration tile, the global tiles, the Client drop-down and the
//! Sync Status list.

use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;
use sync_core::{Integration, IntegrationId};

use super::client_select::ClientSelect;
use super::integration_tile::IntegrationTile;
use super::load_error::LoadError;
use super::reset_demo_data::ResetDemoData;
use super::resources_status::ResourcesStatus;
use super::sync_status::SyncStatus;
use super::total_synced_resources::TotalSyncedResources;
use crate::app::use_config;
use crate::backend::use_api;
use crate::place::keep_in_url;
use crate::screen::{pick, Screen};

/// The whole screen.
#[component]
pub fn SyncOverview() -> impl IntoView {
    let api = use_api();
    let config = use_config();
    let screen = Screen::new();
    provide_context(screen);
    if config.place_in_url {
        keep_in_url(screen);
    }
    // The integration the page was opened on (URL or host page), until the list shows it.
    let wanted = StoredValue::new(config.integration.map(IntegrationId));
    if let Ok(handle) =
        set_interval_with_handle(move || screen.now.set(Utc::now()), Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }

    let integrations = LocalResource::new(move || {
        let api = api.get();
        async move { api.integrations().await }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = integrations.get() {
            let ids: Vec<IntegrationId> = list.iter().map(|i| i.id).collect();
            let current = screen.integration.get_untracked();
            let next = wanted
                .try_update_value(|w| pick(&ids, current, w))
                .flatten();
            if next != current {
                screen.integration.set(next);
            }
        }
    });
    let failed = Memo::new(move |_| integrations.get().and_then(Result::err));
    let listed =
        Signal::derive(move || integrations.get().and_then(Result::ok).unwrap_or_default());
    let integration = Signal::derive(move || {
        let id = screen.integration.get()?;
        integrations
            .get()?
            .ok()?
            .into_iter()
            .find(|i: &Integration| i.id == id)
    });
    let counts = LocalResource::new(move || {
        let api = api.get();
        let integration = screen.integration.get();
        screen.changes.track();
        async move {
            match integration {
                Some(id) => api.counts(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let counts = Signal::derive(move || counts.get());
    let notice = api.get().notice();

    view! {
        <main class="sync-overview">
            <header class="page-header">
                <h1>"Sync Overview"</h1>
                <p class="announcement" role="status">
                    {move || screen.announcement.get()}
                </p>
                <ResetDemoData />
            </header>
            {notice.map(|text| view! { <p class="notice" role="note">{text}</p> })}
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
                    .map(|error| view! { <LoadError error retry=move || integrations.refetch() /> })
            }}
            <Show when=move || failed.with(Option::is_none)>
                <div class="tiles">
                    <IntegrationTile integrations=listed integration />
                    <TotalSyncedResources counts />
                    <ResourcesStatus counts />
                </div>
                <ClientSelect />
                <SyncStatus integration />
            </Show>
        </main>
    }
}

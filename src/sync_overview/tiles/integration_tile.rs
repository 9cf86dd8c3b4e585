//! The integration tile: which integration is viewed, when it Last Synced, View Logs and its
//! Exclusion Rules.

use leptos::prelude::*;
use sync_core::time::relative;
use sync_core::{IntegrationId, LogItem};

use crate::actions::screen::use_screen;
use crate::state::clock::use_clock;
use crate::state::view_state::{integration_label, use_view};
use crate::sync_overview::logs::sync_logs::SyncLogs;
use crate::sync_overview::rules::exclusion_rules::ExclusionRules;
use crate::ui::focus::focus_soon;
use crate::ui::format::exact;
use crate::ui::ids::use_ids;
use crate::ui::options::{Choice, Options};

/// The top-left tile: the Integration drop-down, Last Synced and View Logs.
#[component]
pub fn IntegrationTile() -> impl IntoView {
    let clock = use_clock();
    let view = use_view();
    let integration = view.integration();
    let choices = Signal::derive(move || {
        view.integrations.with_latest(|list| {
            list.into_iter()
                .flatten()
                .map(|i| Choice::new(i.id, integration_label(i)))
                .collect()
        })
    });
    let chosen = Memo::new(move |_| {
        integration.with(|i| i.as_ref().map(|i| i.id.to_string()).unwrap_or_default())
    });
    let none_shown = Signal::derive(move || integration.with(Option::is_none));
    let logs = Memo::new(move |_| view.shown().with(|v| v.logs.clone()));
    let rules_open = RwSignal::new(false);
    let ids = use_ids();
    let (select_id, view_logs_id) = (ids.of("integration"), ids.of("view-logs"));
    let on_change = move |ev| {
        let id = event_target_value(&ev).parse().ok().map(IntegrationId);
        let chosen = view
            .integrations
            .with_latest(|list| list?.iter().find(|i| Some(i.id) == id).cloned());
        if let Some(chosen) = chosen {
            view.choose_integration(&chosen);
        }
    };
    let rules_id = ids.of("exclusion-rules");
    let rules_button = rules_id.clone();
    let close_rules = Callback::new(move |()| {
        rules_open.set(false);
        focus_soon(rules_button.clone());
    });
    let view_logs = ids.of("view-logs");
    let close_logs = Callback::new(move |()| {
        view.close_logs();
        focus_soon(view_logs.clone());
    });
    let screen = use_screen();
    let show_item = Callback::new(move |item: LogItem| {
        view.show_item(item.client, &item.name);
        screen.focus_row(item.id);
    });
    let logs_open = Memo::new(move |_| logs.with(Option::is_some));
    let clients = Signal::derive(move || view.clients.latest().unwrap_or_default());
    view! {
        <section class="tile integration-tile" aria-label="Integration tile">
            <label class="field-label" for=select_id.clone()>
                "Integration"
            </label>
            <select id=select_id class="select select-large" on:change=on_change>
                <Options choices chosen />
            </select>
            <p class="last-synced">
                <span class="muted">"Last Synced "</span>
                {move || {
                    integration
                        .get()
                        .map(|i| {
                            view! {
                                <time
                                    datetime=i.last_synced.to_rfc3339()
                                    title=exact(i.last_synced)
                                >
                                    {move || relative(i.last_synced, clock.now())}
                                </time>
                            }
                        })
                }}
            </p>
            <div class="tile-links">
                {opener(view_logs_id, "View Logs", move || view.open_logs(), none_shown)}
                {opener(rules_id, "Exclusion Rules", move || rules_open.set(true), none_shown)}
            </div>
            {move || {
                let integration = integration.get().filter(|_| logs_open.get())?;
                let logs = Signal::derive(move || logs.get().unwrap_or_default());
                let on_change = Callback::new(move |l| view.set_logs(l));
                Some(view! { <SyncLogs integration logs clients on_change on_show=show_item on_close=close_logs /> })
            }}
            {move || {
                let integration = integration.get().filter(|_| rules_open.get())?;
                Some(view! { <ExclusionRules integration on_close=close_rules /> })
            }}
        </section>
    }
}

/// A button that opens one of the integration's windows.
fn opener(
    id: String,
    label: &'static str,
    open: impl Fn() + 'static,
    disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <button id=id type="button" class="link-button" disabled=disabled on:click=move |_| open()>
            {label}
        </button>
    }
}

//! The Sync Logs window: an integration's log entries in a date range.

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use sync_core::Integration;

use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::sync_overview::logs::log_table::log_table;
use crate::ui::format::{date_value, parse_date, start_of, today};
use crate::ui::ids::use_ids;
use crate::ui::load_error::LoadError;
use crate::ui::modal::Modal;

/// Days shown when the window opens.
const DEFAULT_DAYS: i64 = 7;

/// The Sync Logs dialog, From and To dates (the last 7 days at first) and the entries between.
#[component]
pub fn SyncLogs(
    /// The integration whose logs are shown.
    integration: Integration,
    /// Closes the window.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let to = RwSignal::new(Some(today()));
    let from = RwSignal::new(Some(today() - Duration::days(DEFAULT_DAYS)));
    let range = Memo::new(move |_| match (from.get(), to.get()) {
        (Some(from), Some(to)) if from <= to => Ok((from, to)),
        (Some(_), Some(_)) => Err("From must be on or before To."),
        _ => Err("Enter both dates, From and To."),
    });
    let id = integration.id;
    // Each answer says which range it answers, so the table can tell it is behind.
    let answer = Fetch::new(range, move |range| {
        let api = api.get();
        async move {
            match range {
                Ok((from, to)) => {
                    let end = start_of(to + Duration::days(1));
                    api.logs(id, start_of(from), end).await.map(Some)
                }
                Err(_) => Ok(None),
            }
        }
    });
    let entries = Signal::derive(move || answer.latest_answer());
    let busy = move || answer.loading();
    let ids = use_ids();
    view! {
        <Modal title="Sync Logs" on_close class="modal-wide">
            <p class="modal-subtitle">{integration.name.clone()}</p>
            <fieldset class="date-range">
                <legend>"Date Range"</legend>
                {date_input("From", ids.of("logs-from"), from)}
                {date_input("To", ids.of("logs-to"), to)}
            </fieldset>
            {move || range.get().err().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div
                class="log-table-wrap"
                tabindex="0"
                role="region"
                aria-label="Log entries"
                aria-busy=move || busy().to_string()
            >
                {move || match entries.get() {
                    None => view! { <p class="muted">"Loading sync logs…"</p> }.into_any(),
                    Some(Err(error)) => {
                        view! { <LoadError error=error.to_string() retry=move || answer.refetch() /> }.into_any()
                    }
                    Some(Ok(None)) => ().into_any(),
                    Some(Ok(Some(list))) if list.is_empty() => {
                        let (from, to) = range.get_untracked().unwrap_or_default();
                        view! {
                            <p class="empty-state">
                                {format!(
                                    "No sync log entries between {} and {}.",
                                    date_value(from),
                                    date_value(to),
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(Some(list))) => log_table(list).into_any(),
                }}
            </div>
            <div class="modal-actions">
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
            </div>
        </Modal>
    }
}

/// A date field of the range; a date that does not read leaves it empty.
fn date_input(label: &'static str, id: String, day: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>
                {label}
            </label>
            <input
                id=id
                type="date"
                class="input"
                max=date_value(today())
                prop:value=move || day.get().map(date_value).unwrap_or_default()
                on:change=move |ev| day.set(parse_date(&event_target_value(&ev)))
            />
        </div>
    }
}

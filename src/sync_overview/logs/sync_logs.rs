//! The Sync Logs window: an integration's log entries in a date range, narrowed by level, client
//! and text (all in the view, so in the URL), a page at a time, each entry about an item with a
//! way to it, and Export CSV of every entry the filters match.

use chrono::Duration;
use leptos::prelude::*;
use sync_core::{Client, Integration, LogItem, LogQuery};

use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::state::logs_view::LogsView;
use crate::sync_overview::logs::log_export::LogExport;
use crate::sync_overview::logs::log_filters::LogFilters;
use crate::sync_overview::logs::log_table::log_table;
use crate::ui::format::{date_value, start_of};
use crate::ui::load_error::LoadError;
use crate::ui::modal::Modal;

/// Entries a page shows.
const PAGE: u32 = 200;

/// The Sync Logs dialog over `logs`, the window's filters; `on_change` changes them, `on_show`
/// shows an entry's item in the list.
#[component]
pub fn SyncLogs(
    /// The integration whose logs are shown.
    integration: Integration,
    /// The window's filters.
    #[prop(into)]
    logs: Signal<LogsView>,
    /// The integration's clients.
    #[prop(into)]
    clients: Signal<Vec<Client>>,
    /// Gets the filters changed.
    on_change: Callback<LogsView>,
    /// Shows an entry's item in the list (and closes the window).
    on_show: Callback<LogItem>,
    /// Closes the window.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let id = integration.id;
    // Which page of which filters: a page number kept for other filters is page one.
    let paged = RwSignal::new((LogsView::default(), 0u32));
    let offset = Memo::new(move |_| {
        let (filters, offset) = paged.get();
        if logs.with(|l| *l == filters) {
            offset
        } else {
            0
        }
    });
    let query = Memo::new(move |_| {
        let filters = logs.get();
        let (from, to) = filters.range();
        if from > to {
            return Err("From must be on or before To.");
        }
        Ok(LogQuery {
            integration: id,
            from: start_of(from),
            to: start_of(to + Duration::days(1)),
            level: filters.level,
            client: filters.client,
            text: filters.text,
            offset: 0,
            limit: PAGE,
        })
    });
    let page_query = Memo::new(move |_| {
        query.get().map(|q| LogQuery {
            offset: offset.get(),
            ..q
        })
    });
    let answer = Fetch::new(page_query, move |query| {
        let api = api.get();
        async move {
            match query {
                Ok(query) => api.log_page(query).await.map(Some),
                Err(_) => Ok(None),
            }
        }
    });
    let turn = move |by: i64| {
        let next = (i64::from(offset.get_untracked()) + by * i64::from(PAGE)).max(0);
        paged.set((logs.get_untracked(), u32::try_from(next).unwrap_or(0)));
    };
    view! {
        <Modal title="Sync Logs" on_close class="modal-wide">
            <p class="modal-subtitle">{integration.name.clone()}</p>
            <LogFilters logs clients on_change />
            {move || query.get().err().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div
                class="log-table-wrap"
                tabindex="0"
                role="region"
                aria-label="Log entries"
                aria-busy=move || answer.loading().to_string()
            >
                {move || match answer.latest_answer() {
                    None => view! { <p class="muted">"Loading sync logs…"</p> }.into_any(),
                    Some(Err(error)) => {
                        view! { <LoadError error=error.to_string() retry=move || answer.refetch() /> }.into_any()
                    }
                    Some(Ok(None)) => ().into_any(),
                    Some(Ok(Some(page))) if page.total == 0 => {
                        let (from, to) = logs.with_untracked(LogsView::range);
                        let narrowed = logs.with_untracked(LogsView::narrowed);
                        view! {
                            <p class="empty-state">
                                {format!(
                                    "No sync log entries {}between {} and {}.",
                                    if narrowed { "match the filters " } else { "" },
                                    date_value(from),
                                    date_value(to),
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(Some(page))) => log_table(page, offset.get_untracked(), on_show).into_any(),
                }}
            </div>
            <div class="modal-actions">
                {move || {
                    let total = answer.with_latest(|p| p.and_then(Option::as_ref).map_or(0, |p| p.total));
                    let at = offset.get();
                    (total > PAGE)
                        .then(|| {
                            view! {
                                <button type="button" class="button" disabled=at == 0 on:click=move |_| turn(-1)>
                                    "Newer"
                                </button>
                                <button type="button" class="button" disabled=at + PAGE >= total on:click=move |_| turn(1)>
                                    "Older"
                                </button>
                            }
                        })
                }}
                <LogExport query />
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
            </div>
        </Modal>
    }
}

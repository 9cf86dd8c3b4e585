//! The History dialog: who changed the item, when, and how it stood before and after, newest
//! first; "Revert to this" puts the item back to the state after an entry, as an undoable action.

use leptos::prelude::*;
use sync_core::time::relative;
use sync_core::{Action, HistoryEntry, HistoryPage, ItemView, RecordId, RecordView};

use crate::actions::history_words::{record_name, what_made};
use crate::actions::screen::use_screen;
use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::state::clock::use_clock;
use crate::sync_overview::dialogs::action_dialog::Submission;
use crate::ui::format::{exact, grouped};
use crate::ui::load_error::LoadError;
use crate::ui::modal::Modal;

/// The entries the dialog shows at first, and adds with each Show older.
const SHOWN: u32 = 100;

/// The most entries it shows (a server's largest page).
const MOST: u32 = 1_000;

/// The history of `item`; `on_done` gets what to tell the user after a revert.
#[component]
pub fn ItemHistory(
    /// The item, as the row read it.
    item: ItemView,
    /// Closes without changing anything.
    on_close: Callback<()>,
    /// Runs after a revert was saved, with a sentence saying so.
    on_done: Callback<String>,
) -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    let id = item.id;
    let shown = RwSignal::new(SHOWN);
    let input = Memo::new(move |_| (id, shown.get()));
    let page = Fetch::new(input, move |(id, limit)| {
        let api = api.get();
        screen.changes().track();
        async move { api.history(id, None, limit).await }
    });
    let more = move || {
        let total = page.with_latest(|p| p.map_or(0, |p| p.total));
        (total > shown.get() && shown.get() < MOST).then(|| {
            view! {
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n = (*n + SHOWN).min(MOST))>
                    "Show older"
                </button>
            }
        })
    };
    let submission = Submission::new(item.clone(), on_close);
    let current = (item.status, item.record.as_ref().map(|r| r.id));
    let name = item.name.clone();
    let revert = Callback::new(move |(entry, records): (HistoryEntry, Vec<RecordView>)| {
        let after = entry.after;
        let enable = after
            .record
            .filter(|r| records.iter().any(|v| v.id == *r && v.disabled));
        let action = Action::Restore {
            item: id,
            status: after.status,
            record: after.record,
            enable,
        };
        submission.submit(action, move |changed| {
            on_done.run(format!(
                "Reverted {} to {}.",
                changed.name,
                changed.status.label()
            ));
        });
    });
    view! {
        <Modal title=format!("History of {name}") on_close class="history-dialog">
            {move || match page.latest_answer() {
                None => view! { <p class="muted" role="status">"Loading the history…"</p> }.into_any(),
                Some(Err(error)) => {
                    view! { <LoadError error=error.to_string() retry=move || page.refetch() /> }
                        .into_any()
                }
                Some(Ok(page)) => history_list(page, current, revert).into_any(),
            }}
            {move || {
                submission
                    .error
                    .get()
                    .map(|message| view! { <p class="form-error" role="alert">{message}</p> })
            }}
            <div class="modal-actions">
                {more}
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
            </div>
        </Modal>
    }
}

/// The entries, newest first, each with who, when, what, and a Revert when it would change
/// the item as it stands (`current`: its status and record).
fn history_list(
    page: HistoryPage,
    current: (sync_core::SyncStatus, Option<RecordId>),
    revert: Callback<(HistoryEntry, Vec<RecordView>)>,
) -> impl IntoView {
    let clock = use_clock();
    let summary = match (page.total, page.entries.len() as u32) {
        (0, _) => "No change to this item has been recorded yet.".to_owned(),
        (1, _) => "1 change.".to_owned(),
        (total, shown) if shown < total => {
            format!("The newest {shown} of {} changes.", grouped(total))
        }
        (total, _) => format!("{} changes, newest first.", grouped(total)),
    };
    let entries = page.entries.iter().map(|entry| {
        let what = entry.describe(|id| record_name(&page, id));
        let who = format!("{} · {}", entry.actor, what_made(entry));
        let time = entry.time;
        let differs = (entry.after.status, entry.after.record) != current;
        let records = page.records.clone();
        let label = format!("Revert to this: {}", entry.after.status.label());
        view! {
            <li class="history-entry">
                <p class="history-what">{what}</p>
                <p class="muted">
                    {who} " · "
                    <time datetime=time.to_rfc3339() title=exact(time)>
                        {move || relative(time, clock.now())}
                    </time>
                    " (" {exact(time)} ")"
                </p>
                {differs
                    .then(|| {
                        let entry = entry.clone();
                        view! {
                            <button
                                type="button"
                                class="button button-small"
                                aria-label=label
                                on:click=move |_| revert.run((entry.clone(), records.clone()))
                            >
                                "Revert to this"
                            </button>
                        }
                    })}
            </li>
        }
    });
    view! {
        <p class="muted" role="status">{summary}</p>
        <ol class="history-list" aria-label="Changes, newest first">{entries.collect_view()}</ol>
    }
}

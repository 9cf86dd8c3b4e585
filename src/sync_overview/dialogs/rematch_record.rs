//! The Re-match Record dialog: pick the portal record to match the item to (the likeliest are
//! listed best first with their score and reason, the best chosen; a search field finds any
//! other), optionally disable the previous one, and Match.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sync_core::{Action, CandidateQuery, ItemView, RecordId};

use crate::actions::screen::use_screen;
use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::state::config::use_config;
use crate::sync_overview::dialogs::action_dialog::{
    DialogActions, ItemSummary, Submission, Toggle,
};
use crate::ui::focus::focus_by_id;
use crate::ui::format::grouped;
use crate::ui::ids::use_ids;
use crate::ui::modal::Modal;
use crate::ui::options::{Choice, Options};

/// Re-matches `item`; `on_done` gets what to tell the user.
#[component]
pub fn RematchRecord(
    /// The item to re-match.
    item: ItemView,
    /// Closes without changing anything.
    on_close: Callback<()>,
    /// Runs after the re-match was saved, with a sentence saying so.
    on_done: Callback<String>,
) -> impl IntoView {
    let api = use_api();
    let portal = use_config().portal;
    let id = item.id;
    let screen = use_screen();
    let ids = use_ids();
    let (select_id, select_hint_id, find_id, find_hint_id) = (
        ids.of("rematch-record"),
        ids.of("rematch-record-hint"),
        ids.of("rematch-find"),
        ids.of("rematch-find-hint"),
    );
    let find = RwSignal::new(String::new());
    let query = Memo::new(move |_| CandidateQuery {
        filter: find.get(),
        ..CandidateQuery::likeliest()
    });
    let candidates = Fetch::new(query, move |query| {
        let api = api.get();
        screen.changes().track();
        async move { api.candidates(id, query).await }
    });
    let listed = Signal::derive(move || {
        candidates.with_latest(|found| {
            let found = found.map(|c| c.candidates.as_slice()).unwrap_or_default();
            found
                .iter()
                .map(|c| {
                    let label = format!("{} — {}% match, {}", c.record.name, c.score, c.reason);
                    Choice::new(c.record.id, label)
                })
                .collect()
        })
    });
    // What the user picked (none until they pick), and the choice: the pick while the search
    // lists it, so what is chosen is always on show; until a pick, the likeliest record.
    let picked = RwSignal::new(None::<Option<RecordId>>);
    let choice = Memo::new(move |_| {
        candidates.with_latest_answer(|found| {
            let found = match found {
                Some(Ok(found)) => &found.candidates,
                _ => return picked.get().flatten(),
            };
            match picked.get() {
                None => found.first().map(|c| c.record.id),
                Some(pick) => pick.filter(|pick| found.iter().any(|c| c.record.id == *pick)),
            }
        })
    });
    let chosen_value =
        Memo::new(move |_| choice.get().map(|id| id.to_string()).unwrap_or_default());
    let disable_previous = RwSignal::new(false);
    let submission = Submission::new(item.clone(), on_close);
    let none_to_pick = Signal::derive(move || {
        matches!(candidates.latest_answer(), Some(Ok(found)) if found.total == 0)
            && find.with(|f| f.trim().is_empty())
    });
    let has_previous = item.record.is_some();
    let focus_select = {
        let id = select_id.clone();
        move || focus_by_id(&id)
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(record) = choice.get_untracked() else {
            submission
                .error
                .set(Some("Choose the record to match to.".to_owned()));
            focus_select();
            return;
        };
        let target = candidates.with_latest(|found| {
            let found = found.map(|c| c.candidates.as_slice()).unwrap_or_default();
            let picked = found.iter().find(|c| c.record.id == record);
            picked.map(|c| c.record.name.clone()).unwrap_or_default()
        });
        let action = Action::Rematch {
            item: id,
            record,
            disable_previous: disable_previous.get_untracked(),
        };
        submission.submit(action, move |changed| {
            on_done.run(format!("Re-matched {} to {target}.", changed.name));
        });
    };
    view! {
        <Modal title="Re-match Record" on_close>
            <form class="modal-form" on:submit=on_submit novalidate>
                <ItemSummary item />
                <div class="field">
                    <label class="field-label" for=select_id.clone()>
                        {format!("Record to match to ({portal})")}
                    </label>
                    <select
                        id=select_id
                        class="select"
                        autofocus
                        aria-describedby=select_hint_id.clone()
                        on:change=move |ev| {
                            picked.set(Some(event_target_value(&ev).parse().ok().map(RecordId)))
                        }
                    >
                        <option value="" prop:selected=move || choice.get().is_none()>
                            {move || match candidates.latest_answer() {
                                None => "Loading records…",
                                Some(Err(_)) => "Records could not be loaded",
                                Some(Ok(found)) if found.total > 0 => "Choose a record…",
                                Some(Ok(_)) if find.with(|f| f.trim().is_empty()) => {
                                    "No other records to match to"
                                }
                                Some(Ok(_)) => "No record is named like that",
                            }}
                        </option>
                        <Options choices=listed chosen=chosen_value />
                    </select>
                    <p id=select_hint_id class="field-hint">
                        "Likeliest first, with how sure the match is and why."
                    </p>
                    {move || match candidates.latest_answer() {
                        Some(Err(error)) => Some(view! { <p class="form-error" role="alert">{error.to_string()}</p> }),
                        _ => None,
                    }}
                </div>
                <div class="field">
                    <label class="field-label" for=find_id.clone()>
                        "Find a record"
                    </label>
                    <input
                        id=find_id
                        class="input"
                        type="search"
                        placeholder="Name or partial name"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=find_hint_id.clone()
                        prop:value=move || find.get()
                        on:input=move |ev| find.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                            }
                        }
                    />
                    <p id=find_hint_id class="field-hint">
                        {move || match candidates.latest_answer() {
                            Some(Ok(found)) if found.total as usize > found.candidates.len() => {
                                format!(
                                    "The {} likeliest of {} records are listed; type to find others.",
                                    found.candidates.len(),
                                    grouped(found.total),
                                )
                            }
                            Some(Ok(found)) => match found.total {
                                0 if find.with(|f| !f.trim().is_empty()) => {
                                    "No record's name contains that; try part of it.".to_owned()
                                }
                                0 => String::new(),
                                1 => "1 record is listed.".to_owned(),
                                n => format!("{} records are listed.", grouped(n)),
                            },
                            _ => String::new(),
                        }}
                    </p>
                </div>
                <Toggle
                    label=format!("Disable previous {portal} record")
                    on=disable_previous
                    unavailable=(!has_previous).then_some("This item has no previous record.")
                />
                <DialogActions primary="Match" busy="Matching…" submission blocked=none_to_pick on_cancel=on_close />
            </form>
        </Modal>
    }
}

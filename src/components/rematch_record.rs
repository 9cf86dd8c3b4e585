//! The Re-match Record dialog: pick the portal record to match the item to, optionally disable
//! the previous one, and Match.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sync_core::{Action, ItemView, RecordId};

use super::action_dialog::{DialogActions, ItemSummary, Submission, Toggle};
use super::modal::Modal;
use crate::app::use_config;
use crate::backend::use_api;
use crate::screen::{focus_by_id, use_screen};

const SELECT_ID: &str = "rematch-record";

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
    let candidates = LocalResource::new(move || {
        let api = api.get();
        screen.changes.track();
        async move { api.candidates(id).await }
    });
    let listed = move || candidates.get().and_then(Result::ok).unwrap_or_default();
    let choice = RwSignal::new(None::<RecordId>);
    let disable_previous = RwSignal::new(false);
    let submission = Submission::new(on_close);
    let none_to_pick =
        Signal::derive(move || matches!(candidates.get(), Some(Ok(list)) if list.is_empty()));
    let version = item.version;
    let has_previous = item.record.is_some();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(record) = choice.get_untracked() else {
            submission
                .error
                .set(Some("Choose the record to match to.".to_owned()));
            focus_by_id(SELECT_ID);
            return;
        };
        let target = listed()
            .into_iter()
            .find(|r| r.id == record)
            .map(|r| r.name)
            .unwrap_or_default();
        let action = Action::Rematch {
            item: id,
            record,
            disable_previous: disable_previous.get_untracked(),
        };
        submission.submit(action, version, move |changed| {
            on_done.run(format!("Re-matched {} to {target}.", changed.name));
        });
    };
    view! {
        <Modal title="Re-match Record" on_close>
            <form class="modal-form" on:submit=on_submit novalidate>
                <ItemSummary item />
                <div class="field">
                    <label class="field-label" for=SELECT_ID>
                        {format!("Record to match to ({portal})")}
                    </label>
                    <select
                        id=SELECT_ID
                        class="select"
                        autofocus
                        on:change=move |ev| choice.set(event_target_value(&ev).parse().ok().map(RecordId))
                    >
                        <option value="" prop:selected=move || choice.get().is_none()>
                            {move || match candidates.get() {
                                None => "Loading records…",
                                Some(Err(_)) => "Records could not be loaded",
                                Some(Ok(list)) if list.is_empty() => "No other records to match to",
                                Some(Ok(_)) => "Choose a record…",
                            }}
                        </option>
                        <For each=listed key=|r| r.id let:record>
                            <option
                                value=record.id.to_string()
                                prop:selected=move || choice.get() == Some(record.id)
                            >
                                {record.name}
                            </option>
                        </For>
                    </select>
                    {move || match candidates.get() {
                        Some(Err(error)) => Some(view! { <p class="form-error" role="alert">{error.to_string()}</p> }),
                        _ => None,
                    }}
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

//! The Re-match Record dialog: pick the portal record to match the item to (the likeliest are
//! listed best first with their score and reason, the best chosen; a search field finds any
//! other), optionally disable the previous one, and Match. The item's source record is a link
//! away ("Open in <product>"), when it has an address.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sync_core::{Action, ItemView};

use crate::actions::screen::use_screen;
use crate::state::config::use_config;
use crate::state::view_state::ViewState;
use crate::sync_overview::dialogs::action_dialog::{
    DialogActions, ItemSummary, Submission, Toggle,
};
use crate::sync_overview::dialogs::record_choice::RecordChoice;
use crate::sync_overview::dialogs::record_fields::{RecordFind, RecordSelect};
use crate::sync_overview::source_record::{source_record, SourceRecordLink};
use crate::ui::focus::focus_by_id;
use crate::ui::ids::use_ids;
use crate::ui::modal::Modal;

/// Re-matches `item`; `on_done` gets what to tell the user.
#[component]
pub fn RematchRecord(
    /// The item to re-match.
    item: ItemView,
    /// Closes without changing anything.
    on_close: Callback<()>,
    /// Says so when the item changed while the dialog is open.
    #[prop(optional, into)]
    changed: MaybeProp<String>,
    /// Runs after the re-match was saved, with a sentence saying so.
    on_done: Callback<String>,
) -> impl IntoView {
    let config = use_config();
    let portal = config.portal.clone();
    // Its source record, when the screen shows its integration (not in a dialog on its own).
    let source = use_context::<ViewState>()
        .and_then(|view| view.integration().get_untracked())
        .and_then(|integration| source_record(&item, &integration, &config))
        .map(|record| {
            let (name, screen) = (item.name.clone(), use_screen());
            view! { <SourceRecordLink record name screen /> }
        });
    let id = item.id;
    let select_id = use_ids().of("rematch-record");
    let choice = RecordChoice::new(id);
    let disable_previous = RwSignal::new(false);
    let submission = Submission::new(item.clone(), on_close);
    let none_to_pick = Signal::derive(move || choice.none_to_pick());
    let has_previous = item.record.is_some();
    let on_submit = {
        let select_id = select_id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let Some(record) = choice.chosen_now() else {
                submission
                    .error
                    .set(Some("Choose the record to match to.".to_owned()));
                focus_by_id(&select_id);
                return;
            };
            let target = choice.name_of(record);
            let action = Action::Rematch {
                item: id,
                record,
                disable_previous: disable_previous.get_untracked(),
            };
            submission.submit(action, move |changed| {
                on_done.run(format!("Re-matched {} to {target}.", changed.name));
            });
        }
    };
    view! {
        <Modal title="Re-match Record" on_close>
            <form class="modal-form" on:submit=on_submit novalidate>
                <ItemSummary item />
                {source}
                <RecordSelect choice id=select_id portal=portal.clone() />
                <RecordFind choice />
                <Toggle
                    label=format!("Disable previous {portal} record")
                    on=disable_previous
                    unavailable=(!has_previous).then_some("This item has no previous record.")
                />
                <DialogActions notice=changed primary="Match" busy="Matching…" pending=submission.pending error=submission.error blocked=none_to_pick on_cancel=on_close />
            </form>
        </Modal>
    }
}

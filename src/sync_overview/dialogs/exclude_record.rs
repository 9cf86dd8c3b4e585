//! The Exclude Record dialog: optionally disable the item's portal record, and Exclude.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sync_core::{Action, ItemView};

use crate::state::config::use_config;
use crate::sync_overview::dialogs::action_dialog::{
    DialogActions, ItemSummary, Submission, Toggle,
};
use crate::ui::modal::Modal;

/// Excludes `item` from the sync; `on_done` gets what to tell the user.
#[component]
pub fn ExcludeRecord(
    /// The item to exclude.
    item: ItemView,
    /// Closes without changing anything.
    on_close: Callback<()>,
    /// Says so when the item changed while the dialog is open.
    #[prop(optional, into)]
    changed: MaybeProp<String>,
    /// Runs after the exclusion was saved, with a sentence saying so.
    on_done: Callback<String>,
) -> impl IntoView {
    let portal = use_config().portal;
    let disable_record = RwSignal::new(false);
    let submission = Submission::new(item.clone(), on_close);
    let (id, has_record) = (item.id, item.record.is_some());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let disable = disable_record.get_untracked();
        let action = Action::Exclude {
            item: id,
            disable_record: disable,
        };
        submission.submit(action, move |changed| {
            let also = if disable {
                " and disabled its record"
            } else {
                ""
            };
            on_done.run(format!("Excluded {}{also}.", changed.name));
        });
    };
    view! {
        <Modal title="Exclude Record" on_close>
            <form class="modal-form" on:submit=on_submit novalidate>
                <ItemSummary item />
                <p>"The item stays in the list as Excluded and is left out of future syncs. You can include it again from its menu."</p>
                <Toggle
                    label=format!("Disable {portal} record")
                    on=disable_record
                    unavailable=(!has_record).then_some("This item has no record.")
                />
                <DialogActions notice=changed primary="Exclude" busy="Excluding…" pending=submission.pending error=submission.error blocked=Signal::stored(false) on_cancel=on_close />
            </form>
        </Modal>
    }
}

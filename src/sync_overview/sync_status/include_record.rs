//! Include Record: an excluded item brought back into the sync, with its undo offered.

use leptos::task::spawn_local;
use sync_core::{Action, ItemView};

use crate::actions::screen::Screen;
use crate::actions::write::{new_key, write_undoable, Refusal};
use crate::data::Api;
use crate::ui::focus::focus_by_id;

/// Includes an excluded item again (Include Record), offering its undo; on a refusal, focus goes
/// back to the row's actions button.
pub fn include_record(api: Api, screen: Screen, item: ItemView, button: String) {
    spawn_local(async move {
        let action = Action::Include { item: item.id };
        match write_undoable(api, screen, action, &item, &new_key()).await {
            Ok(changed) => {
                screen.focus_row(item.id);
                screen.changed(format!(
                    "Included {}; it is {} again.",
                    changed.name,
                    changed.status.label()
                ));
            }
            Err(refusal) => {
                if let Refusal::Failed(why) = refusal {
                    screen.failed(format!("Could not include {}: {why}", item.name));
                }
                focus_by_id(&button);
            }
        }
    });
}

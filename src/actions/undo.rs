//! Sending the undo on offer ([`crate::actions::undo_offer`]): the Undo button or Ctrl+Z puts what
//! the latest action changed back as it was, through the one write path.

use leptos::task::spawn_local;
use sync_core::Action;

use crate::actions::bulk::{left_alone, were, Names, Summary};
use crate::actions::rules::undone;
use crate::actions::screen::Screen;
use crate::actions::undo_offer::Restore;
use crate::actions::write::new_key;
use crate::actions::write::{write, write_batch, Refusal};
use crate::data::{Api, BatchBody};
use crate::ui::format::items;

/// Sends the undo on offer, if any: what the action changed is put back as it was, unless it
/// changed since (then it is left as it is, and the screen says so).
pub fn undo(api: Api, screen: Screen) {
    let Some(restore) = screen.undo().take() else {
        return;
    };
    spawn_local(async move {
        match restore {
            Restore::Item(restore, version, name) => {
                undo_item(api, screen, restore, version, name).await
            }
            Restore::Batch(batch, names) => undo_batch(api, screen, batch, &names).await,
        }
    });
}

/// Puts one item back as it was.
async fn undo_item(api: Api, screen: Screen, restore: Action, version: u32, name: String) {
    let item = restore.item();
    let stale = format!("{name} was changed by someone else since; Undo left it as it is.");
    match write(api, screen, restore, version, &new_key(), Some(stale)).await {
        Ok(restored) => {
            screen.focus_row(item);
            screen.changed(format!(
                "Undone: {} is {} again.",
                restored.name,
                restored.status.label()
            ));
        }
        // The write said so, with the item's latest change.
        Err(Refusal::Stale) => {}
        Err(Refusal::Failed(why)) => {
            screen.failed(format!("Could not undo the change to {name}: {why}"))
        }
    }
}

/// Puts a batch's items back as they were, leaving those changed since.
async fn undo_batch(api: Api, screen: Screen, batch: BatchBody, names: &Names) {
    match write_batch(api, screen, batch, &new_key()).await {
        Ok(outcome) => {
            let mut said = match &outcome.rule {
                Some(rule) => undone(rule, outcome.changed),
                None => format!("Undone: {} put back as before", items(outcome.changed)),
            };
            let left = left_alone(names, &outcome);
            if !left.is_empty() {
                said += &format!(
                    "; {} changed by someone else since and left as they are",
                    were(left.len())
                );
            }
            said.push('.');
            screen.summarised(Summary { said, left });
        }
        Err(why) => screen.failed(format!("Could not undo the change: {why}")),
    }
}

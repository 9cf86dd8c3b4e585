//! The undo on offer after the latest action: which restore to send, for how long it is offered,
//! and sending it. [`UndoOffer`] holds it (the screen's, see [`Screen::undo`]): offered by
//! [`offer`] (the write path, after an action succeeds), taken back by [`undo`] (the Undo button
//! or Ctrl+Z), by the next offer, by a failure, or when it expires.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{Action, ItemView};

use crate::actions::bulk::{left_alone, were, Names, Summary};
use crate::actions::screen::Screen;
use crate::actions::write::new_key;
use crate::actions::write::{write, write_batch, Refusal};
use crate::data::{Api, BatchBody};
use crate::ui::format::items;

/// How long an action can be undone.
pub const OFFERED_FOR: Duration = Duration::from_secs(30);

/// An action's undo, on offer.
#[derive(Clone, Debug)]
pub struct Undo {
    /// What puts things back.
    restore: Restore,
    /// Which offer this is, so that an old offer's expiry leaves a newer one alone.
    offer: u64,
}

/// What puts things back as they were before an action.
#[derive(Clone, Debug)]
enum Restore {
    /// One item's restore, at the version the action left it at, and the item's name.
    Item(Action, u32, String),
    /// A batch's undo (itself a batch), and the names of its items.
    Batch(BatchBody, Arc<Names>),
}

/// The undo on offer, if any. Written only here.
#[derive(Clone, Copy)]
pub struct UndoOffer(RwSignal<Option<Undo>>);

impl UndoOffer {
    /// Nothing on offer.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// Whether an undo is on offer (tracked).
    pub fn is_offered(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// Whether an undo is on offer, now (untracked).
    pub fn is_offered_now(&self) -> bool {
        self.0.with_untracked(Option::is_some)
    }

    /// Takes the offer back (a failure, or data that no longer has what it would restore).
    pub fn withdraw(&self) {
        self.0.set(None);
    }

    /// Takes the offer to send it.
    fn take(&self) -> Option<Undo> {
        self.0.try_update(Option::take).flatten()
    }
}

impl Default for UndoOffer {
    fn default() -> Self {
        Self::new()
    }
}

/// Offers the undo of `action`, taken on `before`, which left the item as `changed`.
pub fn offer(screen: Screen, action: &Action, before: &ItemView, changed: &ItemView) {
    let restore = Restore::Item(action.undo(before), changed.version, changed.name.clone());
    put_on_offer(screen, restore);
}

/// Offers `undo`, the undo a batch answered with; `names` names its items.
pub fn offer_batch(screen: Screen, undo: BatchBody, names: Arc<Names>) {
    put_on_offer(screen, Restore::Batch(undo, names));
}

/// Puts `restore` on offer in place of any other, for [`OFFERED_FOR`].
fn put_on_offer(screen: Screen, restore: Restore) {
    static OFFERS: AtomicU64 = AtomicU64::new(0);
    let offer = OFFERS.fetch_add(1, Ordering::Relaxed);
    let held = screen.undo().0;
    held.set(Some(Undo { restore, offer }));
    set_timeout(
        move || {
            held.try_update(|u| {
                if u.as_ref().is_some_and(|u| u.offer == offer) {
                    *u = None;
                }
            });
        },
        OFFERED_FOR,
    );
}

/// Sends the undo on offer, if any: what the action changed is put back as it was, unless it
/// changed since (then it is left as it is, and the screen says so).
pub fn undo(api: Api, screen: Screen) {
    let Some(undo) = screen.undo().take() else {
        return;
    };
    spawn_local(async move {
        match undo.restore {
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
    match write(api, screen, restore, version, &new_key()).await {
        Ok(restored) => {
            screen.focus_row(item);
            screen.changed(format!(
                "Undone: {} is {} again.",
                restored.name,
                restored.status.label()
            ));
        }
        Err(Refusal::Stale) => screen.failed(format!(
            "{name} was changed by someone else since; Undo left it as it is."
        )),
        Err(Refusal::Failed(why)) => {
            screen.failed(format!("Could not undo the change to {name}: {why}"))
        }
    }
}

/// Puts a batch's items back as they were, leaving those changed since.
async fn undo_batch(api: Api, screen: Screen, batch: BatchBody, names: &Names) {
    match write_batch(api, screen, batch, &new_key()).await {
        Ok(outcome) => {
            let mut said = format!("Undone: {} put back as before", items(outcome.changed));
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

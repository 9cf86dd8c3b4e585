//! The undo on offer after the latest action, and for how long it is offered (the screen's, see
//! [`crate::actions::screen::Screen::undo`]); [`crate::actions::undo`] sends it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use sync_core::{Action, ItemView};

use crate::actions::bulk::Names;
use crate::data::BatchBody;

/// How long an action can be undone.
pub const OFFERED_FOR: Duration = Duration::from_secs(30);

/// An action's undo, on offer.
#[derive(Clone, Debug)]
struct Undo {
    /// What puts things back.
    restore: Restore,
    /// Which offer this is, so that an old offer's expiry leaves a newer one alone.
    offer: u64,
}

/// What puts things back as they were before an action.
#[derive(Clone, Debug)]
pub enum Restore {
    /// One item's restore, at the version the action left it at, and the item's name.
    Item(Action, u32, String),
    /// A batch's undo (itself a batch), and the names of its items.
    Batch(BatchBody, Arc<Names>),
}

/// The undo on offer, if any: offered by the write path after an action succeeds, taken to
/// send it, withdrawn by a failure, gone when it expires. Written only here.
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
    pub fn take(&self) -> Option<Restore> {
        self.0
            .try_update(Option::take)
            .flatten()
            .map(|undo| undo.restore)
    }

    /// Offers the undo of `action`, taken on `before`, which left the item as `changed`.
    pub fn offer(&self, action: &Action, before: &ItemView, changed: &ItemView) {
        let restore = Restore::Item(action.undo(before), changed.version, changed.name.clone());
        self.put_on_offer(restore);
    }

    /// Offers `undo`, the undo a batch answered with; `names` names its items.
    pub fn offer_batch(&self, undo: BatchBody, names: Arc<Names>) {
        self.put_on_offer(Restore::Batch(undo, names));
    }

    /// Puts `restore` on offer in place of any other, for [`OFFERED_FOR`].
    fn put_on_offer(&self, restore: Restore) {
        static OFFERS: AtomicU64 = AtomicU64::new(0);
        let offer = OFFERS.fetch_add(1, Ordering::Relaxed);
        let held = self.0;
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
}

impl Default for UndoOffer {
    fn default() -> Self {
        Self::new()
    }
}

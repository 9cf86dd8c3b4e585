//! The undo on offer after the latest action: which restore to send, for how long it is offered,
//! and sending it. Owned by [`Screen::undo`]: offered by [`offer`] (the write path, after an
//! action succeeds), taken back by [`undo`] (the Undo button or Ctrl+Z), by the next offer, or
//! when it expires.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{Action, ItemView};

use crate::backend::Api;
use crate::screen::{new_key, Screen};
use crate::write::{write, Refusal};

/// How long an action can be undone.
pub const OFFERED_FOR: Duration = Duration::from_secs(30);

/// An action's undo: the restore and the version it expects (the one the action left).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// Puts the item back as it was.
    pub restore: Action,
    /// The version the action left the item at.
    pub version: u32,
    /// The item's name, for what the screen says.
    name: String,
    /// Which offer this is, so that an old offer's expiry leaves a newer one alone.
    offer: u64,
}

/// Offers the undo of `action`, taken on `before`, which left the item as `changed`.
pub fn offer(screen: Screen, action: &Action, before: &ItemView, changed: &ItemView) {
    static OFFERS: AtomicU64 = AtomicU64::new(0);
    let offer = OFFERS.fetch_add(1, Ordering::Relaxed);
    screen.undo.set(Some(Undo {
        restore: action.undo(before),
        version: changed.version,
        name: changed.name.clone(),
        offer,
    }));
    set_timeout(
        move || {
            screen.undo.try_update(|u| {
                if u.as_ref().is_some_and(|u| u.offer == offer) {
                    *u = None;
                }
            });
        },
        OFFERED_FOR,
    );
}

/// Sends the undo on offer, if any: the item is put back as it was, unless it changed since
/// (then it is left as it is, and the screen says so).
pub fn undo(api: Api, screen: Screen) {
    let Some(undo) = screen.undo.get_untracked() else {
        return;
    };
    screen.undo.set(None);
    let item = undo.restore.item();
    spawn_local(async move {
        match write(api, screen, undo.restore, undo.version, &new_key()).await {
            Ok(restored) => {
                screen.focus_item.set(Some(item));
                screen.changed(format!(
                    "Undone: {} is {} again.",
                    restored.name,
                    restored.status.label()
                ));
            }
            Err(Refusal::Stale) => screen.failed(format!(
                "{} was changed by someone else since; Undo left it as it is.",
                undo.name
            )),
            Err(Refusal::Failed(why)) => {
                screen.failed(format!("Could not undo the change to {}: {why}", undo.name))
            }
        }
    });
}

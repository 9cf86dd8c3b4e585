//! What the screen says and offers after an action: the announcement or alert, the undo on
//! offer, the items a batch left as they were, which row takes focus back, and the reload of what
//! shows the data. Each part is its own context type with its own verbs; this one puts them
//! together as an action's outcome needs them. Provided as context by the Sync Overview page.

use leptos::prelude::*;
use sync_core::ItemId;

use crate::actions::bulk::{Left, Summary};
use crate::actions::undo_offer::UndoOffer;
use crate::app::host_events::{use_host_events, HostEvents};
use crate::state::announcer::Announcer;
use crate::state::changes::DataChanges;
use crate::state::row_focus::RowFocus;

/// The outcome of actions, as the screen shows it.
#[derive(Clone, Copy)]
pub struct Screen {
    announcer: Announcer,
    changes: DataChanges,
    focus: RowFocus,
    undo: UndoOffer,
    /// What the page the app is embedded in hears.
    host: HostEvents,
    /// The items the latest batch left as they were, each with why (shown on request).
    left: RwSignal<Vec<Left>>,
}

impl Screen {
    /// Nothing said, offered or left yet; the host page hears of changes and failures.
    pub fn new() -> Self {
        Self {
            announcer: Announcer::new(),
            changes: DataChanges::new(),
            focus: RowFocus::new(),
            undo: UndoOffer::new(),
            host: use_host_events(),
            left: RwSignal::new(Vec::new()),
        }
    }

    /// Tells the user what happened and reloads what shows the data.
    pub fn changed(&self, message: String) {
        self.changes.bump();
        self.left.set(Vec::new());
        self.announcer.announce(message);
    }

    /// Tells the user what a batch did, keeping the items it left as they were at hand.
    pub fn summarised(&self, summary: Summary) {
        self.changed(summary.said);
        self.left.set(summary.left);
    }

    /// Tells the user that something they did failed (and changed nothing).
    pub fn failed(&self, message: String) {
        self.failed_as("failed", message);
    }

    /// Tells the user that something they did failed, of `kind` (the host's `error` event's
    /// `type`: `stale` when someone changed the item meanwhile).
    pub fn failed_as(&self, kind: &str, message: String) {
        self.host.error(kind, &message);
        self.undo.withdraw();
        self.left.set(Vec::new());
        self.announcer.fail(message);
    }

    /// Tells the user something that changed no data (a file saved).
    pub fn announce(&self, message: String) {
        self.announcer.announce(message);
    }

    /// Asks for `item`'s row to take focus back once the list shows it again.
    pub fn focus_row(&self, item: ItemId) {
        self.focus.focus_row(item);
    }

    /// What the host page hears.
    pub fn host(&self) -> HostEvents {
        self.host
    }

    /// The pending request for a row to take focus, taken (by the list).
    pub fn take_focus(&self) -> Option<ItemId> {
        self.focus.take()
    }

    /// What is said and the alert.
    pub fn announcer(&self) -> Announcer {
        self.announcer
    }

    /// The data's change tick: track it to reload after a change, bump it to reload.
    pub fn changes(&self) -> DataChanges {
        self.changes
    }

    /// The undo on offer.
    pub fn undo(&self) -> UndoOffer {
        self.undo
    }

    /// How many items the latest batch left as they were (tracked).
    pub fn left_count(&self) -> usize {
        self.left.with(Vec::len)
    }

    /// The items the latest batch left as they were, as they are now (untracked).
    pub fn left(&self) -> Vec<Left> {
        self.left.get_untracked()
    }
}

impl Default for Screen {
    fn default() -> Self {
        Self::new()
    }
}

/// The screen state provided by the page.
pub fn use_screen() -> Screen {
    expect_context::<Screen>()
}

//! The screen's shared state besides its view (see [`crate::state::view_state`]): what changed, what to
//! tell the user, and where focus goes next. Provided as context by the Sync Overview page.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use sync_core::ItemId;

use crate::actions::bulk::{Left, Summary};
use crate::actions::undo::Undo;

/// The screen's state.
#[derive(Clone, Copy)]
pub struct Screen {
    /// Bumped after every change to the data, so that what shows it reloads.
    pub changes: RwSignal<u32>,
    /// The latest outcome, read out politely by screen readers.
    pub announcement: RwSignal<String>,
    /// The latest failure outside a dialog, read out at once; cleared by the next success.
    pub alert: RwSignal<Option<String>>,
    /// The item whose row should take focus once it is shown again.
    pub focus_item: RwSignal<Option<ItemId>>,
    /// The current time for relative times, ticked every half minute by the Sync Overview page.
    pub now: RwSignal<DateTime<Utc>>,
    /// The undo on offer after the latest action (see [`crate::actions::undo`]).
    pub undo: RwSignal<Option<Undo>>,
    /// The items the latest batch left as they were, each with why (shown on request).
    pub left: RwSignal<Vec<Left>>,
}

impl Screen {
    /// A screen with nothing said yet.
    pub fn new() -> Self {
        Self {
            changes: RwSignal::new(0),
            announcement: RwSignal::new(String::new()),
            alert: RwSignal::new(None),
            focus_item: RwSignal::new(None),
            now: RwSignal::new(Utc::now()),
            undo: RwSignal::new(None),
            left: RwSignal::new(Vec::new()),
        }
    }

    /// Tells the user what happened and reloads what shows the data.
    pub fn changed(&self, message: String) {
        self.changes.update(|n| *n += 1);
        self.alert.set(None);
        self.left.set(Vec::new());
        self.announcement.set(message);
    }

    /// Tells the user what a batch did, keeping the items it left as they were at hand.
    pub fn summarised(&self, summary: Summary) {
        self.changed(summary.said);
        self.left.set(summary.left);
    }

    /// Tells the user that something they did failed (and changed nothing).
    pub fn failed(&self, message: String) {
        self.announcement.set(String::new());
        self.undo.set(None);
        self.left.set(Vec::new());
        self.alert.set(Some(message));
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

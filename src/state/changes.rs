//! The data's change tick: bumped after every change to the data (made here, or heard from
//! another tab), tracked by everything that loads it, so that it reloads.

use leptos::prelude::*;

/// The change tick.
#[derive(Clone, Copy)]
pub struct DataChanges(RwSignal<u32>);

impl DataChanges {
    /// A tick at zero.
    pub fn new() -> Self {
        Self(RwSignal::new(0))
    }

    /// Says the data changed: what tracks the tick reloads.
    pub fn bump(&self) {
        self.0.try_update(|n| *n = n.wrapping_add(1));
    }

    /// Makes the reactive code running now reload after the next change.
    pub fn track(&self) {
        self.0.track();
    }
}

impl Default for DataChanges {
    fn default() -> Self {
        Self::new()
    }
}

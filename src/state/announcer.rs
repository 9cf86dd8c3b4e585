//! What the screen tells the user: the latest outcome (read out politely) or the latest failure
//! outside a dialog (read out at once), one at a time.

use leptos::prelude::*;

/// The announcement and the alert.
#[derive(Clone, Copy)]
pub struct Announcer {
    said: RwSignal<String>,
    alert: RwSignal<Option<String>>,
}

impl Announcer {
    /// Nothing said yet.
    pub fn new() -> Self {
        Self {
            said: RwSignal::new(String::new()),
            alert: RwSignal::new(None),
        }
    }

    /// Says what happened; the alert of an earlier failure goes.
    pub fn announce(&self, message: String) {
        self.alert.set(None);
        self.said.set(message);
    }

    /// Says what failed (and changed nothing).
    pub fn fail(&self, message: String) {
        self.said.set(String::new());
        self.alert.set(Some(message));
    }

    /// Takes the alert away (its Dismiss button).
    pub fn dismiss(&self) {
        self.alert.set(None);
    }

    /// The latest outcome (tracked).
    pub fn said(&self) -> String {
        self.said.get()
    }

    /// The latest failure, while it stands (tracked).
    pub fn alert(&self) -> Option<String> {
        self.alert.get()
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

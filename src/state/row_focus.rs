//! Which item's row takes focus back once the list shows it again (after an action on it, or
//! when its dialog closes). A request kept until the list takes it, not a signal: nothing
//! renders from it.

use leptos::prelude::*;
use sync_core::ItemId;

/// The pending focus request.
#[derive(Clone, Copy)]
pub struct RowFocus(StoredValue<Option<ItemId>>);

impl RowFocus {
    /// No request.
    pub fn new() -> Self {
        Self(StoredValue::new(None))
    }

    /// Asks for `item`'s row to take focus when the list next shows its page.
    pub fn focus_row(&self, item: ItemId) {
        self.0.set_value(Some(item));
    }

    /// Takes the request, if any (the list, once its page is shown).
    pub fn take(&self) -> Option<ItemId> {
        self.0.try_update_value(Option::take).flatten()
    }
}

impl Default for RowFocus {
    fn default() -> Self {
        Self::new()
    }
}

//! Element ids of one mounted app: each app gets its own prefix, so two apps on one page never
//! share an id (labels, focus moves and ARIA references stay inside their own app). Provided as
//! context by the app's root.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use sync_core::ItemId;

/// The id prefix of one mounted app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ids(Arc<str>);

impl Ids {
    /// A prefix no other app on the page has ("so1-", "so2-", …).
    pub fn new() -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        Self(format!("so{}-", NEXT.fetch_add(1, Ordering::Relaxed)).into())
    }

    /// This app's id for `name`.
    pub fn of(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }

    /// The id of the actions button of an item's row.
    pub fn actions_button(&self, item: ItemId) -> String {
        self.of(&format!("actions-{item}"))
    }
}

impl Default for Ids {
    fn default() -> Self {
        Self::new()
    }
}

/// The ids of the app this component belongs to.
pub fn use_ids() -> Ids {
    expect_context::<Ids>()
}

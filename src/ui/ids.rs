//! Element ids, from one counter: each mounted app gets its own prefix ([`Ids`], provided as
//! context by the app's root), so two apps on one page never share an id (labels, focus moves and
//! ARIA references stay inside their own app); an element made many times (a dialog, a menu) gets
//! a page-unique id ([`unique_id`]).

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
        Self(format!("so{}-", next()).into())
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

/// The next number of the page's one id counter.
fn next() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A page-unique id for an element, from a prefix.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", next())
}

/// The ids of the app this component belongs to.
pub fn use_ids() -> Ids {
    expect_context::<Ids>()
}

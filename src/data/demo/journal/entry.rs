//! One change in the journal, and where it sits.

use serde::{Deserialize, Serialize};
use sync_core::{Action, Batch};

/// Where an entry sits in the journal; entries replay in this order.
pub type Seq = u64;

/// One change to the demo data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    /// A user's action on an item.
    Action(Action),
    /// One change to many items, each at its version (those that changed since were left out
    /// when it was appended, and are again when it is replayed).
    Batch(Batch),
    /// Every earlier change discarded: the demo data starts again from its generator.
    Reset,
}

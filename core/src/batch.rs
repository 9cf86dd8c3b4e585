//! Many items changed in one go: a batch carries each item with the version it was read at, is
//! checked item by item (an item that changed since, or whose action is refused, is left as it is
//! and reported), and answers with its exact undo, itself a batch. Applied in time linear in its
//! size; stored compactly (one `[item, version]` pair per item for Exclude and Include).

use serde::{Deserialize, Serialize};

use crate::action::{Action, ActionError};
use crate::model::{ItemId, RecordId, SyncStatus};
use crate::store::Store;
use crate::transition::Change;

/// One item of a Restore batch: `[item, version, status, record, record to enable]`.
pub type RestoreItem = (ItemId, u32, SyncStatus, Option<RecordId>, Option<RecordId>);

/// The same change to many items, each with the version it was read at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Batch {
    /// Leave the items out of the sync; with `disable_record`, also disable the record of each
    /// item that has one.
    Exclude {
        /// Also disable the records.
        disable_record: bool,
        /// `[item, version]` pairs.
        items: Vec<(ItemId, u32)>,
    },
    /// Bring excluded items back into the sync.
    Include {
        /// `[item, version]` pairs.
        items: Vec<(ItemId, u32)>,
    },
    /// Match each item to a record (accepting suggestions).
    Rematch {
        /// `[item, record, version]` triples.
        items: Vec<(ItemId, RecordId, u32)>,
    },
    /// Put each item back as it was (a batch's undo).
    Restore {
        /// What to put back, item by item.
        items: Vec<RestoreItem>,
    },
}

impl Batch {
    /// How many items it names.
    pub fn len(&self) -> usize {
        match self {
            Self::Exclude { items, .. } | Self::Include { items } => items.len(),
            Self::Rematch { items } => items.len(),
            Self::Restore { items } => items.len(),
        }
    }

    /// Whether it names no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchOutcome {
    /// How many items changed.
    pub changed: u32,
    /// The items left as they are because someone changed them since they were read.
    pub stale: Vec<ItemId>,
    /// The items left as they are because their action was refused (already excluded, gone…).
    pub refused: Vec<(ItemId, ActionError)>,
    /// Puts every changed item back as it was; empty when nothing changed.
    pub undo: Option<Batch>,
}

impl Store {
    /// Applies `batch` item by item: each item still at its version whose action is allowed
    /// changes; the others are left as they are and reported. Returns what it did and its undo.
    pub fn apply_batch(&mut self, batch: &Batch) -> BatchOutcome {
        let (changes, outcome) = self.plan_batch(batch);
        for change in &changes {
            self.commit(change);
        }
        outcome
    }

    /// Works out what [`Store::apply_batch`] will change, changing nothing yet (so that it can be
    /// saved elsewhere first): the changes, and the outcome once they are made. Every item is
    /// checked against the store as it is now; an item named twice is stale the second time.
    pub fn plan_batch(&self, batch: &Batch) -> (Vec<Change>, BatchOutcome) {
        let mut outcome = BatchOutcome::default();
        let mut changes = Vec::with_capacity(batch.len());
        let mut undo = Vec::new();
        let mut seen = vec![false; self.items.len()];
        let mut plan = |action: Action, version: u32| {
            let item = action.item();
            let first = seen
                .get_mut(item.index())
                .map(|s| !std::mem::replace(s, true));
            let checked = match first {
                Some(false) => Err(ActionError::StaleVersion {
                    expected: version,
                    actual: version + 1,
                }),
                _ => self.change(&action, Some(version)),
            };
            match checked {
                Ok(change) => {
                    let it = &self.items[item.index()];
                    let record = it.record.map(|r| (r, self.records[r.index()].disabled));
                    if let Action::Restore {
                        status,
                        record,
                        enable,
                        ..
                    } = action.undo_from(item, it.status, record)
                    {
                        undo.push((item, change.version, status, record, enable));
                    }
                    changes.push(change);
                }
                Err(ActionError::StaleVersion { .. }) => outcome.stale.push(item),
                Err(error) => outcome.refused.push((item, error)),
            }
        };
        match batch {
            Batch::Exclude {
                disable_record,
                items,
            } => {
                for &(item, version) in items {
                    // Disable the record only of an item that has one.
                    let has_record = self
                        .items
                        .get(item.index())
                        .is_some_and(|i| i.record.is_some());
                    let action = Action::Exclude {
                        item,
                        disable_record: *disable_record && has_record,
                    };
                    plan(action, version);
                }
            }
            Batch::Include { items } => {
                for &(item, version) in items {
                    plan(Action::Include { item }, version);
                }
            }
            Batch::Rematch { items } => {
                for &(item, record, version) in items {
                    let action = Action::Rematch {
                        item,
                        record,
                        disable_previous: false,
                    };
                    plan(action, version);
                }
            }
            Batch::Restore { items } => {
                for &(item, version, status, record, enable) in items {
                    let action = Action::Restore {
                        item,
                        status,
                        record,
                        enable,
                    };
                    plan(action, version);
                }
            }
        }
        outcome.changed = changes.len() as u32;
        outcome.undo = (!undo.is_empty()).then_some(Batch::Restore { items: undo });
        (changes, outcome)
    }
}

//! Many items changed in one go: a batch carries each item with the version it was read at, is
//! checked item by item (an item that changed since, or whose action is refused, is left as it is
//! and reported), and answers with its exact undo, itself a batch. Applied in time linear in its
//! size; stored compactly (one `[item, version]` pair per item for Exclude and Include).

mod read;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::action::{Action, ActionError};
use crate::model::{ClientId, IntegrationId, ItemId, RecordId, ResourceType, SyncStatus};
use crate::store::Store;
use crate::transition::Change;

/// One item of a Restore batch: `[item, version, status, record, record to enable]`.
pub type RestoreItem = (ItemId, u32, SyncStatus, Option<RecordId>, Option<RecordId>);

/// The same change to many items, each with the version it was read at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", try_from = "read::BatchFields")]
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
    /// Exclude every item of a list that is not excluded yet, named by the list (a request of a
    /// few hundred bytes for 100,000 items). Read only with the `read-list-batches` feature: a
    /// browser sends these and never reads one back (about 8 kB of wasm saved).
    ExcludeMatching {
        /// Also disable the records.
        disable_record: bool,
        /// The list.
        matching: ListItems,
    },
    /// Include every excluded item of a list, named by the list.
    IncludeMatching {
        /// The list.
        matching: ListItems,
    },
}

/// The items of one list, named by its filters rather than one by one: every item of the
/// integration's client matching `filter`, `type` and `status`, but those in `except`, as the list
/// was read at change `as_of` ([`crate::ItemPage::as_of`]). An item changed after `as_of` that
/// matches the filters now, or did before that change, is reported as changed since it was
/// read and left as it is, as an id batch reports an item at another version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItems {
    /// The integration.
    pub integration: IntegrationId,
    /// The client.
    pub client: ClientId,
    /// Name or partial name (empty: every name).
    #[serde(default)]
    pub filter: String,
    /// Only this type.
    #[serde(default, rename = "type")]
    pub resource_type: Option<ResourceType>,
    /// Only this status.
    #[serde(default)]
    pub status: Option<SyncStatus>,
    /// Items left out (unticked), by id, in ascending order (a server refuses them otherwise).
    #[serde(default)]
    pub except: Vec<ItemId>,
    /// The change the list was read at.
    pub as_of: u64,
}

impl Batch {
    /// How many items it names one by one (none when it names them by a list).
    pub fn len(&self) -> usize {
        match self {
            Self::Exclude { items, .. } | Self::Include { items } => items.len(),
            Self::Rematch { items } => items.len(),
            Self::Restore { items } => items.len(),
            Self::ExcludeMatching { .. } | Self::IncludeMatching { .. } => 0,
        }
    }

    /// Whether it names no item one by one.
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
    /// How many items of a list the action did not apply to (already excluded ones, for an
    /// Exclude), left out.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub skipped: u32,
    /// The names of the items reported stale or refused, by id: a batch that names its items by
    /// a list is the only place they are known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<(ItemId, String)>,
    /// Puts every changed item back as it was; empty when nothing changed.
    pub undo: Option<Batch>,
}

impl BatchOutcome {
    /// This outcome, after what resolving its batch's list reported ([`Store::name_items`]).
    pub fn after(mut self, resolved: BatchOutcome) -> Self {
        self.stale.extend(resolved.stale);
        self.names.extend(resolved.names);
        self.skipped += resolved.skipped;
        self
    }
}

impl Store {
    /// Applies `batch` item by item: each item still at its version whose action is allowed
    /// changes; the others are left as they are and reported. Returns what it did and its undo.
    pub fn apply_batch(&mut self, batch: &Batch) -> BatchOutcome {
        let (changes, outcome) = self.plan_batch(batch);
        for change in &changes {
            self.commit(change);
        }
        if !changes.is_empty() {
            self.head += 1;
        }
        outcome
    }

    /// Works out what [`Store::apply_batch`] will change, changing nothing yet (so that it can be
    /// saved elsewhere first): the changes, and the outcome once they are made. Every item is
    /// checked against the store as it is now; an item named twice is stale the second time.
    pub fn plan_batch(&self, batch: &Batch) -> (Vec<Change>, BatchOutcome) {
        let (batch, mut outcome) = self.name_items(batch);
        let batch = &*batch;
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
            Batch::ExcludeMatching { .. } | Batch::IncludeMatching { .. } => {
                unreachable!("a batch naming its items by a list was listed above")
            }
        }
        outcome.changed = changes.len() as u32;
        outcome.undo = (!undo.is_empty()).then_some(Batch::Restore { items: undo });
        let left = outcome
            .stale
            .iter()
            .chain(outcome.refused.iter().map(|(id, _)| id));
        outcome.names = self.names(left);
        (changes, outcome)
    }

    /// The batch naming each of its items: a batch naming a list, resolved against the store as
    /// it is now (the outcome returned reports its stale and skipped items); any other as it is.
    pub fn name_items<'a>(&self, batch: &'a Batch) -> (Cow<'a, Batch>, BatchOutcome) {
        let mut outcome = BatchOutcome::default();
        let named = match batch {
            Batch::ExcludeMatching {
                disable_record,
                matching,
            } => Cow::Owned(Batch::Exclude {
                disable_record: *disable_record,
                items: self.resolve(matching, |s| s != SyncStatus::Excluded, &mut outcome),
            }),
            Batch::IncludeMatching { matching } => Cow::Owned(Batch::Include {
                items: self.resolve(matching, |s| s == SyncStatus::Excluded, &mut outcome),
            }),
            batch => Cow::Borrowed(batch),
        };
        if !outcome.stale.is_empty() {
            outcome.names = self.names(&outcome.stale);
        }
        (named, outcome)
    }

    fn names<'a>(&self, items: impl IntoIterator<Item = &'a ItemId>) -> Vec<(ItemId, String)> {
        items
            .into_iter()
            .filter_map(|id| Some((*id, self.items.get(id.index())?.name.clone())))
            .collect()
    }

    /// The items of `list` that `applies` to (by status), each at its version; counts the others
    /// as skipped, and reports those changed since the list was read as stale.
    fn resolve(
        &self,
        list: &ListItems,
        applies: impl Fn(SyncStatus) -> bool,
        outcome: &mut BatchOutcome,
    ) -> Vec<(ItemId, u32)> {
        let Some(listing) = self.items_of.get(&(list.integration, list.client)) else {
            return Vec::new();
        };
        let except = &list.except;
        let listed_status = |s: SyncStatus| list.status.is_none_or(|wanted| wanted == s);
        let needle = list.filter.trim().to_lowercase();
        let ids = listing.ids();
        let mut items = Vec::new();
        listing.matching(&needle, |position| {
            let (resource_type, status) = listing.kind(position);
            let id = ids[position];
            if list.resource_type.is_some_and(|t| t != resource_type)
                || except.binary_search(&id).is_ok()
            {
                return;
            }
            let (seq, before) = self.changed[id.index()];
            if seq > list.as_of {
                if listed_status(status) || listed_status(before) {
                    outcome.stale.push(id);
                }
            } else if listed_status(status) {
                if applies(status) {
                    items.push((id, self.items[id.index()].version));
                } else {
                    outcome.skipped += 1;
                }
            }
        });
        items
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

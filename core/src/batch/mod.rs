//! Many items changed in one go: a batch carries each item with the version it was read at, is
//! checked item by item (an item that changed since, or whose action is refused, is left as it is
//! and reported), and answers with its exact undo, itself a batch. Applied in time linear in its
//! size; stored compactly (one `[item, version]` pair per item for Exclude and Include).

mod list;
mod plan;
mod read;

use serde::{Deserialize, Serialize};

use crate::action::ActionError;
use crate::model::{ClientId, IntegrationId, ItemId, RecordId, ResourceType, RuleId, SyncStatus};
use crate::query::ItemFlag;
use crate::rule::{NewRule, Rule};
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
    /// Save an exclusion rule, and exclude every item of its integration it is about that is not
    /// excluded yet, as they were at change `as_of` (the preview's): an item changed since is
    /// reported and left as it is. Its undo deletes the rule and puts the items back.
    AddRule {
        /// The rule.
        rule: NewRule,
        /// The change the items were read at ([`crate::RulePreview::as_of`]).
        as_of: u64,
        /// The items to exclude, `[item, version]`, once resolved ([`Store::name_items`]); a
        /// batch sent names none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        items: Option<Vec<(ItemId, u32)>>,
    },
    /// Put a rule in force again or delete it (kept inactive), and put items back as they were.
    SetRule {
        /// The rule.
        id: RuleId,
        /// Whether it is in force.
        active: bool,
        /// What to put back, item by item (as a Restore batch's items).
        items: Vec<RestoreItem>,
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
    /// Only items with this flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ItemFlag>,
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
            Self::Restore { items } | Self::SetRule { items, .. } => items.len(),
            Self::AddRule { items, .. } => items.as_ref().map_or(0, Vec::len),
            Self::ExcludeMatching { .. } | Self::IncludeMatching { .. } => 0,
        }
    }

    /// Whether it names no item one by one.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items it names one by one, in its order; none when it names them by a list.
    pub fn item_ids(&self) -> Option<Vec<ItemId>> {
        Some(match self {
            Self::Exclude { items, .. } | Self::Include { items } => {
                items.iter().map(|i| i.0).collect()
            }
            Self::Rematch { items } => items.iter().map(|i| i.0).collect(),
            Self::Restore { items } | Self::SetRule { items, .. } => {
                items.iter().map(|i| i.0).collect()
            }
            Self::AddRule { items, .. } => items.as_ref()?.iter().map(|i| i.0).collect(),
            Self::ExcludeMatching { .. } | Self::IncludeMatching { .. } => return None,
        })
    }

    /// The status every item it changes ends with, when that is one status for all.
    pub fn status_after(&self) -> Option<SyncStatus> {
        match self {
            Self::Exclude { .. } | Self::ExcludeMatching { .. } | Self::AddRule { .. } => {
                Some(SyncStatus::Excluded)
            }
            Self::Rematch { .. } => Some(SyncStatus::Matched),
            _ => None,
        }
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
    /// The rule the batch saved, as it is now (a rule batch's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
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
        self.make_batch(&changes, &outcome);
        outcome
    }

    /// Makes a batch planned by [`Store::plan_batch`], as the next change.
    pub(crate) fn make_batch(&mut self, changes: &[Change], outcome: &BatchOutcome) {
        for change in changes {
            self.commit(change);
        }
        if let Some(rule) = &outcome.rule {
            self.put_rule(rule.clone());
        }
        if !changes.is_empty() || outcome.rule.is_some() {
            self.head += 1;
        }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

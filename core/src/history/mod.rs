//! Who changed what: every change to an item as an entry of its history (what a technician, a
//! rule or a sync run did, with the item's state before and after), worked out here so that
//! both backends record the same. [`History`] keeps them in memory, compactly (the mock
//! store's); a server keeps them in its database.

mod memory;
mod record;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{ItemId, RecordId, RuleId, SyncStatus};
use crate::query::RecordView;

pub use memory::History;
pub use record::Stamp;

/// An item's state as its history keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Its name in the source product.
    pub name: String,
    /// Where it stood.
    pub status: SyncStatus,
    /// The portal record it was (or, when excluded, had been) matched to.
    pub record: Option<RecordId>,
    /// Whether the integration's runs no longer listed it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub missing: bool,
}

/// What made a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum What {
    /// A technician matched the item to a record.
    Rematch,
    /// A technician excluded it.
    Exclude,
    /// A technician included it again.
    Include,
    /// A technician put it back as it was (an undo, or a revert from its history).
    Restore,
    /// An exclusion rule: saved, deleted, or applied to a new item by a run.
    Rule,
    /// A sync run.
    Run,
}

/// One change to one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The item.
    pub item: ItemId,
    /// The change's number: entries of one item are in this order.
    pub seq: u64,
    /// When it was made.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub time: DateTime<Utc>,
    /// Who made it: a technician's name, or the run or rule that did.
    pub actor: String,
    /// What made it.
    pub what: What,
    /// How many items the same write changed (a batch's size; 1 for one item).
    pub count: u32,
    /// The rule, when a rule made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleId>,
    /// The run's id, when a sync run made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    /// The item before (none: the change created it).
    pub before: Option<Snapshot>,
    /// The item after.
    pub after: Snapshot,
}

impl HistoryEntry {
    /// The parts of the change as a technician reads them ("Matched → Excluded", "renamed from
    /// …"), given the records' names.
    pub fn describe(&self, record_name: impl Fn(RecordId) -> String) -> String {
        let after = &self.after;
        let Some(before) = &self.before else {
            return format!("Appeared as {}", after.status.label());
        };
        let mut parts = Vec::new();
        if before.name != after.name {
            parts.push(format!("Renamed from “{}”", before.name));
        }
        if before.missing != after.missing {
            parts.push(
                if after.missing {
                    "No longer listed by the sync"
                } else {
                    "Listed by the sync again"
                }
                .to_owned(),
            );
        }
        if before.status != after.status {
            parts.push(format!(
                "{} → {}",
                before.status.label(),
                after.status.label()
            ));
        }
        if before.record != after.record {
            parts.push(match after.record {
                Some(record) => format!("Linked to “{}”", record_name(record)),
                None => "Record link removed".to_owned(),
            });
        }
        if parts.is_empty() {
            parts.push("Details updated".to_owned());
        }
        parts.join("; ")
    }
}

/// A page of an item's history, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    /// The entries, newest first.
    pub entries: Vec<HistoryEntry>,
    /// The records they name, with their names now.
    pub records: Vec<RecordView>,
    /// How many entries the item has in all.
    pub total: u32,
    /// The `before` of the next (older) page, when there is one.
    pub next: Option<u64>,
}

//! Sync runs: what an integration saw in one run, per client, applied to the store so that the
//! technician's decisions survive. Checked whole before anything changes ([`check`]), then
//! applied to the tables ([`apply`]) and the store indexed again.
//!
//! The rules of a run:
//! - posting a run id again changes nothing and answers as the first time;
//! - an existing item keeps its status and record (the technician's decision), whatever its
//!   name, unless the record it is matched to leaves the portal: it is then Not Synced;
//! - a new item is Not Synced, or matched when exactly one enabled record of its client and type
//!   has its very name (a score of 100);
//! - an item missing from its client's list is kept, flagged as missing since the run, until a
//!   later run lists it again.

mod apply;
mod check;
mod records;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::history::Snapshot;
use crate::model::{
    ClientId, ClientLink, IntegrationId, ItemId, LogEntry, Product, RecordId, ResourceType,
    SyncStatus,
};
use crate::store::Store;

pub use check::RunProblem;

/// One run of an integration: every item it saw, per client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRun {
    /// The run's own id: a run posted again with the same id changes nothing.
    pub id: String,
    /// When it finished: Last Synced moves there.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub finished: DateTime<Utc>,
    /// The integrated product; needed only when the run creates the integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
    /// The clients it synced.
    pub clients: Vec<RunClient>,
    /// What it failed to sync, if anything.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<RunFailure>,
}

/// One client of a run: its id and name in the source product and every item the run saw.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunClient {
    /// Its id in the source product.
    pub source_id: String,
    /// Its name.
    pub name: String,
    /// Every item of the client the run saw (those it did not are flagged missing).
    #[serde(default)]
    pub items: Vec<RunItem>,
    /// The portal's documentation records of the client, all of them, when the run carries them
    /// (a record not listed has left the portal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<RunRecord>>,
}

/// An item as a run saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunItem {
    /// Its id in the source product (with its type, what makes it the same item next run).
    pub source_id: String,
    /// Its name.
    pub name: String,
    /// Its resource type.
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    /// Its serial number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// Its host name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    /// Where it is in the source product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// A documentation record of the portal, as a run's snapshot lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRecord {
    /// The portal's id for it.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its resource type.
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
}

/// Something a run failed to sync.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunFailure {
    /// The item's id in the source product, when the failure is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// What went wrong.
    pub message: String,
}

/// What a run did, as its Sync Logs entry and its answer say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunSummary {
    /// The run's id.
    pub run: String,
    /// The integration it ran for.
    pub integration: IntegrationId,
    /// When it finished.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub finished: DateTime<Utc>,
    /// Items it saw, in all.
    pub seen: u32,
    /// Items it saw for the first time.
    pub new: u32,
    /// Items renamed or with new details.
    pub changed: u32,
    /// Items it no longer saw.
    pub missing: u32,
    /// Missing items it saw again.
    pub returned: u32,
    /// New items matched to a record of the very same name.
    pub matched_automatically: u32,
    /// New items an exclusion rule excluded.
    pub excluded_by_rule: u32,
    /// Items whose record left the portal (now Not Synced, or excluded without a record).
    pub unlinked: u32,
    /// Failures the run reported.
    pub errors: u32,
}

impl RunSummary {
    /// The one line the Sync Logs show for the run.
    pub fn message(&self) -> String {
        format!(
            "Sync run {}: {} items seen; {} new, {} changed, {} missing, {} back again, \
             {} matched automatically, {} excluded by a rule, {} unlinked from a removed record, \
             {} errors.",
            self.run,
            self.seen,
            self.new,
            self.changed,
            self.missing,
            self.returned,
            self.matched_automatically,
            self.excluded_by_rule,
            self.unlinked,
            self.errors
        )
    }
}

/// What applying a run changed in the tables, for a database to save the same.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunDiff {
    /// The integration was created by the run.
    pub integration_created: bool,
    /// Clients created (their ids).
    pub new_clients: Vec<ClientId>,
    /// Links from the source product's clients to portal clients made by the run.
    pub new_links: Vec<ClientLink>,
    /// Items created.
    pub new_items: Vec<ItemId>,
    /// Existing items changed (name, details, missing flag, status or record).
    pub changed_items: Vec<ItemId>,
    /// Each existing item changed as it was before the run, in the order the run changed them.
    pub before: Vec<(ItemId, Snapshot)>,
    /// Records created.
    pub new_records: Vec<RecordId>,
    /// Existing records changed (name, key, disabled).
    pub changed_records: Vec<RecordId>,
    /// Log entries written.
    pub logs: Vec<LogEntry>,
}

/// The answer to a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// What it did.
    pub summary: RunSummary,
    /// The run had been applied before: nothing changed now.
    pub replayed: bool,
    /// What changed (empty when replayed).
    pub diff: RunDiff,
}

impl Store {
    /// The integration a run names: by id (its number) or by name, case aside.
    pub fn find_integration(&self, key: &str) -> Option<IntegrationId> {
        let by_id = key
            .parse::<u32>()
            .ok()
            .map(IntegrationId)
            .filter(|id| id.index() < self.integrations.len());
        by_id.or_else(|| {
            self.integrations
                .iter()
                .find(|i| i.name.to_lowercase() == key.to_lowercase())
                .map(|i| i.id)
        })
    }

    /// The summaries of every run applied, oldest first.
    pub fn runs(&self) -> &[RunSummary] {
        &self.runs
    }

    /// Applies a run of the integration named `key` (its id or name; created, named `key`, when
    /// there is none and the run names its product). A run whose id was applied before changes
    /// nothing and answers as then; a run with a problem changes nothing.
    pub fn apply_run(&mut self, key: &str, run: &SyncRun) -> Result<RunOutcome, RunProblem> {
        self.apply_run_at(key, run, self.head + 1)
    }

    /// Applies a run as [`Store::apply_run`] does, as change number `seq` of the database it is
    /// saved in (a store kept in step with it).
    pub fn apply_run_at(
        &mut self,
        key: &str,
        run: &SyncRun,
        seq: u64,
    ) -> Result<RunOutcome, RunProblem> {
        let integration = self.find_integration(key);
        if let Some(done) = integration.and_then(|i| {
            self.runs
                .iter()
                .find(|r| r.integration == i && r.run == run.id)
        }) {
            return Ok(RunOutcome {
                summary: done.clone(),
                replayed: true,
                diff: RunDiff::default(),
            });
        }
        let plan = check::check(self, key, integration, run)?;
        let head = seq.max(self.head);
        let before: Vec<SyncStatus> = self.items.iter().map(|i| i.status).collect();
        let mut changed = std::mem::take(&mut self.changed);
        let mut data = std::mem::take(self).into_dataset();
        let (summary, diff) = apply::apply(&mut data, plan, run);
        for item in &diff.changed_items {
            changed[item.index()] = (head, before[item.index()]);
        }
        changed.extend(diff.new_items.iter().map(|_| (head, SyncStatus::NotSynced)));
        *self = Store::new(data).expect("a sync run keeps every reference of the data whole");
        self.head = head;
        self.changed = changed;
        Ok(RunOutcome {
            summary,
            replayed: false,
            diff,
        })
    }
}

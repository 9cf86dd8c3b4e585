//! A checked run applied to the tables: the integration and clients it names, each client's
//! items (new, renamed, missing, back again), its records snapshot, and the Sync Logs lines.

use chrono::{DateTime, Utc};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{
    Client, ClientId, ClientLink, Integration, IntegrationId, ItemId, LogEntry, LogLevel, RecordId,
    ResourceType, SourceDetails, SyncStatus, SyncedItem,
};
use crate::store::Dataset;

use super::check::Plan;
use super::{RunClient, RunDiff, RunItem, RunSummary, SyncRun};

/// A run being applied: the tables, what it did so far and what it changed.
pub(super) struct Applying<'a> {
    pub data: &'a mut Dataset,
    pub integration: IntegrationId,
    pub finished: DateTime<Utc>,
    pub summary: RunSummary,
    pub diff: RunDiff,
    pub changed_items: FxHashSet<ItemId>,
    pub changed_records: FxHashSet<RecordId>,
}

/// Applies a checked run to the tables; what it did and what it changed.
pub(super) fn apply(data: &mut Dataset, plan: Plan, run: &SyncRun) -> (RunSummary, RunDiff) {
    let mut diff = RunDiff::default();
    let integration = match plan.integration {
        Ok(id) => id,
        Err((name, product)) => {
            let id = IntegrationId(data.integrations.len() as u32);
            data.integrations.push(Integration {
                id,
                name,
                product,
                last_synced: run.finished,
            });
            diff.integration_created = true;
            id
        }
    };
    let synced = &mut data.integrations[integration.index()].last_synced;
    *synced = (*synced).max(run.finished);
    let mut items_of: FxHashMap<ClientId, Vec<ItemId>> = FxHashMap::default();
    for item in data.items.iter().filter(|i| i.integration == integration) {
        items_of.entry(item.client).or_default().push(item.id);
    }
    let mut records_of: FxHashMap<ClientId, Vec<RecordId>> = FxHashMap::default();
    for record in &data.records {
        records_of.entry(record.client).or_default().push(record.id);
    }
    let mut applying = Applying {
        data,
        integration,
        finished: run.finished,
        summary: RunSummary {
            run: run.id.clone(),
            integration,
            finished: run.finished,
            ..RunSummary::default()
        },
        diff,
        changed_items: FxHashSet::default(),
        changed_records: FxHashSet::default(),
    };
    let mut gone = FxHashSet::default();
    for (client, portal) in run.clients.iter().zip(plan.clients) {
        let id = applying.client(client, portal);
        let mut records = records_of.remove(&id).unwrap_or_default();
        if let Some(snapshot) = &client.records {
            let (now, left) = applying.snapshot(id, records, snapshot);
            records = now;
            gone.extend(left);
        }
        let known = items_of.remove(&id).unwrap_or_default();
        let new = applying.items(id, client, &known);
        applying.auto_match(&known, &records, new);
    }
    applying.unlink(&gone);
    for failure in &run.errors {
        let message = match &failure.source_id {
            Some(source) => format!("{source}: {}", failure.message),
            None => failure.message.clone(),
        };
        applying.log(integration, LogLevel::Error, message, None);
    }
    applying.summary.errors = run.errors.len() as u32;
    applying.finish()
}

impl Applying<'_> {
    /// Writes a Sync Logs line.
    pub fn log(
        &mut self,
        integration: IntegrationId,
        level: LogLevel,
        message: String,
        item: Option<ItemId>,
    ) {
        let entry = LogEntry {
            time: self.finished,
            integration,
            level,
            message,
            item,
        };
        self.data.logs.push(entry.clone());
        self.diff.logs.push(entry);
    }

    /// The run's summary line written, and what changed listed in id order.
    fn finish(mut self) -> (RunSummary, RunDiff) {
        let level = match self.summary.errors {
            0 => LogLevel::Info,
            _ => LogLevel::Warning,
        };
        self.log(self.integration, level, self.summary.message(), None);
        self.data.runs.push(self.summary.clone());
        let mut diff = self.diff;
        diff.changed_items = self.changed_items.into_iter().collect();
        diff.changed_items.sort_unstable();
        diff.changed_records = self.changed_records.into_iter().collect();
        diff.changed_records.sort_unstable();
        (self.summary, diff)
    }

    /// The portal client of one of the run's clients, created when there is none, and linked
    /// to its source id.
    fn client(&mut self, client: &RunClient, portal: Option<ClientId>) -> ClientId {
        let id = portal.unwrap_or_else(|| {
            let id = ClientId(self.data.clients.len() as u32);
            self.data.clients.push(Client {
                id,
                name: client.name.trim().to_owned(),
            });
            self.diff.new_clients.push(id);
            id
        });
        let linked = self
            .data
            .links
            .iter()
            .any(|l| l.integration == self.integration && l.source_id == client.source_id);
        if !linked {
            let link = ClientLink {
                integration: self.integration,
                source_id: client.source_id.clone(),
                client: id,
            };
            self.data.links.push(link.clone());
            self.diff.new_links.push(link);
        }
        id
    }

    /// Brings a client's items up to the run: `known` are its items before. Returns the items
    /// created.
    fn items(&mut self, client: ClientId, run: &RunClient, known: &[ItemId]) -> Vec<ItemId> {
        // Source id, then type (a source's ids are per type): the item. Keyed by the owned id so
        // that a lookup borrows the run's, and the items can change meanwhile.
        let mut by_source: FxHashMap<String, [Option<ItemId>; ResourceType::ALL.len()]> =
            FxHashMap::default();
        for &id in known {
            let item = &self.data.items[id.index()];
            let slots = by_source.entry(item.source_id.clone()).or_default();
            // The first of two items with one source id (data from before runs) is the listed one.
            slots[item.resource_type as usize].get_or_insert(id);
        }
        let mut seen = FxHashSet::default();
        let mut new = Vec::new();
        for item in &run.items {
            self.summary.seen += 1;
            let known = by_source.get(item.source_id.as_str());
            match known.and_then(|slots| slots[item.resource_type as usize]) {
                Some(id) => {
                    seen.insert(id);
                    self.update(id, item);
                }
                None => new.push(self.create(client, item)),
            }
        }
        for &id in known.iter().filter(|id| !seen.contains(*id)) {
            let item = &mut self.data.items[id.index()];
            if item.missing_since.is_none() {
                item.missing_since = Some(self.finished);
                item.version += 1;
                self.summary.missing += 1;
                self.changed_items.insert(id);
            }
        }
        new
    }

    /// An existing item as the run saw it: renamed, with new details, back again. Its status
    /// and record (the technician's decision) stay.
    fn update(&mut self, id: ItemId, seen: &RunItem) {
        let item = &mut self.data.items[id.index()];
        let details = details(seen);
        let renamed = item.name != seen.name;
        let changed = renamed || item.details != details;
        if changed {
            item.name = seen.name.clone();
            item.details = details;
            self.summary.changed += 1;
        }
        let back = item.missing_since.take().is_some();
        if back {
            self.summary.returned += 1;
        }
        if changed || back {
            item.version += 1;
            self.changed_items.insert(id);
        }
    }

    /// A new item, Not Synced.
    fn create(&mut self, client: ClientId, seen: &RunItem) -> ItemId {
        let id = ItemId(self.data.items.len() as u32);
        self.data.items.push(SyncedItem {
            id,
            integration: self.integration,
            client,
            resource_type: seen.resource_type,
            name: seen.name.clone(),
            source_id: seen.source_id.clone(),
            status: SyncStatus::NotSynced,
            record: None,
            version: 1,
            missing_since: None,
            details: details(seen),
        });
        self.summary.new += 1;
        self.diff.new_items.push(id);
        id
    }
}

/// The details a run gave about an item, boxed, if any.
fn details(item: &RunItem) -> Option<Box<SourceDetails>> {
    SourceDetails {
        serial: item.serial.clone(),
        host_name: item.host_name.clone(),
        source_url: item.source_url.clone(),
    }
    .boxed()
}

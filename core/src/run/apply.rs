//! A checked run applied to the tables: the integration and clients it names, each client's
//! items (new, renamed, missing, back again), its records snapshot, and the Sync Logs lines.

use chrono::{DateTime, Utc};

use crate::model::{
    Client, ClientId, ClientLink, Integration, IntegrationId, ItemId, LogEntry, LogLevel, RecordId,
    SourceDetails, SyncStatus, SyncedItem,
};
use crate::store::Dataset;

use super::check::Plan;
use super::{RunClient, RunDiff, RunItem, RunSummary, SyncRun};
use crate::history::Snapshot;
use crate::lookup::Lookup;
use crate::rule::Compiled;

/// A run being applied: the tables, what it did so far and what it changed.
pub(super) struct Applying<'a> {
    pub data: &'a mut Dataset,
    pub integration: IntegrationId,
    pub finished: DateTime<Utc>,
    pub summary: RunSummary,
    pub diff: RunDiff,
    /// Per item that was there before the run: whether the run changed it.
    pub changed_items: Vec<bool>,
    /// Per record that was there before the run: whether the run changed it.
    pub changed_records: Vec<bool>,
    /// Per item that was there before the run: whether the run listed it.
    pub seen: Vec<bool>,
    /// The integration's exclusion rules, for new items.
    pub rules: Compiled,
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
    // Each client's items of the integration, and records (by client position; clients the run
    // creates have none).
    let mut items_of: Vec<Vec<ItemId>> = vec![Vec::new(); data.clients.len()];
    for item in data.items.iter().filter(|i| i.integration == integration) {
        items_of[item.client.index()].push(item.id);
    }
    let mut records_of: Vec<Vec<RecordId>> = vec![Vec::new(); data.clients.len()];
    for record in &data.records {
        records_of[record.client.index()].push(record.id);
    }
    let (items, records) = (data.items.len(), data.records.len());
    let rules = Compiled::new(&data.rules, integration);
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
        changed_items: vec![false; items],
        changed_records: vec![false; records],
        seen: vec![false; items],
        rules,
    };
    let mut gone = vec![false; records];
    for (client, portal) in run.clients.iter().zip(plan.clients) {
        let id = applying.client(client, portal);
        let mut records = take(&mut records_of, id);
        if let Some(snapshot) = &client.records {
            let (now, left) = applying.snapshot(id, records, snapshot);
            records = now;
            left.into_iter().for_each(|r| gone[r.index()] = true);
        }
        let known = take(&mut items_of, id);
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

    /// The run's summary line written (after one line per rule that excluded new items), and
    /// what changed listed in id order.
    fn finish(mut self) -> (RunSummary, RunDiff) {
        let ruled: Vec<String> = (self.rules.counts())
            .map(|(rule, n)| {
                let items = if n == 1 { "item" } else { "items" };
                format!(
                    "Rule #{} ({}) excluded {n} new {items}.",
                    rule.id,
                    rule.rule.describe()
                )
            })
            .collect();
        for message in ruled {
            self.log(self.integration, LogLevel::Info, message, None);
        }
        let level = match self.summary.errors {
            0 => LogLevel::Info,
            _ => LogLevel::Warning,
        };
        self.log(self.integration, level, self.summary.message(), None);
        self.data.runs.push(self.summary.clone());
        let mut diff = self.diff;
        diff.changed_items = marked(&self.changed_items).map(ItemId).collect();
        diff.changed_records = marked(&self.changed_records).map(RecordId).collect();
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
        // Source id: the items (a source's ids are per type; of two items with one source id and
        // type, from data made before runs, the first is the listed one).
        let mut by_source = Lookup::default();
        for &id in known {
            by_source.add(&self.data.items[id.index()].source_id, id.0);
        }
        let mut new = Vec::new();
        for item in &run.items {
            self.summary.seen += 1;
            let items = &self.data.items;
            let found = (by_source.get(&item.source_id).iter())
                .map(|&id| ItemId(id))
                .find(|id| items[id.index()].resource_type == item.resource_type);
            match found {
                Some(id) => {
                    self.seen[id.index()] = true;
                    self.update(id, item);
                }
                None => new.push(self.create(client, item)),
            }
        }
        for &id in known {
            if !self.seen[id.index()] && self.data.items[id.index()].missing_since.is_none() {
                self.touch(id);
                let item = &mut self.data.items[id.index()];
                item.missing_since = Some(self.finished);
                item.version += 1;
                self.summary.missing += 1;
            }
        }
        new
    }

    /// An existing item as the run saw it: renamed, with new details, back again. Its status
    /// and record (the technician's decision) stay.
    fn update(&mut self, id: ItemId, seen: &RunItem) {
        let details = details(seen);
        let item = &self.data.items[id.index()];
        let changed = item.name != seen.name || item.details != details;
        let back = item.missing_since.is_some();
        if changed || back {
            self.touch(id);
        }
        let item = &mut self.data.items[id.index()];
        if changed {
            item.name = seen.name.clone();
            item.details = details;
            self.summary.changed += 1;
        }
        if back {
            item.missing_since = None;
            self.summary.returned += 1;
        }
        if changed || back {
            item.version += 1;
        }
    }

    /// Marks an existing item changed by the run, keeping how it was before (call before
    /// changing it).
    pub fn touch(&mut self, id: ItemId) {
        if !std::mem::replace(&mut self.changed_items[id.index()], true) {
            let before = Snapshot::of(&self.data.items[id.index()]);
            self.diff.before.push((id, before));
        }
    }

    /// A new item: Excluded when a rule is about it, Not Synced otherwise.
    fn create(&mut self, client: ClientId, seen: &RunItem) -> ItemId {
        let id = ItemId(self.data.items.len() as u32);
        let status = if self.rules.excludes(&seen.name, seen.resource_type) {
            self.summary.excluded_by_rule += 1;
            SyncStatus::Excluded
        } else {
            SyncStatus::NotSynced
        };
        self.data.items.push(SyncedItem {
            id,
            integration: self.integration,
            client,
            resource_type: seen.resource_type,
            name: seen.name.clone(),
            source_id: seen.source_id.clone(),
            status,
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

/// The client's list out of `lists` (none for a client the run created).
fn take<T>(lists: &mut [Vec<T>], client: ClientId) -> Vec<T> {
    lists
        .get_mut(client.index())
        .map(std::mem::take)
        .unwrap_or_default()
}

/// The positions marked.
fn marked(marks: &[bool]) -> impl Iterator<Item = u32> + '_ {
    (0u32..).zip(marks).filter(|(_, m)| **m).map(|(n, _)| n)
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

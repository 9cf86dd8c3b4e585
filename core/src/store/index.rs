//! Building a store: the data set checked (ids are positions, every reference holds), then
//! indexed: counts per integration, each client's items by name, clients per integration,
//! records per client and type, and logs per integration.

use rustc_hash::FxHashMap;

use crate::listing::{lead, sort_by_lead, Listing};
use crate::model::{
    Client, ClientId, IntegrationId, ItemId, LogEntry, PortalRecord, RecordId, ResourceType,
    SyncStatus,
};
use crate::query::StatusCounts;

use super::{Dataset, DatasetError, Store};

impl Store {
    /// Indexes a dataset, checking that every reference holds.
    pub fn new(data: Dataset) -> Result<Self, DatasetError> {
        check(&data)?;
        let mut counts = vec![StatusCounts::default(); data.integrations.len()];
        let mut listed: FxHashMap<(IntegrationId, ClientId), Vec<ItemId>> = FxHashMap::default();
        for item in &data.items {
            counts[item.integration.index()].add(item.status);
            listed
                .entry((item.integration, item.client))
                .or_default()
                .push(item.id);
        }
        let items_of: FxHashMap<(IntegrationId, ClientId), Listing> = listed
            .into_iter()
            .map(|(key, ids)| (key, Listing::new(ids, &data.items)))
            .collect();
        let mut positions = vec![0; data.items.len()];
        for listing in items_of.values() {
            for (position, id) in listing.ids().iter().enumerate() {
                positions[id.index()] = position as u32;
            }
        }
        let twins = super::twins::twins(&data.items);
        Ok(Self {
            twins,
            clients_of: clients_of(&items_of, &data.clients, data.integrations.len()),
            records_of: records_of(&data.records),
            logs: logs_of(data.logs, data.integrations.len())?,
            changed: data.items.iter().map(|i| (0, i.status)).collect(),
            integrations: data.integrations,
            clients: data.clients,
            items: data.items,
            records: data.records,
            counts,
            items_of,
            positions,
            head: 0,
            links: data.links,
            runs: data.runs,
            rules: data.rules,
        })
    }
}

/// Checks that each entity's id is its position, and that every item's integration, client,
/// status and record fit together.
fn check(data: &Dataset) -> Result<(), DatasetError> {
    check_ids("integration", &data.integrations, |i| i.id.0)?;
    check_ids("client", &data.clients, |c| c.id.0)?;
    check_ids("item", &data.items, |i| i.id.0)?;
    check_ids("record", &data.records, |r| r.id.0)?;
    check_ids("rule", &data.rules, |r| r.id.0)?;
    let bad = |what: String| Err(DatasetError::BadReference(what));
    for record in &data.records {
        if record.client.index() >= data.clients.len() {
            return bad(format!("record {} has no client", record.id));
        }
    }
    for rule in &data.rules {
        if rule.rule.integration.index() >= data.integrations.len() {
            return bad(format!("rule {} has no integration", rule.id));
        }
    }
    for link in &data.links {
        if link.integration.index() >= data.integrations.len()
            || link.client.index() >= data.clients.len()
        {
            return bad(format!(
                "client link {} has no integration or client",
                link.source_id
            ));
        }
    }
    for item in &data.items {
        if item.integration.index() >= data.integrations.len()
            || item.client.index() >= data.clients.len()
        {
            return bad(format!("item {} has no integration or client", item.id));
        }
        match (item.status, item.record) {
            (SyncStatus::Matched, None) => {
                return bad(format!("matched item {} has no record", item.id))
            }
            (SyncStatus::NotSynced, Some(_)) => {
                return bad(format!("not synced item {} has a record", item.id))
            }
            _ => {}
        }
        if let Some(record) = item.record {
            match data.records.get(record.index()) {
                Some(r) if r.client == item.client && r.resource_type == item.resource_type => {}
                _ => return bad(format!("item {} has a record that does not fit", item.id)),
            }
        }
    }
    Ok(())
}

fn check_ids<T>(
    table: &'static str,
    rows: &[T],
    id: impl Fn(&T) -> u32,
) -> Result<(), DatasetError> {
    match rows
        .iter()
        .enumerate()
        .find(|(position, row)| id(row) as usize != *position)
    {
        Some((position, row)) => Err(DatasetError::IdNotPosition {
            table,
            position,
            id: id(row),
        }),
        None => Ok(()),
    }
}

/// The clients with items in each integration, by name.
fn clients_of(
    items_of: &FxHashMap<(IntegrationId, ClientId), Listing>,
    clients: &[Client],
    integrations: usize,
) -> Vec<Vec<ClientId>> {
    let mut clients_of = vec![Vec::new(); integrations];
    for (integration, client) in items_of.keys() {
        clients_of[integration.index()].push(*client);
    }
    for list in &mut clients_of {
        list.sort_by(|a, b| {
            let name = |c: &ClientId| clients[c.index()].name.to_lowercase();
            name(a).cmp(&name(b)).then(a.cmp(b))
        });
    }
    clients_of
}

/// The records of each client and type, by name, then id (the order they were pushed in), names
/// led by their first bytes.
fn records_of(records: &[PortalRecord]) -> FxHashMap<(ClientId, ResourceType), Vec<RecordId>> {
    let mut records_of: FxHashMap<(ClientId, ResourceType), Vec<RecordId>> = FxHashMap::default();
    for record in records {
        records_of
            .entry((record.client, record.resource_type))
            .or_default()
            .push(record.id);
    }
    let name = |id: RecordId| records[id.index()].name.as_bytes();
    for ids in records_of.values_mut() {
        let mut keyed: Vec<(u128, RecordId)> = ids.iter().map(|&id| (lead(name(id)), id)).collect();
        sort_by_lead(&mut keyed, |a, b| name(*a).cmp(name(*b)).then(a.cmp(b)));
        ids.clear();
        ids.extend(keyed.into_iter().map(|(_, id)| id));
    }
    records_of
}

/// Each integration's log entries, oldest first.
fn logs_of(
    entries: Vec<LogEntry>,
    integrations: usize,
) -> Result<Vec<Vec<LogEntry>>, DatasetError> {
    let mut logs = vec![Vec::new(); integrations];
    for entry in entries {
        match logs.get_mut(entry.integration.index()) {
            Some(list) => list.push(entry),
            None => {
                return Err(DatasetError::BadReference(format!(
                    "log entry at {} has no integration",
                    entry.time
                )))
            }
        }
    }
    for list in &mut logs {
        list.sort_by_key(|e| e.time);
    }
    Ok(logs)
}

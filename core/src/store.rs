//! The in-memory store and its queries.

use rustc_hash::FxHashMap;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::listing::{lead, sort_by_lead, Listing, Tally};
use crate::model::{
    Client, ClientId, Integration, IntegrationId, ItemId, LogEntry, PortalRecord, RecordId,
    ResourceType, SyncStatus, SyncedItem,
};
use crate::query::{
    Candidate, CandidateQuery, Candidates, Facets, ItemPage, ItemQuery, ItemView, RecordView,
    SortKey, StatusCounts,
};
use crate::similarity::{describe, NameKey};

/// Everything a store is built from. Each entity's id is its position in its table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dataset {
    /// The integrations.
    pub integrations: Vec<Integration>,
    /// Every client of the portal.
    pub clients: Vec<Client>,
    /// Every synced item of every integration.
    pub items: Vec<SyncedItem>,
    /// Every portal record.
    pub records: Vec<PortalRecord>,
    /// Every sync log entry.
    pub logs: Vec<LogEntry>,
}

/// Why a dataset cannot make a store.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DatasetError {
    /// An id is not the entity's position in its table.
    #[error("{table} #{position} has id {id}")]
    IdNotPosition {
        /// The table.
        table: &'static str,
        /// The position.
        position: usize,
        /// The id found there.
        id: u32,
    },
    /// An entity refers to one that does not exist or does not fit.
    #[error("{0}")]
    BadReference(String),
}

/// Why a query cannot be answered.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum QueryError {
    /// No such integration.
    #[error("The integration no longer exists.")]
    UnknownIntegration(IntegrationId),
    /// No such synced item.
    #[error("The synced item no longer exists.")]
    UnknownItem(ItemId),
    /// No such client (in any integration).
    #[error("The client no longer exists.")]
    UnknownClient(ClientId),
}

/// The whole data set of the portal's integrations, indexed for the screen's queries.
///
/// Counts per integration are kept up to date by each action rather than recounted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    pub(crate) integrations: Vec<Integration>,
    pub(crate) clients: Vec<Client>,
    pub(crate) items: Vec<SyncedItem>,
    pub(crate) records: Vec<PortalRecord>,
    /// Log entries per integration, oldest first.
    logs: Vec<Vec<LogEntry>>,
    pub(crate) counts: Vec<StatusCounts>,
    /// Clients per integration, by name.
    clients_of: Vec<Vec<ClientId>>,
    /// Items per integration and client, by lower-cased name.
    pub(crate) items_of: FxHashMap<(IntegrationId, ClientId), Listing>,
    /// Each item's position in its listing.
    positions: Vec<u32>,
    /// Records per client and type, by name.
    records_of: FxHashMap<(ClientId, ResourceType), Vec<RecordId>>,
    /// The number of the latest change made (0: none since the data was loaded).
    pub(crate) head: u64,
    /// Per item: the number of its latest change, and its status before that change.
    pub(crate) changed: Vec<(u64, SyncStatus)>,
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

impl Store {
    /// Indexes a dataset, checking that every reference holds.
    pub fn new(data: Dataset) -> Result<Self, DatasetError> {
        check_ids("integration", &data.integrations, |i| i.id.0)?;
        check_ids("client", &data.clients, |c| c.id.0)?;
        check_ids("item", &data.items, |i| i.id.0)?;
        check_ids("record", &data.records, |r| r.id.0)?;
        let bad = |what: String| Err(DatasetError::BadReference(what));
        for record in &data.records {
            if record.client.index() >= data.clients.len() {
                return bad(format!("record {} has no client", record.id));
            }
        }
        let mut counts = vec![StatusCounts::default(); data.integrations.len()];
        let mut items_of: FxHashMap<(IntegrationId, ClientId), Vec<ItemId>> = FxHashMap::default();
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
                    Some(r) if r.client == item.client && r.resource_type == item.resource_type => {
                    }
                    _ => return bad(format!("item {} has a record that does not fit", item.id)),
                }
            }
            counts[item.integration.index()].add(item.status);
            items_of
                .entry((item.integration, item.client))
                .or_default()
                .push(item.id);
        }
        let items_of: FxHashMap<(IntegrationId, ClientId), Listing> = items_of
            .into_iter()
            .map(|(key, ids)| (key, Listing::new(ids, &data.items)))
            .collect();
        let changed = data.items.iter().map(|i| (0, i.status)).collect();
        let mut positions = vec![0; data.items.len()];
        for listing in items_of.values() {
            for (position, id) in listing.ids().iter().enumerate() {
                positions[id.index()] = position as u32;
            }
        }
        let mut clients_of = vec![Vec::new(); data.integrations.len()];
        for (integration, client) in items_of.keys() {
            clients_of[integration.index()].push(*client);
        }
        for clients in &mut clients_of {
            clients.sort_by(|a, b| {
                let name = |c: &ClientId| data.clients[c.index()].name.to_lowercase();
                name(a).cmp(&name(b)).then(a.cmp(b))
            });
        }
        let mut records_of: FxHashMap<(ClientId, ResourceType), Vec<RecordId>> =
            FxHashMap::default();
        for record in &data.records {
            records_of
                .entry((record.client, record.resource_type))
                .or_default()
                .push(record.id);
        }
        let name = |id: RecordId| data.records[id.index()].name.as_bytes();
        for ids in records_of.values_mut() {
            // By name, then id (the order they were pushed in), names led by their first bytes.
            let mut keyed: Vec<(u128, RecordId)> =
                ids.iter().map(|&id| (lead(name(id)), id)).collect();
            sort_by_lead(&mut keyed, |a, b| name(*a).cmp(name(*b)).then(a.cmp(b)));
            ids.clear();
            ids.extend(keyed.into_iter().map(|(_, id)| id));
        }
        let mut logs = vec![Vec::new(); data.integrations.len()];
        for entry in data.logs {
            match logs.get_mut(entry.integration.index()) {
                Some(list) => list.push(entry),
                None => return bad(format!("log entry at {} has no integration", entry.time)),
            }
        }
        for list in &mut logs {
            list.sort_by_key(|e| e.time);
        }
        Ok(Self {
            integrations: data.integrations,
            clients: data.clients,
            items: data.items,
            records: data.records,
            logs,
            counts,
            clients_of,
            items_of,
            positions,
            records_of,
            head: 0,
            changed,
        })
    }

    /// The number of the latest change made to the store: what a list read now is "as of"
    /// ([`ItemPage::as_of`]).
    pub fn head(&self) -> u64 {
        self.head
    }

    /// Takes up the change numbering of the database the store was loaded from: its latest
    /// change, and the change each item last had (items not named: none since).
    pub fn resume(&mut self, head: u64, items: impl IntoIterator<Item = (ItemId, u64)>) {
        self.head = head;
        for (item, seq) in items {
            if let Some(changed) = self.changed.get_mut(item.index()) {
                changed.0 = seq;
            }
        }
    }

    /// Every integration.
    pub fn integrations(&self) -> &[Integration] {
        &self.integrations
    }

    /// Every synced item of every integration.
    pub fn items_raw(&self) -> &[SyncedItem] {
        &self.items
    }

    /// Every portal record.
    pub fn records_raw(&self) -> &[PortalRecord] {
        &self.records
    }

    /// The items of an integration and client, in name order.
    pub(crate) fn listing_ids(&self, integration: IntegrationId, client: ClientId) -> &[ItemId] {
        self.items_of
            .get(&(integration, client))
            .map(Listing::ids)
            .unwrap_or_default()
    }

    /// The records of a client and type, in name order.
    pub(crate) fn records_of(&self, client: ClientId, resource_type: ResourceType) -> &[RecordId] {
        self.records_of
            .get(&(client, resource_type))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub(crate) fn check_client(&self, client: ClientId) -> Result<(), QueryError> {
        match self.clients.get(client.index()) {
            Some(_) => Ok(()),
            None => Err(QueryError::UnknownClient(client)),
        }
    }

    pub(crate) fn check_integration(&self, integration: IntegrationId) -> Result<(), QueryError> {
        match self.integrations.get(integration.index()) {
            Some(_) => Ok(()),
            None => Err(QueryError::UnknownIntegration(integration)),
        }
    }

    /// How many items of the integration stand in each status, over all its clients.
    pub fn counts(&self, integration: IntegrationId) -> Result<StatusCounts, QueryError> {
        self.check_integration(integration)?;
        Ok(self.counts[integration.index()])
    }

    /// The clients synced in the integration, by name.
    pub fn clients(&self, integration: IntegrationId) -> Result<Vec<Client>, QueryError> {
        self.check_integration(integration)?;
        Ok(self.clients_of[integration.index()]
            .iter()
            .map(|c| self.clients[c.index()].clone())
            .collect())
    }

    /// The items of an integration and client that match the query, sorted and paged.
    ///
    /// A client that is not synced in the integration has no items (an empty page); a client
    /// that does not exist at all is [`QueryError::UnknownClient`]. The server answers the same.
    pub fn items(&self, query: &ItemQuery) -> Result<ItemPage, QueryError> {
        self.check_integration(query.integration)?;
        self.check_client(query.client)?;
        let empty = Listing::default();
        let listing = self
            .items_of
            .get(&(query.integration, query.client))
            .unwrap_or(&empty);
        let needle = query.filter.trim().to_lowercase();
        let page = |total: usize| {
            let start = (query.offset as usize).min(total);
            start..total.min(start.saturating_add(query.limit as usize))
        };
        let descending = query.sort.descending;
        // The whole list in name order: a slice.
        if needle.is_empty()
            && query.resource_type.is_none()
            && query.status.is_none()
            && query.sort.key == SortKey::Name
        {
            let total = listing.len();
            let ids = listing.ids();
            let at = |p: usize| {
                if descending {
                    ids[total - 1 - p]
                } else {
                    ids[p]
                }
            };
            return Ok(ItemPage {
                total: total as u32,
                offset: query.offset,
                as_of: self.head,
                items: page(total).map(|p| self.view(at(p))).collect(),
                facets: Facets::from_tally(listing.tally(), query),
            });
        }
        // One search for the hits, in name order, counted by sort group (the column's value; one
        // group when sorting by name) ...
        let group = |(resource_type, status): (ResourceType, SyncStatus)| match query.sort.key {
            SortKey::Name => 0,
            SortKey::Type => resource_type as usize,
            SortKey::Status => status as usize,
        };
        let ids = listing.ids();
        let mut hits: Vec<(ItemId, u8)> = Vec::new();
        let mut sizes = [0usize; ResourceType::ALL.len()];
        // The items the name filter matches, by type and status (the whole list's, kept, when
        // there is no name filter).
        let mut named = Tally::default();
        listing.matching(&needle, |p| {
            let kind = listing.kind(p);
            if !needle.is_empty() {
                named[kind.0 as usize][kind.1 as usize] += 1;
            }
            if query.resource_type.is_none_or(|t| kind.0 == t)
                && query.status.is_none_or(|s| kind.1 == s)
            {
                let g = group(kind);
                sizes[g] += 1;
                hits.push((ids[p], g as u8));
            }
        });
        // ... then the page gathered from the groups in the asked order; within a group, name
        // order (reversed too when sorting by name).
        let total = hits.len();
        let range = page(total);
        let mut next = [0usize; ResourceType::ALL.len()];
        let mut start = 0;
        for g in 0..sizes.len() {
            let g = if descending { sizes.len() - 1 - g } else { g };
            next[g] = start;
            start += sizes[g];
        }
        let reversed = descending && query.sort.key == SortKey::Name;
        let mut slots: Vec<Option<ItemId>> = vec![None; range.len()];
        for (id, g) in hits {
            let g = usize::from(g);
            let position = if reversed {
                total - 1 - next[g]
            } else {
                next[g]
            };
            next[g] += 1;
            if range.contains(&position) {
                slots[position - range.start] = Some(id);
            }
        }
        let items = slots
            .into_iter()
            .flatten()
            .map(|id| self.view(id))
            .collect();
        let total = total as u32;
        let named = if needle.is_empty() {
            listing.tally()
        } else {
            &named
        };
        Ok(ItemPage {
            total,
            offset: query.offset,
            as_of: self.head,
            items,
            facets: Facets::from_tally(named, query),
        })
    }

    /// Notes an item's new status in its listing.
    pub(crate) fn list_status(&mut self, item: ItemId, status: SyncStatus) {
        let it = &self.items[item.index()];
        if let Some(listing) = self.items_of.get_mut(&(it.integration, it.client)) {
            listing.set_status(self.positions[item.index()] as usize, status);
        }
    }

    /// One synced item as a row shows it.
    pub fn item(&self, item: ItemId) -> Result<ItemView, QueryError> {
        match self.items.get(item.index()) {
            Some(_) => Ok(self.view(item)),
            None => Err(QueryError::UnknownItem(item)),
        }
    }

    pub(crate) fn view(&self, id: ItemId) -> ItemView {
        let item = &self.items[id.index()];
        ItemView {
            id: item.id,
            name: item.name.clone(),
            source_id: item.source_id.clone(),
            resource_type: item.resource_type,
            status: item.status,
            record: item
                .record
                .map(|r| RecordView::from(&self.records[r.index()])),
            version: item.version,
        }
    }

    /// The enabled portal records an item can be re-matched to: same client and type, not the one
    /// it is matched to now, named like the query's filter. The likeliest (by
    /// [`likeness`](crate::likeness) of the names) come first, then by name; at most the
    /// query's limit of them, each with its score and reason, and how many there are in all.
    pub fn candidates(
        &self,
        item: ItemId,
        query: &CandidateQuery,
    ) -> Result<Candidates, QueryError> {
        let it = self
            .items
            .get(item.index())
            .ok_or(QueryError::UnknownItem(item))?;
        let current = match it.status {
            SyncStatus::Matched => it.record,
            _ => None,
        };
        let needle = query.filter.trim().to_lowercase();
        let key = NameKey::new(&it.name);
        let ids = self.records_of(it.client, it.resource_type);
        // (inverted rank, position in name order) of each candidate: best first when sorted.
        let mut found: Vec<(u16, usize)> = ids
            .iter()
            .enumerate()
            .filter_map(|(position, id)| {
                let record = &self.records[id.index()];
                if record.disabled || Some(record.id) == current {
                    return None;
                }
                let named = needle.is_empty() || record.name.to_lowercase().contains(&needle);
                named.then(|| (u16::MAX - key.likeness(&record.name).rank(), position))
            })
            .collect();
        let total = found.len() as u32;
        let limit = found.len().min(query.limit as usize);
        if limit < found.len() {
            found.select_nth_unstable(limit);
            found.truncate(limit);
        }
        found.sort_unstable();
        let candidates = found
            .into_iter()
            .map(|(_, position)| {
                let record = &self.records[ids[position].index()];
                let judged = key.likeness(&record.name);
                Candidate {
                    record: RecordView::from(record),
                    score: judged.score,
                    reason: describe(judged.reason, &it.name, &record.name),
                }
            })
            .collect();
        Ok(Candidates { total, candidates })
    }

    /// The integration's log entries written in `[from, to)`, newest first.
    pub fn logs(
        &self,
        integration: IntegrationId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<LogEntry>, QueryError> {
        self.check_integration(integration)?;
        let list = &self.logs[integration.index()];
        let start = list.partition_point(|e| e.time < from);
        let end = list.partition_point(|e| e.time < to).max(start);
        Ok(list[start..end].iter().rev().cloned().collect())
    }
}

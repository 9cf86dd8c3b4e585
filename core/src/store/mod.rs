//! The in-memory store: the data set indexed for the screen's queries. Built and checked in
//! [`index`]; the item list's query in [`items`]; re-match candidates in [`candidates`]; actions
//! in `transition`.

mod candidates;
mod index;
mod items;
mod twins;

use rustc_hash::FxHashMap;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::listing::Listing;
use crate::model::{
    Client, ClientId, ClientLink, Integration, IntegrationId, ItemId, LogEntry, PortalRecord,
    RecordId, ResourceType, SyncStatus, SyncedItem,
};
use crate::query::{ItemView, RecordView, StatusCounts, TwinView};
use crate::rule::Rule;
use crate::run::RunSummary;

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
    /// Which portal client each source client of each integration is.
    pub links: Vec<ClientLink>,
    /// The summaries of the sync runs applied, oldest first.
    pub runs: Vec<RunSummary>,
    /// Every exclusion rule ever saved (those deleted inactive).
    pub rules: Vec<Rule>,
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    pub(crate) integrations: Vec<Integration>,
    pub(crate) clients: Vec<Client>,
    pub(crate) items: Vec<SyncedItem>,
    pub(crate) records: Vec<PortalRecord>,
    /// Log entries per integration, oldest first.
    logs: Vec<Vec<LogEntry>>,
    pub(crate) counts: Vec<StatusCounts>,
    /// Clients per integration, by name.
    pub(crate) clients_of: Vec<Vec<ClientId>>,
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
    /// Which portal client each source client of each integration is.
    pub(crate) links: Vec<ClientLink>,
    /// The summaries of the sync runs applied, oldest first.
    pub(crate) runs: Vec<RunSummary>,
    /// Each item's duplicate (an item id), or `twins::NONE`.
    pub(crate) twins: Vec<u32>,
    /// Every exclusion rule ever saved (those deleted inactive).
    pub(crate) rules: Vec<Rule>,
}

impl Store {
    /// The tables the store was built from, as they are now (its indexes dropped).
    pub fn into_dataset(self) -> Dataset {
        Dataset {
            integrations: self.integrations,
            clients: self.clients,
            items: self.items,
            records: self.records,
            logs: self.logs.into_iter().flatten().collect(),
            links: self.links,
            runs: self.runs,
            rules: self.rules,
        }
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

    /// A portal client (any, with items or not).
    pub fn client_raw(&self, client: ClientId) -> &Client {
        &self.clients[client.index()]
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
            missing_since: item.missing_since,
            source_url: item.details.as_ref().and_then(|d| d.source_url.clone()),
            twin: self.twin(id).map(|twin| {
                let other = &self.items[twin.index()];
                Box::new(TwinView {
                    item: twin,
                    name: other.name.clone(),
                    client: other.client,
                    client_name: self.clients[other.client.index()].name.clone(),
                })
            }),
        }
    }

    /// The item's duplicate, if it has one.
    pub(crate) fn twin(&self, item: ItemId) -> Option<ItemId> {
        let twin = *self.twins.get(item.index())?;
        (twin != twins::NONE).then_some(ItemId(twin))
    }

    /// The integration's log entries written in `[from, to)`, newest first.
    pub fn logs(
        &self,
        integration: IntegrationId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<LogEntry>, QueryError> {
        let list = self.logs_between(integration, from, to)?;
        Ok(list.iter().rev().cloned().collect())
    }

    /// Forgets the log entries written before `time` (retention); returns how many.
    pub fn trim_logs(&mut self, time: DateTime<Utc>) -> usize {
        self.logs
            .iter_mut()
            .map(|list| {
                list.drain(..list.partition_point(|e| e.time < time))
                    .count()
            })
            .sum()
    }

    /// The integration's log entries written in `[from, to)`, oldest first.
    pub(crate) fn logs_between(
        &self,
        integration: IntegrationId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<&[LogEntry], QueryError> {
        self.check_integration(integration)?;
        let list = &self.logs[integration.index()];
        let start = list.partition_point(|e| e.time < from);
        let end = list.partition_point(|e| e.time < to).max(start);
        Ok(&list[start..end])
    }
}

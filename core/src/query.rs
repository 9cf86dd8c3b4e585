//! What the screen asks of the store, and what it gets back.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::listing::Tally;
use crate::model::{
    ClientId, IntegrationId, ItemId, PortalRecord, RecordId, ResourceType, SyncStatus,
};

/// How many synced items of an integration stand in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Items linked to a portal record.
    pub matched: u32,
    /// Items with no portal record.
    pub not_synced: u32,
    /// Items a user excluded.
    pub excluded: u32,
}

impl StatusCounts {
    /// Every synced item: the three statuses always add up to this.
    pub fn total(&self) -> u32 {
        self.matched + self.not_synced + self.excluded
    }

    /// The count for one status.
    pub fn get(&self, status: SyncStatus) -> u32 {
        match status {
            SyncStatus::Matched => self.matched,
            SyncStatus::NotSynced => self.not_synced,
            SyncStatus::Excluded => self.excluded,
        }
    }

    fn slot(&mut self, status: SyncStatus) -> &mut u32 {
        match status {
            SyncStatus::Matched => &mut self.matched,
            SyncStatus::NotSynced => &mut self.not_synced,
            SyncStatus::Excluded => &mut self.excluded,
        }
    }

    /// Counts one more item in `status`.
    pub fn add(&mut self, status: SyncStatus) {
        *self.slot(status) += 1;
    }

    /// Moves one item from one status to another.
    pub fn shift(&mut self, from: SyncStatus, to: SyncStatus) {
        *self.slot(from) -= 1;
        *self.slot(to) += 1;
    }
}

/// The column the Sync Status list is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    /// By name, case-insensitively.
    #[default]
    Name,
    /// By resource type, then name.
    Type,
    /// By status, then name.
    Status,
}

impl SortKey {
    /// A stable machine name (used in URLs and JSON).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Type => "type",
            Self::Status => "status",
        }
    }

    /// The column with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        [Self::Name, Self::Type, Self::Status]
            .into_iter()
            .find(|k| k.slug() == slug)
    }
}

/// A sort order of the Sync Status list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest first.
    pub descending: bool,
}

/// A flag an item may carry, and the list's filter for it (the Show drop-down).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemFlag {
    /// The integration's runs no longer list it.
    Missing,
    /// Another item of the integration has its serial number, or its name and type.
    Duplicate,
}

impl ItemFlag {
    /// Every flag, in the order the Show drop-down lists them.
    pub const ALL: [ItemFlag; 2] = [Self::Missing, Self::Duplicate];

    /// A stable machine name (used in URLs and JSON).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Duplicate => "duplicate",
        }
    }

    /// The flag with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.slug() == slug)
    }

    /// Its words within a sentence ("“dc”, type Device, missing from source").
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Missing => "missing from source",
            Self::Duplicate => "duplicates",
        }
    }

    /// The Show drop-down's words for it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Missing => "Missing from source",
            Self::Duplicate => "Duplicates",
        }
    }
}

/// The synced items of one integration and client, narrowed and paged.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemQuery {
    /// The integration.
    pub integration: IntegrationId,
    /// The client.
    pub client: ClientId,
    /// Name or partial name, matched case-insensitively; empty matches everything.
    pub filter: String,
    /// Only items of this type.
    pub resource_type: Option<ResourceType>,
    /// Only items in this status.
    pub status: Option<SyncStatus>,
    /// Only items with this flag.
    #[serde(default)]
    pub flag: Option<ItemFlag>,
    /// The order.
    pub sort: Sort,
    /// How many matching items to skip.
    pub offset: u32,
    /// At most this many items.
    pub limit: u32,
}

impl ItemQuery {
    /// Every item of an integration and client, sorted by name.
    pub fn all(integration: IntegrationId, client: ClientId) -> Self {
        Self {
            integration,
            client,
            filter: String::new(),
            resource_type: None,
            status: None,
            flag: None,
            sort: Sort::default(),
            offset: 0,
            limit: u32::MAX,
        }
    }
}

/// One page of a query's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemPage {
    /// How many items match the query in all.
    pub total: u32,
    /// The position of the first item of this page.
    pub offset: u32,
    /// The number of the latest change the page reflects: a batch that names its items by this
    /// list ([`crate::ListItems`]) leaves the items changed after it as they are.
    #[serde(default)]
    pub as_of: u64,
    /// The items of this page.
    pub items: Vec<ItemView>,
    /// How many items each Type and Status option would list.
    pub facets: Facets,
}

/// How many items each Type option and each Status option would list, the other filters as
/// they are: what the drop-downs show beside each option.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Per type, for the name filter and the Status filter, in the order of
    /// [`ResourceType::ALL`] (types with none left out). A list of pairs rather than a map: the
    /// map's decoder cost 2.3 kB of download.
    pub types: Vec<(ResourceType, u32)>,
    /// Per status, for the name filter and the Type filter.
    pub statuses: StatusCounts,
}

impl Facets {
    /// The facets of items counted by type and status (`tally`), against the Type and Status
    /// filters of `query`.
    pub(crate) fn from_tally(tally: &Tally, query: &ItemQuery) -> Self {
        let mut facets = Self::default();
        for resource_type in ResourceType::ALL {
            let row = &tally[resource_type as usize];
            let n = match query.status {
                Some(s) => row[s as usize],
                None => row.iter().sum(),
            };
            if n > 0 {
                facets.types.push((resource_type, n));
            }
            if query.resource_type.is_none_or(|t| t == resource_type) {
                for status in SyncStatus::ALL {
                    *facets.statuses.slot(status) += row[status as usize];
                }
            }
        }
        facets
    }

    /// How many items of `resource_type` the Type option would list.
    pub fn of_type(&self, resource_type: ResourceType) -> u32 {
        self.types
            .binary_search_by_key(&resource_type, |(t, _)| *t)
            .map_or(0, |at| self.types[at].1)
    }
}

/// A portal record as a row of the Sync Status list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordView {
    /// Its identity.
    pub id: RecordId,
    /// Its name.
    pub name: String,
    /// Whether it is disabled.
    pub disabled: bool,
}

impl From<&PortalRecord> for RecordView {
    fn from(record: &PortalRecord) -> Self {
        Self {
            id: record.id,
            name: record.name.clone(),
            disabled: record.disabled,
        }
    }
}

/// A synced item as a row of the Sync Status list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    /// Its identity.
    pub id: ItemId,
    /// Its name in the source product.
    pub name: String,
    /// Its identifier in the source product.
    pub source_id: String,
    /// Its resource type.
    pub resource_type: ResourceType,
    /// Where it stands.
    pub status: SyncStatus,
    /// The portal record it is (or, when excluded, was) matched to.
    pub record: Option<RecordView>,
    /// Its version, sent back with writes.
    pub version: u32,
    /// Since when the integration's runs no longer list it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::time::rfc3339_option"
    )]
    pub missing_since: Option<DateTime<Utc>>,
    /// Where its duplicate is, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub twin: Option<Box<TwinView>>,
    /// Where it is in the source product: the address a sync run gave, or the one the server's
    /// template for its integration makes (unchecked: see [`crate::source_link`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// Where an item's duplicate is: another item of its integration with its serial number, or its
/// name and type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwinView {
    /// The other item.
    pub item: ItemId,
    /// Its name.
    pub name: String,
    /// Its client.
    pub client: ClientId,
    /// Its client's name.
    pub client_name: String,
}

/// What a Re-match Record dialog asks for: the item's candidate records whose name contains
/// `filter` (case-insensitively; empty: all), the `limit` likeliest.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CandidateQuery {
    /// Name or partial name of the record.
    pub filter: String,
    /// At most this many records.
    pub limit: u32,
}

impl CandidateQuery {
    /// How many candidates the dialog lists at once.
    pub const LIMIT: u32 = 100;

    /// The likeliest candidates, unfiltered.
    pub fn likeliest() -> Self {
        Self {
            filter: String::new(),
            limit: Self::LIMIT,
        }
    }
}

/// The records an item can be re-matched to, likeliest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidates {
    /// How many records match the query in all.
    pub total: u32,
    /// The likeliest of them, at most the query's limit.
    pub candidates: Vec<Candidate>,
}

/// A record an item can be re-matched to, with how likely it is to be the item's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The record.
    pub record: RecordView,
    /// 0 to 100: how sure the suggestion is, from the names.
    pub score: u8,
    /// Why, in a few words ("name reversed", "87% similar").
    pub reason: String,
}

/// A Not Synced item and the record it would likely be matched to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The item.
    pub item: ItemView,
    /// Its best candidate, scoring 91 or more.
    pub candidate: Candidate,
}

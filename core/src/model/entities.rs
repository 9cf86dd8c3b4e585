//! The entities: integrations, clients, synced items, portal records and sync log entries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ClientId, IntegrationId, ItemId, RecordId};
use super::kinds::{LogLevel, Product, ResourceType, SyncStatus};

/// A configured integration with a PSA or RMM product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integration {
    /// Its identity.
    pub id: IntegrationId,
    /// The name the technician gave it.
    pub name: String,
    /// The integrated product.
    pub product: Product,
    /// When the product last synced with the portal.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub last_synced: DateTime<Utc>,
}

/// A client (customer of the MSP) in the portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    /// Its identity.
    pub id: ClientId,
    /// Its name.
    pub name: String,
}

/// An item an integration synced, and how it stands against the portal.
///
/// Invariants kept by the store: a `Matched` item has a record, a `NotSynced` item has none, an
/// `Excluded` item keeps the record it had (if any) so that including it again restores the match.
/// The record always belongs to the item's client and resource type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncedItem {
    /// Its identity.
    pub id: ItemId,
    /// The integration that synced it.
    pub integration: IntegrationId,
    /// The client it belongs to.
    pub client: ClientId,
    /// Its resource type.
    pub resource_type: ResourceType,
    /// Its name in the source product.
    pub name: String,
    /// Its identifier in the source product.
    pub source_id: String,
    /// Where it stands.
    pub status: SyncStatus,
    /// The portal record it is (or, when excluded, was) matched to.
    pub record: Option<RecordId>,
    /// Bumped on every change, so that writers can detect stale copies.
    pub version: u32,
    /// Since when the integration's runs no longer list it (it is kept, with its decisions, in
    /// case it comes back).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::time::rfc3339_option"
    )]
    pub missing_since: Option<DateTime<Utc>>,
    /// What else the source product said about it, when it said anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<SourceDetails>>,
}

/// The optional facts a sync run gives about an item (boxed in [`SyncedItem`]: most items of
/// most products have none, and a list of 100,000 items stays small).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDetails {
    /// Its serial number (devices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// Its host name (devices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    /// Where it is in the source product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl SourceDetails {
    /// The details, boxed, or `None` when there are none.
    pub fn boxed(self) -> Option<Box<Self>> {
        (self != Self::default()).then(|| Box::new(self))
    }
}

/// A record in the documentation portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalRecord {
    /// Its identity.
    pub id: RecordId,
    /// The client it documents.
    pub client: ClientId,
    /// Its resource type.
    pub resource_type: ResourceType,
    /// Its name in the portal.
    pub name: String,
    /// A disabled record is kept for history but no longer used.
    pub disabled: bool,
    /// The portal's own id for it, when a sync run's snapshot of the portal's records named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// Which portal client a client of an integration's source product is (its id there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientLink {
    /// The integration.
    pub integration: IntegrationId,
    /// The client's id in the source product.
    pub source_id: String,
    /// The portal client.
    pub client: ClientId,
}

/// One line of an integration's sync log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// When it was written.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub time: DateTime<Utc>,
    /// The integration whose sync wrote it.
    pub integration: IntegrationId,
    /// How serious it is.
    pub level: LogLevel,
    /// What happened.
    pub message: String,
    /// The synced item it is about, if any.
    pub item: Option<ItemId>,
}

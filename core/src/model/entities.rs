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

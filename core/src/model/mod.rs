//! The domain model: integrations, clients, synced items, portal records and sync log entries.

mod entities;
mod ids;
mod kinds;

pub use entities::{
    Client, ClientLink, Integration, LogEntry, PortalRecord, SourceDetails, SyncedItem,
};
pub use ids::{ClientId, IntegrationId, ItemId, RecordId, RuleId};
pub use kinds::{IntegrationKind, LogLevel, Product, ResourceType, SyncStatus};

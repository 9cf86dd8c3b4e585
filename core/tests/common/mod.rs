#![allow(dead_code)] // each test file uses a different part of the fixture

//! A small hand-built data set whose every answer is known.

use chrono::{DateTime, TimeZone, Utc};
use sync_core::{
    Client, ClientId, Dataset, Integration, IntegrationId, ItemId, LogEntry, LogLevel,
    PortalRecord, Product, RecordId, ResourceType, RunItem, Store, SyncStatus, SyncedItem,
};

pub const CW: IntegrationId = IntegrationId(0);
pub const NINJA: IntegrationId = IntegrationId(1);
pub const CONTOSO: ClientId = ClientId(0);
pub const FABRIKAM: ClientId = ClientId(1);
pub const NORTHWIND: ClientId = ClientId(2);

/// CONTOSO-DC01: Matched, but to the old record (r1); r0 is the right one.
pub const DC01: ItemId = ItemId(0);
/// Jane Smith: Not Synced; r2 is her record.
pub const JANE: ItemId = ItemId(1);
/// Contoso HQ: Excluded, kept its record r5.
pub const HQ: ItemId = ItemId(2);
/// FAB-WS01: Matched to r4.
pub const FAB_WS01: ItemId = ItemId(3);
/// CONTOSO-WS01: Excluded, no record.
pub const WS01: ItemId = ItemId(4);
/// NWT-LT01 in NinjaOne: Not Synced.
pub const NWT_LT01: ItemId = ItemId(5);

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

pub fn dataset() -> Dataset {
    let record = |id, client, resource_type, name: &str, disabled| PortalRecord {
        id: RecordId(id),
        client,
        resource_type,
        name: name.to_owned(),
        disabled,
        key: None,
    };
    let item = |id, integration, client, resource_type, name: &str, status, record: Option<u32>| {
        SyncedItem {
            id: ItemId(id),
            integration,
            client,
            resource_type,
            name: name.to_owned(),
            source_id: format!("S{id}"),
            status,
            record: record.map(RecordId),
            version: 1,
            missing_since: None,
            details: None,
        }
    };
    use ResourceType::*;
    use SyncStatus::*;
    let log = |day, hour, integration, level, message: &str| LogEntry {
        time: at(day, hour),
        integration,
        level,
        message: message.to_owned(),
        item: None,
    };
    Dataset {
        integrations: vec![
            Integration {
                id: CW,
                name: "ConnectWise Manage".to_owned(),
                product: Product::ConnectWiseManage,
                last_synced: at(24, 10),
            },
            Integration {
                id: NINJA,
                name: "NinjaOne".to_owned(),
                product: Product::NinjaOne,
                last_synced: at(24, 11),
            },
        ],
        clients: ["Contoso Ltd", "Fabrikam Inc", "Northwind Traders"]
            .iter()
            .enumerate()
            .map(|(i, n)| Client {
                id: ClientId(i as u32),
                name: (*n).to_owned(),
            })
            .collect(),
        records: vec![
            record(0, CONTOSO, Configuration, "CONTOSO-DC01", false),
            record(1, CONTOSO, Configuration, "CONTOSO-DC01 (old)", false),
            record(2, CONTOSO, Contact, "Smith, Jane", false),
            record(3, CONTOSO, Configuration, "contoso-fs01", true),
            record(4, FABRIKAM, Configuration, "FAB-WS01", false),
            record(5, CONTOSO, Location, "Contoso Headquarters", false),
        ],
        items: vec![
            item(
                0,
                CW,
                CONTOSO,
                Configuration,
                "CONTOSO-DC01",
                Matched,
                Some(1),
            ),
            item(1, CW, CONTOSO, Contact, "Jane Smith", NotSynced, None),
            item(2, CW, CONTOSO, Location, "Contoso HQ", Excluded, Some(5)),
            item(3, CW, FABRIKAM, Configuration, "FAB-WS01", Matched, Some(4)),
            item(
                4,
                CW,
                CONTOSO,
                Configuration,
                "CONTOSO-WS01",
                Excluded,
                None,
            ),
            item(5, NINJA, NORTHWIND, Device, "NWT-LT01", NotSynced, None),
        ],
        logs: vec![
            log(10, 8, CW, LogLevel::Info, "Sync started"),
            log(20, 9, CW, LogLevel::Warning, "Rate limit reached"),
            log(24, 10, CW, LogLevel::Info, "Sync completed"),
            log(24, 11, NINJA, LogLevel::Error, "Sync failed"),
        ],
        ..Dataset::default()
    }
}

/// An item as a run saw it, with no details.
pub fn item(source_id: &str, name: &str, resource_type: ResourceType) -> RunItem {
    RunItem {
        source_id: source_id.to_owned(),
        name: name.to_owned(),
        resource_type,
        serial: None,
        host_name: None,
        source_url: None,
    }
}

pub fn store() -> Store {
    Store::new(dataset()).unwrap()
}

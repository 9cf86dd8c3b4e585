//! Sync runs on the hand-built data set: what a run changes and what it never does.

mod common;

use common::*;
use sync_core::{
    Batch, ItemFlag, ItemQuery, ListItems, LogLevel, Product, ResourceType, RunClient, RunItem,
    RunRecord, Store, SyncRun, SyncStatus,
};

/// A ConnectWise run for Contoso: DC01 renamed, Jane as she was, a new item with the very name of
/// record r0, and neither Contoso HQ nor CONTOSO-WS01.
fn contoso_run(id: &str) -> SyncRun {
    SyncRun {
        id: id.to_owned(),
        finished: at(25, 6),
        product: None,
        clients: vec![RunClient {
            source_id: "C-1".to_owned(),
            name: "Contoso Ltd".to_owned(),
            items: vec![
                item(
                    "S0",
                    "CONTOSO-DC01.contoso.local",
                    ResourceType::Configuration,
                ),
                item("S1", "Jane Smith", ResourceType::Contact),
                item("S9", "CONTOSO-DC01", ResourceType::Configuration),
            ],
            records: None,
        }],
        errors: Vec::new(),
    }
}

fn names(store: &Store, client: sync_core::ClientId) -> Vec<(String, SyncStatus)> {
    let page = store.items(&ItemQuery::all(CW, client)).unwrap();
    page.items.into_iter().map(|i| (i.name, i.status)).collect()
}

#[test]
fn a_run_keeps_decisions_flags_the_missing_and_matches_the_very_same_name() {
    let mut store = store();
    let outcome = store.apply_run("0", &contoso_run("r-1")).unwrap();
    let s = &outcome.summary;
    assert!(!outcome.replayed);
    assert_eq!((s.seen, s.new, s.changed, s.missing), (3, 1, 1, 2));
    assert_eq!((s.matched_automatically, s.returned, s.unlinked), (1, 0, 0));

    // DC01 was renamed and keeps the record it was matched to (r1), not the same-named r0.
    let dc01 = store.item(DC01).unwrap();
    assert_eq!(dc01.name, "CONTOSO-DC01.contoso.local");
    assert_eq!(
        (dc01.status, dc01.record.map(|r| r.id.0)),
        (SyncStatus::Matched, Some(1))
    );
    assert_eq!(dc01.version, 2);
    // Contoso HQ and CONTOSO-WS01 are kept, excluded as they were, and flagged missing.
    let hq = &store.items_raw()[HQ.index()];
    assert_eq!(
        (hq.status, hq.missing_since),
        (SyncStatus::Excluded, Some(at(25, 6)))
    );
    assert_eq!(
        store.items_raw()[WS01.index()].missing_since,
        Some(at(25, 6))
    );
    // The new item found r0, whose name is its very own.
    let new = outcome.diff.new_items[0];
    let view = store.item(new).unwrap();
    assert_eq!(
        (view.status, view.record.map(|r| r.id.0)),
        (SyncStatus::Matched, Some(0))
    );
    assert_eq!(store.integrations()[0].last_synced, at(25, 6));
    let counts = store.counts(CW).unwrap();
    assert_eq!(
        (counts.matched, counts.not_synced, counts.excluded),
        (3, 1, 2)
    );
    assert!(names(&store, CONTOSO).contains(&("CONTOSO-DC01".to_owned(), SyncStatus::Matched)));
    // The log: one line for the automatic match, one for the run.
    let logs = store.logs(CW, at(25, 0), at(26, 0)).unwrap();
    assert_eq!(logs.len(), 2);
    assert!(logs
        .iter()
        .any(|l| l.item == Some(new) && l.message.contains("automatically")));
    assert!(logs
        .iter()
        .any(|l| l.item.is_none() && l.message == s.message()));
}

#[test]
fn the_same_run_again_changes_nothing_and_answers_as_before() {
    let mut store = store();
    let first = store.apply_run("0", &contoso_run("r-1")).unwrap();
    let before = store.clone();
    let again = store
        .apply_run("ConnectWise Manage", &contoso_run("r-1"))
        .unwrap();
    assert!(again.replayed);
    assert_eq!(again.summary, first.summary);
    assert_eq!(store, before);
}

#[test]
fn an_item_back_again_keeps_its_decision() {
    let mut store = store();
    store.apply_run("0", &contoso_run("r-1")).unwrap();
    let mut run = contoso_run("r-2");
    run.finished = at(26, 6);
    run.clients[0]
        .items
        .push(item("S2", "Contoso HQ", ResourceType::Location));
    let outcome = store.apply_run("0", &run).unwrap();
    assert_eq!((outcome.summary.returned, outcome.summary.missing), (1, 0));
    let hq = &store.items_raw()[HQ.index()];
    assert_eq!(hq.missing_since, None);
    assert_eq!(
        (hq.status, hq.record.map(|r| r.0)),
        (SyncStatus::Excluded, Some(5))
    );
}

#[test]
fn a_record_that_left_the_portal_unlinks_its_items() {
    let mut store = store();
    let mut run = contoso_run("r-1");
    // Every Contoso record but r1 (DC01's) and r5 (Contoso HQ's, which is excluded).
    run.clients[0].records = Some(vec![
        RunRecord {
            id: "P-0".to_owned(),
            name: "CONTOSO-DC01".to_owned(),
            resource_type: ResourceType::Configuration,
        },
        RunRecord {
            id: "P-2".to_owned(),
            name: "Smith, Jane".to_owned(),
            resource_type: ResourceType::Contact,
        },
    ]);
    let outcome = store.apply_run("0", &run).unwrap();
    assert_eq!(outcome.summary.unlinked, 2);
    let dc01 = store.item(DC01).unwrap();
    assert_eq!((dc01.status, dc01.record), (SyncStatus::NotSynced, None));
    let hq = &store.items_raw()[HQ.index()];
    assert_eq!((hq.status, hq.record), (SyncStatus::Excluded, None));
    assert!(store.records_raw()[1].disabled && store.records_raw()[5].disabled);
    assert_eq!(store.records_raw()[0].key.as_deref(), Some("P-0"));
    let logs = store.logs(CW, at(25, 0), at(26, 0)).unwrap();
    assert!(logs
        .iter()
        .any(|l| l.item == Some(DC01) && l.level == LogLevel::Warning));
}

#[test]
fn a_bad_run_says_where_and_changes_nothing() {
    let mut store = store();
    let before = store.clone();
    let mut run = contoso_run("r-1");
    run.clients[0].items[1].source_id = " ".to_owned();
    let problem = store.apply_run("0", &run).unwrap_err();
    assert_eq!(problem.path(), "clients[0].items[1].source_id");
    assert_eq!(
        problem.to_string(),
        "clients[0].items[1].source_id: is empty"
    );

    let mut run = contoso_run("r-1");
    run.clients[0].items[2].resource_type = ResourceType::Device;
    let problem = store.apply_run("0", &run).unwrap_err();
    assert_eq!(problem.path(), "clients[0].items[2].type");
    assert!(problem
        .message
        .contains("not a type ConnectWise Manage syncs"));

    let mut run = contoso_run("r-1");
    run.clients[0]
        .items
        .push(item("S0", "again", ResourceType::Configuration));
    let problem = store.apply_run("0", &run).unwrap_err();
    assert_eq!(problem.path(), "clients[0].items[3].source_id");

    let problem = store.apply_run("Halo", &contoso_run("r-1")).unwrap_err();
    assert_eq!(problem.field, "product");
    assert_eq!(store, before);
}

#[test]
fn a_run_creates_the_integration_and_clients_it_names() {
    let mut store = store();
    let mut run = contoso_run("h-1");
    run.product = Some(Product::HaloPsa);
    run.clients[0].items = vec![item("A1", "Laptop 7", ResourceType::Asset)];
    run.clients.push(RunClient {
        source_id: "C-2".to_owned(),
        name: "Tailspin Toys".to_owned(),
        items: vec![item("A2", "Printer", ResourceType::Asset)],
        records: None,
    });
    let outcome = store.apply_run("Halo", &run).unwrap();
    assert!(outcome.diff.integration_created);
    let halo = store.find_integration("halo").unwrap();
    assert_eq!(store.integrations()[halo.index()].product, Product::HaloPsa);
    // Contoso Ltd is the portal's own client; Tailspin Toys is new.
    let clients: Vec<String> = store
        .clients(halo)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(clients, ["Contoso Ltd", "Tailspin Toys"]);
    assert_eq!(outcome.diff.new_clients.len(), 1);
    assert_eq!(store.counts(halo).unwrap().not_synced, 2);
}

#[test]
fn the_missing_filter_lists_the_missing_items_and_a_list_batch_takes_only_them() {
    let mut store = store();
    store.apply_run("0", &contoso_run("r-1")).unwrap();
    let query = ItemQuery {
        flag: Some(ItemFlag::Missing),
        ..ItemQuery::all(CW, CONTOSO)
    };
    let page = store.items(&query).unwrap();
    let missing: Vec<_> = page.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(missing, ["Contoso HQ", "CONTOSO-WS01"]);
    assert_eq!(page.facets.statuses.excluded, 2);
    assert_eq!(page.facets.statuses.matched, 0);
    // Include every missing item (both are excluded): only those two change.
    let batch = Batch::IncludeMatching {
        matching: ListItems {
            integration: CW,
            client: CONTOSO,
            filter: String::new(),
            resource_type: None,
            status: None,
            flag: Some(ItemFlag::Missing),
            except: Vec::new(),
            as_of: store.head(),
        },
    };
    let outcome = store.apply_batch(&batch);
    assert_eq!(outcome.changed, 2);
    assert_eq!(store.counts(CW).unwrap().excluded, 0);
}

#[test]
fn items_sharing_a_serial_or_a_name_are_duplicates_and_say_where_the_other_is() {
    let mut store = store();
    let mut run = contoso_run("r-1");
    run.clients[0].items[2].serial = Some("SN-77".to_owned());
    run.clients.push(RunClient {
        source_id: "C-2".to_owned(),
        name: "Fabrikam Inc".to_owned(),
        items: vec![
            item("S3", "FAB-WS01", ResourceType::Configuration),
            RunItem {
                serial: Some("SN-77".to_owned()),
                ..item("F-9", "FAB-SPARE", ResourceType::Configuration)
            },
            // The same name as Contoso's DC01, case and punctuation aside.
            item("F-10", "contoso dc01", ResourceType::Configuration),
        ],
        records: None,
    });
    let outcome = store.apply_run("0", &run).unwrap();
    let id = |name: &str| {
        let all = store.items_raw();
        all.iter().find(|i| i.name == name).unwrap().id
    };
    // By serial number, across clients.
    let spare = store.item(id("FAB-SPARE")).unwrap();
    let twin = spare.twin.as_deref().unwrap();
    assert_eq!(
        (twin.name.as_str(), twin.client_name.as_str()),
        ("CONTOSO-DC01", "Contoso Ltd")
    );
    assert_eq!(twin.item, outcome.diff.new_items[0]);
    // By name and type: the new CONTOSO-DC01 (a serial twin first) and the two others.
    let named = store.item(id("contoso dc01")).unwrap();
    assert_eq!(named.twin.unwrap().client, CONTOSO);
    assert!(store.item(id("FAB-WS01")).unwrap().twin.is_none());
    // The Duplicates filter lists Fabrikam's two.
    let query = ItemQuery {
        flag: Some(ItemFlag::Duplicate),
        ..ItemQuery::all(CW, FABRIKAM)
    };
    let names: Vec<String> = store
        .items(&query)
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.name)
        .collect();
    assert_eq!(names, ["contoso dc01", "FAB-SPARE"]);
}

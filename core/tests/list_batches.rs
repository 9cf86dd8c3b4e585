//! Batches that name their items by a list (filter, type, status, less some, as of a change):
//! they do what the same batch naming each item does, and report what changed since the list
//! was read, item by item.

mod common;

use common::*;
use sync_core::{Action, Batch, ItemQuery, ListItems, ResourceType, Sort, Store, SyncStatus};

/// Contoso's list in ConnectWise, read now.
fn contoso(store: &Store) -> ListItems {
    ListItems {
        integration: CW,
        client: CONTOSO,
        filter: String::new(),
        resource_type: None,
        status: None,
        flag: None,
        except: Vec::new(),
        as_of: store.head(),
    }
}

/// Someone else excludes `item` (after a list was read).
fn excluded_elsewhere(store: &mut Store, item: sync_core::ItemId) {
    let exclude = Action::Exclude {
        item,
        disable_record: false,
    };
    store.apply(&exclude, None).unwrap();
}

fn status(store: &Store, item: sync_core::ItemId) -> SyncStatus {
    store.item(item).unwrap().status
}

#[test]
fn exclude_matching_excludes_what_the_list_shows_and_skips_the_excluded() {
    let mut store = store();
    let outcome = store.apply_batch(&Batch::ExcludeMatching {
        disable_record: false,
        matching: contoso(&store),
    });
    assert_eq!(outcome.changed, 2, "DC01 and Jane");
    assert_eq!(outcome.skipped, 2, "HQ and WS01 were excluded already");
    assert!(outcome.stale.is_empty() && outcome.refused.is_empty());
    for item in [DC01, JANE, HQ, WS01] {
        assert_eq!(status(&store, item), SyncStatus::Excluded);
    }
    assert_eq!(
        status(&store, FAB_WS01),
        SyncStatus::Matched,
        "another client is untouched"
    );
    // Its undo names each item: applied, everything is as it was.
    store.apply_batch(outcome.undo.as_ref().unwrap());
    assert_eq!(status(&store, DC01), SyncStatus::Matched);
    assert_eq!(status(&store, JANE), SyncStatus::NotSynced);
}

#[test]
fn the_filters_and_the_exceptions_narrow_it() {
    let mut store = store();
    let list = ListItems {
        filter: "contoso".to_owned(),
        resource_type: Some(ResourceType::Configuration),
        except: vec![WS01],
        ..contoso(&store)
    };
    let outcome = store.apply_batch(&Batch::IncludeMatching { matching: list });
    assert_eq!(
        outcome.changed, 0,
        "WS01 is the only excluded configuration, and it is left out"
    );
    assert_eq!(outcome.skipped, 1, "DC01 is not excluded");
    assert!(outcome.undo.is_none());
    assert_eq!(status(&store, WS01), SyncStatus::Excluded);
}

#[test]
fn items_changed_after_the_list_was_read_are_reported_and_left() {
    let mut store = store();
    let list = ListItems {
        status: Some(SyncStatus::NotSynced),
        ..contoso(&store)
    };
    // Someone excludes Jane after the list (Not Synced: Jane) was read.
    excluded_elsewhere(&mut store, JANE);
    let outcome = store.apply_batch(&Batch::ExcludeMatching {
        disable_record: false,
        matching: list.clone(),
    });
    assert_eq!(outcome.changed, 0);
    assert_eq!(
        outcome.stale,
        vec![JANE],
        "it was on the list when read, and changed since"
    );
    assert_eq!(outcome.names, vec![(JANE, "Jane Smith".to_owned())]);
    // Read again, the list is empty: nothing to do, nothing stale.
    let again = store.plan_batch(&Batch::ExcludeMatching {
        disable_record: false,
        matching: ListItems {
            as_of: store.head(),
            ..list
        },
    });
    assert_eq!(again.1.changed, 0);
    assert!(again.1.stale.is_empty());
}

#[test]
fn an_item_that_was_never_on_the_list_is_not_reported() {
    let mut store = store();
    let list = ListItems {
        status: Some(SyncStatus::NotSynced),
        ..contoso(&store)
    };
    // DC01 (Matched, not on the Not Synced list) is excluded by someone else.
    excluded_elsewhere(&mut store, DC01);
    let (_, outcome) = store.plan_batch(&Batch::ExcludeMatching {
        disable_record: false,
        matching: list,
    });
    assert_eq!(outcome.changed, 1, "Jane");
    assert!(outcome.stale.is_empty());
}

#[test]
fn a_list_batch_does_what_the_same_batch_naming_each_item_does() {
    let store = store();
    let page = store
        .items(&ItemQuery {
            integration: CW,
            client: CONTOSO,
            filter: String::new(),
            resource_type: None,
            status: None,
            flag: None,
            sort: Sort::default(),
            offset: 0,
            limit: 100,
        })
        .unwrap();
    assert_eq!(page.as_of, store.head());
    let named = Batch::Exclude {
        disable_record: true,
        items: page
            .items
            .iter()
            .filter(|i| i.status != SyncStatus::Excluded)
            .map(|i| (i.id, i.version))
            .collect(),
    };
    let listed = Batch::ExcludeMatching {
        disable_record: true,
        matching: contoso(&store),
    };
    let (named_changes, named_outcome) = store.plan_batch(&named);
    let (listed_changes, listed_outcome) = store.plan_batch(&listed);
    assert_eq!(named_changes, listed_changes);
    assert_eq!(named_outcome.undo, listed_outcome.undo);
    assert_eq!(named_outcome.changed, listed_outcome.changed);
}

#[test]
fn the_wire_form_is_small_and_reads_back() {
    let store = store();
    let batch = Batch::ExcludeMatching {
        disable_record: false,
        matching: ListItems {
            filter: "dc".to_owned(),
            status: Some(SyncStatus::Matched),
            ..contoso(&store)
        },
    };
    let json = serde_json::to_string(&batch).unwrap();
    assert_eq!(
        json,
        r#"{"op":"exclude-matching","disable_record":false,"matching":{"integration":0,"client":0,"filter":"dc","type":null,"status":"matched","except":[],"as_of":0}}"#
    );
    assert_eq!(serde_json::from_str::<Batch>(&json).unwrap(), batch);
}

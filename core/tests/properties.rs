//! After any sequence of actions, the counts add up and every link holds.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use sync_core::demo::{generate, DemoConfig};
use sync_core::{Action, ItemId, RecordId, StatusCounts, Store, SyncStatus};

fn small_store() -> Store {
    generate(&DemoConfig {
        seed: 11,
        size: 60,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    })
}

fn action(items: u32, records: u32) -> impl Strategy<Value = Action> {
    let item = (0..items).prop_map(ItemId);
    prop_oneof![
        (item.clone(), 0..records, any::<bool>()).prop_map(|(item, r, disable_previous)| {
            Action::Rematch {
                item,
                record: RecordId(r),
                disable_previous,
            }
        }),
        (item.clone(), any::<bool>()).prop_map(|(item, disable_record)| Action::Exclude {
            item,
            disable_record
        }),
        item.prop_map(|item| Action::Include { item }),
    ]
}

fn check(store: &Store) {
    for integration in store.integrations() {
        let mut recount = StatusCounts::default();
        for item in store
            .items_raw()
            .iter()
            .filter(|i| i.integration == integration.id)
        {
            recount.add(item.status);
        }
        let counts = store.counts(integration.id).unwrap();
        assert_eq!(counts, recount);
        assert_eq!(
            counts.matched + counts.not_synced + counts.excluded,
            counts.total()
        );
    }
    for item in store.items_raw() {
        match (item.status, item.record) {
            (SyncStatus::Matched, None) => panic!("matched item {} has no record", item.id),
            (SyncStatus::NotSynced, Some(_)) => panic!("not synced item {} has one", item.id),
            _ => {}
        }
        if let Some(record) = item.record {
            let record = &store.records_raw()[record.index()];
            assert_eq!(record.client, item.client);
            assert_eq!(record.resource_type, item.resource_type);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn counts_add_up_and_links_hold_after_any_actions(
        actions in prop::collection::vec(action(400, 600), 1..60)
    ) {
        let mut store = small_store();
        for action in &actions {
            let before = store.clone();
            match store.apply(action, None) {
                Ok(row) => {
                    prop_assert_eq!(row.id, action.item());
                    prop_assert_eq!(row.version, before.item(row.id).unwrap().version + 1);
                }
                Err(_) => prop_assert_eq!(&store, &before),
            }
            check(&store);
        }
    }

    #[test]
    fn item_query_total_matches_a_plain_scan(filter in "[a-z0-9 -]{0,3}") {
        let store = small_store();
        for integration in store.integrations() {
            for client in store.clients(integration.id).unwrap() {
                let mut query = sync_core::ItemQuery::all(integration.id, client.id);
                query.filter = filter.clone();
                let expected = store
                    .items_raw()
                    .iter()
                    .filter(|i| i.integration == integration.id && i.client == client.id)
                    .filter(|i| i.name.to_lowercase().contains(filter.trim()))
                    .count();
                prop_assert_eq!(store.items(&query).unwrap().total as usize, expected);
            }
        }
    }
}

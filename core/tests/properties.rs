//! After any sequence of actions, the counts add up, every link holds, every action's undo puts
//! back what it changed, and every page of the Sync Status list is what a plain scan, filter and
//! sort would give.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use sync_core::demo::{generate, DemoConfig};
use sync_core::{
    Action, Batch, ItemId, ItemQuery, RecordId, ResourceType, Sort, SortKey, StatusCounts, Store,
    SyncStatus, SyncedItem,
};

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

/// A batch over up to `n` random items (some named twice), each at its current version or, for
/// about one in four, a stale one.
fn batch(n: usize) -> impl Strategy<Value = (u8, bool, Vec<(u32, u32, bool)>)> {
    (
        0u8..3,
        any::<bool>(),
        prop::collection::vec((0u32..400, 0u32..600, prop::bool::weighted(0.25)), 0..n),
    )
}

/// The batch of kind `kind` over `picks` (item, record, stale?) as the store reads now.
fn make_batch(store: &Store, kind: u8, disable: bool, picks: &[(u32, u32, bool)]) -> Batch {
    let version = |item: u32, stale: bool| {
        store.item(ItemId(item)).map_or(0, |i| i.version) + u32::from(stale)
    };
    let pairs = picks
        .iter()
        .map(|&(i, _, s)| (ItemId(i), version(i, s)))
        .collect();
    match kind {
        0 => Batch::Exclude {
            disable_record: disable,
            items: pairs,
        },
        1 => Batch::Include { items: pairs },
        _ => Batch::Rematch {
            items: picks
                .iter()
                .map(|&(i, r, s)| (ItemId(i), RecordId(r), version(i, s)))
                .collect(),
        },
    }
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
    fn a_batch_changes_only_items_at_their_version_and_its_undo_puts_everything_back(
        history in prop::collection::vec(action(400, 600), 0..30),
        (kind, disable, picks) in batch(120),
    ) {
        let mut store = small_store();
        for action in &history {
            let _ = store.apply(action, None);
        }
        let earlier = store.clone();
        // Items named only at stale versions (an item may be named twice).
        let fresh: Vec<u32> = picks.iter().filter(|p| !p.2).map(|p| p.0).collect();
        let stale: Vec<ItemId> = picks
            .iter()
            .filter(|p| p.2 && !fresh.contains(&p.0))
            .map(|p| ItemId(p.0))
            .collect();
        let outcome = store.apply_batch(&make_batch(&store, kind, disable, &picks));
        check(&store);
        // Every item named at a stale version is reported stale and left as it is.
        for item in &stale {
            prop_assert!(outcome.stale.contains(item));
            prop_assert_eq!(&store.items_raw()[item.index()], &earlier.items_raw()[item.index()]);
        }
        let changed: Vec<usize> = (0..store.items_raw().len())
            .filter(|&i| store.items_raw()[i] != earlier.items_raw()[i])
            .collect();
        prop_assert_eq!(changed.len() as u32, outcome.changed);
        prop_assert_eq!(
            outcome.changed as usize + outcome.stale.len() + outcome.refused.len(),
            picks.len()
        );
        // The undo puts back every item (but its version), every record and every count.
        match &outcome.undo {
            None => prop_assert_eq!(outcome.changed, 0),
            Some(undo) => {
                let undone = store.apply_batch(undo);
                prop_assert_eq!(undone.changed, outcome.changed);
                prop_assert!(undone.stale.is_empty() && undone.refused.is_empty());
                check(&store);
                let mut expected: Vec<SyncedItem> = earlier.items_raw().to_vec();
                for &i in &changed {
                    expected[i].version += 2;
                }
                prop_assert_eq!(store.items_raw(), &expected[..]);
                prop_assert_eq!(store.records_raw(), earlier.records_raw());
                for i in store.integrations() {
                    prop_assert_eq!(store.counts(i.id).unwrap(), earlier.counts(i.id).unwrap());
                }
            }
        }
    }

    #[test]
    fn undoing_an_action_puts_back_everything_but_the_version(
        history in prop::collection::vec(action(400, 600), 0..30),
        actions in prop::collection::vec(action(400, 600), 1..30),
    ) {
        let mut store = small_store();
        for action in &history {
            let _ = store.apply(action, None);
        }
        for action in &actions {
            let Ok(before) = store.item(action.item()) else { continue };
            let earlier = store.clone();
            let Ok(after) = store.apply(action, Some(before.version)) else { continue };
            // Undone against a stale version: refused, nothing changes.
            let undo = action.undo(&before);
            let applied = store.clone();
            prop_assert!(store.apply(&undo, Some(before.version)).is_err());
            prop_assert_eq!(&store, &applied);
            let restored = store.apply(&undo, Some(after.version)).unwrap();
            prop_assert_eq!(restored.version, before.version + 2);
            prop_assert_eq!(
                (restored.status, restored.record.clone()),
                (before.status, before.record.clone())
            );
            check(&store);
            // Everything else is as it was: every item but the version, every record, the counts.
            let mut expected_items: Vec<SyncedItem> = earlier.items_raw().to_vec();
            expected_items[before.id.index()].version += 2;
            let items: Vec<SyncedItem> = store.items_raw().to_vec();
            prop_assert_eq!(items, expected_items);
            prop_assert_eq!(store.records_raw(), earlier.records_raw());
            for i in store.integrations() {
                prop_assert_eq!(store.counts(i.id).unwrap(), earlier.counts(i.id).unwrap());
            }
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn item_pages_match_a_plain_filter_and_stable_sort(
        actions in prop::collection::vec(action(400, 600), 0..20),
        filter in prop_oneof![Just(String::new()), "[aeiost]", "[a-z0-9 -]{1,3}"],
        resource_type in prop::option::of(prop::sample::select(ResourceType::ALL.to_vec())),
        status in prop::option::of(prop::sample::select(SyncStatus::ALL.to_vec())),
        key in prop::sample::select(vec![SortKey::Name, SortKey::Type, SortKey::Status]),
        descending in any::<bool>(),
        offset in 0u32..80,
        limit in prop_oneof![0u32..40, Just(u32::MAX)],
    ) {
        let mut store = small_store();
        for action in &actions {
            let _ = store.apply(action, None);
        }
        let sort = Sort { key, descending };
        for integration in store.integrations() {
            for client in store.clients(integration.id).unwrap() {
                let query = ItemQuery {
                    filter: filter.clone(),
                    resource_type,
                    status,
                    sort,
                    offset,
                    limit,
                    ..ItemQuery::all(integration.id, client.id)
                };
                // The plain model: scan, filter, sort by name then id, then stably by the column.
                let mut expected: Vec<&SyncedItem> = store
                    .items_raw()
                    .iter()
                    .filter(|i| i.integration == integration.id && i.client == client.id)
                    .filter(|i| i.name.to_lowercase().contains(filter.trim()))
                    .filter(|i| resource_type.is_none_or(|t| i.resource_type == t))
                    .filter(|i| status.is_none_or(|s| i.status == s))
                    .collect();
                expected.sort_by_key(|i| (i.name.to_lowercase(), i.id));
                let ordered = |o: std::cmp::Ordering| if descending { o.reverse() } else { o };
                match key {
                    SortKey::Name if descending => expected.reverse(),
                    SortKey::Name => {}
                    SortKey::Type => expected.sort_by(|a, b| ordered(a.resource_type.cmp(&b.resource_type))),
                    SortKey::Status => expected.sort_by(|a, b| ordered(a.status.cmp(&b.status))),
                }
                let page = store.items(&query).unwrap();
                prop_assert_eq!(page.total as usize, expected.len());
                prop_assert_eq!(page.offset, offset);
                let ids: Vec<ItemId> = page.items.iter().map(|i| i.id).collect();
                let want: Vec<ItemId> = expected
                    .iter()
                    .skip(offset as usize)
                    .take(limit as usize)
                    .map(|i| i.id)
                    .collect();
                prop_assert_eq!(ids, want);
                // Each Type option counts what it would list with the name and Status filters;
                // each Status option what it would list with the name and Type filters.
                let named = || {
                    store.items_raw().iter().filter(|i| {
                        i.integration == integration.id
                            && i.client == client.id
                            && i.name.to_lowercase().contains(filter.trim())
                    })
                };
                for t in ResourceType::ALL {
                    let n = named()
                        .filter(|i| i.resource_type == t && status.is_none_or(|s| i.status == s))
                        .count();
                    prop_assert_eq!(page.facets.of_type(t) as usize, n, "{:?}", t);
                }
                for s in SyncStatus::ALL {
                    let n = named()
                        .filter(|i| i.status == s && resource_type.is_none_or(|t| i.resource_type == t))
                        .count();
                    prop_assert_eq!(page.facets.statuses.get(s) as usize, n, "{:?}", s);
                }
                prop_assert!(!page.facets.types.iter().any(|&(_, n)| n == 0));
            }
        }
    }
}

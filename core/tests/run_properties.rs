//! Whatever runs come, and whatever the technician does between them, a run never undoes a
//! decision; the same run twice changes nothing the second time; the counts add up.

use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;
use sync_core::demo::{generate, DemoConfig};
use sync_core::{
    Action, IntegrationId, ItemId, RecordId, RunClient, RunItem, Store, SyncRun, SyncStatus,
};

fn small_store() -> Store {
    generate(&DemoConfig {
        seed: 5,
        size: 40,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    })
}

/// What a run does to one client's items: per existing item, whether it is listed and whether
/// renamed; then how many new items (some named like the client's records).
#[derive(Clone, Debug)]
struct Recipe {
    integration: u32,
    client: usize,
    listed: Vec<(bool, bool)>,
    new: Vec<(bool, u16)>,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (
        0u32..6,
        0usize..8,
        prop::collection::vec(
            (prop::bool::weighted(0.8), prop::bool::weighted(0.1)),
            0..80,
        ),
        prop::collection::vec((any::<bool>(), any::<u16>()), 0..6),
    )
        .prop_map(|(integration, client, listed, new)| Recipe {
            integration,
            client,
            listed,
            new,
        })
}

/// The run a recipe makes of the store as it is now.
/// Also: the client's items listed, and those not.
fn make_run(
    store: &Store,
    recipe: &Recipe,
    n: usize,
) -> (IntegrationId, SyncRun, Vec<ItemId>, Vec<ItemId>) {
    let integration = IntegrationId(recipe.integration % store.integrations().len() as u32);
    let clients = store.clients(integration).unwrap();
    let client = &clients[recipe.client % clients.len()];
    let product = store.integrations()[integration.index()].product;
    let mine: Vec<_> = store
        .items_raw()
        .iter()
        .filter(|i| i.integration == integration && i.client == client.id)
        .collect();
    let mut items: Vec<RunItem> = Vec::new();
    let (mut listed_ids, mut unlisted) = (Vec::new(), Vec::new());
    for (item, &(listed, renamed)) in mine.iter().zip(recipe.listed.iter().cycle()) {
        let twice = items
            .iter()
            .any(|i| i.source_id == item.source_id && i.resource_type == item.resource_type);
        if listed && !twice {
            let name = if renamed {
                format!("{} (renamed)", item.name)
            } else {
                item.name.clone()
            };
            items.push(run_item(&item.source_id, name, item.resource_type));
            listed_ids.push(item.id);
        } else {
            unlisted.push(item.id);
        }
    }
    let records: Vec<_> = store
        .records_raw()
        .iter()
        .filter(|r| r.client == client.id)
        .collect();
    for (k, &(like_record, pick)) in recipe.new.iter().enumerate() {
        let types = product.resource_types();
        let (name, resource_type) = match records.get(pick as usize % records.len().max(1)) {
            Some(r) if like_record && types.contains(&r.resource_type) => {
                (r.name.clone(), r.resource_type)
            }
            _ => (
                format!("New thing {pick}"),
                types[pick as usize % types.len()],
            ),
        };
        items.push(run_item(&format!("new-{n}-{k}"), name, resource_type));
    }
    let run = SyncRun {
        id: format!("run-{n}"),
        finished: Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::hours(n as i64),
        product: None,
        clients: vec![RunClient {
            source_id: format!("src-{}", client.id),
            name: client.name.clone(),
            items,
            records: None,
        }],
        errors: Vec::new(),
    };
    (integration, run, listed_ids, unlisted)
}

fn run_item(source_id: &str, name: String, resource_type: sync_core::ResourceType) -> RunItem {
    RunItem {
        source_id: source_id.to_owned(),
        name,
        resource_type,
        serial: None,
        host_name: None,
        source_url: None,
    }
}

/// Every item's decision: its status and record.
fn decisions(store: &Store) -> Vec<(SyncStatus, Option<RecordId>)> {
    store
        .items_raw()
        .iter()
        .map(|i| (i.status, i.record))
        .collect()
}

fn counts_add_up(store: &Store) -> Result<(), TestCaseError> {
    for integration in store.integrations() {
        let counts = store.counts(integration.id).unwrap();
        let items = store
            .items_raw()
            .iter()
            .filter(|i| i.integration == integration.id);
        let mut statuses = [0u32; 3];
        for item in items {
            statuses[SyncStatus::ALL
                .iter()
                .position(|s| *s == item.status)
                .unwrap()] += 1;
        }
        prop_assert_eq!(
            [counts.matched, counts.not_synced, counts.excluded],
            statuses
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn runs_never_undo_a_decision_and_a_run_again_changes_nothing(
        steps in prop::collection::vec(
            (recipe(), prop::collection::vec((0u32..400, any::<bool>()), 0..4)),
            1..6,
        )
    ) {
        let mut store = small_store();
        for (n, (recipe, excludes)) in steps.iter().enumerate() {
            // The technician excludes or includes a few items first.
            for &(item, exclude) in excludes {
                let item = ItemId(item % store.items_raw().len() as u32);
                let action = if exclude {
                    Action::Exclude { item, disable_record: false }
                } else {
                    Action::Include { item }
                };
                let _ = store.apply(&action, None);
            }
            let (integration, run, listed, unlisted) = make_run(&store, recipe, n);
            let before = decisions(&store);
            let outcome = store.apply_run(&integration.to_string(), &run).unwrap();
            prop_assert!(!outcome.replayed);
            // A run without a records snapshot changes no existing item's decision.
            prop_assert_eq!(&decisions(&store)[..before.len()], &before[..]);
            // Every new item is Not Synced, or matched to a record of its very name.
            for id in &outcome.diff.new_items {
                let item = &store.items_raw()[id.index()];
                match item.record {
                    Some(r) => prop_assert_eq!(&store.records_raw()[r.index()].name, &item.name),
                    None => prop_assert_eq!(item.status, SyncStatus::NotSynced),
                }
            }
            prop_assert_eq!(outcome.summary.new as usize, outcome.diff.new_items.len());
            counts_add_up(&store)?;
            let after = store.clone();
            let again = store.apply_run(&integration.to_string(), &run).unwrap();
            prop_assert!(again.replayed);
            prop_assert_eq!(again.summary, outcome.summary);
            prop_assert!(store == after, "the same run again changed the store");
            // An item the run did not list is flagged, never gone; one it listed is not.
            for id in &unlisted {
                prop_assert!(store.items_raw()[id.index()].missing_since.is_some());
            }
            for id in &listed {
                prop_assert!(store.items_raw()[id.index()].missing_since.is_none());
            }
        }
    }
}

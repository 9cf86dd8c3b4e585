//! Whatever technicians, rules and sync runs do, an item's history replayed from its first entry
//! gives the item as it is now: every change is recorded, each from the state the one before it
//! left.

use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;
use sync_core::demo::{generate, DemoConfig};
use sync_core::{
    Action, Batch, History, IntegrationId, ItemId, RecordId, RunClient, RunItem, RunRecord,
    Snapshot, Stamp, Store, SyncRun, SyncStatus,
};

fn small_store() -> Store {
    generate(&DemoConfig {
        seed: 9,
        size: 40,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    })
}

/// One step of a random session.
#[derive(Clone, Debug)]
enum Step {
    Exclude(u32, bool),
    Include(u32),
    Rematch(u32, u32),
    Restore(u32, u8, u32),
    Batch(Vec<u32>, bool),
    /// A run of an integration's client: per item, listed and renamed; new items; whether it
    /// carries the records (dropping some).
    Run(u32, u16, Vec<(bool, bool)>, u8, Option<u16>),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<u32>(), any::<bool>()).prop_map(|(i, d)| Step::Exclude(i, d)),
        any::<u32>().prop_map(Step::Include),
        (any::<u32>(), any::<u32>()).prop_map(|(i, r)| Step::Rematch(i, r)),
        (any::<u32>(), 0u8..3, any::<u32>()).prop_map(|(i, s, r)| Step::Restore(i, s, r)),
        (prop::collection::vec(any::<u32>(), 1..12), any::<bool>())
            .prop_map(|(items, exclude)| Step::Batch(items, exclude)),
        (
            0u32..6,
            any::<u16>(),
            prop::collection::vec(
                (prop::bool::weighted(0.8), prop::bool::weighted(0.15)),
                0..40
            ),
            0u8..4,
            prop::option::weighted(0.3, any::<u16>()),
        )
            .prop_map(|(i, c, listed, new, drop)| Step::Run(i, c, listed, new, drop)),
    ]
}

fn item(store: &Store, n: u32) -> ItemId {
    ItemId(n % store.items_raw().len() as u32)
}

fn run_of(store: &Store, step: &Step, n: usize) -> Option<(IntegrationId, SyncRun)> {
    let Step::Run(integration, client, listed, new, drop) = step else {
        return None;
    };
    let integration = IntegrationId(integration % store.integrations().len() as u32);
    let clients = store.clients(integration).ok()?;
    let client = clients.get(*client as usize % clients.len().max(1))?;
    let product = store.integrations()[integration.index()].product;
    let mut items: Vec<RunItem> = Vec::new();
    let mine = store
        .items_raw()
        .iter()
        .filter(|i| i.integration == integration && i.client == client.id);
    for (it, &(listed, renamed)) in mine.zip(listed.iter().cycle()) {
        let twice = items
            .iter()
            .any(|i| i.source_id == it.source_id && i.resource_type == it.resource_type);
        if listed && !twice {
            let name = if renamed {
                format!("{} v{n}", it.name)
            } else {
                it.name.clone()
            };
            items.push(run_item(&it.source_id, name, it.resource_type));
        }
    }
    let types = product.resource_types();
    for k in 0..*new {
        let name = format!("Fresh {n}-{k}");
        items.push(run_item(
            &format!("new-{n}-{k}"),
            name,
            types[k as usize % types.len()],
        ));
    }
    // With records: every record of the client but one (its links are dropped).
    let records = drop.map(|drop| {
        let mine: Vec<_> = store
            .records_raw()
            .iter()
            .filter(|r| r.client == client.id)
            .collect();
        let gone = drop as usize % mine.len().max(1);
        mine.iter()
            .enumerate()
            .filter(|(k, _)| *k != gone)
            .map(|(_, r)| RunRecord {
                id: format!("rec-{}", r.id.0),
                name: r.name.clone(),
                resource_type: r.resource_type,
            })
            .collect()
    });
    let run = SyncRun {
        id: format!("run-{n}"),
        finished: Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::hours(n as i64),
        product: None,
        clients: vec![RunClient {
            source_id: format!("src-{}", client.id),
            name: client.name.clone(),
            items,
            records,
        }],
        errors: Vec::new(),
    };
    Some((integration, run))
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn history_replayed_gives_every_item_as_it_is(steps in prop::collection::vec(step(), 1..24)) {
        let mut store = small_store();
        let start: Vec<Snapshot> = store.items_raw().iter().map(Snapshot::of).collect();
        let mut history = History::default();
        for (n, step) in steps.iter().enumerate() {
            let stamp = Stamp {
                seq: 0,
                time: Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::minutes(n as i64),
                actor: format!("Tech {}", n % 3),
            };
            let records = store.records_raw().len() as u32;
            match step {
                Step::Exclude(i, disable) => {
                    let action = Action::Exclude { item: item(&store, *i), disable_record: *disable };
                    let _ = history.apply(&mut store, &action, None, &stamp);
                }
                Step::Include(i) => {
                    let action = Action::Include { item: item(&store, *i) };
                    let _ = history.apply(&mut store, &action, None, &stamp);
                }
                Step::Rematch(i, r) => {
                    let action = Action::Rematch {
                        item: item(&store, *i),
                        record: RecordId(r % records),
                        disable_previous: false,
                    };
                    let _ = history.apply(&mut store, &action, None, &stamp);
                }
                Step::Restore(i, s, r) => {
                    let action = Action::Restore {
                        item: item(&store, *i),
                        status: SyncStatus::ALL[*s as usize],
                        record: Some(RecordId(r % records)),
                        enable: None,
                    };
                    let _ = history.apply(&mut store, &action, None, &stamp);
                }
                Step::Batch(items, exclude) => {
                    let items = items
                        .iter()
                        .map(|&i| {
                            let id = item(&store, i);
                            (id, store.items_raw()[id.index()].version)
                        })
                        .collect();
                    let batch = if *exclude {
                        Batch::Exclude { disable_record: false, items }
                    } else {
                        Batch::Include { items }
                    };
                    history.apply_batch(&mut store, &batch, &stamp);
                }
                Step::Run(..) => {
                    if let Some((integration, run)) = run_of(&store, step, n) {
                        history.apply_run(&mut store, &integration.to_string(), &run, &stamp).unwrap();
                    }
                }
            }
        }
        for it in store.items_raw() {
            let page = history.page(it.id, &it.name, None, usize::MAX);
            prop_assert_eq!(page.total as usize, page.entries.len());
            // Replayed from the first entry (oldest), each from the state the one before left.
            let mut state = start.get(it.id.index()).cloned();
            let mut seq = 0;
            for entry in page.entries.iter().rev() {
                prop_assert_eq!(&entry.before, &state, "item {} at change {}", it.id, entry.seq);
                prop_assert!(entry.seq > seq, "entries out of order");
                prop_assert!(entry.before.as_ref() != Some(&entry.after) || entry.what == sync_core::What::Run);
                seq = entry.seq;
                state = Some(entry.after.clone());
            }
            prop_assert_eq!(state, Some(Snapshot::of(it)), "item {} ends elsewhere", it.id);
        }
    }
}

#[test]
fn pages_are_newest_first_and_trimmed_by_age_and_count() {
    let mut store = small_store();
    let mut history = History::default();
    let at = |m: i64| Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::minutes(m);
    let one = ItemId(0);
    let name = store.items_raw()[0].name.clone();
    for m in 0..10 {
        let stamp = Stamp {
            seq: 0,
            time: at(m),
            actor: "Ann".into(),
        };
        let action = if m % 2 == 0 {
            Action::Exclude {
                item: one,
                disable_record: false,
            }
        } else {
            Action::Include { item: one }
        };
        history.apply(&mut store, &action, None, &stamp).unwrap();
    }
    let first = history.page(one, &name, None, 4);
    assert_eq!(first.total, 10);
    assert_eq!(
        first.entries.iter().map(|e| e.time).collect::<Vec<_>>(),
        vec![at(9), at(8), at(7), at(6)]
    );
    let second = history.page(one, &name, first.next, 4);
    assert_eq!(second.entries[0].time, at(5));
    let last = history.page(one, &name, second.next, 4);
    assert_eq!(
        last.entries.iter().map(|e| e.time).collect::<Vec<_>>(),
        vec![at(1), at(0)]
    );
    assert_eq!(last.next, None);
    history.trim(at(3), 100);
    assert_eq!(history.page(one, &name, None, 100).total, 7);
    history.trim(at(0), 5);
    let kept = history.page(one, &name, None, 100);
    assert_eq!((kept.total, kept.entries.last().unwrap().time), (5, at(5)));
}

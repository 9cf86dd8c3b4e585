//! sync-core at 1,000,000 items in one client: filter, sort, a rule's preview, counts and an action with its count
//! update; at 100,000, the mock store's start-up and a Re-match Record dialog's candidates; and
//! Sync Logs filtered at 100,000 entries.
//! Run with `cargo bench -p sync-core`.

use chrono::{Duration, TimeZone, Utc};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use sync_core::demo::{dataset, generate, DemoConfig};
use sync_core::{
    Action, Batch, CandidateQuery, ItemId, ItemQuery, LogEntry, LogLevel, LogQuery, NewRule,
    ResourceType, Sort, SortKey, Store, SyncStatus,
};

/// Every item of the large integration's largest client (the demo's large client).
fn largest_client(store: &Store) -> ItemQuery {
    let integration = store.integrations()[3].id;
    store
        .clients(integration)
        .unwrap()
        .into_iter()
        .map(|c| ItemQuery::all(integration, c.id))
        .max_by_key(|q| store.items(q).unwrap().total)
        .unwrap()
}

/// The largest client of the large integration, and the store.
fn million() -> (Store, ItemQuery) {
    let store = generate(&DemoConfig {
        seed: 2026,
        size: 1_000_000,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    });
    let all = largest_client(&store);
    let query = ItemQuery { limit: 60, ..all };
    (store, query)
}

fn queries(c: &mut Criterion) {
    let (mut store, all) = million();
    assert_eq!(store.items(&all).unwrap().total, 1_000_000);
    let mut group = c.benchmark_group("1M items in one client");
    group.sample_size(20);
    group.bench_function("first page, no filter", |b| {
        b.iter(|| store.items(black_box(&all)).unwrap())
    });
    let typed = ItemQuery {
        filter: "ws1".to_owned(),
        ..all.clone()
    };
    group.bench_function("filter by partial name", |b| {
        b.iter(|| store.items(black_box(&typed)).unwrap())
    });
    let narrowed = ItemQuery {
        filter: "lt".to_owned(),
        status: Some(SyncStatus::NotSynced),
        ..all.clone()
    };
    group.bench_function("filter + status", |b| {
        b.iter(|| store.items(black_box(&narrowed)).unwrap())
    });
    let sorted = ItemQuery {
        sort: Sort {
            key: SortKey::Status,
            descending: true,
        },
        ..all.clone()
    };
    group.bench_function("sort by status", |b| {
        b.iter(|| store.items(black_box(&sorted)).unwrap())
    });
    let rule = NewRule {
        integration: all.integration,
        pattern: "*-ws1?*".to_owned(),
        resource_type: None,
        disable_record: false,
    };
    group.bench_function("rule preview (glob over every name)", |b| {
        b.iter(|| store.rule_preview(black_box(&rule), 50).unwrap())
    });
    group.bench_function("global counts", |b| {
        b.iter(|| store.counts(black_box(all.integration)).unwrap())
    });
    let item = store.items(&all).unwrap().items[0].id;
    group.bench_function("exclude + include (counts kept up to date)", |b| {
        b.iter(|| {
            store
                .apply(
                    &Action::Exclude {
                        item,
                        disable_record: false,
                    },
                    None,
                )
                .unwrap();
            store.apply(&Action::Include { item }, None).unwrap();
        })
    });
    // Select all matching + Exclude at 100,000 items, then its undo: one batch each.
    let page = store
        .items(&ItemQuery {
            limit: 100_000,
            ..all.clone()
        })
        .unwrap();
    let pairs: Vec<(ItemId, u32)> = page.items.iter().map(|i| (i.id, i.version)).collect();
    group.bench_function("batch: exclude 100,000 items, then undo it", |b| {
        b.iter(|| {
            let items = pairs
                .iter()
                .map(|&(id, _)| (id, store.items_raw()[id.index()].version))
                .collect();
            let batch = Batch::Exclude {
                disable_record: false,
                items,
            };
            let outcome = store.apply_batch(&batch);
            store.apply_batch(&outcome.undo.unwrap())
        })
    });
    group.finish();
}

/// Building the store (generation and indexing) for 100,000 items in one client: the mock
/// store's start-up.
fn start_up(c: &mut Criterion) {
    let config = DemoConfig {
        seed: 2026,
        size: 100_000,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    };
    let data = dataset(&config);
    let mut group = c.benchmark_group("100k items in one client");
    group.sample_size(10);
    group.bench_function("generate the demo data", |b| {
        b.iter(|| dataset(black_box(&config)))
    });
    group.bench_function("index it (Store::new)", |b| {
        b.iter_batched(
            || data.clone(),
            |data| Store::new(data).unwrap(),
            BatchSize::LargeInput,
        )
    });
    // The Re-match Record dialog of a Not Synced device: every device record of the client
    // scored, the 100 likeliest kept.
    let store = Store::new(data).unwrap();
    let all = largest_client(&store);
    let devices = ItemQuery {
        resource_type: Some(ResourceType::Device),
        status: Some(SyncStatus::NotSynced),
        ..all.clone()
    };
    let device = store.items(&devices).unwrap().items[0].id;
    let likeliest = CandidateQuery::likeliest();
    let records = store.candidates(device, &likeliest).unwrap().total;
    group.bench_function(format!("candidates of a device ({records} records)"), |b| {
        b.iter(|| store.candidates(black_box(device), &likeliest).unwrap())
    });
    // Review suggestions: the best candidate of every Not Synced item of the client.
    let suggested = store
        .suggestions(all.integration, all.client)
        .unwrap()
        .len();
    let not_synced = store.items(&ItemQuery {
        status: Some(SyncStatus::NotSynced),
        ..all.clone()
    });
    let not_synced = not_synced.unwrap().total;
    group.bench_function(
        format!("suggestions ({suggested} of {not_synced} Not Synced items)"),
        |b| {
            b.iter(|| {
                store
                    .suggestions(black_box(all.integration), all.client)
                    .unwrap()
            })
        },
    );
    // What a server holds its store for: the copy suggestions are scored from.
    group.bench_function("suggestion input (the copy a server scores)", |b| {
        b.iter(|| {
            store
                .suggestion_input(black_box(all.integration), all.client)
                .unwrap()
        })
    });
    group.finish();
}

/// Sync Logs at 100,000 entries of one integration: a text search, and level + client + text.
fn sync_logs(c: &mut Criterion) {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
    let mut data = dataset(&DemoConfig {
        seed: 2026,
        size: 1_000,
        now,
    });
    let integration = data.integrations[0].id;
    let items: Vec<_> = (data.items.iter())
        .filter(|i| i.integration == integration)
        .map(|i| (i.id, i.client, i.name.clone()))
        .collect();
    data.logs.retain(|e| e.integration != integration);
    let levels = [LogLevel::Info, LogLevel::Warning, LogLevel::Error];
    let start = now - Duration::days(30);
    for n in 0..100_000usize {
        let (item, _, name) = &items[n % items.len()];
        data.logs.push(LogEntry {
            time: start + Duration::seconds(n as i64 * 25),
            integration,
            level: levels[n % 3],
            message: format!(
                "Configuration \"{name}\" has no matching portal record; left Not Synced"
            ),
            item: (n % 2 == 0).then_some(*item),
        });
    }
    let store = Store::new(data).unwrap();
    let query = LogQuery {
        integration,
        from: start,
        to: now,
        level: None,
        client: None,
        text: "ws1".to_owned(),
        offset: 0,
        limit: 200,
    };
    let narrowed = LogQuery {
        level: Some(LogLevel::Warning),
        client: Some(items[0].1),
        text: "record".to_owned(),
        ..query.clone()
    };
    let mut group = c.benchmark_group("100k Sync Logs entries");
    group.sample_size(20);
    group.bench_function("text", |b| {
        b.iter(|| store.log_page(black_box(&query)).unwrap())
    });
    group.bench_function("level + client + text", |b| {
        b.iter(|| store.log_page(black_box(&narrowed)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, queries, start_up, sync_logs);
criterion_main!(benches);

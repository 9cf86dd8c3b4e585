use chrono::{TimeZone, Utc};

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::{build, dataset, generate, DemoConfig, Progress};
use crate::model::{IntegrationKind, SyncStatus};
use crate::query::CandidateQuery;

fn config() -> DemoConfig {
    DemoConfig::new(Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap())
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    assert_eq!(dataset(&config()), dataset(&config()));
    let other = DemoConfig {
        seed: 7,
        ..config()
    };
    assert_ne!(dataset(&config()).items, dataset(&other).items);
}

#[test]
fn has_psa_and_rmm_integrations_with_ten_plus_clients_and_hundreds_of_items() {
    let store = generate(&config());
    let kinds = |k| {
        store
            .integrations()
            .iter()
            .filter(|i| i.product.kind() == k)
            .count()
    };
    assert!(kinds(IntegrationKind::Psa) >= 2 && kinds(IntegrationKind::Rmm) >= 2);
    for integration in store.integrations() {
        let counts = store.counts(integration.id).unwrap();
        assert!(store.clients(integration.id).unwrap().len() >= 10);
        assert!(counts.total() >= 200, "{}: {counts:?}", integration.name);
        for status in SyncStatus::ALL {
            assert!(
                counts.get(status) > 0,
                "{} has no {status:?}",
                integration.name
            );
        }
        let start = config().now - chrono::Duration::days(30);
        assert!(!store
            .logs(integration.id, start, config().now)
            .unwrap()
            .is_empty());
    }
}

#[test]
fn status_mixes_differ_between_integrations() {
    let store = generate(&config());
    let shares: Vec<u32> = store
        .integrations()
        .iter()
        .map(|i| {
            let c = store.counts(i.id).unwrap();
            c.matched * 100 / c.total()
        })
        .collect();
    let mut distinct = shares.clone();
    distinct.dedup();
    assert!(distinct.len() >= 4, "{shares:?}");
}

#[test]
fn size_makes_one_client_of_one_integration_large_and_leaves_the_rest() {
    let small = generate(&config());
    let big = generate(&DemoConfig {
        size: 20_000,
        ..config()
    });
    let mut grew = 0;
    for (a, b) in small.integrations().iter().zip(big.integrations()) {
        let (a, b) = (small.counts(a.id).unwrap(), big.counts(b.id).unwrap());
        if b.total() > a.total() {
            grew += 1;
            assert!(b.total() >= 20_000);
            let largest = big
                .clients(big.integrations()[3].id)
                .unwrap()
                .into_iter()
                .map(|c| {
                    big.items(&crate::ItemQuery::all(big.integrations()[3].id, c.id))
                        .unwrap()
                        .total
                })
                .max()
                .unwrap();
            assert_eq!(largest, 20_000, "one client holds the size");
        }
    }
    assert_eq!(grew, 1, "only the large integration grows");
    let smallest = small
        .integrations()
        .iter()
        .map(|i| small.counts(i.id).unwrap().total())
        .min()
        .unwrap();
    assert!(smallest < 300, "one integration stays small: {smallest}");
}

#[test]
fn not_synced_items_often_have_a_confident_suggestion() {
    let store = generate(&config());
    let unsynced: Vec<_> = store
        .items_raw()
        .iter()
        .filter(|i| i.status == SyncStatus::NotSynced)
        .collect();
    let confident = unsynced
        .iter()
        .filter(|i| {
            let found = store
                .candidates(i.id, &CandidateQuery::likeliest())
                .unwrap();
            found.candidates.first().is_some_and(|c| c.score >= 90)
        })
        .count();
    assert!(
        confident * 2 > unsynced.len(),
        "{confident} of {}",
        unsynced.len()
    );
}

/// A pause that is pending once each time it is awaited, as a browser's would be.
struct OnePending(bool);

impl Future for OnePending {
    type Output = ();
    fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if std::mem::replace(&mut self.0, true) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

#[test]
fn a_build_in_steps_pauses_as_it_goes_and_gives_the_same_store() {
    let config = DemoConfig {
        size: 20_000,
        ..config()
    };
    let seen = RefCell::new(Vec::<Progress>::new());
    let mut polls = 0;
    let mut future = pin!(build(&config, |progress| {
        seen.borrow_mut().push(progress);
        OnePending(false)
    }));
    let store = loop {
        polls += 1;
        if let Poll::Ready(store) = future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            break store;
        }
    };
    let seen = seen.borrow();
    // Every few thousand items, and once more before indexing.
    assert!(seen.len() >= 6, "{seen:?}");
    assert_eq!(polls, seen.len() + 1);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total);
    assert_eq!(last.total, store.items_raw().len());
    assert_eq!(store, generate(&config));
}

#[test]
fn a_demo_run_renames_misses_and_adds_items_the_same_way_every_time() {
    let mut store = generate(&config());
    let integration = store.integrations()[0].id;
    let client = store.clients(integration).unwrap()[0].id;
    let finished = Utc.with_ymd_and_hms(2026, 11, 25, 6, 0, 0).unwrap();
    let run = super::sync_run(&store, integration, client, 41, finished).unwrap();
    assert_eq!(
        run,
        super::sync_run(&store, integration, client, 41, finished).unwrap()
    );
    let outcome = store.apply_run(&integration.to_string(), &run).unwrap();
    let s = &outcome.summary;
    assert!(s.missing >= 1 && s.changed >= 1 && s.new >= 3, "{s:?}");
    assert_eq!((s.returned, s.errors), (0, 0));
    // The next run lists about half of the missing ones again.
    let later = Utc.with_ymd_and_hms(2026, 11, 26, 6, 0, 0).unwrap();
    let next = super::sync_run(&store, integration, client, 42, later).unwrap();
    let again = store.apply_run(&integration.to_string(), &next).unwrap();
    assert!(again.summary.missing >= 1, "{:?}", again.summary);
    assert_eq!(store.integrations()[0].last_synced, later);
}

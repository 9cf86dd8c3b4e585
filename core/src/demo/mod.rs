//! A deterministic demo data set: the same configuration always gives the same data.

mod builder;
mod logs;
mod names;
mod profiles;
mod run;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::model::{Client, ClientId, Integration, IntegrationId};
use crate::store::{Dataset, Store};
use builder::Builder;
use names::CLIENTS;
use profiles::{Profile, PROFILES};

/// Items of the integration whose share is 1.0; the others are sized from it.
const BASE_SIZE: f64 = 600.0;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoConfig {
    /// Same seed, same data.
    pub seed: u64,
    /// Synced items of the largest client of the large integration (N-central); the other
    /// integrations keep their few hundred items, Datto RMM stays small.
    pub size: u32,
    /// The moment the data is generated for: sync times and log entries lead up to it.
    pub now: DateTime<Utc>,
}

impl DemoConfig {
    /// The default demo: a few hundred items per integration.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            seed: 2026,
            size: 600,
            now,
        }
    }
}

pub use crate::progress::Progress;
pub use run::sync_run;

/// Builds the demo store a step at a time: `pause` is awaited every few thousand items and once
/// more before indexing, so that a caller on a browser's main thread can let the page paint and
/// take input between steps. Gives the same store as [`generate`].
pub async fn build<F: Future<Output = ()>>(
    config: &DemoConfig,
    mut pause: impl FnMut(Progress) -> F,
) -> Store {
    let data = dataset_in_steps(config, &mut pause).await;
    let total = data.items.len();
    pause(Progress { done: total, total }).await;
    Store::new(data).expect("the demo generator builds a consistent dataset")
}

/// Builds the demo dataset.
pub fn dataset(config: &DemoConfig) -> Dataset {
    at_once(dataset_in_steps(config, &mut |_| std::future::ready(())))
}

/// Builds the demo store.
pub fn generate(config: &DemoConfig) -> Store {
    at_once(build(config, |_| std::future::ready(())))
}

/// Runs a future whose every await is ready at once (a build whose pauses do not wait).
fn at_once<T>(future: impl Future<Output = T>) -> T {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => unreachable!("a build whose pauses are ready finishes in one poll"),
    }
}

/// Synced items of an integration besides its large client.
fn base_size(profile: &Profile) -> usize {
    ((BASE_SIZE * profile.share) as usize).max(profile.clients)
}

async fn dataset_in_steps<F: Future<Output = ()>>(
    config: &DemoConfig,
    pause: &mut impl FnMut(Progress) -> F,
) -> Dataset {
    let total = PROFILES
        .iter()
        .map(|p| base_size(p) + if p.large { config.size as usize } else { 0 })
        .sum();
    let mut rng = Rng::with_seed(config.seed);
    let mut data = Dataset {
        clients: CLIENTS
            .iter()
            .enumerate()
            .map(|(i, (name, _))| Client {
                id: ClientId(i as u32),
                name: (*name).to_owned(),
            })
            .collect(),
        ..Dataset::default()
    };
    for (index, profile) in PROFILES.iter().enumerate() {
        let integration = Integration {
            id: IntegrationId(index as u32),
            name: profile.product.label().to_owned(),
            product: profile.product,
            last_synced: config.now - Duration::minutes(profile.synced_ago),
        };
        let large = profile.large.then_some(config.size as usize);
        let mut builder = Builder {
            rng: &mut rng,
            data: &mut data,
            integration: integration.id,
            profile,
        };
        builder.items(base_size(profile), large, total, pause).await;
        data.logs.extend(logs::entries(
            &mut rng,
            &integration,
            &data.items,
            profile.every,
            config.now,
        ));
        data.integrations.push(integration);
    }
    data
}

#[cfg(test)]
mod tests;

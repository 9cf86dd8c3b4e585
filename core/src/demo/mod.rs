//! A deterministic demo data set: the same configuration always gives the same data.

mod logs;
mod names;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::model::{
    Client, ClientId, Integration, IntegrationId, ItemId, PortalRecord, Product, RecordId,
    ResourceType, SyncStatus, SyncedItem,
};
use crate::store::{Dataset, Store};
use names::{near, Namer, CLIENTS};

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

/// How one demo integration looks.
struct Profile {
    product: Product,
    /// Its items, as a share of the base size (besides a large client).
    share: f64,
    /// Whether its first client holds `DemoConfig::size` items (a large MSP client).
    large: bool,
    clients: usize,
    /// Chance of Matched, Not Synced (the rest is Excluded).
    mix: (f64, f64),
    /// Minutes since its last successful sync.
    synced_ago: i64,
    /// Hours between sync runs.
    every: i64,
}

const PROFILES: [Profile; 6] = [
    Profile {
        product: Product::ConnectWiseManage,
        share: 1.0,
        large: false,
        clients: 14,
        mix: (0.80, 0.15),
        synced_ago: 118,
        every: 4,
    },
    Profile {
        product: Product::Autotask,
        share: 0.7,
        large: false,
        clients: 12,
        mix: (0.62, 0.28),
        synced_ago: 35,
        every: 2,
    },
    Profile {
        product: Product::HaloPsa,
        share: 0.45,
        large: false,
        clients: 10,
        mix: (0.50, 0.38),
        synced_ago: 3 * 24 * 60 + 40,
        every: 6,
    },
    Profile {
        product: Product::NCentral,
        share: 0.9,
        large: true,
        clients: 16,
        mix: (0.86, 0.09),
        synced_ago: 12,
        every: 1,
    },
    Profile {
        product: Product::NinjaOne,
        share: 0.6,
        large: false,
        clients: 11,
        mix: (0.70, 0.20),
        synced_ago: 52,
        every: 2,
    },
    Profile {
        product: Product::DattoRmm,
        share: 0.35,
        large: false,
        clients: 10,
        mix: (0.58, 0.30),
        synced_ago: 5 * 60 + 7,
        every: 3,
    },
];

/// How often each resource type occurs (Organization is one per client).
fn type_weight(resource_type: ResourceType) -> u32 {
    match resource_type {
        ResourceType::Organization => 0,
        ResourceType::Location => 2,
        ResourceType::Contact => 10,
        ResourceType::Configuration => 8,
        ResourceType::Device => 16,
        ResourceType::Asset => 5,
        ResourceType::Agreement => 2,
    }
}

pub use crate::progress::Progress;

/// Items made between two pauses of a [`build`].
const ITEMS_PER_STEP: usize = 4_000;

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

/// Adds the items (and their portal records) of one integration.
struct Builder<'a> {
    rng: &'a mut Rng,
    data: &'a mut Dataset,
    integration: IntegrationId,
    profile: &'a Profile,
}

impl Builder<'_> {
    /// `size` items over the clients by weight, and with `large`, that many for the first client;
    /// pausing every [`ITEMS_PER_STEP`] items (of `total` in the whole build).
    async fn items<F: Future<Output = ()>>(
        &mut self,
        size: usize,
        large: Option<usize>,
        total: usize,
        pause: &mut impl FnMut(Progress) -> F,
    ) {
        let mut pool: Vec<usize> = (0..CLIENTS.len()).collect();
        self.rng.shuffle(&mut pool);
        pool.truncate(self.profile.clients);
        let weights: Vec<f64> = pool.iter().map(|_| 0.3 + self.rng.f64() * 2.7).collect();
        let sum: f64 = weights.iter().sum();
        let types: Vec<ResourceType> = self.profile.product.resource_types().to_vec();
        let type_total: u32 = types.iter().map(|t| type_weight(*t)).sum();
        for (n, (client, weight)) in pool.into_iter().zip(weights).enumerate() {
            let count = match large {
                Some(large) if n == 0 => large.max(1),
                _ => ((size as f64 * weight / sum) as usize).max(1),
            };
            let mut namer = Namer::default();
            self.item(&mut namer, client, ResourceType::Organization);
            for _ in 1..count {
                let mut roll = self.rng.u32(..type_total.max(1));
                let resource_type = types
                    .iter()
                    .copied()
                    .find(|t| {
                        let w = type_weight(*t);
                        if roll < w {
                            true
                        } else {
                            roll -= w;
                            false
                        }
                    })
                    .unwrap_or(ResourceType::Organization);
                self.item(&mut namer, client, resource_type);
                let done = self.data.items.len();
                if done.is_multiple_of(ITEMS_PER_STEP) {
                    pause(Progress { done, total }).await;
                }
            }
        }
    }

    fn item(&mut self, namer: &mut Namer, client: usize, resource_type: ResourceType) {
        let (client_name, code) = CLIENTS[client];
        let client_id = ClientId(client as u32);
        let name = namer.item(self.rng, resource_type, client_name, code);
        let roll = self.rng.f64();
        let (matched, not_synced) = self.profile.mix;
        let status = if roll < matched {
            SyncStatus::Matched
        } else if roll < matched + not_synced {
            SyncStatus::NotSynced
        } else {
            SyncStatus::Excluded
        };
        let record_name = |rng: &mut Rng| match rng.f64() < 0.6 {
            true => name.clone(),
            false => near(rng, resource_type, &name, code),
        };
        let record = match status {
            SyncStatus::Matched => Some(record_name(self.rng)),
            SyncStatus::Excluded if self.rng.bool() => Some(record_name(self.rng)),
            _ => None,
        }
        .map(|n| self.record(client_id, resource_type, n, false));
        // Likely candidates for a re-match: a near duplicate, or the record a Not Synced item
        // should have found.
        let candidate = match status {
            SyncStatus::NotSynced => self.rng.f64() < 0.6,
            _ => self.rng.f64() < 0.15,
        };
        if candidate {
            let n = record_name(self.rng);
            let disabled = self.rng.f64() < 0.1;
            self.record(client_id, resource_type, n, disabled);
        }
        let source_id = source_id(self.rng, self.profile.product);
        self.data.items.push(SyncedItem {
            id: ItemId(self.data.items.len() as u32),
            integration: self.integration,
            client: client_id,
            resource_type,
            name,
            source_id,
            status,
            record,
            version: 1,
        });
    }

    fn record(
        &mut self,
        client: ClientId,
        resource_type: ResourceType,
        name: String,
        disabled: bool,
    ) -> RecordId {
        let id = RecordId(self.data.records.len() as u32);
        self.data.records.push(PortalRecord {
            id,
            client,
            resource_type,
            name,
            disabled,
        });
        id
    }
}

/// An identifier in the style of the source product.
fn source_id(rng: &mut Rng, product: Product) -> String {
    match product {
        Product::ConnectWiseManage => rng.u32(10_000..99_999).to_string(),
        Product::Autotask => rng.u32(29_000_000..29_999_999).to_string(),
        Product::HaloPsa => format!("H{}", rng.u32(1_000..9_999)),
        Product::NCentral => rng.u32(100_000_000..999_999_999).to_string(),
        Product::NinjaOne => rng.u32(1..99_999).to_string(),
        Product::DattoRmm => format!("{:08x}", rng.u32(..)),
    }
}

#[cfg(test)]
mod tests;

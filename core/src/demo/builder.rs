//! One integration's synced items and their portal records, generated client by client.

use std::future::Future;

use fastrand::Rng;

use crate::model::{
    ClientId, IntegrationId, ItemId, PortalRecord, Product, RecordId, ResourceType, SyncStatus,
    SyncedItem,
};
use crate::store::Dataset;

use super::names::{near, Namer, CLIENTS};
use super::profiles::{type_weight, Profile};
use crate::progress::Progress;

/// Items made between two pauses of a [`super::build`].
const ITEMS_PER_STEP: usize = 4_000;

/// Adds the items (and their portal records) of one integration.
pub(super) struct Builder<'a> {
    pub(super) rng: &'a mut Rng,
    pub(super) data: &'a mut Dataset,
    pub(super) integration: IntegrationId,
    pub(super) profile: &'a Profile,
}

impl Builder<'_> {
    /// `size` items over the clients by weight, and with `large`, that many for the first client;
    /// pausing every [`ITEMS_PER_STEP`] items (of `total` in the whole build).
    pub(super) async fn items<F: Future<Output = ()>>(
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
        let first = self.data.items.len();
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
        unique_source_ids(&mut self.data.items[first..]);
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
            missing_since: None,
            details: None,
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
            key: None,
        });
        id
    }
}

/// Makes each item's source id its own, as a product's are (a sync run finds an item again by
/// it): of items drawn with the same one, the first keeps it and the others get `-2`, `-3`…
/// (no id drawn has a hyphen). No draw of the generator: the data stays what it was for every
/// seed. Sorting positions, not a set of the ids: a set of 100,000 strings grew the browser's
/// wasm memory for good.
fn unique_source_ids(items: &mut [SyncedItem]) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        items[a].source_id.cmp(&items[b].source_id).then(a.cmp(&b))
    });
    let same = |a: &u32, b: &u32| items[*a as usize].source_id == items[*b as usize].source_id;
    let renamed: Vec<(usize, usize)> = order
        .chunk_by(same)
        .flat_map(|run| run.iter().enumerate().skip(1))
        .map(|(n, &at)| (at as usize, n + 1))
        .collect();
    for (at, n) in renamed {
        let id = &mut items[at].source_id;
        *id = format!("{id}-{n}");
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

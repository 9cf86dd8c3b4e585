//! The demo's sync runs ("Run a sync now" in the mock store): what the source product would send
//! for one client after a day of changes. Deterministic: the same store, seed and time give the
//! same run, so every tab that replays it gets the same data.

use chrono::{DateTime, Utc};
use fastrand::Rng;

use crate::model::{ClientId, IntegrationId, ItemId};
use crate::run::{RunClient, RunItem, SyncRun};
use crate::store::Store;

use super::names::{near, Namer, CLIENTS};

/// A run of the integration's client: every item as it is, but a few renamed, a few no longer
/// listed (missing), about half of those missing before listed again, and a few new ones, some
/// named exactly as a record of the client no item is matched to (the run matches those).
/// `None` when the integration does not sync the client.
pub fn sync_run(
    store: &Store,
    integration: IntegrationId,
    client: ClientId,
    seed: u64,
    finished: DateTime<Utc>,
) -> Option<SyncRun> {
    let ids = store.listing_ids(integration, client);
    if ids.is_empty() {
        return None;
    }
    let mut rng = Rng::with_seed(seed);
    let product = store.integrations.get(integration.index())?.product;
    let name = store.clients.get(client.index())?.name.clone();
    let code = CLIENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("NEW", |(_, code)| code);
    let n = ids.len();
    let gone = pick(&mut rng, ids, (n / 100).clamp(1, 25));
    let renamed = pick(&mut rng, ids, (n / 200).clamp(1, 10));
    let mut items = Vec::with_capacity(n + 8);
    for &id in ids {
        let item = &store.items[id.index()];
        let listed = match item.missing_since {
            Some(_) => rng.bool(),
            None => !gone.contains(&id),
        };
        if !listed {
            continue;
        }
        let name = match renamed.contains(&id) {
            true => near(&mut rng, item.resource_type, &item.name, code),
            false => item.name.clone(),
        };
        let details = item.details.as_deref().cloned().unwrap_or_default();
        items.push(RunItem {
            source_id: item.source_id.clone(),
            name,
            resource_type: item.resource_type,
            serial: details.serial,
            host_name: details.host_name,
            source_url: details.source_url,
        });
    }
    // New items: half named as a record no item is matched to, when there is one of a type the
    // product syncs.
    let types = product.resource_types();
    let mut linked = vec![false; store.records.len()];
    for record in ids.iter().filter_map(|i| store.items[i.index()].record) {
        linked[record.index()] = true;
    }
    let free: Vec<_> = store
        .records
        .iter()
        .filter(|r| r.client == client && !r.disabled && types.contains(&r.resource_type))
        .filter(|r| !linked[r.id.index()])
        .collect();
    let new_code = format!("{code}-NEW");
    let mut namer = Namer::default();
    for k in 0..rng.usize(3..=8) {
        let (name, resource_type) = match free.get(rng.usize(..free.len().max(1))) {
            Some(record) if k % 2 == 0 => (record.name.clone(), record.resource_type),
            _ => {
                let resource_type = types[rng.usize(..types.len())];
                let name = namer.item(&mut rng, resource_type, &name, &new_code);
                (name, resource_type)
            }
        };
        items.push(RunItem {
            source_id: format!("run-{seed}-{k}"),
            name,
            resource_type,
            serial: None,
            host_name: None,
            source_url: None,
        });
    }
    let source_id = store
        .links
        .iter()
        .find(|l| l.integration == integration && l.client == client)
        .map_or_else(|| format!("demo-client-{client}"), |l| l.source_id.clone());
    Some(SyncRun {
        id: format!("demo-run-{seed}"),
        finished,
        product: None,
        clients: vec![RunClient {
            source_id,
            name,
            items,
            records: None,
        }],
        errors: Vec::new(),
    })
}

/// `count` of `ids`, drawn at random (fewer when there are fewer).
fn pick(rng: &mut Rng, ids: &[ItemId], count: usize) -> Vec<ItemId> {
    (0..count.min(ids.len()))
        .map(|_| ids[rng.usize(..ids.len())])
        .collect()
}

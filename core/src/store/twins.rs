//! Duplicates: an item whose serial number, or name and type, another item of its integration
//! also has (under another client, or twice under one). Each has a twin: the first other item of
//! its group, shown on its row as where the other one is.
//!
//! Found by sorting each item's keys as 64-bit hashes, not in a map of the keys themselves: at
//! 100,000 items a map of strings took 8 MB at its peak, and a browser's wasm memory never gives
//! back what it once grew to. Two keys that differ but hash alike (odds of about one in 10^9 at
//! 100,000 items) would make two items twins: shown, never acted on.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::model::{ResourceType, SyncedItem};

/// No twin.
pub(crate) const NONE: u32 = u32::MAX;

/// Whether items of this type that share a name are likely the same thing. A location ("Dublin
/// Office") or an agreement ("Managed Services") has a name many clients share by nature: only
/// a serial number makes those duplicates.
fn named_alike(resource_type: ResourceType) -> bool {
    !matches!(
        resource_type,
        ResourceType::Location | ResourceType::Agreement
    )
}

/// The hash of the item's serial number within its integration, if it has one.
fn serial_key(item: &SyncedItem) -> Option<u64> {
    let serial = item.details.as_deref()?.serial.as_deref()?.trim();
    if serial.is_empty() {
        return None;
    }
    let mut hasher = FxHasher::default();
    hasher.write_u32(item.integration.0);
    hasher.write(serial.as_bytes());
    Some(hasher.finish())
}

/// The hash of the item's type and name within its integration: the name's letters and digits,
/// lower-cased ("CONTOSO-DC01" and "contoso dc01" are one), if it has any.
fn name_key(item: &SyncedItem) -> Option<u64> {
    if !named_alike(item.resource_type) {
        return None;
    }
    let mut hasher = FxHasher::default();
    hasher.write_u32(item.integration.0);
    hasher.write_u8(item.resource_type as u8);
    let mut any = false;
    for c in item.name.chars().filter(|c| c.is_alphanumeric()) {
        for lower in c.to_lowercase() {
            hasher.write_u32(u32::from(lower));
            any = true;
        }
    }
    any.then(|| hasher.finish())
}

/// Each item's twin (an item id, or [`NONE`]): by serial number first, else by name and type.
pub(crate) fn twins(items: &[SyncedItem]) -> Vec<u32> {
    let mut twins = vec![NONE; items.len()];
    for key in [serial_key, name_key] {
        let mut keyed: Vec<(u64, u32)> = items
            .iter()
            .filter_map(|item| Some((key(item)?, item.id.0)))
            .collect();
        keyed.sort_unstable();
        for group in keyed.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
            let (first, second) = (group[0].1, group[1].1);
            for &(_, id) in group {
                let slot = &mut twins[id as usize];
                if *slot == NONE {
                    *slot = if id == first { second } else { first };
                }
            }
        }
    }
    twins
}

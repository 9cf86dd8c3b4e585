//! Duplicates: an item whose serial number, or name and type, another item of its integration
//! also has (under another client, or twice under one). Each has a twin: the first other item of
//! its group, shown on its row as where the other one is.

use crate::lookup::Lookup;
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

/// The name as compared: letters and digits, lower-cased ("CONTOSO-DC01" and "contoso dc01" are
/// one).
fn plain(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Each item's twin (an item id, or [`NONE`]): by serial number first, else by name and type.
pub(crate) fn twins(items: &[SyncedItem]) -> Vec<u32> {
    // Keyed by the integration, then the serial number, or the type and the name as compared.
    let (mut serials, mut names) = (Lookup::default(), Lookup::default());
    for item in items {
        let serial = item.details.as_deref().and_then(|d| d.serial.as_deref());
        if let Some(serial) = serial.map(str::trim).filter(|s| !s.is_empty()) {
            serials.add(&format!("{}\u{0}{serial}", item.integration), item.id.0);
        }
        let name = plain(&item.name);
        if named_alike(item.resource_type) && !name.is_empty() {
            let key = format!(
                "{}\u{0}{}\u{0}{name}",
                item.integration, item.resource_type as u8
            );
            names.add(&key, item.id.0);
        }
    }
    let mut twins = vec![NONE; items.len()];
    // A serial number's twin first; a name's only for an item without one.
    for groups in [&serials, &names] {
        for group in groups.groups().filter(|g| g.len() > 1) {
            for &id in group {
                let slot = &mut twins[id as usize];
                if *slot == NONE {
                    *slot = if id == group[0] { group[1] } else { group[0] };
                }
            }
        }
    }
    twins
}

//! The one text-keyed map of sync runs and duplicates: ids by a text key (a source id, a portal
//! id, a lower-cased name, a serial number). Their sets are flags per item or record
//! (`Vec<bool>`). Each distinct map type puts its own copy of the hash table's code in the
//! browser's download (the mock store applies runs and finds duplicates too), so they share one.

use rustc_hash::FxHashMap;

/// Ids (`u32`: an item's, a record's, a client's, a position) by a text key, in the order added.
#[derive(Default)]
pub(crate) struct Lookup(FxHashMap<String, Vec<u32>>);

impl Lookup {
    /// Adds `id` under `key`.
    pub fn add(&mut self, key: &str, id: u32) {
        match self.0.get_mut(key) {
            Some(ids) => ids.push(id),
            None => _ = self.0.insert(key.to_owned(), vec![id]),
        }
    }

    /// Every key's ids.
    pub fn groups(&self) -> impl Iterator<Item = &[u32]> {
        self.0.values().map(Vec::as_slice)
    }

    /// The ids under `key`, in the order added.
    pub fn get(&self, key: &str) -> &[u32] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }
}

//! The one map a sync run uses: ids by a text key (a source id, a portal id, a lower-cased
//! name). Every other set a run keeps is a flag per item or record (`Vec<bool>`). Each distinct
//! map type puts its own copy of the hash table's code in the browser's download (the mock
//! store applies runs too), so a run has one.

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

    /// The ids under `key`, in the order added.
    pub fn get(&self, key: &str) -> &[u32] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }
}

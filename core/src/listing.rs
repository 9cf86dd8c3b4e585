//! One client's synced items in name order, with their lower-cased names packed into one string
//! and their types and statuses alongside, so that filtering is a single pass over compact data
//! (no allocation per item) and the first page of an unfiltered list is a slice.

use std::cmp::Ordering;

use crate::model::{ItemId, ResourceType, SyncStatus, SyncedItem};

/// Follows each packed name; a filter that contains it is checked name by name instead.
const SEPARATOR: char = '\0';

/// The items of one integration and client, by lower-cased name (then id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Listing {
    ids: Vec<ItemId>,
    /// The lower-cased names in list order, each followed by [`SEPARATOR`].
    names: String,
    /// Where each name ends in `names`.
    ends: Vec<u32>,
    /// Each item's type and status, in list order.
    kinds: Vec<(ResourceType, SyncStatus)>,
    /// How many items have each type (row) and status (column), kept up to date.
    tally: Tally,
}

/// The first sixteen bytes of `name` as a number (zero-padded): two names compare as their
/// leads do unless the leads are equal, so sorting by lead first makes most comparisons one
/// integer compare (most names are shorter; a wasm `memcmp` goes byte by byte, and the sorts at
/// start run before the browser has optimised them).
pub(crate) fn lead(name: &[u8]) -> u128 {
    let mut lead = [0; 16];
    let n = name.len().min(16);
    lead[..n].copy_from_slice(&name[..n]);
    u128::from_be_bytes(lead)
}

/// Sorts `keyed` by its leads ([`lead`]), then by `rest` where they are equal (the whole name,
/// then the id): the order of sorting by name and id, with most comparisons one integer compare.
pub(crate) fn sort_by_lead<K>(keyed: &mut [(u128, K)], rest: impl Fn(&K, &K) -> Ordering) {
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| rest(&a.1, &b.1)));
}

/// Appends `name` lower-cased, as the Filter lower-cases it (a final sigma differs from
/// `char`'s), to `buffer`.
pub(crate) fn lower_into(buffer: &mut Vec<u8>, name: &str) {
    if name.is_ascii() {
        buffer.extend(name.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        buffer.extend_from_slice(name.to_lowercase().as_bytes());
    }
}

/// How many items have each type and status: `tally[type as usize][status as usize]`.
pub(crate) type Tally = [[u32; SyncStatus::ALL.len()]; ResourceType::ALL.len()];

impl Listing {
    /// Lists the items `ids` (positions in `items`) by their lower-cased names (then id).
    ///
    /// The lower-cased names are written once into one buffer and sorted as slices of it, each
    /// led by its first sixteen bytes as a number, so most comparisons are one integer compare and
    /// no name is allocated on its own (at 100,000 items this is most of building the store).
    pub(crate) fn new(ids: Vec<ItemId>, items: &[SyncedItem]) -> Self {
        let mut lowered: Vec<u8> = Vec::new();
        let mut keyed: Vec<(u128, (u32, u32, ItemId))> = ids
            .into_iter()
            .map(|id| {
                let start = lowered.len();
                lower_into(&mut lowered, &items[id.index()].name);
                let lead = lead(&lowered[start..]);
                (lead, (start as u32, lowered.len() as u32, id))
            })
            .collect();
        let name = |&(start, end, _): &(u32, u32, ItemId)| &lowered[start as usize..end as usize];
        sort_by_lead(&mut keyed, |a, b| name(a).cmp(name(b)).then(a.2.cmp(&b.2)));
        let mut names = Vec::with_capacity(lowered.len() + keyed.len());
        let mut listing = Self {
            ids: Vec::with_capacity(keyed.len()),
            names: String::new(),
            ends: Vec::with_capacity(keyed.len()),
            kinds: Vec::with_capacity(keyed.len()),
            tally: Tally::default(),
        };
        for &(_, (start, end, id)) in &keyed {
            let item = &items[id.index()];
            listing.ids.push(id);
            names.extend_from_slice(&lowered[start as usize..end as usize]);
            listing.ends.push(names.len() as u32);
            names.push(SEPARATOR as u8);
            listing.kinds.push((item.resource_type, item.status));
            listing.tally[item.resource_type as usize][item.status as usize] += 1;
        }
        // Whole lower-cased names joined by an ASCII separator.
        listing.names = String::from_utf8(names).expect("names are UTF-8");
        listing
    }

    /// How many items have each type and status.
    pub(crate) fn tally(&self) -> &Tally {
        &self.tally
    }

    /// How many items.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The items in name order.
    pub(crate) fn ids(&self) -> &[ItemId] {
        &self.ids
    }

    /// The type and status of the item at `position`.
    pub(crate) fn kind(&self, position: usize) -> (ResourceType, SyncStatus) {
        self.kinds[position]
    }

    /// Notes the new status of the item at `position`.
    pub(crate) fn set_status(&mut self, position: usize, status: SyncStatus) {
        let (resource_type, old) = self.kinds[position];
        self.tally[resource_type as usize][old as usize] -= 1;
        self.tally[resource_type as usize][status as usize] += 1;
        self.kinds[position].1 = status;
    }

    /// The lower-cased name at `position`.
    pub(crate) fn name(&self, position: usize) -> &str {
        let start = match position {
            0 => 0,
            p => self.ends[p - 1] as usize + SEPARATOR.len_utf8(),
        };
        &self.names[start..self.ends[position] as usize]
    }

    /// Calls `hit` with the position of each item whose lower-cased name contains `needle`
    /// (already lower-cased), once each, in name order. An empty needle matches every item.
    pub(crate) fn matching(&self, needle: &str, mut hit: impl FnMut(usize)) {
        if needle.is_empty() {
            (0..self.len()).for_each(hit);
        } else if needle.contains(SEPARATOR) {
            (0..self.len())
                .filter(|&p| self.name(p).contains(needle))
                .for_each(hit);
        } else {
            // A match holds no separator, so it lies within one name: the first whose end is at
            // or after the match's end.
            let mut row = 0;
            let mut last = None;
            for at in memchr::memmem::find_iter(self.names.as_bytes(), needle.as_bytes()) {
                let end = (at + needle.len()) as u32;
                while self.ends[row] < end {
                    row += 1;
                }
                if last != Some(row) {
                    last = Some(row);
                    hit(row);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Listing;
    use crate::model::{ClientId, IntegrationId, ItemId, ResourceType, SyncStatus, SyncedItem};

    fn listing(names: &[&'static str]) -> Listing {
        let items: Vec<SyncedItem> = (0..names.len() as u32)
            .map(|i| SyncedItem {
                id: ItemId(i),
                integration: IntegrationId(0),
                client: ClientId(0),
                name: names[i as usize].to_owned(),
                source_id: i.to_string(),
                resource_type: ResourceType::Device,
                status: SyncStatus::NotSynced,
                record: None,
                version: 0,
                missing_since: None,
                details: None,
            })
            .collect();
        Listing::new(items.iter().map(|i| i.id).collect(), &items)
    }

    fn found(listing: &Listing, needle: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        listing.matching(needle, |p| ids.push(listing.ids()[p].0));
        ids
    }

    #[test]
    fn lists_by_lower_cased_name_then_id() {
        let l = listing(&["beta", "Alpha", "ALPHA", "älpha", "Gamma"]);
        let names: Vec<&str> = (0..l.len()).map(|p| l.name(p)).collect();
        assert_eq!(names, ["alpha", "alpha", "beta", "gamma", "älpha"]);
        assert_eq!(
            l.ids().iter().map(|i| i.0).collect::<Vec<_>>(),
            [1, 2, 0, 4, 3]
        );
    }

    #[test]
    fn finds_each_item_once_in_name_order() {
        let l = listing(&["WS-101", "ws-1011", "Laptop ws", "Printer", "aaaa", ""]);
        assert_eq!(found(&l, ""), [5, 4, 2, 3, 0, 1]);
        assert_eq!(found(&l, "ws"), [2, 0, 1]);
        assert_eq!(found(&l, "ws-101"), [0, 1]);
        assert_eq!(found(&l, "aa"), [4]);
        assert_eq!(found(&l, "p ws"), [2]);
        assert_eq!(found(&l, "zz"), Vec::<u32>::new());
        // Never across two names.
        assert_eq!(found(&l, "wsprinter"), Vec::<u32>::new());
        assert_eq!(found(&l, "\0"), Vec::<u32>::new());
    }

    #[test]
    fn a_name_holding_the_separator_is_still_found() {
        let l = listing(&["a\0b", "ab"]);
        assert_eq!(found(&l, "a\0b"), [0]);
        assert_eq!(found(&l, "b"), [0, 1]);
    }

    #[test]
    fn names_alike_in_their_first_sixteen_bytes_are_ordered_by_the_rest() {
        let l = listing(&[
            "contoso-workstation-b",
            "CONTOSO-WORKSTATION-A",
            "contoso-workstat",
            "contoso-workstation-a",
        ]);
        assert_eq!(
            l.ids().iter().map(|i| i.0).collect::<Vec<_>>(),
            [2, 1, 3, 0]
        );
    }

    #[test]
    fn names_are_lower_cased_as_the_filter_is() {
        // A final capital sigma lower-cases to ς in a whole string, σ alone.
        let l = listing(&["ΟΔΥΣΣΕΥΣ", "Odysseus"]);
        let needle = "ΟΔΥΣΣΕΥΣ".to_lowercase();
        assert_eq!(found(&l, &needle), [0]);
        assert_eq!(found(&l, "odys"), [1]);
    }
}

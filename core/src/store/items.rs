//! The item list's query: one client's items of an integration, filtered by name, type and
//! status, sorted and paged.

use crate::listing::{Listing, Tally};
use crate::model::{ItemId, ResourceType, SyncStatus};
use crate::query::{Facets, ItemFlag, ItemPage, ItemQuery, SortKey};

use super::{QueryError, Store};

impl Store {
    /// Whether the item carries the flag.
    pub(crate) fn flagged(&self, item: ItemId, flag: ItemFlag) -> bool {
        match flag {
            ItemFlag::Missing => self.items[item.index()].missing_since.is_some(),
            ItemFlag::Duplicate => self.twin(item).is_some(),
        }
    }

    /// The items of an integration and client that match the query, sorted and paged.
    ///
    /// A client that is not synced in the integration has no items (an empty page); a client
    /// that does not exist at all is [`QueryError::UnknownClient`]. The server answers the same.
    pub fn items(&self, query: &ItemQuery) -> Result<ItemPage, QueryError> {
        self.check_integration(query.integration)?;
        self.check_client(query.client)?;
        let empty = Listing::default();
        let listing = self
            .items_of
            .get(&(query.integration, query.client))
            .unwrap_or(&empty);
        let needle = query.filter.trim().to_lowercase();
        if needle.is_empty()
            && query.resource_type.is_none()
            && query.status.is_none()
            && query.flag.is_none()
            && query.sort.key == SortKey::Name
        {
            Ok(self.whole_list(listing, query))
        } else {
            Ok(self.searched(listing, &needle, query))
        }
    }

    /// The whole list in name order (no filter, sorted by name): a slice of the listing.
    fn whole_list(&self, listing: &Listing, query: &ItemQuery) -> ItemPage {
        let total = listing.len();
        let ids = listing.ids();
        let at = |p: usize| {
            if query.sort.descending {
                ids[total - 1 - p]
            } else {
                ids[p]
            }
        };
        ItemPage {
            total: total as u32,
            offset: query.offset,
            as_of: self.head,
            items: page(query, total).map(|p| self.view(at(p))).collect(),
            facets: Facets::from_tally(listing.tally(), query),
        }
    }

    /// One search for the hits, in name order, counted by sort group (the column's value; one
    /// group when sorting by name), then the page gathered from the groups in the asked order;
    /// within a group, name order (reversed too when sorting by name).
    fn searched(&self, listing: &Listing, needle: &str, query: &ItemQuery) -> ItemPage {
        let descending = query.sort.descending;
        let group = |(resource_type, status): (ResourceType, SyncStatus)| match query.sort.key {
            SortKey::Name => 0,
            SortKey::Type => resource_type as usize,
            SortKey::Status => status as usize,
        };
        let ids = listing.ids();
        let mut hits: Vec<(ItemId, u8)> = Vec::new();
        let mut sizes = [0usize; ResourceType::ALL.len()];
        // The items the name filter and the flag match, by type and status (the whole list's,
        // kept, when there is neither).
        let narrowed = !needle.is_empty() || query.flag.is_some();
        let mut named = Tally::default();
        listing.matching(needle, |p| {
            if query.flag.is_some_and(|f| !self.flagged(ids[p], f)) {
                return;
            }
            let kind = listing.kind(p);
            if narrowed {
                named[kind.0 as usize][kind.1 as usize] += 1;
            }
            if query.resource_type.is_none_or(|t| kind.0 == t)
                && query.status.is_none_or(|s| kind.1 == s)
            {
                let g = group(kind);
                sizes[g] += 1;
                hits.push((ids[p], g as u8));
            }
        });
        let total = hits.len();
        let range = page(query, total);
        let mut next = [0usize; ResourceType::ALL.len()];
        let mut start = 0;
        for g in 0..sizes.len() {
            let g = if descending { sizes.len() - 1 - g } else { g };
            next[g] = start;
            start += sizes[g];
        }
        let reversed = descending && query.sort.key == SortKey::Name;
        let mut slots: Vec<Option<ItemId>> = vec![None; range.len()];
        for (id, g) in hits {
            let g = usize::from(g);
            let position = if reversed {
                total - 1 - next[g]
            } else {
                next[g]
            };
            next[g] += 1;
            if range.contains(&position) {
                slots[position - range.start] = Some(id);
            }
        }
        let items = slots
            .into_iter()
            .flatten()
            .map(|id| self.view(id))
            .collect();
        let total = total as u32;
        let named = if narrowed { &named } else { listing.tally() };
        ItemPage {
            total,
            offset: query.offset,
            as_of: self.head,
            items,
            facets: Facets::from_tally(named, query),
        }
    }
}

/// The positions of the asked page in a list of `total`.
fn page(query: &ItemQuery, total: usize) -> std::ops::Range<usize> {
    let start = (query.offset as usize).min(total);
    start..total.min(start.saturating_add(query.limit as usize))
}

//! Batches that name their items by a list ([`super::ListItems`]): resolved against the store as
//! it is now, with the items changed since the list was read reported stale.

use std::borrow::Cow;

use crate::model::{ItemId, SyncStatus};
use crate::rule::NewRule;
use crate::store::Store;

use super::{Batch, BatchOutcome, ListItems};

impl Store {
    /// The batch naming each of its items: a batch naming a list, or a new rule's items, resolved
    /// against the store as it is now (the outcome returned reports its stale and skipped items);
    /// any other as it is.
    pub fn name_items<'a>(&self, batch: &'a Batch) -> (Cow<'a, Batch>, BatchOutcome) {
        let mut outcome = BatchOutcome::default();
        let named = match batch {
            Batch::ExcludeMatching {
                disable_record,
                matching,
            } => Cow::Owned(Batch::Exclude {
                disable_record: *disable_record,
                items: self.resolve(matching, |s| s != SyncStatus::Excluded, &mut outcome),
            }),
            Batch::IncludeMatching { matching } => Cow::Owned(Batch::Include {
                items: self.resolve(matching, |s| s == SyncStatus::Excluded, &mut outcome),
            }),
            Batch::AddRule {
                rule,
                as_of,
                items: None,
            } => Cow::Owned(Batch::AddRule {
                rule: rule.clone(),
                as_of: *as_of,
                items: Some(self.rule_targets(rule, *as_of, &mut outcome)),
            }),
            batch => Cow::Borrowed(batch),
        };
        if !outcome.stale.is_empty() {
            outcome.names = self.names(&outcome.stale);
        }
        (named, outcome)
    }

    /// The names of these items, by id (those that still exist).
    pub(super) fn names<'a>(
        &self,
        items: impl IntoIterator<Item = &'a ItemId>,
    ) -> Vec<(ItemId, String)> {
        items
            .into_iter()
            .filter_map(|id| Some((*id, self.items.get(id.index())?.name.clone())))
            .collect()
    }

    /// The items a new rule is about that are not excluded yet, each at its version; counts the
    /// excluded ones as skipped, and reports those changed since `as_of` as stale. None when the
    /// rule cannot be saved.
    fn rule_targets(
        &self,
        rule: &NewRule,
        as_of: u64,
        outcome: &mut BatchOutcome,
    ) -> Vec<(ItemId, u32)> {
        let mut items = Vec::new();
        if rule.problem().is_some() {
            return items;
        }
        self.each_hit(rule, |id, status| {
            if self.changed[id.index()].0 > as_of {
                outcome.stale.push(id);
            } else if status == SyncStatus::Excluded {
                outcome.skipped += 1;
            } else {
                items.push((id, self.items[id.index()].version));
            }
        });
        items
    }

    /// The items of `list` that `applies` to (by status), each at its version; counts the others
    /// as skipped, and reports those changed since the list was read as stale.
    fn resolve(
        &self,
        list: &ListItems,
        applies: impl Fn(SyncStatus) -> bool,
        outcome: &mut BatchOutcome,
    ) -> Vec<(ItemId, u32)> {
        let Some(listing) = self.items_of.get(&(list.integration, list.client)) else {
            return Vec::new();
        };
        let except = &list.except;
        let listed_status = |s: SyncStatus| list.status.is_none_or(|wanted| wanted == s);
        let needle = list.filter.trim().to_lowercase();
        let ids = listing.ids();
        let mut items = Vec::new();
        listing.matching(&needle, |position| {
            let (resource_type, status) = listing.kind(position);
            let id = ids[position];
            if list.resource_type.is_some_and(|t| t != resource_type)
                || list.flag.is_some_and(|f| !self.flagged(id, f))
                || except.binary_search(&id).is_ok()
            {
                return;
            }
            let (seq, before) = self.changed[id.index()];
            if seq > list.as_of {
                if listed_status(status) || listed_status(before) {
                    outcome.stale.push(id);
                }
            } else if listed_status(status) {
                if applies(status) {
                    items.push((id, self.items[id.index()].version));
                } else {
                    outcome.skipped += 1;
                }
            }
        });
        items
    }
}

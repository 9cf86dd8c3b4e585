//! A run and the portal's records: a client's snapshot of them (new, renamed, left the portal),
//! the items unlinked from a record that left, and new items matched to a record of their very
//! name.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{ClientId, ItemId, LogLevel, PortalRecord, RecordId, ResourceType, SyncStatus};

use super::apply::Applying;
use super::RunRecord;

impl Applying<'_> {
    /// Brings a client's records up to the run's snapshot of them: a record is the one with the
    /// same portal id, or else an unkeyed one of the same type and name (which takes the id).
    /// `mine` are the client's records before; returns them as they are now, and those that
    /// left the portal (now disabled).
    pub fn snapshot(
        &mut self,
        client: ClientId,
        mine: Vec<RecordId>,
        records: &[RunRecord],
    ) -> (Vec<RecordId>, Vec<RecordId>) {
        let mut keyed: FxHashMap<String, RecordId> = FxHashMap::default();
        let mut unkeyed: FxHashMap<(ResourceType, String), Vec<RecordId>> = FxHashMap::default();
        for &id in mine.iter().rev() {
            let record = &self.data.records[id.index()];
            match &record.key {
                Some(key) => _ = keyed.insert(key.clone(), id),
                None => {
                    let name = (record.resource_type, record.name.to_lowercase());
                    unkeyed.entry(name).or_default().push(id);
                }
            }
        }
        let mut kept = FxHashSet::default();
        for seen in records {
            let found = keyed
                .get(seen.id.as_str())
                .copied()
                .filter(|&id| self.data.records[id.index()].resource_type == seen.resource_type)
                .or_else(|| {
                    let name = (seen.resource_type, seen.name.to_lowercase());
                    unkeyed.get_mut(&name).and_then(Vec::pop)
                });
            match found {
                Some(id) => {
                    kept.insert(id);
                    self.refresh(id, seen);
                }
                None => {
                    let id = RecordId(self.data.records.len() as u32);
                    self.data.records.push(PortalRecord {
                        id,
                        client,
                        resource_type: seen.resource_type,
                        name: seen.name.clone(),
                        disabled: false,
                        key: Some(seen.id.clone()),
                    });
                    self.diff.new_records.push(id);
                    kept.insert(id);
                }
            }
        }
        let (now, gone): (Vec<RecordId>, Vec<RecordId>) =
            mine.into_iter().partition(|id| kept.contains(id));
        for &id in &gone {
            let record = &mut self.data.records[id.index()];
            if !record.disabled {
                record.disabled = true;
                self.changed_records.insert(id);
            }
        }
        let mut now = now;
        now.extend(
            self.diff
                .new_records
                .iter()
                .filter(|r| self.data.records[r.index()].client == client),
        );
        (now, gone)
    }

    /// A record as the snapshot lists it: its name and portal id.
    fn refresh(&mut self, id: RecordId, seen: &RunRecord) {
        let record = &mut self.data.records[id.index()];
        if record.name != seen.name || record.key.as_deref() != Some(seen.id.as_str()) {
            record.name = seen.name.clone();
            record.key = Some(seen.id.clone());
            self.changed_records.insert(id);
        }
    }

    /// Items linked to a record that left the portal lose the link: a matched one is Not Synced
    /// again (with a log line), an excluded one stays excluded.
    pub fn unlink(&mut self, gone: &FxHashSet<RecordId>) {
        if gone.is_empty() {
            return;
        }
        let linked: Vec<ItemId> = self
            .data
            .items
            .iter()
            .filter(|i| i.record.is_some_and(|r| gone.contains(&r)))
            .map(|i| i.id)
            .collect();
        for id in linked {
            let item = &mut self.data.items[id.index()];
            let record = item.record.take().map(|r| r.index()).unwrap_or_default();
            item.version += 1;
            self.changed_items.insert(id);
            self.summary.unlinked += 1;
            if item.status == SyncStatus::Matched {
                item.status = SyncStatus::NotSynced;
                let message = format!(
                    "{} is Not Synced: its record “{}” was removed from the portal.",
                    item.name, self.data.records[record].name
                );
                let integration = item.integration;
                self.log(integration, LogLevel::Warning, message, Some(id));
            }
        }
    }

    /// New items of a client matched to the one enabled record of the client (`records`) of
    /// their type and very name (a score of 100), when none of its items (`known`) is matched to
    /// it yet.
    pub fn auto_match(&mut self, known: &[ItemId], records: &[RecordId], new: Vec<ItemId>) {
        if new.is_empty() {
            return;
        }
        let items = &self.data.items;
        let taken: FxHashSet<RecordId> = known
            .iter()
            .map(|id| &items[id.index()])
            .filter(|i| i.status == SyncStatus::Matched)
            .filter_map(|i| i.record)
            .collect();
        // Type and name: the record, or `None` when two records have that name.
        let mut named: FxHashMap<(ResourceType, &str), Option<RecordId>> = FxHashMap::default();
        for record in records.iter().map(|id| &self.data.records[id.index()]) {
            if !record.disabled && !taken.contains(&record.id) {
                named
                    .entry((record.resource_type, record.name.as_str()))
                    .and_modify(|found| *found = None)
                    .or_insert(Some(record.id));
            }
        }
        let mut matches = Vec::new();
        for id in new {
            let item = &self.data.items[id.index()];
            // One item per record: a second item of that name stays Not Synced.
            let slot = named.get_mut(&(item.resource_type, item.name.as_str()));
            if let Some(record) = slot.and_then(Option::take) {
                matches.push((id, record));
            }
        }
        for (id, record) in matches {
            let item = &mut self.data.items[id.index()];
            item.status = SyncStatus::Matched;
            item.record = Some(record);
            self.summary.matched_automatically += 1;
            let message = format!(
                "{} was matched automatically: a record has its very name.",
                item.name
            );
            self.log(self.integration, LogLevel::Info, message, Some(id));
        }
    }
}

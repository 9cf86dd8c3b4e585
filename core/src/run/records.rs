//! A run and the portal's records: a client's snapshot of them (new, renamed, left the portal),
//! the items unlinked from a record that left, and new items matched to a record of their very
//! name.

use crate::model::{ClientId, ItemId, LogLevel, PortalRecord, RecordId, SyncStatus};

use super::apply::Applying;
use super::RunRecord;
use crate::lookup::Lookup;

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
        // Portal id, and lower-cased name for records without one: the records.
        let (mut keyed, mut unkeyed) = (Lookup::default(), Lookup::default());
        for &id in &mine {
            let record = &self.data.records[id.index()];
            match &record.key {
                Some(key) => keyed.add(key, id.0),
                None => unkeyed.add(&record.name.to_lowercase(), id.0),
            }
        }
        let mut kept = vec![false; self.data.records.len()];
        let mut now = Vec::with_capacity(records.len());
        for seen in records {
            let fits = |id: &RecordId| {
                !kept[id.index()]
                    && self.data.records[id.index()].resource_type == seen.resource_type
            };
            let by_key = keyed.get(&seen.id).iter().map(|&r| RecordId(r)).find(fits);
            let by_name = || {
                let name = seen.name.to_lowercase();
                unkeyed.get(&name).iter().map(|&r| RecordId(r)).find(fits)
            };
            let id = match by_key.or_else(by_name) {
                Some(id) => {
                    kept[id.index()] = true;
                    self.refresh(id, seen);
                    id
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
                    id
                }
            };
            now.push(id);
        }
        let gone: Vec<RecordId> = mine.into_iter().filter(|id| !kept[id.index()]).collect();
        for &id in &gone {
            let record = &mut self.data.records[id.index()];
            if !record.disabled {
                record.disabled = true;
                self.changed_records[id.index()] = true;
            }
        }
        (now, gone)
    }

    /// A record as the snapshot lists it: its name and portal id.
    fn refresh(&mut self, id: RecordId, seen: &RunRecord) {
        let record = &mut self.data.records[id.index()];
        if record.name != seen.name || record.key.as_deref() != Some(seen.id.as_str()) {
            record.name = seen.name.clone();
            record.key = Some(seen.id.clone());
            self.changed_records[id.index()] = true;
        }
    }

    /// Items linked to a record that left the portal (`gone`, per record) lose the link: a
    /// matched one is Not Synced again (with a log line), an excluded one stays excluded.
    pub fn unlink(&mut self, gone: &[bool]) {
        if !gone.contains(&true) {
            return;
        }
        let linked: Vec<ItemId> = self
            .data
            .items
            .iter()
            .filter(|i| i.record.is_some_and(|r| gone[r.index()]))
            .map(|i| i.id)
            .collect();
        for id in linked {
            self.touch(id);
            let item = &mut self.data.items[id.index()];
            let record = item.record.take().map(|r| r.index()).unwrap_or_default();
            item.version += 1;
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

    /// New Not Synced items of a client matched to the one enabled record of the client (`records`) of
    /// their type and very name (a score of 100), when none of its items (`known`) is matched to
    /// it yet.
    pub fn auto_match(&mut self, known: &[ItemId], records: &[RecordId], new: Vec<ItemId>) {
        if new.is_empty() {
            return;
        }
        let mut taken = vec![false; self.data.records.len()];
        for id in known {
            let item = &self.data.items[id.index()];
            if let (SyncStatus::Matched, Some(record)) = (item.status, item.record) {
                taken[record.index()] = true;
            }
        }
        let mut named = Lookup::default();
        for &id in records {
            let record = &self.data.records[id.index()];
            if !record.disabled && !taken[id.index()] {
                named.add(&record.name, id.0);
            }
        }
        let mut matches = Vec::new();
        // Items a rule excluded are left out.
        for id in new {
            let item = &self.data.items[id.index()];
            if item.status != SyncStatus::NotSynced {
                continue;
            }
            let mut fitting = (named.get(&item.name).iter().map(|&r| RecordId(r)))
                .filter(|r| self.data.records[r.index()].resource_type == item.resource_type);
            // Exactly one record of that name, not taken by an item before this one.
            if let (Some(record), None) = (fitting.next(), fitting.next()) {
                if !taken[record.index()] {
                    taken[record.index()] = true;
                    matches.push((id, record));
                }
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

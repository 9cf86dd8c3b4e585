//! Every item's history in memory (the mock store's), kept compactly: per entry, the statuses
//! and records before and after, who as a number into a list of names, and a name only when the
//! change renamed the item. A 100,000-item batch then makes no string at all. A page is read
//! back as full [`HistoryEntry`]s, each name worked out from the item's name now, newest first.

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::{HistoryEntry, HistoryPage, Snapshot, Stamp, What};
use crate::model::{ItemId, RecordId, RuleId, SyncStatus};

/// An item's state, its name aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct State {
    pub status: SyncStatus,
    pub record: Option<RecordId>,
    pub missing: bool,
}

impl State {
    fn named(self, name: &str) -> Snapshot {
        Snapshot {
            name: name.to_owned(),
            status: self.status,
            record: self.record,
            missing: self.missing,
        }
    }
}

impl From<&Snapshot> for State {
    fn from(s: &Snapshot) -> Self {
        Self {
            status: s.status,
            record: s.record,
            missing: s.missing,
        }
    }
}

/// One change to one item, as kept.
#[derive(Clone, Debug)]
pub(super) struct Kept {
    pub item: ItemId,
    pub seq: u64,
    pub time: DateTime<Utc>,
    /// Who, in `History::names`.
    pub actor: u32,
    pub what: What,
    pub count: u32,
    pub rule: Option<RuleId>,
    /// The run's id, in `History::names`.
    pub run: Option<u32>,
    pub before: Option<State>,
    pub after: State,
    /// The item's name before the change, when the change renamed it.
    pub renamed_from: Option<Box<str>>,
}

/// Every item's history, in memory: entries in the order they were made, indexed by item.
#[derive(Clone, Debug, Default)]
pub struct History {
    entries: Vec<Kept>,
    /// Per item, the positions of its entries in `entries`, oldest first.
    of_item: FxHashMap<ItemId, Vec<u32>>,
    /// Entries dropped from the front of `entries` so far (positions count from there).
    dropped: u32,
    /// The actors' names and the runs' ids the entries name.
    names: Vec<String>,
}

/// What a write has in common for each of its entries, names as numbers.
pub(super) struct Common {
    pub seq: u64,
    pub time: DateTime<Utc>,
    pub actor: u32,
    pub what: What,
    pub count: u32,
    pub rule: Option<RuleId>,
    pub run: Option<u32>,
}

impl Common {
    pub fn kept(&self, item: ItemId, before: Option<State>, after: State) -> Kept {
        Kept {
            item,
            seq: self.seq,
            time: self.time,
            actor: self.actor,
            what: self.what,
            count: self.count,
            rule: self.rule,
            run: self.run,
            before,
            after,
            renamed_from: None,
        }
    }
}

impl History {
    /// The number of `name` in the list of names (added when new).
    pub(super) fn name(&mut self, name: &str) -> u32 {
        match self.names.iter().rposition(|n| n == name) {
            Some(at) => at as u32,
            None => {
                self.names.push(name.to_owned());
                (self.names.len() - 1) as u32
            }
        }
    }

    /// What a write stamped `stamp` shares with its entries.
    pub(super) fn common(&mut self, stamp: &Stamp, what: What, count: u32) -> Common {
        Common {
            seq: stamp.seq,
            time: stamp.time,
            actor: self.name(&stamp.actor),
            what,
            count,
            rule: None,
            run: None,
        }
    }

    /// Keeps entries made after every one kept so far.
    pub(super) fn keep(&mut self, entries: impl IntoIterator<Item = Kept>) {
        for entry in entries {
            let position = self.dropped + self.entries.len() as u32;
            self.of_item.entry(entry.item).or_default().push(position);
            self.entries.push(entry);
        }
    }

    /// Up to `limit` entries of `item`, newest first, older than change `before` when given;
    /// `name` is the item's name now (each entry's names are worked back from it).
    pub fn page(&self, item: ItemId, name: &str, before: Option<u64>, limit: usize) -> HistoryPage {
        let positions = self.of_item.get(&item).map(Vec::as_slice).unwrap_or(&[]);
        let kept = |p: &u32| &self.entries[(p - self.dropped) as usize];
        let end = match before {
            Some(seq) => positions.partition_point(|p| kept(p).seq < seq),
            None => positions.len(),
        };
        let start = end.saturating_sub(limit);
        // The name after each entry, from the newest back.
        let mut now = name;
        let mut entries = Vec::with_capacity(end - start);
        for (at, p) in positions.iter().enumerate().rev() {
            if at < start {
                break;
            }
            let k = kept(p);
            let after = now;
            if let Some(old) = &k.renamed_from {
                now = old;
            }
            if at < end {
                entries.push(HistoryEntry {
                    item: k.item,
                    seq: k.seq,
                    time: k.time,
                    actor: self.names[k.actor as usize].clone(),
                    what: k.what,
                    count: k.count,
                    rule: k.rule,
                    run: k.run.map(|r| self.names[r as usize].clone()),
                    before: k.before.map(|b| b.named(now)),
                    after: k.after.named(after),
                });
            }
        }
        HistoryPage {
            next: (start > 0).then(|| entries.last().map(|e| e.seq)).flatten(),
            entries,
            records: Vec::new(),
            total: positions.len() as u32,
        }
    }

    /// Forgets the entries made before `time` (retention), and the oldest beyond `keep`.
    pub fn trim(&mut self, time: DateTime<Utc>, keep: usize) {
        let old = self.entries.partition_point(|e| e.time < time);
        let cut = old.max(self.entries.len().saturating_sub(keep));
        if cut == 0 {
            return;
        }
        self.entries.drain(..cut);
        self.dropped += cut as u32;
        let first = self.dropped;
        self.of_item.retain(|_, positions| {
            positions.retain(|&p| p >= first);
            !positions.is_empty()
        });
    }
}

//! The entries a write makes: from the changes sync-core worked out for an action or a batch
//! (before they are made), and from what a sync run changed (after it is applied).

use chrono::{DateTime, Utc};

use super::memory::{Common, Kept, State};
use super::{History, HistoryEntry, Snapshot, What};
use crate::action::Action;
use crate::batch::{Batch, BatchOutcome};
use crate::model::{ItemId, SyncedItem};
use crate::query::RecordView;
use crate::run::RunOutcome;
use crate::store::Store;
use crate::transition::Change;

/// Who made a change, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The change's number.
    pub seq: u64,
    /// When.
    pub time: DateTime<Utc>,
    /// Who.
    pub actor: String,
}

impl Snapshot {
    /// An item as it stands.
    pub fn of(item: &SyncedItem) -> Self {
        Self {
            name: item.name.clone(),
            status: item.status,
            record: item.record,
            missing: item.missing_since.is_some(),
        }
    }
}

impl What {
    /// What a technician's action is.
    pub fn of_action(action: &Action) -> Self {
        match action {
            Action::Rematch { .. } => Self::Rematch,
            Action::Exclude { .. } => Self::Exclude,
            Action::Include { .. } => Self::Include,
            Action::Restore { .. } => Self::Restore,
        }
    }

    /// What a batch is.
    pub fn of_batch(batch: &Batch) -> Self {
        match batch {
            Batch::Exclude { .. } | Batch::ExcludeMatching { .. } => Self::Exclude,
            Batch::Include { .. } | Batch::IncludeMatching { .. } => Self::Include,
            Batch::Rematch { .. } => Self::Rematch,
            Batch::Restore { .. } => Self::Restore,
            Batch::AddRule { .. } | Batch::SetRule { .. } => Self::Rule,
        }
    }
}

impl Store {
    /// The entries `changes` (worked out, not made yet) will make: one per item, before and
    /// after. A rule batch's entries name its rule (`outcome`).
    pub fn history_of(
        &self,
        changes: &[Change],
        what: What,
        outcome: Option<&BatchOutcome>,
        stamp: &Stamp,
    ) -> Vec<HistoryEntry> {
        let rule = outcome.and_then(|o| o.rule.as_ref()).map(|r| r.id);
        changes
            .iter()
            .map(|change| {
                let before = Snapshot::of(&self.items[change.item.index()]);
                let after = Snapshot {
                    status: change.status,
                    record: change.record,
                    ..before.clone()
                };
                HistoryEntry {
                    item: change.item,
                    seq: stamp.seq,
                    time: stamp.time,
                    actor: stamp.actor.clone(),
                    what,
                    count: changes.len() as u32,
                    rule,
                    run: None,
                    before: Some(before),
                    after,
                }
            })
            .collect()
    }

    /// The entries a sync run made, once applied to this store: those of the items it changed,
    /// then of those it created, made one at a time (a million new items are never all in memory
    /// twice).
    pub fn history_of_run<'a>(
        &'a self,
        outcome: &'a RunOutcome,
        stamp: &'a Stamp,
    ) -> impl Iterator<Item = HistoryEntry> + 'a {
        let diff = &outcome.diff;
        let count = (diff.new_items.len() + diff.changed_items.len()) as u32;
        let entry = move |item: ItemId, before: Option<Snapshot>| HistoryEntry {
            item,
            seq: stamp.seq,
            time: stamp.time,
            actor: stamp.actor.clone(),
            what: What::Run,
            count,
            rule: None,
            run: Some(outcome.summary.run.clone()),
            before,
            after: Snapshot::of(&self.items[item.index()]),
        };
        let changed =
            (diff.before.iter()).map(move |(id, before)| entry(*id, Some(before.clone())));
        changed.chain(diff.new_items.iter().map(move |&id| entry(id, None)))
    }

    /// The records a page of history names, as they are now.
    pub fn history_records(&self, entries: &[HistoryEntry]) -> Vec<RecordView> {
        let mut ids: Vec<_> = entries
            .iter()
            .flat_map(|e| [e.before.as_ref().and_then(|b| b.record), e.after.record])
            .flatten()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|r| self.records.get(r.index()))
            .map(RecordView::from)
            .collect()
    }
}

impl State {
    /// An item's state as it stands, its name aside.
    fn of(item: &SyncedItem) -> Self {
        Self {
            status: item.status,
            record: item.record,
            missing: item.missing_since.is_some(),
        }
    }
}

impl History {
    /// Applies an action to the store (as [`Store::apply`]) and records its entry, as change
    /// number [`Store::head`] + 1 (the stamp's own number is not used).
    pub fn apply(
        &mut self,
        store: &mut Store,
        action: &Action,
        expected_version: Option<u32>,
        stamp: &Stamp,
    ) -> Result<crate::ItemView, crate::ActionError> {
        let change = store.change(action, expected_version)?;
        let stamp = Stamp {
            seq: store.head() + 1,
            ..stamp.clone()
        };
        let common = self.common(&stamp, What::of_action(action), 1);
        let kept = changed(&common, store, &change);
        self.keep([kept]);
        store.apply(action, expected_version)
    }

    /// Applies a batch to the store (as [`Store::apply_batch`]) and records its entries.
    pub fn apply_batch(&mut self, store: &mut Store, batch: &Batch, stamp: &Stamp) -> BatchOutcome {
        let (changes, outcome) = store.plan_batch(batch);
        let stamp = Stamp {
            seq: store.head() + 1,
            ..stamp.clone()
        };
        let mut common = self.common(&stamp, What::of_batch(batch), changes.len() as u32);
        common.rule = outcome.rule.as_ref().map(|r| r.id);
        self.keep(changes.iter().map(|c| changed(&common, store, c)));
        store.make_batch(&changes, &outcome);
        outcome
    }

    /// Applies a sync run to the store (as [`Store::apply_run`]) and records its entries.
    pub fn apply_run(
        &mut self,
        store: &mut Store,
        key: &str,
        run: &crate::SyncRun,
        stamp: &Stamp,
    ) -> Result<RunOutcome, crate::RunProblem> {
        let outcome = store.apply_run(key, run)?;
        if outcome.replayed {
            return Ok(outcome);
        }
        let diff = &outcome.diff;
        let stamp = Stamp {
            seq: store.head(),
            ..stamp.clone()
        };
        let count = (diff.new_items.len() + diff.changed_items.len()) as u32;
        let mut common = self.common(&stamp, What::Run, count);
        common.run = Some(self.name(&outcome.summary.run));
        let items = store.items_raw();
        let changed = diff.before.iter().map(|(id, before)| {
            let now = &items[id.index()];
            let mut kept = common.kept(*id, Some(State::from(before)), State::of(now));
            kept.renamed_from = (before.name != now.name).then(|| before.name.clone().into());
            kept
        });
        let new =
            (diff.new_items.iter()).map(|id| common.kept(*id, None, State::of(&items[id.index()])));
        let kept: Vec<_> = changed.chain(new).collect();
        self.keep(kept);
        Ok(outcome)
    }
}

/// The entry of a change worked out (not made yet) on `store`.
fn changed(common: &Common, store: &Store, change: &Change) -> Kept {
    let before = State::of(&store.items[change.item.index()]);
    let after = State {
        status: change.status,
        record: change.record,
        ..before
    };
    common.kept(change.item, Some(before), after)
}

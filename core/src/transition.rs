//! The state transitions: re-match, exclude, include, restore.

use crate::action::{Action, ActionError};
use crate::model::{ItemId, RecordId, SyncStatus};
use crate::query::{ItemView, RecordView};
use crate::store::Store;

/// What an allowed action will do: the item's new status and record, a record to disable and
/// one to enable.
struct Plan {
    status: SyncStatus,
    record: Option<RecordId>,
    disable: Option<RecordId>,
    enable: Option<RecordId>,
}

/// The effect of an allowed action, worked out before it is made (so that it can be saved
/// elsewhere first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The item that changes.
    pub item: ItemId,
    /// Its new status.
    pub status: SyncStatus,
    /// Its new record link.
    pub record: Option<RecordId>,
    /// Its new version.
    pub version: u32,
    /// A record to disable.
    pub disable: Option<RecordId>,
    /// A record to enable.
    pub enable: Option<RecordId>,
}

impl Store {
    /// Whether an action would be allowed now, changing nothing.
    ///
    /// With `expected_version`, the action is refused when the item has changed since that
    /// version was read.
    pub fn check(&self, action: &Action, expected_version: Option<u32>) -> Result<(), ActionError> {
        self.plan(action, expected_version).map(|_| ())
    }

    /// Applies an action and returns the changed item; a refused action changes nothing.
    pub fn apply(
        &mut self,
        action: &Action,
        expected_version: Option<u32>,
    ) -> Result<ItemView, ActionError> {
        let change = self.change(action, expected_version)?;
        let view = self.commit(&change);
        self.head += 1;
        Ok(view)
    }

    /// Works out what an allowed action will change, changing nothing yet.
    pub fn change(
        &self,
        action: &Action,
        expected_version: Option<u32>,
    ) -> Result<Change, ActionError> {
        let plan = self.plan(action, expected_version)?;
        let item = action.item();
        Ok(Change {
            item,
            status: plan.status,
            record: plan.record,
            version: self.items[item.index()].version + 1,
            disable: plan.disable,
            enable: plan.enable,
        })
    }

    /// The item as it will read once `change` is made.
    pub fn view_after(&self, change: &Change) -> ItemView {
        let mut view = self.view(change.item);
        view.status = change.status;
        view.version = change.version;
        view.record = change.record.map(|r| {
            let mut record = RecordView::from(&self.records[r.index()]);
            record.disabled |= change.disable == Some(r);
            record.disabled &= change.enable != Some(r);
            record
        });
        view
    }

    /// Makes a change worked out by [`Store::change`] on this store, as part of the next change
    /// (number [`Store::head`] + 1; see [`Store::advance`]), and returns the changed item.
    pub fn commit(&mut self, change: &Change) -> ItemView {
        self.commit_at(change, self.head + 1)
    }

    /// Makes a change that the database numbered `seq` (a store kept in step with it).
    pub fn commit_at(&mut self, change: &Change, seq: u64) -> ItemView {
        if let Some(disable) = change.disable {
            self.records[disable.index()].disabled = true;
        }
        if let Some(enable) = change.enable {
            self.records[enable.index()].disabled = false;
        }
        self.list_status(change.item, change.status);
        let item = &mut self.items[change.item.index()];
        self.changed[change.item.index()] = (seq, item.status);
        self.counts[item.integration.index()].shift(item.status, change.status);
        item.status = change.status;
        item.record = change.record;
        item.version = change.version;
        self.view(change.item)
    }

    /// Marks the changes committed since as change number `seq`, the latest.
    pub fn advance(&mut self, seq: u64) {
        self.head = self.head.max(seq);
    }

    /// The record `change` links its item to anew, which must still be enabled when the change
    /// is made (unless the change enables it): none when the item keeps the record it has.
    pub fn linked_anew(&self, change: &Change) -> Option<RecordId> {
        let record = change
            .record
            .filter(|_| change.status == SyncStatus::Matched)?;
        let current = self.items.get(change.item.index())?.record;
        (current != Some(record) && change.enable != Some(record)).then_some(record)
    }

    /// Marks a record disabled or enabled (as another copy of this store already did), for a
    /// store kept in step with a shared database.
    pub fn set_record_disabled(&mut self, record: RecordId, disabled: bool) {
        if let Some(record) = self.records.get_mut(record.index()) {
            record.disabled = disabled;
        }
    }

    fn plan(&self, action: &Action, expected_version: Option<u32>) -> Result<Plan, ActionError> {
        let id = action.item();
        let item = self
            .items
            .get(id.index())
            .ok_or(ActionError::UnknownItem { item: id })?;
        if let Some(expected) = expected_version.filter(|v| *v != item.version) {
            return Err(ActionError::StaleVersion {
                expected,
                actual: item.version,
            });
        }
        match *action {
            Action::Rematch {
                record,
                disable_previous,
                ..
            } => self.plan_rematch(id, record, disable_previous),
            Action::Exclude { disable_record, .. } => self.plan_exclude(id, disable_record),
            Action::Include { .. } => self.plan_include(id),
            Action::Restore {
                status,
                record,
                enable,
                ..
            } => self.plan_restore(id, status, record, enable),
        }
    }

    /// Checks a restore: the record (and the one to enable) exist and are the item's client's
    /// and type's, and a matched item has one, enabled once the restore is made unless the item
    /// links to it already (Include leaves an item matched to the record its exclusion disabled,
    /// and undoing a later action puts it back so).
    fn plan_restore(
        &self,
        id: ItemId,
        status: SyncStatus,
        record: Option<RecordId>,
        enable: Option<RecordId>,
    ) -> Result<Plan, ActionError> {
        let item = &self.items[id.index()];
        for r in record.iter().chain(enable.iter()).copied() {
            let found = self
                .records
                .get(r.index())
                .ok_or(ActionError::UnknownRecord { record: r })?;
            if found.client != item.client || found.resource_type != item.resource_type {
                return Err(ActionError::RecordMismatch { record: r });
            }
        }
        match (status, record) {
            (SyncStatus::Matched, None) | (SyncStatus::NotSynced, Some(_)) => {
                return Err(ActionError::CannotRestore)
            }
            (SyncStatus::Matched, Some(r))
                if self.records[r.index()].disabled
                    && enable != Some(r)
                    && item.record != Some(r) =>
            {
                return Err(ActionError::RecordDisabled { record: r })
            }
            _ => {}
        }
        Ok(Plan {
            status,
            record,
            disable: None,
            enable,
        })
    }

    /// Checks a re-match: the new status, record and the record to disable.
    fn plan_rematch(
        &self,
        id: ItemId,
        record: RecordId,
        disable_previous: bool,
    ) -> Result<Plan, ActionError> {
        let item = &self.items[id.index()];
        let target = self
            .records
            .get(record.index())
            .ok_or(ActionError::UnknownRecord { record })?;
        if target.client != item.client || target.resource_type != item.resource_type {
            return Err(ActionError::RecordMismatch { record });
        }
        if target.disabled {
            return Err(ActionError::RecordDisabled { record });
        }
        if item.status == SyncStatus::Matched && item.record == Some(record) {
            return Err(ActionError::AlreadyMatched { record });
        }
        let disable = match (disable_previous, item.record) {
            (false, _) => None,
            (true, Some(previous)) if previous != record => Some(previous),
            (true, _) => return Err(ActionError::NoPreviousRecord),
        };
        Ok(Plan {
            status: SyncStatus::Matched,
            record: Some(record),
            disable,
            enable: None,
        })
    }

    /// Checks an exclusion: the new status, record and the record to disable.
    fn plan_exclude(&self, id: ItemId, disable_record: bool) -> Result<Plan, ActionError> {
        let item = &self.items[id.index()];
        if item.status == SyncStatus::Excluded {
            return Err(ActionError::AlreadyExcluded);
        }
        let disable = match (disable_record, item.record) {
            (false, _) => None,
            (true, Some(record)) => Some(record),
            (true, None) => return Err(ActionError::NoRecordToDisable),
        };
        Ok(Plan {
            status: SyncStatus::Excluded,
            record: item.record,
            disable,
            enable: None,
        })
    }

    /// Checks an inclusion: the new status and record.
    fn plan_include(&self, id: ItemId) -> Result<Plan, ActionError> {
        let item = &self.items[id.index()];
        if item.status != SyncStatus::Excluded {
            return Err(ActionError::NotExcluded);
        }
        let status = match item.record {
            Some(_) => SyncStatus::Matched,
            None => SyncStatus::NotSynced,
        };
        Ok(Plan {
            status,
            record: item.record,
            disable: None,
            enable: None,
        })
    }
}

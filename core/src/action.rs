//! What a technician can do to a synced item, and why it may be refused.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{ItemId, RecordId, SyncStatus};
use crate::query::ItemView;

/// A change a technician makes to a synced item.
///
/// Semantics:
/// - **Re-match** links the item to another portal record of the same client and type and makes it
///   `Matched`, whatever its status was: re-matching a `Not Synced` item matches it for the first
///   time, re-matching an `Excluded` item brings it back into the sync. "Disable previous record"
///   disables the record the item was (or, when excluded, had been) matched to, and is refused when
///   there is none.
/// - **Exclude** leaves the item out of the sync. It keeps its record link, so that including it
///   again restores the match. "Disable record" disables that record, and is refused when there is
///   none.
/// - **Include** undoes an exclusion: the item is `Matched` again if it kept a record, otherwise
///   `Not Synced`.
/// - **Restore** puts an item back as it was before another action (that action's undo, see
///   [`Action::undo`]): its status and record, and enables again a record that action disabled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case", try_from = "ActionFields")]
pub enum Action {
    /// Link the item to `record`.
    Rematch {
        /// The synced item.
        item: ItemId,
        /// The portal record to match it to.
        record: RecordId,
        /// Also disable the record it was matched to before.
        disable_previous: bool,
    },
    /// Leave the item out of the sync.
    Exclude {
        /// The synced item.
        item: ItemId,
        /// Also disable the portal record it is matched to.
        disable_record: bool,
    },
    /// Bring an excluded item back into the sync.
    Include {
        /// The synced item.
        item: ItemId,
    },
    /// Put the item back as it was before another action.
    Restore {
        /// The synced item.
        item: ItemId,
        /// The status it had.
        status: SyncStatus,
        /// The record it was (or, when excluded, had been) matched to.
        record: Option<RecordId>,
        /// A record to enable again: one the undone action disabled.
        enable: Option<RecordId>,
    },
}

/// An action as written (`{"action": "exclude", "item": 7, "disable_record": true}`): every
/// field any action has, read as one flat record and then checked by [`Action::try_from`]. Serde's
/// own reading of an internally tagged enum buffers the whole value first, and cost about 10 kB
/// of the browser's download; this reads the same JSON.
#[derive(Deserialize)]
struct ActionFields {
    action: ActionKind,
    item: ItemId,
    record: Option<RecordId>,
    disable_previous: Option<bool>,
    disable_record: Option<bool>,
    status: Option<SyncStatus>,
    enable: Option<RecordId>,
}

/// Which action a written one is.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ActionKind {
    Rematch,
    Exclude,
    Include,
    Restore,
}

impl TryFrom<ActionFields> for Action {
    type Error = String;

    /// The action, or which field it lacks.
    fn try_from(fields: ActionFields) -> Result<Self, String> {
        fn given<T>(value: Option<T>, name: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{name}`"))
        }
        let item = fields.item;
        Ok(match fields.action {
            ActionKind::Rematch => Self::Rematch {
                item,
                record: given(fields.record, "record")?,
                disable_previous: given(fields.disable_previous, "disable_previous")?,
            },
            ActionKind::Exclude => Self::Exclude {
                item,
                disable_record: given(fields.disable_record, "disable_record")?,
            },
            ActionKind::Include => Self::Include { item },
            ActionKind::Restore => Self::Restore {
                item,
                status: given(fields.status, "status")?,
                record: fields.record,
                enable: fields.enable,
            },
        })
    }
}

impl Action {
    /// The item this action changes.
    pub fn item(&self) -> ItemId {
        match self {
            Self::Rematch { item, .. }
            | Self::Exclude { item, .. }
            | Self::Include { item }
            | Self::Restore { item, .. } => *item,
        }
    }

    /// The action that undoes this one, taken on `before` (the item as it read then): the item's
    /// status and record as they were, and the record this action disabled enabled again (only
    /// if it was enabled before).
    pub fn undo(&self, before: &ItemView) -> Action {
        let record = before.record.as_ref().map(|r| (r.id, r.disabled));
        self.undo_from(before.id, before.status, record)
    }

    /// [`Action::undo`] from the item's id, status and record with whether it was disabled.
    pub(crate) fn undo_from(
        &self,
        item: ItemId,
        status: SyncStatus,
        record: Option<(RecordId, bool)>,
    ) -> Action {
        let disables = matches!(
            self,
            Self::Exclude {
                disable_record: true,
                ..
            } | Self::Rematch {
                disable_previous: true,
                ..
            }
        );
        Self::Restore {
            item,
            status,
            record: record.map(|(id, _)| id),
            enable: record
                .filter(|(_, disabled)| disables && !disabled)
                .map(|(id, _)| id),
        }
    }
}

/// Why an action was refused. A refused action changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum ActionError {
    /// The item does not exist (any more).
    #[error("The synced item no longer exists.")]
    UnknownItem {
        /// The item asked for.
        item: ItemId,
    },
    /// The record does not exist (any more).
    #[error("The chosen record no longer exists.")]
    UnknownRecord {
        /// The record asked for.
        record: RecordId,
    },
    /// The record belongs to another client or resource type.
    #[error("The chosen record belongs to another client or type.")]
    RecordMismatch {
        /// The record asked for.
        record: RecordId,
    },
    /// The record is disabled and cannot be matched to.
    #[error("The chosen record is disabled.")]
    RecordDisabled {
        /// The record asked for.
        record: RecordId,
    },
    /// The item is already matched to that record.
    #[error("The item is already matched to that record.")]
    AlreadyMatched {
        /// The record asked for.
        record: RecordId,
    },
    /// "Disable previous record" was asked but there is no other previous record.
    #[error("There is no previous record to disable.")]
    NoPreviousRecord,
    /// "Disable record" was asked but the item has no record.
    #[error("The item has no record to disable.")]
    NoRecordToDisable,
    /// The item is already excluded.
    #[error("The item is already excluded.")]
    AlreadyExcluded,
    /// Only an excluded item can be included.
    #[error("The item is not excluded.")]
    NotExcluded,
    /// A restore asked for a state an item cannot have (matched without a record).
    #[error("The item cannot be put back that way.")]
    CannotRestore,
    /// Someone changed the item since it was read.
    #[error("The item was changed by someone else; showing its latest state.")]
    StaleVersion {
        /// The version the writer read.
        expected: u32,
        /// The version the item has now.
        actual: u32,
    },
}

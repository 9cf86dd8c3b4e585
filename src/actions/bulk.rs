//! Bulk actions on the selection: which items they act on (as read), the one batch they send,
//! and what the screen says about the outcome, including the items left as they were.

use std::sync::Arc;

use sync_core::{Batch, ItemId, ItemQuery, ItemView, ListItems, RecordId, Suggestion, SyncStatus};

use crate::actions::export::all_items;
use crate::data::{Answer, Backend, BatchAnswer};
use crate::state::selection::Picked;
use crate::ui::format::grouped;

/// What a bulk action does to each selected item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkAction {
    /// Exclude the items; with `disable_record`, also disable their records.
    Exclude {
        /// Also disable the records of the items that have one.
        disable_record: bool,
    },
    /// Include excluded items again.
    Include,
    /// Match Not Synced items to their suggested records.
    Accept,
}

impl BulkAction {
    /// The verb on its button.
    pub fn verb(self) -> &'static str {
        match self {
            Self::Exclude { .. } => "Exclude",
            Self::Include => "Include",
            Self::Accept => "Accept suggestions for",
        }
    }

    /// The past tense, for the outcome.
    fn done(self) -> &'static str {
        match self {
            Self::Exclude { .. } => "excluded",
            Self::Include => "included",
            Self::Accept => "matched to their suggested records",
        }
    }

    /// Whether the action changes the item as it is (the others are skipped, not sent).
    fn applies_to(self, item: &ItemView) -> bool {
        match self {
            Self::Exclude { .. } => item.status != SyncStatus::Excluded,
            Self::Include => item.status == SyncStatus::Excluded,
            Self::Accept => item.status == SyncStatus::NotSynced,
        }
    }

    /// Why an item it does not apply to is skipped.
    fn skipped(self) -> &'static str {
        match self {
            Self::Exclude { .. } => "already excluded",
            Self::Include => "not excluded",
            Self::Accept => "without a suggestion",
        }
    }
}

/// The batch of `action` on everything matching `list` but `except`, named by the list rather
/// than read item by item (a request of a few hundred bytes, however long the list), when the
/// action allows it: Exclude and Include do, Accept needs each item's suggestion.
pub fn list_batch(
    action: BulkAction,
    list: &ItemQuery,
    except: &[ItemId],
    as_of: u64,
) -> Option<Batch> {
    let matching = ListItems {
        integration: list.integration,
        client: list.client,
        filter: list.filter.clone(),
        resource_type: list.resource_type,
        status: list.status,
        flag: list.flag,
        except: except.to_vec(),
        as_of,
    };
    match action {
        BulkAction::Exclude { disable_record } => Some(Batch::ExcludeMatching {
            disable_record,
            matching,
        }),
        BulkAction::Include => Some(Batch::IncludeMatching { matching }),
        BulkAction::Accept => None,
    }
}

/// The items a selection names, as read: ticked rows as they were when ticked, everything
/// matching `list` read now (`progress` hears how many of how many).
pub async fn selected_items(
    backend: &dyn Backend,
    list: &ItemQuery,
    picked: &Picked,
    progress: &dyn Fn(u32, u32),
) -> Answer<Vec<ItemView>> {
    match picked {
        Picked::Nothing => Ok(Vec::new()),
        Picked::Rows(rows) => Ok(rows.clone()),
        Picked::Matching { except } => {
            let mut read = all_items(backend, list, progress).await?;
            read.retain(|item| except.binary_search(&item.id).is_err());
            Ok(read)
        }
    }
}

/// A bulk action worked out on the items read: the batch to send (none when it changes
/// nothing), and the names of its items, to say which were left as they were.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// What it does.
    pub action: BulkAction,
    /// The batch, over the items it applies to (shared: a retry sends it again).
    pub batch: Option<Arc<Batch>>,
    /// How many items it names (a batch naming a list: how many the list had selected).
    pub count: u32,
    /// How many items were skipped because the action does not apply to them.
    pub skipped: u32,
    /// The names of the items in the batch.
    pub names: Arc<Names>,
}

/// Item names, sorted by id, for what the screen says about items left as they were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(Vec<(ItemId, String)>);

impl Names {
    /// Names by id, in any order.
    pub fn new(mut names: Vec<(ItemId, String)>) -> Self {
        names.sort_unstable_by_key(|(id, _)| *id);
        Self(names)
    }

    /// The name of the item, or "Item N" when it is not known.
    fn of(&self, id: ItemId) -> String {
        match self.0.binary_search_by_key(&id, |(i, _)| *i) {
            Ok(at) => self.0[at].1.clone(),
            Err(_) => format!("Item {id}"),
        }
    }
}

impl Plan {
    /// The batch of `action` on `count` items named by a list ([`list_batch`]).
    pub fn listed(action: BulkAction, batch: Batch, count: u32) -> Self {
        Self {
            action,
            batch: Some(Arc::new(batch)),
            count,
            skipped: 0,
            names: Arc::default(),
        }
    }
}

impl Plan {
    /// The batch of `action` over the `selected` items it applies to; Accept matches each to
    /// the record `suggested` for it, and skips those without one.
    pub fn new(action: BulkAction, selected: Vec<ItemView>, suggested: &[Suggestion]) -> Self {
        let mut records: Vec<(ItemId, RecordId)> = suggested
            .iter()
            .map(|s| (s.item.id, s.candidate.record.id))
            .collect();
        records.sort_unstable();
        let record = |id: ItemId| {
            records
                .binary_search_by_key(&id, |(item, _)| *item)
                .ok()
                .map(|at| records[at].1)
        };
        let (targets, others): (Vec<_>, Vec<_>) = selected.into_iter().partition(|i| {
            action.applies_to(i) && (action != BulkAction::Accept || record(i.id).is_some())
        });
        let pairs = || targets.iter().map(|i| (i.id, i.version)).collect();
        let batch = match action {
            _ if targets.is_empty() => None,
            BulkAction::Exclude { disable_record } => Some(Batch::Exclude {
                disable_record,
                items: pairs(),
            }),
            BulkAction::Include => Some(Batch::Include { items: pairs() }),
            BulkAction::Accept => Some(Batch::Rematch {
                items: targets
                    .iter()
                    .filter_map(|i| Some((i.id, record(i.id)?, i.version)))
                    .collect(),
            }),
        };
        Self {
            action,
            count: batch.as_ref().map_or(0, |b| b.len() as u32),
            batch: batch.map(Arc::new),
            skipped: others.len() as u32,
            names: {
                Arc::new(Names::new(
                    targets.into_iter().map(|i| (i.id, i.name)).collect(),
                ))
            },
        }
    }

    /// What to tell the user when the batch did `outcome` (none sent: nothing changed).
    pub fn summary(&self, outcome: &BatchAnswer) -> Summary {
        let mut said = format!("{} {}", grouped(outcome.changed), self.action.done());
        let left = left_alone(&self.names, outcome);
        if !outcome.stale.is_empty() {
            said += &format!(
                "; {} changed by someone else and left as they are",
                were(outcome.stale.len())
            );
        }
        if !outcome.refused.is_empty() {
            said += &format!(
                "; {} refused and left as they are",
                were(outcome.refused.len())
            );
        }
        let skipped = self.skipped + outcome.skipped;
        if skipped > 0 {
            said += &format!(
                "; {} {} and skipped",
                were(skipped as usize),
                self.action.skipped()
            );
        }
        said.push('.');
        Summary { said, left }
    }
}

/// "1 was", "14 were".
pub fn were(n: usize) -> String {
    if n == 1 {
        "1 was".to_owned()
    } else {
        format!("{} were", grouped(n as u32))
    }
}

/// What the screen says after a batch, and the items it left as they were.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// The sentence announced.
    pub said: String,
    /// The items left as they were, each with why.
    pub left: Vec<Left>,
}

/// An item a batch left as it was, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Left {
    /// Its name.
    pub name: String,
    /// Why, in a few words.
    pub why: String,
}

/// The items `outcome` left as they were, by name (as the backend named them, else as read).
pub fn left_alone(names: &Names, outcome: &BatchAnswer) -> Vec<Left> {
    let theirs = Names::new(outcome.names.clone());
    let name = |id: &ItemId| match theirs.0.binary_search_by_key(id, |(i, _)| *i) {
        Ok(at) => theirs.0[at].1.clone(),
        Err(_) => names.of(*id),
    };
    let stale = outcome.stale.iter().map(|id| Left {
        name: name(id),
        why: "changed by someone else since it was read".to_owned(),
    });
    let refused = outcome.refused.iter().map(|(id, why)| Left {
        name: name(id),
        why: why.clone(),
    });
    stale.chain(refused).collect()
}

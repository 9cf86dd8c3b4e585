//! Planning a batch: each item's action checked against the store as it is now, the changes to
//! make, the items left as they are, and the exact undo.

use crate::action::{Action, ActionError};
use crate::model::RuleId;
use crate::rule::Rule;
use crate::store::Store;
use crate::transition::Change;

use super::{Batch, BatchOutcome};

impl Store {
    /// Works out what [`Store::apply_batch`] will change, changing nothing yet (so that it can be
    /// saved elsewhere first): the changes, and the outcome once they are made. Every item is
    /// checked against the store as it is now; an item named twice is stale the second time.
    pub fn plan_batch(&self, batch: &Batch) -> (Vec<Change>, BatchOutcome) {
        let (batch, mut outcome) = self.name_items(batch);
        let batch = &*batch;
        let mut changes = Vec::with_capacity(batch.len());
        let mut undo = Vec::new();
        let mut seen = vec![false; self.items.len()];
        let mut plan = |action: Action, version: u32| {
            let item = action.item();
            let first = seen
                .get_mut(item.index())
                .map(|s| !std::mem::replace(s, true));
            let checked = match first {
                Some(false) => Err(ActionError::StaleVersion {
                    expected: version,
                    actual: version + 1,
                }),
                _ => self.change(&action, Some(version)),
            };
            match checked {
                Ok(change) => {
                    let it = &self.items[item.index()];
                    let record = it.record.map(|r| (r, self.records[r.index()].disabled));
                    if let Action::Restore {
                        status,
                        record,
                        enable,
                        ..
                    } = action.undo_from(item, it.status, record)
                    {
                        undo.push((item, change.version, status, record, enable));
                    }
                    changes.push(change);
                }
                Err(ActionError::StaleVersion { .. }) => outcome.stale.push(item),
                Err(error) => outcome.refused.push((item, error)),
            }
        };
        self.each_action(batch, &mut plan);
        outcome.changed = changes.len() as u32;
        outcome.undo = (!undo.is_empty()).then_some(Batch::Restore { items: undo });
        self.plan_rule(batch, &mut outcome);
        let left = outcome
            .stale
            .iter()
            .chain(outcome.refused.iter().map(|(id, _)| id));
        outcome.names = self.names(left);
        (changes, outcome)
    }

    /// A rule batch's rule and undo: a new rule is saved under the next id, and undone by
    /// deleting it and putting its items back; a rule set (in)active is undone by setting it
    /// back. The items of a rule that cannot be saved, or is so already, are still put back.
    fn plan_rule(&self, batch: &Batch, outcome: &mut BatchOutcome) {
        let restore = |undo: Option<Batch>| match undo {
            Some(Batch::Restore { items }) => items,
            _ => Vec::new(),
        };
        match batch {
            Batch::AddRule { rule, .. } => {
                if rule.problem().is_some() || self.check_integration(rule.integration).is_err() {
                    return;
                }
                let id = RuleId(self.rules.len() as u32);
                outcome.rule = Some(Rule {
                    id,
                    rule: rule.clone(),
                    active: true,
                });
                outcome.undo = Some(Batch::SetRule {
                    id,
                    active: false,
                    items: restore(outcome.undo.take()),
                });
            }
            Batch::SetRule { id, active, .. } => {
                outcome.rule = self.rule_set(*id, *active);
                let items = restore(outcome.undo.take());
                outcome.undo =
                    (outcome.rule.is_some() || !items.is_empty()).then_some(Batch::SetRule {
                        id: *id,
                        active: !*active,
                        items,
                    });
            }
            _ => {}
        }
    }

    /// Calls `plan` with each item's action and the version it was read at. An Exclude disables
    /// the record only of an item that has one; a Rematch of a batch never disables the
    /// previous record.
    fn each_action(&self, batch: &Batch, plan: &mut impl FnMut(Action, u32)) {
        match batch {
            Batch::Exclude {
                disable_record,
                items,
            } => {
                for &(item, version) in items {
                    // Disable the record only of an item that has one.
                    let has_record = self
                        .items
                        .get(item.index())
                        .is_some_and(|i| i.record.is_some());
                    let action = Action::Exclude {
                        item,
                        disable_record: *disable_record && has_record,
                    };
                    plan(action, version);
                }
            }
            Batch::Include { items } => {
                for &(item, version) in items {
                    plan(Action::Include { item }, version);
                }
            }
            Batch::Rematch { items } => {
                for &(item, record, version) in items {
                    let action = Action::Rematch {
                        item,
                        record,
                        disable_previous: false,
                    };
                    plan(action, version);
                }
            }
            Batch::AddRule {
                rule,
                items: Some(items),
                ..
            } => self.each_action(
                &Batch::Exclude {
                    disable_record: rule.disable_record,
                    items: items.clone(),
                },
                plan,
            ),
            Batch::Restore { items } | Batch::SetRule { items, .. } => {
                for &(item, version, status, record, enable) in items {
                    let action = Action::Restore {
                        item,
                        status,
                        record,
                        enable,
                    };
                    plan(action, version);
                }
            }
            Batch::ExcludeMatching { .. }
            | Batch::IncludeMatching { .. }
            | Batch::AddRule { items: None, .. } => {
                unreachable!("a batch naming its items by a list was listed above")
            }
        }
    }
}

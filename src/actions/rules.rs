//! Saving and deleting exclusion rules: rule batches sent through the one write path, their
//! undo offered, and what the screen says.

use std::sync::Arc;

use sync_core::{Batch, NewRule, Rule, RulePreview};

use crate::actions::bulk::{left_alone, were, Names, Summary};
use crate::actions::screen::Screen;
use crate::actions::write::write_batch;
use crate::data::{Api, BatchBody};
use crate::ui::format::items;

/// Saves `rule` as `preview` showed it: the items it counted are excluded (those changed since
/// are left as they are), and Undo deletes the rule and puts them back. Retrying with the same
/// `key` saves it once. On failure, says why (nothing changed).
pub async fn save_rule(
    api: Api,
    screen: Screen,
    rule: NewRule,
    preview: &RulePreview,
    key: &str,
) -> Result<(), String> {
    let described = rule.describe();
    let batch = Batch::AddRule {
        rule,
        as_of: preview.as_of,
        items: None,
    };
    let outcome = write_batch(api, screen, BatchBody::Built(Arc::new(batch)), key).await?;
    let names = Arc::new(Names::new(
        preview
            .items
            .iter()
            .map(|i| (i.id, i.name.clone()))
            .collect(),
    ));
    let mut said = format!(
        "Rule saved ({described}): {} excluded",
        items(outcome.changed)
    );
    if !outcome.stale.is_empty() {
        said += &format!(
            "; {} changed by someone else since the preview and left as they are",
            were(outcome.stale.len())
        );
    }
    said.push('.');
    let left = left_alone(&names, &outcome);
    if let Some(undo) = outcome.undo {
        screen.undo().offer_batch(undo, names);
    }
    screen.summarised(Summary { said, left });
    Ok(())
}

/// Deletes `rule`: it no longer applies to new items; the items it excluded stay excluded.
/// Undo puts it back in force.
pub async fn delete_rule(api: Api, screen: Screen, rule: &Rule, key: &str) -> Result<(), String> {
    let batch = Batch::SetRule {
        id: rule.id,
        active: false,
        items: Vec::new(),
    };
    let outcome = write_batch(api, screen, BatchBody::Built(Arc::new(batch)), key).await?;
    let said = match outcome.rule {
        Some(_) => format!(
            "Rule deleted ({}): new items are no longer excluded by it; the items it excluded \
             stay excluded.",
            rule.rule.describe()
        ),
        None => "The rule had already been deleted.".to_owned(),
    };
    if let Some(undo) = outcome.undo {
        screen.undo().offer_batch(undo, Arc::default());
    }
    screen.changed(said);
    Ok(())
}

/// What Undo says after putting a rule batch's items back (`rule` as it is now).
pub fn undone(rule: &Rule, changed: u32) -> String {
    if rule.active {
        format!(
            "Undone: the rule ({}) is in force again",
            rule.rule.describe()
        )
    } else {
        format!(
            "Undone: the rule ({}) is deleted and {} put back as before",
            rule.rule.describe(),
            items(changed)
        )
    }
}

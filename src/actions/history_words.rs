//! A change from an item's history in words, as the History dialog lists it and as a refused
//! write names the change it ran into.

use chrono::{DateTime, Utc};
use sync_core::time::relative;
use sync_core::{HistoryEntry, HistoryPage, RecordId, What};

use crate::ui::format::grouped;

/// How the change was made, in words ("Exclude (12 items at once)", "Sync run 42").
pub fn what_made(entry: &HistoryEntry) -> String {
    let many = |verb: &str| match entry.count {
        0 | 1 => verb.to_owned(),
        n => format!("{verb} ({} items at once)", grouped(n)),
    };
    match entry.what {
        What::Rematch => many("Re-match"),
        What::Exclude => many("Exclude"),
        What::Include => many("Include"),
        What::Restore => many("Undo or revert"),
        What::Rule => match entry.rule {
            Some(rule) => many(&format!("Exclusion rule #{rule}")),
            None => many("Exclusion rule"),
        },
        What::Run => match &entry.run {
            Some(run) => format!("Sync run {run}"),
            None => "Sync run".to_owned(),
        },
    }
}

/// The name of record `id` among those `page` names ("record #12" when it names none).
pub fn record_name(page: &HistoryPage, id: RecordId) -> String {
    (page.records.iter())
        .find(|r| r.id == id)
        .map_or_else(|| format!("record #{id}"), |r| r.name.clone())
}

/// The item's newest change as a sentence ("The latest change: Matched → Excluded, by Bo ·
/// Exclude, 2 minutes ago."), when `page` (newest first) has one.
pub fn latest_change(page: &HistoryPage, now: DateTime<Utc>) -> Option<String> {
    let entry = page.entries.first()?;
    Some(format!(
        "The latest change: {}, by {} · {}, {}.",
        entry.describe(|id| record_name(page, id)),
        entry.actor,
        what_made(entry),
        relative(entry.time, now)
    ))
}

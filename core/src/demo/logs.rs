//! Sync log entries over the last 30 days.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::model::{Integration, LogEntry, LogLevel, SyncStatus, SyncedItem};

/// How far back the log goes.
const HISTORY_DAYS: i64 = 30;

/// The log of one integration's sync runs, one run every `every` hours up to its last successful
/// sync; an integration whose last sync is more than a day old has failed every run since.
pub fn entries(
    rng: &mut Rng,
    integration: &Integration,
    items: &[SyncedItem],
    every: i64,
    now: DateTime<Utc>,
) -> Vec<LogEntry> {
    let mine: Vec<&SyncedItem> = items
        .iter()
        .filter(|i| i.integration == integration.id)
        .collect();
    let unsynced: Vec<&SyncedItem> = mine
        .iter()
        .copied()
        .filter(|i| i.status == SyncStatus::NotSynced)
        .collect();
    let mut log = Log {
        integration,
        entries: Vec::new(),
    };
    let start = now - Duration::days(HISTORY_DAYS);
    let step = Duration::hours(every);
    let mut end = integration.last_synced;
    while end > start {
        let took = Duration::seconds(rng.i64(40..600));
        let begun = end - took;
        log.write(begun, LogLevel::Info, "Sync started".to_owned(), None);
        if rng.f64() < 0.04 {
            let message = format!(
                "Sync failed: {} API returned HTTP 503 (Service Unavailable); will retry at the next run",
                integration.product.label()
            );
            log.write(end, LogLevel::Error, message, None);
        } else {
            if rng.f64() < 0.1 {
                let message = "Rate limit reached (HTTP 429); paused for 60 s".to_owned();
                log.write(begun + took / 3, LogLevel::Warning, message, None);
            }
            if !unsynced.is_empty() && rng.f64() < 0.35 {
                let item = unsynced[rng.usize(..unsynced.len())];
                let message = format!(
                    "{} \"{}\" has no matching portal record; left Not Synced",
                    item.resource_type.label(),
                    item.name
                );
                log.write(begun + took / 2, LogLevel::Warning, message, Some(item));
            }
            let changed = rng.usize(..=mine.len().min(40));
            let message = format!(
                "Sync completed in {} s: {} items checked, {} updated",
                took.num_seconds(),
                mine.len(),
                changed
            );
            log.write(end, LogLevel::Info, message, None);
        }
        end -= step + Duration::minutes(rng.i64(-9..9));
    }
    let mut failing = integration.last_synced + step;
    while now - integration.last_synced > Duration::days(1) && failing < now {
        log.write(failing, LogLevel::Info, "Sync started".to_owned(), None);
        let message = format!(
            "Sync failed: {} rejected the API credentials (HTTP 401); update them in the integration settings",
            integration.product.label()
        );
        log.write(
            failing + Duration::seconds(4),
            LogLevel::Error,
            message,
            None,
        );
        failing += step;
    }
    log.entries
}

struct Log<'a> {
    integration: &'a Integration,
    entries: Vec<LogEntry>,
}

impl Log<'_> {
    fn write(
        &mut self,
        time: DateTime<Utc>,
        level: LogLevel,
        message: String,
        item: Option<&SyncedItem>,
    ) {
        self.entries.push(LogEntry {
            time,
            integration: self.integration.id,
            level,
            message,
            item: item.map(|i| i.id),
        });
    }
}

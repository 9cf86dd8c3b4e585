//! Export of the Sync Logs window: every entry its filters match (not only the page shown), as
//! CSV a spreadsheet opens safely.

use sync_core::{LogEntry, LogItem, LogPage, LogQuery};

use crate::actions::export::PAGE;
use crate::data::{Answer, Backend};
use crate::ui::csv::{neutralised, record};

/// The columns.
const HEADER: [&str; 4] = ["Time", "Level", "Message", "Item"];

/// Every entry `query` matches, newest first, fetched a page at a time; `progress` hears how many
/// of how many so far.
pub async fn all_entries(
    backend: &dyn Backend,
    query: &LogQuery,
    progress: &dyn Fn(u32, u32),
) -> Answer<LogPage> {
    let mut all = LogPage::default();
    loop {
        let page = backend
            .log_page(LogQuery {
                offset: all.entries.len() as u32,
                limit: PAGE,
                ..query.clone()
            })
            .await?;
        let done = page.entries.is_empty();
        all.total = page.total;
        all.entries.extend(page.entries);
        all.items.extend(page.items);
        progress(all.entries.len() as u32, all.total);
        if done || all.entries.len() as u32 >= all.total {
            return Ok(all);
        }
    }
}

/// The entries as CSV (RFC 4180), a header row first: the time (RFC 3339, UTC), the level, the
/// message and the name of the item it is about.
pub fn csv(entries: &[LogEntry], items: &[LogItem]) -> String {
    let mut out = String::new();
    record(&mut out, HEADER);
    for entry in entries {
        let item = entry
            .item
            .and_then(|id| items.iter().find(|i| i.id == id))
            .map_or("", |i| i.name.as_str());
        record(
            &mut out,
            [
                entry.time.to_rfc3339().as_str(),
                entry.level.label(),
                &neutralised(&entry.message),
                &neutralised(item),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use sync_core::{ClientId, IntegrationId, ItemId, LogEntry, LogItem, LogLevel};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::csv;

    #[wasm_bindgen_test]
    fn writes_time_level_message_and_item_quoting_and_neutralising() {
        let entry = |message: &str, item| LogEntry {
            time: Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).unwrap(),
            integration: IntegrationId(0),
            level: LogLevel::Warning,
            message: message.to_owned(),
            item,
        };
        let items = [LogItem {
            id: ItemId(4),
            name: "=cmd".to_owned(),
            client: ClientId(1),
        }];
        let out = csv(
            &[
                entry("Device \"A\", left Not Synced", Some(ItemId(4))),
                entry("Sync started", None),
            ],
            &items,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Time,Level,Message,Item");
        assert_eq!(
            lines[1],
            "2026-12-01T08:30:00+00:00,Warning,\"Device \"\"A\"\", left Not Synced\",'=cmd"
        );
        assert_eq!(lines[2], "2026-12-01T08:30:00+00:00,Warning,Sync started,");
    }
}

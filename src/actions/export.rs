//! Export of the Sync Status list: every item the current view matches (not only the rows in
//! view), as CSV a spreadsheet opens safely.

use futures::stream::{self, StreamExt};
use sync_core::{ItemQuery, ItemView};

use crate::data::{Answer, Backend};
use crate::ui::csv::{neutralised, record};

/// The columns, as the list names them.
const HEADER: [&str; 5] = ["Name", "Source ID", "Type", "Status", "Matched record"];

/// Items fetched per request while exporting (the HTTP API's largest page).
pub const PAGE: u32 = 10_000;

/// Pages asked for at once: the server works out the next page while the browser reads one.
const PAGES_AT_ONCE: usize = 2;

/// Every item `list` matches, in its order, fetched a page at a time, two pages in flight;
/// `progress` hears how many of how many so far (a `dyn`, so that its every caller shares one
/// copy of this code).
pub async fn all_items(
    backend: &dyn Backend,
    list: &ItemQuery,
    progress: &dyn Fn(u32, u32),
) -> Answer<Vec<ItemView>> {
    let page_at = |offset: u32| {
        backend.items(ItemQuery {
            offset,
            limit: PAGE,
            ..list.clone()
        })
    };
    let first = page_at(0).await?;
    let mut total = first.total;
    let mut items = first.items;
    progress(items.len() as u32, total);
    // The pages after the first, when the backend gives whole pages (else one at a time below).
    let ahead = if items.len() as u32 == PAGE { total } else { 0 };
    let mut pages = stream::iter((PAGE..ahead).step_by(PAGE as usize))
        .map(page_at)
        .buffered(PAGES_AT_ONCE);
    while let Some(page) = pages.next().await {
        let page = page?;
        let done = page.items.is_empty();
        items.extend(page.items);
        total = page.total;
        progress(items.len() as u32, total);
        if done {
            return Ok(items);
        }
    }
    // The rest (items added while reading, or pages smaller than asked for), one at a time.
    while (items.len() as u32) < total {
        let page = page_at(items.len() as u32).await?;
        if page.items.is_empty() {
            break;
        }
        items.extend(page.items);
        total = page.total;
        progress(items.len() as u32, total);
    }
    Ok(items)
}

/// The items as CSV (RFC 4180), a header row first (written by [`crate::ui::csv`]).
pub fn csv(items: &[ItemView]) -> String {
    let mut out = String::new();
    record(&mut out, HEADER);
    for item in items {
        let matched = item.record.as_ref().map_or("", |r| r.name.as_str());
        record(
            &mut out,
            [
                &neutralised(&item.name),
                &neutralised(&item.source_id),
                item.resource_type.label(),
                item.status.label(),
                &neutralised(matched),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use sync_core::{ItemId, RecordId, RecordView, ResourceType, SyncStatus};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::csv;

    fn item(name: &str, record: Option<&str>) -> sync_core::ItemView {
        sync_core::ItemView {
            id: ItemId(1),
            name: name.to_owned(),
            source_id: "=HYPERLINK(\"x\")".to_owned(),
            resource_type: ResourceType::Device,
            status: SyncStatus::Matched,
            record: record.map(|name| RecordView {
                id: RecordId(2),
                name: name.to_owned(),
                disabled: false,
            }),
            version: 0,
            missing_since: None,
            twin: None,
            source_url: None,
        }
    }

    #[wasm_bindgen_test]
    fn quotes_what_needs_quoting_and_neutralises_formulas() {
        let out = csv(&[
            item("Smith, \"Jo\"", Some("+1 555")),
            item("line\nbreak", None),
        ]);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], "Name,Source ID,Type,Status,Matched record");
        assert_eq!(
            lines[1],
            "\"Smith, \"\"Jo\"\"\",\"'=HYPERLINK(\"\"x\"\")\",Device,Matched,'+1 555"
        );
        // A line break inside a quoted field stays as it was; records end with CRLF.
        assert!(lines[2].starts_with("\"line\nbreak\","));
        assert_eq!(lines[3], "");
    }

    #[wasm_bindgen_test]
    fn an_empty_list_is_its_header() {
        assert_eq!(csv(&[]), "Name,Source ID,Type,Status,Matched record\r\n");
    }
}

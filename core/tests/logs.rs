//! The Sync Logs query: level, client and text narrow the entries, newest first, in pages, with
//! the items they are about, over 100,000 entries too (timed by the benchmark, `benches/queries.rs`).

mod common;

use chrono::Duration;
use common::*;
use sync_core::{Dataset, LogEntry, LogLevel, LogQuery, Store};

fn query(text: &str) -> LogQuery {
    LogQuery {
        integration: CW,
        from: at(1, 0),
        to: at(30, 0),
        level: None,
        client: None,
        text: text.to_owned(),
        offset: 0,
        limit: 100,
    }
}

/// The fixture, with two more ConnectWise lines about items of two clients.
fn store() -> Store {
    let mut data: Dataset = dataset();
    let about = |hour, item: sync_core::ItemId, message: &str| LogEntry {
        time: at(24, hour),
        integration: CW,
        level: LogLevel::Warning,
        message: message.to_owned(),
        item: Some(item),
    };
    data.logs
        .push(about(12, DC01, "CONTOSO-DC01 has no matching record"));
    data.logs.push(about(13, FAB_WS01, "FAB-WS01 was renamed"));
    Store::new(data).unwrap()
}

fn messages(page: &sync_core::LogPage) -> Vec<&str> {
    page.entries.iter().map(|e| e.message.as_str()).collect()
}

#[test]
fn level_client_and_text_narrow_the_entries_newest_first() {
    let store = store();
    let all = store.log_page(&query("")).unwrap();
    assert_eq!(all.total, 5);
    assert_eq!(messages(&all)[0], "FAB-WS01 was renamed");
    let warnings = store
        .log_page(&LogQuery {
            level: Some(LogLevel::Warning),
            ..query("")
        })
        .unwrap();
    assert_eq!(
        messages(&warnings),
        [
            "FAB-WS01 was renamed",
            "CONTOSO-DC01 has no matching record",
            "Rate limit reached"
        ]
    );
    let contoso = store
        .log_page(&LogQuery {
            client: Some(CONTOSO),
            ..query("")
        })
        .unwrap();
    assert_eq!(messages(&contoso), ["CONTOSO-DC01 has no matching record"]);
    assert_eq!(contoso.items.len(), 1);
    assert_eq!(
        (contoso.items[0].id, contoso.items[0].client),
        (DC01, CONTOSO)
    );
    assert_eq!(contoso.items[0].name, "CONTOSO-DC01");
    // Text, case aside; a name with accents too.
    assert_eq!(
        messages(&store.log_page(&query("sYnC")).unwrap()),
        ["Sync completed", "Sync started"]
    );
    assert_eq!(store.log_page(&query("nothing like it")).unwrap().total, 0);
    // Pages.
    let second = store
        .log_page(&LogQuery {
            offset: 1,
            limit: 2,
            ..query("")
        })
        .unwrap();
    assert_eq!((second.total, second.entries.len()), (5, 2));
    assert_eq!(messages(&second)[0], "CONTOSO-DC01 has no matching record");
    // The range is [from, to).
    let before = store
        .log_page(&LogQuery {
            to: at(24, 10),
            ..query("")
        })
        .unwrap();
    assert_eq!(messages(&before), ["Rate limit reached", "Sync started"]);
}

#[test]
fn text_matches_names_beyond_ascii() {
    let mut data = dataset();
    data.logs.push(LogEntry {
        time: at(24, 12),
        integration: CW,
        level: LogLevel::Info,
        message: "Müller GmbH: ÉTÉ-PC renamed".to_owned(),
        item: None,
    });
    let store = Store::new(data).unwrap();
    assert_eq!(store.log_page(&query("été-pc")).unwrap().total, 1);
    assert_eq!(store.log_page(&query("MÜLLER")).unwrap().total, 1);
}

#[test]
fn a_hundred_thousand_entries_narrowed_by_text_level_and_client() {
    let mut data = dataset();
    data.logs.retain(|e| e.integration != CW);
    let levels = [LogLevel::Info, LogLevel::Warning, LogLevel::Error];
    for n in 0..100_000u32 {
        data.logs.push(LogEntry {
            time: at(1, 0) + Duration::seconds(i64::from(n) * 20),
            integration: CW,
            level: levels[n as usize % 3],
            message: format!(
                "Configuration \"HOST-{n:05}\" has no matching portal record; left Not Synced"
            ),
            item: (n % 2 == 0).then_some(DC01),
        });
    }
    let store = Store::new(data).unwrap();
    let text = store
        .log_page(&LogQuery {
            to: at(30, 0),
            ..query("host-0999")
        })
        .unwrap();
    let narrowed = store
        .log_page(&LogQuery {
            level: Some(LogLevel::Error),
            client: Some(CONTOSO),
            ..query("record")
        })
        .unwrap();
    assert_eq!(text.total, 10);
    assert_eq!(narrowed.total, 16_667);
}

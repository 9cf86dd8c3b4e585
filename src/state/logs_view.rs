//! The Sync Logs window as part of the view: whether it is open, and its filters (date range,
//! level, client, text), read from and written to the URL query (`?logs=open&logs_from=…`)
//! like the rest of the view, so that a reload or a shared link opens it as it was.

use chrono::{Duration, NaiveDate};
use sync_core::{ClientId, LogLevel};

use crate::ui::format::{date_value, parse_date, today};

/// Days the window shows when no date range was chosen.
pub const DEFAULT_DAYS: i64 = 7;

/// The open Sync Logs window's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogsView {
    /// From this day (none: [`DEFAULT_DAYS`] ago).
    pub from: Option<NaiveDate>,
    /// To this day, included (none: today).
    pub to: Option<NaiveDate>,
    /// Only this level.
    pub level: Option<LogLevel>,
    /// Only entries about an item of this client.
    pub client: Option<ClientId>,
    /// Text the messages contain.
    pub text: String,
}

/// Its keys in a URL query, in the order they are written.
pub const LOG_KEYS: [&str; 6] = [
    "logs",
    "logs_from",
    "logs_to",
    "logs_level",
    "logs_client",
    "logs_text",
];

impl LogsView {
    /// The window as `get` (a URL query) describes it: none when `logs` is not there.
    pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Option<Self> {
        get("logs")?;
        let text = |key: &str| get(key).map(|v| v.trim().to_owned());
        Some(Self {
            from: text("logs_from").as_deref().and_then(parse_date),
            to: text("logs_to").as_deref().and_then(parse_date),
            level: text("logs_level").as_deref().and_then(LogLevel::from_slug),
            client: text("logs_client")
                .and_then(|c| c.parse().ok())
                .map(ClientId),
            text: get("logs_text").unwrap_or_default(),
        })
    }

    /// The window as (key, value) pairs for a URL query, leaving out what is at its default.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("logs", Some("open".to_owned())),
            ("logs_from", self.from.map(date_value)),
            ("logs_to", self.to.map(date_value)),
            ("logs_level", self.level.map(|l| l.slug().to_owned())),
            ("logs_client", self.client.map(|c| c.0.to_string())),
            (
                "logs_text",
                (!self.text.is_empty()).then(|| self.text.clone()),
            ),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .collect()
    }

    /// Whether a level, client or text narrows the entries.
    pub fn narrowed(&self) -> bool {
        self.level.is_some() || self.client.is_some() || !self.text.trim().is_empty()
    }

    /// The date range shown: the chosen days, else the last [`DEFAULT_DAYS`] days.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        let to = self.to.unwrap_or_else(today);
        (self.from.unwrap_or(to - Duration::days(DEFAULT_DAYS)), to)
    }
}

#[cfg(test)]
mod tests {
    use super::LogsView;
    use chrono::NaiveDate;
    use sync_core::{ClientId, LogLevel};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn round_trips_through_a_query_and_is_closed_without_its_key() {
        let full = LogsView {
            from: NaiveDate::from_ymd_opt(2026, 11, 1),
            to: NaiveDate::from_ymd_opt(2026, 11, 30),
            level: Some(LogLevel::Warning),
            client: Some(ClientId(4)),
            text: " rate limit".to_owned(),
        };
        for view in [LogsView::default(), full] {
            let pairs = view.to_pairs();
            let get = |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
            };
            assert_eq!(LogsView::from_lookup(&get), Some(view));
        }
        assert_eq!(LogsView::from_lookup(&|_: &str| None), None);
    }
}

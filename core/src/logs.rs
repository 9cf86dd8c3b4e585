//! The Sync Logs query: an integration's log entries in a time range, narrowed by level, client
//! and text, newest first, a page at a time, with the items they are about.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{ClientId, IntegrationId, ItemId, LogEntry, LogLevel};
use crate::store::{QueryError, Store};

/// Which log entries to show.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LogQuery {
    /// The integration.
    pub integration: IntegrationId,
    /// Written at or after this time.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub from: DateTime<Utc>,
    /// Written before this time.
    #[serde(deserialize_with = "crate::time::rfc3339")]
    pub to: DateTime<Utc>,
    /// Only this level.
    #[serde(default)]
    pub level: Option<LogLevel>,
    /// Only entries about an item of this client.
    #[serde(default)]
    pub client: Option<ClientId>,
    /// Text the message contains, case aside; empty matches every message.
    #[serde(default)]
    pub text: String,
    /// How many matching entries to skip.
    #[serde(default)]
    pub offset: u32,
    /// At most this many entries.
    pub limit: u32,
}

/// An item a log entry is about: enough to show it in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogItem {
    /// The item.
    pub id: ItemId,
    /// Its name now.
    pub name: String,
    /// Its client.
    pub client: ClientId,
}

/// A page of log entries, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPage {
    /// The entries.
    pub entries: Vec<LogEntry>,
    /// How many entries match in all.
    pub total: u32,
    /// The items the page's entries are about.
    pub items: Vec<LogItem>,
}

/// Finds a lower-cased needle in messages, case aside: ASCII messages are lower-cased into one
/// reused buffer and searched with memchr's `memmem` (no allocation per message); others go
/// through `to_lowercase`.
struct Matcher<'a> {
    finder: memchr::memmem::Finder<'a>,
    empty: bool,
    buffer: Vec<u8>,
}

impl<'a> Matcher<'a> {
    fn new(needle: &'a str) -> Self {
        Self {
            finder: memchr::memmem::Finder::new(needle.as_bytes()),
            empty: needle.is_empty(),
            buffer: Vec::new(),
        }
    }

    fn matches(&mut self, message: &str) -> bool {
        if self.empty {
            return true;
        }
        if message.is_ascii() {
            self.buffer.clear();
            self.buffer
                .extend(message.bytes().map(|b| b.to_ascii_lowercase()));
            return self.finder.find(&self.buffer).is_some();
        }
        self.finder
            .find(message.to_lowercase().as_bytes())
            .is_some()
    }
}

impl Store {
    /// The page of the integration's log entries `query` asks for, newest first.
    pub fn log_page(&self, query: &LogQuery) -> Result<LogPage, QueryError> {
        let all = self.logs_between(query.integration, query.from, query.to)?;
        let needle = query.text.trim().to_lowercase();
        let mut text = Matcher::new(&needle);
        let client_of = |entry: &LogEntry| {
            let item = entry.item?;
            self.items.get(item.index()).map(|i| i.client)
        };
        let matching = all.iter().rev().filter(|e| {
            query.level.is_none_or(|level| e.level == level)
                && query
                    .client
                    .is_none_or(|client| client_of(e) == Some(client))
                && text.matches(&e.message)
        });
        let mut total = 0u32;
        let mut entries = Vec::new();
        for entry in matching {
            if total >= query.offset && entries.len() < query.limit as usize {
                entries.push(entry.clone());
            }
            total += 1;
        }
        let mut ids: Vec<ItemId> = entries.iter().filter_map(|e| e.item).collect();
        ids.sort_unstable();
        ids.dedup();
        let items = ids
            .into_iter()
            .filter_map(|id| self.items.get(id.index()))
            .map(|i| LogItem {
                id: i.id,
                name: i.name.clone(),
                client: i.client,
            })
            .collect();
        Ok(LogPage {
            entries,
            total,
            items,
        })
    }
}

//! The items' history as stored: a page of one item's entries, newest first; and retention, of
//! the history and of the sync logs.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sync_core::{HistoryEntry, HistoryPage, ItemId};

use super::columns::{number, stored};
use super::error::DbError;
use super::pool::Db;
use super::rows::history_time;

impl Db {
    /// Up to `limit` entries of `item`, newest first, made before change `before` when given;
    /// the page's records are left for the caller to name.
    pub async fn history(
        &self,
        item: ItemId,
        before: Option<u64>,
        limit: u32,
    ) -> Result<HistoryPage, DbError> {
        let item_id = i64::from(item.0);
        let before = before.map(stored).transpose()?.unwrap_or(i64::MAX);
        let rows = sqlx::query(
            "SELECT seq, entry FROM history WHERE item = $1 AND seq < $2 \
             ORDER BY seq DESC LIMIT $3",
        )
        .bind(item_id)
        .bind(before)
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let total = sqlx::query("SELECT COUNT(*) AS n FROM history WHERE item = $1")
            .bind(item_id)
            .fetch_one(&self.pool)
            .await?;
        let mut entries = Vec::with_capacity(rows.len());
        for row in &rows {
            let text: String = row.try_get("entry")?;
            let mut entry: HistoryEntry =
                serde_json::from_str(&text).map_err(|e| DbError::Corrupt(e.to_string()))?;
            entry.seq = number(row, "seq")?;
            entries.push(entry);
        }
        let more = entries.len() > limit as usize;
        entries.truncate(limit as usize);
        Ok(HistoryPage {
            next: more.then(|| entries.last().map(|e| e.seq)).flatten(),
            entries,
            records: Vec::new(),
            total: number(&total, "n")?,
        })
    }

    /// Removes the sync log lines written before `time` (retention); returns how many.
    pub async fn trim_logs(&self, time: DateTime<Utc>) -> Result<u64, DbError> {
        let done = sqlx::query("DELETE FROM logs WHERE time < $1")
            .bind(time.to_rfc3339())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Removes the history entries made before `time` (retention); returns how many.
    pub async fn trim_history(&self, time: DateTime<Utc>) -> Result<u64, DbError> {
        let done = sqlx::query("DELETE FROM history WHERE time < $1")
            .bind(history_time(time))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

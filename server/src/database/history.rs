//! The items' history as stored: a page of one item's entries, newest first; and retention, of
//! the history and of the sync logs.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;
use sync_core::{HistoryEntry, HistoryPage, ItemId, RecordId, RuleId, Snapshot};

use super::columns::{number, optional_number, stored, time, untag};
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
            "SELECT seq, time, actor, what, count, rule, run, before_status, before_record, \
             before_missing, after_status, after_record, after_missing, name, renamed_from \
             FROM history WHERE item = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3",
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
            entries.push(entry(item, row)?);
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

/// One history row as its entry.
fn entry(item: ItemId, row: &AnyRow) -> Result<HistoryEntry, DbError> {
    let name: String = row.try_get("name")?;
    let renamed: Option<String> = row.try_get("renamed_from")?;
    let flag = |column| -> Result<bool, DbError> { Ok(number::<u8>(row, column)? != 0) };
    let before = match row.try_get::<Option<String>, _>("before_status")? {
        Some(status) => Some(Snapshot {
            name: renamed.unwrap_or_else(|| name.clone()),
            status: untag(&status)?,
            record: optional_number(row, "before_record")?.map(RecordId),
            missing: optional_number::<u8>(row, "before_missing")?.is_some_and(|m| m != 0),
        }),
        None => None,
    };
    Ok(HistoryEntry {
        item,
        seq: number(row, "seq")?,
        time: time(&row.try_get::<String, _>("time")?)?,
        actor: row.try_get("actor")?,
        what: untag(&row.try_get::<String, _>("what")?)?,
        count: number(row, "count")?,
        rule: optional_number(row, "rule")?.map(RuleId),
        run: row.try_get("run")?,
        before,
        after: Snapshot {
            status: untag(&row.try_get::<String, _>("after_status")?)?,
            record: optional_number(row, "after_record")?.map(RecordId),
            missing: flag("after_missing")?,
            name,
        },
    })
}

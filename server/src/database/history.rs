//! The items' history as stored: a page of one item's entries, newest first; and retention, of
//! the history and of the sync logs.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;
use sync_core::{HistoryEntry, HistoryPage, ItemId, RecordId, RuleId, Snapshot};

use super::columns::{number, optional_number, stored, time, untag};
use super::error::DbError;
use super::history_rows::history_time;
use super::pool::Db;

impl Db {
    /// Up to `limit` entries of `item`, newest first, made before change `before` when given;
    /// the page's records are left for the caller to name. Each entry's names are worked back
    /// from the item's name now, through the renames.
    pub async fn history(
        &self,
        item: ItemId,
        before: Option<u64>,
        limit: u32,
    ) -> Result<HistoryPage, DbError> {
        let item_id = i64::from(item.0);
        let before = before.map(stored).transpose()?.unwrap_or(i64::MAX);
        let rows = sqlx::query(
            "SELECT h.seq, w.time, w.actor, w.what, w.count, w.rule, w.run, h.state_before, \
             h.state_after, h.renamed_from FROM history h \
             JOIN history_writes w ON w.seq = h.seq \
             WHERE h.item = $1 AND h.seq < $2 ORDER BY h.seq DESC LIMIT $3",
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
        let mut name = self.name_before(item_id, before).await?;
        let mut entries = Vec::with_capacity(rows.len());
        for row in &rows {
            entries.push(entry(item, row, &mut name)?);
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

    /// The name `item` had just before change `before`: its name now, or the name the oldest
    /// rename since then renamed it from.
    async fn name_before(&self, item: i64, before: i64) -> Result<String, DbError> {
        let renamed = sqlx::query(
            "SELECT renamed_from FROM history WHERE item = $1 AND seq >= $2 \
             AND renamed_from IS NOT NULL ORDER BY seq LIMIT 1",
        )
        .bind(item)
        .bind(before)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = renamed {
            return Ok(row.try_get("renamed_from")?);
        }
        let now = sqlx::query("SELECT name FROM items WHERE id = $1")
            .bind(item)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match now {
            Some(row) => row.try_get("name")?,
            None => String::new(),
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

    /// Removes the history entries made before `time` (retention), with their writes; returns
    /// how many entries.
    pub async fn trim_history(&self, time: DateTime<Utc>) -> Result<u64, DbError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "DELETE FROM history WHERE seq IN \
             (SELECT seq FROM history_writes WHERE time < $1)",
        )
        .bind(history_time(time))
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM history_writes WHERE time < $1")
            .bind(history_time(time))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}

/// One history row as its entry; `name` is the item's name after it, and becomes its name
/// before it.
fn entry(item: ItemId, row: &AnyRow, name: &mut String) -> Result<HistoryEntry, DbError> {
    let after_name = name.clone();
    if let Some(old) = row.try_get::<Option<String>, _>("renamed_from")? {
        *name = old;
    }
    let before = match row.try_get::<Option<String>, _>("state_before")? {
        Some(text) => Some(snapshot(&text, name.clone())?),
        None => None,
    };
    let after: String = row.try_get("state_after")?;
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
        after: snapshot(&after, after_name)?,
    })
}

/// A state as a history row keeps it (`excluded:12:0`), named `name`.
fn snapshot(text: &str, name: String) -> Result<Snapshot, DbError> {
    let corrupt = || DbError::Corrupt(format!("history state {text:?}"));
    let mut parts = text.split(':');
    let (Some(status), Some(record), Some(missing), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(corrupt());
    };
    Ok(Snapshot {
        name,
        status: untag(status)?,
        record: match record {
            "" => None,
            id => Some(RecordId(id.parse().map_err(|_| corrupt())?)),
        },
        missing: match missing {
            "0" => false,
            "1" => true,
            _ => return Err(corrupt()),
        },
    })
}

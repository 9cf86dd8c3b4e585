//! Committing a write (its changes, the records it needs enabled, the rule it saves and its
//! idempotency record, in one transaction), the stored answers of earlier writes, and what other
//! replicas committed.

use std::collections::BTreeMap;

use chrono::Utc;
use sqlx::Row;
use sync_core::{Change, HistoryEntry, ItemId, RecordId, Rule, SyncStatus};

use super::columns::{number, optional_number, stored, untag};
use super::dialect::ROWS_PER_UPDATE;
use super::error::DbError;
use super::pool::Db;
use crate::events::Payload;

/// A stored response to a write, replayed for a retried request with the same key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// Its HTTP status.
    pub status: u16,
    /// Its JSON body.
    pub body: String,
}

/// A write to commit: the changes sync-core worked out (one item's, or a batch's), each from the
/// version before its new one, the records that must still be enabled, and the idempotency key
/// with its request's fingerprint and the answer to store.
pub struct Write<'a> {
    /// What changes.
    pub changes: &'a [Change],
    /// Records that must still be enabled (those a re-match or restore links to).
    pub enabled: &'a [RecordId],
    /// The idempotency key, the request's fingerprint and the answer to replay.
    pub key: Option<(&'a str, &'a str, &'a Stored)>,
    /// The rule a rule batch saves (new, or set (in)active).
    pub rule: Option<&'a Rule>,
    /// The items' history entries the changes make.
    pub history: &'a [HistoryEntry],
}

/// How a commit ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Committed {
    /// Saved, as change number `seq`.
    Saved(u64),
    /// The item or the record changed since the change was worked out: nothing was saved; catch
    /// up and work it out again.
    Behind,
    /// The idempotency key was taken meanwhile: nothing was saved; replay the stored answer.
    KeyTaken,
}

/// An item's state as stored, for a replica catching up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemState {
    /// The item.
    pub item: ItemId,
    /// Its status.
    pub status: SyncStatus,
    /// Its record.
    pub record: Option<RecordId>,
    /// Its version.
    pub version: u32,
    /// The number of its latest change.
    pub seq: u64,
}

/// What changed after a given change number.
#[derive(Debug, Default)]
pub struct Changes {
    /// The last change number included (read before the rows, so never past them).
    pub head: u64,
    /// The items changed, as they are now.
    pub items: Vec<ItemState>,
    /// The records disabled or enabled, with whether they are disabled now.
    pub records: Vec<(RecordId, bool)>,
    /// The rules saved, as they are now.
    pub rules: Vec<Rule>,
}

impl Db {
    /// The stored answer of an earlier write with this idempotency key, with the fingerprint of
    /// the request it answered.
    pub async fn stored(&self, key: &str) -> Result<Option<(String, Stored)>, DbError> {
        let row = sqlx::query("SELECT fingerprint, status, body FROM idempotency WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => Some((
                row.try_get("fingerprint")?,
                Stored {
                    status: number(&row, "status")?,
                    body: row.try_get("body")?,
                },
            )),
            None => None,
        })
    }

    /// Forgets idempotency keys stored before `before` (seconds since the Unix epoch).
    pub async fn expire_keys(&self, before: i64) -> Result<u64, DbError> {
        let done = sqlx::query("DELETE FROM idempotency WHERE created < $1")
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// What was committed after change number `after`.
    pub async fn changes_after(&self, after: u64) -> Result<Changes, DbError> {
        let head = self.head().await?;
        let mut changes = Changes {
            head,
            ..Changes::default()
        };
        if head <= after {
            return Ok(changes);
        }
        for row in sqlx::query("SELECT id, status, record, version, seq FROM items WHERE seq > $1")
            .bind(stored(after)?)
            .fetch_all(&self.pool)
            .await?
        {
            changes.items.push(ItemState {
                item: ItemId(number(&row, "id")?),
                status: untag(&row.try_get::<String, _>("status")?)?,
                record: optional_number(&row, "record")?.map(RecordId),
                version: number(&row, "version")?,
                seq: number(&row, "seq")?,
            });
        }
        for row in sqlx::query("SELECT id, disabled FROM records WHERE seq > $1")
            .bind(stored(after)?)
            .fetch_all(&self.pool)
            .await?
        {
            changes.records.push((
                RecordId(number(&row, "id")?),
                row.try_get::<i64, _>("disabled")? != 0,
            ));
        }
        changes.rules = self.rules(Some(after)).await?;
        Ok(changes)
    }

    /// Commits the changes in one transaction with their idempotency record, on three conditions:
    /// every item still has the version its change was worked out from, the records they must
    /// link to are still enabled, and the key is free. Otherwise nothing is saved. The
    /// change_head row lock, taken first, puts the writers of every replica in one order.
    pub async fn commit(&self, write: Write<'_>) -> Result<Committed, DbError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("UPDATE change_head SET seq = seq + 1 WHERE id = 1 RETURNING seq")
            .fetch_one(&mut *tx)
            .await?;
        let seq: u64 = number(&row, "seq")?;
        for chunk in write.enabled.chunks(self.dialect.records_per_check) {
            let ids = (1..=chunk.len())
                .map(|p| format!("${p}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql =
                format!("SELECT COUNT(*) AS n FROM records WHERE disabled <> 0 AND id IN ({ids})");
            let mut query = sqlx::query(&sql);
            for record in chunk {
                query = query.bind(i64::from(record.0));
            }
            if query.fetch_one(&mut *tx).await?.try_get::<i64, _>("n")? != 0 {
                tx.rollback().await?;
                return Ok(Committed::Behind);
            }
        }
        if let Some((key, fingerprint, stored)) = write.key {
            let inserted = sqlx::query(
                "INSERT INTO idempotency (key, fingerprint, status, body, created) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING",
            )
            .bind(key)
            .bind(fingerprint)
            .bind(i64::from(stored.status))
            .bind(&stored.body)
            .bind(Utc::now().timestamp())
            .execute(&mut *tx)
            .await?;
            if inserted.rows_affected() == 0 {
                tx.rollback().await?;
                return Ok(Committed::KeyTaken);
            }
        }
        // The items, many per statement, each only at the version its change started from.
        for chunk in write.changes.chunks(ROWS_PER_UPDATE) {
            let mut query = sqlx::query(self.dialect.update_items).bind(stored(seq)?);
            for rows in (self.dialect.item_rows)(chunk) {
                query = query.bind(rows);
            }
            let updated = query.execute(&mut *tx).await?;
            if usize::try_from(updated.rows_affected()) != Ok(chunk.len()) {
                tx.rollback().await?;
                return Ok(Committed::Behind);
            }
        }
        // The records the changes disable or enable; the last change to a record wins.
        let mut flags = BTreeMap::new();
        for change in write.changes {
            let disabled = change.disable.map(|r| (r.0, 1));
            flags.extend(disabled.into_iter().chain(change.enable.map(|r| (r.0, 0))));
        }
        let flags: Vec<(u32, u8)> = flags.into_iter().collect();
        for chunk in flags.chunks(ROWS_PER_UPDATE) {
            sqlx::query(self.dialect.update_records)
                .bind(stored(seq)?)
                .bind(serde_json::to_string(chunk).unwrap_or_default())
                .execute(&mut *tx)
                .await?;
        }
        self.insert_history(&mut tx, write.history.iter().cloned(), seq)
            .await?;
        if let Some(rule) = write.rule {
            if !self.save_rule(&mut tx, rule, seq).await? {
                tx.rollback().await?;
                return Ok(Committed::Behind);
            }
        }
        self.notify(&mut tx, &Payload::write(seq, write.changes, write.rule))
            .await?;
        tx.commit().await?;
        Ok(Committed::Saved(seq))
    }
}

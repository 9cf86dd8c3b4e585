//! The database: SQLite (a file, by default) or PostgreSQL, through sqlx's `Any` driver. It is the
//! source of truth: the store is loaded from it at start-up, and every change is committed to it
//! before the in-memory store is updated.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use sqlx::any::AnyRow;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Row};
use sync_core::{
    Change, Client, ClientId, Dataset, Integration, IntegrationId, ItemId, LogEntry, PortalRecord,
    RecordId, SyncStatus, SyncedItem,
};

/// Why the database failed.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The driver failed.
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// A stored value does not read back.
    #[error("unreadable stored value: {0}")]
    Corrupt(String),
    /// The schema could not be brought up to date.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl DbError {
    /// Whether the database is unreachable or overloaded (worth retrying later), rather than
    /// answering wrongly.
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::Sql(
                sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
                | sqlx::Error::WorkerCrashed,
            ) => true,
            Self::Sql(sqlx::Error::Database(error)) => error.code().is_some_and(|code| {
                // PostgreSQL: connection exceptions (08), too many connections (53), shut down
                // or not accepting connections (57P, 55000); SQLite: busy or locked (5, 6).
                code.starts_with("08")
                    || code.starts_with("53")
                    || code.starts_with("57P")
                    || matches!(code.as_ref(), "55000" | "5" | "6")
            }),
            _ => false,
        }
    }
}

/// The schema's migrations (`server/migrations/`), portable between SQLite and PostgreSQL.
/// On PostgreSQL the migrator holds an advisory lock, so replicas starting together take turns.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a request waits for a database connection before it is told the database is not
/// answering.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

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
}

/// The connection pool.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// The statements written for this database.
    dialect: &'static Dialect,
}

/// Rows per UPDATE of items or records: each statement reads its rows from one JSON parameter
/// (for items `[[id, status, record, version], …]`). Binding four parameters a row instead took
/// 1.15 s for 100,000 items on SQLite (32 rows a statement; SQLite looks each `$n` up by name in
/// a list, so longer statements were slower still); this takes 0.52 s.
const ROWS_PER_UPDATE: usize = 10_000;

/// What differs between SQLite and PostgreSQL; in each UPDATE, `$1` is the change's sequence
/// number and the parameters after it the rows.
#[derive(Debug)]
struct Dialect {
    /// Changes items, each only at the version its change started from, from the parameters
    /// `item_rows` writes.
    update_items: &'static str,
    /// The parameters of `update_items` for these changes.
    item_rows: fn(&[Change]) -> Vec<String>,
    /// Disables or enables records, from `[[id, disabled], …]`.
    update_records: &'static str,
    /// How many records one statement checks are enabled, a parameter each. SQLite looks each
    /// `$n` up by name in a list, so binding time grows with the square of a statement's
    /// parameters; on PostgreSQL long statements were slow too.
    records_per_check: usize,
}

const SQLITE: Dialect = Dialect {
    update_items: "UPDATE items SET status = json_extract(v.value, '$[1]'), \
        record = json_extract(v.value, '$[2]'), version = json_extract(v.value, '$[3]'), \
        seq = $1 FROM json_each($2) AS v WHERE items.id = json_extract(v.value, '$[0]') \
        AND items.version = json_extract(v.value, '$[3]') - 1",
    item_rows: json_rows,
    update_records: "UPDATE records SET disabled = json_extract(v.value, '$[1]'), seq = $1 \
        FROM json_each($2) AS v WHERE records.id = json_extract(v.value, '$[0]')",
    records_per_check: 128,
};

/// On PostgreSQL the items come as four arrays, one per column, unnested side by side, instead of
/// one JSONB array picked apart with `->>` per field: select-all + Exclude of 95,000 items over
/// HTTP went from 1,681 to 829 ms, its Undo from 1,726 to 945 ms.
const POSTGRES: Dialect = Dialect {
    update_items: "UPDATE items SET status = v.status, record = v.record, version = v.version, \
        seq = $1 FROM UNNEST(CAST($2 AS BIGINT[]), CAST($3 AS TEXT[]), CAST($4 AS BIGINT[]), \
        CAST($5 AS BIGINT[])) AS v(id, status, record, version) \
        WHERE items.id = v.id AND items.version = v.version - 1",
    item_rows: array_rows,
    update_records: "UPDATE records SET disabled = (v.value->>1)::BIGINT, seq = $1 \
        FROM jsonb_array_elements(CAST($2 AS JSONB)) AS v(value) \
        WHERE records.id = (v.value->>0)::BIGINT",
    records_per_check: 400,
};

/// The items' rows as one JSON array of `[id, status, record, version]`.
fn json_rows(changes: &[Change]) -> Vec<String> {
    let rows: Vec<_> = changes
        .iter()
        .map(|c| serde_json::json!([c.item.0, tag(&c.status), c.record.map(|r| r.0), c.version]))
        .collect();
    vec![serde_json::Value::Array(rows).to_string()]
}

/// The items' columns as four PostgreSQL array literals: ids, statuses, records (NULL for
/// none), versions. A status is a plain lower-case word, so it needs no quoting.
fn array_rows(changes: &[Change]) -> Vec<String> {
    use std::fmt::Write as _;
    let mut columns: [String; 4] = Default::default();
    for (i, c) in changes.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(columns[0], "{sep}{}", c.item.0);
        let _ = write!(columns[1], "{sep}{}", tag(&c.status));
        let _ = match c.record {
            Some(record) => write!(columns[2], "{sep}{}", record.0),
            None => write!(columns[2], "{sep}NULL"),
        };
        let _ = write!(columns[3], "{sep}{}", c.version);
    }
    columns.into_iter().map(|c| format!("{{{c}}}")).collect()
}

fn tag<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn untag<T: DeserializeOwned>(text: &str) -> Result<T, DbError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| DbError::Corrupt(text.to_owned()))
}

fn time(text: &str) -> Result<DateTime<Utc>, DbError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| DbError::Corrupt(text.to_owned()))
}

/// A whole-number column read as `T` (an id, a version, a change number); a value that does not
/// fit (negative, or too large) is corrupt rather than truncated.
fn number<T: TryFrom<i64>>(row: &AnyRow, column: &str) -> Result<T, DbError> {
    let value: i64 = row.try_get(column)?;
    T::try_from(value).map_err(|_| DbError::Corrupt(format!("{column} = {value}")))
}

/// A whole-number column that may be null, read as `T`.
fn optional_number<T: TryFrom<i64>>(row: &AnyRow, column: &str) -> Result<Option<T>, DbError> {
    match row.try_get::<Option<i64>, _>(column)? {
        None => Ok(None),
        Some(value) => T::try_from(value)
            .map(Some)
            .map_err(|_| DbError::Corrupt(format!("{column} = {value}"))),
    }
}

/// A change number as the database stores it.
fn stored(seq: u64) -> Result<i64, DbError> {
    i64::try_from(seq).map_err(|_| DbError::Corrupt(format!("change number {seq}")))
}

impl Db {
    /// Connects (creating a SQLite file if needed) and brings the schema up to date.
    pub async fn open(url: &str) -> Result<Self, DbError> {
        install_default_drivers();
        let url =
            if url.starts_with("sqlite:") && !url.contains("mode=") && !url.contains(":memory:") {
                format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
            } else {
                url.to_owned()
            };
        // One connection for an in-memory SQLite database, or each would see its own.
        let max = if url.contains(":memory:") { 1 } else { 8 };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(&url)
            .await?;
        MIGRATOR.run(&pool).await?;
        let sqlite = url.starts_with("sqlite:");
        Ok(Self {
            pool,
            dialect: if sqlite { &SQLITE } else { &POSTGRES },
        })
    }

    /// Closes every connection, after the ones in use are returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Whether the database holds a data set.
    pub async fn is_seeded(&self) -> Result<bool, DbError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM integrations")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// Writes a whole data set, in one transaction, unless another process seeded it first
    /// (replicas starting together on an empty database take turns on the change_head row).
    pub async fn seed(&self, data: &Dataset) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE change_head SET seq = seq WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        let seeded = sqlx::query("SELECT COUNT(*) AS n FROM integrations")
            .fetch_one(&mut *tx)
            .await?;
        if seeded.try_get::<i64, _>("n")? > 0 {
            return Ok(());
        }
        for i in &data.integrations {
            sqlx::query(
                "INSERT INTO integrations (id, name, product, last_synced) VALUES ($1, $2, $3, $4)",
            )
            .bind(i64::from(i.id.0))
            .bind(&i.name)
            .bind(tag(&i.product))
            .bind(i.last_synced.to_rfc3339())
            .execute(&mut *tx)
            .await?;
        }
        for c in &data.clients {
            sqlx::query("INSERT INTO clients (id, name) VALUES ($1, $2)")
                .bind(i64::from(c.id.0))
                .bind(&c.name)
                .execute(&mut *tx)
                .await?;
        }
        for r in &data.records {
            sqlx::query(
                "INSERT INTO records (id, client, resource_type, name, disabled) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(i64::from(r.id.0))
            .bind(i64::from(r.client.0))
            .bind(tag(&r.resource_type))
            .bind(&r.name)
            .bind(i64::from(r.disabled))
            .execute(&mut *tx)
            .await?;
        }
        for i in &data.items {
            sqlx::query(
                "INSERT INTO items (id, integration, client, resource_type, name, source_id, status, \
                 record, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(i64::from(i.id.0))
            .bind(i64::from(i.integration.0))
            .bind(i64::from(i.client.0))
            .bind(tag(&i.resource_type))
            .bind(&i.name)
            .bind(&i.source_id)
            .bind(tag(&i.status))
            .bind(i.record.map(|r| i64::from(r.0)))
            .bind(i64::from(i.version))
            .execute(&mut *tx)
            .await?;
        }
        for (n, e) in data.logs.iter().enumerate() {
            sqlx::query(
                "INSERT INTO logs (id, time, integration, level, message, item) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(stored(n as u64)?)
            .bind(e.time.to_rfc3339())
            .bind(i64::from(e.integration.0))
            .bind(tag(&e.level))
            .bind(&e.message)
            .bind(e.item.map(|i| i64::from(i.0)))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Reads the whole data set, and the number of each changed item's latest change.
    pub async fn load(&self) -> Result<(Dataset, Vec<(ItemId, u64)>), DbError> {
        let mut data = Dataset::default();
        let mut changed = Vec::new();
        for row in
            sqlx::query("SELECT id, name, product, last_synced FROM integrations ORDER BY id")
                .fetch_all(&self.pool)
                .await?
        {
            data.integrations.push(Integration {
                id: IntegrationId(number(&row, "id")?),
                name: row.try_get("name")?,
                product: untag(&row.try_get::<String, _>("product")?)?,
                last_synced: time(&row.try_get::<String, _>("last_synced")?)?,
            });
        }
        for row in sqlx::query("SELECT id, name FROM clients ORDER BY id")
            .fetch_all(&self.pool)
            .await?
        {
            data.clients.push(Client {
                id: ClientId(number(&row, "id")?),
                name: row.try_get("name")?,
            });
        }
        for row in
            sqlx::query("SELECT id, client, resource_type, name, disabled FROM records ORDER BY id")
                .fetch_all(&self.pool)
                .await?
        {
            data.records.push(PortalRecord {
                id: RecordId(number(&row, "id")?),
                client: ClientId(number(&row, "client")?),
                resource_type: untag(&row.try_get::<String, _>("resource_type")?)?,
                name: row.try_get("name")?,
                disabled: row.try_get::<i64, _>("disabled")? != 0,
            });
        }
        for row in sqlx::query(
            "SELECT id, integration, client, resource_type, name, source_id, status, record, version, \
             seq FROM items ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?
        {
            let seq: u64 = number(&row, "seq")?;
            if seq > 0 {
                changed.push((ItemId(number(&row, "id")?), seq));
            }
            data.items.push(SyncedItem {
                id: ItemId(number(&row, "id")?),
                integration: IntegrationId(number(&row, "integration")?),
                client: ClientId(number(&row, "client")?),
                resource_type: untag(&row.try_get::<String, _>("resource_type")?)?,
                name: row.try_get("name")?,
                source_id: row.try_get("source_id")?,
                status: untag(&row.try_get::<String, _>("status")?)?,
                record: optional_number(&row, "record")?.map(RecordId),
                version: number(&row, "version")?,
            });
        }
        for row in
            sqlx::query("SELECT time, integration, level, message, item FROM logs ORDER BY id")
                .fetch_all(&self.pool)
                .await?
        {
            data.logs.push(LogEntry {
                time: time(&row.try_get::<String, _>("time")?)?,
                integration: IntegrationId(number(&row, "integration")?),
                level: untag(&row.try_get::<String, _>("level")?)?,
                message: row.try_get("message")?,
                item: optional_number(&row, "item")?.map(ItemId),
            });
        }
        Ok((data, changed))
    }

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
                    status: row.try_get::<i64, _>("status")? as u16,
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

    /// The number of the last committed change.
    pub async fn head(&self) -> Result<u64, DbError> {
        let row = sqlx::query("SELECT seq FROM change_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        number(&row, "seq")
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.head().await.map(|_| ())
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
            if updated.rows_affected() != chunk.len() as u64 {
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
        tx.commit().await?;
        Ok(Committed::Saved(seq))
    }
}

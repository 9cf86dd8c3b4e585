//! The database: SQLite (a file, by default) or PostgreSQL, through sqlx's `Any` driver. It is the
//! source of truth: the store is loaded from it at start-up, and every change is committed to it
//! before the in-memory store is updated.

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Row};
use sync_core::{
    Change, Client, ClientId, Dataset, Integration, IntegrationId, ItemId, LogEntry, PortalRecord,
    RecordId, SyncedItem,
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
}

/// The schema, portable between SQLite and PostgreSQL. Enums are stored as their JSON tags, times
/// as RFC 3339 text, flags as 0/1.
const SCHEMA: [&str; 6] = [
    "CREATE TABLE IF NOT EXISTS integrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, \
     product TEXT NOT NULL, last_synced TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS clients (id BIGINT PRIMARY KEY, name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS records (id BIGINT PRIMARY KEY, client BIGINT NOT NULL, \
     resource_type TEXT NOT NULL, name TEXT NOT NULL, disabled BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS items (id BIGINT PRIMARY KEY, integration BIGINT NOT NULL, \
     client BIGINT NOT NULL, resource_type TEXT NOT NULL, name TEXT NOT NULL, \
     source_id TEXT NOT NULL, status TEXT NOT NULL, record BIGINT, version BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS logs (id BIGINT PRIMARY KEY, time TEXT NOT NULL, \
     integration BIGINT NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL, item BIGINT)",
    "CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, status BIGINT NOT NULL, \
     body TEXT NOT NULL)",
];

/// A stored response to a write, replayed for a retried request with the same key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// Its HTTP status.
    pub status: u16,
    /// Its JSON body.
    pub body: String,
}

/// The connection pool.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
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

fn id(value: i64) -> u32 {
    value as u32
}

impl Db {
    /// Connects (creating a SQLite file if needed) and creates the schema.
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
            .connect(&url)
            .await?;
        for statement in SCHEMA {
            sqlx::query(statement).execute(&pool).await?;
        }
        Ok(Self { pool })
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

    /// Writes a whole data set, in one transaction.
    pub async fn seed(&self, data: &Dataset) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
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
            .bind(n as i64)
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

    /// Reads the whole data set.
    pub async fn load(&self) -> Result<Dataset, DbError> {
        let mut data = Dataset::default();
        for row in
            sqlx::query("SELECT id, name, product, last_synced FROM integrations ORDER BY id")
                .fetch_all(&self.pool)
                .await?
        {
            data.integrations.push(Integration {
                id: IntegrationId(id(row.try_get("id")?)),
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
                id: ClientId(id(row.try_get("id")?)),
                name: row.try_get("name")?,
            });
        }
        for row in
            sqlx::query("SELECT id, client, resource_type, name, disabled FROM records ORDER BY id")
                .fetch_all(&self.pool)
                .await?
        {
            data.records.push(PortalRecord {
                id: RecordId(id(row.try_get("id")?)),
                client: ClientId(id(row.try_get("client")?)),
                resource_type: untag(&row.try_get::<String, _>("resource_type")?)?,
                name: row.try_get("name")?,
                disabled: row.try_get::<i64, _>("disabled")? != 0,
            });
        }
        for row in sqlx::query(
            "SELECT id, integration, client, resource_type, name, source_id, status, record, version \
             FROM items ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?
        {
            data.items.push(SyncedItem {
                id: ItemId(id(row.try_get("id")?)),
                integration: IntegrationId(id(row.try_get("integration")?)),
                client: ClientId(id(row.try_get("client")?)),
                resource_type: untag(&row.try_get::<String, _>("resource_type")?)?,
                name: row.try_get("name")?,
                source_id: row.try_get("source_id")?,
                status: untag(&row.try_get::<String, _>("status")?)?,
                record: row.try_get::<Option<i64>, _>("record")?.map(|r| RecordId(id(r))),
                version: id(row.try_get("version")?),
            });
        }
        for row in
            sqlx::query("SELECT time, integration, level, message, item FROM logs ORDER BY id")
                .fetch_all(&self.pool)
                .await?
        {
            data.logs.push(LogEntry {
                time: time(&row.try_get::<String, _>("time")?)?,
                integration: IntegrationId(id(row.try_get("integration")?)),
                level: untag(&row.try_get::<String, _>("level")?)?,
                message: row.try_get("message")?,
                item: row
                    .try_get::<Option<i64>, _>("item")?
                    .map(|i| ItemId(id(i))),
            });
        }
        Ok(data)
    }

    /// The stored response of an earlier write with this idempotency key.
    pub async fn replay(&self, key: &str) -> Result<Option<Stored>, DbError> {
        let row = sqlx::query("SELECT status, body FROM idempotency WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => Some(Stored {
                status: row.try_get::<i64, _>("status")? as u16,
                body: row.try_get("body")?,
            }),
            None => None,
        })
    }

    /// Commits a change and, with a key, the response to replay for a retry, in one transaction.
    pub async fn save(&self, change: &Change, key: Option<(&str, &Stored)>) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        if let Some(disable) = change.disable {
            sqlx::query("UPDATE records SET disabled = 1 WHERE id = $1")
                .bind(i64::from(disable.0))
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE items SET status = $1, record = $2, version = $3 WHERE id = $4")
            .bind(tag(&change.status))
            .bind(change.record.map(|r| i64::from(r.0)))
            .bind(i64::from(change.version))
            .bind(i64::from(change.item.0))
            .execute(&mut *tx)
            .await?;
        if let Some((key, stored)) = key {
            sqlx::query("INSERT INTO idempotency (key, status, body) VALUES ($1, $2, $3)")
                .bind(key)
                .bind(i64::from(stored.status))
                .bind(&stored.body)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

//! The whole data set: written once into an empty database (the demo seed), read whole at
//! start-up.

use sqlx::Row;
use sync_core::{
    Client, ClientId, Dataset, Integration, IntegrationId, ItemId, LogEntry, PortalRecord,
    RecordId, SyncedItem,
};

use super::columns::{number, optional_number, tag, time, untag};
use super::error::DbError;
use super::pool::Db;

impl Db {
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
            .bind(i64::try_from(n).map_err(|_| DbError::Corrupt(format!("log number {n}")))?)
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
}

//! The whole data set: written once into an empty database (the demo seed), read whole at
//! start-up.

use sqlx::Row;
use sync_core::{
    Client, ClientId, ClientLink, Dataset, Integration, IntegrationId, ItemId, LogEntry,
    PortalRecord, RecordId, SourceDetails, SyncedItem,
};

use super::columns::{number, optional_number, time, untag};
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
        for integration in &data.integrations {
            self.insert_integration(&mut tx, integration).await?;
        }
        for c in &data.clients {
            sqlx::query("INSERT INTO clients (id, name) VALUES ($1, $2)")
                .bind(i64::from(c.id.0))
                .bind(&c.name)
                .execute(&mut *tx)
                .await?;
        }
        self.insert_links(&mut tx, &data.links).await?;
        self.insert_records(&mut tx, data.records.iter(), 0).await?;
        self.insert_items(&mut tx, data.items.iter(), 0).await?;
        self.insert_logs(&mut tx, &data.logs, 0).await?;
        for run in &data.runs {
            self.insert_run(&mut tx, run, 0).await?;
        }
        for rule in &data.rules {
            self.save_rule(&mut tx, rule, 0).await?;
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
        for row in sqlx::query(
            "SELECT id, client, resource_type, name, disabled, portal_key FROM records \
                 ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?
        {
            data.records.push(PortalRecord {
                id: RecordId(number(&row, "id")?),
                client: ClientId(number(&row, "client")?),
                resource_type: untag(&row.try_get::<String, _>("resource_type")?)?,
                name: row.try_get("name")?,
                disabled: row.try_get::<i64, _>("disabled")? != 0,
                key: row.try_get("portal_key")?,
            });
        }
        for row in sqlx::query(
            "SELECT id, integration, client, resource_type, name, source_id, status, record, version, \
             seq, missing_since, serial, host_name, source_url FROM items ORDER BY id",
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
                missing_since: row
                    .try_get::<Option<String>, _>("missing_since")?
                    .map(|t| time(&t))
                    .transpose()?,
                details: SourceDetails {
                    serial: row.try_get("serial")?,
                    host_name: row.try_get("host_name")?,
                    source_url: row.try_get("source_url")?,
                }
                .boxed(),
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
        for row in sqlx::query("SELECT integration, source_id, client FROM client_links")
            .fetch_all(&self.pool)
            .await?
        {
            data.links.push(ClientLink {
                integration: IntegrationId(number(&row, "integration")?),
                source_id: row.try_get("source_id")?,
                client: ClientId(number(&row, "client")?),
            });
        }
        for row in sqlx::query("SELECT summary FROM sync_runs ORDER BY seq")
            .fetch_all(&self.pool)
            .await?
        {
            let summary: String = row.try_get("summary")?;
            data.runs
                .push(serde_json::from_str(&summary).map_err(|_| DbError::Corrupt(summary))?);
        }
        data.rules = self.rules(None).await?;
        Ok((data, changed))
    }
}

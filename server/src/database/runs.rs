//! Saving a sync run: in one transaction that holds the change head first, so that no other
//! write, from this replica or another, commits between reading the data and saving the run.

use crate::events::Payload;
use sqlx::{Any, AnyConnection, Row, Transaction};
use sync_core::{ClientLink, RunOutcome, RunSummary, Stamp, Store};

use super::columns::{number, stored};
use super::error::DbError;
use super::pool::Db;

/// A run being saved: its transaction, holding the change head, and its change number.
pub struct RunTransaction {
    tx: Transaction<'static, Any>,
    /// The run's change number.
    pub seq: u64,
}

impl Db {
    /// Takes the next change number and holds the change head until the run is saved or
    /// dropped: every other write waits meanwhile (reads do not).
    pub async fn begin_run(&self) -> Result<RunTransaction, DbError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("UPDATE change_head SET seq = seq + 1 WHERE id = 1 RETURNING seq")
            .fetch_one(&mut *tx)
            .await?;
        let seq = number(&row, "seq")?;
        Ok(RunTransaction { tx, seq })
    }

    /// Saves what a run changed (`store` is the data after it), and the items' history under
    /// `actor`, and commits.
    pub async fn save_run(
        &self,
        run: RunTransaction,
        store: &Store,
        outcome: &RunOutcome,
        actor: &str,
    ) -> Result<(), DbError> {
        let RunTransaction { mut tx, seq } = run;
        let diff = &outcome.diff;
        let integration = &store.integrations()[outcome.summary.integration.index()];
        if diff.integration_created {
            self.insert_integration(&mut tx, integration).await?;
        } else {
            sqlx::query("UPDATE integrations SET last_synced = $1 WHERE id = $2")
                .bind(integration.last_synced.to_rfc3339())
                .bind(i64::from(integration.id.0))
                .execute(&mut *tx)
                .await?;
        }
        for client in &diff.new_clients {
            sqlx::query("INSERT INTO clients (id, name) VALUES ($1, $2)")
                .bind(i64::from(client.0))
                .bind(&store.client_raw(*client).name)
                .execute(&mut *tx)
                .await?;
        }
        self.insert_links(&mut tx, &diff.new_links).await?;
        let records = store.records_raw();
        let record = |id: &sync_core::RecordId| &records[id.index()];
        self.insert_records(&mut tx, diff.new_records.iter().map(record), seq)
            .await?;
        let items = store.items_raw();
        let item = |id: &sync_core::ItemId| &items[id.index()];
        self.insert_items(&mut tx, diff.new_items.iter().map(item), seq)
            .await?;
        let changed_items = diff.changed_items.iter().map(item);
        let changed_records = diff.changed_records.iter().map(record);
        self.rewrite(&mut tx, changed_items, changed_records, seq)
            .await?;
        let next = sqlx::query("SELECT COALESCE(MAX(id) + 1, 0) AS next FROM logs")
            .fetch_one(&mut *tx)
            .await?;
        self.insert_logs(&mut tx, &diff.logs, number(&next, "next")?)
            .await?;
        let stamp = Stamp {
            seq,
            time: chrono::Utc::now(),
            actor: actor.to_owned(),
        };
        self.insert_history(&mut tx, store.history_of_run(outcome, &stamp), seq)
            .await?;
        self.insert_run(&mut tx, &outcome.summary, seq).await?;
        let payload = Payload::run(seq, outcome.summary.integration);
        self.notify(&mut tx, &payload).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether a run was saved after change number `after` (a replica then loads the data
    /// afresh: a run adds items and records a catch-up does not know).
    pub async fn run_after(&self, after: u64) -> Result<bool, DbError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sync_runs WHERE seq > $1")
            .bind(stored(after)?)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// Links source clients to portal clients.
    pub(super) async fn insert_links(
        &self,
        conn: &mut AnyConnection,
        links: &[ClientLink],
    ) -> Result<(), DbError> {
        for link in links {
            sqlx::query(
                "INSERT INTO client_links (integration, source_id, client) VALUES ($1, $2, $3)",
            )
            .bind(i64::from(link.integration.0))
            .bind(&link.source_id)
            .bind(i64::from(link.client.0))
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    /// Records a run applied, as change number `seq`.
    pub(super) async fn insert_run(
        &self,
        conn: &mut AnyConnection,
        summary: &RunSummary,
        seq: u64,
    ) -> Result<(), DbError> {
        let json = serde_json::to_string(summary).map_err(|e| DbError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO sync_runs (integration, run, seq, summary) VALUES ($1, $2, $3, $4)",
        )
        .bind(i64::from(summary.integration.0))
        .bind(&summary.run)
        .bind(stored(seq)?)
        .bind(json)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}

//! A commit announced to the other replicas: on PostgreSQL, `pg_notify` in the commit's own
//! transaction (delivered when, and only if, it commits); on SQLite (one process) nothing.

use sqlx::AnyConnection;

use super::error::DbError;
use super::pool::Db;
use crate::events::listen::CHANNEL;
use crate::events::Payload;

impl Db {
    /// Announces `payload` once the transaction on `conn` commits (PostgreSQL only).
    pub(super) async fn notify(
        &self,
        conn: &mut AnyConnection,
        payload: &Payload,
    ) -> Result<(), DbError> {
        if self.dialect.sqlite {
            return Ok(());
        }
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload.to_json())
            .execute(conn)
            .await?;
        Ok(())
    }
}

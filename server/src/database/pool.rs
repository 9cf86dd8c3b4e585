//! The connection pool: opened (a SQLite file created if needed), the schema migrated, and the
//! change head read.

use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::AnyPool;

use super::columns::number;
use super::dialect::{Dialect, POSTGRES, SQLITE};
use super::error::DbError;

/// The schema's migrations (`server/migrations/`), portable between SQLite and PostgreSQL.
/// On PostgreSQL the migrator holds an advisory lock, so replicas starting together take turns.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a request waits for a database connection before it is told the database is not
/// answering.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// The connection pool.
#[derive(Clone, Debug)]
pub struct Db {
    pub(super) pool: AnyPool,
    /// The statements written for this database.
    pub(super) dialect: &'static Dialect,
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
}

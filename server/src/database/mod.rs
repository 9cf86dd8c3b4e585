//! The database: SQLite (a file, by default) or PostgreSQL, through sqlx's `Any` driver. It is the
//! source of truth: the store is loaded from it at start-up, and every change is committed to it
//! before the in-memory store is updated.
//!
//! Its parts: [`dataset`] seeds and loads the whole data set, [`commit`] commits a write and
//! reads what other replicas committed, [`dialect`] holds what differs between SQLite and
//! PostgreSQL, and [`columns`] reads and writes the columns with their types.

mod columns;
mod commit;
mod dataset;
mod dialect;

use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::AnyPool;

use columns::number;
pub use commit::{Changes, Committed, ItemState, Stored, Write};
use dialect::{Dialect, POSTGRES, SQLITE};

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

/// The connection pool.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// The statements written for this database.
    dialect: &'static Dialect,
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

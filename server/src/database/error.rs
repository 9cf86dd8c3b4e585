//! Why the database failed, and whether that is worth retrying.

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

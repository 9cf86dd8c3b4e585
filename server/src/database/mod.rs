//! The database: SQLite (a file, by default) or PostgreSQL, through sqlx's `Any` driver. It is the
//! source of truth: the store is loaded from it at start-up, and every change is committed to it
//! before the in-memory store is updated.
//!
//! Its parts: [`pool`] connects and migrates, [`dataset`] seeds and loads the whole data set,
//! [`commit`] commits a write and reads what other replicas committed, [`runs`] saves a
//! sync run, [`history`] reads and trims the items' history, [`history_rows`] writes it,
//! [`rules`] the exclusion rules, [`notify`] announces a commit to the other replicas, [`rows`]
//! writes many rows a statement, [`dialect`] holds what differs between SQLite and PostgreSQL,
//! [`columns`] reads and writes the columns with their types, and [`error`] says why the database
//! failed.

mod columns;
mod commit;
mod dataset;
mod dialect;
mod error;
mod history;
mod history_rows;
mod notify;
mod pool;
mod rows;
mod rules;
mod runs;

pub use commit::{Changes, Committed, ItemState, Stored, Write};
pub use error::DbError;
pub use pool::Db;
pub use runs::RunTransaction;

//! Rows written many to a statement, as one JSON array parameter picked apart by the database
//! (SQLite's `json_each`, PostgreSQL's `jsonb_array_elements`): the demo seed and a sync run's
//! new and changed items, records and log lines. 100,000 rows are ten statements.

use serde_json::{json, Value};
use sqlx::AnyConnection;
use sync_core::{Integration, LogEntry, PortalRecord, SyncedItem};

use super::columns::{stored, tag};
use super::dialect::ROWS_PER_UPDATE;
use super::error::DbError;
use super::pool::Db;

/// A column's kind, for PostgreSQL's casts.
#[derive(Clone, Copy)]
enum Kind {
    Number,
    Text,
}

use Kind::{Number, Text};

const ITEMS: &[(&str, Kind)] = &[
    ("id", Number),
    ("integration", Number),
    ("client", Number),
    ("resource_type", Text),
    ("name", Text),
    ("source_id", Text),
    ("status", Text),
    ("record", Number),
    ("version", Number),
    ("missing_since", Text),
    ("serial", Text),
    ("host_name", Text),
    ("source_url", Text),
];

const RECORDS: &[(&str, Kind)] = &[
    ("id", Number),
    ("client", Number),
    ("resource_type", Text),
    ("name", Text),
    ("disabled", Number),
    ("portal_key", Text),
];

const LOGS: &[(&str, Kind)] = &[
    ("id", Number),
    ("time", Text),
    ("integration", Number),
    ("level", Text),
    ("message", Text),
    ("item", Number),
];

/// An item's row, in the order of [`ITEMS`].
fn item_row(item: &SyncedItem) -> Value {
    let details = item.details.as_deref();
    json!([
        item.id.0,
        item.integration.0,
        item.client.0,
        tag(&item.resource_type),
        item.name,
        item.source_id,
        tag(&item.status),
        item.record.map(|r| r.0),
        item.version,
        item.missing_since.map(|t| t.to_rfc3339()),
        details.and_then(|d| d.serial.as_deref()),
        details.and_then(|d| d.host_name.as_deref()),
        details.and_then(|d| d.source_url.as_deref()),
    ])
}

/// A record's row, in the order of [`RECORDS`].
fn record_row(record: &PortalRecord) -> Value {
    json!([
        record.id.0,
        record.client.0,
        tag(&record.resource_type),
        record.name,
        u8::from(record.disabled),
        record.key,
    ])
}

impl Db {
    /// The `n`th field of the row `v.value`, as a column of `kind`.
    fn field(&self, n: usize, kind: Kind) -> String {
        match (self.dialect.sqlite, kind) {
            (true, _) => format!("json_extract(v.value, '$[{n}]')"),
            (false, Number) => format!("CAST(v.value->>{n} AS BIGINT)"),
            (false, Text) => format!("v.value->>{n}"),
        }
    }

    /// The rows of the JSON array parameter `$n`, as a table `v` of one column, `value`.
    fn rows(&self, n: u8) -> String {
        if self.dialect.sqlite {
            format!("json_each(${n}) AS v")
        } else {
            format!("jsonb_array_elements(CAST(${n} AS JSONB)) AS v(value)")
        }
    }

    /// Inserts rows of `columns` into `table`, stamped with change number `seq` when the table
    /// has one.
    async fn insert(
        &self,
        conn: &mut AnyConnection,
        table: &str,
        columns: &[(&str, Kind)],
        rows: impl Iterator<Item = Value>,
        seq: Option<u64>,
    ) -> Result<(), DbError> {
        let mut names: Vec<&str> = columns.iter().map(|c| c.0).collect();
        let mut fields: Vec<String> = (columns.iter().enumerate())
            .map(|(n, (_, kind))| self.field(n, *kind))
            .collect();
        if seq.is_some() {
            names.push("seq");
            fields.push("$1".to_owned());
        }
        let sql = format!(
            "INSERT INTO {table} ({}) SELECT {} FROM {}",
            names.join(", "),
            fields.join(", "),
            self.rows(if seq.is_some() { 2 } else { 1 })
        );
        self.each_chunk(conn, &sql, rows, seq).await
    }

    /// Updates rows of `table` (found by the first column, `id`) to `columns`, stamped with
    /// change number `seq`.
    async fn update(
        &self,
        conn: &mut AnyConnection,
        table: &str,
        columns: &[(&str, Kind)],
        rows: impl Iterator<Item = Value>,
        seq: u64,
    ) -> Result<(), DbError> {
        let sets: Vec<String> = (columns.iter().enumerate().skip(1))
            .map(|(n, (name, kind))| format!("{name} = {}", self.field(n, *kind)))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {}, seq = $1 FROM {} WHERE {table}.id = {}",
            sets.join(", "),
            self.rows(2),
            self.field(0, Number)
        );
        self.each_chunk(conn, &sql, rows, Some(seq)).await
    }

    /// Runs `sql` for each chunk of [`ROWS_PER_UPDATE`] rows: with a change number, it is `$1`
    /// and the rows (one JSON array) `$2`; without, the rows are `$1`.
    async fn each_chunk(
        &self,
        conn: &mut AnyConnection,
        sql: &str,
        mut rows: impl Iterator<Item = Value>,
        seq: Option<u64>,
    ) -> Result<(), DbError> {
        let seq = seq.map(stored).transpose()?;
        // A chunk's rows are made as it is written: a million rows never sit in memory at once.
        loop {
            let chunk: Vec<Value> = rows.by_ref().take(ROWS_PER_UPDATE).collect();
            if chunk.is_empty() {
                return Ok(());
            }
            let mut query = sqlx::query(sql);
            if let Some(seq) = seq {
                query = query.bind(seq);
            }
            query
                .bind(Value::Array(chunk).to_string())
                .execute(&mut *conn)
                .await?;
        }
    }

    /// Inserts items, stamped with change number `seq`.
    pub(super) async fn insert_items<'a>(
        &self,
        conn: &mut AnyConnection,
        items: impl Iterator<Item = &'a SyncedItem>,
        seq: u64,
    ) -> Result<(), DbError> {
        let rows = items.map(item_row);
        self.insert(conn, "items", ITEMS, rows, Some(seq)).await
    }

    /// Inserts records, stamped with change number `seq`.
    pub(super) async fn insert_records<'a>(
        &self,
        conn: &mut AnyConnection,
        records: impl Iterator<Item = &'a PortalRecord>,
        seq: u64,
    ) -> Result<(), DbError> {
        let rows = records.map(record_row);
        self.insert(conn, "records", RECORDS, rows, Some(seq)).await
    }

    /// Rewrites items and records as they are now, stamped with change number `seq`.
    pub(super) async fn rewrite<'a>(
        &self,
        conn: &mut AnyConnection,
        items: impl Iterator<Item = &'a SyncedItem>,
        records: impl Iterator<Item = &'a PortalRecord>,
        seq: u64,
    ) -> Result<(), DbError> {
        let rows = records.map(record_row);
        self.update(conn, "records", RECORDS, rows, seq).await?;
        let rows = items.map(item_row);
        self.update(conn, "items", ITEMS, rows, seq).await
    }

    /// Inserts an integration.
    pub(super) async fn insert_integration(
        &self,
        conn: &mut AnyConnection,
        integration: &Integration,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO integrations (id, name, product, last_synced) VALUES ($1, $2, $3, $4)",
        )
        .bind(i64::from(integration.id.0))
        .bind(&integration.name)
        .bind(tag(&integration.product))
        .bind(integration.last_synced.to_rfc3339())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Appends log lines, numbered from `first`.
    pub(super) async fn insert_logs(
        &self,
        conn: &mut AnyConnection,
        logs: &[LogEntry],
        first: u64,
    ) -> Result<(), DbError> {
        let rows = (first..).zip(logs).map(|(id, e)| {
            json!([
                id,
                e.time.to_rfc3339(),
                e.integration.0,
                tag(&e.level),
                e.message,
                e.item.map(|i| i.0)
            ])
        });
        self.insert(conn, "logs", LOGS, rows, None).await
    }
}

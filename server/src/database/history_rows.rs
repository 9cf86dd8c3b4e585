//! Writing a write's history, inside the write's own transaction: what the entries share as one
//! row of `history_writes`, each item's states as one short row of `history`. A 95,000-item
//! batch writes 95,000 of those, so they go many to a statement, as each database takes them
//! fastest: on SQLite as plain `?` parameters of a multi-row VALUES (read straight from the
//! statement, where `json_each` parsed each row's JSON once per column), on PostgreSQL as four
//! arrays unnested side by side, as `update_items` does.

use std::fmt::Write as _;

use sqlx::AnyConnection;
use sync_core::{HistoryEntry, Snapshot};

use super::columns::{stored, tag};
use super::dialect::ROWS_PER_UPDATE;
use super::error::DbError;
use super::pool::Db;

/// History rows per SQLite statement: five parameters each, under SQLite's limit of 32,766.
const SQLITE_ROWS: usize = 6_000;

/// One item's history row: the item, its state before (none: the change made it) and after, and
/// its name before when the change renamed it. Its names are not kept: they are worked back
/// from the item's name now through the renames.
struct Row {
    item: i64,
    before: Option<String>,
    after: String,
    renamed_from: Option<String>,
}

impl Row {
    fn of(entry: &HistoryEntry) -> Self {
        let before = entry.before.as_ref();
        Row {
            item: i64::from(entry.item.0),
            before: before.map(state),
            after: state(&entry.after),
            renamed_from: before
                .filter(|b| b.name != entry.after.name)
                .map(|b| b.name.clone()),
        }
    }
}

impl Db {
    /// Appends a write's history entries (all of change number `seq`; their own number is not
    /// used).
    pub(super) async fn insert_history(
        &self,
        conn: &mut AnyConnection,
        entries: impl Iterator<Item = HistoryEntry>,
        seq: u64,
    ) -> Result<(), DbError> {
        let mut entries = entries.peekable();
        let Some(first) = entries.peek() else {
            return Ok(());
        };
        let seq = stored(seq)?;
        sqlx::query(
            "INSERT INTO history_writes (seq, time, actor, what, count, rule, run) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(seq)
        .bind(history_time(first.time))
        .bind(&first.actor)
        .bind(tag(&first.what))
        .bind(i64::from(first.count))
        .bind(first.rule.map(|r| i64::from(r.0)))
        .bind(&first.run)
        .execute(&mut *conn)
        .await?;
        let per_statement = if self.dialect.sqlite {
            SQLITE_ROWS
        } else {
            ROWS_PER_UPDATE
        };
        // A chunk's rows are made as it is written: a million never sit in memory at once.
        loop {
            let rows: Vec<Row> = entries
                .by_ref()
                .take(per_statement)
                .map(|e| Row::of(&e))
                .collect();
            if rows.is_empty() {
                return Ok(());
            }
            if self.dialect.sqlite {
                sqlite_rows(conn, seq, &rows).await?;
            } else {
                postgres_rows(conn, seq, &rows).await?;
            }
        }
    }
}

/// Inserts `rows` on SQLite: plain `?` parameters, which SQLite numbers as it reads them (a
/// numbered or named one is looked up in a list, so a long statement of them grows slow).
async fn sqlite_rows(conn: &mut AnyConnection, seq: i64, rows: &[Row]) -> Result<(), DbError> {
    let mut sql = String::from(
        "INSERT INTO history (seq, item, state_before, state_after, renamed_from) VALUES ",
    );
    for i in 0..rows.len() {
        sql.push_str(if i == 0 {
            "(?, ?, ?, ?, ?)"
        } else {
            ", (?, ?, ?, ?, ?)"
        });
    }
    let mut query = sqlx::query(&sql);
    for row in rows {
        query = query
            .bind(seq)
            .bind(row.item)
            .bind(row.before.as_deref())
            .bind(row.after.as_str())
            .bind(row.renamed_from.as_deref());
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Inserts `rows` on PostgreSQL: one array literal per column, unnested side by side.
async fn postgres_rows(conn: &mut AnyConnection, seq: i64, rows: &[Row]) -> Result<(), DbError> {
    let mut columns: [String; 4] = Default::default();
    for (i, row) in rows.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(columns[0], "{sep}{}", row.item);
        for (column, text) in columns[1..].iter_mut().zip([
            row.before.as_deref(),
            Some(row.after.as_str()),
            row.renamed_from.as_deref(),
        ]) {
            column.push_str(sep);
            array_element(column, text);
        }
    }
    let mut query = sqlx::query(
        "INSERT INTO history (seq, item, state_before, state_after, renamed_from) \
         SELECT $1, v.item, v.state_before, v.state_after, v.renamed_from \
         FROM UNNEST(CAST($2 AS BIGINT[]), CAST($3 AS TEXT[]), CAST($4 AS TEXT[]), \
         CAST($5 AS TEXT[])) AS v(item, state_before, state_after, renamed_from)",
    )
    .bind(seq);
    for column in columns {
        query = query.bind(format!("{{{column}}}"));
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Appends a text element of a PostgreSQL array literal: `NULL` for none, else quoted, with `"`
/// and `\` escaped (a name may hold anything, `NULL` and braces included).
fn array_element(column: &mut String, text: Option<&str>) {
    let Some(text) = text else {
        column.push_str("NULL");
        return;
    };
    column.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            column.push('\\');
        }
        column.push(c);
    }
    column.push('"');
}

/// An item's state as a history row keeps it: `status:record:missing` (`excluded:12:0`, or
/// `not-synced::0` without a record).
fn state(snapshot: &Snapshot) -> String {
    let record = snapshot.record.map(|r| r.0.to_string()).unwrap_or_default();
    format!(
        "{}:{record}:{}",
        tag(&snapshot.status),
        u8::from(snapshot.missing)
    )
}

/// A history entry's time as stored: RFC 3339 with milliseconds, in UTC (`Z`).
pub(super) fn history_time(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::array_element;

    #[test]
    fn an_array_element_is_quoted_with_its_quotes_and_backslashes_escaped() {
        let mut column = String::new();
        for text in [Some(r#"a "b" \c, {d}"#), None, Some("NULL")] {
            array_element(&mut column, text);
            column.push(',');
        }
        assert_eq!(column, r#""a \"b\" \\c, {d}",NULL,"NULL","#);
    }
}

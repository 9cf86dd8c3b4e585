//! The typed mapper between the database's columns and sync-core's values: tags for enums, RFC
//! 3339 for times, and whole numbers converted with `try_from` (a value that does not fit is
//! corrupt, never truncated).

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::error::DbError;

/// A value serialised as its plain tag (a status, a type, a product).
pub(super) fn tag<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// A tag read back as its value; one that does not read is corrupt.
pub(super) fn untag<T: DeserializeOwned>(text: &str) -> Result<T, DbError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| DbError::Corrupt(text.to_owned()))
}

/// An RFC 3339 time as stored.
pub(super) fn time(text: &str) -> Result<DateTime<Utc>, DbError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| DbError::Corrupt(text.to_owned()))
}

/// A whole-number column read as `T` (an id, a version, a change number); a value that does not
/// fit (negative, or too large) is corrupt rather than truncated.
pub(super) fn number<T: TryFrom<i64>>(row: &AnyRow, column: &str) -> Result<T, DbError> {
    let value: i64 = row.try_get(column)?;
    T::try_from(value).map_err(|_| DbError::Corrupt(format!("{column} = {value}")))
}

/// A whole-number column that may be null, read as `T`.
pub(super) fn optional_number<T: TryFrom<i64>>(
    row: &AnyRow,
    column: &str,
) -> Result<Option<T>, DbError> {
    match row.try_get::<Option<i64>, _>(column)? {
        None => Ok(None),
        Some(value) => T::try_from(value)
            .map(Some)
            .map_err(|_| DbError::Corrupt(format!("{column} = {value}"))),
    }
}

/// A change number as the database stores it.
pub(super) fn stored(seq: u64) -> Result<i64, DbError> {
    i64::try_from(seq).map_err(|_| DbError::Corrupt(format!("change number {seq}")))
}

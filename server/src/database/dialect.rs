//! What differs between SQLite and PostgreSQL: the statements that update many items and
//! records at once, and how their rows are passed.

use sync_core::Change;

use super::columns::tag;

/// Rows per UPDATE of items or records: each statement reads its rows from one JSON parameter
/// (for items `[[id, status, record, version], …]`). Binding four parameters a row instead took
/// 1.15 s for 100,000 items on SQLite (32 rows a statement; SQLite looks each `$n` up by name in
/// a list, so longer statements were slower still); this takes 0.52 s.
pub(super) const ROWS_PER_UPDATE: usize = 10_000;

/// What differs between SQLite and PostgreSQL; in each UPDATE, `$1` is the change's sequence
/// number and the parameters after it the rows.
#[derive(Debug)]
pub(super) struct Dialect {
    /// SQLite (else PostgreSQL).
    pub(super) sqlite: bool,
    /// Changes items, each only at the version its change started from, from the parameters
    /// `item_rows` writes.
    pub(super) update_items: &'static str,
    /// The parameters of `update_items` for these changes.
    pub(super) item_rows: fn(&[Change]) -> Vec<String>,
    /// Disables or enables records, from `[[id, disabled], …]`.
    pub(super) update_records: &'static str,
    /// How many records one statement checks are enabled, a parameter each. SQLite looks each
    /// `$n` up by name in a list, so binding time grows with the square of a statement's
    /// parameters; on PostgreSQL long statements were slow too.
    pub(super) records_per_check: usize,
}

pub(super) const SQLITE: Dialect = Dialect {
    sqlite: true,
    update_items: "UPDATE items SET status = json_extract(v.value, '$[1]'), \
        record = json_extract(v.value, '$[2]'), version = json_extract(v.value, '$[3]'), \
        seq = $1 FROM json_each($2) AS v WHERE items.id = json_extract(v.value, '$[0]') \
        AND items.version = json_extract(v.value, '$[3]') - 1",
    item_rows: json_rows,
    update_records: "UPDATE records SET disabled = json_extract(v.value, '$[1]'), seq = $1 \
        FROM json_each($2) AS v WHERE records.id = json_extract(v.value, '$[0]')",
    records_per_check: 128,
};

/// On PostgreSQL the items come as four arrays, one per column, unnested side by side, instead of
/// one JSONB array picked apart with `->>` per field: select-all + Exclude of 95,000 items over
/// HTTP went from 1,681 to 829 ms, its Undo from 1,726 to 945 ms.
pub(super) const POSTGRES: Dialect = Dialect {
    sqlite: false,
    update_items: "UPDATE items SET status = v.status, record = v.record, version = v.version, \
        seq = $1 FROM UNNEST(CAST($2 AS BIGINT[]), CAST($3 AS TEXT[]), CAST($4 AS BIGINT[]), \
        CAST($5 AS BIGINT[])) AS v(id, status, record, version) \
        WHERE items.id = v.id AND items.version = v.version - 1",
    item_rows: array_rows,
    update_records: "UPDATE records SET disabled = (v.value->>1)::BIGINT, seq = $1 \
        FROM jsonb_array_elements(CAST($2 AS JSONB)) AS v(value) \
        WHERE records.id = (v.value->>0)::BIGINT",
    records_per_check: 400,
};

/// The items' rows as one JSON array of `[id, status, record, version]`.
fn json_rows(changes: &[Change]) -> Vec<String> {
    let rows: Vec<_> = changes
        .iter()
        .map(|c| serde_json::json!([c.item.0, tag(&c.status), c.record.map(|r| r.0), c.version]))
        .collect();
    vec![serde_json::Value::Array(rows).to_string()]
}

/// The items' columns as four PostgreSQL array literals: ids, statuses, records (NULL for
/// none), versions. A status is a plain lower-case word, so it needs no quoting.
fn array_rows(changes: &[Change]) -> Vec<String> {
    use std::fmt::Write as _;
    let mut columns: [String; 4] = Default::default();
    for (i, c) in changes.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(columns[0], "{sep}{}", c.item.0);
        let _ = write!(columns[1], "{sep}{}", tag(&c.status));
        let _ = match c.record {
            Some(record) => write!(columns[2], "{sep}{}", record.0),
            None => write!(columns[2], "{sep}NULL"),
        };
        let _ = write!(columns[3], "{sep}{}", c.version);
    }
    columns.into_iter().map(|c| format!("{{{c}}}")).collect()
}

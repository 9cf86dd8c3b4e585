//! CSV (RFC 4180) lines a spreadsheet opens safely: fields quoted when they must be, and cells
//! that would run as formulas neutralised.
//!
//! Written here rather than with a crate: quoting is the few lines of [`field`], and measured in
//! the release build, the `csv` crate added 20.5 kB (brotli) to the download and its core,
//! `csv-core`, 17 kB, for the same output.

use std::borrow::Cow;

/// Appends one record of fields, separated by commas and ended by CRLF (RFC 4180).
pub fn record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (n, value) in fields.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        field(out, value);
    }
    out.push_str("\r\n");
}

/// Appends one field: in double quotes (doubled inside) when it holds a comma, a quote or a line
/// break, as is otherwise.
fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe, so it shows as text.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

//! A sync run read from bytes: one JSON document, or NDJSON read a line at a time (a run of a
//! million items never sits in memory as one document, only as the items it is made of).
//!
//! NDJSON lines, each one JSON object with one key:
//! - `{"run": {"id", "finished", "product"?}}` first;
//! - `{"client": {"source_id", "name", "records"?}}` starts a client (`"records": []` says the
//!   run carries that client's records, all of them, even none);
//! - `{"item": {…}}` and `{"record": {…}}` belong to the client before them;
//! - `{"error": {"source_id"?, "message"}}` is a failure the run reports.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sync_core::{Product, RunClient, RunFailure, RunItem, RunProblem, RunRecord, SyncRun};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt};

use super::{InputError, InputProblem};

/// The first line of an NDJSON run.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: String,
    #[serde(deserialize_with = "sync_core::time::rfc3339")]
    finished: DateTime<Utc>,
    #[serde(default)]
    product: Option<Product>,
}

/// One NDJSON line.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Run(Header),
    Client(RunClient),
    Item(RunItem),
    Record(RunRecord),
    Error(RunFailure),
}

/// The line each part of an NDJSON run came from, to say where a problem is.
#[derive(Debug, Default)]
pub struct Lines {
    clients: Vec<u32>,
    items: Vec<Vec<u32>>,
    records: Vec<Vec<u32>>,
}

impl Lines {
    /// The line of the part of the run a problem names.
    pub fn of(&self, problem: &RunProblem) -> Option<u32> {
        let Some(client) = problem.client else {
            return Some(1);
        };
        let parts = if problem.record {
            &self.records
        } else {
            &self.items
        };
        match problem.item {
            Some(item) => parts.get(client)?.get(item).copied(),
            None => self.clients.get(client).copied(),
        }
    }
}

/// Reads a run sent as one JSON document, of at most `limit` bytes.
pub async fn json(mut reader: impl AsyncRead + Unpin, limit: usize) -> Result<SyncRun, InputError> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    (&mut reader).take(cap).read_to_end(&mut bytes).await?;
    if bytes.len() > limit {
        return Err(InputError::TooLarge(limit));
    }
    let deserializer = &mut serde_json::Deserializer::from_slice(&bytes);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let line = u32::try_from(error.inner().line()).ok();
        InputError::Problem(problem(line, error))
    })
}

/// Reads a run sent as NDJSON, of at most `limit` bytes; `progress` hears how many bytes were
/// read so far, now and then.
pub async fn ndjson(
    mut reader: impl AsyncBufRead + Unpin,
    limit: usize,
    mut progress: impl FnMut(u64),
) -> Result<(SyncRun, Lines), InputError> {
    let mut run: Option<SyncRun> = None;
    let mut lines = Lines::default();
    let (mut buffer, mut read, mut number) = (Vec::new(), 0usize, 0u32);
    loop {
        buffer.clear();
        let n = reader.read_until(b'\n', &mut buffer).await?;
        if n == 0 {
            break;
        }
        read += n;
        number = number.saturating_add(1);
        if read > limit {
            return Err(InputError::TooLarge(limit));
        }
        if number % 10_000 == 0 {
            progress(read as u64);
        }
        if buffer.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line: Line = {
            let deserializer = &mut serde_json::Deserializer::from_slice(&buffer);
            serde_path_to_error::deserialize(deserializer)
                .map_err(|error| InputError::Problem(problem(Some(number), error)))?
        };
        let at = |field: &str, message: &str| {
            InputError::Problem(InputProblem {
                line: Some(number),
                field: Some(field.to_owned()),
                message: message.to_owned(),
            })
        };
        match (line, run.as_mut()) {
            (Line::Run(header), None) => {
                run = Some(SyncRun {
                    id: header.id,
                    finished: header.finished,
                    product: header.product,
                    ..SyncRun::default()
                })
            }
            (Line::Run(_), Some(_)) => return Err(at("run", "a run has one \"run\" line")),
            (_, None) => return Err(at("run", "the first line must be the \"run\" line")),
            (Line::Client(client), Some(run)) => {
                run.clients.push(client);
                lines.clients.push(number);
                lines.items.push(Vec::new());
                lines.records.push(Vec::new());
            }
            (Line::Error(failure), Some(run)) => run.errors.push(failure),
            (Line::Item(item), Some(run)) => match run.clients.last_mut() {
                Some(client) => {
                    client.items.push(item);
                    lines
                        .items
                        .last_mut()
                        .into_iter()
                        .for_each(|l| l.push(number));
                }
                None => return Err(at("item", "an item must follow its \"client\" line")),
            },
            (Line::Record(record), Some(run)) => match run.clients.last_mut() {
                Some(client) => {
                    client.records.get_or_insert_with(Vec::new).push(record);
                    lines
                        .records
                        .last_mut()
                        .into_iter()
                        .for_each(|l| l.push(number));
                }
                None => return Err(at("record", "a record must follow its \"client\" line")),
            },
        }
    }
    progress(read as u64);
    match run {
        Some(run) => Ok((run, lines)),
        None => Err(InputError::Problem(InputProblem {
            line: None,
            field: Some("run".to_owned()),
            message: "the run is empty: its first line must be the \"run\" line".to_owned(),
        })),
    }
}

/// A JSON error as a problem: the line, the field (the path to it, with
/// a missing field's name), and serde's words for it.
fn problem(
    line: Option<u32>,
    error: serde_path_to_error::Error<serde_json::Error>,
) -> InputProblem {
    let path = error.path().to_string();
    let inner = error.into_inner();
    let message = inner.to_string();
    // serde says "missing field `source_id` at line 1 column 52": the field, without the place
    // (the line is given apart).
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    let path = (path != ".").then_some(path);
    let field = match (path, missing) {
        (Some(path), Some(name)) => Some(format!("{path}.{name}")),
        (None, Some(name)) => Some(name.to_owned()),
        (path, None) => path,
    };
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    };
    InputProblem {
        line,
        field,
        message,
    }
}

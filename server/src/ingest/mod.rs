//! Sync runs in: read from a request body or a file ([`read`]), then applied on the replica and
//! saved in one transaction ([`apply`]). The API's `POST …/sync-runs` and `sync-server import`
//! take the same path.

pub mod apply;
pub mod import;
pub mod read;

use sync_core::RunProblem;

/// Where a run's input is wrong: the line (NDJSON, or of the JSON document), the field (a path
/// such as `clients[0].items[57].source_id`, or `item.source_id` in an NDJSON line) and what is
/// wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputProblem {
    /// The line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl InputProblem {
    /// A problem sync-core found in a run, at its line when the run came as NDJSON.
    pub fn of_run(problem: &RunProblem, lines: Option<&read::Lines>) -> Self {
        Self {
            line: lines.and_then(|l| l.of(problem)),
            field: Some(problem.path()),
            message: problem.message.clone(),
        }
    }
}

/// Why a run was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The input is not a run.
    #[error("{0}")]
    Problem(InputProblem),
    /// It is longer than the limit.
    #[error("the run is larger than {0} bytes")]
    TooLarge(usize),
    /// It could not be read.
    #[error("reading the run: {0}")]
    Io(#[from] std::io::Error),
}

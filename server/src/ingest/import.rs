//! `sync-server import`: a sync run from a file or standard input, through the same reading and
//! applying as the API's, with a progress bar on standard error.

use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use sync_core::RunOutcome;
use tokio::io::{AsyncRead, BufReader};

use super::apply::{apply, ApplyError};
use super::read::{json, ndjson, Lines};
use super::{InputError, InputProblem};
use crate::AppState;

/// Who the items' history says made a run imported from the command line.
const IMPORTER: &str = "sync-server import";

/// How a run is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document.
    Json,
    /// One JSON object a line.
    Ndjson,
}

impl Format {
    /// The format a file's name says (`.json`: JSON; anything else, standard input included:
    /// NDJSON).
    pub fn of(path: &str) -> Self {
        if path.to_ascii_lowercase().ends_with(".json") {
            Self::Json
        } else {
            Self::Ndjson
        }
    }
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The run could not be read or applied as it is.
    #[error("the run was not applied: {0}")]
    Problem(InputProblem),
    /// Reading it failed.
    #[error("{0}")]
    Input(#[from] InputError),
    /// Applying it failed.
    #[error("{0}")]
    Apply(ApplyError),
}

/// Reads the run at `path` (`-`: standard input) and applies it to the integration named
/// `integration` (its id or name).
pub async fn import(
    state: &AppState,
    integration: &str,
    path: &str,
    format: Format,
) -> Result<RunOutcome, ImportError> {
    let bar = match path {
        "-" => ProgressBar::new_spinner(),
        _ => ProgressBar::new(
            tokio::fs::metadata(path)
                .await
                .map_err(InputError::Io)?
                .len(),
        ),
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {bytes}/{total_bytes} [{wide_bar}] {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("reading");
    bar.enable_steady_tick(Duration::from_millis(200));
    let input: Box<dyn AsyncRead + Unpin + Send> = match path {
        "-" => Box::new(tokio::io::stdin()),
        _ => Box::new(
            tokio::fs::File::open(Path::new(path))
                .await
                .map_err(InputError::Io)?,
        ),
    };
    let reader = BufReader::with_capacity(1 << 20, input);
    let limit = state.run_body_limit;
    let (run, lines): (_, Option<Lines>) = match format {
        Format::Json => (json(reader, limit).await?, None),
        Format::Ndjson => {
            let (run, lines) = ndjson(reader, limit, |read| bar.set_position(read)).await?;
            (run, Some(lines))
        }
    };
    bar.set_message(format!("applying run {}", run.id));
    let outcome = apply(
        &state.replica,
        &state.db,
        &state.events,
        integration,
        run,
        IMPORTER,
    )
    .await;
    bar.finish_and_clear();
    outcome.map_err(|error| match error {
        ApplyError::Problem(problem) => {
            ImportError::Problem(InputProblem::of_run(&problem, lines.as_ref()))
        }
        other => ImportError::Apply(other),
    })
}

//! `POST /integrations/{integration}/sync-runs`: a sync run in, as JSON or as NDJSON streamed
//! line by line, applied whole or not at all.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Extension;
use futures_util::TryStreamExt;
use tokio_util::io::StreamReader;

use crate::http::actor::Actor;
use crate::http::problem::{db_problem, internal, Answer, Problem};
use crate::ingest::apply::{apply, ApplyError};
use crate::ingest::read::{json, ndjson};
use crate::ingest::{InputError, InputProblem};
use crate::serve::gauges::Gauge;
use crate::Shared;

/// The media types of a run sent as NDJSON.
const NDJSON: [&str; 3] = [
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
];

/// Reads, checks and applies a run of the integration named in the path (its id or name). The
/// answer is the run's summary, the same when the run is posted again (then with
/// `Sync-Run-Replayed: true`).
pub async fn sync_run(
    State(state): State<Shared>,
    Path(integration): Path<String>,
    Extension(Actor(actor)): Extension<Actor>,
    headers: HeaderMap,
    body: Body,
) -> Answer {
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let limit = state.run_body_limit;
    let reader = StreamReader::new(body.into_data_stream().map_err(std::io::Error::other));
    let (run, lines) = if NDJSON.contains(&media.as_str()) {
        let (run, lines) = ndjson(reader, limit, |_| {}).await.map_err(input_problem)?;
        (run, Some(lines))
    } else if media == "application/json" {
        (json(reader, limit).await.map_err(input_problem)?, None)
    } else {
        return Err(Problem::unsupported_media_type(
            "a sync run as application/json or application/x-ndjson",
        ));
    };
    // In a task of its own: a client that goes away does not stop a run half way.
    let held = state.gauges.hold(Gauge::Writes);
    let task = tokio::spawn(async move {
        let outcome = apply(
            &state.replica,
            &state.db,
            &state.events,
            &integration,
            run,
            &actor,
        )
        .await;
        drop(held);
        outcome
    });
    let outcome = task.await.map_err(internal)?.map_err(|error| match error {
        ApplyError::Problem(problem) => {
            Problem::invalid_run(InputProblem::of_run(&problem, lines.as_ref()))
        }
        ApplyError::Db(error) => db_problem(error),
        ApplyError::Stopped(error) => internal(error),
    })?;
    let body = serde_json::to_string(&outcome.summary).map_err(internal)?;
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response();
    if outcome.replayed {
        let replayed = HeaderValue::from_static("true");
        response.headers_mut().insert("sync-run-replayed", replayed);
    }
    Ok(response)
}

/// A run that could not be read, as a problem.
fn input_problem(error: InputError) -> Problem {
    match error {
        InputError::Problem(problem) => Problem::invalid_run(problem),
        InputError::TooLarge(limit) => Problem::too_large(limit),
        InputError::Io(error) => {
            Problem::bad_request(format!("The run could not be read: {error}"))
        }
    }
}

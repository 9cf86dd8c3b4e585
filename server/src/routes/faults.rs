//! Fault injection for end-to-end tests (`--fault-injection` only): `POST /__faults` arms a fault
//! for the next requests whose path contains a given text.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use tokio::sync::Mutex;

use crate::http::problem::Problem;
use crate::AppState;

/// What goes wrong.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FaultKind {
    /// 500 Internal Server Error.
    Error,
    /// 503 Service Unavailable.
    Unavailable,
    /// The answer comes only after `delay_ms`.
    Slow,
    /// 200 with a body that is not JSON.
    Malformed,
    /// 404: what was asked for vanished.
    Vanished,
    /// The handler panics (the server must answer 500 and stay up).
    Panic,
}

/// An armed fault.
#[derive(Clone, Debug, Deserialize)]
pub struct Fault {
    /// What goes wrong.
    pub kind: FaultKind,
    /// Requests whose path contains this text are hit.
    pub path: String,
    /// How many requests are hit.
    #[serde(default = "one")]
    pub times: u32,
    /// Hit after the request was really handled (a write is committed, its answer is lost).
    #[serde(default)]
    pub after: bool,
    /// For `slow`: how long the answer waits.
    #[serde(default = "five_seconds")]
    pub delay_ms: u64,
}

fn one() -> u32 {
    1
}

fn five_seconds() -> u64 {
    5_000
}

/// The armed faults.
#[derive(Default)]
pub struct Faults(Mutex<Vec<Fault>>);

/// `POST /__faults`: arms a fault.
pub async fn arm(State(state): State<Arc<AppState>>, Json(fault): Json<Fault>) -> StatusCode {
    match &state.faults {
        Some(faults) => {
            tracing::warn!(?fault, "fault armed");
            faults.0.lock().await.push(fault);
            StatusCode::NO_CONTENT
        }
        None => StatusCode::NOT_FOUND,
    }
}

/// Hits a request with the first armed fault that matches it.
pub async fn inject(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let Some(faults) = &state.faults else {
        return next.run(request).await;
    };
    let fault = {
        let mut armed = faults.0.lock().await;
        let path = request.uri().path().to_owned();
        match armed.iter().position(|f| path.contains(&f.path)) {
            Some(i) => {
                armed[i].times -= 1;
                let fault = armed[i].clone();
                if fault.times == 0 {
                    armed.remove(i);
                }
                Some(fault)
            }
            None => None,
        }
    };
    let Some(fault) = fault else {
        return next.run(request).await;
    };
    let handled = if fault.after {
        Some(next.run(request).await)
    } else {
        None
    };
    match fault.kind {
        FaultKind::Error => Problem::internal().into_response(),
        FaultKind::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response(),
        FaultKind::Malformed => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"items\": [1, 2",
        )
            .into_response(),
        FaultKind::Vanished => {
            Problem::not_found("The chosen record no longer exists.").into_response()
        }
        FaultKind::Panic => panic!("fault injection: a handler panics"),
        FaultKind::Slow => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            match handled {
                Some(response) => response,
                None => Problem::internal().into_response(),
            }
        }
    }
}

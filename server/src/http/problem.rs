//! Errors as `application/problem+json` (RFC 9457), each with a stable `type`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sync_core::{ActionError, ItemView};

use crate::database::DbError;
use crate::ingest::InputProblem;

/// What a handler answers: its response, or the problem.
pub type Answer = Result<Response, Problem>;

/// A problem detail.
#[derive(Debug, Serialize)]
pub struct Problem {
    /// A stable URN naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// A short summary of the kind.
    pub title: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// What happened this time, for a person.
    pub detail: String,
    /// Why an action was refused, as a stable tag (e.g. `already-excluded`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// With `stale-version`: the item as it is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Box<ItemView>>,
    /// With `invalid-run`: the line of the run the problem is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// With `invalid-run`: the field, as a path into the run (or into the line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Box<str>>,
}

impl Problem {
    fn new(status: StatusCode, kind: &'static str, title: &'static str, detail: String) -> Self {
        Self {
            kind,
            title,
            status: status.as_u16(),
            detail,
            reason: None,
            current: None,
            line: None,
            field: None,
        }
    }

    /// 400: the request could not be read.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "urn:sync-overview:problem:bad-request",
            "Bad request",
            detail.into(),
        )
    }

    /// 401: no or a wrong bearer token.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "urn:sync-overview:problem:unauthorized",
            "Unauthorized",
            "A valid bearer token is required.".to_owned(),
        )
    }

    /// 403: a write that does not say who makes it, where the server needs to know.
    pub fn actor_unknown(header: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "urn:sync-overview:problem:actor-unknown",
            "Who makes this change is not known",
            format!(
                "A change must name its user in the {header} header, sent by the portal's trusted                  proxy; nothing was changed."
            ),
        )
    }

    /// 404: what was asked for does not exist.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "urn:sync-overview:problem:not-found",
            "Not found",
            detail.into(),
        )
    }

    /// 409 for a stale version (with the current item), 404 for a vanished item or record, 422
    /// for any other refusal.
    pub fn refused(error: ActionError, current: Option<ItemView>) -> Self {
        let reason = serde_json::to_value(&error)
            .ok()
            .and_then(|v| v.get("error").and_then(|t| t.as_str()).map(str::to_owned));
        let mut problem = match error {
            ActionError::StaleVersion { .. } => Self::new(
                StatusCode::CONFLICT,
                "urn:sync-overview:problem:stale-version",
                "Stale version",
                error.to_string(),
            ),
            ActionError::UnknownItem { .. } | ActionError::UnknownRecord { .. } => {
                Self::not_found(error.to_string())
            }
            _ => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "urn:sync-overview:problem:action-refused",
                "Action refused",
                error.to_string(),
            ),
        };
        problem.reason = reason;
        problem.current = current.map(Box::new);
        problem
    }

    /// 422: a sync run that cannot be applied, with the line and field at fault; nothing was
    /// applied.
    pub fn invalid_run(problem: InputProblem) -> Self {
        let mut answer = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "urn:sync-overview:problem:invalid-run",
            "Invalid sync run",
            format!("{problem}. Nothing of the run was applied."),
        );
        answer.line = problem.line;
        answer.field = problem.field.map(String::into_boxed_str);
        answer
    }

    /// 415: a body of a media type the route does not read.
    pub fn unsupported_media_type(takes: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "urn:sync-overview:problem:unsupported-media-type",
            "Unsupported media type",
            format!("This route takes {takes}."),
        )
    }

    /// 500: the server failed; the detail is kept general (the log has the cause).
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "urn:sync-overview:problem:internal",
            "Internal error",
            "The server failed to answer; nothing was changed. Try again.".to_owned(),
        )
    }

    /// 422: an idempotency key sent again with another request.
    pub fn key_reused() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "urn:sync-overview:problem:idempotency-key-reused",
            "Idempotency key reused",
            "This Idempotency-Key was already used for another request; nothing was changed. \
             Send a new key with each new request."
                .to_owned(),
        )
    }

    /// 413: the request body is larger than the server takes.
    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "urn:sync-overview:problem:too-large",
            "Request too large",
            format!("The request body must be at most {limit} bytes."),
        )
    }

    /// 405: the path exists, the method does not (the answer's `Allow` names those that do).
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "urn:sync-overview:problem:method-not-allowed",
            "Method not allowed",
            "This path does not take this method; the Allow header names those it takes."
                .to_owned(),
        )
    }

    /// 414: the request's URI is longer than the server reads.
    pub fn uri_too_long(limit: usize) -> Self {
        Self::new(
            StatusCode::URI_TOO_LONG,
            "urn:sync-overview:problem:uri-too-long",
            "URI too long",
            format!("The request's path and query must be at most {limit} bytes."),
        )
    }

    /// 431: more header fields, or more header bytes, than the server reads.
    pub fn headers_too_large(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "urn:sync-overview:problem:headers-too-large",
            "Request header fields too large",
            detail.into(),
        )
    }

    /// 403: a CORS preflight for a method or header the API does not take.
    pub fn preflight_refused() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "urn:sync-overview:problem:preflight-refused",
            "Preflight refused",
            "The API takes GET and POST, with the headers Authorization, Content-Type and \
             Idempotency-Key; this cross-origin request asks for something else."
                .to_owned(),
        )
    }

    /// 503: the database is not answering; nothing was changed, and trying again later may work.
    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "urn:sync-overview:problem:unavailable",
            "Service unavailable",
            "The database is not answering; nothing was changed. Try again in a moment.".to_owned(),
        )
    }

    /// 503: the answer took longer than the server allows.
    pub fn timed_out() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "urn:sync-overview:problem:timed-out",
            "Timed out",
            "The server took too long to answer. A change may still have been saved: send it \
             again with the same Idempotency-Key to be sure it is applied once."
                .to_owned(),
        )
    }

    /// The HTTP status.
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&self).unwrap_or_default();
        (
            self.status_code(),
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}

/// A database failure: 503 when it is not answering (worth retrying), else 500.
pub fn db_problem(error: DbError) -> Problem {
    if error.is_unavailable() {
        tracing::warn!(%error, "database not answering");
        Problem::unavailable()
    } else {
        internal(error)
    }
}

pub(crate) fn internal(error: impl std::fmt::Display) -> Problem {
    tracing::error!(%error, "request failed");
    Problem::internal()
}

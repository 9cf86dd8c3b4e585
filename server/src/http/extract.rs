//! The API's extractors: path ids, query strings and JSON bodies whose rejection is the API's
//! problem document (400, or 413 for a body over its limit), so that handlers take plain values.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use sync_core::Batch;

use crate::http::layers::BATCH_BODY_LIMIT;
use crate::http::problem::Problem;

/// The ids in the path (`{integration}`, `{client}`, `{item}`).
pub struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(ids)| Self(ids))
            .map_err(|e| Problem::bad_request(e.body_text()))
    }
}

/// The query string's parameters.
pub struct Params<T>(pub T);

impl<T, S> FromRequestParts<S> for Params<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(params)| Self(params))
            .map_err(|e| Problem::bad_request(e.body_text()))
    }
}

/// How large a body of this type may be, for the problem that refuses a larger one (the route's
/// body limit layer enforces it).
pub trait BodyLimit {
    /// The limit, in bytes.
    const LIMIT: usize;
}

impl BodyLimit for Batch {
    const LIMIT: usize = BATCH_BODY_LIMIT;
}

/// A write's body: a JSON object (an array is not taken for one) with the fields of `T`, read
/// and parsed once.
pub struct Body<T>(pub T);

impl<T, S> FromRequest<S> for Body<T>
where
    T: DeserializeOwned + BodyLimit,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(is_json);
        if !json {
            return Err(Problem::bad_request(
                "Expected request with `Content-Type: application/json`",
            ));
        }
        let bytes =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => Problem::too_large(T::LIMIT),
                    _ => Problem::bad_request(rejection.body_text()),
                })?;
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return Err(Problem::bad_request("The JSON body must be an object"));
        }
        serde_json::from_slice(&bytes)
            .map(Self)
            .map_err(|e| Problem::bad_request(format!("Failed to read the JSON body: {e}")))
    }
}

/// Whether a Content-Type names JSON (`application/json`, or `application/…+json`), as axum's
/// own JSON extractor decides.
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let essence = essence.to_ascii_lowercase();
    essence == "application/json"
        || essence.starts_with("application/") && essence.ends_with("+json")
}

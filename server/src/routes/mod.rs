//! The HTTP/JSON API (documented in `openapi.yaml`): the routes under `/api/v1`, with reads
//! answered from the in-memory store ([`reads`]) and writes committed to the database first
//! ([`writes`]).

mod events;
pub mod faults;
mod history;
mod log_entries;
mod reads;
mod rules;
mod runs;
mod writes;

use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;

use crate::http::layers::{self, BATCH_BODY_LIMIT, BODY_LIMIT};
use crate::http::limits;
use crate::http::problem::Problem;
use crate::Shared;
use reads::{candidates, clients, counts, integrations, items, logs, suggestions};
use writes::{batch, item_write, ExcludeBody, IncludeBody, RematchBody, RestoreBody};

/// The API's routes, under `/api/v1`. A body announced over a route's limit is refused at once;
/// a path no route serves is 404 and a method a route does not take 405, both problem documents.
/// Each is answered within [`layers::REQUEST_TIMEOUT`], but a sync run ([`sync_runs`]) and the
/// change events (a stream that lasts as long as its subscriber).
pub fn routes() -> Router<Shared> {
    answered_in_time()
        .merge(sync_runs())
        .route("/events", get(events::events))
        .method_not_allowed_fallback(wrong_method)
        .fallback(no_route)
}

/// `POST …/sync-runs`, with no answer time limit (a million items take longer); its body is
/// streamed and held to the server's run limit as it is read.
fn sync_runs() -> Router<Shared> {
    Router::new().route(
        "/integrations/{integration}/sync-runs",
        post(runs::sync_run),
    )
}

/// Every other route, each answered within [`layers::REQUEST_TIMEOUT`].
fn answered_in_time() -> Router<Shared> {
    Router::new()
        .route("/integrations", get(integrations))
        .route("/integrations/{integration}/counts", get(counts))
        .route("/integrations/{integration}/clients", get(clients))
        .route(
            "/integrations/{integration}/clients/{client}/items",
            get(items),
        )
        .route(
            "/integrations/{integration}/clients/{client}/suggestions",
            get(suggestions),
        )
        .route("/integrations/{integration}/logs", get(logs))
        .route(
            "/integrations/{integration}/log-entries",
            get(log_entries::log_entries),
        )
        .route("/integrations/{integration}/rules", get(rules::rules))
        .route(
            "/integrations/{integration}/rules/preview",
            get(rules::preview),
        )
        .route("/items/{item}/candidates", get(candidates))
        .route("/items/{item}/history", get(history::history))
        .route("/items/{item}/rematch", post(item_write::<RematchBody>))
        .route("/items/{item}/exclude", post(item_write::<ExcludeBody>))
        .route("/items/{item}/include", post(item_write::<IncludeBody>))
        .route("/items/{item}/restore", post(item_write::<RestoreBody>))
        .route_layer(from_fn_with_state(BODY_LIMIT, limits::announced_body))
        .route(
            "/batches",
            post(batch)
                .layer(DefaultBodyLimit::max(BATCH_BODY_LIMIT))
                .layer(from_fn_with_state(BATCH_BODY_LIMIT, limits::announced_body)),
        )
        .route_layer(from_fn(layers::time_limit))
}

/// 404 for a path no route serves.
pub async fn no_route() -> Problem {
    Problem::not_found("No route serves this path.")
}

/// 405 for a method a route does not take; the router adds `Allow`.
pub async fn wrong_method() -> Problem {
    Problem::method_not_allowed()
}

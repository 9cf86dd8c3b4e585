//! The HTTP/JSON API (documented in `openapi.yaml`): reads answered from the in-memory store,
//! writes committed to the database first.

use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use sync_core::{
    Action, Batch, CandidateQuery, ClientId, IntegrationId, ItemId, ItemQuery, RecordId,
    ResourceType, Sort, SortKey, SyncStatus,
};

use crate::extract::{Body, BodyLimit, Ids, Params};
use crate::layers::{BATCH_BODY_LIMIT, BODY_LIMIT};
use crate::limits;
use crate::problem::{db_problem, internal, Answer, Problem};
use crate::write::{write, write_batch};
use crate::Shared;

/// The most items one page may hold.
pub const MAX_LIMIT: u32 = 10_000;

/// The most items one batch may name.
pub const MAX_BATCH: usize = 200_000;

/// The API's routes, under `/api/v1`. A body announced over a route's limit is refused at once;
/// a path no route serves is 404 and a method a route does not take 405, both problem documents.
pub fn routes() -> Router<Shared> {
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
        .route("/items/{item}/candidates", get(candidates))
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
        .method_not_allowed_fallback(wrong_method)
        .fallback(no_route)
}

/// 404 for a path no route serves.
pub async fn no_route() -> Problem {
    Problem::not_found("No route serves this path.")
}

/// 405 for a method a route does not take; the router adds `Allow`.
pub async fn wrong_method() -> Problem {
    Problem::method_not_allowed()
}

fn json<T: serde::Serialize>(value: &T) -> Response {
    Json(value).into_response()
}

async fn integrations(State(state): State<Shared>) -> Answer {
    Ok(json(
        &state
            .replica
            .read(&state.db)
            .await
            .map_err(db_problem)?
            .integrations(),
    ))
}

async fn counts(State(state): State<Shared>, Ids(integration): Ids<u32>) -> Answer {
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let counts = store
        .counts(IntegrationId(integration))
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&counts))
}

async fn clients(State(state): State<Shared>, Ids(integration): Ids<u32>) -> Answer {
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let clients = store
        .clients(IntegrationId(integration))
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&clients))
}

/// A page size asked for (else `default`), refused above [`MAX_LIMIT`].
fn limit(asked: Option<u32>, default: u32) -> Result<u32, Problem> {
    match asked.unwrap_or(default) {
        limit if limit > MAX_LIMIT => Err(Problem::bad_request(format!(
            "limit must be at most {MAX_LIMIT}"
        ))),
        limit => Ok(limit),
    }
}

/// The item list's query string.
#[derive(Debug, Deserialize)]
pub struct ItemParams {
    #[serde(default)]
    filter: String,
    #[serde(rename = "type")]
    resource_type: Option<String>,
    status: Option<String>,
    #[serde(default)]
    sort: Option<SortKey>,
    #[serde(default)]
    order: Option<String>,
    #[serde(default)]
    offset: u32,
    limit: Option<u32>,
}

async fn items(
    State(state): State<Shared>,
    Ids((integration, client)): Ids<(u32, u32)>,
    Params(p): Params<ItemParams>,
) -> Answer {
    let resource_type = match p.resource_type.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => Some(
            ResourceType::from_slug(t)
                .ok_or_else(|| Problem::bad_request(format!("unknown type {t:?}")))?,
        ),
    };
    let status = match p.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            SyncStatus::from_slug(s)
                .ok_or_else(|| Problem::bad_request(format!("unknown status {s:?}")))?,
        ),
    };
    let descending = match p.order.as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(other) => {
            return Err(Problem::bad_request(format!(
                "order must be asc or desc, not {other:?}"
            )))
        }
    };
    let limit = limit(p.limit, 100)?;
    let query = ItemQuery {
        filter: p.filter,
        resource_type,
        status,
        sort: Sort {
            key: p.sort.unwrap_or_default(),
            descending,
        },
        offset: p.offset,
        limit,
        ..ItemQuery::all(IntegrationId(integration), ClientId(client))
    };
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let page = store
        .items(&query)
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&page))
}

/// The log query string.
#[derive(Debug, Deserialize)]
pub struct LogParams {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

async fn logs(
    State(state): State<Shared>,
    Ids(integration): Ids<u32>,
    Params(p): Params<LogParams>,
) -> Answer {
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let entries = store
        .logs(IntegrationId(integration), p.from, p.to)
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&entries))
}

/// The candidates' query string.
#[derive(Debug, Deserialize)]
pub struct CandidateParams {
    #[serde(default)]
    filter: String,
    limit: Option<u32>,
}

async fn candidates(
    State(state): State<Shared>,
    Ids(item): Ids<u32>,
    Params(p): Params<CandidateParams>,
) -> Answer {
    let limit = limit(p.limit, CandidateQuery::LIMIT)?;
    let query = CandidateQuery {
        filter: p.filter,
        limit,
    };
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let found = store
        .candidates(ItemId(item), &query)
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&found))
}

/// `GET …/suggestions`: the client's Not Synced items with their best candidate. What they are
/// scored from is copied while the store is held; the scoring runs after, on a blocking thread,
/// so that neither a write nor the other requests wait for it.
async fn suggestions(
    State(state): State<Shared>,
    Ids((integration, client)): Ids<(u32, u32)>,
) -> Answer {
    let input = {
        let store = state.replica.read(&state.db).await.map_err(db_problem)?;
        store
            .suggestion_input(IntegrationId(integration), ClientId(client))
            .map_err(|e| Problem::not_found(e.to_string()))?
    };
    let found = tokio::task::spawn_blocking(move || input.suggestions())
        .await
        .map_err(internal)?;
    Ok(json(&found))
}

/// The body of a re-match.
#[derive(Debug, Deserialize)]
pub struct RematchBody {
    version: u32,
    record: u32,
    #[serde(default)]
    disable_previous: bool,
}

/// The body of an exclusion.
#[derive(Debug, Deserialize)]
pub struct ExcludeBody {
    version: u32,
    #[serde(default)]
    disable_record: bool,
}

/// The body of an inclusion.
#[derive(Debug, Deserialize)]
pub struct IncludeBody {
    version: u32,
}

/// The body of a restore (an undo): the state to put back.
#[derive(Debug, Deserialize)]
pub struct RestoreBody {
    version: u32,
    status: SyncStatus,
    record: Option<u32>,
    enable: Option<u32>,
}

/// A write body: the action it asks for on `item`, and the version it expects.
trait ItemWrite: serde::de::DeserializeOwned + BodyLimit {
    fn action(self, item: ItemId) -> (Action, u32);
}

impl BodyLimit for RematchBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl BodyLimit for ExcludeBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl BodyLimit for IncludeBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl BodyLimit for RestoreBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl ItemWrite for RematchBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        let action = Action::Rematch {
            item,
            record: RecordId(self.record),
            disable_previous: self.disable_previous,
        };
        (action, self.version)
    }
}

impl ItemWrite for ExcludeBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        let action = Action::Exclude {
            item,
            disable_record: self.disable_record,
        };
        (action, self.version)
    }
}

impl ItemWrite for IncludeBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        (Action::Include { item }, self.version)
    }
}

impl ItemWrite for RestoreBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        let action = Action::Restore {
            item,
            status: self.status,
            record: self.record.map(RecordId),
            enable: self.enable.map(RecordId),
        };
        (action, self.version)
    }
}

/// `POST /items/{item}/…`: the body `B` read and taken as its action.
async fn item_write<B: ItemWrite>(
    State(state): State<Shared>,
    Ids(item): Ids<u32>,
    headers: HeaderMap,
    Body(body): Body<B>,
) -> Answer {
    let (action, version) = body.action(ItemId(item));
    write(state, &headers, action, version).await
}

/// `POST /batches`: one change to many items, each at its version.
async fn batch(
    State(state): State<Shared>,
    headers: HeaderMap,
    Body(batch): Body<Batch>,
) -> Answer {
    if batch.len() > MAX_BATCH {
        return Err(Problem::too_large(BATCH_BODY_LIMIT));
    }
    if let Batch::ExcludeMatching { matching, .. } | Batch::IncludeMatching { matching } = &batch {
        if !matching.except.is_sorted() {
            return Err(Problem::bad_request(
                "matching.except must list item ids in ascending order",
            ));
        }
    }
    write_batch(state, &headers, batch).await
}

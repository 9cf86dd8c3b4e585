//! The HTTP/JSON API (documented in `openapi.yaml`): reads answered from the in-memory store,
//! writes committed to the database first.

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use sync_core::{
    Action, CandidateQuery, ClientId, IntegrationId, ItemId, ItemQuery, RecordId, ResourceType,
    Sort, SortKey, SyncStatus,
};

use crate::db::{Committed, DbError, Stored, Write};
use crate::problem::Problem;
use crate::AppState;

/// The most items one page may hold.
pub const MAX_LIMIT: u32 = 10_000;
/// The longest idempotency key accepted.
const MAX_KEY: usize = 200;

type Shared = Arc<AppState>;
type Answer = Result<Response, Problem>;

/// The API's routes, under `/api/v1`.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/integrations", get(integrations))
        .route("/integrations/{integration}/counts", get(counts))
        .route("/integrations/{integration}/clients", get(clients))
        .route(
            "/integrations/{integration}/clients/{client}/items",
            get(items),
        )
        .route("/integrations/{integration}/logs", get(logs))
        .route("/items/{item}/candidates", get(candidates))
        .route("/items/{item}/rematch", post(item_write::<RematchBody>))
        .route("/items/{item}/exclude", post(item_write::<ExcludeBody>))
        .route("/items/{item}/include", post(item_write::<IncludeBody>))
        .route("/items/{item}/restore", post(item_write::<RestoreBody>))
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

async fn counts(
    State(state): State<Shared>,
    integration: Result<Path<u32>, PathRejection>,
) -> Answer {
    let integration = ids(integration)?;
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let counts = store
        .counts(IntegrationId(integration))
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&counts))
}

async fn clients(
    State(state): State<Shared>,
    integration: Result<Path<u32>, PathRejection>,
) -> Answer {
    let integration = ids(integration)?;
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
    path: Result<Path<(u32, u32)>, PathRejection>,
    params: Result<Query<ItemParams>, QueryRejection>,
) -> Answer {
    let (integration, client) = ids(path)?;
    let Query(p) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
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
    if store.integrations().len() > integration as usize
        && !store.syncs_client(IntegrationId(integration), ClientId(client))
    {
        return Err(Problem::not_found(format!(
            "Client {client} is not synced in integration {integration}."
        )));
    }
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
    integration: Result<Path<u32>, PathRejection>,
    params: Result<Query<LogParams>, QueryRejection>,
) -> Answer {
    let integration = ids(integration)?;
    let Query(p) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
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
    item: Result<Path<u32>, PathRejection>,
    params: Result<Query<CandidateParams>, QueryRejection>,
) -> Answer {
    let item = ids(item)?;
    let Query(p) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
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

fn ids<T>(path: Result<Path<T>, PathRejection>) -> Result<T, Problem> {
    path.map(|Path(ids)| ids)
        .map_err(|e| Problem::bad_request(e.body_text()))
}

/// A write's body: a JSON object (an array is not taken for one) with the fields of `T`.
fn body<T: serde::de::DeserializeOwned>(
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<T, Problem> {
    match body {
        Ok(Json(value)) if value.is_object() => serde_json::from_value(value)
            .map_err(|e| Problem::bad_request(format!("Failed to deserialize the JSON body: {e}"))),
        Ok(Json(_)) => Err(Problem::bad_request("The JSON body must be an object")),
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            Err(Problem::too_large(crate::layers::BODY_LIMIT))
        }
        Err(rejection) => Err(Problem::bad_request(rejection.body_text())),
    }
}

/// A write body: the action it asks for on `item`, and the version it expects.
trait ItemWrite: serde::de::DeserializeOwned {
    fn action(self, item: ItemId) -> (Action, u32);
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
    item: Result<Path<u32>, PathRejection>,
    headers: HeaderMap,
    b: Result<Json<serde_json::Value>, JsonRejection>,
) -> Answer {
    let item = ids(item)?;
    let (action, version) = body::<B>(b)?.action(ItemId(item));
    write(state, &headers, action, version).await
}

fn replayed(stored: Stored) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        stored.body,
    )
        .into_response()
}

/// Applies an action once: writes are taken one at a time; a retried request with the same
/// `Idempotency-Key` gets the first answer again; the change and that answer are committed to the
/// database together before the in-memory store changes.
/// How often a write is worked out again when another replica committed first.
const ATTEMPTS: usize = 8;

/// Takes a write. It runs to the end in a task of its own: a client that goes away mid-write can
/// never leave the database changed and this process's memory not.
async fn write(state: Shared, headers: &HeaderMap, action: Action, version: u32) -> Answer {
    let key = idempotency_key(headers)?;
    // What the key is bound to: the action (its path and item) and the body's meaning.
    let fingerprint = serde_json::to_string(&(&action, version)).map_err(internal)?;
    tokio::spawn(async move { commit(&state, key.as_deref(), &fingerprint, action, version).await })
        .await
        .map_err(internal)?
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, Problem> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    match value.to_str() {
        Ok(k) if (1..=MAX_KEY).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok(Some(k.to_owned()))
        }
        _ => Err(Problem::bad_request(
            "Idempotency-Key must be 1 to 200 visible characters (no spaces)",
        )),
    }
}

/// The stored answer for a key already used: the same request gets it again; another request
/// is refused.
async fn replay(
    state: &AppState,
    key: &str,
    fingerprint: &str,
) -> Result<Option<Response>, Problem> {
    match state.db.stored(key).await.map_err(db_problem)? {
        None => Ok(None),
        Some((bound, stored)) if bound == fingerprint => Ok(Some(replayed(stored))),
        Some(_) => Err(Problem::key_reused()),
    }
}

/// Works the change out on the replica, then commits it on the conditions of `Db::commit`;
/// when the item or record changed meanwhile (another replica wrote it), catches up and works it
/// out again, which then answers 409 or 422 as the item now is.
async fn commit(
    state: &AppState,
    key: Option<&str>,
    fingerprint: &str,
    action: Action,
    version: u32,
) -> Answer {
    if let Some(key) = key {
        if let Some(answer) = replay(state, key, fingerprint).await? {
            return Ok(answer);
        }
    }
    for _ in 0..ATTEMPTS {
        let (change, stored) = {
            let store = state.replica.read(&state.db).await.map_err(db_problem)?;
            match store.change(&action, Some(version)) {
                Ok(change) => {
                    let view = store.view_after(&change);
                    let body = serde_json::to_string(&view).map_err(internal)?;
                    (change, Stored { status: 200, body })
                }
                Err(error) => {
                    let current = store.item(action.item()).ok();
                    return Err(Problem::refused(error, current));
                }
            }
        };
        let write = Write {
            change: &change,
            expected: version,
            // The record the item will be matched to must still be enabled when the write lands.
            enabled: match action {
                Action::Rematch { record, .. } => Some(record),
                Action::Restore {
                    status: SyncStatus::Matched,
                    record,
                    enable,
                    ..
                } if record != enable => record,
                _ => None,
            },
            key: key.map(|k| (k, fingerprint, &stored)),
        };
        match state.db.commit(write).await.map_err(db_problem)? {
            Committed::Saved(seq) => {
                state.replica.committed(&state.db, &change, seq).await;
                tracing::info!(item = change.item.0, version = change.version, status = ?change.status, seq, "item changed");
                return Ok(replayed(stored));
            }
            Committed::Behind => state
                .replica
                .catch_up(&state.db)
                .await
                .map_err(db_problem)?,
            Committed::KeyTaken => {
                let key = key.unwrap_or_default();
                return replay(state, key, fingerprint)
                    .await?
                    .ok_or_else(Problem::unavailable);
            }
        }
    }
    Err(Problem::unavailable())
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

fn internal(error: impl std::fmt::Display) -> Problem {
    tracing::error!(%error, "request failed");
    Problem::internal()
}

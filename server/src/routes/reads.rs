//! The API's reads: integrations, counts, clients, a page of items, logs, candidates and
//! suggestions, answered from the replica.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use sync_core::{
    filled, template_for, CandidateQuery, ClientId, IntegrationId, ItemFlag, ItemId, ItemQuery,
    ResourceType, Sort, SortKey, SyncStatus,
};

use crate::http::extract::{Ids, Params};
use crate::http::problem::{db_problem, internal, Answer, Problem};
use crate::Shared;

/// The most items one page may hold.
pub const MAX_LIMIT: u32 = 10_000;

/// A JSON answer.
pub(super) fn json<T: serde::Serialize>(value: &T) -> Response {
    Json(value).into_response()
}

pub(super) async fn integrations(State(state): State<Shared>) -> Answer {
    Ok(json(
        &state
            .replica
            .read(&state.db)
            .await
            .map_err(db_problem)?
            .integrations(),
    ))
}

pub(super) async fn counts(State(state): State<Shared>, Ids(integration): Ids<u32>) -> Answer {
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let counts = store
        .counts(IntegrationId(integration))
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&counts))
}

pub(super) async fn clients(State(state): State<Shared>, Ids(integration): Ids<u32>) -> Answer {
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let clients = store
        .clients(IntegrationId(integration))
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&clients))
}

/// A page size asked for (else `default`), refused above `max`.
pub(super) fn limit<N: PartialOrd + std::fmt::Display>(
    asked: Option<N>,
    default: N,
    max: N,
) -> Result<N, Problem> {
    match asked.unwrap_or(default) {
        limit if limit > max => Err(Problem::bad_request(format!("limit must be at most {max}"))),
        limit => Ok(limit),
    }
}

/// The value a query parameter names by its slug (none when absent or empty), refused when no
/// value has it.
pub(super) fn slug<T>(
    value: Option<&str>,
    name: &str,
    from_slug: fn(&str) -> Option<T>,
) -> Result<Option<T>, Problem> {
    match value.filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => from_slug(v)
            .map(Some)
            .ok_or_else(|| Problem::bad_request(format!("unknown {name} {v:?}"))),
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
    show: Option<String>,
    #[serde(default)]
    sort: Option<SortKey>,
    #[serde(default)]
    order: Option<String>,
    #[serde(default)]
    offset: u32,
    limit: Option<u32>,
}

pub(super) async fn items(
    State(state): State<Shared>,
    Ids((integration, client)): Ids<(u32, u32)>,
    Params(p): Params<ItemParams>,
) -> Answer {
    let resource_type = slug(p.resource_type.as_deref(), "type", ResourceType::from_slug)?;
    let status = slug(p.status.as_deref(), "status", SyncStatus::from_slug)?;
    let flag = slug(p.show.as_deref(), "show", ItemFlag::from_slug)?;
    let descending = match p.order.as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(other) => {
            return Err(Problem::bad_request(format!(
                "order must be asc or desc, not {other:?}"
            )))
        }
    };
    let limit = limit(p.limit, 100, MAX_LIMIT)?;
    let query = ItemQuery {
        filter: p.filter,
        resource_type,
        status,
        flag,
        sort: Sort {
            key: p.sort.unwrap_or_default(),
            descending,
        },
        offset: p.offset,
        limit,
        ..ItemQuery::all(IntegrationId(integration), ClientId(client))
    };
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let mut page = store
        .items(&query)
        .map_err(|e| Problem::not_found(e.to_string()))?;
    // The integration's source URL template, for the items a sync run gave no address.
    let name = &store.integrations()[query.integration.index()].name;
    if let Some(template) = template_for(&state.source_urls, integration, name) {
        for item in page.items.iter_mut().filter(|i| i.source_url.is_none()) {
            item.source_url = Some(filled(template, &item.source_id));
        }
    }
    Ok(json(&page))
}

/// The log query string.
#[derive(Debug, Deserialize)]
pub struct LogParams {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

pub(super) async fn logs(
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

pub(super) async fn candidates(
    State(state): State<Shared>,
    Ids(item): Ids<u32>,
    Params(p): Params<CandidateParams>,
) -> Answer {
    let limit = limit(p.limit, CandidateQuery::LIMIT, MAX_LIMIT)?;
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
pub(super) async fn suggestions(
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

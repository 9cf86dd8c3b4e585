//! `GET /integrations/{integration}/log-entries`: the Sync Logs window's query, a page of the
//! integration's log entries in a time range narrowed by level, client and text, newest first.

use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use sync_core::{ClientId, IntegrationId, LogLevel, LogQuery};

use super::reads::{json, limit, MAX_LIMIT};
use crate::http::extract::{Ids, Params};
use crate::http::problem::{db_problem, Answer, Problem};
use crate::Shared;

/// The query string.
#[derive(Debug, Deserialize)]
pub struct LogEntryParams {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    level: Option<LogLevel>,
    client: Option<u32>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    offset: u32,
    limit: Option<u32>,
}

pub(super) async fn log_entries(
    State(state): State<Shared>,
    Ids(integration): Ids<u32>,
    Params(p): Params<LogEntryParams>,
) -> Answer {
    let query = LogQuery {
        integration: IntegrationId(integration),
        from: p.from,
        to: p.to,
        level: p.level,
        client: p.client.map(ClientId),
        text: p.text,
        offset: p.offset,
        limit: limit(p.limit, 200, MAX_LIMIT)?,
    };
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let page = store
        .log_page(&query)
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&page))
}

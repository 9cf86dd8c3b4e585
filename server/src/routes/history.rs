//! `GET /items/{item}/history`: a page of one item's history, newest first, read from the
//! database (every replica's writes are there), with the records it names as they are now.

use axum::extract::State;
use serde::Deserialize;
use sync_core::ItemId;

use super::reads::{json, limit};
use crate::http::extract::{Ids, Params};
use crate::http::problem::{db_problem, Answer, Problem};
use crate::Shared;

/// The most entries one page may hold.
const MAX_HISTORY: u32 = 1_000;

/// The history's query string.
#[derive(Debug, Deserialize)]
pub struct HistoryParams {
    /// Only entries made before this change (the `next` of the page before).
    before: Option<u64>,
    limit: Option<u32>,
}

pub(super) async fn history(
    State(state): State<Shared>,
    Ids(item): Ids<u32>,
    Params(p): Params<HistoryParams>,
) -> Answer {
    let limit = limit(p.limit, 50, MAX_HISTORY)?;
    let item = ItemId(item);
    {
        let store = state.replica.read(&state.db).await.map_err(db_problem)?;
        store
            .item(item)
            .map_err(|e| Problem::not_found(e.to_string()))?;
    }
    let mut page = (state.db.history(item, p.before, limit).await).map_err(db_problem)?;
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    page.records = store.history_records(&page.entries);
    Ok(json(&page))
}

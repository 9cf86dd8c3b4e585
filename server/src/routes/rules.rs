//! The exclusion rules' reads: an integration's rules in force, and what a rule would exclude
//! if it were saved now (saving and deleting are rule batches, `POST /batches`).

use axum::extract::State;
use serde::Deserialize;
use sync_core::{IntegrationId, NewRule, ResourceType};

use super::reads::{json, limit, slug};
use crate::http::extract::{Ids, Params};
use crate::http::problem::{db_problem, Answer, Problem};
use crate::Shared;

/// The most items a preview lists.
const MAX_PREVIEW: usize = 500;

/// `GET /integrations/{integration}/rules`.
pub(super) async fn rules(State(state): State<Shared>, Ids(integration): Ids<u32>) -> Answer {
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let rules = store
        .rules(IntegrationId(integration))
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&rules))
}

/// The preview's query string: the rule as it is being written.
#[derive(Debug, Deserialize)]
pub struct PreviewParams {
    #[serde(default)]
    pattern: String,
    #[serde(rename = "type")]
    resource_type: Option<String>,
    limit: Option<usize>,
}

/// `GET /integrations/{integration}/rules/preview`.
pub(super) async fn preview(
    State(state): State<Shared>,
    Ids(integration): Ids<u32>,
    Params(p): Params<PreviewParams>,
) -> Answer {
    let resource_type = slug(p.resource_type.as_deref(), "type", ResourceType::from_slug)?;
    let limit = limit(p.limit, 50, MAX_PREVIEW)?;
    let rule = NewRule {
        integration: IntegrationId(integration),
        pattern: p.pattern,
        resource_type,
        disable_record: false,
    };
    if let Some(problem) = rule.problem() {
        return Err(Problem::bad_request(problem));
    }
    let store = state.replica.read(&state.db).await.map_err(db_problem)?;
    let preview = store
        .rule_preview(&rule, limit)
        .map_err(|e| Problem::not_found(e.to_string()))?;
    Ok(json(&preview))
}

//! The one path every write takes: a single item's action or a batch, worked out on the replica
//! by sync-core, then committed to the database with its idempotency record, in a task of its
//! own, retried when another replica committed first.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sync_core::{Action, Batch, Change, HistoryEntry, RecordId, Rule, Stamp, Store, What};

use crate::database::{Committed, Stored, Write};
use crate::events::Payload;
use crate::http::problem::Problem;
use crate::http::problem::{db_problem, internal, Answer};
use crate::serve::gauges::Gauge;
use crate::AppState;
use crate::Shared;

/// How often a write is worked out again when another replica committed first.
const ATTEMPTS: usize = 8;

/// The longest Idempotency-Key taken.
const MAX_KEY: usize = 200;

/// What a write works out on the replica: the changes, the records they must find enabled, and
/// the answer to send (and store under the key).
struct Worked {
    changes: Vec<Change>,
    history: Vec<HistoryEntry>,
    enabled: Vec<RecordId>,
    stored: Stored,
    rule: Option<Rule>,
}

/// Who makes a write, and when (its change number is the database's, once committed).
fn stamp(actor: String) -> Stamp {
    Stamp {
        seq: 0,
        time: chrono::Utc::now(),
        actor,
    }
}

/// Applies `action` to one item at `version`, at most once per `Idempotency-Key`, recorded in
/// the item's history under `actor`.
pub async fn write(
    state: Shared,
    headers: &HeaderMap,
    action: Action,
    version: u32,
    actor: String,
) -> Answer {
    let key = idempotency_key(headers)?;
    // What the key is bound to: the action (its path and item) and the body's meaning.
    let fingerprint = serde_json::to_string(&(&action, version)).map_err(internal)?;
    let stamp = stamp(actor);
    let work = move |store: &Store| match store.change(&action, Some(version)) {
        Ok(change) => {
            let view = store.view_after(&change);
            let body = serde_json::to_string(&view).map_err(internal)?;
            let what = What::of_action(&action);
            Ok(Worked {
                history: store.history_of(std::slice::from_ref(&change), what, None, &stamp),
                enabled: store.linked_anew(&change).into_iter().collect(),
                changes: vec![change],
                stored: Stored { status: 200, body },
                rule: None,
            })
        }
        Err(error) => {
            let current = store.item(action.item()).ok();
            Err(Problem::refused(error, current))
        }
    };
    in_task_of_its_own(state, key, fingerprint, work).await
}

/// Applies a batch, at most once per `Idempotency-Key`: every item still at its version changes,
/// the others are reported; one transaction, recorded in the items' history under `actor`.
pub async fn write_batch(
    state: Shared,
    headers: &HeaderMap,
    batch: Batch,
    actor: String,
) -> Answer {
    let key = idempotency_key(headers)?;
    let fingerprint = serde_json::to_string(&batch).map_err(internal)?;
    let stamp = stamp(actor);
    let work = move |store: &Store| {
        let (changes, outcome) = store.plan_batch(&batch);
        let what = What::of_batch(&batch);
        let history = store.history_of(&changes, what, Some(&outcome), &stamp);
        let enabled = changes
            .iter()
            .filter_map(|c| store.linked_anew(c))
            .collect();
        let body = serde_json::to_string(&outcome).map_err(internal)?;
        Ok(Worked {
            rule: outcome.rule,
            history,
            changes,
            enabled,
            stored: Stored { status: 200, body },
        })
    };
    in_task_of_its_own(state, key, fingerprint, work).await
}

/// Commits in a task of its own, counted in `/metrics` until done: a client that goes away does
/// not cancel a write half way.
async fn in_task_of_its_own(
    state: Shared,
    key: Option<String>,
    fingerprint: String,
    work: impl Fn(&Store) -> Result<Worked, Problem> + Send + 'static,
) -> Answer {
    let held = state.gauges.hold(Gauge::Writes);
    tokio::spawn(async move {
        let answer = commit(&state, key.as_deref(), &fingerprint, work).await;
        drop(held);
        answer
    })
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

fn replayed(stored: Stored) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        stored.body,
    )
        .into_response()
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

/// Works the write out on the replica, then commits it on the conditions of `Db::commit`;
/// when an item or record changed meanwhile (another replica wrote it), catches up and works it
/// out again, which then answers as the items now are.
async fn commit(
    state: &AppState,
    key: Option<&str>,
    fingerprint: &str,
    work: impl Fn(&Store) -> Result<Worked, Problem>,
) -> Answer {
    if let Some(key) = key {
        if let Some(answer) = replay(state, key, fingerprint).await? {
            return Ok(answer);
        }
    }
    for _ in 0..ATTEMPTS {
        let worked = {
            let store = state.replica.read(&state.db).await.map_err(db_problem)?;
            work(&store)?
        };
        let write = Write {
            changes: &worked.changes,
            enabled: &worked.enabled,
            key: key.map(|k| (k, fingerprint, &worked.stored)),
            rule: worked.rule.as_ref(),
            history: &worked.history,
        };
        match state.db.commit(write).await.map_err(db_problem)? {
            Committed::Saved(seq) => {
                state
                    .replica
                    .committed(&state.db, &worked.changes, worked.rule.as_ref(), seq)
                    .await;
                let payload = Payload::write(seq, &worked.changes, worked.rule.as_ref());
                state.events.committed(&payload);
                tracing::info!(items = worked.changes.len(), seq, "items changed");
                return Ok(replayed(worked.stored));
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

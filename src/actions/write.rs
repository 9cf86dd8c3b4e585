//! The one path every write takes: the backend call with the version the screen read and an
//! idempotency key, then, when it fails, what the screen says and reloads.

use sync_core::{Action, ItemView};

use crate::actions::bulk::{Plan, Summary};
use crate::actions::screen::Screen;
use crate::data::{Api, BackendError, BatchAnswer, BatchBody};

/// Why a write changed nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Someone changed the item meanwhile: the screen already says so in an alert and reloads
    /// it; whatever was open for the old item should close.
    Stale,
    /// Why it failed, for the place the user acted in (a dialog, or an alert).
    Failed(String),
}

/// Applies `action` to the item as it was at `version`. Sending the same `key` again (a retry)
/// applies it at most once. A stale version or a vanished item reloads what the screen shows.
pub async fn write(
    api: Api,
    screen: Screen,
    action: Action,
    version: u32,
    key: &str,
) -> Result<ItemView, Refusal> {
    let reload = || {
        screen.changes().bump();
    };
    match api.get().apply(action, version, key).await {
        Ok(changed) => Ok(changed),
        Err(BackendError::Stale(message)) => {
            screen.failed(format!(
                "{message} Nothing was saved: check the item and try again."
            ));
            reload();
            Err(Refusal::Stale)
        }
        Err(error) => {
            if matches!(error, BackendError::NotFound(_)) {
                reload();
            }
            Err(Refusal::Failed(error.to_string()))
        }
    }
}

/// Applies `action` to the item as it read (`before`), as [`write`] does, then offers its undo.
pub async fn write_undoable(
    api: Api,
    screen: Screen,
    action: Action,
    before: &ItemView,
    key: &str,
) -> Result<ItemView, Refusal> {
    let changed = write(api, screen, action.clone(), before.version, key).await?;
    screen.undo().offer(&action, before, &changed);
    Ok(changed)
}

/// Applies `batch` in one request under `key` (a retry with the same key applies it at most
/// once). Items that changed since they were read are left as they are and reported in the
/// outcome; the screen reloads. A failure changes nothing and says why.
pub async fn write_batch(
    api: Api,
    screen: Screen,
    batch: BatchBody,
    key: &str,
) -> Result<BatchAnswer, String> {
    let answer = api.get().apply_batch(batch, key).await;
    if matches!(
        answer,
        Ok(_) | Err(BackendError::Stale(_) | BackendError::NotFound(_))
    ) {
        screen.changes().bump();
    }
    answer.map_err(|error| error.to_string())
}

/// Sends a bulk action's batch (nothing when every item was skipped) as [`write_batch`] does,
/// offers its undo, and returns what to tell the user.
pub async fn write_plan(
    api: Api,
    screen: Screen,
    plan: Plan,
    key: &str,
) -> Result<Summary, String> {
    let outcome = match &plan.batch {
        Some(batch) => write_batch(api, screen, BatchBody::Built(batch.clone()), key).await?,
        None => BatchAnswer::default(),
    };
    let summary = plan.summary(&outcome);
    if let Some(undo) = outcome.undo {
        screen.undo().offer_batch(undo, plan.names);
    }
    Ok(summary)
}

/// A fresh idempotency key for a write: time and randomness, unique enough per browser.
pub fn new_key() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    format!("{now:x}-{random:x}")
}

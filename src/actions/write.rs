//! The one path every write takes: the backend call with the version the screen read and an
//! idempotency key, then, when it fails, what the screen says and reloads.

use sync_core::{Action, ItemId, ItemView, What};

use crate::actions::bulk::{Plan, Summary};
use crate::actions::history_words::latest_change;
use crate::actions::screen::Screen;
use crate::data::{Api, BackendError, BatchAnswer, BatchBody};

/// Why a write changed nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Someone changed the item meanwhile: the screen says so in an alert (with the item's
    /// latest change) and reloads it; whatever was open for the old item should close.
    Stale,
    /// Why it failed, for the place the user acted in (a dialog, or an alert).
    Failed(String),
}

/// Applies `action` to the item as it was at `version`. Sending the same `key` again (a retry)
/// applies it at most once. A stale version or a vanished item reloads what the screen shows; a
/// stale one is said (`stale`, or the backend's message and that nothing was saved) with the
/// item's latest change, read from its history.
pub async fn write(
    api: Api,
    screen: Screen,
    action: Action,
    version: u32,
    key: &str,
    stale: Option<String>,
) -> Result<ItemView, Refusal> {
    let reload = || {
        screen.changes().bump();
    };
    let what = What::of_action(&action);
    let item = action.item();
    match api.get().apply(action, version, key).await {
        Ok(changed) => {
            screen
                .host()
                .change(what, 1, Some(vec![changed.id.0]), Some(changed.status));
            Ok(changed)
        }
        Err(BackendError::Stale(message)) => {
            let said = stale.unwrap_or_else(|| {
                format!("{message} Nothing was saved: check the item and try again.")
            });
            say_stale(api, screen, item, said);
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

/// Says `said` (a write on `item` was refused as stale), then the item's latest change when its
/// history names it: read first, on the side (the refusal does not wait for it), so that the
/// alert is said once, whole.
fn say_stale(api: Api, screen: Screen, item: ItemId, said: String) {
    leptos::task::spawn_local(async move {
        let latest = match api.get().history(item, None, 1).await {
            Ok(page) => latest_change(&page, chrono::Utc::now()),
            Err(_) => None,
        };
        let latest = latest.map_or_else(String::new, |s| format!(" {s}"));
        screen.failed_as("stale", format!("{said}{latest}"));
    });
}

/// Applies `action` to the item as it read (`before`), as [`write`] does, then offers its undo.
pub async fn write_undoable(
    api: Api,
    screen: Screen,
    action: Action,
    before: &ItemView,
    key: &str,
) -> Result<ItemView, Refusal> {
    let changed = write(api, screen, action.clone(), before.version, key, None).await?;
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
    let named = match &batch {
        BatchBody::Built(built) => Some((
            What::of_batch(built),
            built.item_ids(),
            built.status_after(),
        )),
        BatchBody::Json(_) => None,
    };
    let answer = api.get().apply_batch(batch, key).await;
    if let Ok(done) = &answer {
        let (what, ids, status) = named.unwrap_or((What::Restore, None, None));
        let left: std::collections::HashSet<ItemId> = (done.stale.iter().copied())
            .chain(done.refused.iter().map(|r| r.0))
            .collect();
        let ids = ids.map(|ids| {
            (ids.into_iter())
                .filter(|i| !left.contains(i))
                .map(|i| i.0)
                .collect()
        });
        screen.host().change(what, done.changed, ids, status);
    }
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

/// A fresh idempotency key for a write: a random (version 4) UUID, its 122 random bits from
/// the browser's `crypto.getRandomValues` through web-sys. (`crypto.randomUUID` would read the
/// same source, but exists only on https and localhost pages; a portal on plain http is served
/// too.)
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    use wasm_bindgen::JsCast;
    let crypto: web_sys::Crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .expect("the global crypto object (every browser has one)")
        .unchecked_into();
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .expect("16 random bytes (within getRandomValues' 65,536)");
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::new_key;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_key_is_a_random_version_4_uuid() {
        let keys: std::collections::HashSet<String> = (0..1_000).map(|_| new_key()).collect();
        assert_eq!(keys.len(), 1_000, "no key twice");
        for key in keys.iter().take(20) {
            let parts: Vec<&str> = key.split('-').collect();
            let lengths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{key}");
            assert!(parts[2].starts_with('4'), "version 4: {key}");
            assert!(
                matches!(&parts[3][..1], "8" | "9" | "a" | "b"),
                "variant: {key}"
            );
        }
    }
}

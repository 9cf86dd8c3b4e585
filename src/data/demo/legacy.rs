//! The journal as versions before IndexedDB kept it: one local storage value holding every
//! action. Read once, carried over into the new journal, then removed.

use serde::Deserialize;
use sync_core::Action;
use web_sys::Storage;

/// What the old journal held.
#[derive(Default, Deserialize)]
struct Saved {
    actions: Vec<Action>,
}

/// An old journal found in local storage.
#[derive(Default)]
pub struct Found {
    /// Its actions, in order.
    pub actions: Vec<Action>,
    /// Its raw contents, when they could not be read.
    pub unreadable: Option<String>,
}

impl Found {
    /// Removes the old journal, once what it held is safely in the new one.
    pub fn forget(&self, name: &str) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&key(name));
        }
    }
}

/// Reads the old journal of the demo data set `name`, if there is one.
pub fn take(name: &str) -> Found {
    let raw = local_storage().and_then(|storage| storage.get_item(&key(name)).ok().flatten());
    match raw {
        None => Found::default(),
        Some(raw) => match serde_json::from_str::<Saved>(&raw) {
            Ok(saved) => Found {
                actions: saved.actions,
                unreadable: None,
            },
            Err(_) => Found {
                actions: Vec::new(),
                unreadable: Some(raw),
            },
        },
    }
}

fn key(name: &str) -> String {
    format!("sync-overview/journal/v1/{name}")
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

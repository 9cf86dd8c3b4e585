//! The mock store's journal: the user's actions, kept in the browser's local storage so that they
//! survive a reload. Only actions are stored, never the (regenerable) demo data.

use serde::{Deserialize, Serialize};
use sync_core::Action;
use web_sys::Storage;

/// What the journal holds in storage.
#[derive(Default, Serialize, Deserialize)]
struct Saved {
    actions: Vec<Action>,
}

/// The actions a user made on one demo data set, in order.
pub struct Journal {
    storage: Option<Storage>,
    key: String,
    saved: Saved,
}

/// A journal as it was found on opening.
pub struct Opened {
    /// The journal, ready to append to.
    pub journal: Journal,
    /// The actions to replay, in order.
    pub actions: Vec<Action>,
    /// What the user should be told about how it was read, if anything.
    pub notice: Option<String>,
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Journal {
    /// Opens the journal of the demo data set named `name`. Unreadable contents are set aside
    /// under another key (never deleted) and the journal starts empty.
    pub fn open(name: &str) -> Opened {
        let key = format!("sync-overview/journal/v1/{name}");
        let Some(storage) = local_storage() else {
            return Opened {
                journal: Journal {
                    storage: None,
                    key,
                    saved: Saved::default(),
                },
                actions: Vec::new(),
                notice: Some(
                    "This browser does not allow saving: your changes will be lost when the page \
                     reloads."
                        .to_owned(),
                ),
            };
        };
        let raw = storage.get_item(&key).ok().flatten();
        let (saved, notice) = match raw.as_deref().map(serde_json::from_str::<Saved>) {
            None => (Saved::default(), None),
            Some(Ok(saved)) => (saved, None),
            Some(Err(_)) => {
                let aside = format!("{key}/unreadable");
                let kept = raw
                    .as_deref()
                    .is_some_and(|raw| storage.set_item(&aside, raw).is_ok());
                let _ = storage.remove_item(&key);
                let notice = if kept {
                    format!(
                        "Your saved changes could not be read, so the demo data starts fresh. \
                         The unreadable copy is kept in local storage under \"{aside}\"."
                    )
                } else {
                    "Your saved changes could not be read, so the demo data starts fresh."
                        .to_owned()
                };
                (Saved::default(), Some(notice))
            }
        };
        let actions = saved.actions.clone();
        Opened {
            journal: Journal {
                storage: Some(storage),
                key,
                saved,
            },
            actions,
            notice,
        }
    }

    /// Records an action. On failure nothing is recorded.
    pub fn append(&mut self, action: Action) -> Result<(), String> {
        self.saved.actions.push(action);
        let written = self.write();
        if written.is_err() {
            self.saved.actions.pop();
        }
        written
    }

    /// Keeps only these actions (those that still applied on replay).
    pub fn keep(&mut self, actions: Vec<Action>) -> Result<(), String> {
        self.saved.actions = actions;
        self.write()
    }

    /// Forgets every action.
    pub fn clear(&mut self) -> Result<(), String> {
        self.keep(Vec::new())
    }

    fn write(&self) -> Result<(), String> {
        let Some(storage) = &self.storage else {
            return Ok(());
        };
        let json = serde_json::to_string(&self.saved).map_err(|e| e.to_string())?;
        storage.set_item(&self.key, &json).map_err(|_| {
            "Your change could not be saved in this browser's storage (it may be full or \
             blocked), so it was not made."
                .to_owned()
        })
    }
}

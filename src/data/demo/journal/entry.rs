//! One change in the journal, and where it sits.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sync_core::demo::sync_run;
use sync_core::{Action, Batch, ClientId, History, IntegrationId, Stamp, Store};

/// Where an entry sits in the journal; entries replay in this order.
pub type Seq = u64;

/// One change to the demo data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    /// A user's action on an item.
    Action(Action),
    /// One change to many items, each at its version (those that changed since were left out
    /// when it was appended, and are again when it is replayed).
    Batch(Batch),
    /// Every earlier change discarded: the demo data starts again from its generator.
    Reset,
    /// A sync run of the demo ("Run a sync now"), kept as what makes it: it is made again from
    /// the data as it stands at this point of the journal, the same in every tab.
    Run {
        /// The integration.
        integration: IntegrationId,
        /// Its client.
        client: ClientId,
        /// The run's seed.
        seed: u64,
        /// When it finished.
        #[serde(deserialize_with = "sync_core::time::rfc3339")]
        finished: DateTime<Utc>,
    },
}

/// An entry as the journal keeps it: with when it was appended and by whom, for the items'
/// history. Entries saved before history was kept have neither, and are left out of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The change.
    pub entry: Entry,
    /// When it was appended.
    #[serde(default, deserialize_with = "sync_core::time::rfc3339_option")]
    pub at: Option<DateTime<Utc>>,
    /// Who appended it (the configuration's `user`).
    #[serde(default)]
    pub by: Option<String>,
}

impl Record {
    /// `entry`, appended now by `user`.
    pub fn now(entry: Entry, user: &str) -> Self {
        Self {
            entry,
            at: Some(Utc::now()),
            by: Some(user.to_owned()),
        }
    }

    /// Whether it discards every earlier change.
    pub fn is_reset(&self) -> bool {
        self.entry == Entry::Reset
    }

    /// A record as saved: stamped, or a bare entry saved before history was kept.
    pub fn parse(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok().or_else(|| {
            let entry = serde_json::from_str(json).ok()?;
            Some(Self {
                entry,
                at: None,
                by: None,
            })
        })
    }

    /// Applies the entry to the data, recording what it changed in `history` when it is
    /// stamped; `Err` when it no longer applies (an action refused).
    pub fn apply_to(&self, store: &mut Store, history: &mut History) -> Result<(), String> {
        // Unstamped, it is recorded in a history of its own, dropped.
        let mut unrecorded = History::default();
        let (history, stamp) = match (self.at, &self.by) {
            (Some(time), Some(actor)) => {
                let stamp = Stamp {
                    seq: 0,
                    time,
                    actor: actor.clone(),
                };
                (history, stamp)
            }
            _ => {
                let stamp = Stamp {
                    seq: 0,
                    time: DateTime::UNIX_EPOCH,
                    actor: String::new(),
                };
                (&mut unrecorded, stamp)
            }
        };
        match &self.entry {
            Entry::Action(action) => history
                .apply(store, action, None, &stamp)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Entry::Batch(batch) => {
                history.apply_batch(store, batch, &stamp);
                Ok(())
            }
            Entry::Reset => Ok(()),
            Entry::Run {
                integration,
                client,
                seed,
                finished,
            } => {
                let run = sync_run(store, *integration, *client, *seed, *finished)
                    .ok_or_else(|| NO_ITEMS.to_owned())?;
                history
                    .apply_run(store, &integration.to_string(), &run, &stamp)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// Why a demo run no longer applies.
const NO_ITEMS: &str = "The client has no items in this integration.";

#[cfg(test)]
mod tests {
    use super::{Entry, Record};
    use sync_core::{Action, ItemId};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn reads_stamped_records_and_the_bare_entries_saved_before_history_was_kept() {
        let entry = Entry::Action(Action::Include { item: ItemId(7) });
        let stamped = Record::now(entry.clone(), "Ann");
        let json = serde_json::to_string(&stamped).unwrap();
        assert_eq!(Record::parse(&json), Some(stamped));
        let bare = Record::parse(r#"{"action":{"action":"include","item":7}}"#).unwrap();
        assert_eq!((bare.entry, bare.at, bare.by), (entry, None, None));
        assert_eq!(
            Record::parse(r#""reset""#).map(|r| r.is_reset()),
            Some(true)
        );
        assert_eq!(Record::parse("{oops"), None);
    }
}

//! One change in the journal, and where it sits.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sync_core::demo::sync_run;
use sync_core::{Action, Batch, ClientId, IntegrationId, Store};

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

impl Entry {
    /// Applies the entry to the data; `false` when it no longer applies (an action refused).
    pub fn apply_to(&self, store: &mut Store) -> Result<(), String> {
        match self {
            Entry::Action(action) => store
                .apply(action, None)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            // Checked item by item: the items that changed since are left as they are.
            Entry::Batch(batch) => {
                store.apply_batch(batch);
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
                    .ok_or_else(|| "The client has no items in this integration.".to_owned())?;
                store
                    .apply_run(&integration.to_string(), &run)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

//! The mock store's demo controls: "Reset demo data" and "Run a sync now", each saved in the
//! journal so that every tab does the same.

use std::cell::Cell;
use std::convert::Infallible;

use async_trait::async_trait;
use chrono::Utc;
use sync_core::{ClientId, IntegrationId, RunSummary};

use crate::data::demo::journal::{AppendError, Entry, Record};
use crate::data::demo::mock::MockBackend;
use crate::data::{Answer, BackendError, DemoControls};

#[async_trait(?Send)]
impl DemoControls for MockBackend {
    /// Appends a reset (so every tab starts again too) and rebuilds the data.
    async fn reset_demo(&self) -> Answer<()> {
        let inner = &self.inner;
        let seq = inner
            .journal
            .append(
                inner.cursor.get(),
                &Record::now(Entry::Reset, &inner.user),
                |_| Ok::<_, Infallible>(()),
            )
            .await
            .map_err(|error| match error {
                AppendError::Storage(message) => BackendError::Unavailable(message),
                AppendError::Refused(never) => match never {},
            })?;
        inner.rebuild(seq).await;
        inner.catch_up().await;
        self.tell_other_tabs();
        Ok(())
    }

    /// Appends the run's recipe, checked after catching up with other tabs (so it is made from
    /// the data every tab will have at that point), then makes and applies it.
    async fn run_sync(&self, integration: IntegrationId, client: ClientId) -> Answer<RunSummary> {
        let inner = &self.inner;
        let entry = Entry::Run {
            integration,
            client,
            // Any seed will do: the entry keeps it, and every tab makes the same run of it.
            seed: (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64,
            finished: Utc::now(),
        };
        let entry = Record::now(entry, &inner.user);
        let reset_elsewhere = Cell::new(false);
        let appended = inner
            .journal
            .append(inner.cursor.get(), &entry, |fresh| {
                inner.up_to(&fresh, &reset_elsewhere)?;
                // A run is made of the client's items: it must have some.
                let clients = inner.store.borrow().clients(integration)?;
                match clients.iter().any(|c| c.id == client) {
                    true => Ok(()),
                    false => Err(BackendError::Refused(
                        "The client has no items in this integration.".to_owned(),
                    )),
                }
            })
            .await;
        match appended {
            Ok(seq) => {
                if inner.cursor.get() < seq {
                    inner.cursor.set(seq);
                    inner.apply(&entry).map_err(BackendError::Refused)?;
                }
                self.tell_other_tabs();
                let store = inner.store.borrow();
                let latest = store
                    .runs()
                    .iter()
                    .rev()
                    .find(|r| r.integration == integration);
                latest.cloned().ok_or_else(|| {
                    BackendError::Stale("The run was not found after it was applied.".to_owned())
                })
            }
            Err(AppendError::Refused(refusal)) => {
                if reset_elsewhere.get() {
                    inner.catch_up().await;
                }
                Err(refusal)
            }
            Err(AppendError::Storage(message)) => Err(BackendError::Unavailable(message)),
        }
    }
}

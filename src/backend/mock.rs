//! The in-browser mock store: sync-core's demo data, with the user's actions replayed from the
//! journal so that they survive a reload.

use std::cell::RefCell;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sync_core::demo::{build, DemoConfig, Progress};
use sync_core::{
    Action, CandidateQuery, Candidates, Client, Integration, IntegrationId, ItemId, ItemPage,
    ItemQuery, ItemView, LogEntry, StatusCounts, Store,
};

use super::journal::Journal;
use super::{Answer, Backend, BackendError};

/// The demo data and the user's changes to it, all in this browser.
pub struct MockBackend {
    config: DemoConfig,
    store: RefCell<Store>,
    journal: RefCell<Journal>,
    notice: Option<String>,
}

/// Lets the browser run its other tasks (paint, input) before going on: resolves in a task of
/// its own, posted through a message channel (not clamped like nested timers).
struct NextTask(Option<web_sys::MessageChannel>);

impl NextTask {
    fn new() -> Self {
        Self(web_sys::MessageChannel::new().ok())
    }

    async fn wait(&self) {
        let Some(channel) = &self.0 else { return };
        let posted = js_sys::Promise::new(&mut |resolve, _| {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::UNDEFINED);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(posted).await;
    }
}

/// Builds the demo store in steps, letting the page paint and take input between them.
async fn build_in_steps(config: &DemoConfig, progress: impl Fn(Progress)) -> Store {
    let next = NextTask::new();
    build(config, |step| {
        progress(step);
        next.wait()
    })
    .await
}

impl MockBackend {
    /// Generates the demo data, in steps that keep the page responsive (`progress` hears how
    /// far it got), and replays the saved actions. Actions that no longer apply are dropped, and
    /// the user is told.
    pub async fn open(config: DemoConfig, progress: impl Fn(Progress)) -> Self {
        let mut store = build_in_steps(&config, progress).await;
        let opened = Journal::open(&format!("{}-{}", config.seed, config.size));
        let mut journal = opened.journal;
        let mut notice = opened.notice;
        let total = opened.actions.len();
        let kept: Vec<Action> = opened
            .actions
            .into_iter()
            .filter(|action| store.apply(action, None).is_ok())
            .collect();
        if kept.len() < total {
            let skipped = total - kept.len();
            let plural = if skipped == 1 { "" } else { "s" };
            let saved = journal.keep(kept);
            notice = Some(match saved {
                Ok(()) => {
                    format!("{skipped} saved change{plural} no longer applied and were set aside.")
                }
                Err(error) => error,
            });
        }
        Self {
            config,
            store: RefCell::new(store),
            journal: RefCell::new(journal),
            notice,
        }
    }
}

#[async_trait(?Send)]
impl Backend for MockBackend {
    async fn integrations(&self) -> Answer<Vec<Integration>> {
        Ok(self.store.borrow().integrations().to_vec())
    }

    async fn counts(&self, integration: IntegrationId) -> Answer<StatusCounts> {
        Ok(self.store.borrow().counts(integration)?)
    }

    async fn clients(&self, integration: IntegrationId) -> Answer<Vec<Client>> {
        Ok(self.store.borrow().clients(integration)?)
    }

    async fn items(&self, query: ItemQuery) -> Answer<ItemPage> {
        Ok(self.store.borrow().items(&query)?)
    }

    async fn candidates(&self, item: ItemId, query: CandidateQuery) -> Answer<Candidates> {
        Ok(self.store.borrow().candidates(item, &query)?)
    }

    async fn logs(
        &self,
        integration: IntegrationId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Answer<Vec<LogEntry>> {
        Ok(self.store.borrow().logs(integration, from, to)?)
    }

    /// The key is not needed: a change is saved and applied at once, so it is never retried.
    async fn apply(&self, action: Action, version: u32, _key: &str) -> Answer<ItemView> {
        let mut store = self.store.borrow_mut();
        store.check(&action, Some(version))?;
        self.journal
            .borrow_mut()
            .append(action.clone())
            .map_err(BackendError::Unavailable)?;
        Ok(store.apply(&action, Some(version))?)
    }

    fn is_demo(&self) -> bool {
        true
    }

    async fn reset_demo(&self) -> Answer<()> {
        self.journal
            .borrow_mut()
            .clear()
            .map_err(BackendError::Unavailable)?;
        let fresh = build_in_steps(&self.config, |_| {}).await;
        *self.store.borrow_mut() = fresh;
        Ok(())
    }

    fn notice(&self) -> Option<String> {
        self.notice.clone()
    }
}

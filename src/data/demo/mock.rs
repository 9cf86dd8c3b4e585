//! The in-browser mock store: sync-core's demo data, with the user's actions replayed from the
//! journal so that they survive a reload.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use async_trait::async_trait;
use sync_core::demo::{DemoConfig, Progress};
use sync_core::{
    Action, BatchOutcome, CandidateQuery, Candidates, Client, ClientId, HistoryPage, Integration,
    IntegrationId, ItemId, ItemPage, ItemQuery, ItemView, LogPage, LogQuery, NewRule, Rule,
    RulePreview, StatusCounts, Suggestion,
};

use crate::data::demo::journal::{AppendError, Entry, Journal, Record};
use crate::data::demo::replica::{build_in_steps, Replica};
use crate::data::demo::tabs::Tabs;
use crate::data::{Answer, Backend, BackendError, BatchAnswer, BatchBody};

/// The demo data and the user's changes to it, all in this browser.
pub struct MockBackend {
    pub(super) inner: Rc<Replica>,
    /// Word from and to other tabs; none where the browser cannot.
    tabs: Option<Tabs>,
    listener: Listener,
    notice: Option<String>,
}

/// A batch's outcome as the screen tells it.
fn answer(outcome: BatchOutcome) -> BatchAnswer {
    BatchAnswer {
        changed: outcome.changed,
        stale: outcome.stale,
        refused: outcome
            .refused
            .into_iter()
            .map(|(item, error)| (item, error.to_string()))
            .collect(),
        skipped: outcome.skipped,
        names: outcome.names,
        undo: outcome.undo.map(|undo| BatchBody::Built(Arc::new(undo))),
        rule: outcome.rule,
    }
}

/// Who hears that another tab changed the data.
type Listener = Rc<RefCell<Option<Rc<dyn Fn()>>>>;

impl MockBackend {
    /// Generates the demo data, in steps that keep the page responsive (`progress` hears how
    /// far it got), and replays the saved changes. Those that no longer apply are set aside, and
    /// the user is told.
    /// Changes are made by `user`, as the items' history says.
    pub async fn open(config: DemoConfig, user: String, progress: impl Fn(Progress)) -> Self {
        let store = build_in_steps(&config, progress).await;
        let name = format!("{}-{}", config.seed, config.size);
        let opened = Journal::open(&name).await;
        let mut notice = opened.notice;
        let inner = Rc::new(Replica {
            config,
            store: RefCell::new(store),
            history: RefCell::default(),
            user,
            journal: opened.journal,
            cursor: Cell::new(0),
            rebuilding: Cell::new(false),
        });
        let mut skipped = Vec::new();
        for (seq, record) in opened.entries {
            // A reset can only come first (older entries are dropped): the data is fresh.
            if inner.apply(&record).is_err() {
                skipped.push(seq);
            }
            inner.cursor.set(seq);
        }
        if !skipped.is_empty() {
            let plural = if skipped.len() == 1 { "" } else { "s" };
            notice = Some(match inner.journal.set_aside(&skipped).await {
                Ok(()) => format!(
                    "{} saved change{plural} no longer applied and were set aside.",
                    skipped.len()
                ),
                Err(error) => error,
            });
        }
        let listener = Listener::default();
        let tabs = {
            let (inner, listener) = (Rc::downgrade(&inner), listener.clone());
            Tabs::join(&name, move || {
                let (Some(inner), listener) = (inner.upgrade(), listener.clone()) else {
                    return;
                };
                wasm_bindgen_futures::spawn_local(async move {
                    let changed = inner.catch_up().await;
                    let heard = listener.borrow().clone();
                    if let (true, Some(heard)) = (changed, heard) {
                        heard();
                    }
                });
            })
        };
        Self {
            inner,
            tabs,
            listener,
            notice,
        }
    }

    pub(super) fn tell_other_tabs(&self) {
        if let Some(tabs) = &self.tabs {
            tabs.tell();
        }
    }
}

#[async_trait(?Send)]
impl Backend for MockBackend {
    async fn integrations(&self) -> Answer<Vec<Integration>> {
        Ok(self.inner.store.borrow().integrations().to_vec())
    }

    async fn counts(&self, integration: IntegrationId) -> Answer<StatusCounts> {
        Ok(self.inner.store.borrow().counts(integration)?)
    }

    async fn clients(&self, integration: IntegrationId) -> Answer<Vec<Client>> {
        Ok(self.inner.store.borrow().clients(integration)?)
    }

    async fn items(&self, query: ItemQuery) -> Answer<ItemPage> {
        Ok(self.inner.store.borrow().items(&query)?)
    }

    async fn candidates(&self, item: ItemId, query: CandidateQuery) -> Answer<Candidates> {
        Ok(self.inner.store.borrow().candidates(item, &query)?)
    }

    async fn suggestions(
        &self,
        integration: IntegrationId,
        client: ClientId,
    ) -> Answer<Vec<Suggestion>> {
        Ok(self.inner.store.borrow().suggestions(integration, client)?)
    }

    async fn log_page(&self, query: LogQuery) -> Answer<LogPage> {
        Ok(self.inner.store.borrow().log_page(&query)?)
    }

    async fn history(&self, item: ItemId, before: Option<u64>, limit: u32) -> Answer<HistoryPage> {
        let store = self.inner.store.borrow();
        let name = store.item(item)?.name;
        let history = self.inner.history.borrow();
        let mut page = history.page(item, &name, before, limit as usize);
        page.records = store.history_records(&page.entries);
        Ok(page)
    }

    async fn rules(&self, integration: IntegrationId) -> Answer<Vec<Rule>> {
        Ok(self.inner.store.borrow().rules(integration)?)
    }

    async fn rule_preview(&self, rule: NewRule, limit: u32) -> Answer<RulePreview> {
        Ok(self
            .inner
            .store
            .borrow()
            .rule_preview(&rule, limit as usize)?)
    }

    /// The key is not needed: a change is saved and applied at once, so it is never retried.
    /// The change is checked inside the journal's transaction, after catching up with what
    /// other tabs saved, so it never lands on top of a change this tab had not seen.
    async fn apply(&self, action: Action, version: u32, _key: &str) -> Answer<ItemView> {
        let inner = &self.inner;
        let entry = Record::now(Entry::Action(action.clone()), &inner.user);
        let reset_elsewhere = Cell::new(false);
        let appended = inner
            .journal
            .append(inner.cursor.get(), &entry, |fresh| {
                inner.up_to(&fresh, &reset_elsewhere)?;
                Ok(inner.store.borrow().check(&action, Some(version))?)
            })
            .await;
        match appended {
            Ok(seq) => {
                if inner.cursor.get() < seq {
                    inner.cursor.set(seq);
                    inner.apply(&entry).map_err(BackendError::Refused)?;
                }
                let changed = inner.store.borrow().item(action.item())?;
                self.tell_other_tabs();
                Ok(changed)
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

    /// Saved as one journal entry, checked (like [`Backend::apply`]) after catching up with
    /// other tabs, inside the journal's transaction. A batch that would change nothing is not
    /// saved. A batch naming a list is saved naming each item, as this tab resolves the list:
    /// its items changed since are then reported here, those another tab changed meanwhile by
    /// the check.
    async fn apply_batch(&self, batch: BatchBody, _key: &str) -> Answer<BatchAnswer> {
        let inner = &self.inner;
        let BatchBody::Built(batch) = batch else {
            return Err(BackendError::Refused(
                "The change was written for a server, not for the demo data.".to_owned(),
            ));
        };
        let (batch, resolved) = {
            let store = inner.store.borrow();
            let (named, resolved) = store.name_items(&batch);
            (named.into_owned(), resolved)
        };
        let entry = Record::now(Entry::Batch(batch), &inner.user);
        let Entry::Batch(batch) = &entry.entry else {
            unreachable!("the entry was made from a batch")
        };
        let planned = RefCell::new(BatchOutcome::default());
        let reset_elsewhere = Cell::new(false);
        let appended = inner
            .journal
            .append(inner.cursor.get(), &entry, |fresh| {
                inner.up_to(&fresh, &reset_elsewhere).map_err(Some)?;
                let (_, outcome) = inner.store.borrow().plan_batch(batch);
                let nothing = outcome.changed == 0 && outcome.rule.is_none();
                *planned.borrow_mut() = outcome;
                if nothing {
                    Err(None)
                } else {
                    Ok(())
                }
            })
            .await;
        match appended {
            Ok(seq) => {
                if inner.cursor.get() < seq {
                    inner.cursor.set(seq);
                    // Checked in the transaction: it applies.
                    let _ = inner.apply(&entry);
                }
                self.tell_other_tabs();
                Ok(answer(planned.into_inner().after(resolved)))
            }
            Err(AppendError::Refused(None)) => Ok(answer(planned.into_inner().after(resolved))),
            Err(AppendError::Refused(Some(refusal))) => {
                if reset_elsewhere.get() {
                    inner.catch_up().await;
                }
                Err(refusal)
            }
            Err(AppendError::Storage(message)) => Err(BackendError::Unavailable(message)),
        }
    }

    fn watch(&self, changed: Rc<dyn Fn()>) {
        *self.listener.borrow_mut() = Some(changed);
    }

    fn notice(&self) -> Option<String> {
        self.notice.clone()
    }
}

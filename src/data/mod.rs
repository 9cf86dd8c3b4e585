//! Where the screen's data comes from: one async trait, implemented by the in-browser mock store
//! (the default, `demo/`) and by an HTTP/JSON client (`http`); every read goes through one
//! loader ([`fetch::Fetch`]).

#[cfg(feature = "demo")]
pub mod demo;
pub mod fetch;
pub mod http;
pub mod live;
pub mod token;
#[cfg(not(feature = "demo"))]
pub mod unconfigured;

use std::rc::Rc;
use std::sync::Arc;

use async_trait::async_trait;
use leptos::prelude::*;
use sync_core::{
    Action, ActionError, Batch, CandidateQuery, Candidates, Client, ClientId, HistoryPage,
    Integration, IntegrationId, ItemId, ItemPage, ItemQuery, ItemView, LogPage, LogQuery, NewRule,
    QueryError, Rule, RulePreview, RunSummary, StatusCounts, Suggestion,
};

/// Why a backend call failed. Every variant reads as a sentence a technician can act on, and
/// none of them changed anything.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackendError {
    /// The action was refused (it does not apply to the item as it is).
    #[error("{0}")]
    Refused(String),
    /// Someone changed the item since it was read; the screen should reload it.
    #[error("{0}")]
    Stale(String),
    /// What was asked for does not exist (any more).
    #[error("{0}")]
    NotFound(String),
    /// The data could not be read or written: network, server failure, timeout, bad answer.
    #[error("{0}")]
    Unavailable(String),
}

impl From<QueryError> for BackendError {
    fn from(error: QueryError) -> Self {
        Self::NotFound(error.to_string())
    }
}

impl From<ActionError> for BackendError {
    fn from(error: ActionError) -> Self {
        match error {
            ActionError::StaleVersion { .. } => Self::Stale(error.to_string()),
            ActionError::UnknownItem { .. } | ActionError::UnknownRecord { .. } => {
                Self::NotFound(error.to_string())
            }
            _ => Self::Refused(error.to_string()),
        }
    }
}

/// A batch as a backend takes it. The app never decodes a batch (decoding costs 25 kB of
/// download in the lean build, for nothing): a server's undo comes back as JSON and is sent back
/// unread, while the mock store takes and gives batches as they are, without a JSON round trip
/// (at 100,000 items that round trip took 140 ms).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchBody {
    /// A batch built in the browser: by the app, or as the mock store's undo.
    Built(Arc<Batch>),
    /// A batch as a server wrote it (`Batch` in `docs/openapi.yaml`): an undo, passed back
    /// unread.
    Json(String),
}

impl BatchBody {
    /// The batch's JSON, as it is sent to a server.
    pub fn into_json(self) -> String {
        match self {
            Self::Built(batch) => serde_json::to_string(&*batch).unwrap_or_default(),
            Self::Json(json) => json,
        }
    }
}

/// What a batch did, as the screen tells it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchAnswer {
    /// How many items changed.
    pub changed: u32,
    /// The items left as they are because someone changed them since they were read.
    pub stale: Vec<ItemId>,
    /// The items left as they are because their change was refused, each with why.
    pub refused: Vec<(ItemId, String)>,
    /// How many items of a batch naming a list its action did not apply to.
    pub skipped: u32,
    /// The names of the items left as they are, as the backend knows them.
    pub names: Vec<(ItemId, String)>,
    /// Puts every changed item back as it was; none when nothing changed.
    pub undo: Option<BatchBody>,
    /// The rule a rule batch saved or deleted, as it is now.
    pub rule: Option<Rule>,
}

/// What a backend call returns.
pub type Answer<T> = Result<T, BackendError>;

/// The screen's data source. Every call is async so that a remote backend fits the same seam.
#[async_trait(?Send)]
pub trait Backend {
    /// Every integration, with when it last synced.
    async fn integrations(&self) -> Answer<Vec<Integration>>;
    /// Status counts of an integration over all its clients.
    async fn counts(&self, integration: IntegrationId) -> Answer<StatusCounts>;
    /// The clients synced in an integration, by name.
    async fn clients(&self, integration: IntegrationId) -> Answer<Vec<Client>>;
    /// A page of the items of an integration and client.
    async fn items(&self, query: ItemQuery) -> Answer<ItemPage>;
    /// The records an item can be re-matched to, likeliest first.
    async fn candidates(&self, item: ItemId, query: CandidateQuery) -> Answer<Candidates>;
    /// The client's Not Synced items that have a likely record (scoring 91 or more), each with
    /// it, best first.
    async fn suggestions(
        &self,
        integration: IntegrationId,
        client: ClientId,
    ) -> Answer<Vec<Suggestion>>;
    /// A page of an integration's sync log entries, narrowed as `query` asks, newest first.
    async fn log_page(&self, query: LogQuery) -> Answer<LogPage>;
    /// A page of the item's history, newest first: up to `limit` entries of changes made
    /// before change `before` (the previous page's `next`), when given.
    async fn history(&self, item: ItemId, before: Option<u64>, limit: u32) -> Answer<HistoryPage>;
    /// The integration's exclusion rules in force, oldest first.
    async fn rules(&self, integration: IntegrationId) -> Answer<Vec<Rule>>;
    /// What saving `rule` now would exclude: how many items, and the first `limit` of them.
    async fn rule_preview(&self, rule: NewRule, limit: u32) -> Answer<RulePreview>;
    /// Applies an action to the item at `version` and returns the changed item. Retrying with the
    /// same `key` applies it at most once.
    async fn apply(&self, action: Action, version: u32, key: &str) -> Answer<ItemView>;
    /// Applies one change to many items, each at the version it names, in one request. Items
    /// that changed since, or whose change is refused, are left as they are and reported.
    /// Retrying with the same `key` applies it at most once.
    async fn apply_batch(&self, batch: BatchBody, key: &str) -> Answer<BatchAnswer>;
    /// Something the user should know about the data source since it opened (e.g. saved changes
    /// that could not be read), if anything.
    fn notice(&self) -> Option<String> {
        None
    }
    /// Asks to hear (through `changed`) whenever the data changes other than through this
    /// backend: another tab or app instance on the same store. Not every backend can tell.
    fn watch(&self, changed: Rc<dyn Fn()>) {
        let _ = changed;
    }
}

/// The backend, with its demo controls when it has them, shared with every component through
/// context.
#[derive(Clone, Copy)]
pub struct Api(StoredValue<Handles, LocalStorage>);

/// The backend and its demo controls.
type Handles = (Rc<dyn Backend>, Option<Rc<dyn DemoControls>>);

impl Api {
    /// Wraps a backend for context.
    pub fn new(backend: Rc<dyn Backend>) -> Self {
        Self::with_demo(backend, None)
    }

    /// Wraps a backend and its demo controls (the mock store's) for context.
    pub fn with_demo(backend: Rc<dyn Backend>, demo: Option<Rc<dyn DemoControls>>) -> Self {
        Self(StoredValue::new_local((backend, demo)))
    }

    /// The backend.
    pub fn get(&self) -> Rc<dyn Backend> {
        self.0.with_value(|(backend, _)| backend.clone())
    }

    /// The demo controls, when the backend holds demo data.
    pub fn demo(&self) -> Option<Rc<dyn DemoControls>> {
        self.0.with_value(|(_, demo)| demo.clone())
    }
}

/// The backend provided by the app.
pub fn use_api() -> Api {
    expect_context::<Api>()
}

/// What only a backend holding demo data can do (the mock store), apart from [`Backend`] so
/// that no other backend carries stubs for it.
#[async_trait(?Send)]
pub trait DemoControls {
    /// Discards every change made to the demo data.
    async fn reset_demo(&self) -> Answer<()>;

    /// Makes a sync run of the integration's client, as its source product would after a day
    /// of changes (new, renamed and missing items), applied as a real run is, in every tab.
    async fn run_sync(&self, integration: IntegrationId, client: ClientId) -> Answer<RunSummary>;
}

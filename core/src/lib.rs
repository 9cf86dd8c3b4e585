//! Sync Overview's core: the domain model of what a PSA or RMM integration synced into the
//! documentation portal, the queries the screen asks, the state transitions a technician makes
//! (re-match, exclude, include, restore; one by one or in batches), an in-memory store and a
//! deterministic demo-data generator.
//!
//! Pure Rust with no browser or server dependencies, so that the browser's mock store and the
//! reference server share one implementation.

mod action;
mod batch;
#[cfg(feature = "demo")]
pub mod demo;
mod history;
mod listing;
mod logs;
mod lookup;
mod model;
mod progress;
mod query;
mod rule;
mod run;
mod similarity;
mod source_link;
mod store;
mod suggest;
pub mod time;
mod transition;

pub use action::{Action, ActionError};
pub use batch::{Batch, BatchOutcome, ListItems};
pub use history::{History, HistoryEntry, HistoryPage, Snapshot, Stamp, What};
pub use logs::{LogItem, LogPage, LogQuery};
pub use model::{
    Client, ClientId, ClientLink, Integration, IntegrationId, IntegrationKind, ItemId, LogEntry,
    LogLevel, PortalRecord, Product, RecordId, ResourceType, RuleId, SourceDetails, SyncStatus,
    SyncedItem,
};
pub use progress::Progress;
pub use query::{
    Candidate, CandidateQuery, Candidates, Facets, ItemFlag, ItemPage, ItemQuery, ItemView,
    RecordView, Sort, SortKey, StatusCounts, Suggestion, TwinView,
};
pub use rule::{NewRule, Rule, RuleHit, RulePreview, MAX_PATTERN};
pub use run::{
    RunClient, RunDiff, RunFailure, RunItem, RunOutcome, RunProblem, RunRecord, RunSummary, SyncRun,
};
pub use similarity::{describe, likeness, Likeness, NameKey, Reason};
pub use source_link::{filled, parse_templates, source_link, template_for, SourceLink};
pub use store::{Dataset, DatasetError, QueryError, Store};
pub use suggest::{SuggestionInput, SUGGESTED};
pub use transition::Change;

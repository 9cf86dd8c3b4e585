//! The backend of a build without the mock store (the lean portal build) when no server was
//! configured: every call says how to configure one.

use async_trait::async_trait;
use sync_core::{
    Action, CandidateQuery, Candidates, Client, ClientId, HistoryPage, Integration, IntegrationId,
    ItemId, ItemPage, ItemQuery, ItemView, LogPage, LogQuery, NewRule, Rule, RulePreview,
    StatusCounts, Suggestion,
};

use super::{Answer, Backend, BackendError, BatchAnswer, BatchBody};

/// No data source: this build has no demo data and no server was named.
pub struct Unconfigured;

fn unconfigured<T>() -> Answer<T> {
    Err(BackendError::Unavailable(
        "This build of Sync Overview has no demo data. Configure a server: backend \"http\" \
         and api \"https://…\" (see the README, \"Embedding it in a page\")."
            .to_owned(),
    ))
}

#[async_trait(?Send)]
impl Backend for Unconfigured {
    async fn integrations(&self) -> Answer<Vec<Integration>> {
        unconfigured()
    }

    async fn counts(&self, _: IntegrationId) -> Answer<StatusCounts> {
        unconfigured()
    }

    async fn clients(&self, _: IntegrationId) -> Answer<Vec<Client>> {
        unconfigured()
    }

    async fn items(&self, _: ItemQuery) -> Answer<ItemPage> {
        unconfigured()
    }

    async fn candidates(&self, _: ItemId, _: CandidateQuery) -> Answer<Candidates> {
        unconfigured()
    }

    async fn history(&self, _: ItemId, _: Option<u64>, _: u32) -> Answer<HistoryPage> {
        unconfigured()
    }

    async fn suggestions(&self, _: IntegrationId, _: ClientId) -> Answer<Vec<Suggestion>> {
        unconfigured()
    }

    async fn log_page(&self, _: LogQuery) -> Answer<LogPage> {
        unconfigured()
    }

    async fn rules(&self, _: IntegrationId) -> Answer<Vec<Rule>> {
        unconfigured()
    }

    async fn rule_preview(&self, _: NewRule, _: u32) -> Answer<RulePreview> {
        unconfigured()
    }

    async fn apply(&self, _: Action, _: u32, _: &str) -> Answer<ItemView> {
        unconfigured()
    }

    async fn apply_batch(&self, _: BatchBody, _: &str) -> Answer<BatchAnswer> {
        unconfigured()
    }
}

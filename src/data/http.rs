//! The HTTP/JSON backend (gloo-net): the API of `openapi.yaml`, as served by `sync-server` or by
//! the portal itself. Every failure becomes a [`BackendError`] a technician can act on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use futures::future::LocalBoxFuture;
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sync_core::{
    Action, CandidateQuery, Candidates, Client, ClientId, HistoryPage, Integration, IntegrationId,
    ItemId, ItemPage, ItemQuery, ItemView, LogPage, LogQuery, NewRule, RecordId, Rule, RulePreview,
    StatusCounts, Suggestion, SyncStatus,
};

use super::live::Live;
use super::token::TokenCell;
use super::{Answer, Backend, BackendError, BatchAnswer, BatchBody};

/// The most items the API returns in one page.
const MAX_LIMIT: u32 = 10_000;

/// A client of the Sync Overview API at `base` (e.g. `https://portal.example/sync`).
pub struct HttpBackend {
    base: String,
    token: TokenCell,
    timeout: Duration,
    /// The subscription to the server's change events, once watched.
    live: RefCell<Option<Live>>,
}

/// The body of a write: the item's version and the action's choices (absent ones left out).
#[derive(Default, Serialize)]
struct WriteBody {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<RecordId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disable_previous: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disable_record: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<SyncStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enable: Option<RecordId>,
}

/// A batch's outcome as the API sends it, its undo left as JSON.
#[derive(Deserialize)]
struct Outcome<'a> {
    changed: u32,
    stale: Vec<ItemId>,
    refused: Vec<(ItemId, Refused)>,
    #[serde(default)]
    skipped: u32,
    #[serde(default)]
    names: Vec<(ItemId, String)>,
    #[serde(borrow)]
    undo: Option<&'a RawValue>,
    #[serde(default)]
    rule: Option<Rule>,
}

/// Why an item of a batch was refused: its kind ("already-excluded").
#[derive(Deserialize)]
struct Refused {
    error: String,
}

/// A problem detail (RFC 9457) as the API sends it.
#[derive(Deserialize)]
struct Problem {
    detail: Option<String>,
}

/// An answer that is not what the API sends.
fn unreadable() -> BackendError {
    BackendError::Unavailable(
        "The server sent an answer that could not be read. Try again.".to_owned(),
    )
}

impl HttpBackend {
    /// A client of the API at `base`, sending `token` as a bearer token if given, giving up on a
    /// request after `timeout`.
    pub fn new(base: &str, token: TokenCell, timeout: Duration) -> Self {
        Self {
            base: format!("{}/api/v1", base.trim_end_matches('/')),
            token,
            timeout,
            live: RefCell::new(None),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The text of a read of `path` with `query`. Not generic over the answer's type: each
    /// method awaits this one boxed future and decodes after, so none carries a copy of it.
    fn read<'a>(
        &'a self,
        path: &'a str,
        query: &'a [(&'a str, String)],
    ) -> LocalBoxFuture<'a, Result<String, BackendError>> {
        self.exchange(Sent::Read { path, query }, None)
    }

    /// The text of the answer to a write to `path`: `body` as JSON, under the idempotency `key`.
    fn write<'a>(
        &'a self,
        path: &'a str,
        body: &WriteBody,
        key: &'a str,
    ) -> LocalBoxFuture<'a, Result<String, BackendError>> {
        match serde_json::to_string(body) {
            Ok(body) => self.exchange(Sent::Write { path, key }, Some(body)),
            Err(_) => Box::pin(std::future::ready(Err(BackendError::Unavailable(
                "The change could not be written down to send.".to_owned(),
            )))),
        }
    }

    /// A read of `path` with `query`.
    #[inline(never)]
    fn read_request(&self, path: &str, query: &[(&str, String)]) -> RequestBuilder {
        Request::get(&self.url(path)).query(query.iter().map(|(k, v)| (*k, v.as_str())))
    }

    /// A write to `path` under the idempotency `key`.
    #[inline(never)]
    fn write_request(&self, path: &str, key: &str) -> RequestBuilder {
        Request::post(&self.url(path)).header("Idempotency-Key", key)
    }

    /// Sends the request `sent` describes, giving up after the timeout; the text of a successful
    /// answer, or the failure as a [`BackendError`]. A token the server refuses (401) is fetched
    /// afresh from `getToken` and the request sent again (a write under the same idempotency
    /// key); if that fails too, the host is asked for a token and the request waits for it. One
    /// boxed future for every call, so that no method or type of answer carries a copy of its
    /// code.
    fn exchange<'a>(
        &'a self,
        sent: Sent<'a>,
        body: Option<String>,
    ) -> LocalBoxFuture<'a, Result<String, BackendError>> {
        Box::pin(async move {
            let mut token = self.token.get();
            if token.is_none() && self.token.fetches() {
                token = self.token.fresh().await;
            }
            let (mut refreshed, mut waited) = (false, false);
            // One call of the exchange: each call site would be a copy of its code.
            loop {
                let request = match sent {
                    Sent::Read { path, query } => self.read_request(path, query),
                    Sent::Write { path, key } => self.write_request(path, key),
                };
                let answer = self.exchange_inner(request, token, body.clone()).await;
                if waited || !matches!(answer, Err(Refused401)) {
                    return answer.map_err(Failure::into_error);
                }
                token = None;
                if !refreshed && self.token.fetches() {
                    refreshed = true;
                    token = self.token.fresh().await;
                }
                if token.is_none() {
                    waited = true;
                    token = (self.token)
                        .wait_for_new("The server refused the API token (HTTP 401): sign in again.")
                        .await;
                }
            }
        })
    }

    async fn exchange_inner(
        &self,
        mut request: RequestBuilder,
        token: Option<String>,
        body: Option<String>,
    ) -> Result<String, Failure> {
        if let Some(token) = &token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let abort = web_sys::AbortController::new().ok();
        request = request.abort_signal(abort.as_ref().map(|a| a.signal()).as_ref());
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (abort, timed_out) = (abort.clone(), timed_out.clone());
            leptos::prelude::set_timeout_with_handle(
                move || {
                    timed_out.set(true);
                    if let Some(abort) = abort {
                        abort.abort();
                    }
                },
                self.timeout,
            )
            .ok()
        };
        let sent = match body {
            Some(body) => match request
                .header("Content-Type", "application/json")
                .body(body)
            {
                Ok(request) => request.send().await,
                Err(error) => Err(error),
            },
            None => request.send().await,
        };
        if let Some(timer) = timer {
            timer.clear();
        }
        let response = sent.map_err(|_| {
            BackendError::Unavailable(if timed_out.get() {
                format!(
                    "The server did not answer within {} seconds. Try again; a change is never \
                     applied twice.",
                    self.timeout.as_secs()
                )
            } else {
                "The server could not be reached. Check the connection and try again.".to_owned()
            })
        })?;
        let status = response.status();
        if status == 401 {
            return Err(Refused401);
        }
        let text = response.text().await.map_err(|_| {
            BackendError::Unavailable("The server's answer was cut off. Try again.".to_owned())
        })?;
        if (200..300).contains(&status) {
            return Ok(text);
        }
        let detail = serde_json::from_str::<Problem>(&text)
            .ok()
            .and_then(|p| p.detail)
            .unwrap_or_default();
        Err(Failure::Other(match status {
            404 => BackendError::NotFound(or(detail, "It no longer exists.")),
            409 => BackendError::Stale(or(
                detail,
                "The item was changed by someone else; showing its latest state.",
            )),
            422 => BackendError::Refused(or(detail, "The server refused the change.")),
            401 | 403 => BackendError::Unavailable(format!(
                "The server refused the API token (HTTP {status})."
            )),
            503 => BackendError::Unavailable(
                "The server is unavailable right now (HTTP 503); nothing was changed. Try again."
                    .to_owned(),
            ),
            _ => BackendError::Unavailable(format!(
                "The server failed (HTTP {status}); nothing was changed. Try again."
            )),
        }))
    }
}

/// A request to send: a read of a path with its query, or a write to a path under an
/// idempotency key.
#[derive(Clone, Copy)]
enum Sent<'a> {
    Read {
        path: &'a str,
        query: &'a [(&'a str, String)],
    },
    Write {
        path: &'a str,
        key: &'a str,
    },
}

/// Why one exchange failed: the token refused (tried again with a fresh one), or anything else.
enum Failure {
    Refused401,
    Other(BackendError),
}

use Failure::Refused401;

impl Failure {
    fn into_error(self) -> BackendError {
        match self {
            Refused401 => {
                BackendError::Unavailable("The server refused the API token (HTTP 401).".to_owned())
            }
            Self::Other(error) => error,
        }
    }
}

impl From<BackendError> for Failure {
    fn from(error: BackendError) -> Self {
        Self::Other(error)
    }
}

/// An answer's JSON as `T`.
fn decode<T: DeserializeOwned>(text: &str) -> Answer<T> {
    serde_json::from_str(text).map_err(|_| unreadable())
}

fn or(detail: String, fallback: &str) -> String {
    if detail.is_empty() {
        fallback.to_owned()
    } else {
        detail
    }
}

fn instant(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[async_trait(?Send)]
impl Backend for HttpBackend {
    async fn integrations(&self) -> Answer<Vec<Integration>> {
        decode(&self.read("/integrations", &[]).await?)
    }

    async fn counts(&self, integration: IntegrationId) -> Answer<StatusCounts> {
        decode(
            &self
                .read(&format!("/integrations/{integration}/counts"), &[])
                .await?,
        )
    }

    async fn clients(&self, integration: IntegrationId) -> Answer<Vec<Client>> {
        decode(
            &self
                .read(&format!("/integrations/{integration}/clients"), &[])
                .await?,
        )
    }

    async fn items(&self, query: ItemQuery) -> Answer<ItemPage> {
        let mut params = vec![
            ("filter", query.filter.clone()),
            ("sort", query.sort.key.slug().to_owned()),
            (
                "order",
                (if query.sort.descending { "desc" } else { "asc" }).to_owned(),
            ),
            ("offset", query.offset.to_string()),
            ("limit", query.limit.min(MAX_LIMIT).to_string()),
        ];
        if let Some(t) = query.resource_type {
            params.push(("type", t.slug().to_owned()));
        }
        if let Some(f) = query.flag {
            params.push(("show", f.slug().to_owned()));
        }
        if let Some(s) = query.status {
            params.push(("status", s.slug().to_owned()));
        }
        let path = format!(
            "/integrations/{}/clients/{}/items",
            query.integration, query.client
        );
        decode(&self.read(&path, &params).await?)
    }

    async fn candidates(&self, item: ItemId, query: CandidateQuery) -> Answer<Candidates> {
        let params = [
            ("filter", query.filter),
            ("limit", query.limit.min(MAX_LIMIT).to_string()),
        ];
        decode(
            &self
                .read(&format!("/items/{item}/candidates"), &params)
                .await?,
        )
    }

    async fn history(&self, item: ItemId, before: Option<u64>, limit: u32) -> Answer<HistoryPage> {
        let mut params = vec![("limit", limit.to_string())];
        params.extend(before.map(|b| ("before", b.to_string())));
        decode(
            &self
                .read(&format!("/items/{item}/history"), &params)
                .await?,
        )
    }

    async fn suggestions(
        &self,
        integration: IntegrationId,
        client: ClientId,
    ) -> Answer<Vec<Suggestion>> {
        decode(
            &self
                .read(
                    &format!("/integrations/{integration}/clients/{client}/suggestions"),
                    &[],
                )
                .await?,
        )
    }

    async fn log_page(&self, query: LogQuery) -> Answer<LogPage> {
        let mut params = vec![
            ("from", instant(query.from)),
            ("to", instant(query.to)),
            ("text", query.text),
            ("offset", query.offset.to_string()),
            ("limit", query.limit.min(MAX_LIMIT).to_string()),
        ];
        params.extend(query.level.map(|l| ("level", l.slug().to_owned())));
        params.extend(query.client.map(|c| ("client", c.to_string())));
        let path = format!("/integrations/{}/log-entries", query.integration);
        decode(&self.read(&path, &params).await?)
    }

    async fn rules(&self, integration: IntegrationId) -> Answer<Vec<Rule>> {
        decode(
            &self
                .read(&format!("/integrations/{integration}/rules"), &[])
                .await?,
        )
    }

    async fn rule_preview(&self, rule: NewRule, limit: u32) -> Answer<RulePreview> {
        let mut params = vec![("pattern", rule.pattern), ("limit", limit.to_string())];
        if let Some(t) = rule.resource_type {
            params.push(("type", t.slug().to_owned()));
        }
        let path = format!("/integrations/{}/rules/preview", rule.integration);
        decode(&self.read(&path, &params).await?)
    }

    async fn apply(&self, action: Action, version: u32, key: &str) -> Answer<ItemView> {
        let (path, body) = match action {
            Action::Rematch {
                item,
                record,
                disable_previous,
            } => (
                format!("/items/{item}/rematch"),
                WriteBody {
                    version,
                    record: Some(record),
                    disable_previous: Some(disable_previous),
                    ..WriteBody::default()
                },
            ),
            Action::Exclude {
                item,
                disable_record,
            } => (
                format!("/items/{item}/exclude"),
                WriteBody {
                    version,
                    disable_record: Some(disable_record),
                    ..WriteBody::default()
                },
            ),
            Action::Include { item } => (
                format!("/items/{item}/include"),
                WriteBody {
                    version,
                    ..WriteBody::default()
                },
            ),
            Action::Restore {
                item,
                status,
                record,
                enable,
            } => (
                format!("/items/{item}/restore"),
                WriteBody {
                    version,
                    record,
                    status: Some(status),
                    enable,
                    ..WriteBody::default()
                },
            ),
        };
        decode(&self.write(&path, &body, key).await?)
    }

    /// Sends the batch as JSON, and reads the outcome's undo back unread.
    async fn apply_batch(&self, batch: BatchBody, key: &str) -> Answer<BatchAnswer> {
        let text = self
            .exchange(
                Sent::Write {
                    path: "/batches",
                    key,
                },
                Some(batch.into_json()),
            )
            .await?;
        let outcome: Outcome = serde_json::from_str(&text).map_err(|_| unreadable())?;
        Ok(BatchAnswer {
            changed: outcome.changed,
            stale: outcome.stale,
            refused: outcome
                .refused
                .into_iter()
                .map(|(item, why)| (item, why.error.replace('-', " ")))
                .collect(),
            skipped: outcome.skipped,
            names: outcome.names,
            undo: outcome
                .undo
                .map(|undo| BatchBody::Json(undo.get().to_owned())),
            rule: outcome.rule,
        })
    }

    /// Subscribes to the server's change events. A browser's `EventSource` sends no headers: a
    /// token goes in the events' URL (the server takes it there for that path only).
    fn watch(&self, changed: Rc<dyn Fn()>) {
        let mut url = self.url("/events");
        if let Some(token) = &self.token.get() {
            url = format!("{url}?access_token={}", js_sys::encode_uri_component(token));
        }
        *self.live.borrow_mut() = Live::subscribe(&url, changed);
    }
}

// Over 300 lines, on purpose: this file has one job, and split into its exchange and its wire
// types (tried, code unchanged) the lean build came out 0.3 kB larger after brotli, over its
// budget. (This note sits at the end because moving the code's line numbers moves the
// compressed size too: the panic locations carry them.)

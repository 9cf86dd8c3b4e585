//! Browser component tests of the dialogs (wasm-bindgen-test in headless Chromium), over a
//! scripted backend.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use sync_core::{
    Action, Candidate, CandidateQuery, Candidates, Client, ClientId, Facets, Integration,
    IntegrationId, ItemId, ItemPage, ItemQuery, ItemView, LogEntry, LogLevel, Product, RecordId,
    RecordView, ResourceType, StatusCounts, Suggestion, SyncStatus,
};
use sync_overview::actions::screen::Screen;
use sync_overview::data::{Answer, Api, Backend, BackendError, BatchAnswer, BatchBody};
use sync_overview::state::config::Config;
use sync_overview::state::logs_view::LogsView;
use sync_overview::sync_overview::dialogs::exclude_record::ExcludeRecord;
use sync_overview::sync_overview::dialogs::rematch_record::RematchRecord;
use sync_overview::sync_overview::logs::sync_logs::SyncLogs;
use sync_overview::ui::ids::Ids;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A backend whose answers the test sets, and which records every action.
#[derive(Default)]
struct Scripted {
    candidates: Vec<Candidate>,
    failure: RefCell<Option<BackendError>>,
    applied: RefCell<Vec<(Action, u32)>>,
    log_ranges: RefCell<Vec<(DateTime<Utc>, DateTime<Utc>)>>,
}

#[async_trait(?Send)]
impl Backend for Scripted {
    async fn integrations(&self) -> Answer<Vec<Integration>> {
        Ok(Vec::new())
    }
    async fn counts(&self, _: IntegrationId) -> Answer<StatusCounts> {
        Ok(StatusCounts::default())
    }
    async fn clients(&self, _: IntegrationId) -> Answer<Vec<Client>> {
        Ok(Vec::new())
    }
    async fn items(&self, _: ItemQuery) -> Answer<ItemPage> {
        Ok(ItemPage {
            total: 0,
            offset: 0,
            as_of: 0,
            items: Vec::new(),
            facets: Facets::default(),
        })
    }
    async fn candidates(&self, _: ItemId, query: CandidateQuery) -> Answer<Candidates> {
        let needle = query.filter.to_lowercase();
        let candidates: Vec<Candidate> = self
            .candidates
            .iter()
            .filter(|c| c.record.name.to_lowercase().contains(&needle))
            .cloned()
            .collect();
        Ok(Candidates {
            total: candidates.len() as u32,
            candidates,
        })
    }
    async fn suggestions(&self, _: IntegrationId, _: ClientId) -> Answer<Vec<Suggestion>> {
        Ok(Vec::new())
    }

    async fn log_page(&self, query: sync_core::LogQuery) -> Answer<sync_core::LogPage> {
        self.log_ranges.borrow_mut().push((query.from, query.to));
        Ok(sync_core::LogPage {
            entries: vec![LogEntry {
                time: query.to - chrono::Duration::hours(1),
                integration: query.integration,
                level: LogLevel::Warning,
                message: "Rate limit reached (HTTP 429); paused for 60 s".to_owned(),
                item: None,
            }],
            total: 1,
            items: Vec::new(),
        })
    }
    async fn apply(&self, action: Action, version: u32, _key: &str) -> Answer<ItemView> {
        self.applied.borrow_mut().push((action.clone(), version));
        if let Some(error) = self.failure.borrow().clone() {
            return Err(error);
        }
        let mut item = item(true);
        item.version = version + 1;
        item.status = match action {
            Action::Exclude { .. } => SyncStatus::Excluded,
            _ => SyncStatus::Matched,
        };
        Ok(item)
    }
    async fn history(&self, _: ItemId, _: Option<u64>, _: u32) -> Answer<sync_core::HistoryPage> {
        Ok(sync_core::HistoryPage::default())
    }
    async fn rules(&self, _: IntegrationId) -> Answer<Vec<sync_core::Rule>> {
        Ok(Vec::new())
    }
    async fn rule_preview(&self, _: sync_core::NewRule, _: u32) -> Answer<sync_core::RulePreview> {
        Ok(sync_core::RulePreview::default())
    }
    async fn apply_batch(&self, _: BatchBody, _: &str) -> Answer<BatchAnswer> {
        Err(BackendError::Unavailable("Not in these tests.".to_owned()))
    }
    fn notice(&self) -> Option<String> {
        None
    }
}

fn record(id: u32, name: &str) -> RecordView {
    RecordView {
        id: RecordId(id),
        name: name.to_owned(),
        disabled: false,
    }
}

/// A candidate record as the backend ranks it, judged by sync-core against the test item's name.
fn candidate(id: u32, name: &str) -> Candidate {
    let judged = sync_core::likeness("contoso-dc01", name);
    Candidate {
        record: record(id, name),
        score: judged.score,
        reason: sync_core::describe(judged.reason, "contoso-dc01", name),
    }
}

fn item(with_record: bool) -> ItemView {
    ItemView {
        id: ItemId(7),
        name: "CONTOSO-DC01".to_owned(),
        source_id: "30214".to_owned(),
        resource_type: ResourceType::Configuration,
        status: if with_record {
            SyncStatus::Matched
        } else {
            SyncStatus::NotSynced
        },
        record: with_record.then(|| record(1, "CONTOSO-DC01 (old)")),
        version: 3,
        missing_since: None,
        twin: None,
        source_url: None,
    }
}

/// What the dialog under test reported to its opener (callbacks must be Send).
#[derive(Default)]
struct Outcome {
    closed: u32,
    done: Vec<String>,
}

type Shared = Arc<Mutex<Outcome>>;

enum Which {
    Rematch,
    Exclude,
    Logs,
}

/// Mounts a dialog over `backend`, in a fresh container.
fn mount(which: Which, item: ItemView, backend: Rc<Scripted>) -> (HtmlElement, Shared) {
    let outcome = Shared::default();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let (closed, done) = (outcome.clone(), outcome.clone());
    let on_close = Callback::new(move |()| closed.lock().unwrap().closed += 1);
    let on_done = Callback::new(move |m: String| done.lock().unwrap().done.push(m));
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Api::new(backend));
        provide_context(Config::default());
        provide_context(Screen::new());
        provide_context(Ids::new());
        match which {
            Which::Rematch => view! { <RematchRecord item on_close on_done /> }.into_any(),
            Which::Exclude => view! { <ExcludeRecord item on_close on_done /> }.into_any(),
            Which::Logs => {
                let integration = Integration {
                    id: IntegrationId(2),
                    name: "HaloPSA".to_owned(),
                    product: Product::HaloPsa,
                    last_synced: Utc::now(),
                };
                let logs = RwSignal::new(LogsView::default());
                let on_change = Callback::new(move |l| logs.set(l));
                let on_show = Callback::new(|_| {});
                view! { <SyncLogs integration logs clients=Vec::new() on_change on_show on_close /> }
                    .into_any()
            }
        }
    });
    handle.forget();
    (container, outcome)
}

/// Lets effects, resources and spawned tasks run.
async fn settle() {
    for _ in 0..10 {
        leptos::task::tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"))
}

fn alert(root: &HtmlElement) -> Option<String> {
    root.query_selector("[role=alert]")
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn exclude_with_disable_record_applies_once_even_on_a_double_click() {
    let backend = Rc::new(Scripted::default());
    let (root, outcome) = mount(Which::Exclude, item(true), backend.clone());
    settle().await;
    let dialog: web_sys::HtmlDialogElement = find(&root, "dialog");
    assert!(dialog.open(), "the dialog is shown modal");
    find::<HtmlInputElement>(&root, "[role=switch]").click();
    let exclude = button(&root, "Exclude");
    exclude.click();
    exclude.click();
    settle().await;
    assert_eq!(
        *backend.applied.borrow(),
        [(
            Action::Exclude {
                item: ItemId(7),
                disable_record: true
            },
            3
        )]
    );
    assert_eq!(
        outcome.lock().unwrap().done,
        ["Excluded CONTOSO-DC01 and disabled its record."]
    );
}

#[wasm_bindgen_test]
async fn exclude_without_a_record_cannot_disable_it() {
    let backend = Rc::new(Scripted::default());
    let (root, _) = mount(Which::Exclude, item(false), backend);
    settle().await;
    let switch: HtmlInputElement = find(&root, "[role=switch]");
    assert!(switch.disabled());
    assert!(root
        .text_content()
        .unwrap()
        .contains("This item has no record."));
}

#[wasm_bindgen_test]
async fn a_failed_exclude_says_why_keeps_the_choices_and_can_be_retried() {
    let backend = Rc::new(Scripted::default());
    *backend.failure.borrow_mut() =
        Some(BackendError::Unavailable("The server is down.".to_owned()));
    let (root, outcome) = mount(Which::Exclude, item(true), backend.clone());
    settle().await;
    find::<HtmlInputElement>(&root, "[role=switch]").click();
    button(&root, "Exclude").click();
    settle().await;
    assert_eq!(alert(&root).as_deref(), Some("The server is down."));
    assert!(outcome.lock().unwrap().done.is_empty());
    assert!(
        find::<HtmlInputElement>(&root, "[role=switch]").checked(),
        "choice kept"
    );
    *backend.failure.borrow_mut() = None;
    button(&root, "Exclude").click();
    settle().await;
    assert_eq!(backend.applied.borrow().len(), 2);
    assert_eq!(outcome.lock().unwrap().done.len(), 1);
}

#[wasm_bindgen_test]
async fn rematch_lists_scores_best_first_chooses_the_best_and_asks_when_unchosen() {
    let backend = Rc::new(Scripted {
        candidates: vec![
            candidate(5, "contoso-dc01.contoso.local"),
            candidate(2, "CONTOSO-DC02"),
        ],
        ..Scripted::default()
    });
    let (root, outcome) = mount(Which::Rematch, item(true), backend.clone());
    settle().await;
    let select: HtmlSelectElement = find(&root, "select");
    let options: Vec<String> = (1..select.length())
        .map(|i| select.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        options,
        [
            "contoso-dc01.contoso.local — 95% match, same host name with its domain",
            "CONTOSO-DC02 — 89% match, 92% similar",
        ]
    );
    assert_eq!(select.value(), "5", "the likeliest is chosen");
    select.set_value("");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    button(&root, "Match").click();
    settle().await;
    assert_eq!(
        alert(&root).as_deref(),
        Some("Choose the record to match to.")
    );
    assert!(backend.applied.borrow().is_empty());
    assert!(outcome.lock().unwrap().done.is_empty());
}

#[wasm_bindgen_test]
async fn rematch_matches_the_chosen_record_and_disables_the_previous_one() {
    let backend = Rc::new(Scripted {
        candidates: vec![
            candidate(2, "CONTOSO-DC01"),
            candidate(5, "contoso-dc01.contoso.local"),
        ],
        ..Scripted::default()
    });
    let (root, outcome) = mount(Which::Rematch, item(true), backend.clone());
    settle().await;
    let select: HtmlSelectElement = find(&root, "select");
    assert_eq!(select.length(), 3, "a prompt and two candidates");
    select.set_value("5");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let switch: HtmlInputElement = find(&root, "[role=switch]");
    assert!(!switch.disabled());
    switch.click();
    button(&root, "Match").click();
    settle().await;
    assert_eq!(
        *backend.applied.borrow(),
        [(
            Action::Rematch {
                item: ItemId(7),
                record: RecordId(5),
                disable_previous: true
            },
            3
        )]
    );
    assert_eq!(
        outcome.lock().unwrap().done,
        ["Re-matched CONTOSO-DC01 to contoso-dc01.contoso.local."]
    );
}

#[wasm_bindgen_test]
async fn rematch_find_narrows_the_records_and_drops_a_choice_it_hides() {
    let backend = Rc::new(Scripted {
        candidates: vec![
            candidate(2, "CONTOSO-DC01"),
            candidate(5, "contoso-dc01.contoso.local"),
        ],
        ..Scripted::default()
    });
    let (root, _) = mount(Which::Rematch, item(true), backend.clone());
    settle().await;
    let select: HtmlSelectElement = find(&root, "select");
    select.set_value("2");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let search: HtmlInputElement = find(&root, "input[type=search]");
    search.set_value("LOCAL");
    search
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        select.length(),
        2,
        "a prompt and the one record named like that"
    );
    assert_eq!(select.value(), "", "the hidden choice is dropped");
    assert!(root.text_content().unwrap().contains("1 record is listed."));
    button(&root, "Match").click();
    settle().await;
    assert!(
        backend.applied.borrow().is_empty(),
        "nothing chosen, nothing applied"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Choose the record to match to."));
    search.set_value("nothing like it");
    search
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("No record is named like that"));
}

#[wasm_bindgen_test]
async fn rematch_with_no_candidates_says_so_and_cannot_match() {
    let backend = Rc::new(Scripted::default());
    let (root, _) = mount(Which::Rematch, item(false), backend);
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("No other records to match to"));
    assert!(find::<web_sys::HtmlButtonElement>(&root, "button[type=submit]").disabled());
    assert!(find::<HtmlInputElement>(&root, "[role=switch]").disabled());
}

#[wasm_bindgen_test]
async fn escape_and_cancel_close_without_changing_anything() {
    let backend = Rc::new(Scripted::default());
    let (root, outcome) = mount(Which::Rematch, item(true), backend.clone());
    settle().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find::<HtmlElement>(&root, "select")
        .dispatch_event(&escape)
        .unwrap();
    button(&root, "Cancel").click();
    settle().await;
    assert_eq!(outcome.lock().unwrap().closed, 2);
    assert!(backend.applied.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn sync_logs_show_the_last_seven_days_and_refuse_a_backwards_range() {
    let backend = Rc::new(Scripted::default());
    let (root, _) = mount(Which::Logs, item(false), backend.clone());
    settle().await;
    let (from, to) = backend.log_ranges.borrow()[0];
    assert_eq!(
        (to - from).num_days(),
        8,
        "7 days back from today, today included"
    );
    let rows = root.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 1);
    assert!(root.text_content().unwrap().contains("Rate limit reached"));
    let from_input: HtmlInputElement = find(&root, "input[type=date][id$=logs-from]");
    from_input.set_value("2999-01-01");
    from_input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        alert(&root).as_deref(),
        Some("From must be on or before To.")
    );
    assert_eq!(
        backend.log_ranges.borrow().len(),
        1,
        "no request for a backwards range"
    );
}

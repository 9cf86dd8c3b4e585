//! Browser component tests of the Sync Status list and the loading it rests on (the Client list,
//! reading every matching item), in headless Chromium with wasm-bindgen-test, over a backend
//! whose every answer arrives a task later, as a remote one's would.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use async_trait::async_trait;
use chrono::Utc;
use leptos::prelude::*;
use sync_core::{
    Action, CandidateQuery, Candidates, Client, ClientId, Facets, Integration, IntegrationId,
    ItemId, ItemPage, ItemQuery, ItemView, Product, ResourceType, StatusCounts, Suggestion,
    SyncStatus,
};
use sync_overview::actions::export::{all_items, PAGE};
use sync_overview::actions::screen::Screen;
use sync_overview::data::fetch::Fetch;
use sync_overview::data::{Answer, Api, Backend, BackendError, BatchAnswer, BatchBody};
use sync_overview::state::config::Config;
use sync_overview::state::view::View;
use sync_overview::state::view_home::ViewHome;
use sync_overview::state::view_state::{use_view, ViewState};
use sync_overview::sync_overview::sync_status::client_select::ClientSelect;
use sync_overview::sync_overview::sync_status::section::SyncStatus as SyncStatusList;
use sync_overview::ui::ids::Ids;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits one macrotask: what an answer over the network costs at least.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets effects, resources and spawned tasks run.
async fn settle() {
    for _ in 0..20 {
        leptos::task::tick().await;
        next_task().await;
    }
}

/// Two integrations, the first with two clients, the second with one; `total` items a client,
/// in pages of at most `largest`; each answer comes a task later.
struct Later {
    item_queries: RefCell<Vec<ItemQuery>>,
    total: u32,
    largest: u32,
}

impl Default for Later {
    fn default() -> Self {
        Self {
            item_queries: RefCell::default(),
            total: 500,
            largest: u32::MAX,
        }
    }
}

fn item(id: u32, client: u32) -> ItemView {
    ItemView {
        id: ItemId(id),
        name: format!("client-{client}-item-{id}"),
        source_id: format!("S{id}"),
        resource_type: ResourceType::Device,
        status: SyncStatus::NotSynced,
        record: None,
        version: 1,
        missing_since: None,
        twin: None,
        source_url: None,
    }
}

#[async_trait(?Send)]
impl Backend for Later {
    async fn integrations(&self) -> Answer<Vec<Integration>> {
        next_task().await;
        Ok(vec![
            Integration {
                id: IntegrationId(4),
                name: "N-central".to_owned(),
                product: Product::NCentral,
                last_synced: Utc::now(),
            },
            Integration {
                id: IntegrationId(5),
                name: "Autotask".to_owned(),
                product: Product::Autotask,
                last_synced: Utc::now(),
            },
        ])
    }
    async fn counts(&self, _: IntegrationId) -> Answer<StatusCounts> {
        next_task().await;
        Ok(StatusCounts::default())
    }
    async fn clients(&self, integration: IntegrationId) -> Answer<Vec<Client>> {
        next_task().await;
        let client = |id, name: &str| Client {
            id: ClientId(id),
            name: name.to_owned(),
        };
        Ok(match integration {
            IntegrationId(4) => vec![client(1, "Acme"), client(2, "Globex")],
            _ => vec![client(3, "Initech")],
        })
    }
    async fn items(&self, query: ItemQuery) -> Answer<ItemPage> {
        self.item_queries.borrow_mut().push(query.clone());
        next_task().await;
        let total = self.total;
        let end = (query.offset + query.limit.min(self.largest)).min(total);
        Ok(ItemPage {
            total,
            offset: query.offset,
            as_of: 0,
            items: (query.offset..end)
                .map(|i| item(i, query.client.0))
                .collect(),
            facets: Facets::default(),
        })
    }
    async fn candidates(&self, _: ItemId, _: CandidateQuery) -> Answer<Candidates> {
        Ok(Candidates::default())
    }
    async fn suggestions(&self, _: IntegrationId, _: ClientId) -> Answer<Vec<Suggestion>> {
        Ok(Vec::new())
    }

    async fn log_page(&self, _: sync_core::LogQuery) -> Answer<sync_core::LogPage> {
        Ok(sync_core::LogPage::default())
    }
    async fn apply(&self, _: Action, _: u32, _: &str) -> Answer<ItemView> {
        Err(BackendError::Unavailable("not in this test".to_owned()))
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
        Err(BackendError::Unavailable("not in this test".to_owned()))
    }
    fn notice(&self) -> Option<String> {
        None
    }
}

fn container() -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

#[wasm_bindgen_test]
async fn an_input_changed_through_a_memo_before_the_first_answer_gets_its_own_answer() {
    let seen: Rc<RefCell<Option<Fetch<u32, u32>>>> = Rc::default();
    let source = Rc::new(Cell::new(None::<RwSignal<u32>>));
    let (keep, set) = (seen.clone(), source.clone());
    let handle = leptos::mount::mount_to(container(), move || {
        let signal = RwSignal::new(1);
        let input = Memo::new(move |_| signal.get() * 10);
        let fetch = Fetch::new(input, |q| async move {
            next_task().await;
            Ok::<_, BackendError>(q + 1)
        });
        // The input moves on before the first request's answer (and before the resource's
        // task first ran).
        signal.set(2);
        *keep.borrow_mut() = Some(fetch);
        set.set(Some(signal));
    });
    settle().await;
    let fetch = seen.borrow().unwrap();
    assert_eq!(
        fetch.current(),
        Some(Ok(21)),
        "the answer for the new input"
    );
    assert!(!fetch.loading());
    source.get().unwrap().set(3);
    settle().await;
    assert_eq!(fetch.current(), Some(Ok(31)));
    drop(handle);
}

/// Provides what a part of the screen needs: `backend`, and the view `preset` kept in memory.
fn provide_screen(backend: Rc<dyn Backend>, preset: View) {
    let api = Api::new(backend);
    provide_context(api);
    provide_context(Config::default());
    let screen = Screen::new();
    provide_context(screen);
    provide_context(Ids::new());
    provide_context(ViewState::new(
        api,
        ViewHome::in_memory(preset),
        screen.changes(),
    ));
}

#[wasm_bindgen_test]
async fn the_list_mounted_with_its_integration_and_client_preset_shows_their_rows() {
    let backend = Rc::new(Later::default());
    let root = container();
    let api_backend = backend.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_screen(
            api_backend,
            View {
                integration: Some(IntegrationId(4)),
                client: Some(ClientId(2)),
                ..View::default()
            },
        );
        view! { <SyncStatusList /> }
    });
    settle().await;
    let table = root.query_selector("table").unwrap().expect("the table");
    assert_eq!(table.get_attribute("aria-busy").as_deref(), Some("false"));
    let names: Vec<String> = {
        let cells = root
            .query_selector_all("tbody th[scope=row] .item-name")
            .unwrap();
        (0..cells.length())
            .filter_map(|i| cells.item(i)?.text_content())
            .collect()
    };
    assert!(names.len() >= 10, "rows are shown: {names:?}");
    assert!(
        names.iter().all(|n| n.starts_with("client-2-")),
        "{names:?}"
    );
    let count = root.query_selector(".item-count").unwrap().unwrap();
    assert_eq!(count.text_content().unwrap(), "500 items");
    assert!(
        backend
            .item_queries
            .borrow()
            .iter()
            .all(|q| q.client == ClientId(2)),
        "never asked for another client"
    );
    drop(handle);
}

/// The Client drop-down's options, as shown.
fn client_options(root: &HtmlElement) -> Vec<String> {
    let options = root.query_selector_all("select option").unwrap();
    (0..options.length())
        .filter_map(|i| options.item(i)?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn the_client_list_says_it_is_busy_while_it_still_lists_the_previous_integrations_clients() {
    let root = container();
    let view = StoredValue::new_local(None);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_screen(
            Rc::new(Later::default()),
            View {
                integration: Some(IntegrationId(4)),
                ..View::default()
            },
        );
        view.set_value(Some(use_view()));
        view! { <ClientSelect /> }
    });
    settle().await;
    let select = root
        .query_selector("select")
        .unwrap()
        .expect("the Client drop-down");
    assert_eq!(select.get_attribute("aria-busy").as_deref(), Some("false"));
    assert_eq!(client_options(&root), ["Acme", "Globex"]);

    let view = view.get_value().expect("the view state");
    view.choose_integration(&Integration {
        id: IntegrationId(5),
        name: "Autotask".to_owned(),
        product: Product::Autotask,
        last_synced: Utc::now(),
    });
    leptos::task::tick().await;
    assert_eq!(select.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(
        client_options(&root),
        ["Acme", "Globex"],
        "the old list, meanwhile"
    );

    settle().await;
    assert_eq!(select.get_attribute("aria-busy").as_deref(), Some("false"));
    assert_eq!(client_options(&root), ["Initech"]);
    drop(handle);
}

/// The ids of the items `all_items` reads from `backend`, and how many pages it asked for.
async fn read_all(backend: &Later) -> (Vec<u32>, usize) {
    let list = ItemQuery::all(IntegrationId(4), ClientId(1));
    let items = all_items(backend, &list, &|_, _| {}).await.unwrap();
    let ids = items.iter().map(|i| i.id.0).collect();
    (ids, backend.item_queries.borrow().len())
}

#[wasm_bindgen_test]
async fn every_matching_item_is_read_once_in_order_in_whole_pages() {
    let backend = Later {
        total: 2 * PAGE + 5,
        ..Later::default()
    };
    let (ids, pages) = read_all(&backend).await;
    assert_eq!(ids, (0..2 * PAGE + 5).collect::<Vec<_>>());
    assert_eq!(pages, 3);
}

#[wasm_bindgen_test]
async fn every_matching_item_is_read_once_in_order_when_pages_are_smaller_than_asked_for() {
    let backend = Later {
        total: PAGE + 5,
        largest: 4_000,
        ..Later::default()
    };
    let (ids, pages) = read_all(&backend).await;
    assert_eq!(ids, (0..PAGE + 5).collect::<Vec<_>>());
    assert_eq!(pages, 3);
}

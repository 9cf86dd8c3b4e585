//! The owner of the screen's [`View`]: where it lives (the page's URL through leptos_router when
//! standalone, memory when embedded), which integration and client it resolves to, and the only
//! functions that change it.
//!
//! Writers: the Integration drop-down ([`ViewState::choose_integration`], a new history entry),
//! the Client drop-down ([`ViewState::choose_client`], a new history entry), the Filter box
//! ([`ViewState::set_filter`]: shown at once, written over the current entry once typing pauses
//! for 300 ms), the Type and Status drop-downs and the *Clear filters* button
//! ([`ViewState::set_type`], [`ViewState::set_status`], [`ViewState::clear_filters`], over the
//! current entry), the column headers ([`ViewState::sort_by`], over the current entry), and,
//! standalone, the browser's Back and Forward (through the router). Nothing else writes it.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use sync_core::{Client, ClientId, Integration, IntegrationId, ResourceType, SortKey, SyncStatus};

use crate::backend::Api;
use crate::fetch::Fetch;
use crate::view::{View, KEYS};

type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

/// How long typing in Filter pauses before the URL is written: writing it on every keystroke
/// costs the browser a same-document navigation each time (a frame's worth at 100k items).
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// Where the view lives.
#[derive(Clone, Copy)]
enum Home {
    /// The page's URL query, through the router (standalone).
    Url(UrlHome),
    /// Memory (embedded: the host page owns its URL and history).
    Memory(RwSignal<View>),
}

/// The view in the URL, and a filter being typed that is not there yet.
#[derive(Clone, Copy)]
struct UrlHome {
    navigate: StoredValue<Navigate, LocalStorage>,
    /// What the URL says.
    url: Memo<View>,
    /// The view with the filter being typed, over the URL's view it was typed on (it no longer
    /// applies once the URL moves on, e.g. by Back).
    draft: RwSignal<Option<(View, View)>>,
    /// Writes the draft when typing pauses.
    flush: StoredValue<Option<TimeoutHandle>>,
}

impl UrlHome {
    /// The URL's view, or the draft typed over it.
    fn view(&self) -> View {
        let url = self.url.get();
        self.draft.with(|draft| match draft {
            Some((base, typed)) if *base == url => typed.clone(),
            _ => url,
        })
    }

    /// Shows `view` at once and writes it when typing pauses.
    fn type_in(self, view: View) {
        let url = self.url.get_untracked();
        self.draft.set((view != url).then_some((url, view)));
        if let Some(pending) = self.flush.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(move || self.write_draft(), TYPING_PAUSE).ok();
        self.flush.set_value(handle);
    }

    fn write_draft(self) {
        if let Some((base, typed)) = self.draft.get_untracked() {
            if base == self.url.get_untracked() {
                self.write(typed, false);
            }
        }
        self.draft.set(None);
    }

    /// Writes `view` into the URL (a new history entry or in place). A draft still pending
    /// belongs to the entry it was typed on, so it is written there first.
    fn write(self, view: View, new_entry: bool) {
        if let Some(pending) = self.flush.get_value() {
            pending.clear();
        }
        if new_entry {
            if let Some((_, typed)) = self.draft.get_untracked() {
                self.navigate_to(&typed, false);
            }
        }
        self.draft.set(None);
        self.navigate_to(&view, new_entry);
    }

    fn navigate_to(self, view: &View, new_entry: bool) {
        if *view == self.url.get_untracked() {
            return;
        }
        let options = NavigateOptions {
            resolve: false,
            replace: !new_entry,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate
            .with_value(|navigate| navigate(&url_with(view), options));
    }
}

/// The screen's view and what it resolves to. Provided as context by the Sync Overview page.
#[derive(Clone, Copy)]
pub struct ViewState {
    home: Home,
    /// The view as asked for (URL or memory), ids unchecked.
    asked: Memo<View>,
    /// Every integration.
    pub integrations: Fetch<(), Vec<Integration>>,
    /// The clients synced in the shown integration.
    pub clients: Fetch<Option<IntegrationId>, Vec<Client>>,
    integration: Memo<Option<Integration>>,
    shown: Memo<View>,
}

impl ViewState {
    /// The view kept in the page's URL (call inside a `<Router>`).
    pub fn in_url(api: Api) -> Self {
        let query = use_query_map();
        let navigate: Navigate = Rc::new(use_navigate());
        let home = UrlHome {
            navigate: StoredValue::new_local(navigate),
            url: Memo::new(move |_| query.with(|q| View::from_lookup(|key| q.get(key)))),
            draft: RwSignal::new(None),
            flush: StoredValue::new(None),
        };
        Self::new(api, Home::Url(home), Memo::new(move |_| home.view()))
    }

    /// The view kept in memory, starting at `initial`.
    pub fn in_memory(api: Api, initial: View) -> Self {
        let memory = RwSignal::new(initial);
        Self::new(api, Home::Memory(memory), Memo::new(move |_| memory.get()))
    }

    fn new(api: Api, home: Home, asked: Memo<View>) -> Self {
        let integrations = Fetch::new(Memo::new(|_| ()), move |()| {
            let api = api.get();
            async move { api.integrations().await }
        });
        let integration = Memo::new(move |_| {
            let wanted = asked.with(|v| v.integration);
            integrations.with_latest(|list| {
                let list = list?;
                let ids: Vec<IntegrationId> = list.iter().map(|i| i.id).collect();
                let id = resolve(wanted, &ids)?;
                list.iter().find(|i| i.id == id).cloned()
            })
        });
        let integration_id = Memo::new(move |_| integration.with(|i| i.as_ref().map(|i| i.id)));
        let clients = Fetch::new(integration_id, move |id| {
            let api = api.get();
            async move {
                match id {
                    Some(id) => api.clients(id).await,
                    None => Ok(Vec::new()),
                }
            }
        });
        let client = Memo::new(move |_| {
            let wanted = asked.with(|v| v.client);
            let ids: Vec<ClientId> = clients
                .current()?
                .ok()?
                .iter()
                .map(|c: &Client| c.id)
                .collect();
            resolve(wanted, &ids)
        });
        let shown = Memo::new(move |_| {
            let types = integration.with(|i| i.as_ref().map(|i| i.product.resource_types()));
            View {
                integration: integration_id.get(),
                client: client.get(),
                resource_type: asked
                    .with(|v| v.resource_type)
                    .filter(|t| types.is_some_and(|types| types.contains(t))),
                ..asked.get()
            }
        });
        Self {
            home,
            asked,
            integrations,
            clients,
            integration,
            shown,
        }
    }

    /// The view on show: the integration and client that exist (the asked ones, else the
    /// first), and the filters and order asked for.
    pub fn shown(&self) -> Memo<View> {
        self.shown
    }

    /// The integration on show, once the list loaded.
    pub fn integration(&self) -> Memo<Option<Integration>> {
        self.integration
    }

    /// Says so when the view asked for an integration or client that does not exist.
    pub fn notice(&self) -> Option<String> {
        let asked = self.asked.get();
        let shown = self.integration.get()?;
        if asked.integration.is_some_and(|id| id != shown.id) {
            return Some(format!(
                "Integration {} was not found; showing {}.",
                asked.integration?.0,
                integration_label(&shown)
            ));
        }
        let wanted = asked.client?;
        let clients = self.clients.current()?.ok()?;
        if clients.iter().any(|c| c.id == wanted) {
            return None;
        }
        let first = clients
            .first()
            .map_or("no client".to_owned(), |c| c.name.clone());
        Some(format!(
            "Client {} was not found in {}; showing {first}.",
            wanted.0, shown.name
        ))
    }

    /// Shows another integration (a new history entry).
    pub fn choose_integration(&self, integration: &Integration) {
        let types = integration.product.resource_types();
        let view = self.current().on_integration(integration.id, types);
        self.write(view, true);
    }

    /// Shows another client of the integration (a new history entry).
    pub fn choose_client(&self, client: ClientId) {
        let view = View {
            client: Some(client),
            ..self.current()
        };
        self.write(view, true);
    }

    /// Filters by name or partial name (shown at once; in the URL once typing pauses).
    pub fn set_filter(&self, filter: String) {
        let view = View {
            filter,
            ..self.current()
        };
        match self.home {
            Home::Url(home) => home.type_in(view),
            Home::Memory(_) => self.write(view, false),
        }
    }

    /// Shows only one type, or all.
    pub fn set_type(&self, resource_type: Option<ResourceType>) {
        let view = View {
            resource_type,
            ..self.current()
        };
        self.write(view, false);
    }

    /// Shows only one status, or all.
    pub fn set_status(&self, status: Option<SyncStatus>) {
        self.write(
            View {
                status,
                ..self.current()
            },
            false,
        );
    }

    /// Sorts by a column, or reverses the order when already sorted by it.
    pub fn sort_by(&self, key: SortKey) {
        self.write(self.current().sorted_by(key), false);
    }

    /// Clears the Filter, Type and Status.
    pub fn clear_filters(&self) {
        self.write(self.current().without_filters(), false);
    }

    /// What a change starts from: the view on show, which has the ids that exist.
    fn current(&self) -> View {
        self.shown.get_untracked()
    }

    /// Writes `view` home: in a new history entry if asked and the screen changes, else in
    /// place.
    fn write(&self, view: View, new_entry: bool) {
        let new_entry = new_entry && view != self.current();
        match self.home {
            Home::Memory(memory) => {
                if view != memory.get_untracked() {
                    memory.set(view);
                }
            }
            Home::Url(home) => home.write(view, new_entry),
        }
    }
}

/// The page's URL with the view in its query (other keys, such as `backend`, kept).
fn url_with(view: &View) -> String {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search)
        .unwrap_or_else(|_| web_sys::UrlSearchParams::new().expect("URLSearchParams"));
    for key in KEYS {
        params.delete(key);
    }
    for (key, value) in view.to_pairs() {
        params.append(key, &value);
    }
    let query = String::from(params.to_string());
    format!(
        "{}{}{query}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        location.hash().unwrap_or_default()
    )
}

/// "ConnectWise Manage (PSA)".
pub fn integration_label(integration: &Integration) -> String {
    format!(
        "{} ({})",
        integration.name,
        integration.product.kind().label()
    )
}

/// What is shown for what was asked: the asked id when listed, else the first; none of none.
pub fn resolve<T: Copy + PartialEq>(asked: Option<T>, listed: &[T]) -> Option<T> {
    asked
        .filter(|a| listed.contains(a))
        .or_else(|| listed.first().copied())
}

/// The screen's view, provided by the Sync Overview page.
pub fn use_view() -> ViewState {
    expect_context::<ViewState>()
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn shows_the_asked_id_when_listed_else_the_first() {
        assert_eq!(resolve(Some(3), &[1, 2, 3]), Some(3));
        assert_eq!(resolve(Some(9), &[1, 2, 3]), Some(1));
        assert_eq!(resolve(None, &[2, 1]), Some(2));
        assert_eq!(resolve(Some(1), &[] as &[u32]), None);
    }
}

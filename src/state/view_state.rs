//! The owner of the screen's [`View`]: where it lives (a [`ViewHome`]: the page's URL when
//! standalone, memory when embedded), which integration and client it resolves to, and the only
//! functions that change it.
//!
//! Writers: the Integration drop-down ([`ViewState::choose_integration`], a new history entry),
//! the Client drop-down ([`ViewState::choose_client`], a new history entry), a duplicate's link
//! to its twin ([`ViewState::show_item`], a new history entry), the Filter box
//! ([`ViewState::set_filter`]: shown at once, written over the current entry once typing pauses
//! for 300 ms), the Type and Status drop-downs and the *Clear filters* button
//! ([`ViewState::set_type`], [`ViewState::set_status`], [`ViewState::set_flag`],
//! [`ViewState::clear_filters`], over the current entry), the column headers ([`ViewState::sort_by`], over the current entry), the
//! Sync Logs window ([`ViewState::open_logs`], a new entry; [`ViewState::close_logs`] and
//! [`ViewState::set_logs`], over the current entry; an entry's item link through
//! [`ViewState::show_item`]), and,
//! standalone, the browser's Back and Forward (through the router). Nothing else writes it.

use leptos::prelude::*;
use sync_core::{
    Client, ClientId, Integration, IntegrationId, ItemFlag, ResourceType, SortKey, SyncStatus,
};

use crate::data::fetch::Fetch;
use crate::data::Api;
use crate::state::changes::DataChanges;
use crate::state::logs_view::LogsView;
use crate::state::view::View;
use crate::state::view_home::ViewHome;

/// The screen's view and what it resolves to. Provided as context by the Sync Overview page.
#[derive(Clone, Copy)]
pub struct ViewState {
    home: ViewHome,
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
    /// The view living in `home`, resolved over `api`'s integrations (reloaded after every
    /// change to the data: a sync run moves Last Synced; the one shown stays while they reload)
    /// and the shown integration's clients (reloaded after each of its runs).
    pub fn new(api: Api, home: ViewHome, changes: DataChanges) -> Self {
        let asked = Memo::new(move |_| home.view());
        let integrations = Fetch::new(Memo::new(|_| ()), move |()| {
            changes.track();
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
        // Only a sync run adds clients, and a run moves Last Synced: the clients reload then
        // (for the same integration, so the client shown stays while they do), not on every write.
        let last_synced =
            Memo::new(move |_| integration.with(|i| i.as_ref().map(|i| i.last_synced)));
        let clients = Fetch::new(integration_id, move |id| {
            last_synced.track();
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

    /// Shows one item of the shown integration (a duplicate's twin): its client, filtered to its
    /// name, in a new history entry.
    pub fn show_item(&self, client: ClientId, name: &str) {
        self.write(self.current().showing_item(client, name), true);
    }

    /// The address of [`ViewState::show_item`]'s view, when the view lives in the URL
    /// (tracked).
    pub fn item_href(&self, client: ClientId, name: &str) -> Option<String> {
        self.home.href(&self.shown.get().showing_item(client, name))
    }

    /// Filters by name or partial name (shown at once; in the URL once typing pauses).
    pub fn set_filter(&self, filter: String) {
        let view = View {
            filter,
            ..self.current()
        };
        self.home.type_in(view);
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

    /// Shows only the items with a flag, or all.
    pub fn set_flag(&self, flag: Option<ItemFlag>) {
        self.write(
            View {
                flag,
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

    /// Opens the Sync Logs window on its default filters (a new history entry).
    pub fn open_logs(&self) {
        let view = View {
            logs: Some(LogsView::default()),
            ..self.current()
        };
        self.write(view, true);
    }

    /// Closes the Sync Logs window.
    pub fn close_logs(&self) {
        self.write(
            View {
                logs: None,
                ..self.current()
            },
            false,
        );
    }

    /// Narrows the Sync Logs window (its text shown at once, in the URL once typing pauses).
    pub fn set_logs(&self, logs: LogsView) {
        let typed = self.current().logs.is_some_and(|l| l.text != logs.text);
        let view = View {
            logs: Some(logs),
            ..self.current()
        };
        if typed {
            self.home.type_in(view);
        } else {
            self.write(view, false);
        }
    }

    /// What a change starts from: the view on show, which has the ids that exist.
    fn current(&self) -> View {
        self.shown.get_untracked()
    }

    /// Writes `view` home: in a new history entry if asked and the screen changes, else in
    /// place.
    fn write(&self, view: View, new_entry: bool) {
        let new_entry = new_entry && view != self.current();
        self.home.write(view, new_entry);
    }
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
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn shows_the_asked_id_when_listed_else_the_first() {
        assert_eq!(resolve(Some(3), &[1, 2, 3]), Some(3));
        assert_eq!(resolve(Some(9), &[1, 2, 3]), Some(1));
        assert_eq!(resolve(None, &[2, 1]), Some(2));
        assert_eq!(resolve(Some(1), &[] as &[u32]), None);
    }
}

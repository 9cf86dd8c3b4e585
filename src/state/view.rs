//! What the screen shows, as one value: the integration and client, and how the Sync Status list
//! is filtered and ordered. It reads from and writes to a URL query
//! (`?integration=&client=&filter=&type=&status=&show=&sort=&order=`, and the Sync Logs window's
//! keys, [`LogsView`]) or a host page's configuration object; [`crate::state::view_state::ViewState`] owns it.

use sync_core::{ClientId, IntegrationId, ItemFlag, ResourceType, Sort, SortKey, SyncStatus};

use crate::state::logs_view::{LogsView, LOG_KEYS};

/// The screen's view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The integration asked for (it may not exist; see `ViewState` for the one shown).
    pub integration: Option<IntegrationId>,
    /// The client asked for (it may not be synced in the integration).
    pub client: Option<ClientId>,
    /// Name or partial name.
    pub filter: String,
    /// Only this type.
    pub resource_type: Option<ResourceType>,
    /// Only this status.
    pub status: Option<SyncStatus>,
    /// Only items with this flag (the Show drop-down).
    pub flag: Option<ItemFlag>,
    /// The order.
    pub sort: Sort,
    /// The Sync Logs window, when open.
    pub logs: Option<LogsView>,
}

/// The keys of a view in a URL query, in the order they are written.
pub const KEYS: [&str; 14] = [
    "integration",
    "client",
    "filter",
    "type",
    "status",
    "show",
    "sort",
    "order",
    LOG_KEYS[0],
    LOG_KEYS[1],
    LOG_KEYS[2],
    LOG_KEYS[3],
    LOG_KEYS[4],
    LOG_KEYS[5],
];

impl View {
    /// Reads a view through `get` (a URL query or a configuration object); anything missing or
    /// unreadable keeps its default.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |key: &str| get(key).map(|v| v.trim().to_owned());
        let key = text("sort").as_deref().and_then(SortKey::from_slug);
        Self {
            integration: text("integration")
                .and_then(|v| v.parse().ok())
                .map(IntegrationId),
            client: text("client").and_then(|v| v.parse().ok()).map(ClientId),
            // The filter keeps its spaces: it is what the user typed.
            filter: get("filter").unwrap_or_default(),
            resource_type: text("type").as_deref().and_then(ResourceType::from_slug),
            status: text("status").as_deref().and_then(SyncStatus::from_slug),
            flag: text("show").as_deref().and_then(ItemFlag::from_slug),
            sort: Sort {
                key: key.unwrap_or_default(),
                descending: key.is_some() && text("order").as_deref() == Some("desc"),
            },
            logs: LogsView::from_lookup(&get),
        }
    }

    /// The view as (key, value) pairs for a URL query, leaving out what is at its default.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let sorted = self.sort != Sort::default();
        [
            ("integration", self.integration.map(|i| i.0.to_string())),
            ("client", self.client.map(|c| c.0.to_string())),
            (
                "filter",
                (!self.filter.is_empty()).then(|| self.filter.clone()),
            ),
            ("type", self.resource_type.map(|t| t.slug().to_owned())),
            ("status", self.status.map(|s| s.slug().to_owned())),
            ("show", self.flag.map(|f| f.slug().to_owned())),
            ("sort", sorted.then(|| self.sort.key.slug().to_owned())),
            (
                "order",
                (sorted && self.sort.descending).then(|| "desc".to_owned()),
            ),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .chain(self.logs.iter().flat_map(LogsView::to_pairs))
        .collect()
    }

    /// The active filters in words ("“dc”, type Contact"), or `None` when there are none.
    pub fn describe_filters(&self) -> Option<String> {
        let text = self.filter.trim();
        let parts: Vec<String> = [
            (!text.is_empty()).then(|| format!("“{text}”")),
            self.resource_type.map(|t| format!("type {}", t.label())),
            self.status.map(|s| format!("status {}", s.label())),
            self.flag.map(|f| f.phrase().to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The same view with no Filter, Type, Status or Show.
    pub fn without_filters(self) -> Self {
        Self {
            filter: String::new(),
            resource_type: None,
            status: None,
            flag: None,
            ..self
        }
    }

    /// The view of one item of the same integration: its client, filtered to its name, every
    /// other filter cleared (the order kept), the Sync Logs closed.
    pub fn showing_item(self, client: ClientId, name: &str) -> Self {
        Self {
            client: Some(client),
            filter: name.to_owned(),
            logs: None,
            ..self.without_filters()
        }
    }

    /// The same view on another integration: no client yet, and no Type the integration's
    /// product does not sync (`types`).
    pub fn on_integration(self, id: IntegrationId, types: &[ResourceType]) -> Self {
        Self {
            integration: Some(id),
            client: None,
            resource_type: self.resource_type.filter(|t| types.contains(t)),
            ..self
        }
    }

    /// The same view sorted by `key`: ascending, or reversed when already sorted by it.
    pub fn sorted_by(self, key: SortKey) -> Self {
        let descending = self.sort.key == key && !self.sort.descending;
        Self {
            sort: Sort { key, descending },
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::View;
    use sync_core::{ClientId, IntegrationId, ItemFlag, ResourceType, Sort, SortKey, SyncStatus};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn lookup(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
        move |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        }
    }

    fn full() -> View {
        View {
            integration: Some(IntegrationId(3)),
            client: Some(ClientId(41)),
            filter: " dc 01".to_owned(),
            resource_type: Some(ResourceType::Device),
            status: Some(SyncStatus::NotSynced),
            flag: Some(ItemFlag::Missing),
            sort: Sort {
                key: SortKey::Status,
                descending: true,
            },
            logs: None,
        }
    }

    #[wasm_bindgen_test]
    fn round_trips_through_a_query() {
        for view in [View::default(), full()] {
            assert_eq!(View::from_lookup(lookup(view.to_pairs())), view);
        }
        let pairs = full().to_pairs();
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, super::KEYS[..8]);
        assert_eq!(
            View::default().to_pairs(),
            Vec::new(),
            "defaults stay out of the URL"
        );
    }

    #[wasm_bindgen_test]
    fn keeps_defaults_for_what_it_cannot_read() {
        let view = View::from_lookup(lookup(vec![
            ("integration", "x".to_owned()),
            ("type", "spaceship".to_owned()),
            ("status", "NotSynced".to_owned()),
            ("show", "Missing".to_owned()),
            ("sort", "colour".to_owned()),
            ("order", "desc".to_owned()),
        ]));
        assert_eq!(view, View::default());
    }

    #[wasm_bindgen_test]
    fn sorting_by_the_same_column_reverses_and_another_starts_ascending() {
        let view = View::default().sorted_by(SortKey::Type);
        assert_eq!(
            (view.sort.key, view.sort.descending),
            (SortKey::Type, false)
        );
        let view = view.sorted_by(SortKey::Type);
        assert!(view.sort.descending);
        assert!(!view.sorted_by(SortKey::Name).sort.descending);
    }

    #[wasm_bindgen_test]
    fn another_integration_drops_the_client_and_a_type_it_does_not_sync() {
        let view = full().on_integration(IntegrationId(5), &[ResourceType::Contact]);
        assert_eq!(
            (view.integration, view.client, view.resource_type),
            (Some(IntegrationId(5)), None, None)
        );
        assert_eq!(view.status, Some(SyncStatus::NotSynced));
        let kept = full().on_integration(IntegrationId(5), &[ResourceType::Device]);
        assert_eq!(kept.resource_type, Some(ResourceType::Device));
    }

    #[wasm_bindgen_test]
    fn describes_and_clears_filters() {
        assert_eq!(View::default().describe_filters(), None);
        assert_eq!(
            full().describe_filters().as_deref(),
            Some("“dc 01”, type Device, status Not Synced, missing from source")
        );
        let cleared = full().without_filters();
        assert_eq!(cleared.describe_filters(), None);
        assert_eq!(cleared.flag, None, "Show is a filter too");
        assert_eq!(cleared.sort, full().sort, "the order stays");
    }
}

//! What the app tells the page it is embedded in: DOM `CustomEvent`s on the element it was
//! mounted into, named `sync-overview:<name>` so that they never mix with the `change` and
//! `error` events the app's own fields and images send up through the same element. Each event
//! bubbles and is composed (it leaves a shadow root); its `detail` is plain JSON data.
//! `embed.js`'s `handle.on(name, fn)` listens for them by their short name.

use leptos::prelude::*;
use serde::Serialize;
use sync_core::{ItemFlag, ResourceType, SortKey, SyncStatus, What};

use crate::state::view::View;

/// The prefix of every event's type.
pub const PREFIX: &str = "sync-overview:";

/// The events' target (none in tests that render without a host); provided as context by the
/// app.
#[derive(Clone, Copy)]
pub struct HostEvents(StoredValue<Option<web_sys::HtmlElement>, LocalStorage>);

impl HostEvents {
    /// Events on `element`.
    pub fn on(element: Option<web_sys::HtmlElement>) -> Self {
        Self(StoredValue::new_local(element))
    }

    /// `ready`: the app shows its data; `detail` says from which backend.
    pub fn ready(&self, backend: &str) {
        #[derive(Serialize)]
        struct Ready<'a> {
            version: &'a str,
            backend: &'a str,
        }
        let version = env!("CARGO_PKG_VERSION");
        self.send("ready", &Ready { version, backend });
    }

    /// `change`: items written, after the backend confirmed it: what was done (`op`: `exclude`,
    /// `include`, `rematch`, `restore` (an undo or a revert) or `rule`), how many
    /// items changed, their ids when the write named them one by one, and their new status when
    /// it is the same for all.
    pub fn change(
        &self,
        op: What,
        count: u32,
        items: Option<Vec<u32>>,
        status: Option<SyncStatus>,
    ) {
        #[derive(Serialize)]
        struct Change {
            op: What,
            count: u32,
            items: Option<Vec<u32>>,
            status: Option<&'static str>,
        }
        let status = status.map(SyncStatus::slug);
        self.send(
            "change",
            &Change {
                op,
                count,
                items,
                status,
            },
        );
    }

    /// `view`: what the list shows (integration, client, filter, type, status, flag, order), so
    /// that a portal can keep its own address in step.
    pub fn view(&self, view: &View) {
        #[derive(Serialize)]
        struct Shown<'a> {
            integration: Option<u32>,
            client: Option<u32>,
            filter: &'a str,
            #[serde(rename = "type")]
            resource_type: Option<&'static str>,
            status: Option<&'static str>,
            show: Option<&'static str>,
            sort: &'static str,
            order: &'static str,
        }
        let shown = Shown {
            integration: view.integration.map(|i| i.0),
            client: view.client.map(|c| c.0),
            filter: &view.filter,
            resource_type: view.resource_type.map(ResourceType::slug),
            status: view.status.map(SyncStatus::slug),
            show: view.flag.map(ItemFlag::slug),
            sort: SortKey::slug(view.sort.key),
            order: if view.sort.descending { "desc" } else { "asc" },
        };
        self.send("view", &shown);
    }

    /// `error`: a failure the screen showed, in its words, with its kind (`refused`, `stale`,
    /// `not-found`, `unavailable`, `auth`, `load`, `failed`).
    pub fn error(&self, kind: &str, message: &str) {
        #[derive(Serialize)]
        struct Failure<'a> {
            #[serde(rename = "type")]
            kind: &'a str,
            message: &'a str,
        }
        self.send("error", &Failure { kind, message });
    }

    /// `auth`: a token is needed (the one there is was refused, and `getToken` gave no better).
    pub fn auth(&self, message: &str) {
        #[derive(Serialize)]
        struct Auth<'a> {
            message: &'a str,
        }
        self.send("auth", &Auth { message });
    }

    fn send(&self, name: &str, detail: &impl Serialize) {
        let detail = serde_json::to_string(detail).unwrap_or_default();
        self.0.with_value(|element| {
            let Some(element) = element else { return };
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&js_sys::JSON::parse(&detail).unwrap_or_default());
            let name = format!("{PREFIX}{name}");
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&name, &init) {
                let _ = element.dispatch_event(&event);
            }
        });
    }
}

/// The app's host events (none outside an app, as in component tests).
pub fn use_host_events() -> HostEvents {
    use_context::<HostEvents>().unwrap_or_else(|| HostEvents::on(None))
}

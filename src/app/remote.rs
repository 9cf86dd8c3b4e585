//! What a host page may change in a running app, without a remount (`handle.update(partial)`):
//! the integration, client and filters shown (and the Sync Logs window), the theme, the locale,
//! the token and the API. The
//! app keeps what it can: the filters (unless the update sets them), the selection while the
//! integration and client stay, the open window. A new API opens a new backend: the list,
//! selection and undo start afresh on it, with the view kept.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::data::token::TokenCell;
use crate::state::config::{object_text, BackendChoice, Config, Theme};
use crate::state::view::{View, KEYS};
use crate::ui::format::set_locale;

/// The running app's changeable parts, each owned by the app and changed only here.
#[derive(Clone)]
pub struct Remote {
    /// The backend it runs on (`mock` or `http`), which cannot change.
    pub backend: &'static str,
    /// The theme shown.
    pub theme: RwSignal<Theme>,
    /// The view, when it lives in memory (embedded); standalone, the URL owns it.
    pub view: Option<RwSignal<View>>,
    /// The API's address the backend was opened on (HTTP only).
    pub api: RwSignal<String>,
    /// The token sent with every request (HTTP only).
    pub token: TokenCell,
}

impl Remote {
    /// The parts of an app starting with `config`.
    pub fn new(config: &Config) -> Self {
        let (api, token) = match &config.backend {
            BackendChoice::Http { api, token } => (api.clone(), token.clone()),
            BackendChoice::Mock => (String::new(), None),
        };
        Self {
            backend: config.backend_name(),
            theme: RwSignal::new(config.theme),
            view: (!config.view_in_url).then(|| RwSignal::new(config.view.clone())),
            api: RwSignal::new(api),
            token: TokenCell::new(token),
        }
    }

    /// Applies `partial` (a configuration object's keys, checked by `config-check.js`: a key
    /// that needs a remount is refused there).
    pub fn update(&self, partial: &JsValue) {
        let get = |key: &str| js_sys::Reflect::get(partial, &JsValue::from_str(key)).ok();
        let given = |key: &str| get(key).is_some_and(|v| !v.is_undefined() && !v.is_null());
        let text = |key: &str| object_text(partial, key);
        if let Some(theme) = text("theme") {
            self.theme.set(Theme::from_slug(Some(&theme)));
        }
        if given("locale") {
            set_locale(text("locale").as_deref());
        }
        if let Some(token) = text("token") {
            self.token.set(Some(token));
        }
        if let Some(view) = self.view {
            if KEYS.iter().any(|k| given(k)) {
                view.update(|now| *now = updated(now, &text, &given));
            }
        }
        if let Some(api) = text("api").filter(|a| *a != self.api.get_untracked()) {
            self.api.set(api);
        }
    }
}

/// `now` with the keys `text` gives set; another integration shows its first client unless the
/// update names one, and drops a type filter it may not sync.
fn updated(
    now: &View,
    text: &impl Fn(&str) -> Option<String>,
    given: &impl Fn(&str) -> bool,
) -> View {
    let pairs = now.to_pairs();
    let integration_moves =
        given("integration") && text("integration") != now.integration.map(|i| i.0.to_string());
    View::from_lookup(|key| {
        if given(key) {
            return text(key);
        }
        if integration_moves && matches!(key, "client" | "type") {
            return None;
        }
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    })
}

/// The embedded app's view in memory, as context: the Sync Overview keeps its view there, where
/// `update` changes it too.
#[derive(Clone, Copy)]
pub struct EmbeddedView(pub RwSignal<View>);

/// A remote a mounted app hands back to `mount` (the app is built as `mount` runs).
pub type RemoteSlot = Rc<std::cell::RefCell<Option<Remote>>>;

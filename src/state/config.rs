//! How the app is configured: by a `window.syncOverviewConfig` object when embedded in a page,
//! otherwise by the page's URL query.

use leptos::prelude::*;
use sync_core::parse_templates;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::view::View;

/// The name of the global object a host page may set to configure an embedded app.
pub const CONFIG_OBJECT: &str = "syncOverviewConfig";

/// Where the data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendChoice {
    /// The in-browser mock store (the default).
    Mock,
    /// The HTTP/JSON API at `api` (empty: this page's own origin), with an optional bearer token.
    Http {
        /// The API's base URL, e.g. `http://127.0.0.1:8787`.
        api: String,
        /// Sent as `Authorization: Bearer …`.
        token: Option<String>,
    },
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// The user's preference (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    /// The theme named `slug`; anything else (or nothing) is `Auto`.
    pub fn from_slug(slug: Option<&str>) -> Self {
        match slug {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::Auto,
        }
    }

    /// Its name in configuration and in the app root's `data-theme`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }
}

/// The app's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The documentation portal's product name, as labels show it ("Disable previous … record").
    pub portal: String,
    /// Synced items of the largest demo integration (mock store only).
    pub demo_size: u32,
    /// Where the data comes from.
    pub backend: BackendChoice,
    /// Seconds before an HTTP request is given up.
    pub timeout_secs: u32,
    /// The view to open on (integration, client, filters, order). Standalone, the router reads
    /// the same keys from the URL and keeps them there.
    pub view: View,
    /// Whether the view lives in the page's URL (standalone), rather than in memory (embedded).
    pub view_in_url: bool,
    /// The colour theme.
    pub theme: Theme,
    /// Where each integration's items are in its source product: (integration id or name, URL
    /// template with `{source_id}`) pairs, from `source_urls` (`<id or name>=<template>` parts
    /// separated by `;`). An address a sync run gave an item, or the server's template, wins.
    pub source_urls: Vec<(String, String)>,
    /// Who the technician is, as the items' history names their changes in the mock store (a
    /// server names them by their token).
    pub user: String,
    /// The locale counts and times are shown in (a BCP 47 tag such as `de-DE`); none: the
    /// browser's.
    pub locale: Option<String>,
    /// The app's stylesheet, linked inside its root (given by `embed.js`, not configurable).
    pub stylesheet: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            portal: "portal".to_owned(),
            demo_size: 600,
            backend: BackendChoice::Mock,
            timeout_secs: 15,
            view: View::default(),
            view_in_url: false,
            theme: Theme::Auto,
            stylesheet: None,
            locale: None,
            user: "You".to_owned(),
            source_urls: Vec::new(),
        }
    }
}

/// The largest demo the mock store will generate.
const MAX_DEMO_SIZE: u32 = 1_000_000;

impl Config {
    /// Reads `portal`, `demo`, `backend` (`mock` or `http`), `api`, `token`, `timeout`
    /// (seconds), `theme` (`light`, `dark`, `auto`), `locale`, `user`, `source_urls` and the
    /// view's keys (see [`View::from_lookup`]) through `get`; anything missing or unreadable
    /// keeps its default.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let default = Self::default();
        let text = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let backend = match text("backend").as_deref() {
            Some("http") => BackendChoice::Http {
                api: text("api").unwrap_or_default(),
                token: text("token"),
            },
            _ => BackendChoice::Mock,
        };
        Self {
            portal: text("portal").unwrap_or(default.portal),
            demo_size: text("demo")
                .and_then(|d| d.parse::<u32>().ok())
                .map(|d| d.clamp(1, MAX_DEMO_SIZE))
                .unwrap_or(default.demo_size),
            backend,
            timeout_secs: text("timeout")
                .and_then(|t| t.parse::<u32>().ok())
                .map(|t| t.clamp(1, 600))
                .unwrap_or(default.timeout_secs),
            view: View::from_lookup(&get),
            view_in_url: false,
            theme: Theme::from_slug(text("theme").as_deref()),
            stylesheet: None,
            // A tag `Intl` does not take would make its formatters throw (a page's URL is not
            // checked as a configuration object is).
            locale: text("locale").filter(|l| is_locale(l)),
            user: text("user").unwrap_or(default.user),
            source_urls: parse_templates(&text("source_urls").unwrap_or_default()),
        }
    }
}

impl Config {
    /// The backend's name, as the host's `ready` event says it: `mock` or `http`.
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            BackendChoice::Mock => "mock",
            BackendChoice::Http { .. } => "http",
        }
    }

    /// The settings of a standalone page: its URL query, where the view then lives too. A
    /// `token` there is read once and taken out of the address at once (`history.replaceState`),
    /// so that it stays out of the history, bookmarks and Referer headers.
    pub fn from_url() -> Self {
        let search = window().location().search().unwrap_or_default();
        let query = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let config = Self {
            view_in_url: true,
            ..Self::from_lookup(|key| query.as_ref().and_then(|q| q.get(key)))
        };
        if let Some(query) = query.filter(|q| q.has("token")) {
            query.delete("token");
            forget_token(&query);
        }
        config
    }

    /// The settings of an embedded app: a configuration object's keys (strings or numbers);
    /// the view then lives in memory.
    pub fn from_object(object: &JsValue) -> Self {
        Self::from_lookup(|key| object_text(object, key))
    }
}

/// Whether `Intl` takes `text` as a language tag (`Intl.getCanonicalLocales` throws if not).
fn is_locale(text: &str) -> bool {
    let canonical = js_sys::Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| js_sys::Reflect::get(&intl, &"getCanonicalLocales".into()))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    canonical.is_some_and(|f| f.call1(&JsValue::NULL, &JsValue::from_str(text)).is_ok())
}

/// A configuration object's value of `key` as text: a string as it is, a number as its digits.
pub fn object_text(object: &JsValue, key: &str) -> Option<String> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?;
    value
        .as_string()
        .or_else(|| value.as_f64().map(|n| (n as i64).to_string()))
}

/// Replaces the page's address by the same one with `query` (its token taken out), in place.
fn forget_token(query: &web_sys::UrlSearchParams) {
    let location = window().location();
    let rest = String::from(query.to_string());
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let search = if rest.is_empty() {
        String::new()
    } else {
        format!("?{rest}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{search}{hash}")),
        );
    }
}

/// The app's configuration, provided by the app.
pub fn use_config() -> Config {
    expect_context::<Config>()
}

#[cfg(test)]
mod tests {
    use super::{BackendChoice, Config};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn lookup(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[wasm_bindgen_test]
    fn reads_settings_and_keeps_defaults_for_the_rest() {
        assert_eq!(Config::from_lookup(lookup(&[])), Config::default());
        let c = Config::from_lookup(lookup(&[("portal", "Passportal"), ("demo", "100000")]));
        assert_eq!((c.portal.as_str(), c.demo_size), ("Passportal", 100_000));
        assert_eq!(c.backend, BackendChoice::Mock);
        let c = Config::from_lookup(lookup(&[
            ("portal", "  "),
            ("demo", "lots"),
            ("timeout", "x"),
        ]));
        assert_eq!(c, Config::default());
        assert_eq!(Config::from_lookup(lookup(&[("demo", "0")])).demo_size, 1);
        let c = Config::from_lookup(lookup(&[("integration", "3"), ("client", "x")]));
        assert_eq!(
            (c.view.integration, c.view.client),
            (Some(sync_core::IntegrationId(3)), None)
        );
    }

    #[wasm_bindgen_test]
    fn chooses_the_http_backend() {
        let c = Config::from_lookup(lookup(&[
            ("backend", "http"),
            ("api", "http://127.0.0.1:8787"),
            ("token", "t"),
            ("timeout", "5"),
        ]));
        assert_eq!(
            c.backend,
            BackendChoice::Http {
                api: "http://127.0.0.1:8787".to_owned(),
                token: Some("t".to_owned())
            }
        );
        assert_eq!(c.timeout_secs, 5);
        let same_origin = Config::from_lookup(lookup(&[("backend", "http")]));
        assert_eq!(
            same_origin.backend,
            BackendChoice::Http {
                api: String::new(),
                token: None
            }
        );
    }
}

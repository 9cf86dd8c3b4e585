//! The app: reads its configuration, opens the backend and shows the Sync Overview.

use std::rc::Rc;
use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use sync_core::demo::DemoConfig;
use wasm_bindgen::JsValue;

use crate::backend::http::HttpBackend;
use crate::backend::mock::MockBackend;
use crate::backend::{Api, Backend};
use crate::components::sync_overview::SyncOverview;
use crate::config::{BackendChoice, Config};

/// The name of the global object a host page may set to configure an embedded app.
pub const CONFIG_OBJECT: &str = "syncOverviewConfig";

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Configured />
        </Router>
    }
}

/// The host page's configuration object, if it set one.
fn config_object() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(CONFIG_OBJECT))
        .ok()
        .filter(|v| v.is_object())
}

/// Provides the configuration and the backend, then the screen.
#[component]
fn Configured() -> impl IntoView {
    let query = use_query_map();
    let config = match config_object() {
        Some(object) => Config::from_lookup(|key| {
            js_sys::Reflect::get(&object, &JsValue::from_str(key))
                .ok()
                .and_then(|v| {
                    v.as_string()
                        .or_else(|| v.as_f64().map(|n| (n as i64).to_string()))
                })
        }),
        None => query.with_untracked(|q| Config::from_lookup(|key| q.get(key))),
    };
    let backend: Rc<dyn Backend> = match &config.backend {
        BackendChoice::Mock => Rc::new(MockBackend::open(DemoConfig {
            size: config.demo_size,
            ..DemoConfig::new(Utc::now())
        })),
        BackendChoice::Http { api, token } => Rc::new(HttpBackend::new(
            api,
            token.clone(),
            Duration::from_secs(u64::from(config.timeout_secs)),
        )),
    };
    provide_context(Api::new(backend));
    provide_context(config);
    view! { <SyncOverview /> }
}

/// The app's configuration.
pub fn use_config() -> Config {
    expect_context::<Config>()
}

//! The app: reads its configuration, opens the backend and shows the Sync Overview.

use std::rc::Rc;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use sync_core::demo::DemoConfig;

use crate::backend::mock::MockBackend;
use crate::backend::Api;
use crate::components::sync_overview::SyncOverview;
use crate::config::Config;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Configured />
        </Router>
    }
}

/// Provides the configuration and the backend, then the screen.
#[component]
fn Configured() -> impl IntoView {
    let query = use_query_map();
    let config = query.with_untracked(|q| Config::from_query(|key| q.get(key)));
    let demo = DemoConfig {
        size: config.demo_size,
        ..DemoConfig::new(Utc::now())
    };
    provide_context(Api::new(Rc::new(MockBackend::open(demo))));
    provide_context(config);
    view! { <SyncOverview /> }
}

/// The app's configuration.
pub fn use_config() -> Config {
    expect_context::<Config>()
}

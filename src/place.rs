//! Keeps the viewed integration and client in the page's URL (`?integration=…&client=…`, by
//! `history.replaceState`), so that a reload or a shared link opens the same place. Not used when
//! the app is embedded (the host page owns its URL).

use leptos::prelude::*;

use crate::screen::Screen;

/// Writes the screen's integration and client into the URL whenever they change.
pub fn keep_in_url(screen: Screen) {
    Effect::new(move |_| {
        if let (Some(integration), Some(client)) = (screen.integration.get(), screen.client.get()) {
            write(&integration.to_string(), &client.to_string());
        }
    });
}

fn write(integration: &str, client: &str) {
    let location = window().location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    else {
        return;
    };
    if params.get("integration").as_deref() == Some(integration)
        && params.get("client").as_deref() == Some(client)
    {
        return;
    }
    params.set("integration", integration);
    params.set("client", client);
    let url = format!(
        "{}?{}{}",
        location.pathname().unwrap_or_default(),
        String::from(params.to_string()),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

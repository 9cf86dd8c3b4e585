//! Mount only: exports `mount(element, config)` to JavaScript (`embed.js` checks the configuration
//! and re-exports it), for the standalone page and for any host page.

use sync_overview::app::embed;
use wasm_bindgen::prelude::*;

/// A mounted Sync Overview.
#[wasm_bindgen]
pub struct App(embed::Mounted);

#[wasm_bindgen]
impl App {
    /// Removes the app from its element: its nodes, its reactive state and its listeners.
    pub fn unmount(&self) {
        self.0.unmount();
    }

    /// Changes the running app without a remount: integration, client and filters, theme,
    /// locale, token or API (`partial` already checked by `embed.js`).
    pub fn update(&self, partial: JsValue) {
        self.0.update(&partial);
    }

    /// The backend the app runs on: `mock` or `http`.
    #[wasm_bindgen(getter)]
    pub fn backend(&self) -> String {
        self.0.backend().to_owned()
    }

    /// The address of the API the app talks to (HTTP), else empty.
    #[wasm_bindgen(getter)]
    pub fn api(&self) -> String {
        self.0.api()
    }
}

/// Shows Sync Overview inside `element`, styled by the stylesheet at `stylesheet` (see
/// [`embed::mount`]); `config` was checked by `embed.js`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue, stylesheet: Option<String>) -> App {
    App(embed::mount(element, &config, stylesheet))
}

fn main() {}

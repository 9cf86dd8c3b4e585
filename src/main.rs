//! Mount only: exports `mount(element, config)` to JavaScript (`embed.js` re-exports it), for
//! the standalone page and for any host page.

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
}

/// Shows Sync Overview inside `element`, styled by the stylesheet at `stylesheet` (see
/// [`embed::mount`]).
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue, stylesheet: Option<String>) -> App {
    App(embed::mount(element, &config, stylesheet))
}

fn main() {}

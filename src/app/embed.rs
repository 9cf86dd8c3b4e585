//! What `mount(element, config)` does (exported to JavaScript by `main.rs`): renders the app
//! inside `element` only and keeps it until `unmount()`. `embed.js` (written next to
//! `index.html` by every build) loads the wasm and re-exports it; the standalone page is its
//! first host.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::App;
use crate::state::config::Config;

/// The apps mounted and not yet unmounted (their unmount handles, by id), and the last id.
#[derive(Default)]
struct Apps {
    last: u32,
    mounted: HashMap<u32, Box<dyn Any>>,
}

thread_local! {
    /// Kept here rather than in the JavaScript handle, so that a host that drops the handle does
    /// not unmount the app.
    static APPS: RefCell<Apps> = RefCell::default();
}

/// A mounted app, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mounted(u32);

impl Mounted {
    /// Removes the app from its element: its nodes, its reactive state and its listeners. A
    /// second call does nothing.
    pub fn unmount(self) {
        // Dropped outside the borrow: unmounting runs the app's cleanups.
        let handle = APPS.with(|apps| apps.borrow_mut().mounted.remove(&self.0));
        drop(handle);
    }
}

/// Shows the app inside `element`. `config` takes the keys of `window.syncOverviewConfig`; with
/// none, that global object is read, else the page's URL (standalone: the view lives there).
/// The app links `stylesheet` inside its own root.
pub fn mount(
    element: web_sys::HtmlElement,
    config: &JsValue,
    stylesheet: Option<String>,
) -> Mounted {
    console_error_panic_hook::set_once();
    let config = Config {
        stylesheet,
        ..Config::for_mount(config)
    };
    let handle = leptos::mount::mount_to(element, move || view! { <App config /> });
    APPS.with(|apps| {
        let apps = &mut *apps.borrow_mut();
        apps.last += 1;
        apps.mounted.insert(apps.last, Box::new(handle));
        Mounted(apps.last)
    })
}

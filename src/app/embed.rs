//! What `mount(element, config)` does (exported to JavaScript by `main.rs`): renders the app
//! inside `element` only and keeps it until `unmount()`. `embed.js` (written next to
//! `index.html` by every build) loads the wasm and re-exports it; the standalone page is its
//! first host.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::remote::{Remote, RemoteSlot};
use crate::app::App;
use crate::state::config::{Config, CONFIG_OBJECT};

/// The apps mounted and not yet unmounted (their unmount handles and what their host may change,
/// by id), and the last id.
#[derive(Default)]
struct Apps {
    last: u32,
    mounted: HashMap<u32, (Box<dyn Any>, Option<Remote>)>,
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

    /// Changes the running app (see [`Remote::update`]); an unmounted app is left as it is.
    pub fn update(self, partial: &JsValue) {
        if let Some(remote) = self.remote() {
            remote.update(partial);
        }
    }

    /// The backend the app runs on: `mock` or `http` (`mock` once unmounted).
    pub fn backend(self) -> &'static str {
        self.remote().map_or("mock", |r| r.backend)
    }

    /// The address of the API the app talks to (HTTP), else empty.
    pub fn api(self) -> String {
        self.remote()
            .map(|r| r.api.get_untracked())
            .unwrap_or_default()
    }

    fn remote(self) -> Option<Remote> {
        APPS.with(|apps| apps.borrow().mounted.get(&self.0).and_then(|m| m.1.clone()))
    }
}

/// Shows the app inside `element`. `config` takes the keys of `window.syncOverviewConfig`; with
/// none, that global object is read, else the page's URL (standalone: the view lives there).
/// The app links `stylesheet` inside its own root. The configuration object was checked by
/// `embed.js` (`config-check.js`), which shows its problems instead of mounting.
pub fn mount(
    element: web_sys::HtmlElement,
    config: &JsValue,
    stylesheet: Option<String>,
) -> Mounted {
    console_error_panic_hook::set_once();
    let object = if config.is_object() {
        Some(config.clone())
    } else {
        js_sys::Reflect::get(&window(), &JsValue::from_str(CONFIG_OBJECT))
            .ok()
            .filter(|o| !o.is_undefined() && !o.is_null())
    };
    let config = Config {
        stylesheet,
        ..object
            .as_ref()
            .map_or_else(Config::from_url, Config::from_object)
    };
    let host = element.clone();
    let get_token = object
        .as_ref()
        .and_then(|o| js_sys::Reflect::get(o, &JsValue::from_str("getToken")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let slot = RemoteSlot::default();
    let app_slot = slot.clone();
    let handle = leptos::mount::mount_to(element, move || {
        view! { <App config host remote_slot=app_slot get_token /> }
    });
    let remote = slot.take();
    APPS.with(|apps| {
        let apps = &mut *apps.borrow_mut();
        apps.last += 1;
        apps.mounted.insert(apps.last, (Box::new(handle), remote));
        Mounted(apps.last)
    })
}

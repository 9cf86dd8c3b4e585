//! Where an open row menu goes: fixed to the window, right-aligned with its button, below it or,
//! near the window's bottom, above it.

use leptos::prelude::window;

use crate::ui::format::px;

/// The height a menu needs below its button, in pixels.
const MENU_ROOM: f64 = 110.0;

/// Where an open menu goes, as CSS lengths (set through the CSSOM, which a strict Content
/// Security Policy allows, unlike `style` attributes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// From the window's right edge.
    pub right: String,
    /// From the window's top (`auto` when placed above the button).
    pub top: String,
    /// From the window's bottom (`auto` when placed below the button).
    pub bottom: String,
}

/// Where the menu goes: fixed to the window (so that the list's scrolling box does not cut it
/// off), right-aligned with its button, below it or, near the window's bottom, above it.
pub fn placement(button: &web_sys::HtmlButtonElement) -> Placement {
    let rect = button.get_bounding_client_rect();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    let width = size(window().inner_width()).unwrap_or(0.0);
    let height = size(window().inner_height()).unwrap_or(0.0);
    let right = (width - rect.right()).max(0.0);
    let auto = || "auto".to_owned();
    if rect.bottom() + MENU_ROOM > height && rect.top() > MENU_ROOM {
        Placement {
            right: px(right),
            top: auto(),
            bottom: px(height - rect.top() + 4.0),
        }
    } else {
        Placement {
            right: px(right),
            top: px(rect.bottom() + 4.0),
            bottom: auto(),
        }
    }
}

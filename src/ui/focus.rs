//! Moving focus to an element by its id: at once, or after the next frame once what renders it
//! is on the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id, if it is on the page; says whether it was.
pub fn focus_by_id(id: &str) -> bool {
    let element = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Focuses the element with this id after the next frame, once what renders it (or removes
/// the element that had focus) is on the page.
pub fn focus_soon(id: String) {
    leptos::prelude::request_animation_frame(move || {
        focus_by_id(&id);
    });
}

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

/// Whether `element` takes typed text (a text field, text area or drop-down): there, keys such
/// as Ctrl+Z and Escape are the field's own.
pub fn is_text_entry(element: &web_sys::Element) -> bool {
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => element.get_attribute("type").as_deref() != Some("checkbox"),
        _ => false,
    }
}

/// Focuses the element with this id after the next frame, unless the user is typing in a field
/// by then: focus given back after a reload never takes them out of what they moved on to.
pub fn focus_soon_unless_typing(id: String) {
    leptos::prelude::request_animation_frame(move || {
        let typing = document()
            .active_element()
            .is_some_and(|e| is_text_entry(&e));
        if !typing {
            focus_by_id(&id);
        }
    });
}

/// Focuses the element with this id after the next frame, once what renders it (or removes
/// the element that had focus) is on the page.
pub fn focus_soon(id: String) {
    leptos::prelude::request_animation_frame(move || {
        focus_by_id(&id);
    });
}

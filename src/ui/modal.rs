//! A modal dialog: titled, focus kept inside, Escape closes, focus goes back to its opener.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::ui::ids::unique_id;

/// What can take focus inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// A modal `<dialog>` titled `title`. `on_close` runs on Escape; the opener restores focus.
#[component]
pub fn Modal(
    /// The dialog's title, also its accessible name.
    #[prop(into)]
    title: String,
    /// Asked to close the dialog (Escape).
    #[prop(into)]
    on_close: Callback<()>,
    /// Extra CSS class.
    #[prop(optional, into)]
    class: String,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    // Opens the dialog as modal once its element is on the page (only `show_modal` makes the
    // rest of the page inert): an effect, because the element exists only after rendering. It
    // writes no signal.
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            if let Some(dialog) = dialog.get() {
                keep_focus_inside(&dialog, &ev);
            }
        }
        _ => {}
    };
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=dialog
            class=format!("modal {class}")
            aria-labelledby=labelled_by
            on:keydown=on_keydown
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                on_close.run(());
            }
        >
            <h2 id=title_id class="modal-title">{title}</h2>
            {children()}
        </dialog>
    }
}

/// Wraps Tab and Shift+Tab around the dialog's first and last focusable elements.
fn keep_focus_inside(dialog: &HtmlElement, ev: &KeyboardEvent) {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let focusable: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        ev.prevent_default();
        return;
    };
    let active = document().active_element();
    let is = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref());
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.unchecked_ref())));
    if ev.shift_key() && (is(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (is(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

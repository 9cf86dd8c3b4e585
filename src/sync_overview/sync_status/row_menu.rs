//! The drop-down menu at the far right of each synced item: Re-match Record, Exclude Record
//! (Include Record for an excluded item).

use leptos::html;
use leptos::prelude::*;
use sync_core::ItemView;
use wasm_bindgen::JsCast;
use web_sys::{FocusEvent, KeyboardEvent, Node};

use crate::state::row_actions::use_row_actions;
use crate::sync_overview::sync_status::menu_list::{MenuList, Start};
use crate::ui::ids::{unique_id, use_ids};

/// The row's actions button and, when open, its menu; both follow the item the row shows.
#[component]
pub fn RowMenu(row: Memo<ItemView>) -> impl IntoView {
    let actions = use_row_actions();
    let ids = StoredValue::new(use_ids());
    let id = move || row.with(|r| r.id);
    let button = NodeRef::<html::Button>::new();
    let start = RwSignal::new(Start::First);
    let is_open = move || actions.open_menu() == Some(id());
    let open = move |from: Start| {
        start.set(from);
        actions.show_menu(row.with_untracked(|r| r.id));
    };
    let close = move |refocus: bool| {
        actions.close_menu();
        if refocus {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let menu_id = unique_id("row-menu");
    let label = move || row.with(|r| format!("Actions for {}", r.name));
    view! {
        <div
            class="row-menu"
            on:focusout=move |ev: FocusEvent| {
                let inside = match (ev.current_target(), ev.related_target()) {
                    (Some(own), Some(to)) => {
                        own.unchecked_ref::<Node>().contains(Some(to.unchecked_ref::<Node>()))
                    }
                    _ => false,
                };
                if !inside && is_open() {
                    close(false);
                }
            }
        >
            <button
                node_ref=button
                id=move || ids.with_value(|ids| ids.actions_button(id()))
                type="button"
                class="icon-button"
                aria-label=label
                aria-haspopup="menu"
                aria-expanded=move || is_open().to_string()
                aria-controls={
                    let menu_id = menu_id.clone();
                    move || is_open().then(|| menu_id.clone())
                }
                on:click=move |_| if is_open() { close(false) } else { open(Start::First) }
                on:keydown=move |ev: KeyboardEvent| match ev.key().as_str() {
                    "ArrowDown" => {
                        ev.prevent_default();
                        open(Start::First);
                    }
                    "ArrowUp" => {
                        ev.prevent_default();
                        open(Start::Last);
                    }
                    _ => {}
                }
            >
            </button>
            <Show when=is_open>
                <MenuList row menu_id=menu_id.clone() label start button close />
            </Show>
        </div>
    }
}

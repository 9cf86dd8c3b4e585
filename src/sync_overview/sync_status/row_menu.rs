//! The drop-down menu at the far right of each synced item: Re-match Record, Exclude Record
//! (Include Record for an excluded item).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{Action, ItemView, SyncStatus};
use wasm_bindgen::JsCast;
use web_sys::{FocusEvent, HtmlElement, KeyboardEvent, Node};

use crate::actions::screen::use_screen;
use crate::actions::write::new_key;
use crate::actions::write::{write_undoable, Refusal};
use crate::data::use_api;
use crate::state::row_actions::{use_row_actions, RowDialog};
use crate::ui::focus::focus_by_id;
use crate::ui::format::px;
use crate::ui::ids::unique_id;
use crate::ui::ids::use_ids;

/// Which menu item takes focus when the menu opens.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    First,
    Last,
}

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

/// The height a menu needs below its button, in pixels.
const MENU_ROOM: f64 = 110.0;

/// Where an open menu goes, as CSS lengths (set through the CSSOM, which a strict Content
/// Security Policy allows, unlike `style` attributes).
#[derive(Clone, Debug, Default, PartialEq)]
struct Placement {
    right: String,
    top: String,
    bottom: String,
}

/// Where the menu goes: fixed to the window (so that the list's scrolling box does not cut it
/// off), right-aligned with its button, below it or, near the window's bottom, above it.
fn placement(button: &web_sys::HtmlButtonElement) -> Placement {
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

/// The open menu: arrows move, Home and End jump, Escape closes, Tab leaves.
#[component]
fn MenuList(
    row: Memo<ItemView>,
    menu_id: String,
    label: impl Fn() -> String + Copy + Send + Sync + 'static,
    start: RwSignal<Start>,
    button: NodeRef<html::Button>,
    close: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ids = use_ids();
    let actions = use_row_actions();
    let api = use_api();
    let screen = use_screen();
    let menu = NodeRef::<html::Div>::new();
    let items = move || -> Vec<HtmlElement> {
        let Some(menu) = menu.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .collect()
    };
    let focus_at = move |index: usize| {
        if let Some(item) = items().get(index) {
            let _ = item.focus();
        }
    };
    // Follows the button when the list or the page scrolls (a scroll that takes the button out of
    // view closes the menu: `RowActions::scrolled`).
    let place = Memo::new(move |_| {
        actions.track_moves();
        button
            .get_untracked()
            .map(|b| placement(&b))
            .unwrap_or_default()
    });
    // Writes no signal: moves DOM focus into the menu once it is on the page.
    Effect::new(move |_| {
        if menu.get().is_some() {
            let count = items().len();
            focus_at(match start.get_untracked() {
                Start::First => 0,
                Start::Last => count.saturating_sub(1),
            });
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        let list = items();
        let count = list.len();
        if count == 0 {
            return;
        }
        let active = document().active_element();
        let current = list.iter().position(|el| {
            active
                .as_ref()
                .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
        });
        let next = match ev.key().as_str() {
            "ArrowDown" => current.map_or(0, |i| (i + 1) % count),
            "ArrowUp" => current.map_or(count - 1, |i| (i + count - 1) % count),
            "Home" => 0,
            "End" => count - 1,
            "Escape" => {
                ev.prevent_default();
                close(true);
                return;
            }
            "Tab" => {
                close(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focus_at(next);
    };
    let excluded = move || row.with(|r| r.status == SyncStatus::Excluded);
    let open_dialog = move |dialog: RowDialog| {
        actions.open_dialog(dialog);
    };
    let include = move || {
        actions.close_menu();
        let item = row.get_untracked();
        let button = ids.actions_button(item.id);
        spawn_local(async move {
            let action = Action::Include { item: item.id };
            match write_undoable(api, screen, action, &item, &new_key()).await {
                Ok(changed) => {
                    screen.focus_row(item.id);
                    screen.changed(format!(
                        "Included {}; it is {} again.",
                        changed.name,
                        changed.status.label()
                    ));
                }
                Err(refusal) => {
                    if let Refusal::Failed(why) = refusal {
                        screen.failed(format!("Could not include {}: {why}", item.name));
                    }
                    focus_by_id(&button);
                }
            }
        });
    };
    view! {
        <div
            node_ref=menu
            id=menu_id
            role="menu"
            aria-label=label
            class="menu"
            style:right=move || place.with(|p| p.right.clone())
            style:top=move || place.with(|p| p.top.clone())
            style:bottom=move || place.with(|p| p.bottom.clone())
            on:keydown=on_keydown
        >
            <MenuItem
                label="Re-match Record"
                on_pick=move || open_dialog(RowDialog::Rematch(row.get_untracked()))
            />
            {move || {
                if excluded() {
                    view! { <MenuItem label="Include Record" on_pick=include.clone() /> }.into_any()
                } else {
                    view! {
                        <MenuItem
                            label="Exclude Record"
                            on_pick=move || open_dialog(RowDialog::Exclude(row.get_untracked()))
                        />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// One item of a row menu (reached by the arrow keys, not by Tab).
#[component]
fn MenuItem(label: &'static str, on_pick: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" role="menuitem" tabindex="-1" class="menu-item" on:click=move |_| on_pick()>
            {label}
        </button>
    }
}

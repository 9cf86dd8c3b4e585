//! An open row menu: Re-match Record, Exclude Record or Include Record, History, and Open in
//! <product> when the item's source record has an address. Arrows move, Home and End jump,
//! Escape closes, Tab leaves.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use sync_core::{ItemView, SourceLink, SyncStatus};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::actions::screen::{use_screen, Screen};
use crate::data::use_api;
use crate::state::config::use_config;
use crate::state::row_actions::{use_row_actions, RowActions, RowDialog};
use crate::state::view_state::use_view;
use crate::sync_overview::source_record::{refuse, source_record, SourceRecord};
use crate::sync_overview::sync_status::include_record::include_record;
use crate::sync_overview::sync_status::menu_placement::placement;
use crate::ui::ids::use_ids;

/// Which menu item takes focus when the menu opens.
#[derive(Clone, Copy, PartialEq)]
pub enum Start {
    /// The first item.
    First,
    /// The last item.
    Last,
}

/// The open menu: arrows move, Home and End jump, Escape closes, Tab leaves.
#[component]
pub fn MenuList(
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
    // Follows the button when the list or the page scrolls (a scroll that takes the button out of
    // view closes the menu: `RowActions::scrolled`).
    let place = Memo::new(move |_| {
        actions.track_moves();
        button
            .get_untracked()
            .map(|b| placement(&b))
            .unwrap_or_default()
    });
    focus_on_open(menu, start);
    let on_keydown = menu_keys(menu, close);
    let excluded = move || row.with(|r| r.status == SyncStatus::Excluded);
    let (config, integration) = (use_config(), use_view().integration());
    let source = Memo::new(move |_| {
        let integration = integration.get()?;
        row.with(|r| source_record(r, &integration, &config))
    });
    let open_dialog = move |dialog: RowDialog| {
        actions.open_dialog(dialog);
    };
    let include = move || {
        actions.close_menu();
        include_record(
            api,
            screen,
            row.get_untracked(),
            ids.actions_button(row.with_untracked(|r| r.id)),
        );
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
            <MenuItem
                label="History"
                on_pick=move || open_dialog(RowDialog::History(row.get_untracked()))
            />
            {move || source.get().map(|record| source_item(record, row, actions, screen))}
        </div>
    }
}

/// "Open in <product>": a link opening the source record in a new tab, or, for an address that
/// is not http(s), an item that says it is refused.
fn source_item(
    record: SourceRecord,
    row: Memo<ItemView>,
    actions: RowActions,
    screen: Screen,
) -> impl IntoView {
    // Closed once the click is over: a link taken off the page while it is clicked does not
    // navigate.
    let close_after = move || set_timeout(move || actions.close_menu(), Duration::ZERO);
    match record.link {
        SourceLink::Web(url) => view! {
            <a role="menuitem" tabindex="-1" class="menu-item" href=url target="_blank" rel="noopener noreferrer" on:click=move |_| close_after()>
                {record.label}
            </a>
        }
        .into_any(),
        SourceLink::Refused(url) => {
            let pick = move |_| {
                actions.close_menu();
                refuse(screen, &row.with_untracked(|r| r.name.clone()), &url);
            };
            view! {
                <button type="button" role="menuitem" tabindex="-1" class="menu-item" on:click=pick>
                    {record.label}
                </button>
            }
            .into_any()
        }
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

/// What a key does in an open menu of `count` items, focus on item `current`.
#[derive(Debug, PartialEq)]
enum MenuKey {
    /// Focus this item.
    Move(usize),
    /// Close and give focus back to the button (Escape).
    Close,
    /// Close and let focus go where it goes (Tab).
    Leave,
    /// Nothing.
    Ignore,
}

/// Arrows move (wrapping), Home and End jump, Escape closes, Tab leaves.
fn menu_key(key: &str, current: Option<usize>, count: usize) -> MenuKey {
    if count == 0 {
        return MenuKey::Ignore;
    }
    match key {
        "ArrowDown" => MenuKey::Move(current.map_or(0, |i| (i + 1) % count)),
        "ArrowUp" => MenuKey::Move(current.map_or(count - 1, |i| (i + count - 1) % count)),
        "Home" => MenuKey::Move(0),
        "End" => MenuKey::Move(count - 1),
        "Escape" => MenuKey::Close,
        "Tab" => MenuKey::Leave,
        _ => MenuKey::Ignore,
    }
}

/// The menu's items, in order.
fn menu_items(menu: NodeRef<html::Div>) -> Vec<HtmlElement> {
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
}

/// Which of the items has focus.
fn focused(items: &[HtmlElement]) -> Option<usize> {
    let active = document().active_element()?;
    items
        .iter()
        .position(|el| &active == el.unchecked_ref::<web_sys::Element>())
}

/// The open menu's keys, as [`menu_key`] says.
fn menu_keys(
    menu: NodeRef<html::Div>,
    close: impl Fn(bool) + Copy + 'static,
) -> impl Fn(KeyboardEvent) + 'static {
    move |ev: KeyboardEvent| {
        let items = menu_items(menu);
        match menu_key(&ev.key(), focused(&items), items.len()) {
            MenuKey::Move(next) => {
                ev.prevent_default();
                focus_at(&items, next);
            }
            MenuKey::Close => {
                ev.prevent_default();
                close(true);
            }
            MenuKey::Leave => close(false),
            MenuKey::Ignore => {}
        }
    }
}

/// Moves DOM focus into the menu once it is on the page: to its first item, or its last when
/// opened with the up arrow. An effect because the menu's element exists only after it renders;
/// it writes no signal.
fn focus_on_open(menu: NodeRef<html::Div>, start: RwSignal<Start>) {
    Effect::new(move |_| {
        if menu.get().is_some() {
            let items = menu_items(menu);
            let at = match start.get_untracked() {
                Start::First => 0,
                Start::Last => items.len().saturating_sub(1),
            };
            focus_at(&items, at);
        }
    });
}

/// Focuses the item at `index`, if there is one.
fn focus_at(items: &[HtmlElement], index: usize) {
    if let Some(item) = items.get(index) {
        let _ = item.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::{menu_key, MenuKey};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn arrows_wrap_home_and_end_jump_escape_closes_tab_leaves() {
        assert_eq!(menu_key("ArrowDown", Some(0), 2), MenuKey::Move(1));
        assert_eq!(menu_key("ArrowDown", Some(1), 2), MenuKey::Move(0));
        assert_eq!(menu_key("ArrowUp", Some(0), 2), MenuKey::Move(1));
        assert_eq!(menu_key("ArrowDown", None, 2), MenuKey::Move(0));
        assert_eq!(menu_key("ArrowUp", None, 2), MenuKey::Move(1));
        assert_eq!(menu_key("Home", Some(1), 2), MenuKey::Move(0));
        assert_eq!(menu_key("End", Some(0), 2), MenuKey::Move(1));
        assert_eq!(menu_key("Escape", Some(0), 2), MenuKey::Close);
        assert_eq!(menu_key("Tab", Some(0), 2), MenuKey::Leave);
        assert_eq!(menu_key("a", Some(0), 2), MenuKey::Ignore);
        assert_eq!(menu_key("ArrowDown", None, 0), MenuKey::Ignore);
    }
}

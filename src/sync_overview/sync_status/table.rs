//! The Sync Status table: a scrolling box that renders only the rows in view (empty space stands
//! in for the others), sortable headers, and an empty state that says why.

use leptos::prelude::*;
use sync_core::{ItemPage, ItemView, SortKey};

use crate::actions::screen::use_screen;
use crate::state::row_actions::use_row_actions;
use crate::state::view_state::use_view;
use crate::sync_overview::sync_status::filters::FILTER;
use crate::sync_overview::sync_status::row::SyncStatusRow;
use crate::sync_overview::sync_status::select_loaded::SelectLoaded;
use crate::sync_overview::sync_status::sort_header::SortHeader;
use crate::sync_overview::sync_status::use_item_page::ItemPageState;
use crate::sync_overview::sync_status::use_row_window::RowWindowState;
use crate::sync_overview::sync_status::window::RowWindow;
use crate::sync_overview::sync_status::TITLE;
use crate::ui::focus::{focus_by_id, focus_soon_unless_typing};
use crate::ui::format::px;
use crate::ui::ids::use_ids;

/// The table of the rows in view.
#[component]
pub fn SyncStatusTable(
    /// The list box and the rows in view.
    rows: RowWindowState,
    /// The page loaded for them.
    page: ItemPageState,
) -> impl IntoView {
    let actions = use_row_actions();
    let ids = use_ids();
    let title_id = ids.of(TITLE);
    let heading = title_id.clone();
    let loaded = page.loaded;
    focus_after_reload(loaded, heading);
    // One row per slot of the page, keyed by its position: a keystroke that changes the items
    // in view changes the rows' text in place instead of building new rows.
    let slots = Memo::new(move |_| loaded.with(|p| p.as_ref().map_or(0, |p| p.items.len())));
    let item_at = move |slot: usize| loaded.with(|p| p.as_ref()?.items.get(slot).cloned());
    let offset = Memo::new(move |_| loaded.with(|p| p.as_ref().map_or(0, |p| p.offset)));
    view! {
        <div
            class="table-scroll"
            node_ref=rows.scroller
            style:max-height=move || rows.box_height.get().map(px).unwrap_or_default()
            on:scroll=move |_| {
                rows.on_scroll();
                actions.scrolled();
            }
        >
            <table
                class="sync-table"
                aria-labelledby=title_id
                aria-busy=move || page.loading.get().to_string()
                aria-rowcount=move || loaded.with(|p| p.as_ref().map(|p| p.total + 1))
            >
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="select-head">
                            <SelectLoaded loaded />
                        </th>
                        <SortHeader label="Name" key=SortKey::Name />
                        <SortHeader label="Type" key=SortKey::Type />
                        <SortHeader label="Status" key=SortKey::Status />
                        <th scope="col">"Matched record"</th>
                        <th scope="col" class="actions-head">
                            <span class="visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let (above, _) = page.rows_around();
                        (above > 0).then(|| view! { <Gap rows=above height=rows.row_height.get() /> })
                    }}
                    <For
                        each=move || 0..slots.get()
                        key=|slot| *slot
                        children=move |slot| {
                            let first = item_at(slot)?;
                            // The slot's item; a slot being removed keeps its last one.
                            let row = Memo::new(move |last: Option<&ItemView>| {
                                item_at(slot)
                                    .or_else(|| last.cloned())
                                    .unwrap_or_else(|| first.clone())
                            });
                            let index = Memo::new(move |_| offset.get() + slot as u32);
                            Some(view! { <SyncStatusRow row index /> })
                        }
                    />
                    {move || {
                        let (_, below) = page.rows_around();
                        (below > 0).then(|| view! { <Gap rows=below height=rows.row_height.get() /> })
                    }}
                </tbody>
            </table>
            {move || {
                let total = loaded.with(|p| p.as_ref().map(|p| p.total))?;
                (total == 0).then(EmptyState)
            }}
        </div>
    }
}

/// Empty space in the table standing in for `rows` rows, each `height` tall, not rendered.
#[component]
fn Gap(rows: u32, height: f64) -> impl IntoView {
    view! {
        <tr class="gap" aria-hidden="true" style:height=px(RowWindow::gap(rows, height))>
            <td colspan="6"></td>
        </tr>
    }
}

/// Says why the list is empty and how to clear the filters.
#[component]
fn EmptyState() -> impl IntoView {
    let view = use_view();
    let filter_id = StoredValue::new(use_ids().of(FILTER));
    let why = move || view.shown().with(|v| v.describe_filters());
    view! {
        <div class="empty-state">
            {move || match why() {
                None => view! { <p>"This client has no synced items in this integration."</p> }.into_any(),
                Some(why) => {
                    view! {
                        <p>{format!("No items match {why}.")}</p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                view.clear_filters();
                                filter_id.with_value(|id| focus_by_id(id));
                            }
                        >
                            "Clear filters"
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Gives focus back after an action: to the acted-on item's actions button once the reloaded
/// page shows it (unless the user has gone on to type in a field meanwhile); if it no longer
/// shows (filtered out), to the section heading. An effect
/// because the button exists only once the reloaded rows render; it writes no signal.
fn focus_after_reload(loaded: Memo<Option<ItemPage>>, heading: String) {
    let screen = use_screen();
    let ids = StoredValue::new(use_ids());
    Effect::new(move |_| {
        loaded.with(|page| {
            let Some(page) = page else { return };
            let Some(id) = screen.take_focus() else {
                return;
            };
            if page.items.iter().any(|row| row.id == id) {
                focus_soon_unless_typing(ids.with_value(|ids| ids.actions_button(id)));
            } else {
                focus_by_id(&heading);
            }
        })
    });
}

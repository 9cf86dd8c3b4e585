//! The Sync Status section: the synced items of the shown integration and client, filtered and
//! sorted as the view says, with the per-row menus and their dialogs.

use leptos::ev;
use leptos::prelude::*;
use sync_core::ItemQuery;
use wasm_bindgen::JsCast;

use crate::actions::screen::use_screen;
use crate::actions::undo::undo;
use crate::data::use_api;
use crate::state::row_actions::RowActions;
use crate::state::selection::{Picked, Selection};
use crate::state::view_state::use_view;
use crate::sync_overview::review::review_button::ReviewButton;
use crate::sync_overview::sync_status::export_csv::ExportCsv;
use crate::sync_overview::sync_status::filters::SyncStatusFilters;
use crate::sync_overview::sync_status::row_dialog_host::RowDialogHost;
use crate::sync_overview::sync_status::selection_bar::SelectionBar;
use crate::sync_overview::sync_status::table::SyncStatusTable;
use crate::sync_overview::sync_status::use_item_page::use_item_page;
use crate::sync_overview::sync_status::use_row_window::use_row_window;
use crate::sync_overview::sync_status::TITLE;
use crate::ui::focus::is_text_entry;
use crate::ui::format::items;
use crate::ui::ids::use_ids;
use crate::ui::load_error::LoadError;

/// The Sync Status list of the shown integration and client.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let view = use_view();
    let title_id = use_ids().of(TITLE);
    let labelled_by = title_id.clone();
    let actions = RowActions::provide();
    // The list as the view asks for it, before paging.
    let list = Memo::new(move |_| {
        view.shown().with(|v| match (v.integration, v.client) {
            (Some(integration), Some(client)) => Some(ItemQuery {
                filter: v.filter.clone(),
                resource_type: v.resource_type,
                status: v.status,
                flag: v.flag,
                sort: v.sort,
                ..ItemQuery::all(integration, client)
            }),
            _ => None,
        })
    });
    let selection = Selection::provide(list);
    let rows = use_row_window(list);
    let page = use_item_page(list, rows.window);
    // An open menu is fixed to the window; when the page scrolls it follows its button.
    let page_scroll = window_event_listener(ev::scroll, move |_| actions.scrolled());
    on_cleanup(move || page_scroll.remove());

    let on_keydown = list_keys(selection);

    view! {
        <section class="sync-status" aria-labelledby=labelled_by on:keydown=on_keydown>
            <div class="section-head">
                <h2 id=title_id tabindex="-1">
                    "Sync Status"
                </h2>
                <span class="muted item-count" aria-live="polite" aria-atomic="true">
                    {move || {
                        if page.loading.get() {
                            Some("Loading…".to_owned())
                        } else {
                            page.loaded.with(|p| p.as_ref().map(|p| items(p.total)))
                        }
                    }}
                </span>
                <ReviewButton list />
                <ExportCsv list />
            </div>
            <SyncStatusFilters facets=Memo::new(move |_| {
                page.loaded.with(|p| p.as_ref().map(|p| p.facets.clone()))
            }) />
            {move || {
                page.fetch
                    .error()
                    .map(|error| view! { <LoadError error=error.to_string() retry=move || page.fetch.refetch() /> })
            }}
            <SelectionBar loaded=page.loaded />
            <SyncStatusTable rows page />
            <RowDialogHost page=page.loaded />
        </section>
    }
}

/// The list's keys: Ctrl+Z (or Cmd+Z) undoes the latest action, Escape clears the selection. In
/// a text field both are the field's; a dialog or menu open takes its own Escape first.
fn list_keys(selection: Selection) -> impl Fn(ev::KeyboardEvent) + 'static {
    let api = use_api();
    let screen = use_screen();
    move |ev: ev::KeyboardEvent| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| is_text_entry(&t));
        if ev.key() == "Escape"
            && !typing
            && !ev.default_prevented()
            && selection.picked().with_untracked(|p| *p != Picked::Nothing)
        {
            ev.prevent_default();
            selection.clear();
        } else if (ev.ctrl_key() || ev.meta_key())
            && !ev.shift_key()
            && ev.key().eq_ignore_ascii_case("z")
            && !typing
            && screen.undo().is_offered_now()
        {
            ev.prevent_default();
            undo(api, screen);
        }
    }
}

//! The Sync Status section: the synced items of the integration and client, filtered, sorted,
//! with the per-row menu and its dialogs.

use leptos::html;
use leptos::prelude::*;
use sync_core::{Integration, ItemId, ItemQuery, ItemView, SortKey};

use super::exclude_record::ExcludeRecord;
use super::load_error::LoadError;
use super::rematch_record::RematchRecord;
use super::sort_header::SortHeader;
use super::sync_status_filters::{Filters, SyncStatusFilters};
use super::sync_status_row::SyncStatusRow;
use crate::backend::use_api;
use crate::format::{items, px};
use crate::screen::{actions_button_id, focus_by_id, use_screen};
use crate::window::{RowWindow, ROW_HEIGHT};

const TITLE_ID: &str = "sync-status-title";

/// The list box is never shorter than this many rows.
const MIN_VISIBLE_ROWS: f64 = 6.0;

/// The dialog a row's menu opened, on the item it acts on.
#[derive(Clone, Debug, PartialEq)]
pub enum RowDialog {
    /// Re-match Record.
    Rematch(ItemView),
    /// Exclude Record.
    Exclude(ItemView),
}

/// The per-row menu's shared state: which menu is open, which dialog.
#[derive(Clone, Copy)]
pub struct RowActions {
    /// The item whose menu is open.
    pub open_menu: RwSignal<Option<ItemId>>,
    /// The dialog open on an item.
    pub dialog: RwSignal<Option<RowDialog>>,
    /// Bumped when the list or the page scrolls, so that an open menu follows its button.
    pub moved: RwSignal<u32>,
}

/// The row actions provided by the Sync Status section.
pub fn use_row_actions() -> RowActions {
    expect_context::<RowActions>()
}

/// The Sync Status list of the viewed integration and selected client.
#[component]
pub fn SyncStatus(
    /// The integration being viewed.
    integration: Signal<Option<Integration>>,
) -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    let filters = Filters::new();
    let actions = RowActions {
        open_menu: RwSignal::new(None),
        dialog: RwSignal::new(None),
        moved: RwSignal::new(0),
    };
    provide_context(actions);

    Effect::new(move |_| {
        let types = integration.with(|i| i.as_ref().map(|i| i.product.resource_types()));
        if let (Some(types), Some(chosen)) = (types, filters.resource_type.get_untracked()) {
            if !types.contains(&chosen) {
                filters.resource_type.set(None);
            }
        }
    });
    // The list as asked for, and the window of it in view.
    let asked = Memo::new(
        move |_| match (screen.integration.get(), screen.client.get()) {
            (Some(integration), Some(client)) => Some(ItemQuery {
                filter: filters.text.get(),
                resource_type: filters.resource_type.get(),
                status: filters.status.get(),
                sort: filters.sort.get(),
                ..ItemQuery::all(integration, client)
            }),
            _ => None,
        },
    );
    let scroller = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let view_height = RwSignal::new(ROW_HEIGHT * 12.0);
    let in_view = Memo::new(move |_| RowWindow::at(scroll_top.get(), view_height.get()));
    let query = Memo::new(move |_| {
        let window = in_view.get();
        asked.get().map(|q| ItemQuery {
            offset: window.offset,
            limit: window.limit,
            ..q
        })
    });
    // A new list starts at its top.
    Effect::new(move |_| {
        asked.track();
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
        scroll_top.set(0.0);
    });
    // The box fills the window below its top (at least a few rows), so the page itself need not
    // scroll to reach the end of the list.
    let box_height = RwSignal::new(None::<f64>);
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            let top = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
            let window_height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(768.0);
            let fits = (window_height - top - 32.0).max(MIN_VISIBLE_ROWS * ROW_HEIGHT);
            box_height.set(Some(fits));
            view_height.set(fits);
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    // An open menu is fixed to the window; when the page scrolls it follows its button.
    let page_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if actions.open_menu.get_untracked().is_some() {
            actions.moved.update(|n| *n += 1);
        }
    });
    on_cleanup(move || {
        resize.remove();
        page_scroll.remove();
    });
    // Each answer carries the query it answers, so the list can tell it is behind.
    let page = LocalResource::new(move || {
        let api = api.get();
        let query = query.get();
        screen.changes.track();
        async move {
            let answer = match query.clone() {
                Some(query) => api.items(query).await.map(Some),
                None => Ok(None),
            };
            (query, answer)
        }
    });
    let loaded = Memo::new(move |_| page.get().and_then(|(_, answer)| answer.ok()).flatten());
    let loading = Memo::new(move |_| {
        page.with(|p| p.as_ref().map(|(asked, _)| asked.clone())) != Some(query.get())
    });
    // The rows in view. A row stays in the page while its item shows (its position, read below,
    // may change), so typing a longer filter re-renders only the rows that came or went.
    let rows = move || loaded.with(|p| p.as_ref().map(|p| p.items.clone()).unwrap_or_default());
    // An item's position in the whole list (0 first).
    let position = move |id: ItemId| {
        Signal::derive(move || {
            loaded.with(|p| {
                p.as_ref()
                    .and_then(|p| {
                        let at = p.items.iter().position(|row| row.id == id)?;
                        Some(p.offset + at as u32)
                    })
                    .unwrap_or_default()
            })
        })
    };
    // Empty space standing in for the rows above and below the window.
    let gaps = move || {
        loaded.with(|p| match p {
            Some(p) => {
                let after = p.total.saturating_sub(p.offset + p.items.len() as u32);
                (RowWindow::gap(p.offset), RowWindow::gap(after))
            }
            None => (0.0, 0.0),
        })
    };
    // A row that was acted on takes focus back when it shows again; if it no longer shows
    // (filtered out), the section heading takes it.
    Effect::new(move |_| {
        loaded.with(|page| {
            let Some(page) = page else { return };
            if let Some(id) = screen.focus_item.get_untracked() {
                if !page.items.iter().any(|row| row.id == id) {
                    screen.focus_item.set(None);
                    focus_by_id(TITLE_ID);
                }
            }
        })
    });

    let dialog = move || {
        let open = actions.dialog.get()?;
        let id = match &open {
            RowDialog::Rematch(item) | RowDialog::Exclude(item) => item.id,
        };
        let on_close = Callback::new(move |()| {
            actions.dialog.set(None);
            request_animation_frame(move || {
                focus_by_id(&actions_button_id(id));
            });
        });
        let on_done = Callback::new(move |message: String| {
            actions.dialog.set(None);
            screen.focus_item.set(Some(id));
            screen.changed(message);
        });
        Some(match open {
            RowDialog::Rematch(item) => {
                view! { <RematchRecord item on_close on_done /> }.into_any()
            }
            RowDialog::Exclude(item) => {
                view! { <ExcludeRecord item on_close on_done /> }.into_any()
            }
        })
    };

    view! {
        <section class="sync-status" aria-labelledby=TITLE_ID>
            <div class="section-head">
                <h2 id=TITLE_ID tabindex="-1">
                    "Sync Status"
                </h2>
                <span class="muted item-count" aria-live="polite" aria-atomic="true">
                    {move || {
                        if loading.get() {
                            Some("Loading…".to_owned())
                        } else {
                            loaded.with(|p| p.as_ref().map(|p| items(p.total)))
                        }
                    }}
                </span>
            </div>
            <SyncStatusFilters filters integration />
            {move || match page.get() {
                Some((_, Err(error))) => {
                    Some(view! { <LoadError error retry=move || page.refetch() /> })
                }
                _ => None,
            }}
            <div
                class="table-scroll"
                node_ref=scroller
                style=move || box_height.get().map(|h| format!("max-height: {}", px(h)))
                on:scroll=move |_| {
                    if let Some(el) = scroller.get_untracked() {
                        scroll_top.set(f64::from(el.scroll_top()));
                    }
                    // An open menu is fixed to the window; it follows its button.
                    if actions.open_menu.get_untracked().is_some() {
                        actions.moved.update(|n| *n += 1);
                    }
                }
            >
                <table
                    class="sync-table"
                    aria-labelledby=TITLE_ID
                    aria-busy=move || loading.get().to_string()
                    aria-rowcount=move || loaded.with(|p| p.as_ref().map(|p| p.total + 1))
                >
                    <thead>
                        <tr aria-rowindex="1">
                            <SortHeader label="Name" key=SortKey::Name sort=filters.sort />
                            <SortHeader label="Type" key=SortKey::Type sort=filters.sort />
                            <SortHeader label="Status" key=SortKey::Status sort=filters.sort />
                            <th scope="col">"Matched record"</th>
                            <th scope="col" class="actions-head">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let (above, _) = gaps();
                            (above > 0.0).then(|| view! { <Gap height=above /> })
                        }}
                        <For
                            each=rows
                            key=|row| (row.id, row.version)
                            children=move |row| {
                                let index = position(row.id);
                                view! { <SyncStatusRow row index /> }
                            }
                        />
                        {move || {
                            let (_, below) = gaps();
                            (below > 0.0).then(|| view! { <Gap height=below /> })
                        }}
                    </tbody>
                </table>
                {move || {
                    let total = loaded.with(|p| p.as_ref().map(|p| p.total))?;
                    (total == 0).then(|| empty_state(filters))
                }}
            </div>
            {dialog}
        </section>
    }
}

/// Empty space in the table standing in for rows not rendered.
#[component]
fn Gap(height: f64) -> impl IntoView {
    view! {
        <tr class="gap" aria-hidden="true" style=format!("height: {}", px(height))>
            <td colspan="5"></td>
        </tr>
    }
}

/// Says why the list is empty and how to clear the filters.
fn empty_state(filters: Filters) -> impl IntoView {
    let why = filters.describe();
    view! {
        <div class="empty-state">
            {match why {
                None => view! { <p>"This client has no synced items in this integration."</p> }.into_any(),
                Some(why) => {
                    view! {
                        <p>{format!("No items match {why}.")}</p>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                filters.clear();
                                focus_by_id("filter");
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

//! A sortable column header of the Sync Status table.

use leptos::prelude::*;
use sync_core::{Sort, SortKey};

/// A column header that sorts by `key`; clicking it again reverses the order.
#[component]
pub fn SortHeader(
    /// The column's name.
    label: &'static str,
    /// What it sorts by.
    key: SortKey,
    /// The list's sort order.
    sort: RwSignal<Sort>,
) -> impl IntoView {
    let state = move || {
        let s = sort.get();
        match (s.key == key, s.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    };
    let arrow = move || match state() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=state>
            <button
                type="button"
                class="sort-button"
                on:click=move |_| {
                    sort.update(|s| {
                        if s.key == key {
                            s.descending = !s.descending;
                        } else {
                            *s = Sort { key, descending: false };
                        }
                    })
                }
            >
                {label}
                <span class="sort-arrow" aria-hidden="true">
                    {arrow}
                </span>
            </button>
        </th>
    }
}

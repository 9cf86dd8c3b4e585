//! A sortable column header of the Sync Status table.

use leptos::prelude::*;
use sync_core::SortKey;

use crate::state::view_state::use_view;

/// A column header that sorts by `key`; clicking it again reverses the order.
#[component]
pub fn SortHeader(
    /// The column's name.
    label: &'static str,
    /// What it sorts by.
    key: SortKey,
) -> impl IntoView {
    let view = use_view();
    let state = Memo::new(move |_| {
        let s = view.shown().with(|v| v.sort);
        match (s.key == key, s.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    });
    let arrow = move || match state.get() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=state>
            <button type="button" class="sort-button" on:click=move |_| view.sort_by(key)>
                {label}
                <span class="sort-arrow" aria-hidden="true">
                    {arrow}
                </span>
            </button>
        </th>
    }
}

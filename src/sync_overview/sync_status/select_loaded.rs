//! The Sync Status header's checkbox: selects (or unselects) every row loaded.

use leptos::prelude::*;
use sync_core::ItemPage;

use crate::state::selection::use_selection;

/// Ticked when every loaded row is selected, mixed when some are; a click selects them all, or
/// unselects them all when they all were.
#[component]
pub fn SelectLoaded(
    /// The page of rows loaded.
    loaded: Memo<Option<ItemPage>>,
) -> impl IntoView {
    let selection = use_selection();
    let picked = selection.picked();
    // How many loaded rows are selected, of how many.
    let ticked = Memo::new(move |_| {
        loaded.with(|page| {
            let rows = page.as_ref().map_or(&[][..], |p| &p.items[..]);
            let on = picked.with(|p| rows.iter().filter(|r| p.has(r.id)).count());
            (on, rows.len())
        })
    });
    let all = move || ticked.with(|&(on, of)| of > 0 && on == of);
    view! {
        <input
            type="checkbox"
            aria-label="Select the rows loaded"
            disabled=move || ticked.with(|&(_, of)| of == 0)
            prop:checked=all
            prop:indeterminate=move || ticked.with(|&(on, of)| on > 0 && on < of)
            on:change=move |_| {
                let on = !all();
                loaded.with_untracked(|page| {
                    if let Some(page) = page {
                        selection.set(&page.items, on);
                    }
                });
            }
        />
    }
}

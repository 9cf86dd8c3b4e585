//! "Review suggestions" in the Sync Status heading: opens the review of the shown client.

use leptos::prelude::*;
use sync_core::ItemQuery;

use crate::state::view_state::use_view;
use crate::sync_overview::review::review_suggestions::ReviewSuggestions;
use crate::ui::focus::focus_soon;
use crate::ui::ids::unique_id;

/// The button, and the window while it is open.
#[component]
pub fn ReviewButton(
    /// The list shown (its integration and client are reviewed); nothing to review without one.
    list: Memo<Option<ItemQuery>>,
) -> impl IntoView {
    let view = use_view();
    let open = RwSignal::new(false);
    let id = StoredValue::new(unique_id("review"));
    let on_close = Callback::new(move |()| {
        open.set(false);
        focus_soon(id.get_value());
    });
    view! {
        <button
            id=id.get_value()
            type="button"
            class="button"
            aria-haspopup="dialog"
            disabled=move || list.with(Option::is_none)
            on:click=move |_| open.set(true)
        >
            "Review suggestions"
        </button>
        {move || {
            if !open.get() {
                return None;
            }
            let (integration, client) = list.with_untracked(|l| l.as_ref().map(|l| (l.integration, l.client)))?;
            let name = view
                .clients
                .with_latest(|c| c.and_then(|c| c.iter().find(|c| c.id == client).map(|c| c.name.clone())))
                .unwrap_or_default();
            Some(view! { <ReviewSuggestions integration client name on_close /> })
        }}
    }
}

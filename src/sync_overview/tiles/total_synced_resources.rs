//! The Total Synced Resources tile: every synced resource of the integration, all clients.

use leptos::prelude::*;
use sync_core::StatusCounts;

use crate::sync_overview::tiles::counts::{count_text, Counts};
use crate::ui::ids::use_ids;

/// The total, over all clients.
#[component]
pub fn TotalSyncedResources(counts: Counts) -> impl IntoView {
    let title_id = use_ids().of("total-title");
    view! {
        <section class="tile total-tile" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone() class="tile-title">
                "Total Synced Resources"
            </h2>
            <p class="tile-figure">{count_text(counts, StatusCounts::total)}</p>
            <p class="muted">"All clients"</p>
        </section>
    }
}

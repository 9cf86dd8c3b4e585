//! The Total Synced Resources tile: every synced resource of the integration, all clients.

use leptos::prelude::*;
use sync_core::StatusCounts;

use crate::counts::{count_text, Counts};

/// The total, over all clients.
#[component]
pub fn TotalSyncedResources(counts: Counts) -> impl IntoView {
    view! {
        <section class="tile total-tile" aria-labelledby="total-title">
            <h2 id="total-title" class="tile-title">
                "Total Synced Resources"
            </h2>
            <p class="tile-figure">{count_text(counts, StatusCounts::total)}</p>
            <p class="muted">"All clients"</p>
        </section>
    }
}

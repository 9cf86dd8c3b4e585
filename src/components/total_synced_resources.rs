//! The Total Synced Resources tile: every synced resource of the integration, all clients.

use leptos::prelude::*;
use sync_core::StatusCounts;

use crate::backend::Answer;
use crate::format::grouped;

/// The counts of an integration as the tiles read them: `None` while loading.
pub type Counts = Signal<Option<Answer<Option<StatusCounts>>>>;

/// Shows a count, or what stands in for it while loading or after a failure.
pub fn count_text(counts: Counts, pick: fn(&StatusCounts) -> u32) -> impl Fn() -> String {
    move || match counts.get() {
        Some(Ok(Some(c))) => grouped(pick(&c)),
        Some(Err(_)) => "unavailable".to_owned(),
        _ => "…".to_owned(),
    }
}

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

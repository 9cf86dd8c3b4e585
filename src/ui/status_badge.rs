//! A status as a word with a colour and an icon, never colour alone.

use leptos::prelude::*;
use sync_core::SyncStatus;

/// The status word with its icon (drawn by the stylesheet: no element to build per row).
#[component]
pub fn StatusBadge(status: SyncStatus) -> impl IntoView {
    let class = match status {
        SyncStatus::Matched => "status status-matched",
        SyncStatus::NotSynced => "status status-not-synced",
        SyncStatus::Excluded => "status status-excluded",
    };
    view! { <span class=class>{status.label()}</span> }
}

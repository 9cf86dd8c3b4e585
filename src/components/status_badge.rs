//! A status as a word with a colour and an icon, never colour alone.

use leptos::prelude::*;
use sync_core::SyncStatus;

/// The status word with its icon.
#[component]
pub fn StatusBadge(status: SyncStatus) -> impl IntoView {
    let (class, icon) = match status {
        SyncStatus::Matched => ("matched", "M4 8.5l2.5 2.5L12 5.5"),
        SyncStatus::NotSynced => ("not-synced", "M8 4.5v4M8 11v.5"),
        SyncStatus::Excluded => ("excluded", "M4.8 11.2l6.4-6.4"),
    };
    view! {
        <span class=format!("status status-{class}")>
            <svg class="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="7"></circle>
                <path d=icon></path>
            </svg>
            {status.label()}
        </span>
    }
}

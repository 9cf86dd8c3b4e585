//! The Resources Status tile: Matched, Not Synced and Excluded over all clients. Each status is
//! also a button that shows only that status in the Sync Status list (pressed while it does).

use leptos::prelude::*;
use sync_core::{StatusCounts, SyncStatus};

use crate::state::view_state::use_view;
use crate::sync_overview::tiles::counts::{count_text, Counts};
use crate::ui::format::percent;
use crate::ui::ids::use_ids;
use crate::ui::status_badge::StatusBadge;

/// How many resources of the integration stand in each status, with a bar of their shares.
#[component]
pub fn ResourcesStatus(counts: Counts) -> impl IntoView {
    let view = use_view();
    let share = move |status: SyncStatus| {
        move || match counts.current() {
            Some(Ok(Some(c))) => percent(c.get(status), c.total()),
            _ => "0".to_owned(),
        }
    };
    let rows = [
        (
            SyncStatus::Matched,
            (|c: &StatusCounts| c.matched) as fn(&StatusCounts) -> u32,
        ),
        (SyncStatus::NotSynced, |c: &StatusCounts| c.not_synced),
        (SyncStatus::Excluded, |c: &StatusCounts| c.excluded),
    ];
    let ids = use_ids();
    let (title_id, hint_id) = (ids.of("status-title"), ids.of("status-hint"));
    let shown_status = Memo::new(move |_| view.shown().with(|v| v.status));
    view! {
        <section class="tile status-tile" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone() class="tile-title">
                "Resources Status"
            </h2>
            <div class="status-bar" aria-hidden="true">
                {SyncStatus::ALL
                    .map(|status| {
                        view! {
                            <span
                                class=format!("status-bar-part part-{}", status.slug())
                                style:width=share(status)
                            ></span>
                        }
                    })}
            </div>
            <p id=hint_id.clone() class="visually-hidden">
                "Shows only this status in the Sync Status list."
            </p>
            <ul class="status-counts">
                {rows
                    .map(|(status, pick)| {
                        let pressed = move || shown_status.get() == Some(status);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="status-count"
                                    aria-pressed=move || pressed().to_string()
                                    aria-describedby=hint_id.clone()
                                    on:click=move |_| {
                                        view.set_status((!pressed()).then_some(status))
                                    }
                                >
                                    <StatusBadge status />
                                    <span class="status-count-value">{count_text(counts, pick)}</span>
                                </button>
                            </li>
                        }
                    })}
            </ul>
        </section>
    }
}

//! The Resources Status tile: Matched, Not Synced and Excluded over all clients.

use leptos::prelude::*;
use sync_core::{StatusCounts, SyncStatus};

use super::status_badge::StatusBadge;
use crate::counts::{count_text, Counts};
use crate::format::percent;
use crate::ids::use_ids;

/// How many resources of the integration stand in each status, with a bar of their shares.
#[component]
pub fn ResourcesStatus(counts: Counts) -> impl IntoView {
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
    let title_id = use_ids().of("status-title");
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
            <dl class="status-counts">
                {rows
                    .map(|(status, pick)| {
                        view! {
                            <div class="status-count">
                                <dt>
                                    <StatusBadge status />
                                </dt>
                                <dd>{count_text(counts, pick)}</dd>
                            </div>
                        }
                    })}
            </dl>
        </section>
    }
}

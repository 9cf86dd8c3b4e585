//! The Review suggestions window's state: the client's suggestions, the threshold, the ones
//! accepted or skipped here, and accepting one or all of those shown, each as one batch.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{ClientId, IntegrationId, ItemId, Suggestion};

use crate::actions::bulk::{BulkAction, Plan};
use crate::actions::screen::use_screen;
use crate::actions::write::new_key;
use crate::actions::write::write_plan;
use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::ui::focus::focus_soon;
use crate::ui::format::items;
use crate::ui::ids::unique_id;

/// The lowest threshold, and the one set at first: every suggestion scores 91 or more.
pub const DEFAULT_THRESHOLD: u8 = 90;

/// The review's state.
#[derive(Clone, Copy)]
pub struct Review {
    /// The client's suggestions (none until loaded).
    pub loaded: Fetch<(), Vec<Suggestion>>,
    /// Suggestions scoring less are not shown (owned by the threshold box).
    pub threshold: RwSignal<u8>,
    /// Items accepted or skipped in this window, no longer shown.
    handled: RwSignal<Vec<ItemId>>,
    /// The suggestions shown (at or above the threshold, not handled), and how many are below.
    pub shown: Memo<(Vec<Suggestion>, usize)>,
    /// A batch is being saved.
    pub pending: RwSignal<bool>,
    /// Why the last accept failed.
    pub error: RwSignal<Option<String>>,
    /// The prefix of the Accept buttons' ids, and the threshold box's id.
    ids: StoredValue<(String, String)>,
}

impl Review {
    /// Hides the items' suggestions for the rest of the review; focus moves to the Accept
    /// button of the suggestion after the first of them (or before it, or the threshold box).
    pub fn hide(&self, items: Vec<ItemId>) {
        let next = self.shown.with_untracked(|(shown, _)| {
            let at = shown
                .iter()
                .position(|s| Some(&s.item.id) == items.first())?;
            let after = shown[at..].iter().find(|s| !items.contains(&s.item.id));
            after
                .or(at.checked_sub(1).map(|b| &shown[b]))
                .map(|s| s.item.id)
        });
        self.handled.try_update(|h| h.extend(items));
        let target = match next {
            Some(item) => self.accept_id(item),
            None => self.ids.with_value(|(_, threshold)| threshold.clone()),
        };
        focus_soon(target);
    }

    /// The id of the Accept button of an item's suggestion.
    pub fn accept_id(&self, item: ItemId) -> String {
        self.ids
            .with_value(|(prefix, _)| format!("{prefix}-{item}"))
    }

    /// The id of the threshold box.
    pub fn threshold_id(&self) -> String {
        self.ids.with_value(|(_, threshold)| threshold.clone())
    }
}

/// The review of a client's suggestions, and `accept(suggestions, all)`: matches them in one
/// batch; `all` closes the window (through `done`) once it is saved, else the items are hidden.
pub fn use_review(
    integration: IntegrationId,
    client: ClientId,
    done: Callback<()>,
) -> (Review, Callback<(Vec<Suggestion>, bool)>) {
    let api = use_api();
    let screen = use_screen();
    let loaded = Fetch::new(Memo::new(|_| ()), move |()| {
        let api = api.get();
        async move { api.suggestions(integration, client).await }
    });
    let threshold = RwSignal::new(DEFAULT_THRESHOLD);
    let handled = RwSignal::new(Vec::<ItemId>::new());
    let shown = Memo::new(move |_| {
        let threshold = threshold.get();
        loaded.with_latest(|all| {
            let Some(all) = all else {
                return (Vec::new(), 0);
            };
            handled.with(|handled| {
                let open = all.iter().filter(|s| !handled.contains(&s.item.id));
                let below = open
                    .clone()
                    .filter(|s| s.candidate.score < threshold)
                    .count();
                let shown = open
                    .filter(|s| s.candidate.score >= threshold)
                    .cloned()
                    .collect();
                (shown, below)
            })
        })
    });
    let review = Review {
        loaded,
        threshold,
        handled,
        shown,
        pending: RwSignal::new(false),
        error: RwSignal::new(None),
        ids: StoredValue::new((unique_id("accept"), unique_id("threshold"))),
    };
    let accept = Callback::new(move |(suggestions, all): (Vec<Suggestion>, bool)| {
        if review.pending.get_untracked() || suggestions.is_empty() {
            return;
        }
        let ids: Vec<ItemId> = suggestions.iter().map(|s| s.item.id).collect();
        let read = suggestions.iter().map(|s| s.item.clone()).collect();
        let plan = Plan::new(BulkAction::Accept, read, &suggestions);
        review.pending.set(true);
        review.error.set(None);
        spawn_local(async move {
            match write_plan(api, screen, plan, &new_key()).await {
                Ok(mut summary) => {
                    if let ([one], true) = (&suggestions[..], summary.left.is_empty()) {
                        summary.said = format!(
                            "Matched {} to {}.",
                            one.item.name, one.candidate.record.name
                        );
                    }
                    screen.summarised(summary);
                    review.pending.try_set(false);
                    if all {
                        done.run(());
                    } else {
                        review.hide(ids);
                    }
                }
                Err(why) => {
                    let what = items(suggestions.len() as u32);
                    review
                        .error
                        .try_set(Some(format!("Could not match {what}: {why}")));
                    review.pending.try_set(false);
                }
            }
        });
    });
    (review, accept)
}

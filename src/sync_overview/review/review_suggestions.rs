//! Review suggestions: the shown client's Not Synced items that have a likely record, each with
//! it, its score and why; a threshold; accept one, skip one, or accept all those shown at once.

use leptos::prelude::*;
use sync_core::{ClientId, IntegrationId, Suggestion};

use crate::sync_overview::review::use_review::{use_review, Review, DEFAULT_THRESHOLD};
use crate::ui::format::grouped;
use crate::ui::load_error::LoadError;
use crate::ui::modal::Modal;
use crate::ui::reactive::reactive;

/// The most suggestions listed at once (Accept all takes every one shown, listed or not).
const LISTED: usize = 200;

/// The Review suggestions window of a client.
#[component]
pub fn ReviewSuggestions(
    /// The integration.
    integration: IntegrationId,
    /// The client.
    client: ClientId,
    /// The client's name, for the title.
    name: String,
    /// Closes the window.
    on_close: Callback<()>,
) -> impl IntoView {
    let (review, accept) = use_review(integration, client, on_close);
    let threshold_id = review.threshold_id();
    let count = move || review.shown.with(|(shown, _)| shown.len());
    let accept_all = move |_| accept.run((review.shown.get_untracked().0, true));
    view! {
        <Modal title=format!("Review suggestions — {name}") on_close class="review-dialog">
            <p>
                "Not Synced items whose name matches a record's by a rule (91% or more). Accept a suggestion to match the item to that record."
            </p>
            <div class="field threshold">
                <label class="field-label" for=threshold_id.clone()>
                    "Threshold (%)"
                </label>
                <input
                    id=threshold_id
                    type="number"
                    class="input"
                    min=DEFAULT_THRESHOLD
                    max="100"
                    prop:value=move || review.threshold.get().to_string()
                    on:change=move |ev| {
                        let asked = event_target_value(&ev).trim().parse::<u8>().ok();
                        review.threshold.set(asked.unwrap_or(DEFAULT_THRESHOLD).clamp(DEFAULT_THRESHOLD, 100));
                    }
                />
            </div>
            <SuggestionList review accept />
            {move || {
                review.error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })
            }}
            <div class="modal-actions">
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || count() == 0
                    aria-busy=move || review.pending.get().to_string()
                    on:click=accept_all
                >
                    {move || match count() {
                        1 => "Accept 1 suggestion".to_owned(),
                        n => format!("Accept {} suggestions", grouped(n as u32)),
                    }}
                </button>
            </div>
        </Modal>
    }
}

/// The suggestions shown, each with Accept and Skip, or why there are none.
#[component]
fn SuggestionList(review: Review, accept: Callback<(Vec<Suggestion>, bool)>) -> impl IntoView {
    reactive(move || {
        if let Some(error) = review.loaded.error() {
            return view! { <LoadError error=error.to_string() retry=move || review.loaded.refetch() /> }.into_any();
        }
        if review.loaded.with_latest_answer(|answer| answer.is_none()) {
            return view! { <p role="status">"Looking for suggestions…"</p> }.into_any();
        }
        let (shown, below) = review.shown.get();
        let more = shown.len().saturating_sub(LISTED);
        let said = match (shown.len(), below) {
            (0, 0) => "No suggestions left for this client.".to_owned(),
            (0, _) => format!("No suggestions at or above the threshold; {below} below it."),
            (n, 0) => format!("{} suggestions.", grouped(n as u32)),
            (n, _) => format!(
                "{} suggestions; {below} below the threshold.",
                grouped(n as u32)
            ),
        };
        let rows = shown
            .into_iter()
            .take(LISTED)
            .map(|s| view! { <SuggestionRow suggestion=s review accept /> })
            .collect_view();
        view! {
            <p class="muted" role="status">{said}</p>
            <ul class="suggestions">{rows}</ul>
            {(more > 0).then(|| view! {
                <p class="muted">{format!("And {} more, accepted with the others.", grouped(more as u32))}</p>
            })}
        }
        .into_any()
    })
}

/// One suggestion: the item, the record, the score and why, with Accept and Skip.
#[component]
fn SuggestionRow(
    suggestion: Suggestion,
    review: Review,
    accept: Callback<(Vec<Suggestion>, bool)>,
) -> impl IntoView {
    let item = suggestion.item.id;
    let name = suggestion.item.name.clone();
    let label = format!(
        "{} — {}: {}% match, {}",
        suggestion.item.name,
        suggestion.candidate.record.name,
        suggestion.candidate.score,
        suggestion.candidate.reason
    );
    let one = StoredValue::new(suggestion.clone());
    view! {
        <li class="suggestion">
            <span class="suggestion-text">
                <strong>{suggestion.item.name.clone()}</strong>
                " → "
                {suggestion.candidate.record.name.clone()}
                <span class="muted">
                    {format!(" — {}% match, {}", suggestion.candidate.score, suggestion.candidate.reason)}
                </span>
            </span>
            <span class="suggestion-actions" role="group" aria-label=label>
                <button
                    id=review.accept_id(item)
                    type="button"
                    class="button"
                    aria-label=format!("Accept {name}")
                    on:click=move |_| accept.run((vec![one.get_value()], false))
                >
                    "Accept"
                </button>
                <button
                    type="button"
                    class="button"
                    aria-label=format!("Skip {}", suggestion.item.name)
                    on:click=move |_| review.hide(vec![item])
                >
                    "Skip"
                </button>
            </span>
        </li>
    }
}

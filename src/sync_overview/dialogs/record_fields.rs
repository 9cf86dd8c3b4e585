//! The Re-match dialog's two fields: the record to match to (a drop-down of candidates) and the
//! search that finds others.

use leptos::prelude::*;

use crate::sync_overview::dialogs::record_choice::RecordChoice;
use crate::ui::format::grouped;
use crate::ui::ids::use_ids;
use crate::ui::options::Options;

/// The drop-down of candidates, likeliest first, with what it is waiting for or why it is empty.
#[component]
pub fn RecordSelect(
    /// The candidates and the choice.
    choice: RecordChoice,
    /// The select's id (the dialog focuses it when nothing is chosen).
    id: String,
    /// The portal's name, in the label.
    portal: String,
) -> impl IntoView {
    let hint_id = use_ids().of("rematch-record-hint");
    let candidates = choice.candidates;
    let chosen_value =
        Memo::new(move |_| choice.chosen().map(|id| id.to_string()).unwrap_or_default());
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>
                {format!("Record to match to ({portal})")}
            </label>
            <select
                id=id
                class="select"
                autofocus
                aria-describedby=hint_id.clone()
                on:change=move |ev| choice.pick(&event_target_value(&ev))
            >
                <option value="" prop:selected=move || choice.chosen().is_none()>
                    {move || match candidates.latest_answer() {
                        None => "Loading records…",
                        Some(Err(_)) => "Records could not be loaded",
                        Some(Ok(found)) if found.total > 0 => "Choose a record…",
                        Some(Ok(_)) if !choice.searching() => "No other records to match to",
                        Some(Ok(_)) => "No record is named like that",
                    }}
                </option>
                <Options choices=Signal::derive(move || choice.options()) chosen=chosen_value />
            </select>
            <p id=hint_id class="field-hint">
                "Likeliest first, with how sure the match is and why."
            </p>
            {move || match candidates.latest_answer() {
                Some(Err(error)) => Some(view! { <p class="form-error" role="alert">{error.to_string()}</p> }),
                _ => None,
            }}
        </div>
    }
}

/// The search for records by name, saying how many are listed.
#[component]
pub fn RecordFind(
    /// The candidates and the search.
    choice: RecordChoice,
) -> impl IntoView {
    let ids = use_ids();
    let (id, hint_id) = (ids.of("rematch-find"), ids.of("rematch-find-hint"));
    let candidates = choice.candidates;
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>
                "Find a record"
            </label>
            <input
                id=id
                class="input"
                type="search"
                placeholder="Name or partial name"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=hint_id.clone()
                prop:value=move || choice.search()
                on:input=move |ev| choice.set_search(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
            />
            <p id=hint_id class="field-hint">
                {move || match candidates.latest_answer() {
                    Some(Ok(found)) if found.total as usize > found.candidates.len() => {
                        format!(
                            "The {} likeliest of {} records are listed; type to find others.",
                            found.candidates.len(),
                            grouped(found.total),
                        )
                    }
                    Some(Ok(found)) => match found.total {
                        0 if choice.searching() => {
                            "No record's name contains that; try part of it.".to_owned()
                        }
                        0 => String::new(),
                        1 => "1 record is listed.".to_owned(),
                        n => format!("{} records are listed.", grouped(n)),
                    },
                    _ => String::new(),
                }}
            </p>
        </div>
    }
}

//! The rules in force, each with a Delete button.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{IntegrationId, Rule};

use crate::actions::rules::delete_rule;
use crate::actions::screen::use_screen;
use crate::actions::write::new_key;
use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::ui::ids::unique_id;
use crate::ui::load_error::LoadError;

/// The integration's rules in force, reloaded after every change.
#[component]
pub fn RuleList(
    /// The integration.
    integration: IntegrationId,
) -> impl IntoView {
    let (api, screen) = (use_api(), use_screen());
    let rules = Fetch::new(Memo::new(move |_| integration), move |id| {
        screen.changes().track();
        let api = api.get();
        async move { api.rules(id).await }
    });
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let delete = move |rule: Rule| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            if let Err(why) = delete_rule(api, screen, &rule, &new_key()).await {
                error.try_set(Some(format!("Could not delete the rule: {why}")));
            }
            pending.try_set(false);
        });
    };
    let heading = unique_id("rules-in-force");
    let labelled_by = heading.clone();
    view! {
        <section class="rule-list" aria-labelledby=labelled_by>
            <h3 id=heading class="section-heading">"Rules in force"</h3>
            {move || match rules.latest_answer() {
                None => view! { <p class="muted">"Loading rules…"</p> }.into_any(),
                Some(Err(e)) => {
                    view! { <LoadError error=e.to_string() retry=move || rules.refetch() /> }
                        .into_any()
                }
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="empty-state">"No rules yet: every new item enters Not Synced."</p> }
                        .into_any()
                }
                Some(Ok(list)) => {
                    view! {
                        <ul class="rules">
                            {list.into_iter().map(|rule| rule_row(rule, pending, delete)).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        </section>
    }
}

/// One rule: what it excludes, and Delete.
fn rule_row(
    rule: Rule,
    pending: RwSignal<bool>,
    delete: impl Fn(Rule) + Copy + 'static,
) -> impl IntoView {
    let described = rule.rule.describe();
    let label = format!("Delete rule: exclude {described}");
    let also = rule
        .rule
        .disable_record
        .then_some(" · also disables their records");
    view! {
        <li class="rule">
            <span>
                "Exclude " <strong>{described}</strong> {also}
            </span>
            <button
                type="button"
                class="button button-small"
                aria-label=label
                disabled=move || pending.get()
                on:click=move |_| delete(rule.clone())
            >
                "Delete"
            </button>
        </li>
    }
}

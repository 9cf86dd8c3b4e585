//! A new rule: its name pattern, type and whether it disables records, its live preview, and
//! Save rule.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{Integration, NewRule, ResourceType, MAX_PATTERN};

use crate::actions::rules::save_rule;
use crate::actions::screen::use_screen;
use crate::actions::write::new_key;
use crate::data::use_api;
use crate::state::config::use_config;
use crate::sync_overview::dialogs::action_dialog::{DialogActions, Toggle};
use crate::sync_overview::rules::rule_preview::{load_preview, RulePreviewView};
use crate::ui::ids::unique_id;
use crate::ui::options::{Choice, Options};

/// The new rule's form; `on_saved` runs once the rule is saved (the screen says what it did).
#[component]
pub fn NewRuleForm(
    /// The integration the rule is for.
    integration: Integration,
    /// Runs after the rule was saved.
    on_saved: Callback<()>,
    /// Closes without saving.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let (api, screen) = (use_api(), use_screen());
    let portal = use_config().portal;
    let pattern = RwSignal::new(String::new());
    let resource_type = RwSignal::new(None::<ResourceType>);
    let disable_record = RwSignal::new(false);
    let id = integration.id;
    let rule = Memo::new(move |_| NewRule {
        integration: id,
        pattern: pattern.get().trim().to_owned(),
        resource_type: resource_type.get(),
        disable_record: disable_record.get(),
    });
    // The preview does not depend on whether records are disabled.
    let previewed = Memo::new(move |_| {
        rule.with(|r| {
            r.problem().is_none().then(|| NewRule {
                disable_record: false,
                ..r.clone()
            })
        })
    });
    let preview = load_preview(api, screen, previewed);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // One key per rule and preview sent: a retry of the same saves it once.
    let key = StoredValue::new((None::<(NewRule, u64)>, new_key()));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(Some(shown))) = preview.current() else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        let rule = rule.get_untracked();
        let sent = Some((rule.clone(), shown.as_of));
        let key = key
            .try_update_value(|(last, k)| {
                if *last != sent {
                    (*last, *k) = (sent, new_key());
                }
                k.clone()
            })
            .unwrap_or_else(new_key);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match save_rule(api, screen, rule, &shown, &key).await {
                Ok(()) => on_saved.run(()),
                Err(why) => {
                    error.try_set(Some(format!("The rule was not saved: {why}")));
                    pending.try_set(false);
                }
            }
        });
    };
    let types = integration.product.resource_types();
    let choices = Signal::stored(
        std::iter::once(Choice::new("", "Any type"))
            .chain(types.iter().map(|t| Choice::new(t.slug(), t.label())))
            .collect::<Vec<_>>(),
    );
    let chosen = Signal::derive(move || {
        resource_type
            .get()
            .map(|t| t.slug().to_owned())
            .unwrap_or_default()
    });
    let (pattern_id, type_id, hint_id) = (
        unique_id("rule-pattern"),
        unique_id("rule-type"),
        unique_id("rule-pattern-hint"),
    );
    let heading = unique_id("new-rule");
    let labelled_by = heading.clone();
    let ready = move || {
        !pending.get() && matches!(preview.current(), Some(Ok(Some(_)))) && !preview.loading()
    };
    view! {
        <form class="modal-form new-rule" on:submit=on_submit novalidate aria-labelledby=labelled_by>
            <h3 id=heading class="section-heading">"New rule"</h3>
            <div class="field">
                <label class="field-label" for=pattern_id.clone()>"Name pattern"</label>
                <input
                    id=pattern_id
                    class="input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength=MAX_PATTERN.to_string()
                    placeholder="*-TEST"
                    aria-describedby=hint_id.clone()
                    prop:value=pattern
                    on:input=move |ev| pattern.set(event_target_value(&ev))
                />
                <p id=hint_id class="field-hint">
                    "The whole name, case aside: * stands for any characters, ? for one. Leave it empty to go by type alone."
                </p>
            </div>
            <div class="field">
                <label class="field-label" for=type_id.clone()>"Type"</label>
                <select
                    id=type_id
                    class="select"
                    on:change=move |ev| resource_type.set(ResourceType::from_slug(&event_target_value(&ev)))
                >
                    <Options choices chosen />
                </select>
            </div>
            <Toggle label=format!("Also disable the {portal} record of each item it excludes") on=disable_record unavailable=None />
            <RulePreviewView preview />
            <DialogActions
                primary="Save rule"
                busy="Saving…"
                pending=pending
                error=error
                blocked=Signal::derive(move || !ready())
                cancel="Close"
                on_cancel
            />
        </form>
    }
}

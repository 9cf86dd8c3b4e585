//! The `<option>`s of a drop-down, one copy of the code for every drop-down of the screen, and a
//! labelled drop-down.

use leptos::prelude::*;

/// One choice of a drop-down: the value it sends and what it reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The option's value (an id or a slug; empty for "All").
    pub value: String,
    /// What the option reads.
    pub label: String,
}

impl Choice {
    /// A choice of `value` reading `label`.
    pub fn new(value: impl ToString, label: impl Into<String>) -> Self {
        Self {
            value: value.to_string(),
            label: label.into(),
        }
    }
}

/// One `<option>` per choice, the one whose value is `chosen` selected. Not keyed: when the
/// choices change, the options are rewritten in place, position by position. An option holds no
/// state worth keeping, and a keyed list (`For`) compiled its code again for every drop-down,
/// about 5 kB of download each.
#[component]
pub fn Options(
    /// The choices, in order.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// The value of the chosen option (none selected when no option has it).
    #[prop(into)]
    chosen: Signal<String>,
) -> impl IntoView {
    move || {
        choices
            .get()
            .into_iter()
            .map(|choice| {
                let value = choice.value.clone();
                view! {
                    <option value=choice.value prop:selected=move || chosen.with(|c| *c == value)>
                        {choice.label}
                    </option>
                }
            })
            .collect_view()
    }
}

/// A drop-down labelled `label` over `choices`; `on_choose` gets the chosen value.
#[component]
pub fn LabelledSelect(
    /// Its visible label, also its accessible name.
    label: &'static str,
    /// Its element id.
    id: String,
    /// The value of the chosen option.
    #[prop(into)]
    chosen: Signal<String>,
    /// The choices, in order.
    choices: Signal<Vec<Choice>>,
    /// Gets the value chosen.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>
                {label}
            </label>
            <select id=id class="select" on:change=move |ev| on_choose.run(event_target_value(&ev))>
                <Options choices chosen />
            </select>
        </div>
    }
}

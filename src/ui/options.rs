//! The `<option>`s of a drop-down, one copy of the code for every drop-down of the screen.

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

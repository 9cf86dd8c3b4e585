//! The Exclusion Rules dialog of an integration.

use leptos::prelude::*;
use sync_core::Integration;

use crate::sync_overview::rules::new_rule::NewRuleForm;
use crate::sync_overview::rules::rule_list::RuleList;
use crate::ui::modal::Modal;

/// The integration's rules in force and a form for a new one; closes once a rule is saved.
#[component]
pub fn ExclusionRules(
    /// The integration whose rules these are.
    integration: Integration,
    /// Closes the window.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let id = integration.id;
    view! {
        <Modal title="Exclusion Rules" on_close class="modal-wide">
            <p class="modal-subtitle">{integration.name.clone()}</p>
            <p>
                "A rule excludes the items of this integration it is about, in every client: today's when you save it, and new ones in every later sync."
            </p>
            <RuleList integration=id />
            <NewRuleForm integration=integration on_saved=on_close on_cancel=on_close />
        </Modal>
    }
}

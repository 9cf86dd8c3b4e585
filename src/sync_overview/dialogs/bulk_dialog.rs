//! The confirmation of a bulk action on the selection ("Exclude 31,204 items"), its progress
//! while it reads and sends, and why it failed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sync_core::ItemQuery;

use crate::actions::bulk::BulkAction;
use crate::actions::use_bulk_run::{use_bulk_run, Step};
use crate::state::config::use_config;
use crate::state::selection::Picked;
use crate::sync_overview::dialogs::action_dialog::Toggle;
use crate::ui::format::{grouped, items};
use crate::ui::modal::Modal;

/// Confirms `asked` on the `count` items `picked` on `list`, then runs it.
#[component]
pub fn BulkDialog(
    /// The action asked for (an Exclude's Disable records toggle is the dialog's).
    asked: BulkAction,
    /// The list the selection is on, and the change it was read at.
    list: (ItemQuery, u64),
    /// What is selected.
    picked: Picked,
    /// How many items that is.
    count: u32,
    /// Closes the dialog (cancelled, or done).
    on_close: Callback<()>,
) -> impl IntoView {
    let portal = use_config().portal;
    let disable_record = RwSignal::new(false);
    let action = Signal::derive(move || match asked {
        BulkAction::Exclude { .. } => BulkAction::Exclude {
            disable_record: disable_record.get(),
        },
        other => other,
    });
    let (run, start) = use_bulk_run(list, picked, count, action, on_close);
    let title = format!("{} {}", action.get_untracked().verb(), items(count));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        start.run(());
    };
    let cancel = Callback::new(move |()| {
        if !matches!(run.step.get_untracked(), Step::Sending(_)) {
            run.drop_run();
            on_close.run(());
        }
    });
    let what = explanation(asked);
    view! {
        <Modal title=title.clone() on_close=cancel class="bulk-dialog">
            <form class="modal-form" on:submit=on_submit novalidate>
                <p>{what}" Undo stays on offer for 30 seconds afterwards."</p>
                {matches!(asked, BulkAction::Exclude { .. })
                    .then(|| {
                        view! {
                            <Toggle
                                label=format!("Disable {portal} records of the items that have one")
                                on=disable_record
                                unavailable=None
                            />
                        }
                    })}
                <BulkProgress step=run.step />
                <div class="modal-actions">
                    <button
                        type="button"
                        class="button"
                        disabled=move || run.step.with(|s| matches!(s, Step::Sending(_)))
                        on:click=move |_| cancel.run(())
                    >
                        "Cancel"
                    </button>
                    <button
                        type="submit"
                        class="button button-primary"
                        aria-busy=move || run.busy().to_string()
                    >
                        {move || match run.step.get() {
                            Step::Failed(_) => "Try again".to_owned(),
                            _ => title.clone(),
                        }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// How far the run is (a progress bar and its words), or why it failed.
#[component]
fn BulkProgress(step: RwSignal<Step>) -> impl IntoView {
    // The bar's value and maximum (none: not known), and what it says.
    let shown = move || match step.get() {
        Step::Asking | Step::Failed(_) => None,
        Step::Reading(done, of) => Some((
            Some((done, of.max(1))),
            format!(
                "Reading the selected items… {} of {}",
                grouped(done),
                grouped(of)
            ),
        )),
        Step::Sending(n) => Some((None, format!("Saving the change to {}…", items(n)))),
    };
    let failed = move || match step.get() {
        Step::Failed(why) => Some(why),
        _ => None,
    };
    view! {
        {move || {
            shown()
                .map(|(bar, said)| {
                    view! {
                        <div class="bulk-progress" role="status">
                            <progress
                                aria-label="Progress"
                                max=bar.map(|(_, of)| of)
                                value=bar.map(|(done, _)| done)
                            ></progress>
                            <p>{said}</p>
                        </div>
                    }
                })
        }}
        {move || failed().map(|why| view! { <p class="form-error" role="alert">{why}</p> })}
    }
}

/// What the action does to each item, and which it skips.
fn explanation(asked: BulkAction) -> &'static str {
    match asked {
        BulkAction::Exclude { .. } => {
            "Each item stays in the list as Excluded and is left out of future syncs. Items \
             already excluded are skipped."
        }
        BulkAction::Include => {
            "Each excluded item is brought back into the sync. Items that are not excluded are \
             skipped."
        }
        BulkAction::Accept => {
            "Each Not Synced item is matched to its suggested record (one whose name matches it \
             by a rule: 91% or more). Items without a suggestion are skipped."
        }
    }
}

//! A bulk action's run, from the confirmation to the outcome: read the selected items, work out
//! the batch, send it in one request (a retry sends the same batch under the same key), then
//! say what it did, offer its undo and clear the selection.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::ItemQuery;

use crate::backend::use_api;
use crate::bulk::{selected_items, BulkAction, Plan};
use crate::screen::{new_key, use_screen};
use crate::selection::{use_selection, Picked};
use crate::write::write_plan;

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Waiting for the user to confirm.
    Asking,
    /// Reading the selected items: how many of how many so far.
    Reading(u32, u32),
    /// The batch is sent: how many items it names.
    Sending(u32),
    /// It failed and changed nothing: why. It can be tried again.
    Failed(String),
}

/// A bulk action's run, for its dialog.
#[derive(Clone, Copy)]
pub struct BulkRun {
    /// Where it stands.
    pub step: RwSignal<Step>,
    /// The batch worked out, kept so that a retry sends the same one.
    plan: StoredValue<Option<Plan>>,
    /// The idempotency key of every attempt.
    key: StoredValue<String>,
    /// Whether the dialog was closed (a read still running is then dropped).
    closed: StoredValue<bool>,
}

impl BulkRun {
    /// Whether a request is running (the dialog cannot be confirmed again).
    pub fn busy(&self) -> bool {
        self.step
            .with(|s| matches!(s, Step::Reading(..) | Step::Sending(_)))
    }

    /// Stops caring about a run still reading (the dialog closed).
    pub fn drop_run(&self) {
        self.closed.set_value(true);
    }
}

/// A run of `action` on what is `picked` on `list`; `done` runs once it succeeded (the
/// screen already says what it did).
pub fn use_bulk_run(
    list: ItemQuery,
    picked: Picked,
    action: Signal<BulkAction>,
    done: Callback<()>,
) -> (BulkRun, Callback<()>) {
    let api = use_api();
    let screen = use_screen();
    let selection = use_selection();
    let run = BulkRun {
        step: RwSignal::new(Step::Asking),
        plan: StoredValue::new(None),
        key: StoredValue::new(new_key()),
        closed: StoredValue::new(false),
    };
    let (list, picked) = (StoredValue::new(list), StoredValue::new(picked));
    let start = Callback::new(move |()| {
        if run.busy() {
            return;
        }
        let action = action.get_untracked();
        spawn_local(async move {
            let plan = match run.plan.get_value() {
                // A retry: the same batch (the key is bound to it).
                Some(plan) if plan.action == action => plan,
                _ => {
                    run.key.set_value(new_key());
                    run.step.set(Step::Reading(0, 0));
                    let backend = api.get();
                    let read = selected_items(
                        &*backend,
                        &list.get_value(),
                        &picked.get_value(),
                        &|done, of| {
                            run.step.try_set(Step::Reading(done, of));
                        },
                    )
                    .await;
                    if run.closed.try_get_value().unwrap_or(true) {
                        return;
                    }
                    let suggested = match (&read, action) {
                        (Ok(_), BulkAction::Accept) => {
                            let list = list.get_value();
                            backend.suggestions(list.integration, list.client).await
                        }
                        _ => Ok(Vec::new()),
                    };
                    if run.closed.try_get_value().unwrap_or(true) {
                        return;
                    }
                    match read.and_then(|items| Ok((items, suggested?))) {
                        Ok((items, suggested)) => Plan::new(action, items, &suggested),
                        Err(error) => {
                            let why = format!("Could not read the selected items: {error}");
                            run.step.try_set(Step::Failed(why));
                            return;
                        }
                    }
                }
            };
            run.plan.try_set_value(Some(plan.clone()));
            if let Some(batch) = &plan.batch {
                run.step.try_set(Step::Sending(batch.len() as u32));
            }
            match write_plan(api, screen, plan, &run.key.get_value()).await {
                Ok(summary) => {
                    selection.clear();
                    screen.summarised(summary);
                    done.run(());
                }
                Err(why) => {
                    run.step.try_set(Step::Failed(why));
                }
            }
        });
    });
    (run, start)
}

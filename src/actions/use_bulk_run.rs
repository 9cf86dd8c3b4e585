//! A bulk action's run, from the confirmation to the outcome: work out the batch (naming the list
//! when everything matching is selected; otherwise from the selected items, read), send it in
//! one request (a retry sends the same batch under the same key), then say what it did, offer its
//! undo and clear the selection.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::ItemQuery;

use crate::actions::bulk::{list_batch, selected_items, BulkAction, Plan};
use crate::actions::screen::use_screen;
use crate::actions::write::new_key;
use crate::actions::write::write_plan;
use crate::data::{use_api, Api};
use crate::state::selection::{use_selection, Picked};

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

/// A run of `action` on the `count` items `picked` on `list` (as read at change `as_of`); `done`
/// runs once it succeeded (the screen already says what it did).
pub fn use_bulk_run(
    (list, as_of): (ItemQuery, u64),
    picked: Picked,
    count: u32,
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
                    match listed(&list, &picked, action, as_of) {
                        Some(batch) => Plan::listed(action, batch, count),
                        None => {
                            let (list, picked) = (list.get_value(), picked.get_value());
                            match read_plan(api, run, &list, &picked, action).await {
                                Some(plan) => plan,
                                None => return,
                            }
                        }
                    }
                }
            };
            run.plan.try_set_value(Some(plan.clone()));
            if plan.batch.is_some() {
                run.step.try_set(Step::Sending(plan.count));
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

/// The batch naming the list, when everything matching it is selected and the action allows it.
fn listed(
    list: &StoredValue<ItemQuery>,
    picked: &StoredValue<Picked>,
    action: BulkAction,
    as_of: u64,
) -> Option<sync_core::Batch> {
    picked.with_value(|picked| match picked {
        Picked::Matching { except } => {
            list.with_value(|list| list_batch(action, list, except, as_of))
        }
        _ => None,
    })
}

/// Reads the selected items (and, for Accept, the suggestions) and works out the batch; none
/// when the dialog was closed meanwhile or the reading failed (the run then says why).
async fn read_plan(
    api: Api,
    run: BulkRun,
    list: &ItemQuery,
    picked: &Picked,
    action: BulkAction,
) -> Option<Plan> {
    run.step.set(Step::Reading(0, 0));
    let backend = api.get();
    let progress = |done, of| {
        run.step.try_set(Step::Reading(done, of));
    };
    let read = selected_items(&*backend, list, picked, &progress).await;
    if run.closed.try_get_value().unwrap_or(true) {
        return None;
    }
    let suggested = match (&read, action) {
        (Ok(_), BulkAction::Accept) => backend.suggestions(list.integration, list.client).await,
        _ => Ok(Vec::new()),
    };
    if run.closed.try_get_value().unwrap_or(true) {
        return None;
    }
    match read.and_then(|items| Ok((items, suggested?))) {
        Ok((items, suggested)) => Some(Plan::new(action, items, &suggested)),
        Err(error) => {
            let why = format!("Could not read the selected items: {error}");
            run.step.try_set(Step::Failed(why));
            None
        }
    }
}

//! "Run a sync now": the mock store makes a sync run of the client on show (new, renamed and
//! missing items), applied as a real integration's run is, in every open tab.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::actions::screen::use_screen;
use crate::data::use_api;
use crate::state::view_state::use_view;
use crate::ui::format::grouped;

/// The control, shown only when the data is demo data.
#[component]
pub fn RunSyncNow() -> impl IntoView {
    let api = use_api();
    api.demo()?;
    let screen = use_screen();
    let view = use_view();
    let running = RwSignal::new(false);
    let run = move |_| {
        let shown = view.shown().get_untracked();
        let (Some(demo), Some(integration), Some(client)) =
            (api.demo(), shown.integration, shown.client)
        else {
            return;
        };
        running.set(true);
        spawn_local(async move {
            match demo.run_sync(integration, client).await {
                Ok(summary) => screen.changed(format!(
                    "Sync run done: {} items seen, {} new, {} changed, {} missing, {} back again, \
                     {} matched automatically.",
                    grouped(summary.seen),
                    grouped(summary.new),
                    grouped(summary.changed),
                    grouped(summary.missing),
                    grouped(summary.returned),
                    grouped(summary.matched_automatically),
                )),
                Err(error) => screen
                    .announcer()
                    .fail(format!("The sync run was not made: {error}")),
            }
            running.set(false);
        });
    };
    Some(view! {
        <button
            type="button"
            class="button"
            disabled=move || running.get()
            aria-busy=move || running.get().then_some("true")
            on:click=run
        >
            {move || if running.get() { "Running a sync…" } else { "Run a sync now" }}
        </button>
    })
}

//! What the page shows while the in-browser mock store builds its demo data (a large demo takes
//! a moment): the page's heading and a progress bar.

use leptos::prelude::*;
use sync_core::Progress;

use crate::sync_overview::landmark::Landmark;
use crate::ui::ids::use_ids;

/// The page while the demo data is being prepared; empty until the build reports progress.
#[component]
pub fn PreparingDemoData(progress: RwSignal<Option<Progress>>) -> impl IntoView {
    let id = StoredValue::new(use_ids().of("preparing-progress"));
    view! {
        <Landmark busy=true>
            <header class="page-header">
                <h1>"Sync Overview"</h1>
            </header>
            {move || {
                progress
                    .get()
                    .map(|step| {
                        view! {
                            <div class="preparing">
                                <label for=id.get_value()>"Preparing the demo data…"</label>
                                <progress
                                    id=id.get_value()
                                    max=step.total
                                    value=step.done
                                ></progress>
                            </div>
                        }
                    })
            }}
        </Landmark>
    }
}

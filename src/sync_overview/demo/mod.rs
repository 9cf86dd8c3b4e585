//! The mock store's screens and controls: building the demo data, making a sync run of it,
//! resetting it. The lean build (no demo data) has none of the controls.

pub mod preparing_demo_data;
#[cfg(feature = "demo")]
pub mod reset_demo_data;
#[cfg(feature = "demo")]
pub mod run_sync_now;

use leptos::prelude::*;

/// The demo data's controls in the page header: Run a sync now and Reset demo data, shown only
/// when the data is demo data.
#[component]
pub fn DemoButtons() -> impl IntoView {
    #[cfg(feature = "demo")]
    {
        view! {
            <run_sync_now::RunSyncNow />
            <reset_demo_data::ResetDemoData />
        }
    }
}

//! What a part of the screen shows when its data could not be loaded.

use leptos::prelude::*;

use crate::app::host_events::use_host_events;

/// The failure, in words, with a way to try again; the host page hears of it (an `error` of type
/// `load`).
#[component]
pub fn LoadError(
    /// What went wrong, in words.
    #[prop(into)]
    error: String,
    /// Loads again.
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    use_host_events().error("load", &error);
    view! {
        <div class="load-error" role="alert">
            <p>{error}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}

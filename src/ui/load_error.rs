//! What a part of the screen shows when its data could not be loaded.

use leptos::prelude::*;

/// The failure, in words, with a way to try again.
#[component]
pub fn LoadError(
    /// What went wrong, in words.
    #[prop(into)]
    error: String,
    /// Loads again.
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <p>{error}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}

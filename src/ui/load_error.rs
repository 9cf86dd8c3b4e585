//! What a part of the screen shows when its data could not be loaded.

use leptos::prelude::*;

use crate::data::BackendError;

/// The failure, in words, with a way to try again.
#[component]
pub fn LoadError(
    /// What went wrong.
    error: BackendError,
    /// Loads again.
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <p>{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}

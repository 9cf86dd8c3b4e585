//! The Undo button beside the announcement of an action, while its undo is on offer.

use leptos::prelude::*;

use crate::actions::screen::use_screen;
use crate::actions::undo::undo;
use crate::data::use_api;
use crate::ui::reactive::reactive;

/// "Undo", shown while the latest action can be undone.
#[component]
pub fn UndoButton() -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    reactive(move || {
        screen.undo().is_offered().then(|| {
            view! {
                <button
                    type="button"
                    class="button"
                    aria-keyshortcuts="Control+Z"
                    on:click=move |_| undo(api, screen)
                >
                    "Undo"
                </button>
            }
        })
    })
}

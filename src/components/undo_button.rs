//! The Undo button beside the announcement of an action, while its undo is on offer.

use leptos::prelude::*;

use super::reactive::reactive;
use crate::backend::use_api;
use crate::screen::use_screen;
use crate::undo::undo;

/// "Undo", shown while the latest action can be undone.
#[component]
pub fn UndoButton() -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    reactive(move || {
        screen.undo.with(Option::is_some).then(|| {
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

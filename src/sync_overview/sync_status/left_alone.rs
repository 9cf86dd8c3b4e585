//! "Show the N left": after a batch left some items as they were, lists them with why.

use leptos::prelude::*;

use crate::actions::screen::use_screen;
use crate::ui::focus::focus_soon;
use crate::ui::format::{grouped, items};
use crate::ui::ids::unique_id;
use crate::ui::modal::Modal;

/// The most items listed (the rest are counted).
const LISTED: usize = 1_000;

/// The button (while the latest batch left items as they were) and the list it opens.
#[component]
pub fn LeftAlone() -> impl IntoView {
    let screen = use_screen();
    let open = RwSignal::new(false);
    let count = move || screen.left_count();
    let button = StoredValue::new(unique_id("left-alone"));
    let on_close = Callback::new(move |()| {
        open.set(false);
        focus_soon(button.get_value());
    });
    view! {
        {move || {
            (count() > 0)
                .then(|| {
                    view! {
                        <button
                            id=button.get_value()
                            type="button"
                            class="button"
                            aria-haspopup="dialog"
                            on:click=move |_| open.set(true)
                        >
                            {format!("Show the {} left", grouped(count() as u32))}
                        </button>
                    }
                })
        }}
        {move || {
            open.get()
                .then(|| {
                    view! {
                        <Modal title="Left as they were" on_close class="left-alone">
                            <ul class="left-list">
                                {screen
                                    .left()
                                    .into_iter()
                                    .take(LISTED)
                                    .map(|left| {
                                        view! {
                                            <li>
                                                <strong>{left.name}</strong>
                                                " — "
                                                {left.why}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {(count() > LISTED)
                                .then(|| format!("And {} more.", items((count() - LISTED) as u32)))}
                            <div class="modal-actions">
                                <button type="button" class="button" on:click=move |_| on_close.run(())>
                                    "Close"
                                </button>
                            </div>
                        </Modal>
                    }
                })
        }}
    }
}

//! "Reset demo data": discards every change made to the mock store, after asking.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::actions::screen::use_screen;
use crate::data::use_api;
use crate::ui::focus::focus_soon;
use crate::ui::ids::use_ids;
use crate::ui::modal::Modal;

/// The control, shown only when the data is demo data.
#[component]
pub fn ResetDemoData() -> impl IntoView {
    let api = use_api();
    api.demo()?;
    let screen = use_screen();
    let asking = RwSignal::new(false);
    let button_id = StoredValue::new(use_ids().of("reset-demo-data"));
    let error = RwSignal::new(None::<String>);
    let close = move || {
        asking.set(false);
        error.set(None);
        focus_soon(button_id.get_value());
    };
    let reset = move |_| {
        let Some(demo) = api.demo() else { return };
        spawn_local(async move {
            match demo.reset_demo().await {
                Ok(()) => {
                    close();
                    // Nothing done before the reset is left to undo.
                    screen.undo().withdraw();
                    screen.changed(
                        "Demo data reset: every change made in this browser was discarded."
                            .to_owned(),
                    );
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    Some(view! {
        <button id=button_id.get_value() type="button" class="button" on:click=move |_| asking.set(true)>
            "Reset demo data"
        </button>
        <Show when=move || asking.get()>
            <Modal title="Reset demo data" on_close=close>
                <p>"This discards every re-match, exclusion and inclusion made in this browser and restores the original demo data."</p>
                {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <div class="modal-actions">
                    <button type="button" class="button" autofocus on:click=move |_| close()>
                        "Cancel"
                    </button>
                    <button type="button" class="button button-danger" on:click=reset>
                        "Reset"
                    </button>
                </div>
            </Modal>
        </Show>
    })
}

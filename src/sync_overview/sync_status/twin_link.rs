//! On a duplicate's row: where the other one is, as a link that shows it (its client, filtered
//! to its name).

use leptos::prelude::*;
use sync_core::TwinView;

use crate::state::view_state::use_view;

/// " · Duplicate of NAME in CLIENT": a link when the view lives in the URL (it can open in a
/// new tab), a link-styled button when embedded.
#[component]
pub fn TwinLink(twin: TwinView) -> impl IntoView {
    let view = use_view();
    let TwinView {
        name,
        client,
        client_name,
        ..
    } = twin;
    let label = format!("Duplicate of {name} in {client_name}");
    let href = {
        let name = name.clone();
        move || view.item_href(client, &name)
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        view.show_item(client, &name);
    };
    let link = match href() {
        Some(_) => view! { <a class="twin-link" href=href on:click=open>{label}</a> }.into_any(),
        None => view! {
            <button type="button" class="link-button twin-link" on:click=open>
                {label}
            </button>
        }
        .into_any(),
    };
    view! { <span class="duplicate">" · " {link}</span> }
}

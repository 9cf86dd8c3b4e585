//! The screen's outer element: the page's `<main>` when standalone; embedded in a host page,
//! which has its own `<main>`, a region named "Sync Overview".

use leptos::prelude::*;

use crate::state::config::use_config;

/// Wraps the screen in the right landmark for where it is shown.
#[component]
pub fn Landmark(
    /// Whether what it holds is still loading.
    #[prop(optional)]
    busy: bool,
    children: Children,
) -> impl IntoView {
    let busy = busy.then_some("true");
    if use_config().view_in_url {
        view! {
            <main class="sync-overview" aria-busy=busy>
                {children()}
            </main>
        }
        .into_any()
    } else {
        view! {
            <section class="sync-overview" aria-label="Sync Overview" aria-busy=busy>
                {children()}
            </section>
        }
        .into_any()
    }
}

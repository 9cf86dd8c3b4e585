//! The Client drop-down: only the clients synced in the viewed integration.

use leptos::prelude::*;
use sync_core::ClientId;

use crate::state::view_state::use_view;
use crate::ui::ids::use_ids;
use crate::ui::load_error::LoadError;
use crate::ui::options::{Choice, Options};

/// Picks the client whose items the Sync Status list shows.
#[component]
pub fn ClientSelect() -> impl IntoView {
    let view = use_view();
    let id = use_ids().of("client");
    let clients = view.clients;
    let shown = Memo::new(move |_| {
        view.shown()
            .with(|v| v.client.map(|c| c.to_string()).unwrap_or_default())
    });
    let listed = Signal::derive(move || {
        clients.with_latest(|list| {
            list.into_iter()
                .flatten()
                .map(|c| Choice::new(c.id, c.name.clone()))
                .collect()
        })
    });
    view! {
        <div class="client-row">
            <label class="field-label" for=id.clone()>
                "Client"
            </label>
            <select
                id=id
                class="select select-large"
                aria-busy=move || clients.loading().to_string()
                on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse() {
                        view.choose_client(ClientId(id));
                    }
                }
            >
                <Options choices=listed chosen=shown />
            </select>
            <span class="muted client-count">
                {move || {
                    clients
                        .current()
                        .and_then(Result::ok)
                        .map(|l| match l.len() {
                            1 => "1 client synced in this integration".to_owned(),
                            n => format!("{n} clients synced in this integration"),
                        })
                }}
            </span>
            {move || {
                clients
                    .error()
                    .map(|error| view! { <LoadError error=error.to_string() retry=move || clients.refetch() /> })
            }}
        </div>
    }
}

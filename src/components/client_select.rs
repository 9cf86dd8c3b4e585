//! The Client drop-down: only the clients synced in the viewed integration.

use leptos::prelude::*;
use sync_core::ClientId;

use super::load_error::LoadError;
use crate::app::use_config;
use crate::backend::use_api;
use crate::screen::{pick, use_screen};

/// Picks the client whose items the Sync Status list shows.
#[component]
pub fn ClientSelect() -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    let wanted = StoredValue::new(use_config().client.map(ClientId));
    let clients = LocalResource::new(move || {
        let api = api.get();
        let integration = screen.integration.get();
        async move {
            match integration {
                Some(id) => api.clients(id).await,
                None => Ok(Vec::new()),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = clients.get() {
            let ids: Vec<ClientId> = list.iter().map(|c| c.id).collect();
            let current = screen.client.get_untracked();
            let next = wanted
                .try_update_value(|w| pick(&ids, current, w))
                .flatten();
            if next != current {
                screen.client.set(next);
            }
        }
    });
    let listed = move || clients.get().and_then(Result::ok).unwrap_or_default();
    view! {
        <div class="client-row">
            <label class="field-label" for="client">
                "Client"
            </label>
            <select
                id="client"
                class="select select-large"
                on:change=move |ev| {
                    screen.client.set(event_target_value(&ev).parse().ok().map(ClientId))
                }
            >
                <For each=listed key=|c| c.id let:client>
                    <option
                        value=client.id.to_string()
                        prop:selected=move || screen.client.get() == Some(client.id)
                    >
                        {client.name}
                    </option>
                </For>
            </select>
            <span class="muted client-count">
                {move || {
                    clients
                        .get()
                        .and_then(Result::ok)
                        .map(|l| match l.len() {
                            1 => "1 client synced in this integration".to_owned(),
                            n => format!("{n} clients synced in this integration"),
                        })
                }}
            </span>
            {move || match clients.get() {
                Some(Err(error)) => {
                    Some(view! { <LoadError error retry=move || clients.refetch() /> })
                }
                _ => None,
            }}
        </div>
    }
}

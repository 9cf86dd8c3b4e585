//! The Client drop-down: only the clients synced in the viewed integration.

use leptos::prelude::*;
use sync_core::ClientId;

use super::load_error::LoadError;
use crate::app::use_config;
use crate::backend::use_api;
use crate::screen::use_screen;

/// Picks the client whose items the Sync Status list shows.
#[component]
pub fn ClientSelect() -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    let wanted = StoredValue::new(use_config().client);
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
            let listed = |id: &ClientId| list.iter().any(|c| c.id == *id);
            if list.is_empty() {
                // Not loaded yet, or none: the wanted client waits for a list.
                if screen.client.get_untracked().is_some() {
                    screen.client.set(None);
                }
            } else if !screen.client.get_untracked().is_some_and(|id| listed(&id)) {
                // The one the page was opened on (URL or host page), if listed; else the first.
                let wanted = wanted.try_update_value(Option::take).flatten();
                let id = wanted.map(ClientId).filter(listed);
                screen.client.set(id.or(list.first().map(|c| c.id)));
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

//! What the Re-match Record and Exclude Record dialogs share: the item they act on, a toggle,
//! the error line, and the primary and Cancel buttons that submit once.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sync_core::{Action, ItemView};

use crate::actions::screen::{use_screen, Screen};
use crate::actions::write::new_key;
use crate::actions::write::{write_undoable, Refusal};
use crate::data::{use_api, Api};
use crate::ui::status_badge::StatusBadge;

/// Names the item a dialog acts on: type, name, source id, status and matched record.
#[component]
pub fn ItemSummary(item: ItemView) -> impl IntoView {
    view! {
        <div class="item-summary">
            <p class="item-summary-name">
                <span class="muted">{item.resource_type.label()}</span>
                " "
                <strong>{item.name.clone()}</strong>
                <span class="source-id">{format!("ID {}", item.source_id)}</span>
            </p>
            <p class="item-summary-status">
                <StatusBadge status=item.status />
                {item
                    .record
                    .as_ref()
                    .map(|r| {
                        let disabled = if r.disabled { " (disabled)" } else { "" };
                        format!(" · matched record: {}{disabled}", r.name)
                    })}
            </p>
        </div>
    }
}

/// An on/off switch with its label, and a hint when it cannot be used.
#[component]
pub fn Toggle(
    /// The switch's label.
    label: String,
    /// Its state.
    on: RwSignal<bool>,
    /// Why it cannot be used, if it cannot.
    unavailable: Option<&'static str>,
) -> impl IntoView {
    let id = crate::ui::ids::unique_id("toggle");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="toggle-row">
            <input
                id=id.clone()
                type="checkbox"
                role="switch"
                class="switch"
                disabled=unavailable.is_some()
                aria-describedby=unavailable.map(|_| hint_id.clone())
                prop:checked=on
                on:change=move |ev| on.set(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
            {unavailable.map(|hint| view! { <p id=hint_id class="field-hint">{hint}</p> })}
        </div>
    }
}

/// A dialog's submission: pending while it runs (so a second click does nothing), and the error
/// of the last failed attempt (the dialog stays open with the user's choices). Every attempt of
/// one dialog sends the same idempotency key, so a retry after a lost answer applies once. When
/// the item changed meanwhile, the dialog closes, the list reloads and an alert says so.
#[derive(Clone, Copy)]
pub struct Submission {
    api: Api,
    screen: Screen,
    key: StoredValue<String>,
    /// The item as the dialog read it.
    item: StoredValue<ItemView>,
    close: Callback<()>,
    /// A request is running.
    pub pending: RwSignal<bool>,
    /// Why the last attempt failed.
    pub error: RwSignal<Option<String>>,
}

impl Submission {
    /// Nothing submitted yet on `item` as the dialog read it (call from a component, which
    /// provides the backend); `close` closes the dialog.
    pub fn new(item: ItemView, close: Callback<()>) -> Self {
        Self {
            api: use_api(),
            screen: use_screen(),
            key: StoredValue::new(new_key()),
            item: StoredValue::new(item),
            close,
            pending: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Applies `action` to the item as read unless a request is already running; on success
    /// runs `done` with the changed item (and the undo is on offer), on failure shows why.
    pub fn submit(self, action: Action, done: impl FnOnce(ItemView) + 'static) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        self.error.set(None);
        let key = self.key.get_value();
        spawn_local(async move {
            let before = self.item.get_value();
            match write_undoable(self.api, self.screen, action, &before, &key).await {
                Ok(changed) => done(changed),
                Err(Refusal::Stale) => self.close.run(()),
                Err(Refusal::Failed(message)) => {
                    self.error.try_set(Some(message));
                    self.pending.try_set(false);
                }
            }
        });
    }
}

/// The error line and the primary and Cancel buttons of a dialog's form.
#[component]
pub fn DialogActions(
    /// The primary button's text (Match, Exclude).
    primary: &'static str,
    /// Its text while the request runs (Matching…).
    busy: &'static str,
    /// A request is running.
    #[prop(into)]
    pending: Signal<bool>,
    /// Why the last attempt failed.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether the primary action cannot be taken at all.
    #[prop(into)]
    blocked: Signal<bool>,
    /// The text of the button that closes without changing anything.
    #[prop(default = "Cancel")]
    cancel: &'static str,
    /// A warning that the dialog's item changed while it was open (the write's version check
    /// still refuses a save over someone else's change).
    #[prop(optional, into)]
    notice: MaybeProp<String>,
    /// Closes without changing anything.
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        {move || {
            notice.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })
        }}
        {move || {
            error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })
        }}
        <div class="modal-actions">
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                {cancel}
            </button>
            <button
                type="submit"
                class="button button-primary"
                disabled=move || blocked.get()
                aria-busy=move || pending.get().to_string()
            >
                {move || if pending.get() { busy } else { primary }}
            </button>
        </div>
    }
}

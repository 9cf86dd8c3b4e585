//! The Sync Status filters: plain-text Filter, Type and Status drop-downs.

use leptos::prelude::*;
use sync_core::{Integration, ResourceType, Sort, SyncStatus};

/// What narrows and orders the Sync Status list.
#[derive(Clone, Copy)]
pub struct Filters {
    /// Name or partial name.
    pub text: RwSignal<String>,
    /// Only this type.
    pub resource_type: RwSignal<Option<ResourceType>>,
    /// Only this status.
    pub status: RwSignal<Option<SyncStatus>>,
    /// The order.
    pub sort: RwSignal<Sort>,
}

impl Filters {
    /// No filter, sorted by name.
    pub fn new() -> Self {
        Self {
            text: RwSignal::new(String::new()),
            resource_type: RwSignal::new(None),
            status: RwSignal::new(None),
            sort: RwSignal::new(Sort::default()),
        }
    }

    /// The active filters in words ("“dc”, type Contact"), or `None` when there are none.
    /// Tracked: a view that shows it follows the filters.
    pub fn describe(&self) -> Option<String> {
        let text = self.text.get();
        let parts: Vec<String> = [
            (!text.trim().is_empty()).then(|| format!("“{}”", text.trim())),
            self.resource_type
                .get()
                .map(|t| format!("type {}", t.label())),
            self.status.get().map(|s| format!("status {}", s.label())),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// Clears the filter text, Type and Status.
    pub fn clear(&self) {
        self.text.set(String::new());
        self.resource_type.set(None);
        self.status.set(None);
    }
}

impl Default for Filters {
    fn default() -> Self {
        Self::new()
    }
}

/// The Filter box and the Type and Status drop-downs.
#[component]
pub fn SyncStatusFilters(
    /// The filters they set.
    filters: Filters,
    /// The integration being viewed (its product decides the types).
    integration: Signal<Option<Integration>>,
) -> impl IntoView {
    let types = move || {
        integration.with(|i| {
            i.as_ref()
                .map(|i| i.product.resource_types().to_vec())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="filters" role="group" aria-label="Sync Status filters">
            <div class="field field-grow">
                <label class="field-label" for="filter">
                    "Filter"
                </label>
                <input
                    id="filter"
                    type="search"
                    class="input"
                    placeholder="Name or partial name"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=filters.text
                    on:input=move |ev| filters.text.set(event_target_value(&ev))
                />
            </div>
            <FilterSelect
                label="Type"
                id="type-filter"
                chosen=filters.resource_type
                options=Signal::derive(move || {
                    types().into_iter().map(|t| (t, t.slug(), t.label())).collect()
                })
                parse=ResourceType::from_slug
            />
            <FilterSelect
                label="Status"
                id="status-filter"
                chosen=filters.status
                options=Signal::derive(|| {
                    SyncStatus::ALL.into_iter().map(|s| (s, s.slug(), s.label())).collect()
                })
                parse=SyncStatus::from_slug
            />
        </div>
    }
}

/// A drop-down filter labelled `label`: "All" first, then `options` as (value, slug, label).
#[component]
fn FilterSelect<T>(
    label: &'static str,
    id: &'static str,
    chosen: RwSignal<Option<T>>,
    options: Signal<Vec<(T, &'static str, &'static str)>>,
    parse: fn(&str) -> Option<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Eq + std::hash::Hash + Send + Sync + 'static,
{
    view! {
        <div class="field">
            <label class="field-label" for=id>
                {label}
            </label>
            <select id=id class="select" on:change=move |ev| chosen.set(parse(&event_target_value(&ev)))>
                <option value="" prop:selected=move || chosen.get().is_none()>
                    "All"
                </option>
                <For each=move || options.get() key=|(value, _, _)| *value let:option>
                    <option value=option.1 prop:selected=move || chosen.get() == Some(option.0)>
                        {option.2}
                    </option>
                </For>
            </select>
        </div>
    }
}

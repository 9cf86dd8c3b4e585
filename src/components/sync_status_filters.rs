//! The Sync Status filters: plain-text Filter, Type and Status drop-downs, each option with how
//! many items it would list ("Device (1,204)").

use leptos::prelude::*;
use sync_core::{Facets, ResourceType, SyncStatus};

use crate::format::grouped;
use crate::ids::use_ids;
use crate::view_state::use_view;

/// The name of the Filter box's id (the empty state's *Clear filters* returns focus to it).
pub const FILTER: &str = "filter";

/// The Filter box and the Type and Status drop-downs, showing and changing the view; `facets`
/// (those of the latest page loaded) give the options' counts.
#[component]
pub fn SyncStatusFilters(facets: Memo<Option<Facets>>) -> impl IntoView {
    let view = use_view();
    let ids = use_ids();
    let filter_id = ids.of(FILTER);
    let shown = view.shown();
    let types = Signal::derive(move || {
        view.integration().with(|i| {
            i.as_ref()
                .map(|i| i.product.resource_types())
                .unwrap_or_default()
                .iter()
                .map(|t| (*t, t.slug(), t.label()))
                .collect()
        })
    });
    view! {
        <div class="filters" role="group" aria-label="Sync Status filters">
            <div class="field field-grow">
                <label class="field-label" for=filter_id.clone()>
                    "Filter"
                </label>
                <input
                    id=filter_id
                    type="search"
                    class="input"
                    placeholder="Name or partial name"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=Memo::new(move |_| shown.with(|v| v.filter.clone()))
                    on:input=move |ev| view.set_filter(event_target_value(&ev))
                />
            </div>
            <FilterSelect
                label="Type"
                id=ids.of("type-filter")
                chosen=Memo::new(move |_| shown.with(|v| v.resource_type))
                options=types
                parse=ResourceType::from_slug
                count=move |t| facets.with(|f| f.as_ref().map(|f| f.of_type(t)))
                all=move || facets.with(|f| f.as_ref().map(|f| f.types.iter().map(|(_, n)| n).sum()))
                on_choose=move |t| view.set_type(t)
            />
            <FilterSelect
                label="Status"
                id=ids.of("status-filter")
                chosen=Memo::new(move |_| shown.with(|v| v.status))
                options=Signal::derive(|| {
                    SyncStatus::ALL.into_iter().map(|s| (s, s.slug(), s.label())).collect()
                })
                parse=SyncStatus::from_slug
                count=move |s| facets.with(|f| f.as_ref().map(|f| f.statuses.get(s)))
                all=move || facets.with(|f| f.as_ref().map(|f| f.statuses.total()))
                on_choose=move |s| view.set_status(s)
            />
        </div>
    }
}

/// A drop-down filter labelled `label`: "All" first, then `options` as (value, slug, label),
/// each with its count once known (`all`: the count of "All").
#[component]
fn FilterSelect<T>(
    label: &'static str,
    id: String,
    chosen: Memo<Option<T>>,
    options: Signal<Vec<(T, &'static str, &'static str)>>,
    parse: fn(&str) -> Option<T>,
    count: impl Fn(T) -> Option<u32> + Copy + Send + Sync + 'static,
    all: impl Fn() -> Option<u32> + Send + Sync + 'static,
    on_choose: impl Fn(Option<T>) + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Eq + std::hash::Hash + Send + Sync + 'static,
{
    let counted = |label: &'static str, n: Option<u32>| match n {
        Some(n) => format!("{label} ({})", grouped(n)),
        None => label.to_owned(),
    };
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>
                {label}
            </label>
            <select id=id class="select" on:change=move |ev| on_choose(parse(&event_target_value(&ev)))>
                <option value="" prop:selected=move || chosen.get().is_none()>
                    {move || counted("All", all())}
                </option>
                <For each=move || options.get() key=|(value, _, _)| *value let:option>
                    <option value=option.1 prop:selected=move || chosen.get() == Some(option.0)>
                        {move || counted(option.2, count(option.0))}
                    </option>
                </For>
            </select>
        </div>
    }
}

//! The Sync Status filters: plain-text Filter, Type and Status drop-downs, each option with how
//! many items it would list ("Device (1,204)"), and Show (every item, or those missing from
//! the source).

use leptos::prelude::*;
use sync_core::{Facets, ItemFlag, ResourceType, SyncStatus};

use crate::state::view_state::use_view;
use crate::ui::format::grouped;
use crate::ui::ids::use_ids;
use crate::ui::options::{Choice, LabelledSelect};

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
    // Each drop-down's options: "All" first, each with how many items it would list.
    let type_choices = Signal::derive(move || {
        let mut choices = vec![Choice::new(
            "",
            counted(
                "All",
                facets.with(|f| f.as_ref().map(|f| f.types.iter().map(|(_, n)| n).sum())),
            ),
        )];
        view.integration().with(|i| {
            let types = i.as_ref().map(|i| i.product.resource_types());
            choices.extend(types.unwrap_or_default().iter().map(|t| {
                let n = facets.with(|f| f.as_ref().map(|f| f.of_type(*t)));
                Choice::new(t.slug(), counted(t.label(), n))
            }));
        });
        choices
    });
    let status_choices = Signal::derive(move || {
        facets.with(|f| {
            let all = Choice::new("", counted("All", f.as_ref().map(|f| f.statuses.total())));
            let each = SyncStatus::ALL.into_iter().map(|s| {
                Choice::new(
                    s.slug(),
                    counted(s.label(), f.as_ref().map(|f| f.statuses.get(s))),
                )
            });
            std::iter::once(all).chain(each).collect()
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
            <LabelledSelect
                label="Type"
                id=ids.of("type-filter")
                chosen=Memo::new(move |_| shown.with(|v| v.resource_type.map_or("", |t| t.slug()).to_owned()))
                choices=type_choices
                on_choose=move |slug: String| view.set_type(ResourceType::from_slug(&slug))
            />
            <LabelledSelect
                label="Status"
                id=ids.of("status-filter")
                chosen=Memo::new(move |_| shown.with(|v| v.status.map_or("", |s| s.slug()).to_owned()))
                choices=status_choices
                on_choose=move |slug: String| view.set_status(SyncStatus::from_slug(&slug))
            />
            <LabelledSelect
                label="Show"
                id=ids.of("show-filter")
                chosen=Memo::new(move |_| shown.with(|v| v.flag.map_or("", |f| f.slug()).to_owned()))
                choices=Signal::derive(flag_choices)
                on_choose=move |slug: String| view.set_flag(ItemFlag::from_slug(&slug))
            />
        </div>
    }
}

/// The Show drop-down's options: every item, or those with one flag.
fn flag_choices() -> Vec<Choice> {
    let each = ItemFlag::ALL.map(|f| Choice::new(f.slug(), f.label()));
    std::iter::once(Choice::new("", "All items"))
        .chain(each)
        .collect()
}

/// What an option reads: its label and, once known, how many items it would list.
fn counted(label: &str, n: Option<u32>) -> String {
    match n {
        Some(n) => format!("{label} ({})", grouped(n)),
        None => label.to_owned(),
    }
}

//! One slot of the Sync Status table: a row that shows whichever item the page puts at its
//! position, updating its text in place when that item changes (typing in the Filter changes
//! the text of the rows, not the rows).

use leptos::prelude::*;
use sync_core::ItemView;

use crate::state::selection::use_selection;
use crate::sync_overview::sync_status::row_menu::RowMenu;
use crate::sync_overview::sync_status::twin_link::TwinLink;
use crate::ui::format::exact;
use crate::ui::reactive::reactive;
use crate::ui::status_badge::StatusBadge;

/// The item's checkbox, name, type, status, matched record and menu; `index` is its position in
/// the whole list (0 first).
#[component]
pub fn SyncStatusRow(row: Memo<ItemView>, index: Memo<u32>) -> impl IntoView {
    let selection = use_selection();
    let picked = selection.picked();
    let id = move || row.with(|r| r.id);
    let type_label = move || row.with(|r| r.resource_type.label());
    view! {
        <tr aria-rowindex=move || index.get() + 2>
            <td class="select-cell">
                <input
                    type="checkbox"
                    aria-label=move || row.with(|r| format!("Select {}", r.name))
                    prop:checked=move || picked.with(|p| p.has(id()))
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        row.with_untracked(|r| selection.set(std::slice::from_ref(r), checked))
                    }
                />
            </td>
            <th scope="row" class="name-cell">
                <span class="item-name">{move || row.with(|r| r.name.clone())}</span>
                <span class="source-id">
                    <span class="type-inline">{move || format!("{} · ", type_label())}</span>
                    {move || row.with(|r| format!("ID {}", r.source_id))}
                    {move || {
                        row.with(|r| r.missing_since)
                            .map(|since| {
                                view! {
                                    <span class="missing">
                                        {format!(" · Missing from source since {}", exact(since))}
                                    </span>
                                }
                            })
                    }}
                    {move || row.with(|r| r.twin.as_deref().cloned()).map(|twin| view! { <TwinLink twin /> })}
                </span>
            </th>
            <td>{type_label}</td>
            <td>
                {move || view! { <StatusBadge status=row.with(|r| r.status) /> }}
            </td>
            <td class="record-cell">
                <MatchedRecord row />
            </td>
            <td class="actions-cell">
                <RowMenu row />
            </td>
        </tr>
    }
}

/// The record the item is matched to (its name, and a tag when disabled), or "None".
#[component]
fn MatchedRecord(row: Memo<ItemView>) -> impl IntoView {
    reactive(move || match row.with(|r| r.record.clone()) {
        Some(record) => view! {
            <span class="record-name">{record.name}</span>
            {record.disabled.then(|| view! { <span class="tag">"disabled"</span> })}
        }
        .into_any(),
        None => view! {
            <span class="muted" aria-hidden="true">"—"</span>
            <span class="visually-hidden">"None"</span>
        }
        .into_any(),
    })
}

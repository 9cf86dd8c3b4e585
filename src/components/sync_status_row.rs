//! One synced item as a row of the Sync Status table.

use leptos::prelude::*;
use sync_core::ItemView;

use super::row_menu::RowMenu;
use super::status_badge::StatusBadge;
use crate::selection::use_selection;

/// The item's checkbox, name, type, status, matched record and menu; `index` is its position in
/// the whole list (0 first).
#[component]
pub fn SyncStatusRow(row: ItemView, index: Signal<u32>) -> impl IntoView {
    let selection = use_selection();
    let picked = selection.picked();
    let id = row.id;
    let ticked = row.clone();
    let record = match &row.record {
        Some(record) => view! {
            <span class="record-name">{record.name.clone()}</span>
            {record.disabled.then(|| view! { <span class="tag">"disabled"</span> })}
        }
        .into_any(),
        None => view! {
            <span class="muted" aria-hidden="true">"—"</span>
            <span class="visually-hidden">"None"</span>
        }
        .into_any(),
    };
    view! {
        <tr aria-rowindex=move || index.get() + 2>
            <td class="select-cell">
                <input
                    type="checkbox"
                    aria-label=format!("Select {}", row.name)
                    prop:checked=move || picked.with(|p| p.has(id))
                    on:change=move |ev| {
                        selection.set(std::slice::from_ref(&ticked), event_target_checked(&ev))
                    }
                />
            </td>
            <th scope="row" class="name-cell">
                <span class="item-name">{row.name.clone()}</span>
                <span class="source-id">
                    <span class="type-inline">{format!("{} · ", row.resource_type.label())}</span>
                    {format!("ID {}", row.source_id)}
                </span>
            </th>
            <td>{row.resource_type.label()}</td>
            <td>
                <StatusBadge status=row.status />
            </td>
            <td class="record-cell">{record}</td>
            <td class="actions-cell">
                <RowMenu row />
            </td>
        </tr>
    }
}

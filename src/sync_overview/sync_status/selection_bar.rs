//! The selection bar above the Sync Status table: how many items are selected, "Select all N
//! matching", "Clear selection", and the bulk actions on the selection.

use leptos::prelude::*;
use sync_core::ItemPage;

use crate::actions::bulk::BulkAction;
use crate::state::selection::{use_selection, Picked};
use crate::sync_overview::dialogs::bulk_dialog::BulkDialog;
use crate::sync_overview::sync_status::TITLE;
use crate::ui::focus::focus_soon;
use crate::ui::format::{grouped, items};
use crate::ui::ids::unique_id;
use crate::ui::ids::use_ids;

/// The bar, and the bulk action's dialog when one is asked for.
#[component]
pub fn SelectionBar(
    /// The page of the list loaded (how many items it matches, the rows shown).
    loaded: Memo<Option<ItemPage>>,
) -> impl IntoView {
    let total = Memo::new(move |_| loaded.with(|p| p.as_ref().map(|p| p.total)));
    let selection = use_selection();
    let picked = selection.picked();
    let count = Memo::new(move |_| picked.with(|p| p.count(total.get().unwrap_or(0))));
    let everything =
        move || picked.with(|p| matches!(p, Picked::Matching { except } if except.is_empty()));
    let asked = RwSignal::new(None::<BulkAction>);
    // The buttons that swap places: "Select all N matching" goes once everything is selected,
    // "Clear selection" once nothing is; focus moves to the other rather than being lost.
    let select_all_id = StoredValue::new(unique_id("select-all"));
    let clear_id = StoredValue::new(unique_id("clear-selection"));
    let heading = StoredValue::new(use_ids().of(TITLE));
    let on_close = Callback::new(move |()| {
        asked.set(None);
        focus_soon(heading.get_value());
    });
    let said = move || match count.get() {
        0 => "No items selected".to_owned(),
        n => format!("{} selected", items(n)),
    };
    let action = move |kind: BulkAction, label: &'static str| {
        view! {
            <button type="button" class="button" on:click=move |_| asked.set(Some(kind))>
                {label}
            </button>
        }
    };
    view! {
        <div class="selection-bar">
            <p class="selection-count" aria-live="polite" aria-atomic="true">{said}</p>
            {move || {
                let total = total.get().filter(|&t| t > 0 && !everything())?;
                Some(view! {
                    <button
                        id=select_all_id.get_value()
                        type="button"
                        class="button"
                        on:click=move |_| {
                            selection.select_matching();
                            focus_soon(clear_id.get_value());
                        }
                    >
                        {format!("Select all {} matching", grouped(total))}
                    </button>
                })
            }}
            {move || {
                (count.get() > 0)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                id=clear_id.get_value()
                                aria-keyshortcuts="Escape"
                                on:click=move |_| {
                                    selection.clear();
                                    focus_soon(select_all_id.get_value());
                                }
                            >
                                "Clear selection"
                            </button>
                            {action(BulkAction::Exclude { disable_record: false }, "Exclude…")}
                            {action(BulkAction::Include, "Include…")}
                            {action(BulkAction::Accept, "Accept suggestions…")}
                        }
                    })
            }}
        </div>
        {asked_dialog(asked, loaded, count, on_close)}
    }
}

/// The dialog of the bulk action asked for, over the selection as it stands when asked.
fn asked_dialog(
    asked: RwSignal<Option<BulkAction>>,
    loaded: Memo<Option<ItemPage>>,
    count: Memo<u32>,
    on_close: Callback<()>,
) -> impl IntoView {
    let selection = use_selection();
    move || {
        let asked = asked.get()?;
        let (picked, as_of) = loaded.with_untracked(|page| {
            let shown = page.as_ref().map_or(&[][..], |p| &p.items[..]);
            let picked = selection.picked().get_untracked().as_shown(shown);
            (picked, page.as_ref().map_or(0, |p| p.as_of))
        });
        let list = (selection.list()?, as_of);
        let count = count.get_untracked();
        Some(view! { <BulkDialog asked list picked count on_close /> })
    }
}

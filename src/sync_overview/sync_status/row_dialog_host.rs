//! Where a row menu's dialog opens: Re-match Record or Exclude Record on the item, and what
//! happens when it closes (focus back to the row's actions button) or saves (the screen says so
//! and reloads; the row takes focus when it shows again).

use leptos::prelude::*;
use sync_core::ItemPage;

use crate::actions::screen::use_screen;
use crate::state::row_actions::{use_row_actions, RowDialog};
use crate::sync_overview::dialogs::exclude_record::ExcludeRecord;
use crate::sync_overview::dialogs::item_history::ItemHistory;
use crate::sync_overview::dialogs::rematch_record::RematchRecord;
use crate::ui::focus::focus_soon;
use crate::ui::ids::use_ids;
use crate::ui::reactive::reactive;

/// The open row dialog, if any. `page` is the list as loaded: when it shows the dialog's item at
/// another version (someone changed it, or a save of this dialog whose answer was lost; the list
/// reloads on every change, a server's too), the dialog says so. Saving stays possible: the write
/// says which version it read, so a save over someone else's change is refused and explained,
/// and a retried save whose first answer was lost is answered as the first time.
#[component]
pub fn RowDialogHost(page: Memo<Option<ItemPage>>) -> impl IntoView {
    let actions = use_row_actions();
    let changed: Signal<Option<String>> = Signal::derive(move || {
        let open = actions.dialog()?;
        let read = open.item();
        page.with(|p| {
            let now = p.as_ref()?.items.iter().find(|i| i.id == read.id)?;
            (now.version != read.version).then(|| {
                format!(
                    "{} was changed while this was open: it is {} now. Check that your choice still fits before saving.",
                    now.name,
                    now.status.label()
                )
            })
        })
    });
    let screen = use_screen();
    let ids = use_ids();
    reactive(move || {
        let open = actions.dialog()?;
        let id = open.item().id;
        let button = ids.actions_button(id);
        let on_close = Callback::new(move |()| {
            actions.close_dialog();
            focus_soon(button.clone());
        });
        let on_done = Callback::new(move |message: String| {
            actions.close_dialog();
            screen.focus_row(id);
            screen.changed(message);
        });
        Some(match open {
            RowDialog::Rematch(item) => {
                view! { <RematchRecord item on_close on_done changed /> }.into_any()
            }
            RowDialog::Exclude(item) => {
                view! { <ExcludeRecord item on_close on_done changed /> }.into_any()
            }
            RowDialog::History(item) => view! { <ItemHistory item on_close on_done /> }.into_any(),
        })
    })
}

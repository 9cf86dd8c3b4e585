//! Where a row menu's dialog opens: Re-match Record or Exclude Record on the item, and what
//! happens when it closes (focus back to the row's actions button) or saves (the screen says so
//! and reloads; the row takes focus when it shows again).

use leptos::prelude::*;

use crate::actions::screen::use_screen;
use crate::state::row_actions::{use_row_actions, RowDialog};
use crate::sync_overview::dialogs::exclude_record::ExcludeRecord;
use crate::sync_overview::dialogs::rematch_record::RematchRecord;
use crate::ui::focus::focus_soon;
use crate::ui::ids::use_ids;
use crate::ui::reactive::reactive;

/// The open row dialog, if any.
#[component]
pub fn RowDialogHost() -> impl IntoView {
    let actions = use_row_actions();
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
                view! { <RematchRecord item on_close on_done /> }.into_any()
            }
            RowDialog::Exclude(item) => {
                view! { <ExcludeRecord item on_close on_done /> }.into_any()
            }
        })
    })
}

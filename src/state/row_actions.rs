//! The Sync Status rows' shared action state: which row's menu is open, which dialog a menu
//! opened, and a tick when the list moves. Provided by the Sync Status section; the row menus
//! and the dialog host change it through its verbs.

use leptos::prelude::*;
use sync_core::{ItemId, ItemView};

use crate::ui::ids::{use_ids, Ids};
use crate::ui::in_view::in_view;

/// The dialog a row's menu opened, on the item it acts on.
#[derive(Clone, Debug, PartialEq)]
pub enum RowDialog {
    /// Re-match Record.
    Rematch(ItemView),
    /// Exclude Record.
    Exclude(ItemView),
    /// The item's History.
    History(ItemView),
}

impl RowDialog {
    /// The item the dialog acts on.
    pub fn item(&self) -> &ItemView {
        match self {
            Self::Rematch(item) | Self::Exclude(item) | Self::History(item) => item,
        }
    }
}

/// The rows' menu and dialog state. Written only through its verbs.
#[derive(Clone, Copy)]
pub struct RowActions {
    /// The item whose menu is open.
    open_menu: RwSignal<Option<ItemId>>,
    /// The dialog open on an item (opened by a menu, closed by the dialog host).
    dialog: RwSignal<Option<RowDialog>>,
    /// Bumped when the list or the page scrolls, so that an open menu follows its button.
    moved: RwSignal<u32>,
    /// The app's element ids (to find an open menu's button).
    ids: StoredValue<Ids>,
}

impl RowActions {
    /// Provides fresh row actions to the components below.
    pub fn provide() -> Self {
        let actions = Self {
            open_menu: RwSignal::new(None),
            dialog: RwSignal::new(None),
            moved: RwSignal::new(0),
            ids: StoredValue::new(use_ids()),
        };
        provide_context(actions);
        actions
    }

    /// The item whose menu is open (tracked).
    pub fn open_menu(&self) -> Option<ItemId> {
        self.open_menu.get()
    }

    /// Opens `item`'s menu (closing any other).
    pub fn show_menu(&self, item: ItemId) {
        self.open_menu.set(Some(item));
    }

    /// Closes the open menu.
    pub fn close_menu(&self) {
        self.open_menu.set(None);
    }

    /// Closes the open menu and opens `dialog` in its place.
    pub fn open_dialog(&self, dialog: RowDialog) {
        self.open_menu.set(None);
        self.dialog.set(Some(dialog));
    }

    /// The dialog open on an item (tracked).
    pub fn dialog(&self) -> Option<RowDialog> {
        self.dialog.get()
    }

    /// Closes the dialog.
    pub fn close_dialog(&self) {
        self.dialog.set(None);
    }

    /// Makes the reactive code running now run again when the list or the page scrolls.
    pub fn track_moves(&self) {
        self.moved.track();
    }

    /// After a scroll: an open menu follows its button, or closes once the button has scrolled
    /// out of the list's view.
    pub fn scrolled(&self) {
        let Some(item) = self.open_menu.get_untracked() else {
            return;
        };
        let id = self.ids.with_value(|ids| ids.actions_button(item));
        match document().get_element_by_id(&id) {
            Some(button) if in_view(&button, ".table-scroll") => self.moved.update(|n| *n += 1),
            _ => self.open_menu.set(None),
        }
    }
}

/// The row actions provided by the Sync Status section.
pub fn use_row_actions() -> RowActions {
    expect_context::<RowActions>()
}

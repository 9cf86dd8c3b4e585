//! The Sync Status rows' shared action state: which row's menu is open, which dialog a menu
//! opened, and a tick when the list moves. Provided by the Sync Status section; the row menus
//! and the dialog host read and write it.

use leptos::prelude::*;
use sync_core::{ItemId, ItemView};

/// The dialog a row's menu opened, on the item it acts on.
#[derive(Clone, Debug, PartialEq)]
pub enum RowDialog {
    /// Re-match Record.
    Rematch(ItemView),
    /// Exclude Record.
    Exclude(ItemView),
}

impl RowDialog {
    /// The item the dialog acts on.
    pub fn item(&self) -> &ItemView {
        match self {
            Self::Rematch(item) | Self::Exclude(item) => item,
        }
    }
}

/// The rows' menu and dialog state.
#[derive(Clone, Copy)]
pub struct RowActions {
    /// The item whose menu is open (written by its menu).
    pub open_menu: RwSignal<Option<ItemId>>,
    /// The dialog open on an item (opened by a menu, closed by the dialog host).
    pub dialog: RwSignal<Option<RowDialog>>,
    /// Bumped when the list or the page scrolls, so that an open menu follows its button.
    pub moved: RwSignal<u32>,
}

impl RowActions {
    /// Provides fresh row actions to the components below.
    pub fn provide() -> Self {
        let actions = Self {
            open_menu: RwSignal::new(None),
            dialog: RwSignal::new(None),
            moved: RwSignal::new(0),
        };
        provide_context(actions);
        actions
    }

    /// Lets an open menu follow its button after a scroll.
    pub fn scrolled(&self) {
        if self.open_menu.get_untracked().is_some() {
            self.moved.update(|n| *n += 1);
        }
    }
}

/// The row actions provided by the Sync Status section.
pub fn use_row_actions() -> RowActions {
    expect_context::<RowActions>()
}

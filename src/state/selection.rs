//! Which items of the Sync Status list are selected for a bulk action: some rows, or everything
//! the list matches (all of it, however long, without loading it), less the rows unticked since.
//!
//! Owned by the Sync Status section, which provides it. Written by the row and header
//! checkboxes, "Select all N matching", "Clear selection" and Escape, and cleared by a bulk
//! action once it is done. A selection belongs to the list it was made on (integration, client
//! and filters; not the sort): once the list shown is another, nothing is selected. That is
//! derived when read, not cleared by an effect.

use leptos::prelude::*;
use sync_core::{ItemId, ItemQuery, ItemView, Sort};

/// What is selected on one list. Ids are kept in sorted vectors, not sets: a selection is
/// made by hand, a few rows at a time, and a vector costs far less download than a tree.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Picked {
    /// Nothing.
    #[default]
    Nothing,
    /// These rows, by id, as they were when ticked (their version is the one a bulk action
    /// expects).
    Rows(Vec<ItemView>),
    /// Every item the list matches, but these (by id).
    Matching {
        /// Rows unticked since.
        except: Vec<ItemId>,
    },
}

impl Picked {
    /// Whether the item is selected.
    pub fn has(&self, id: ItemId) -> bool {
        match self {
            Self::Nothing => false,
            Self::Rows(rows) => rows.binary_search_by_key(&id, |r| r.id).is_ok(),
            Self::Matching { except } => except.binary_search(&id).is_err(),
        }
    }

    /// How many items are selected, of the `total` the list matches.
    pub fn count(&self, total: u32) -> u32 {
        match self {
            Self::Nothing => 0,
            Self::Rows(rows) => rows.len() as u32,
            Self::Matching { except } => total.saturating_sub(except.len() as u32),
        }
    }

    /// The selection with each ticked row that is `shown` as it is shown now: what the user
    /// sees is what a bulk action expects (a row changed here since it was ticked, and shown
    /// again, is not "changed by someone else").
    pub fn as_shown(mut self, shown: &[ItemView]) -> Self {
        if let Self::Rows(rows) = &mut self {
            for row in rows.iter_mut() {
                if let Some(now) = shown.iter().find(|s| s.id == row.id) {
                    *row = now.clone();
                }
            }
        }
        self
    }

    /// Ticks (`on`) or unticks the rows.
    fn set(&mut self, rows: &[ItemView], on: bool) {
        if let Self::Matching { except } = self {
            for row in rows {
                // Ticked: not an exception any more; unticked: one.
                match (except.binary_search(&row.id), on) {
                    (Ok(at), true) => {
                        except.remove(at);
                    }
                    (Err(at), false) => except.insert(at, row.id),
                    _ => {}
                }
            }
            return;
        }
        let mut picked = match std::mem::take(self) {
            Self::Rows(picked) => picked,
            _ => Vec::new(),
        };
        for row in rows {
            match (picked.binary_search_by_key(&row.id, |r| r.id), on) {
                (Err(at), true) => picked.insert(at, row.clone()),
                (Ok(at), false) => {
                    picked.remove(at);
                }
                _ => {}
            }
        }
        if !picked.is_empty() {
            *self = Self::Rows(picked);
        }
    }
}

/// The list a selection was made on: the query without its sort, paging or page size.
fn list_of(query: &ItemQuery) -> ItemQuery {
    ItemQuery {
        sort: Sort::default(),
        offset: 0,
        limit: 0,
        ..query.clone()
    }
}

/// The selection of the Sync Status list.
#[derive(Clone, Copy)]
pub struct Selection {
    /// The list shown (read only).
    list: Memo<Option<ItemQuery>>,
    /// What was picked, and the list it was picked on.
    picked: RwSignal<Option<(ItemQuery, Picked)>>,
    /// What is selected on the list shown.
    current: Memo<Picked>,
}

impl Selection {
    /// Provides an empty selection of `list` to the components below.
    pub fn provide(list: Memo<Option<ItemQuery>>) -> Self {
        let picked = RwSignal::new(None::<(ItemQuery, Picked)>);
        let current = Memo::new(move |_| {
            let shown = list.with(|l| l.as_ref().map(list_of));
            picked.with(|p| match (p, shown) {
                (Some((on, picked)), Some(shown)) if *on == shown => picked.clone(),
                _ => Picked::Nothing,
            })
        });
        let selection = Self {
            list,
            picked,
            current,
        };
        provide_context(selection);
        selection
    }

    /// What is selected on the list shown (tracked).
    pub fn picked(&self) -> Memo<Picked> {
        self.current
    }

    /// The list the selection is on, if one is shown.
    pub fn list(&self) -> Option<ItemQuery> {
        self.list.get_untracked()
    }

    /// Ticks (`on`) or unticks the rows.
    pub fn set(&self, rows: &[ItemView], on: bool) {
        self.edit(|picked| picked.set(rows, on));
    }

    /// Selects every item the list matches.
    pub fn select_matching(&self) {
        self.edit(|picked| *picked = Picked::Matching { except: Vec::new() });
    }

    /// Selects nothing.
    pub fn clear(&self) {
        self.picked.set(None);
    }

    /// Changes what is selected on the list shown, starting from it.
    fn edit(&self, change: impl FnOnce(&mut Picked)) {
        let Some(list) = self.list.with_untracked(|l| l.as_ref().map(list_of)) else {
            return;
        };
        let mut picked = self.current.get_untracked();
        change(&mut picked);
        self.picked.set(Some((list, picked)));
    }
}

/// The selection provided by the Sync Status section.
pub fn use_selection() -> Selection {
    expect_context::<Selection>()
}

//! The page of the Sync Status list in view: fetched for the query and the rows in view,
//! reloaded after every change, with what to show while the next page loads.

use leptos::prelude::*;
use sync_core::{ItemPage, ItemQuery};

use crate::actions::screen::use_screen;
use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::sync_overview::sync_status::window::RowWindow;

/// The page on show and whether it is behind the query.
#[derive(Clone, Copy)]
pub struct ItemPageState {
    /// The request (none until an integration and client are shown).
    pub fetch: Fetch<Option<ItemQuery>, Option<ItemPage>>,
    /// The latest page loaded, shown while the next one loads.
    pub loaded: Memo<Option<ItemPage>>,
    /// Whether the page on show is not yet the one asked for.
    pub loading: Memo<bool>,
}

impl ItemPageState {
    /// The rows above and below the page, which empty space stands in for.
    pub fn rows_around(&self) -> (u32, u32) {
        self.loaded.with(|p| match p {
            Some(p) => (
                p.offset,
                p.total.saturating_sub(p.offset + p.items.len() as u32),
            ),
            None => (0, 0),
        })
    }
}

/// Loads the rows `window` of the list `list` asks for.
pub fn use_item_page(list: Memo<Option<ItemQuery>>, window: Memo<RowWindow>) -> ItemPageState {
    let api = use_api();
    let screen = use_screen();
    let query = Memo::new(move |_| {
        let window = window.get();
        list.get().map(|q| ItemQuery {
            offset: window.offset,
            limit: window.limit,
            ..q
        })
    });
    let fetch = Fetch::new(query, move |query| {
        screen.changes().track();
        let api = api.get();
        async move {
            match query {
                Some(query) => api.items(query).await.map(Some),
                None => Ok(None),
            }
        }
    });
    ItemPageState {
        fetch,
        loaded: Memo::new(move |_| fetch.latest().flatten()),
        loading: Memo::new(move |_| fetch.loading()),
    }
}

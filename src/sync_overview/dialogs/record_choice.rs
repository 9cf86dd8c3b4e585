//! The records a Re-match offers: the likeliest for the item, or those named like a search, and
//! the one chosen. Owned by the dialog; the fields read it and call its verbs.

use leptos::prelude::*;
use sync_core::{CandidateQuery, Candidates, ItemId, RecordId};

use crate::actions::screen::use_screen;
use crate::data::fetch::Fetch;
use crate::data::use_api;
use crate::ui::options::Choice;

/// The search, the candidates it found and the record chosen among them.
#[derive(Clone, Copy)]
pub struct RecordChoice {
    /// What the search field holds.
    find: RwSignal<String>,
    /// The candidates for the search, reloaded when it or the data changes.
    pub candidates: Fetch<CandidateQuery, Candidates>,
    /// What the user picked (none until they pick; a pick of nothing is `Some(None)`).
    picked: RwSignal<Option<Option<RecordId>>>,
    /// The record chosen: the pick while the search lists it, so what is chosen is always on
    /// show; until a pick, the likeliest record.
    choice: Memo<Option<RecordId>>,
}

impl RecordChoice {
    /// The candidates for `item`, the likeliest first.
    pub fn new(item: ItemId) -> Self {
        let api = use_api();
        let screen = use_screen();
        let find = RwSignal::new(String::new());
        let query = Memo::new(move |_| CandidateQuery {
            filter: find.get(),
            ..CandidateQuery::likeliest()
        });
        let candidates = Fetch::new(query, move |query| {
            let api = api.get();
            screen.changes().track();
            async move { api.candidates(item, query).await }
        });
        let picked = RwSignal::new(None::<Option<RecordId>>);
        let choice = Memo::new(move |_| {
            candidates.with_latest_answer(|found| {
                let found = match found {
                    Some(Ok(found)) => &found.candidates,
                    _ => return picked.get().flatten(),
                };
                match picked.get() {
                    None => found.first().map(|c| c.record.id),
                    Some(pick) => pick.filter(|pick| found.iter().any(|c| c.record.id == *pick)),
                }
            })
        });
        Self {
            find,
            candidates,
            picked,
            choice,
        }
    }

    /// The record chosen, if any (read tracked).
    pub fn chosen(&self) -> Option<RecordId> {
        self.choice.get()
    }

    /// The record chosen, if any, read once.
    pub fn chosen_now(&self) -> Option<RecordId> {
        self.choice.get_untracked()
    }

    /// Picks the option with this value (empty: none).
    pub fn pick(&self, value: &str) {
        self.picked.set(Some(value.parse().ok().map(RecordId)));
    }

    /// What the search field holds.
    pub fn search(&self) -> String {
        self.find.get()
    }

    /// Searches for records named like `text`.
    pub fn set_search(&self, text: String) {
        self.find.set(text);
    }

    /// Whether a search is typed (read tracked).
    pub fn searching(&self) -> bool {
        self.find.with(|f| !f.trim().is_empty())
    }

    /// The candidates as options, each with its score and reason.
    pub fn options(&self) -> Vec<Choice> {
        self.candidates.with_latest(|found| {
            let found = found.map(|c| c.candidates.as_slice()).unwrap_or_default();
            found
                .iter()
                .map(|c| {
                    let label = format!("{} — {}% match, {}", c.record.name, c.score, c.reason);
                    Choice::new(c.record.id, label)
                })
                .collect()
        })
    }

    /// The name of a listed record (empty when it is not listed).
    pub fn name_of(&self, record: RecordId) -> String {
        self.candidates.with_latest(|found| {
            let found = found.map(|c| c.candidates.as_slice()).unwrap_or_default();
            let listed = found.iter().find(|c| c.record.id == record);
            listed.map(|c| c.record.name.clone()).unwrap_or_default()
        })
    }

    /// Whether there is nothing to match to at all: no other record, and no search to blame.
    pub fn none_to_pick(&self) -> bool {
        matches!(self.candidates.latest_answer(), Some(Ok(found)) if found.total == 0)
            && !self.searching()
    }
}

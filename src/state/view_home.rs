//! Where the screen's [`View`] lives: the page's URL through leptos_router (standalone), or memory
//! (embedded: the host page owns its URL and history). Written only by
//! [`crate::state::view_state::ViewState`].

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::state::view::{View, KEYS};

type Navigate = Rc<dyn Fn(&str, NavigateOptions)>;

/// How long typing in Filter pauses before the URL is written: writing it on every keystroke
/// costs the browser a same-document navigation each time (a frame's worth at 100k items).
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// Where the view lives.
#[derive(Clone, Copy)]
pub enum ViewHome {
    /// The page's URL query, through the router (standalone).
    Url(UrlHome),
    /// Memory (embedded: the host page owns its URL and history).
    Memory(RwSignal<View>),
}

/// The view in the URL, and a filter being typed that is not there yet.
#[derive(Clone, Copy)]
pub struct UrlHome {
    navigate: StoredValue<Navigate, LocalStorage>,
    /// What the URL says.
    url: Memo<View>,
    /// The view with the filter being typed, over the URL's view it was typed on (it no longer
    /// applies once the URL moves on, e.g. by Back).
    draft: RwSignal<Option<(View, View)>>,
    /// Writes the draft when typing pauses.
    flush: StoredValue<Option<TimeoutHandle>>,
}

impl UrlHome {
    /// The URL's view, or the draft typed over it.
    fn view(&self) -> View {
        let url = self.url.get();
        self.draft.with(|draft| match draft {
            Some((base, typed)) if *base == url => typed.clone(),
            _ => url,
        })
    }

    /// Shows `view` at once and writes it when typing pauses.
    fn type_in(self, view: View) {
        let url = self.url.get_untracked();
        self.draft.set((view != url).then_some((url, view)));
        if let Some(pending) = self.flush.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(move || self.write_draft(), TYPING_PAUSE).ok();
        self.flush.set_value(handle);
    }

    fn write_draft(self) {
        if let Some((base, typed)) = self.draft.get_untracked() {
            if base == self.url.get_untracked() {
                self.write(typed, false);
            }
        }
        self.draft.set(None);
    }

    /// Writes `view` into the URL (a new history entry or in place). A draft still pending
    /// belongs to the entry it was typed on, so it is written there first.
    fn write(self, view: View, new_entry: bool) {
        if let Some(pending) = self.flush.get_value() {
            pending.clear();
        }
        if new_entry {
            if let Some((_, typed)) = self.draft.get_untracked() {
                self.navigate_to(&typed, false);
            }
        }
        self.draft.set(None);
        self.navigate_to(&view, new_entry);
    }

    fn navigate_to(self, view: &View, new_entry: bool) {
        if *view == self.url.get_untracked() {
            return;
        }
        let options = NavigateOptions {
            resolve: false,
            replace: !new_entry,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate
            .with_value(|navigate| navigate(&url_with(view), options));
    }
}

impl ViewHome {
    /// The page's URL (call inside a `<Router>`). A draft not yet written when the app goes
    /// away is dropped with it.
    pub fn in_url() -> Self {
        let query = use_query_map();
        let navigate: Navigate = Rc::new(use_navigate());
        let flush = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(pending) = flush.try_get_value().flatten() {
                pending.clear();
            }
        });
        Self::Url(UrlHome {
            navigate: StoredValue::new_local(navigate),
            url: Memo::new(move |_| query.with(|q| View::from_lookup(|key| q.get(key)))),
            draft: RwSignal::new(None),
            flush,
        })
    }

    /// Memory, starting at `initial`.
    pub fn in_memory(initial: View) -> Self {
        Self::Memory(RwSignal::new(initial))
    }

    /// The view as asked for (tracked).
    pub fn view(&self) -> View {
        match self {
            Self::Url(home) => home.view(),
            Self::Memory(memory) => memory.get(),
        }
    }

    /// Writes `view`: into the URL in a new history entry or over the current one; into memory.
    pub fn write(&self, view: View, new_entry: bool) {
        match self {
            Self::Url(home) => home.write(view, new_entry),
            Self::Memory(memory) => {
                if view != memory.get_untracked() {
                    memory.set(view);
                }
            }
        }
    }

    /// The URL that shows `view`, when the view lives in the URL.
    pub fn href(&self, view: &View) -> Option<String> {
        match self {
            Self::Url(_) => Some(url_with(view)),
            Self::Memory(_) => None,
        }
    }

    /// Writes `view` as typed: shown at once, and in the URL once typing pauses.
    pub fn type_in(&self, view: View) {
        match self {
            Self::Url(home) => home.type_in(view),
            Self::Memory(_) => self.write(view, false),
        }
    }
}

/// The page's URL with the view in its query (other keys, such as `backend`, kept).
fn url_with(view: &View) -> String {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search)
        .unwrap_or_else(|_| web_sys::UrlSearchParams::new().expect("URLSearchParams"));
    for key in KEYS {
        params.delete(key);
    }
    for (key, value) in view.to_pairs() {
        params.append(key, &value);
    }
    let query = String::from(params.to_string());
    format!(
        "{}{}{query}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        location.hash().unwrap_or_default()
    )
}

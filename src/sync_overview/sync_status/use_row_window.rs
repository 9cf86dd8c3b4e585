//! Which rows of the Sync Status list are in view: the list box's height (it fills the window
//! below its top) and its scroll position, turned into a [`RowWindow`] to fetch.

use leptos::html;
use leptos::prelude::*;
use sync_core::ItemQuery;

use crate::sync_overview::sync_status::window::{RowWindow, DEFAULT_ROW_HEIGHT};

/// The list box is never shorter than this many rows.
const MIN_VISIBLE_ROWS: f64 = 6.0;

/// Space kept below the list box, in pixels.
const BOTTOM_MARGIN: f64 = 32.0;

/// The list box and the rows in view.
#[derive(Clone, Copy)]
pub struct RowWindowState {
    /// The scrolling list box.
    pub scroller: NodeRef<html::Div>,
    /// Its height in pixels, once measured.
    pub box_height: Memo<Option<f64>>,
    /// The height of a row in pixels: the host's `--so-row-height`, or the default.
    pub row_height: Memo<f64>,
    /// The rows to fetch and render.
    pub window: Memo<RowWindow>,
    /// The scroll position and the list it belongs to (written by [`Self::on_scroll`] only).
    scrolled: RwSignal<(Option<ItemQuery>, f64)>,
    list: Memo<Option<ItemQuery>>,
}

impl RowWindowState {
    /// Records the list box's scroll position (its `scroll` event).
    pub fn on_scroll(&self) {
        if let Some(el) = self.scroller.get_untracked() {
            let top = f64::from(el.scroll_top());
            self.scrolled.set((self.list.get_untracked(), top));
        }
    }
}

/// Follows the list box of `list` (the query before paging): a new list starts at its top.
pub fn use_row_window(list: Memo<Option<ItemQuery>>) -> RowWindowState {
    let scroller = NodeRef::<html::Div>::new();
    let window_height = use_window_height();
    // Read from the styles once the box is in the page (a new list comes after it is) and
    // again on resize.
    let row_height = Memo::new(move |_| {
        window_height.track();
        list.track();
        scroller
            .get()
            .and_then(|el| window().get_computed_style(&el).ok().flatten())
            .and_then(|style| style.get_property_value("--so-row-height").ok())
            .and_then(|css| RowWindow::row_height(&css))
            .unwrap_or(DEFAULT_ROW_HEIGHT)
    });
    let box_height = Memo::new(move |_| {
        let window_height = window_height.get();
        let el = scroller.get()?;
        let top = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        Some((window_height - top - BOTTOM_MARGIN).max(MIN_VISIBLE_ROWS * row_height.get()))
    });
    let scrolled = RwSignal::new((None, 0.0));
    // A scroll position belongs to the list it was read on; another list starts at its top.
    let scroll_top = Memo::new(move |_| {
        let list = list.get();
        scrolled.with(|(on, top)| if *on == list { *top } else { 0.0 })
    });
    // Scrolls the box back to the top for a new list (not when it is there: setting the
    // position forces a layout).
    Effect::new(move |previous: Option<()>| {
        list.track();
        let at_top = scrolled.with_untracked(|(_, top)| *top == 0.0);
        if previous.is_some() && !at_top {
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top(0);
            }
        }
    });
    let window = Memo::new(move |_| {
        let row_height = row_height.get();
        let height = box_height.get().unwrap_or(row_height * 12.0);
        RowWindow::at(scroll_top.get(), height, row_height)
    });
    RowWindowState {
        scroller,
        box_height,
        row_height,
        window,
        scrolled,
        list,
    }
}

/// The window's inner height in pixels, following resizes.
fn use_window_height() -> ReadSignal<f64> {
    let read = || {
        window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(768.0)
    };
    let (height, set_height) = signal(read());
    let resize = window_event_listener(leptos::ev::resize, move |_| set_height.set(read()));
    on_cleanup(move || resize.remove());
    height
}

//! Whether an element shows inside the visible part of the scrolling box that holds it.

/// Whether `element` is at least partly inside the visible part of its closest ancestor matching
/// `scroller` (a CSS selector); true when it has none.
pub fn in_view(element: &web_sys::Element, scroller: &str) -> bool {
    let rect = element.get_bounding_client_rect();
    match element.closest(scroller).ok().flatten() {
        Some(list) => {
            let bounds = list.get_bounding_client_rect();
            rect.bottom() > bounds.top() && rect.top() < bounds.bottom()
        }
        None => true,
    }
}

//! Which rows of a long list to fetch and show for a scroll position: only the rows in view,
//! plus some either side, in steps so that scrolling asks again only every few rows.

/// The height of one Sync Status row, in CSS pixels, unless the host sets `--so-row-height`.
pub const DEFAULT_ROW_HEIGHT: f64 = 48.0;

/// The row heights a host may choose through `--so-row-height`: roomier lists (touch screens,
/// large text). The default is the densest that fits a row's two lines.
pub const ROW_HEIGHTS: std::ops::RangeInclusive<f64> = DEFAULT_ROW_HEIGHT..=96.0;

/// Rows fetched beyond each edge of the view; also the step the window moves in.
pub const OVERSCAN: u32 = 10;

/// A slice of the list: the first row and how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowWindow {
    /// The first row fetched.
    pub offset: u32,
    /// How many rows are fetched.
    pub limit: u32,
}

impl RowWindow {
    /// The window for a list of rows `row_height` tall, scrolled to `scroll_top` in a view
    /// `view_height` tall (pixels).
    /// The offset moves in steps of [`OVERSCAN`] rows and the limit in steps of the view's
    /// height, so the window changes only every [`OVERSCAN`] rows scrolled.
    pub fn at(scroll_top: f64, view_height: f64, row_height: f64) -> Self {
        let first = (scroll_top.max(0.0) / row_height) as u32;
        let visible = (view_height.max(row_height) / row_height).ceil() as u32;
        let visible = visible.div_ceil(OVERSCAN) * OVERSCAN;
        Self {
            offset: first.saturating_sub(OVERSCAN) / OVERSCAN * OVERSCAN,
            limit: visible + 3 * OVERSCAN,
        }
    }

    /// The height (pixels) standing in for the `rows` rows, `row_height` tall, not rendered.
    pub fn gap(rows: u32, row_height: f64) -> f64 {
        f64::from(rows) * row_height
    }

    /// The row height a host set as `--so-row-height` (whole pixels: `"60px"`), if it is one it
    /// may choose.
    pub fn row_height(css: &str) -> Option<f64> {
        let px: u8 = css.trim().strip_suffix("px")?.trim().parse().ok()?;
        let px = f64::from(px);
        ROW_HEIGHTS.contains(&px).then_some(px)
    }
}

#[cfg(test)]
mod tests {
    use super::{RowWindow, DEFAULT_ROW_HEIGHT as ROW_HEIGHT, OVERSCAN};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn covers_the_view_with_rows_to_spare_either_side() {
        for scroll_row in [0u32, 1, 9, 10, 11, 19, 20, 57, 1_000, 99_990] {
            for view_rows in [1u32, 5, 11, 24, 40] {
                let w = RowWindow::at(
                    f64::from(scroll_row) * ROW_HEIGHT + 3.0,
                    f64::from(view_rows) * ROW_HEIGHT,
                    ROW_HEIGHT,
                );
                let last_visible = scroll_row + view_rows;
                assert!(w.offset <= scroll_row.saturating_sub(OVERSCAN));
                assert!(
                    w.offset + w.limit >= last_visible + OVERSCAN,
                    "{scroll_row} {view_rows}: {w:?}"
                );
                assert_eq!(w.offset % OVERSCAN, 0);
            }
        }
    }

    #[wasm_bindgen_test]
    fn moves_only_every_few_rows() {
        let view = 11.0 * ROW_HEIGHT;
        let windows: Vec<RowWindow> = (0..100)
            .map(|px| RowWindow::at(f64::from(px) * ROW_HEIGHT / 4.0, view, ROW_HEIGHT))
            .collect();
        let mut changes = windows.windows(2).filter(|w| w[0] != w[1]).count();
        changes += 1;
        assert!(changes <= 3, "{changes} windows over 25 rows");
        assert_eq!(RowWindow::at(-50.0, view, ROW_HEIGHT).offset, 0);
    }

    #[wasm_bindgen_test]
    fn roomier_rows_fetch_fewer_of_them_for_the_same_view() {
        let dense = RowWindow::at(0.0, 960.0, 48.0);
        let roomy = RowWindow::at(0.0, 960.0, 96.0);
        assert!(roomy.limit < dense.limit);
        assert_eq!(RowWindow::gap(10, 64.0), 640.0);
    }

    #[wasm_bindgen_test]
    fn reads_only_row_heights_a_host_may_choose() {
        assert_eq!(RowWindow::row_height(" 60px"), Some(60.0));
        assert_eq!(RowWindow::row_height("60"), None);
        assert_eq!(RowWindow::row_height("36px"), None);
        assert_eq!(RowWindow::row_height(""), None);
    }
}

//! The Sync Status list's hooks, one job each, one file each.

pub mod use_bulk_run;
pub mod use_item_page;
pub mod use_review;
pub mod use_row_window;

//! The Sync Overview screen, by part: the page, the tiles, the Sync Status list, the row and bulk
//! dialogs, the review of suggestions, the Sync Logs and Exclusion Rules windows, the Export CSV button they share, the way to an item's source
//! record, and the demo controls.

pub mod demo;
pub mod dialogs;
pub mod export_button;
pub mod landmark;
pub mod logs;
pub mod page;
pub mod review;
pub mod rules;
pub mod source_record;
pub mod sync_status;
pub mod tiles;
pub mod undo_button;

//! The screen's parts, one file each, named with the seed's words.

pub mod action_dialog;
pub mod client_select;
pub mod exclude_record;
pub mod export_csv;
pub mod integration_tile;
pub mod landmark;
pub mod load_error;
pub mod modal;
pub mod preparing_demo_data;
pub mod rematch_record;
pub mod reset_demo_data;
pub mod resources_status;
pub mod row_dialog_host;
pub mod row_menu;
pub mod sort_header;
pub mod status_badge;
pub mod sync_logs;
pub mod sync_overview;
pub mod sync_status;
pub mod sync_status_filters;
pub mod sync_status_row;
pub mod sync_status_table;
pub mod total_synced_resources;
pub mod undo_button;

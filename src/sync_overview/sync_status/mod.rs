//! The Client drop-down and the Sync Status list: filters, the table and its rows, the row menus,
//! the selection bar, and the hooks that page and window it.

pub mod client_select;
pub mod export_csv;
pub mod filters;
pub mod include_record;
pub mod left_alone;
pub mod menu_list;
pub mod menu_placement;
pub mod row;
pub mod row_dialog_host;
pub mod row_menu;
pub mod section;
pub mod select_loaded;
pub mod selection_bar;
pub mod sort_header;
pub mod table;
pub mod twin_link;
pub mod use_item_page;
pub mod use_row_window;
pub mod window;

/// The name of the section heading's id (it takes focus when the row acted on is gone).
pub const TITLE: &str = "sync-status-title";

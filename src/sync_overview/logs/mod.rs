//! The Sync Logs window: the date range and its entries, and the table they show in.

pub mod log_table;
pub mod sync_logs;

//! The Sync Logs window: its filters, its entries and the table they show in, and their export.

pub mod log_export;
pub mod log_filters;
pub mod log_table;
pub mod sync_logs;

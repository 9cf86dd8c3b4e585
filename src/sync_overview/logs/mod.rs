//! The Sync Logs window.

pub mod sync_logs;

//! Generic widgets and helpers, nothing Sync Overview-specific: a modal, a status badge, a load
//! error with Try again, drop-down options, reactive views, element ids, formatting, CSV lines
//! and file downloads.

pub mod csv;
pub mod download;
pub mod focus;
pub mod format;
pub mod ids;
pub mod in_view;
pub mod load_error;
pub mod modal;
pub mod options;
pub mod reactive;
pub mod status_badge;

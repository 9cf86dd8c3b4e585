//! What writes: the one write path (idempotency key, version, stale reload, message, naming the
//! change a stale write ran into), bulk
//! actions on the selection and their run, exclusion rules, undo, and the CSV exports of the list and of the Sync Logs.

pub mod bulk;
pub mod export;
pub mod export_logs;
pub mod history_words;
pub mod rules;
pub mod screen;
pub mod undo;
pub mod undo_offer;
pub mod use_bulk_run;
pub mod write;

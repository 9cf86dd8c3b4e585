//! What writes: the one write path (idempotency key, version, stale reload, message), bulk
//! actions on the selection and their run, exclusion rules, undo, and the CSV export of the list.

pub mod bulk;
pub mod export;
pub mod rules;
pub mod screen;
pub mod undo;
pub mod undo_offer;
pub mod use_bulk_run;
pub mod write;

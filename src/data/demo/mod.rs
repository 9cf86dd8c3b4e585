//! The in-browser mock store (the default backend): sync-core's demo data in the page, the user's
//! changes in an IndexedDB journal, and word between tabs that share it.

mod controls;
mod journal;
mod legacy;
pub mod mock;
mod replica;
mod tabs;

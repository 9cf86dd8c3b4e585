//! Sync Overview: the screen where an MSP technician reviews and fixes what a PSA or RMM
//! integration synced into the documentation portal.

pub mod actions;
pub mod app;
pub mod data;
pub mod state;
pub mod sync_overview;
pub mod ui;

//! Sync Overview: the screen where an MSP technician reviews and fixes what a PSA or RMM
//! integration synced into the documentation portal.

pub mod app;
pub mod backend;
pub mod bulk;
pub mod components;
pub mod config;
pub mod counts;
pub mod embed;
pub mod export;
pub mod fetch;
pub mod format;
pub mod hooks;
pub mod ids;
pub mod row_actions;
pub mod screen;
pub mod selection;
pub mod undo;
pub mod view;
pub mod view_home;
pub mod view_state;
pub mod window;
pub mod write;

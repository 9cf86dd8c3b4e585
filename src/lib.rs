//! Sync Overview: the screen where an MSP technician reviews and fixes what a PSA or RMM
//! integration synced into the documentation portal.

pub mod app;
pub mod backend;
pub mod components;
pub mod config;
pub mod format;
pub mod place;
pub mod screen;
pub mod window;

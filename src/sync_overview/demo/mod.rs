//! The mock store's screens and controls: building the demo data, making a sync run of it,
//! resetting it.

pub mod preparing_demo_data;
pub mod reset_demo_data;
pub mod run_sync_now;

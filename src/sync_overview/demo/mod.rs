//! The mock store's screens and controls: building the demo data, resetting it.

pub mod preparing_demo_data;
pub mod reset_demo_data;

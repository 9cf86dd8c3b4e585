//! The tiles above the list: the integration tile and the global tiles (all clients).

pub mod counts;
pub mod integration_tile;
pub mod resources_status;
pub mod total_synced_resources;

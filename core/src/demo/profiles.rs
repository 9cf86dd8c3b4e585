//! The demo's integrations: each one's product, size, clients, mix of statuses and sync times.

use crate::model::{Product, ResourceType};

/// How one demo integration looks.
pub(super) struct Profile {
    pub(super) product: Product,
    /// Its items, as a share of the base size (besides a large client).
    pub(super) share: f64,
    /// Whether its first client holds `DemoConfig::size` items (a large MSP client).
    pub(super) large: bool,
    pub(super) clients: usize,
    /// Chance of Matched, Not Synced (the rest is Excluded).
    pub(super) mix: (f64, f64),
    /// Minutes since its last successful sync.
    pub(super) synced_ago: i64,
    /// Hours between sync runs.
    pub(super) every: i64,
}

pub(super) const PROFILES: [Profile; 6] = [
    Profile {
        product: Product::ConnectWiseManage,
        share: 1.0,
        large: false,
        clients: 14,
        mix: (0.80, 0.15),
        synced_ago: 118,
        every: 4,
    },
    Profile {
        product: Product::Autotask,
        share: 0.7,
        large: false,
        clients: 12,
        mix: (0.62, 0.28),
        synced_ago: 35,
        every: 2,
    },
    Profile {
        product: Product::HaloPsa,
        share: 0.45,
        large: false,
        clients: 10,
        mix: (0.50, 0.38),
        synced_ago: 3 * 24 * 60 + 40,
        every: 6,
    },
    Profile {
        product: Product::NCentral,
        share: 0.9,
        large: true,
        clients: 16,
        mix: (0.86, 0.09),
        synced_ago: 12,
        every: 1,
    },
    Profile {
        product: Product::NinjaOne,
        share: 0.6,
        large: false,
        clients: 11,
        mix: (0.70, 0.20),
        synced_ago: 52,
        every: 2,
    },
    Profile {
        product: Product::DattoRmm,
        share: 0.35,
        large: false,
        clients: 10,
        mix: (0.58, 0.30),
        synced_ago: 5 * 60 + 7,
        every: 3,
    },
];

/// How often each resource type occurs (Organization is one per client).
pub(super) fn type_weight(resource_type: ResourceType) -> u32 {
    match resource_type {
        ResourceType::Organization => 0,
        ResourceType::Location => 2,
        ResourceType::Contact => 10,
        ResourceType::Configuration => 8,
        ResourceType::Device => 16,
        ResourceType::Asset => 5,
        ResourceType::Agreement => 2,
    }
}

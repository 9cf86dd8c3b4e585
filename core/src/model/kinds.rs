//! The closed sets of the domain: products and their kind, resource types, sync statuses and
//! log levels, each with the words a technician reads and the slugs the API uses.

use serde::{Deserialize, Serialize};

/// Whether an integrated product is a PSA or an RMM.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IntegrationKind {
    /// Professional services automation (tickets, contacts, agreements).
    Psa,
    /// Remote monitoring and management (devices and their sites).
    Rmm,
}

impl IntegrationKind {
    /// The short name a technician reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Psa => "PSA",
            Self::Rmm => "RMM",
        }
    }
}

/// A PSA or RMM product the portal integrates with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Product {
    /// ConnectWise Manage (PSA).
    ConnectWiseManage,
    /// Autotask (PSA).
    Autotask,
    /// HaloPSA (PSA).
    HaloPsa,
    /// N-central (RMM).
    NCentral,
    /// NinjaOne (RMM).
    NinjaOne,
    /// Datto RMM (RMM).
    DattoRmm,
}

impl Product {
    /// Every supported product.
    pub const ALL: [Product; 6] = [
        Self::ConnectWiseManage,
        Self::Autotask,
        Self::HaloPsa,
        Self::NCentral,
        Self::NinjaOne,
        Self::DattoRmm,
    ];

    /// The product's own name.
    pub fn label(self) -> &'static str {
        match self {
            Self::ConnectWiseManage => "ConnectWise Manage",
            Self::Autotask => "Autotask",
            Self::HaloPsa => "HaloPSA",
            Self::NCentral => "N-central",
            Self::NinjaOne => "NinjaOne",
            Self::DattoRmm => "Datto RMM",
        }
    }

    /// PSA or RMM.
    pub fn kind(self) -> IntegrationKind {
        match self {
            Self::ConnectWiseManage | Self::Autotask | Self::HaloPsa => IntegrationKind::Psa,
            Self::NCentral | Self::NinjaOne | Self::DattoRmm => IntegrationKind::Rmm,
        }
    }

    /// The resource types this product syncs, in the order a technician expects them.
    pub fn resource_types(self) -> &'static [ResourceType] {
        use ResourceType::*;
        match self {
            Self::ConnectWiseManage => &[Organization, Location, Contact, Configuration, Agreement],
            Self::Autotask => &[Organization, Location, Contact, Configuration, Agreement],
            Self::HaloPsa => &[Organization, Location, Contact, Asset, Agreement],
            Self::NCentral => &[Organization, Location, Device],
            Self::NinjaOne => &[Organization, Location, Device, Asset],
            Self::DattoRmm => &[Organization, Device],
        }
    }
}

/// The kind of resource a synced item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceType {
    /// A client organization.
    Organization,
    /// A site or office of a client.
    Location,
    /// A person at a client.
    Contact,
    /// A PSA configuration item.
    Configuration,
    /// A managed device from an RMM.
    Device,
    /// A hardware or software asset.
    Asset,
    /// A service agreement or contract.
    Agreement,
}

impl ResourceType {
    /// Every resource type, in display order.
    pub const ALL: [ResourceType; 7] = [
        Self::Organization,
        Self::Location,
        Self::Contact,
        Self::Configuration,
        Self::Device,
        Self::Asset,
        Self::Agreement,
    ];

    /// The name a technician reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Organization => "Organization",
            Self::Location => "Location",
            Self::Contact => "Contact",
            Self::Configuration => "Configuration",
            Self::Device => "Device",
            Self::Asset => "Asset",
            Self::Agreement => "Agreement",
        }
    }

    /// A stable machine name (used in URLs and JSON).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Location => "location",
            Self::Contact => "contact",
            Self::Configuration => "configuration",
            Self::Device => "device",
            Self::Asset => "asset",
            Self::Agreement => "agreement",
        }
    }

    /// The resource type with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// Where a synced item stands against the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SyncStatus {
    /// Linked to a portal record.
    Matched,
    /// Not linked to any portal record.
    NotSynced,
    /// Left out of the sync by a user.
    Excluded,
}

impl SyncStatus {
    /// Every status, in the order the Resources Status tile lists them.
    pub const ALL: [SyncStatus; 3] = [Self::Matched, Self::NotSynced, Self::Excluded];

    /// The seed's word for this status.
    pub fn label(self) -> &'static str {
        match self {
            Self::Matched => "Matched",
            Self::NotSynced => "Not Synced",
            Self::Excluded => "Excluded",
        }
    }

    /// A stable machine name (used in URLs and JSON).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Matched => "matched",
            Self::NotSynced => "not-synced",
            Self::Excluded => "excluded",
        }
    }

    /// The status with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// How serious a sync log entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogLevel {
    /// Normal progress.
    Info,
    /// Something was skipped or retried.
    Warning,
    /// Something failed.
    Error,
}

impl LogLevel {
    /// Every level, least serious first.
    pub const ALL: [LogLevel; 3] = [Self::Info, Self::Warning, Self::Error];

    /// Its word in a URL or a query string (as its JSON tag).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    /// The level a slug names.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.slug() == slug)
    }

    /// The word a technician reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Info => "Info",
            Self::Warning => "Warning",
            Self::Error => "Error",
        }
    }
}

//! The entities' ids: each is its entity's position in its store table.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The position of this entity in its store table.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies an integration.
    IntegrationId
);
id_type!(
    /// Identifies a client (a customer of the MSP) in the portal.
    ClientId
);
id_type!(
    /// Identifies an item synced from an integration.
    ItemId
);
id_type!(
    /// Identifies a record in the documentation portal.
    RecordId
);
id_type!(
    /// Identifies an exclusion rule.
    RuleId
);

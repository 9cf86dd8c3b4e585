//! How far a long build (the demo data) has got: kept apart from the generator so that a build
//! without it can still name the type.

/// How far a demo build has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Synced items made so far.
    pub done: usize,
    /// Synced items to make in all.
    pub total: usize,
}

//! The data as this process holds it: the replica of the database that answers reads, and the
//! one write path that works a change out on it and commits it to the database.

pub mod hostile;
pub mod replica;
pub mod write;

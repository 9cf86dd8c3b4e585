//! The request's edge: what every request passes through before and after its handler (layers,
//! limits, cross-origin rules), the extractors that turn a request into plain values, and the
//! problem document every refusal is answered with; and the built app's files, when the server
//! serves them too.

pub mod actor;
pub mod app_files;
pub mod cors;
pub mod extract;
pub mod layers;
pub mod limits;
pub mod problem;

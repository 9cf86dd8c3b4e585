//! Review suggestions: the button, the window and its state.

pub mod review_button;
pub mod review_suggestions;
pub mod use_review;

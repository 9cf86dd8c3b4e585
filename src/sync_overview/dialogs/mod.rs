//! The dialogs that act on items: Re-match Record, Exclude Record (sharing their parts), an
//! item's History, and the confirmation of a bulk action.

pub mod action_dialog;
pub mod bulk_dialog;
pub mod exclude_record;
pub mod item_history;
pub mod record_choice;
pub mod record_fields;
pub mod rematch_record;

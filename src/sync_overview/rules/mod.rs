//! The Exclusion Rules window: the integration's rules in force, each with Delete, and a new
//! rule with a live preview of the items it would exclude.

pub mod exclusion_rules;
pub mod new_rule;
pub mod rule_list;
pub mod rule_preview;

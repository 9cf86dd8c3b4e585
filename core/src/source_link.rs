//! The way from an item to its record in the source product ("Open in ConnectWise Manage"): the
//! address a sync run gave the item, else its integration's template with the item's source id
//! put in. Only `http` and `https` addresses are ever opened; anything else (a `javascript:` or
//! `data:` address, a relative path) is refused.

use crate::query::ItemView;

/// Where an item's source record is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceLink {
    /// A web address to open.
    Web(String),
    /// An address that is not `http` or `https`: never opened.
    Refused(String),
}

/// What a template's `{source_id}` stands for.
const SOURCE_ID: &str = "{source_id}";

/// The item's link: its own address (a sync run's) wins over `template` (its integration's,
/// where `{source_id}` is replaced by the item's source id, percent-encoded). None without
/// either.
pub fn source_link(item: &ItemView, template: Option<&str>) -> Option<SourceLink> {
    let url = match (&item.source_url, template) {
        (Some(own), _) => own.trim().to_owned(),
        (None, Some(template)) => filled(template, &item.source_id),
        (None, None) => return None,
    };
    Some(if is_web(&url) {
        SourceLink::Web(url)
    } else {
        SourceLink::Refused(url)
    })
}

/// `template` with its `{source_id}` replaced by `source_id`, percent-encoded.
pub fn filled(template: &str, source_id: &str) -> String {
    template
        .trim()
        .replace(SOURCE_ID, &percent_encoded(source_id))
}

/// Whether `url` is an absolute `http` or `https` address with a host (scheme case aside; any
/// character a browser would strip or read as a scheme's end makes it fail).
fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with(['/', '\\'])
            && !url.chars().any(|c| c.is_control() || c.is_whitespace())
    })
}

/// `text` with every byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
fn percent_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The template of the integration named `id` or `name` (case aside) among `templates`, pairs
/// of an integration's id or name and its template.
pub fn template_for<'a>(templates: &'a [(String, String)], id: u32, name: &str) -> Option<&'a str> {
    let id = id.to_string();
    templates
        .iter()
        .find(|(key, _)| *key == id || key.eq_ignore_ascii_case(name))
        .map(|(_, template)| template.as_str())
}

/// Templates written as `<integration id or name>=<template>` parts, separated by `;` or new
/// lines; the parts that are not are left out.
pub fn parse_templates(text: &str) -> Vec<(String, String)> {
    text.split(['\n', ';'])
        .filter_map(|part| {
            let (key, template) = part.split_once('=')?;
            let (key, template) = (key.trim(), template.trim());
            (!key.is_empty() && !template.is_empty()).then(|| (key.to_owned(), template.to_owned()))
        })
        .collect()
}

//! "Open in <product>": the way from an item to its record in the source product, in its row
//! menu and in the Re-match Record dialog. Only `http` and `https` addresses are opened, in a
//! new tab without access to this page (`noopener`); any other address is refused, with a
//! message and a console warning naming it.

use leptos::prelude::*;
use sync_core::{source_link, template_for, Integration, ItemView, SourceLink};

use crate::actions::screen::Screen;
use crate::state::config::Config;

/// The item's source record: "Open in <product>" and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRecord {
    /// "Open in ConnectWise Manage".
    pub label: String,
    /// Its address, opened or refused.
    pub link: SourceLink,
}

/// The item's source record: its own address (a sync run's or the server's), else the app's
/// template for its integration; none without either.
pub fn source_record(
    item: &ItemView,
    integration: &Integration,
    config: &Config,
) -> Option<SourceRecord> {
    let template = template_for(&config.source_urls, integration.id.0, &integration.name);
    Some(SourceRecord {
        label: format!("Open in {}", integration.product.label()),
        link: source_link(item, template)?,
    })
}

/// Says that `url`, the address of `name`'s source record, is not opened, and warns in the
/// console with the address.
pub fn refuse(screen: Screen, name: &str, url: &str) {
    web_sys::console::warn_1(
        &format!(
            "Sync Overview refused to open a source record address that is not http(s): {url:?}"
        )
        .into(),
    );
    screen.failed(format!(
        "The source record of {name} was not opened: its address is not a web address (http or https)."
    ));
}

/// The link to the item's source record, as the Re-match Record dialog shows it.
#[component]
pub fn SourceRecordLink(
    /// The source record.
    record: SourceRecord,
    /// The item's name.
    name: String,
    /// Where a refusal is said.
    screen: Screen,
) -> impl IntoView {
    match record.link {
        SourceLink::Web(url) => view! {
            <a class="source-link" href=url target="_blank" rel="noopener noreferrer">
                {record.label}
            </a>
        }
        .into_any(),
        SourceLink::Refused(url) => view! {
            <button type="button" class="link-button source-link" on:click=move |_| refuse(screen, &name, &url)>
                {record.label}
            </button>
        }
        .into_any(),
    }
}

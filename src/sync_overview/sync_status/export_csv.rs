//! The Export CSV button of the Sync Status list: downloads every item the view matches (not
//! only the rows in view) as a CSV file.

use std::rc::Rc;

use leptos::prelude::*;
use sync_core::ItemQuery;

use crate::actions::export;
use crate::data::use_api;
use crate::sync_overview::export_button::{Export, ExportButton, Exported, Progress};
use crate::ui::download::dated_file_name;
use crate::ui::format::items;

/// The button over `list`, the list as the view asks for it before paging (nothing to export
/// without one).
#[component]
pub fn ExportCsv(list: Memo<Option<ItemQuery>>) -> impl IntoView {
    let api = use_api();
    let export = Signal::derive_local(move || {
        let query = list.get()?;
        let export: Export = Rc::new(move |progress: Progress| {
            let (backend, query) = (api.get(), query.clone());
            Box::pin(async move {
                let exported = export::all_items(&*backend, &query, &*progress)
                    .await
                    .map_err(|error| format!("Could not export the list: {error}"))?;
                let name = dated_file_name("sync-status");
                Ok(Exported {
                    text: export::csv(&exported),
                    saved: format!("Exported {} to {name}.", items(exported.len() as u32)),
                    name,
                })
            })
        });
        Some(export)
    });
    view! { <ExportButton export class="export-csv" /> }
}

//! The Sync Logs window's Export CSV button: downloads every entry its filters match.

use std::rc::Rc;

use leptos::prelude::*;
use sync_core::LogQuery;

use crate::actions::export_logs;
use crate::data::use_api;
use crate::sync_overview::export_button::{Export, ExportButton, Exported, Progress};
use crate::ui::download::dated_file_name;
use crate::ui::format::grouped;

/// The button over `query`, the window's (nothing to export while its range is wrong).
#[component]
pub fn LogExport(query: Memo<Result<LogQuery, &'static str>>) -> impl IntoView {
    let api = use_api();
    let export = Signal::derive_local(move || {
        let query = query.get().ok()?;
        let export: Export = Rc::new(move |progress: Progress| {
            let (backend, query) = (api.get(), query.clone());
            Box::pin(async move {
                let page = export_logs::all_entries(&*backend, &query, &*progress)
                    .await
                    .map_err(|error| format!("Could not export the logs: {error}"))?;
                let name = dated_file_name("sync-logs");
                let n = page.entries.len() as u32;
                Ok(Exported {
                    text: export_logs::csv(&page.entries, &page.items),
                    saved: format!(
                        "Exported {} log {} to {name}.",
                        grouped(n),
                        if n == 1 { "entry" } else { "entries" }
                    ),
                    name,
                })
            })
        });
        Some(export)
    });
    view! { <ExportButton export /> }
}

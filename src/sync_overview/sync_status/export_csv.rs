//! The Export CSV button of the Sync Status list: downloads every item the view matches (not
//! only the rows in view) as a CSV file.

use leptos::html;
use leptos::prelude::*;
use sync_core::ItemQuery;
use wasm_bindgen::JsValue;

use crate::actions::export;
use crate::actions::screen::use_screen;
use crate::data::use_api;
use crate::ui::format::{grouped, items};

/// The button, and the hidden link the file is downloaded through (inside the app's element).
#[component]
pub fn ExportCsv(
    /// The list as the view asks for it, before paging; nothing to export without one.
    list: Memo<Option<ItemQuery>>,
) -> impl IntoView {
    let api = use_api();
    let screen = use_screen();
    // While exporting: how many items of how many are fetched.
    let progress = RwSignal::new(None::<(u32, u32)>);
    let link = NodeRef::<html::A>::new();
    let start = move |_| {
        let Some(query) = list.get_untracked() else {
            return;
        };
        if progress.get_untracked().is_some() {
            return;
        }
        progress.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            let backend = api.get();
            let fetched = export::all_items(&*backend, &query, &|done, total| {
                progress.try_set(Some((done, total)));
            })
            .await;
            progress.try_set(None);
            match fetched {
                Ok(exported) => {
                    let name = file_name();
                    match download(link, &name, &export::csv(&exported)) {
                        Ok(()) => screen.announce(format!(
                            "Exported {} to {name}.",
                            items(exported.len() as u32)
                        )),
                        Err(()) => screen.failed("Could not save the CSV file.".to_owned()),
                    }
                }
                Err(error) => screen.failed(format!("Could not export the list: {error}")),
            }
        });
    };
    let label = move || match progress.get() {
        None => "Export CSV".to_owned(),
        Some((_, 0)) => "Exporting…".to_owned(),
        Some((done, total)) => format!("Exporting… {} of {}", grouped(done), grouped(total)),
    };
    view! {
        <button
            type="button"
            class="button export-csv"
            aria-busy=move || progress.with(Option::is_some).to_string()
            on:click=start
        >
            {label}
        </button>
        <a node_ref=link class="visually-hidden" tabindex="-1" aria-hidden="true"></a>
    }
}

/// `sync-status-YYYY-MM-DD.csv`, today in the user's time zone.
fn file_name() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "sync-status-{:04}-{:02}-{:02}.csv",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Saves `text` as the file `name` through the link: a UTF-8 CSV with a byte order mark, so
/// spreadsheets read its accents right.
fn download(link: NodeRef<html::A>, name: &str, text: &str) -> Result<(), ()> {
    let link = link.get_untracked().ok_or(())?;
    let parts = js_sys::Array::of2(&JsValue::from_str("\u{feff}"), &JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own reference to the file by the time the click returns.
    let _ = web_sys::Url::revoke_object_url(&url);
    link.remove_attribute("href").map_err(|_| ())
}

//! Saving text the app made as a file the user downloads, through a hidden link inside the
//! app's element.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// `PREFIX-YYYY-MM-DD.csv`, today in the user's time zone.
pub fn dated_file_name(prefix: &str) -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{prefix}-{:04}-{:02}-{:02}.csv",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Saves `text` as the file `name` through the link: a UTF-8 CSV with a byte order mark, so
/// spreadsheets read its accents right. Says whether the browser took it.
pub fn download(link: NodeRef<html::A>, name: &str, text: &str) -> bool {
    save(link, name, text).is_some()
}

fn save(link: NodeRef<html::A>, name: &str, text: &str) -> Option<()> {
    let link = link.get_untracked()?;
    let parts = js_sys::Array::of2(&JsValue::from_str("\u{feff}"), &JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own reference to the file by the time the click returns.
    let _ = web_sys::Url::revoke_object_url(&url);
    link.remove_attribute("href").ok()
}

//! An Export CSV button: runs an export, says how far it got while it runs, downloads the file
//! it makes through a hidden link inside the app's element, and says what it saved or why not.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

use crate::actions::screen::use_screen;
use crate::ui::download::download;
use crate::ui::format::grouped;

/// A finished export: the file's name, its text, and the sentence that says it was saved.
pub struct Exported {
    /// The file's name.
    pub name: String,
    /// Its CSV text.
    pub text: String,
    /// What the screen says once it is saved.
    pub saved: String,
}

/// Hears how many rows of how many an export has fetched.
pub type Progress = Rc<dyn Fn(u32, u32)>;

/// An export, started with its progress reporter: the file, or why it could not be made.
pub type Export = Rc<dyn Fn(Progress) -> Pin<Box<dyn Future<Output = Result<Exported, String>>>>>;

/// The button; `export` makes the file (none while there is nothing to export).
#[component]
pub fn ExportButton(
    /// Makes the file, when there is something to export.
    #[prop(into)]
    export: Signal<Option<Export>, LocalStorage>,
    /// Extra CSS class.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let screen = use_screen();
    let progress = RwSignal::new(None::<(u32, u32)>);
    let link = NodeRef::<html::A>::new();
    let start = move |_| {
        let Some(export) = export.get_untracked() else {
            return;
        };
        if progress.get_untracked().is_some() {
            return;
        }
        progress.set(Some((0, 0)));
        let heard: Progress = Rc::new(move |done, total| {
            progress.try_set(Some((done, total)));
        });
        leptos::task::spawn_local(async move {
            let made = export(heard).await;
            progress.try_set(None);
            match made {
                Ok(file) if download(link, &file.name, &file.text) => screen.announce(file.saved),
                Ok(_) => screen.failed("Could not save the CSV file.".to_owned()),
                Err(why) => screen.failed(why),
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
            class=format!("button {class}")
            aria-busy=move || progress.with(Option::is_some).to_string()
            disabled=move || export.with(Option::is_none)
            on:click=start
        >
            {label}
        </button>
        <a node_ref=link class="visually-hidden" tabindex="-1" aria-hidden="true"></a>
    }
}

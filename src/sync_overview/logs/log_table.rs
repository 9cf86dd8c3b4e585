//! The Sync Logs table: each entry's time, level and message, newest first, and a link to the
//! item it is about.

use leptos::prelude::*;
use sync_core::{LogItem, LogLevel, LogPage};

use crate::ui::format::{grouped, log_time};

/// The page's entries as a table, captioned with which of how many they are (`offset`: how many
/// newer entries come before them); `on_show` shows an entry's item in the list.
pub fn log_table(page: LogPage, offset: u32, on_show: Callback<LogItem>) -> impl IntoView {
    let shown = page.entries.len() as u32;
    let caption = match (offset, shown, page.total) {
        (0, n, total) if n == total => {
            format!(
                "{} log {}",
                grouped(total),
                if total == 1 { "entry" } else { "entries" }
            )
        }
        (offset, n, total) => format!(
            "Log entries {} to {} of {}",
            grouped(offset + 1),
            grouped(offset + n),
            grouped(total)
        ),
    };
    let items = page.items;
    view! {
        <table class="log-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Time"</th>
                    <th scope="col">"Level"</th>
                    <th scope="col">"Message"</th>
                    <th scope="col">"Item"</th>
                </tr>
            </thead>
            <tbody>
                {page
                    .entries
                    .into_iter()
                    .map(|entry| {
                        let item = entry
                            .item
                            .and_then(|id| items.iter().find(|i| i.id == id))
                            .cloned();
                        view! {
                            <tr class=level_class(entry.level)>
                                <td class="nowrap">
                                    <time datetime=entry.time.to_rfc3339()>
                                        {log_time(entry.time)}
                                    </time>
                                </td>
                                <td>
                                    <span class=format!(
                                        "level {}",
                                        level_class(entry.level),
                                    )>{entry.level.label()}</span>
                                </td>
                                <td>{entry.message}</td>
                                <td>{item.map(|item| item_link(item, on_show))}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The button that shows `item` in the list, with its row focused.
fn item_link(item: LogItem, on_show: Callback<LogItem>) -> impl IntoView {
    let label = format!("Show {} in the list", item.name);
    let name = item.name.clone();
    view! {
        <button type="button" class="link-button" aria-label=label on:click=move |_| on_show.run(item.clone())>
            {name}
        </button>
    }
}

fn level_class(level: LogLevel) -> &'static str {
    match level {
        LogLevel::Info => "level-info",
        LogLevel::Warning => "level-warning",
        LogLevel::Error => "level-error",
    }
}

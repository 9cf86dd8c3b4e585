//! The Sync Logs table: each entry's time, level and message, newest first.

use leptos::prelude::*;
use sync_core::{LogEntry, LogLevel};

use crate::ui::format::log_time;

/// The entries as a table, captioned with how many there are.
pub fn log_table(list: Vec<LogEntry>) -> impl IntoView {
    let count = list.len();
    view! {
        <table class="log-table">
            <caption>
                {format!("{count} log {}", if count == 1 { "entry" } else { "entries" })}
            </caption>
            <thead>
                <tr>
                    <th scope="col">"Time"</th>
                    <th scope="col">"Level"</th>
                    <th scope="col">"Message"</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|entry| {
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
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn level_class(level: LogLevel) -> &'static str {
    match level {
        LogLevel::Info => "level-info",
        LogLevel::Warning => "level-warning",
        LogLevel::Error => "level-error",
    }
}

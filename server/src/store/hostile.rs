//! Tests only (`--hostile-names`): third-party text as hostile as it comes, in every name and log
//! line of the first integration, to prove the screen renders it as plain text.

use sync_core::{Dataset, IntegrationId};

/// Renames the first integration's clients, items, their records and its log lines, cycling
/// through `names`.
pub fn rename(data: &mut Dataset, names: &[String]) {
    if names.is_empty() {
        return;
    }
    let first = IntegrationId(0);
    let name = |i: usize| names[i % names.len()].clone();
    let mut clients = Vec::new();
    for (i, item) in data
        .items
        .iter_mut()
        .filter(|i| i.integration == first)
        .enumerate()
    {
        item.name = name(i);
        if let Some(record) = item.record {
            data.records[record.index()].name = name(i + 1);
        }
        if !clients.contains(&item.client) {
            clients.push(item.client);
        }
    }
    for (i, client) in clients.into_iter().enumerate() {
        data.clients[client.index()].name = name(i);
    }
    for (i, entry) in data
        .logs
        .iter_mut()
        .filter(|e| e.integration == first)
        .enumerate()
    {
        entry.message = name(i);
    }
}

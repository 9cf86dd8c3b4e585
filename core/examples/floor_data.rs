//! Writes the large demo client's items as JSON for the benchmark's floor page (a hand-written
//! plain-JS page showing the same data): `cargo run -p sync-core --example floor_data -- 100000`.
//!
//! Output: `{"counts": {…}, "items": [[name, type, status, source id, record or null], …]}`,
//! in the list's default order (by name), with the integration-wide status counts.

use std::io::{self, Write};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde_json::json;
use sync_core::demo::{generate, DemoConfig};
use sync_core::{IntegrationId, ItemQuery, Product};

fn main() -> io::Result<()> {
    let size = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let store = generate(&DemoConfig {
        size,
        ..DemoConfig::new(DateTime::<Utc>::from(SystemTime::now()))
    });
    let integration = store
        .integrations()
        .iter()
        .find(|i| i.product == Product::NCentral)
        .expect("the demo has an N-central integration");
    let id: IntegrationId = integration.id;
    // The large client: the one with the most items.
    let page = store
        .clients(id)
        .expect("integration exists")
        .iter()
        .map(|c| {
            store
                .items(&ItemQuery::all(id, c.id))
                .expect("client exists")
        })
        .max_by_key(|page| page.total)
        .expect("the integration has clients");
    let items: Vec<_> = page
        .items
        .iter()
        .map(|i| {
            json!([
                i.name,
                i.resource_type.label(),
                i.status.label(),
                i.source_id,
                i.record.as_ref().map(|r| &r.name)
            ])
        })
        .collect();
    let counts = store.counts(id).expect("integration exists");
    let out = json!({
        "counts": {
            "matched": counts.matched,
            "notSynced": counts.not_synced,
            "excluded": counts.excluded,
        },
        "items": items,
    });
    let mut stdout = io::stdout().lock();
    serde_json::to_writer(&mut stdout, &out)?;
    stdout.flush()
}

//! A run checked whole before anything changes: every field it needs, no item twice, and which
//! integration and portal clients it is for.

use thiserror::Error;

use crate::model::{ClientId, IntegrationId, Product};
use crate::store::Store;

use super::{RunClient, SyncRun};
use crate::lookup::Lookup;

/// Why a run was refused: where in it (the client and item, by position) and which field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{}: {message}", self.path())]
pub struct RunProblem {
    /// The client's position in the run, when the problem is in one.
    pub client: Option<usize>,
    /// The item's position in the client (or, with `record`, the record's), when it is in one.
    pub item: Option<usize>,
    /// Whether `item` counts the client's records rather than its items.
    pub record: bool,
    /// The field.
    pub field: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl RunProblem {
    fn run(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            client: None,
            item: None,
            record: false,
            field,
            message: message.into(),
        }
    }

    /// Where the field is, as a JSON path of the run: `clients[2].items[57].source_id`.
    pub fn path(&self) -> String {
        let mut path = String::new();
        if let Some(client) = self.client {
            path.push_str(&format!("clients[{client}]."));
        }
        if let Some(item) = self.item {
            let list = if self.record { "records" } else { "items" };
            path.push_str(&format!("{list}[{item}]."));
        }
        path + self.field
    }
}

/// Why a text field cannot be taken: empty, or holding a NUL character (which no database
/// stores as text).
fn unfit(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some("is empty".to_owned())
    } else if text.contains('\0') {
        Some("holds a NUL character".to_owned())
    } else {
        None
    }
}

/// What a checked run is for.
pub(super) struct Plan {
    /// The integration, or the product of the one to create (named as the run named it).
    pub integration: Result<IntegrationId, (String, Product)>,
    /// Each client of the run's portal client, or `None` where one is created.
    pub clients: Vec<Option<ClientId>>,
}

/// Checks a run for the integration named `key` (`integration` when it exists).
pub(super) fn check(
    store: &Store,
    key: &str,
    integration: Option<IntegrationId>,
    run: &SyncRun,
) -> Result<Plan, RunProblem> {
    if let Some(message) = unfit(&run.id) {
        return Err(RunProblem::run("id", message));
    }
    if let Some(message) = unfit(key) {
        return Err(RunProblem::run("integration", message));
    }
    let (integration, product) = match integration {
        Some(id) => (Ok(id), store.integrations[id.index()].product),
        None => match run.product {
            Some(product) => (Err((key.trim().to_owned(), product)), product),
            _ => {
                return Err(RunProblem::run(
                    "product",
                    format!("is missing: no integration is named “{key}”, and a run creates one only when it gives its product"),
                ))
            }
        },
    };
    for (at, failure) in run.errors.iter().enumerate() {
        let text = failure.source_id.iter().chain([&failure.message]);
        if text.into_iter().any(|t| t.contains('\0')) {
            let message = format!("errors[{at}] holds a NUL character");
            return Err(RunProblem::run("errors", message));
        }
    }
    let mut sources = Lookup::default();
    for (at, client) in run.clients.iter().enumerate() {
        let problem = |field, message: String| RunProblem {
            client: Some(at),
            ..RunProblem::run(field, message)
        };
        if let Some(message) = unfit(&client.source_id) {
            return Err(problem("source_id", message));
        }
        if let Some(message) = unfit(&client.name) {
            return Err(problem("name", message));
        }
        let twice = !sources.get(&client.source_id).is_empty();
        sources.add(&client.source_id, 0);
        if twice {
            let message = format!("“{}” is listed twice in the run", client.source_id);
            return Err(problem("source_id", message));
        }
        check_items(client, product).map_err(|p| RunProblem {
            client: Some(at),
            ..p
        })?;
    }
    let clients = portal_clients(store, integration.as_ref().ok().copied(), &run.clients)?;
    Ok(Plan {
        integration,
        clients,
    })
}

/// Checks a client's items and records: every field given, each listed once, each type one the
/// product syncs.
fn check_items(client: &RunClient, product: Product) -> Result<(), RunProblem> {
    // Source id: the types listed with it.
    let mut seen = Lookup::default();
    for (at, item) in client.items.iter().enumerate() {
        let problem = |field, message: String| RunProblem {
            item: Some(at),
            ..RunProblem::run(field, message)
        };
        if let Some(message) = unfit(&item.source_id) {
            return Err(problem("source_id", message));
        }
        if let Some(message) = unfit(&item.name) {
            return Err(problem("name", message));
        }
        let details = [
            ("serial", &item.serial),
            ("host_name", &item.host_name),
            ("source_url", &item.source_url),
        ];
        for (field, value) in details {
            if value.as_deref().is_some_and(|v| v.contains('\0')) {
                return Err(problem(field, "holds a NUL character".into()));
            }
        }
        if !product.resource_types().contains(&item.resource_type) {
            let message = format!(
                "“{}” is not a type {} syncs",
                item.resource_type.slug(),
                product.label()
            );
            return Err(problem("type", message));
        }
        let kind = item.resource_type as u32;
        let twice = seen.get(&item.source_id).contains(&kind);
        seen.add(&item.source_id, kind);
        if twice {
            let message = format!(
                "the {} “{}” is listed twice for the client",
                item.resource_type.slug(),
                item.source_id
            );
            return Err(problem("source_id", message));
        }
    }
    let mut keys = Lookup::default();
    for (at, record) in client.records.iter().flatten().enumerate() {
        let problem = |field, message: String| RunProblem {
            item: Some(at),
            record: true,
            ..RunProblem::run(field, message)
        };
        if let Some(message) = unfit(&record.id) {
            return Err(problem("id", message));
        }
        if let Some(message) = unfit(&record.name) {
            return Err(problem("name", message));
        }
        let twice = !keys.get(&record.id).is_empty();
        keys.add(&record.id, 0);
        if twice {
            return Err(problem("id", format!("“{}” is listed twice", record.id)));
        }
    }
    Ok(())
}

/// The portal client of each of the run's clients: the one linked to its source id before, or
/// the one of the same name (case aside), or `None` for a new one. Two of the run's clients
/// cannot be one portal client.
fn portal_clients(
    store: &Store,
    integration: Option<IntegrationId>,
    clients: &[RunClient],
) -> Result<Vec<Option<ClientId>>, RunProblem> {
    let mut linked = Lookup::default();
    for link in store
        .links
        .iter()
        .filter(|l| Some(l.integration) == integration)
    {
        linked.add(&link.source_id, link.client.0);
    }
    let mut named = Lookup::default();
    for client in &store.clients {
        named.add(&client.name.to_lowercase(), client.id.0);
    }
    // The run's client that took each portal client, and each new name.
    let mut taken: Vec<Option<usize>> = vec![None; store.clients.len()];
    let mut new = Lookup::default();
    let mut found = Vec::with_capacity(clients.len());
    for (at, client) in clients.iter().enumerate() {
        let name = client.name.trim().to_lowercase();
        let portal = (linked.get(&client.source_id).first())
            .or_else(|| named.get(&name).first())
            .map(|&id| ClientId(id));
        let first = match portal {
            Some(id) => taken[id.index()].replace(at),
            None => {
                let first = new.get(&name).first().map(|&p| p as usize);
                new.add(&name, at as u32);
                first
            }
        };
        if let Some(first) = first {
            return Err(RunProblem {
                client: Some(at),
                ..RunProblem::run(
                    "source_id",
                    format!("is the same portal client as clients[{first}]"),
                )
            });
        }
        found.push(portal);
    }
    Ok(found)
}

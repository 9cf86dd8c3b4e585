//! The journal's database: opened (created on first use), read whole on opening (records that
//! cannot be read set aside), and read after a sequence number.

use idb::{Database, Factory, KeyRange, ObjectStore, ObjectStoreParams, Query, TransactionMode};
use wasm_bindgen::JsValue;

use super::entry::{Entry, Record, Seq};
use crate::data::demo::legacy;

/// The records, by sequence.
pub(super) const ENTRIES: &str = "entries";
/// Records that could not be read or no longer applied: kept, never deleted.
pub(super) const ASIDE: &str = "aside";
/// Small facts about the journal (whether local storage was carried over).
const META: &str = "meta";

/// Opens (creating on first use) the database of the demo data set `name`.
pub(super) async fn open_database(name: &str) -> Result<Database, idb::Error> {
    let factory = Factory::new()?;
    let mut request = factory.open(&format!("sync-overview/journal/{name}"), Some(1))?;
    request.on_upgrade_needed(|event| {
        use idb::DatabaseEvent;
        let Ok(db) = event.database() else { return };
        let mut sequenced = ObjectStoreParams::new();
        sequenced.auto_increment(true);
        let _ = db.create_object_store(ENTRIES, sequenced);
        let _ = db.create_object_store(ASIDE, ObjectStoreParams::new());
        let _ = db.create_object_store(META, ObjectStoreParams::new());
    });
    request.await
}

/// Reads the journal in one transaction: carries over local storage once, sets unreadable
/// records aside, drops those older than the latest reset, and returns the rest.
pub(super) async fn load(
    db: &Database,
    name: &str,
) -> Result<(Vec<(Seq, Record)>, Option<String>), idb::Error> {
    let transaction = db.transaction(&[ENTRIES, ASIDE, META], TransactionMode::ReadWrite)?;
    let entries = transaction.object_store(ENTRIES)?;
    let aside = transaction.object_store(ASIDE)?;
    let meta = transaction.object_store(META)?;
    let mut notice = None;

    let carried = JsValue::from_str("carried-over-local-storage");
    let legacy = if meta.get(carried.clone())?.await?.is_none() {
        let found = legacy::take(name);
        for action in &found.actions {
            let json = serde_json::to_string(&Entry::Action(action.clone())).unwrap_or_default();
            entries.add(&JsValue::from_str(&json), None)?.await?;
        }
        if let Some(raw) = &found.unreadable {
            aside.put(&JsValue::from_str(raw), Some(&carried))?.await?;
            notice = Some(
                "Your saved changes could not be read, so the demo data starts fresh. The \
                 unreadable copy is kept in this browser's IndexedDB, set aside."
                    .to_owned(),
            );
        }
        meta.put(&JsValue::TRUE, Some(&carried))?.await?;
        Some(found)
    } else {
        None
    };

    let keys = entries.get_all_keys(None, None)?.await?;
    let values = entries.get_all(None, None)?.await?;
    let mut read = Vec::with_capacity(values.len());
    let mut unreadable = 0;
    for (key, value) in keys.iter().zip(values) {
        match parse(key, &value) {
            Some(entry) => read.push(entry),
            None => {
                unreadable += 1;
                aside.put(&value, Some(key))?.await?;
                entries.delete(key.clone())?.await?;
            }
        }
    }
    if unreadable > 0 {
        notice = Some(format!(
            "{unreadable} saved change{} could not be read and {} set aside; the rest were kept.",
            if unreadable == 1 { "" } else { "s" },
            if unreadable == 1 { "was" } else { "were" },
        ));
    }
    // Entries before the latest reset no longer matter. The reset itself stays, so that a tab
    // that has not caught up yet still sees it.
    if let Some(at) = read.iter().rposition(|(_, record)| record.is_reset()) {
        let reset = read[at].0;
        if at > 0 {
            let older = KeyRange::upper_bound(&JsValue::from_f64(reset as f64), Some(true))?;
            entries.delete(Query::KeyRange(older))?.await?;
        }
        read.drain(..at);
    }
    transaction.await?;
    if let Some(found) = legacy {
        found.forget(name);
    }
    Ok((read, notice))
}

/// The entries of `entries` after `after`, in order; records that cannot be read are skipped
/// (only a tab opening the journal sets them aside).
pub(super) async fn read_after(
    entries: &ObjectStore,
    after: Seq,
) -> Result<Vec<(Seq, Record)>, idb::Error> {
    let range = Query::KeyRange(KeyRange::lower_bound(
        &JsValue::from_f64(after as f64),
        Some(true),
    )?);
    let keys = entries.get_all_keys(Some(range.clone()), None)?.await?;
    let values = entries.get_all(Some(range), None)?.await?;
    Ok(keys
        .iter()
        .zip(values)
        .filter_map(|(key, value)| parse(key, &value))
        .collect())
}

/// One record, if it can be read.
fn parse(key: &JsValue, value: &JsValue) -> Option<(Seq, Record)> {
    let seq = key.as_f64()? as Seq;
    Some((seq, Record::parse(&value.as_string()?)?))
}

//! The mock store's journal: the user's changes, kept in the browser's IndexedDB so that they
//! survive a reload and are shared by every tab of the same origin.
//!
//! One record per change, under an auto-incremented key: appending never rewrites another tab's
//! records, and every tab replays them in key order, so all tabs agree. An append runs in one
//! read-write transaction that first reads what other tabs appended since this one last looked,
//! so a change is checked against the latest data before it is saved. IndexedDB runs read-write
//! transactions on one store one after the other, across tabs.

use idb::{Database, TransactionMode};
use wasm_bindgen::JsValue;

mod entry;
mod store;

pub use entry::{Entry, Record, Seq};
use store::{load, open_database, read_after, ASIDE, ENTRIES};

/// Why an append saved nothing.
pub enum AppendError<E> {
    /// The check refused it.
    Refused(E),
    /// The browser's storage refused it (full, blocked, or gone).
    Storage(String),
}

/// What the user is told when storage refuses a change.
const NOT_SAVED: &str = "Your change could not be saved in this browser's storage (it may be \
                         full or blocked), so it was not made.";

/// The journal of one demo data set.
pub struct Journal {
    /// The database, or none when this browser allows no storage (changes then last until
    /// the page reloads).
    db: Option<Database>,
    /// The next sequence number when there is no database.
    next_in_memory: std::cell::Cell<Seq>,
}

/// A journal as it was found on opening.
pub struct Opened {
    /// The journal, ready to append to.
    pub journal: Journal,
    /// The entries to replay, in order, from the latest reset on.
    pub entries: Vec<(Seq, Record)>,
    /// What the user should be told about how it was read, if anything.
    pub notice: Option<String>,
}

impl Journal {
    /// Opens the journal of the demo data set named `name`, carrying over (once) a journal that an
    /// earlier version kept in local storage. Unreadable records are set aside, never deleted;
    /// records older than the latest reset are dropped.
    pub async fn open(name: &str) -> Opened {
        let opened = match open_database(name).await {
            Ok(db) => load(&db, name)
                .await
                .map(|(entries, notice)| (db, entries, notice)),
            Err(error) => Err(error),
        };
        match opened {
            Ok((db, entries, notice)) => Opened {
                journal: Journal {
                    db: Some(db),
                    next_in_memory: Default::default(),
                },
                entries,
                notice,
            },
            Err(_) => Opened {
                journal: Journal {
                    db: None,
                    next_in_memory: std::cell::Cell::new(1),
                },
                entries: Vec::new(),
                notice: Some(
                    "This browser does not allow saving: your changes will be lost when the page \
                     reloads."
                        .to_owned(),
                ),
            },
        }
    }

    /// Appends `entry` once `check` accepts it. `check` is given, in order, the entries that were
    /// appended after `after` (by other tabs) and runs inside the transaction, so nothing can
    /// be appended between what it saw and the new entry. Returns the new entry's sequence.
    pub async fn append<E>(
        &self,
        after: Seq,
        entry: &Record,
        check: impl FnOnce(Vec<(Seq, Record)>) -> Result<(), E>,
    ) -> Result<Seq, AppendError<E>> {
        let Some(db) = &self.db else {
            check(Vec::new()).map_err(AppendError::Refused)?;
            let seq = self.next_in_memory.get();
            self.next_in_memory.set(seq + 1);
            return Ok(seq);
        };
        let storage = |_| AppendError::Storage(NOT_SAVED.to_owned());
        let json =
            serde_json::to_string(entry).map_err(|_| AppendError::Storage(NOT_SAVED.into()))?;
        let transaction = db
            .transaction(&[ENTRIES], TransactionMode::ReadWrite)
            .map_err(storage)?;
        let entries = transaction.object_store(ENTRIES).map_err(storage)?;
        let fresh = read_after(&entries, after).await.map_err(storage)?;
        if let Err(refusal) = check(fresh) {
            let _ = transaction.abort();
            return Err(AppendError::Refused(refusal));
        }
        let key = entries
            .add(&JsValue::from_str(&json), None)
            .map_err(storage)?
            .await
            .map_err(storage)?;
        let committed = transaction.await.map_err(storage)?;
        match (committed.is_committed(), key.as_f64()) {
            (true, Some(seq)) => Ok(seq as Seq),
            _ => Err(AppendError::Storage(NOT_SAVED.to_owned())),
        }
    }

    /// The entries appended after `after`, in order.
    pub async fn read_after(&self, after: Seq) -> Result<Vec<(Seq, Record)>, String> {
        let Some(db) = &self.db else {
            return Ok(Vec::new());
        };
        let transaction = db
            .transaction(&[ENTRIES], TransactionMode::ReadOnly)
            .map_err(|e| e.to_string())?;
        let entries = transaction
            .object_store(ENTRIES)
            .map_err(|e| e.to_string())?;
        read_after(&entries, after).await.map_err(|e| e.to_string())
    }

    /// Moves these entries (which no longer apply) aside, where they are kept but not replayed.
    pub async fn set_aside(&self, seqs: &[Seq]) -> Result<(), String> {
        let Some(db) = &self.db else {
            return Ok(());
        };
        let failed = |_| NOT_SAVED.to_owned();
        let transaction = db
            .transaction(&[ENTRIES, ASIDE], TransactionMode::ReadWrite)
            .map_err(failed)?;
        let entries = transaction.object_store(ENTRIES).map_err(failed)?;
        let aside = transaction.object_store(ASIDE).map_err(failed)?;
        for &seq in seqs {
            let key = JsValue::from_f64(seq as f64);
            let value = entries
                .get(key.clone())
                .map_err(failed)?
                .await
                .map_err(failed)?;
            if let Some(value) = value {
                aside
                    .put(&value, Some(&key))
                    .map_err(failed)?
                    .await
                    .map_err(failed)?;
                entries.delete(key).map_err(failed)?.await.map_err(failed)?;
            }
        }
        match transaction.await {
            Ok(result) if result.is_committed() => Ok(()),
            _ => Err(NOT_SAVED.to_owned()),
        }
    }
}

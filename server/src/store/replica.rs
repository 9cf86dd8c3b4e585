//! This process's copy of the data: sync-core's indexed store, kept in step with the database.
//!
//! Reads are answered from memory (fast: one index lookup, no database round trip for the rows).
//! The database numbers every committed change (see `crate::database::Db::commit`); the replica remembers the
//! last number it holds. When other processes may write the same database (PostgreSQL), every
//! read first asks the database for its last number and, if it is ahead, reads the rows changed
//! since: a read never shows a state older than a write another replica acknowledged.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use sync_core::{Change, Rule, Store};
use tokio::sync::{Mutex, RwLock, RwLockReadGuard};

use crate::database::{Db, DbError};

/// Reads the whole data from the database and indexes it: the store and the change number it
/// reflects.
pub async fn load(db: &Db) -> Result<(Store, u64), DbError> {
    // The change number first: whatever is committed while loading is read again, not missed.
    let seen = db.head().await?;
    let (data, changed) = db.load().await?;
    let mut store = Store::new(data).map_err(|e| DbError::Corrupt(e.to_string()))?;
    // Each item's latest change number, so that a batch naming its items by a list read on
    // another replica, or before a restart, knows what changed since.
    store.resume(seen, changed);
    Ok((store, seen))
}

/// The store and the last change number it reflects.
pub struct Replica {
    store: RwLock<Store>,
    /// The last change number reflected in `store`.
    seen: AtomicU64,
    /// Catching up and applying commits take turns (never held while serving a read).
    turn: Mutex<()>,
    /// Other processes may write the database: check it before every read.
    shared: bool,
    /// A catch-up failed after a commit: check the database before the next read.
    behind: AtomicBool,
}

impl Replica {
    /// A replica of `store`, which reflects change number `seen`.
    pub fn new(store: Store, seen: u64, shared: bool) -> Self {
        Self {
            store: RwLock::new(store),
            seen: AtomicU64::new(seen),
            turn: Mutex::new(()),
            shared,
            behind: AtomicBool::new(false),
        }
    }

    /// The last change number this replica reflects.
    pub fn seen(&self) -> u64 {
        self.seen.load(Ordering::Acquire)
    }

    /// The store, at least as recent as every change committed before this call.
    pub async fn read(&self, db: &Db) -> Result<RwLockReadGuard<'_, Store>, DbError> {
        if self.shared || self.behind.load(Ordering::Acquire) {
            self.catch_up(db).await?;
        }
        Ok(self.store.read().await)
    }

    /// Reads what was committed since the last change number reflected, and applies it.
    pub async fn catch_up(&self, db: &Db) -> Result<(), DbError> {
        if self.shared && db.head().await? <= self.seen() {
            return Ok(());
        }
        let _turn = self.turn.lock().await;
        self.catch_up_in_turn(db).await.inspect_err(|_| {
            self.behind.store(true, Ordering::Release);
        })
    }

    /// Catches up, the turn held: from the rows changed since, or, when a sync run was saved
    /// since (it adds items, records and clients), from the whole data read afresh.
    pub(crate) async fn catch_up_in_turn(&self, db: &Db) -> Result<(), DbError> {
        if db.run_after(self.seen()).await? {
            let (store, seen) = load(db).await?;
            *self.store.write().await = store;
            self.seen.store(seen, Ordering::Release);
            self.behind.store(false, Ordering::Release);
            return Ok(());
        }
        let changes = db.changes_after(self.seen()).await?;
        if changes.head > self.seen() {
            let mut store = self.store.write().await;
            for (record, disabled) in changes.records {
                store.set_record_disabled(record, disabled);
            }
            for rule in changes.rules {
                store.put_rule(rule);
            }
            for item in changes.items {
                let change = Change {
                    item: item.item,
                    status: item.status,
                    record: item.record,
                    version: item.version,
                    disable: None,
                    enable: None,
                };
                store.commit_at(&change, item.seq);
            }
            store.advance(changes.head);
            self.seen.store(changes.head, Ordering::Release);
        }
        self.behind.store(false, Ordering::Release);
        Ok(())
    }

    /// Forgets the sync log lines written before `time` (retention).
    pub async fn trim_logs(&self, time: chrono::DateTime<chrono::Utc>) {
        self.store.write().await.trim_logs(time);
    }

    /// The store, for a run to work on a copy of it, the turn held.
    pub(crate) async fn store(&self) -> RwLockReadGuard<'_, Store> {
        self.store.read().await
    }

    /// Puts the store a run made in place, as change number `seq`, the turn held.
    pub(crate) async fn replace(&self, store: Store, seq: u64) {
        *self.store.write().await = store;
        self.seen.store(seq, Ordering::Release);
    }

    /// Whether catching up must go to the database first (another process may write it, or a
    /// catch-up failed).
    pub(crate) fn must_check(&self) -> bool {
        self.shared || self.behind.load(Ordering::Acquire)
    }

    /// The turn of catching up and applying commits.
    pub(crate) async fn take_turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.turn.lock().await
    }

    /// Applies a change this process committed as number `seq`: at once when it is the next
    /// number, else by catching up with everything committed meanwhile.
    pub async fn committed(&self, db: &Db, changes: &[Change], rule: Option<&Rule>, seq: u64) {
        {
            let _turn = self.turn.lock().await;
            if self.seen() + 1 == seq {
                let mut store = self.store.write().await;
                for change in changes {
                    store.commit_at(change, seq);
                }
                if let Some(rule) = rule {
                    store.put_rule(rule.clone());
                }
                store.advance(seq);
                // While the store is still locked: a reader sees both or neither.
                self.seen.store(seq, Ordering::Release);
                return;
            }
        }
        if self.catch_up(db).await.is_err() {
            self.behind.store(true, Ordering::Release);
        }
    }
}

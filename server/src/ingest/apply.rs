//! A run applied: worked out by sync-core on a copy of the replica's store, while the change head
//! is held (no other write commits meanwhile, from any replica), saved in one transaction, then
//! put in place. Reads go on from the old store until then: a run never blocks them.

use sync_core::{RunOutcome, RunProblem, SyncRun};

use crate::database::{Db, DbError};
use crate::events::{Events, Payload};
use crate::store::replica::Replica;

/// Why a run was not applied.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The run does not fit the data (sync-core's check).
    #[error("{0}")]
    Problem(RunProblem),
    /// The database failed.
    #[error("{0}")]
    Db(#[from] DbError),
    /// The task working the run out stopped (it panicked): nothing was saved.
    #[error("working the run out failed: {0}")]
    Stopped(String),
}

/// Applies `run` to the integration named `key` (its id or name), or answers as the first time
/// for a run applied before; a run applied is announced to `events`' subscribers, and the
/// items' history records it under `actor` (who posted it).
pub async fn apply(
    replica: &Replica,
    db: &Db,
    events: &Events,
    key: &str,
    run: SyncRun,
    actor: &str,
) -> Result<RunOutcome, ApplyError> {
    let _turn = replica.take_turn().await;
    let transaction = db.begin_run().await?;
    if replica.must_check() {
        replica.catch_up_in_turn(db).await?;
    }
    let seq = transaction.seq;
    let mut store = replica.store().await.clone();
    let key = key.to_owned();
    // Working a run out takes a while at 100,000 items: off the threads that answer requests.
    let (store, outcome) = tokio::task::spawn_blocking(move || {
        let outcome = store.apply_run_at(&key, &run, seq);
        (store, outcome)
    })
    .await
    .map_err(|e| ApplyError::Stopped(e.to_string()))?;
    let outcome = outcome.map_err(ApplyError::Problem)?;
    if outcome.replayed {
        // The transaction is dropped unsaved: the change number is given back.
        return Ok(outcome);
    }
    db.save_run(transaction, &store, &outcome, actor).await?;
    replica.replace(store, seq).await;
    events.committed(&Payload::run(seq, outcome.summary.integration));
    tracing::info!(
        run = %outcome.summary.run,
        integration = %outcome.summary.integration,
        seen = outcome.summary.seen,
        new = outcome.summary.new,
        missing = outcome.summary.missing,
        seq,
        "sync run applied"
    );
    Ok(outcome)
}

//! A replica on PostgreSQL hears every replica's changes: each commit notifies
//! [`CHANNEL`] in its transaction, and this listener publishes what it hears. When the listening
//! connection drops, what was said meanwhile is lost: subscribers are told to reload.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use tokio::sync::oneshot;

use super::{Events, Payload};

/// The channel the replicas' commits are announced on.
pub const CHANNEL: &str = "sync_overview_changes";

/// How long to wait before connecting again after a failure.
const RETRY: Duration = Duration::from_secs(1);

/// Listens on `url` for as long as the process runs, publishing to `events`; `ready` hears when
/// it first listens.
pub async fn listen(url: String, events: Arc<Events>, ready: oneshot::Sender<()>) {
    let mut ready = Some(ready);
    let mut connected_before = false;
    loop {
        let mut listener = match PgListener::connect(&url).await {
            Ok(listener) => listener,
            Err(error) => {
                tracing::warn!(%error, "could not listen for other replicas' changes");
                tokio::time::sleep(RETRY).await;
                continue;
            }
        };
        if let Err(error) = listener.listen(CHANNEL).await {
            tracing::warn!(%error, "could not listen for other replicas' changes");
            tokio::time::sleep(RETRY).await;
            continue;
        }
        if connected_before {
            events.lost();
        }
        if let Some(ready) = ready.take() {
            let _ = ready.send(());
        }
        connected_before = true;
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) => {
                    let data = notification.payload();
                    match serde_json::from_str::<Payload>(data) {
                        Ok(payload) => events.publish(payload.seq, data.to_owned()),
                        Err(error) => {
                            tracing::warn!(%error, data, "unreadable change notification")
                        }
                    }
                }
                // The connection dropped; the next call connects again.
                Ok(None) => events.lost(),
                Err(error) => {
                    tracing::warn!(%error, "stopped hearing other replicas' changes");
                    break;
                }
            }
        }
    }
}

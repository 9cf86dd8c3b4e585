//! `GET /api/v1/events`: the change events as Server-Sent Events. Each event is named `change`,
//! carries its change number as its id and a JSON payload; a client that reconnects with
//! `Last-Event-ID` gets the events it missed, or a `reload` event when they are no longer kept
//! (or when it fell behind). A comment every 15 s keeps the connection open through proxies.
//! The stream ends when the server stops.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event as Sent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast::error::RecvError;

use crate::events::{Heard, Subscription};
use crate::serve::gauges::{Gauge, Held};
use crate::Shared;

/// How often an idle stream sends a comment.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The subscriber's stream of events.
pub async fn events(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let after = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let head = state.replica.seen();
    let subscription = state.events.subscribe(after, head);
    let held = state.gauges.hold(Gauge::Subscribers);
    Sse::new(sent(subscription, held))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// What a subscription sends: `reload` first if it must, its backlog, then each live event.
fn sent(subscription: Subscription, held: Held) -> impl Stream<Item = Result<Sent, Infallible>> {
    let Subscription {
        backlog,
        reload,
        live,
        closing,
    } = subscription;
    let first: Vec<Heard> = reload
        .then_some(Heard::Reload)
        .into_iter()
        .chain(backlog.into_iter().map(Heard::Change))
        .collect();
    let start = (first.into_iter(), live, closing, held);
    stream::unfold(
        start,
        |(mut first, mut live, mut closing, held)| async move {
            if *closing.borrow() {
                return None;
            }
            let heard = match first.next() {
                Some(heard) => heard,
                None => loop {
                    tokio::select! {
                        heard = live.recv() => match heard {
                            Ok(heard) => break heard,
                            // Fell behind the channel: what was missed is not known.
                            Err(RecvError::Lagged(_)) => break Heard::Reload,
                            Err(RecvError::Closed) => return None,
                        },
                        changed = closing.changed() => {
                            if changed.is_err() || *closing.borrow() {
                                return None;
                            }
                        }
                    }
                },
            };
            let sent = match heard {
                Heard::Change(event) => Sent::default()
                    .event("change")
                    .id(event.seq.to_string())
                    .data(event.data.as_str()),
                Heard::Reload => Sent::default().event("reload").data("{}"),
            };
            Some((Ok(sent), (first, live, closing, held)))
        },
    )
}

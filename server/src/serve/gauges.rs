//! What the process is doing right now: connections open, requests being answered and writes
//! being committed, served as `GET /metrics` (Prometheus text format).
//!
//! A write outlives its request (it runs in a task of its own, so a client that drops its
//! connection never leaves memory and the database apart); these gauges say when every such write
//! is done, so an operator (or a test) can tell "settled" from "still working" without guessing
//! a time.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The gauges of one process.
#[derive(Debug, Default)]
pub struct Gauges {
    connections: AtomicUsize,
    waiting: AtomicUsize,
    requests: AtomicUsize,
    writes: AtomicUsize,
    subscribers: AtomicUsize,
}

/// What a gauge counts.
#[derive(Clone, Copy, Debug)]
pub enum Gauge {
    /// Connections accepted and not yet closed.
    Connections,
    /// Of those, the ones that have not sent a byte yet.
    Waiting,
    /// Requests being answered (their handlers running).
    Requests,
    /// Writes being committed, whether or not their client is still there.
    Writes,
    /// Subscribers to the change events (`GET /api/v1/events`).
    Subscribers,
}

/// One unit of a gauge, held while the thing it counts lasts; dropping it counts it off.
#[derive(Debug)]
pub struct Held {
    gauges: Arc<Gauges>,
    gauge: Gauge,
}

impl Drop for Held {
    fn drop(&mut self) {
        self.gauges
            .counter(self.gauge)
            .fetch_sub(1, Ordering::SeqCst);
    }
}

impl Gauges {
    /// Counts one more of `gauge` until the returned guard is dropped.
    pub fn hold(self: &Arc<Self>, gauge: Gauge) -> Held {
        self.counter(gauge).fetch_add(1, Ordering::SeqCst);
        Held {
            gauges: self.clone(),
            gauge,
        }
    }

    fn counter(&self, gauge: Gauge) -> &AtomicUsize {
        match gauge {
            Gauge::Connections => &self.connections,
            Gauge::Waiting => &self.waiting,
            Gauge::Requests => &self.requests,
            Gauge::Writes => &self.writes,
            Gauge::Subscribers => &self.subscribers,
        }
    }

    /// The gauges in Prometheus' text format. Read in the order connections, requests, writes:
    /// a write starts inside its request and a request inside its connection, so when a reader
    /// sees only its own connection and request, every write started by another has been counted
    /// by the time `writes` is read.
    pub fn exposition(&self) -> String {
        let read = |gauge| self.counter(gauge).load(Ordering::SeqCst);
        let figures = [
            (
                "sync_server_connections_open",
                "Connections open, this one included.",
                read(Gauge::Connections),
            ),
            (
                "sync_server_connections_waiting",
                "Connections open that have not sent a byte yet (the first closed when the server is full).",
                read(Gauge::Waiting),
            ),
            (
                "sync_server_requests_in_flight",
                "Requests being answered, this one included.",
                read(Gauge::Requests),
            ),
            (
                "sync_server_writes_in_flight",
                "Writes being committed, whether or not their client is still connected.",
                read(Gauge::Writes),
            ),
            (
                "sync_server_event_subscribers",
                "Clients subscribed to the change events.",
                read(Gauge::Subscribers),
            ),
        ];
        let mut text = String::new();
        for (name, help, value) in figures {
            let _ = write!(
                text,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n"
            );
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_gauge_counts_until_dropped() {
        let gauges = Arc::new(Gauges::default());
        let write = gauges.hold(Gauge::Writes);
        let request = gauges.hold(Gauge::Requests);
        assert!(gauges
            .exposition()
            .contains("\nsync_server_writes_in_flight 1\n"));
        drop(write);
        let text = gauges.exposition();
        assert!(
            text.contains("\nsync_server_writes_in_flight 0\n"),
            "{text}"
        );
        assert!(
            text.contains("\nsync_server_requests_in_flight 1\n"),
            "{text}"
        );
        drop(request);
        assert!(gauges
            .exposition()
            .contains("\nsync_server_requests_in_flight 0\n"));
    }
}

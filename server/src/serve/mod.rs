//! Serving connections: HTTP/1.1 with timers for idle and slow clients, a cap on open
//! connections that idle sockets cannot fill, header limits, and a graceful shutdown that
//! finishes within a bound.
//!
//! A connection is handed to hyper only once its first byte arrives. Until then it waits in
//! [`Waiting`], costing a socket and a small task: it is closed after `first_byte_timeout`, and
//! when the server is full the one that has waited longest is closed to make room. So a flood of
//! sockets that send nothing cannot keep a real request waiting (a slowloris, which does send,
//! holds one connection until `header_timeout`).

pub mod gauges;
pub mod waiting;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, TryAcquireError};
use tower::ServiceExt;

use crate::serve::gauges::{Gauge, Gauges};
use crate::serve::waiting::Waiting;

/// The most header fields hyper parses in a request head; the server refuses more than
/// [`crate::http::limits::MAX_HEADERS`] with a problem document, so this only bounds the parser.
const PARSER_MAX_HEADERS: usize = 256;
/// The most bytes hyper buffers for a request head; up to it, an over-long head gets a problem
/// document ([`crate::http::limits`]); beyond it, hyper answers 431 with no body.
const PARSER_MAX_HEAD: usize = 64 * 1024;

/// Limits on connections.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// How long a new connection may take to send its first byte.
    pub first_byte_timeout: Duration,
    /// How long a connection may take to send a request's headers once it started, and how long
    /// a kept-alive connection may sit idle before its next request.
    pub header_timeout: Duration,
    /// Connections open at once. When full, the one that has waited longest without sending a
    /// byte is closed to make room; if every one is busy, new ones wait in the listen queue.
    pub max_connections: usize,
    /// How long a shutdown waits for requests in flight before closing what is left.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            first_byte_timeout: Duration::from_secs(5),
            header_timeout: Duration::from_secs(10),
            max_connections: 10_000,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The listen queue asked of the kernel (which caps it at `net.core.somaxconn`). Tokio's own
/// `bind` asks for 1,024: a burst of more connections than the server accepts in one breath
/// overflowed it, and the kernel then drops a new connection's SYN, which the client only sends
/// again a second later (seen as a 1 s stall under 2,000 idle sockets on a busy machine).
const LISTEN_BACKLOG: u32 = 8192;

/// Listens on `addr` with a listen queue of [`LISTEN_BACKLOG`].
pub fn bind(addr: std::net::SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    // As `TcpListener::bind` does on Unix: a restarted server may bind while old sockets linger.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Serves `app` on `listener` until `shutdown` completes, then stops accepting, closes the
/// connections that sent nothing, lets requests in flight finish (idle connections close at
/// once) for up to `limits.shutdown_grace`, and returns. Open connections are counted in
/// `gauges`.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    gauges: Arc<Gauges>,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let waiting = Arc::new(Waiting::default());
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_headers(PARSER_MAX_HEADERS)
        .max_buf_size(PARSER_MAX_HEAD);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = room(&permits, &waiting) => match permit {
                Some(permit) => permit,
                None => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: a waiting connection makes room, or, if none
                    // waits, the ones in flight are given a moment to close.
                    tracing::warn!(%error, "accept failed");
                    if !waiting.close_oldest() {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let open = gauges.hold(Gauge::Connections);
        let mut place = waiting.enter();
        let idle = gauges.hold(Gauge::Waiting);
        let (http, app, watcher) = (http.clone(), app.clone(), graceful.watcher());
        let first_byte_timeout = limits.first_byte_timeout;
        tokio::spawn(async move {
            // `peek`, not `readable`, which may wake with nothing to read.
            let mut first = [0; 1];
            let started = tokio::select! {
                peeked = stream.peek(&mut first) => matches!(peeked, Ok(1)),
                () = tokio::time::sleep(first_byte_timeout) => false,
                _ = &mut place.closed => false,
            };
            drop((place, idle));
            if started {
                let _ = stream.set_nodelay(true);
                // The peer's address, for the handlers that trust a proxy's header.
                let app = app.map_request(move |mut request: Request<Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    request
                });
                let service = TowerToHyperService::new(app);
                let _ = watcher
                    .watch(http.serve_connection(TokioIo::new(stream), service))
                    .await;
            }
            drop((permit, open));
        });
    }
    drop(listener);
    waiting.close_all();
    tracing::info!(
        open = graceful.count(),
        "shutting down: finishing requests in flight"
    );
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after the grace period: closing them");
    }
}

/// A connection slot: at once if one is free; else the connection that has waited longest
/// without sending a byte is closed to free one, or, if none waits, the next to close frees it.
/// `None` once the slots are gone.
async fn room(permits: &Arc<Semaphore>, waiting: &Waiting) -> Option<OwnedSemaphorePermit> {
    match permits.clone().try_acquire_owned() {
        Ok(permit) => Some(permit),
        Err(TryAcquireError::Closed) => None,
        Err(TryAcquireError::NoPermits) => {
            waiting.close_oldest();
            permits.clone().acquire_owned().await.ok()
        }
    }
}

//! The server as operators run it: a stop or a `kill -9` while writes stream in, clients that
//! drop their connection mid-write, slow and idle connections, and a stop with a partial request
//! open.
#![cfg(unix)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use support::process::{all_items, http, request, sqlite, Server};
use sync_server::{open, AppState, Settings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Not Synced and Matched items of integration 0, to exclude.
async fn excludable(server: &Server) -> Vec<Value> {
    all_items(server)
        .await
        .into_iter()
        .filter(|item| item["status"] != "excluded")
        .collect()
}

/// Streams exclusions of `items` from four clients at once, with idempotency keys; returns the
/// ids the server acknowledged (until it goes away). `acknowledged` counts them as they come.
async fn stream_exclusions(
    addr: String,
    items: Vec<Value>,
    acknowledged: watch::Sender<usize>,
) -> Vec<u64> {
    let acknowledged = Arc::new(acknowledged);
    let mut writers = Vec::new();
    for part in items.chunks(items.len().div_ceil(4)) {
        let (addr, part, counter) = (addr.clone(), part.to_vec(), acknowledged.clone());
        writers.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for item in part {
                let path = format!("/api/v1/items/{}/exclude", item["id"]);
                let body = format!("{{\"version\": {}}}", item["version"]);
                match http(&addr, "POST", &path, &body).await {
                    Some((200, _)) => {
                        ids.push(item["id"].as_u64().unwrap());
                        counter.send_modify(|n| *n += 1);
                    }
                    Some(_) => {}
                    None => break,
                }
            }
            ids
        }));
    }
    let mut ids = Vec::new();
    for writer in writers {
        ids.extend(writer.await.unwrap());
    }
    ids
}

/// Starts streaming exclusions of every excludable item and returns once `some` of them were
/// acknowledged (the burst is then under way), with the stream's handle.
async fn burst_under_way(server: &Server, some: usize) -> JoinHandle<Vec<u64>> {
    let items = excludable(server).await;
    assert!(items.len() > some * 4, "{} items to exclude", items.len());
    let (counter, mut acknowledged) = watch::channel(0);
    let writes = tokio::spawn(stream_exclusions(server.addr.clone(), items, counter));
    let waited = tokio::time::timeout(
        Duration::from_secs(60),
        acknowledged.wait_for(|n| *n >= some),
    )
    .await
    .map(|seen| seen.map(|n| *n));
    assert!(
        matches!(waited, Ok(Ok(_))),
        "expected {some} acknowledged writes within 60 s; saw {}",
        *acknowledged.borrow()
    );
    writes
}

/// The server's data as a new process would load it from `database`.
async fn reopen(database: &str) -> AppState {
    let settings = Settings {
        database: database.to_owned(),
        demo: Some(200),
        token: None,
        fault_injection: false,
        hostile_names: Vec::new(),
        ..Default::default()
    };
    open(&settings).await.unwrap()
}

/// Checks the restarted data: every acknowledged write is there, and the counts add up to the
/// items as listed.
async fn check_after_restart(database: &str, acknowledged: &[u64]) {
    let state = reopen(database).await;
    let store = state.replica.read(&state.db).await.unwrap();
    for &id in acknowledged {
        let item = store.item(sync_core::ItemId(id as u32)).unwrap();
        assert_eq!(item.status, sync_core::SyncStatus::Excluded, "item {id}");
    }
    let counts = store.counts(sync_core::IntegrationId(0)).unwrap();
    let listed = store
        .items_raw()
        .iter()
        .filter(|i| i.integration.0 == 0 && i.status == sync_core::SyncStatus::Excluded)
        .count();
    assert_eq!(counts.excluded as usize, listed, "counts add up");
}

#[tokio::test]
async fn a_graceful_stop_keeps_every_acknowledged_write() {
    let database = sqlite("stop");
    let mut server = Server::start(&database, &[]);
    let writes = burst_under_way(&server, 5).await;
    server.signal("TERM");
    let acknowledged = writes.await.unwrap();
    assert_eq!(
        server.exits_within(Duration::from_secs(15)),
        Some(true),
        "clean exit"
    );
    assert!(
        !acknowledged.is_empty(),
        "some writes were acknowledged before the stop"
    );
    check_after_restart(&database, &acknowledged).await;
}

#[tokio::test]
async fn kill_9_mid_burst_loses_no_acknowledged_write_and_half_applies_none() {
    let database = sqlite("kill");
    let mut server = Server::start(&database, &[]);
    let writes = burst_under_way(&server, 5).await;
    server.signal("KILL");
    let acknowledged = writes.await.unwrap();
    assert!(server.exits_within(Duration::from_secs(5)).is_some());
    assert!(
        !acknowledged.is_empty(),
        "some writes were acknowledged before the kill"
    );
    check_after_restart(&database, &acknowledged).await;
}

#[tokio::test]
async fn clients_dropping_mid_write_leave_the_api_and_the_database_agreeing() {
    let database = sqlite("drop");
    let server = Server::start(&database, &[]);
    let items = excludable(&server).await;
    let mut dropped = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let path = format!("/api/v1/items/{}/exclude", item["id"]);
        let body = format!("{{\"version\": {}}}", item["version"]);
        let text = request(&server.addr, "POST", &path, &body);
        let addr = server.addr.clone();
        dropped.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(&addr).await.unwrap();
            stream.write_all(text.as_bytes()).await.unwrap();
            // Gone a few milliseconds after sending: before, during or after the commit. (This
            // spreads the moments of the drops; it waits for nothing.)
            tokio::time::sleep(Duration::from_micros(500 * (n as u64 % 8))).await;
            drop(stream);
        }));
    }
    for client in dropped {
        client.await.unwrap();
    }
    // Every dropped client's connection was accepted before the server's own count is read
    // (connections are accepted in order); its writes are counted until they are done.
    server.settled().await;
    let listed = all_items(&server).await;
    let excluded = listed.iter().filter(|i| i["status"] == "excluded").count();
    assert!(
        excluded > listed.len() - items.len(),
        "some of the dropped writes were made"
    );
    let state = reopen(&database).await;
    let stored = state.replica.read(&state.db).await.unwrap();
    for item in &listed {
        let id = sync_core::ItemId(item["id"].as_u64().unwrap() as u32);
        let in_db = stored.item(id).unwrap();
        assert_eq!(item["version"], in_db.version, "item {id:?}");
        assert_eq!(item["status"], serde_json::to_value(in_db.status).unwrap());
    }
    let counts = server.json("/api/v1/integrations/0/counts").await;
    let in_db = stored.counts(sync_core::IntegrationId(0)).unwrap();
    assert_eq!(counts, serde_json::to_value(in_db).unwrap());
}

/// Whether the server closes `stream` within `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> bool {
    let mut buffer = [0; 1024];
    matches!(
        tokio::time::timeout(limit, stream.read(&mut buffer)).await,
        Ok(Ok(_) | Err(_))
    )
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed_while_requests_keep_answering() {
    let args = ["--first-byte-timeout", "1", "--header-timeout", "1"];
    let server = Server::start(&sqlite("slow"), &args);
    let mut idle = TcpStream::connect(&server.addr).await.unwrap();
    let mut slow = TcpStream::connect(&server.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let closed = async {
        (
            closed_within(&mut idle, Duration::from_secs(5)).await,
            closed_within(&mut slow, Duration::from_secs(5)).await,
        )
    };
    let answering = async {
        // Paces the requests, no more: each must be answered while the two are open.
        let mut every = tokio::time::interval(Duration::from_millis(50));
        loop {
            every.tick().await;
            server.json("/api/v1/integrations").await;
        }
    };
    let (idle_closed, slow_closed) = tokio::select! {
        closed = closed => closed,
        () = answering => unreachable!(),
    };
    assert!(idle_closed, "idle closed");
    assert!(slow_closed, "slow closed");
    server.json("/api/v1/integrations").await;
}

#[tokio::test]
async fn a_stop_with_a_partial_request_open_finishes_within_the_grace() {
    let args = ["--header-timeout", "60", "--shutdown-grace", "2"];
    let mut server = Server::start(&sqlite("partial"), &args);
    let mut partial = TcpStream::connect(&server.addr).await.unwrap();
    partial
        .write_all(
            b"POST /api/v1/items/1/exclude HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Content-Length: 50\r\n\r\n{",
        )
        .await
        .unwrap();
    // The partial request is being answered (its handler waits for the body), besides the ask.
    server
        .metrics_until(
            "the partial request in flight",
            Duration::from_secs(30),
            |m| m["sync_server_requests_in_flight"] == 2,
        )
        .await;
    server.signal("TERM");
    assert!(
        server.exits_within(Duration::from_secs(6)).is_some(),
        "stopped"
    );
}

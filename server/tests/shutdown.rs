//! SIGTERM while writes are streaming in: every write the server acknowledged is in the database
//! after it stops, and the server exits cleanly.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use sync_server::{open, Settings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One HTTP/1.1 request over a fresh connection; the status and body, or `None` if the server
/// was gone.
async fn http(addr: &str, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await.ok()?;
    let status = response.get(9..12)?.parse().ok()?;
    let body = response.split_once("\r\n\r\n")?.1.to_owned();
    Some((status, body))
}

#[tokio::test]
async fn a_graceful_stop_keeps_every_acknowledged_write() {
    let dir = std::env::temp_dir().join(format!("sync-server-stop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let database = format!("sqlite:{}", dir.join("stop.db").display());
    let mut server = Command::new(env!("CARGO_BIN_EXE_sync-server"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--database",
            &database,
            "--demo-size",
            "200",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().unwrap().unwrap();
        if let Some(rest) = line.split("\"listen\":\"").nth(1) {
            break rest.split('"').next().unwrap().to_owned();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));

    let (_, clients) = http(&addr, "GET", "/api/v1/integrations/0/clients", "")
        .await
        .unwrap();
    let client = serde_json::from_str::<Value>(&clients).unwrap()[0]["id"].clone();
    let path = format!("/api/v1/integrations/0/clients/{client}/items?status=matched&limit=1000");
    let (_, page) = http(&addr, "GET", &path, "").await.unwrap();
    let items: Vec<Value> = serde_json::from_str::<Value>(&page).unwrap()["items"]
        .as_array()
        .unwrap()
        .clone();
    assert!(items.len() >= 10, "{} items", items.len());

    // Stream exclusions; stop the server while they are coming in.
    let writer = {
        let addr = addr.clone();
        tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            for item in items {
                let path = format!("/api/v1/items/{}/exclude", item["id"]);
                let body = format!("{{\"version\": {}}}", item["version"]);
                match http(&addr, "POST", &path, &body).await {
                    Some((200, _)) => acknowledged.push(item["id"].as_u64().unwrap()),
                    Some(_) => {}
                    None => break,
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            acknowledged
        })
    };
    tokio::time::sleep(Duration::from_millis(40)).await;
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let acknowledged = writer.await.unwrap();
    let status = server.wait().unwrap();
    assert!(status.success(), "clean exit: {status}");
    assert!(
        !acknowledged.is_empty(),
        "some writes were acknowledged before the stop"
    );

    let settings = Settings {
        database,
        demo_size: 200,
        token: None,
        fault_injection: false,
        hostile_names: Vec::new(),
    };
    let state = open(&settings).await.unwrap();
    let store = state.replica.read(&state.db).await.unwrap();
    for id in acknowledged {
        let item = store.item(sync_core::ItemId(id as u32)).unwrap();
        assert_eq!(item.status, sync_core::SyncStatus::Excluded, "item {id}");
    }
}

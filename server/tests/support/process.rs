//! The `sync-server` binary as a child process, and raw HTTP/1.1 over TCP to it.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A running server.
pub struct Server {
    /// The child process.
    pub child: Child,
    /// Where it listens (`127.0.0.1:port`).
    pub addr: String,
}

impl Server {
    /// Starts the binary on `database` with extra arguments; returns once it listens.
    pub fn start(database: &str, extra: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sync-server"))
            .args(["--listen", "127.0.0.1:0", "--database", database])
            .args(["--demo", "--demo-size", "200"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("the server printed where it listens")
                .unwrap();
            if let Some(rest) = line.split("\"listen\":\"").nth(1) {
                break rest.split('"').next().unwrap().to_owned();
            }
        };
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, addr }
    }

    /// Sends a signal (`TERM`, `KILL`).
    pub fn signal(&self, name: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits up to `limit` for the process to exit; whether it did, cleanly.
    pub fn exits_within(&mut self, limit: Duration) -> Option<bool> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status.success());
            }
            // Paces the polling, no more: each round asks whether the process has exited.
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// `GET /metrics` read as name → value.
    pub async fn metrics(&self) -> BTreeMap<String, u64> {
        let (status, body) = http(&self.addr, "GET", "/metrics", "")
            .await
            .expect("an answer");
        assert_eq!(status, 200, "/metrics: {body}");
        body.lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(' '))
            .map(|(name, value)| (name.to_owned(), value.trim().parse().unwrap()))
            .collect()
    }

    /// Waits (up to `limit`) until `/metrics` satisfies `settled`; panics with what it last saw
    /// and how long it waited.
    pub async fn metrics_until(
        &self,
        what: &str,
        limit: Duration,
        settled: impl Fn(&BTreeMap<String, u64>) -> bool,
    ) {
        let started = Instant::now();
        loop {
            let seen = self.metrics().await;
            if settled(&seen) {
                return;
            }
            assert!(
                started.elapsed() < limit,
                "expected {what} within {limit:?}; after {:?} /metrics said {seen:?}",
                started.elapsed()
            );
            // Paces the polling, no more: this waits for nothing. The condition is asked of the
            // server each round, and the deadline above fails with what it last said.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the server has nothing in flight but the request asking: every connection
    /// accepted before it is closed and every write it started is committed or refused.
    pub async fn settled(&self) {
        self.metrics_until("nothing in flight", Duration::from_secs(60), |m| {
            m["sync_server_connections_open"] == 1
                && m["sync_server_requests_in_flight"] == 1
                && m["sync_server_writes_in_flight"] == 0
        })
        .await;
    }

    /// A GET answered with 200, as JSON.
    pub async fn json(&self, path: &str) -> Value {
        let (status, body) = http(&self.addr, "GET", path, "").await.expect("an answer");
        assert_eq!(status, 200, "{path}: {body}");
        serde_json::from_str(&body).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request as HTTP/1.1 text.
pub fn request(addr: &str, method: &str, path: &str, body: &str) -> String {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// One request over a fresh connection; the status and body, or `None` if the server was gone.
pub async fn http(addr: &str, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    stream
        .write_all(request(addr, method, path, body).as_bytes())
        .await
        .ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.ok()?;
    let response = String::from_utf8_lossy(&response);
    let status = response.get(9..12)?.parse().ok()?;
    let body = response.split_once("\r\n\r\n")?.1.to_owned();
    Some((status, body))
}

/// An answer read off the wire: status, header fields (names lower-cased) and body.
#[derive(Debug)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The header fields, in order.
    pub headers: Vec<(String, String)>,
    /// The body, as text.
    pub body: String,
}

impl Answer {
    /// The value of header `name`, if any.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `bytes` as they are over a fresh connection and reads the answer until the server
/// closes; `None` if it closed without one.
pub async fn exchange(addr: &str, bytes: &[u8]) -> Option<Answer> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    // The server may answer (and close) before it has read everything sent: a refusal.
    let _ = stream.write_all(bytes).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let response = String::from_utf8_lossy(&response);
    let (head, body) = response.split_once("\r\n\r\n")?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.get(9..12)?.parse().ok()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some(Answer {
        status,
        headers,
        body: body.to_owned(),
    })
}

/// A fresh SQLite database file's URL.
pub fn sqlite(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("sync-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    format!("sqlite:{}", dir.join("test.db").display())
}

/// Every item of integration 0, by client, as the API lists them.
pub async fn all_items(server: &Server) -> Vec<Value> {
    let clients = server.json("/api/v1/integrations/0/clients").await;
    let mut items = Vec::new();
    for client in clients.as_array().unwrap() {
        let path = format!(
            "/api/v1/integrations/0/clients/{}/items?limit=10000",
            client["id"]
        );
        let page = server.json(&path).await;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
    }
    items
}

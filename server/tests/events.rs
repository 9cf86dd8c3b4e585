//! The change events (`GET /api/v1/events`), on SQLite and PostgreSQL: a write and a sync run are
//! heard with their change number; a subscriber that reconnects resumes after the last event it
//! heard, or is told to reload; a write on one replica is heard by a subscriber of the other
//! within a second; a hundred subscribers all hear a write; the token may come in the query.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

mod support;

use support::{app_with, call, databases, first_item, get, post, postgres};

/// One SSE event: its name, id and data.
#[derive(Debug)]
struct Heard {
    event: String,
    id: Option<u64>,
    data: String,
}

/// A subscriber's stream, read event by event.
struct Stream {
    body: Body,
    buffer: String,
}

impl Stream {
    async fn open(app: &Router, last_event_id: Option<u64>, query: &str) -> Self {
        let mut request = Request::get(format!("/api/v1/events{query}"));
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id.to_string());
        }
        let response = app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/event-stream"
        );
        Self {
            body: response.into_body(),
            buffer: String::new(),
        }
    }

    /// The next event (keep-alive comments skipped); fails with what was read when none came in
    /// time.
    async fn next(&mut self, within: Duration) -> Heard {
        let deadline = Instant::now() + within;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut heard = Heard {
                    event: "message".to_owned(),
                    id: None,
                    data: String::new(),
                };
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        heard.event = v.trim().to_owned();
                    } else if let Some(v) = line.strip_prefix("id:") {
                        heard.id = v.trim().parse().ok();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        heard.data.push_str(v.trim());
                    }
                }
                if block.lines().all(|l| l.starts_with(':')) {
                    continue;
                }
                return heard;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let frame = tokio::time::timeout(left, self.body.frame()).await;
            match frame {
                Ok(Some(Ok(frame))) => {
                    if let Ok(bytes) = frame.into_data() {
                        self.buffer.push_str(&String::from_utf8_lossy(&bytes));
                    }
                }
                Ok(Some(Err(error))) => panic!("the stream failed: {error}"),
                Ok(None) => panic!("the stream ended; read: {:?}", self.buffer),
                Err(_) => panic!("no event within {within:?}; read so far: {:?}", self.buffer),
            }
        }
    }
}

async fn exclude_one(app: &Router, key: &str) -> Value {
    let item = first_item(app, "not-synced").await;
    let path = format!("/api/v1/items/{}/exclude", item["id"]);
    let (status, body, _) = call(
        app,
        post(&path, json!({ "version": item["version"] }), Some(key)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    item
}

fn payload(heard: &Heard) -> Value {
    serde_json::from_str(&heard.data).unwrap()
}

#[tokio::test]
async fn a_write_and_a_run_are_heard_and_a_reconnect_resumes_after_the_last_event() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let mut stream = Stream::open(&app, None, "").await;
        let item = exclude_one(&app, "e-1").await;
        let first = stream.next(Duration::from_secs(5)).await;
        assert_eq!(first.event, "change", "{db}: {first:?}");
        let seq = first.id.expect("an id");
        let said = payload(&first);
        assert_eq!(said["kind"], "items", "{db}");
        assert_eq!(said["items"], json!([item["id"]]), "{db}");
        assert_eq!(said["seq"], seq, "{db}");
        // A sync run.
        let run = json!({"id": "events-1", "finished": "2026-12-01T06:00:00Z",
            "clients": [{"source_id": "EV", "name": "Events Client", "items": [
                {"source_id": "1", "name": "EV-1", "type": "configuration"}]}]});
        let (status, _, _) = call(&app, post("/api/v1/integrations/0/sync-runs", run, None)).await;
        assert_eq!(status, StatusCode::OK);
        let second = stream.next(Duration::from_secs(5)).await;
        assert_eq!(payload(&second)["kind"], "run", "{db}");
        assert_eq!(payload(&second)["integration"], 0, "{db}");
        assert_eq!(second.id, Some(seq + 1), "{db}");
        // Reconnecting after the first event: the second again, at once.
        let mut resumed = Stream::open(&app, Some(seq), "").await;
        let again = resumed.next(Duration::from_secs(5)).await;
        assert_eq!(again.id, Some(seq + 1), "{db}: {again:?}");
    }
}

#[tokio::test]
async fn a_subscriber_that_missed_events_no_longer_kept_is_told_to_reload() {
    let db = &databases().await[0];
    let app = app_with(db, None).await;
    exclude_one(&app, "r-1").await;
    exclude_one(&app, "r-2").await;
    // A new process keeps nothing from before: a subscriber that heard only change 1 reloads.
    let restarted = app_with(db, None).await;
    let mut stream = Stream::open(&restarted, Some(1), "").await;
    let heard = stream.next(Duration::from_secs(5)).await;
    assert_eq!(heard.event, "reload", "{heard:?}");
    // One that heard everything resumes quietly, and hears the next change.
    let mut current = Stream::open(&restarted, Some(2), "").await;
    exclude_one(&restarted, "r-3").await;
    assert_eq!(current.next(Duration::from_secs(5)).await.id, Some(3));
}

#[tokio::test]
async fn a_write_on_one_replica_is_heard_by_a_subscriber_of_the_other_within_a_second() {
    let Some(url) = postgres().await else {
        eprintln!("SYNC_SERVER_TEST_POSTGRES is not set: skipped");
        return;
    };
    let a = app_with(&url, None).await;
    let b = app_with(&url, None).await;
    let mut on_b = Stream::open(&b, None, "").await;
    let mut latencies = Vec::new();
    for n in 1..=5 {
        let start = Instant::now();
        let item = exclude_one(&a, &format!("x-{n}")).await;
        let heard = on_b.next(Duration::from_secs(1)).await;
        latencies.push(start.elapsed());
        assert_eq!(payload(&heard)["items"], json!([item["id"]]));
    }
    eprintln!("a write on replica A heard on replica B after (write included): {latencies:?}");
}

#[tokio::test]
async fn a_hundred_subscribers_all_hear_a_write() {
    let db = &databases().await[0];
    let app = app_with(db, None).await;
    let mut streams = Vec::new();
    for _ in 0..100 {
        streams.push(Stream::open(&app, None, "").await);
    }
    let text = metrics_text(&app).await;
    assert!(
        text.contains("\nsync_server_event_subscribers 100\n"),
        "{text}"
    );
    let start = Instant::now();
    exclude_one(&app, "h-1").await;
    for stream in &mut streams {
        assert_eq!(stream.next(Duration::from_secs(5)).await.event, "change");
    }
    eprintln!("100 subscribers heard a write within {:?}", start.elapsed());
    drop(streams);
    let text = metrics_text(&app).await;
    assert!(
        text.contains("\nsync_server_event_subscribers 0\n"),
        "{text}"
    );
}

async fn metrics_text(app: &Router) -> String {
    let response = app.clone().oneshot(get("/metrics")).await.unwrap();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn with_a_token_the_events_take_it_in_the_query_and_nowhere_else() {
    let db = &databases().await[0];
    let app = app_with(db, Some("s3cret+/=")).await;
    let refused = app.clone().oneshot(get("/api/v1/events")).await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let wrong = app
        .clone()
        .oneshot(get("/api/v1/events?access_token=nope"))
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    Stream::open(&app, None, "?access_token=s3cret%2B%2F%3D").await;
    // Another path does not take it.
    let elsewhere = app
        .clone()
        .oneshot(get("/api/v1/integrations?access_token=s3cret%2B%2F%3D"))
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::UNAUTHORIZED);
}

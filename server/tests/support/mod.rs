//! What the server's API tests share: fresh databases, a router over them, and requests.
#![allow(dead_code)] // Each test file uses its own part.

use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::Connection;
use sync_server::{open, router, Settings};
use tower::ServiceExt;

/// The databases to test against: a fresh SQLite file, and a fresh PostgreSQL database if one is
/// configured.
pub async fn databases() -> Vec<String> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let pid = std::process::id();
    let dir = std::env::temp_dir().join(format!("sync-server-test-{pid}-{n}"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut urls = vec![format!("sqlite:{}", dir.join("test.db").display())];
    if let Ok(admin) = std::env::var("SYNC_SERVER_TEST_POSTGRES") {
        let name = format!("sync_test_{pid}_{n}");
        let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        urls.push(format!("{base}/{name}"));
    }
    urls
}

pub async fn app_with(database: &str, token: Option<&str>) -> Router {
    let settings = Settings {
        database: database.to_owned(),
        demo: Some(60),
        token: token.map(str::to_owned),
        fault_injection: false,
        hostile_names: Vec::new(),
        ..Default::default()
    };
    router(open(&settings).await.unwrap(), &["*".to_owned()])
}

pub async fn call(app: &Router, request: Request<Body>) -> (StatusCode, Value, Option<String>) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, body, kind)
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

pub fn post(path: &str, body: Value, key: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path).header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

/// The first item of integration 0's first client with this status.
pub async fn first_item(app: &Router, status: &str) -> Value {
    let (_, clients, _) = call(app, get("/api/v1/integrations/0/clients")).await;
    for client in clients.as_array().unwrap() {
        let path = format!(
            "/api/v1/integrations/0/clients/{}/items?status={status}&limit=1",
            client["id"]
        );
        let (_, page, _) = call(app, get(&path)).await;
        if let Some(item) = page["items"].get(0) {
            return item.clone();
        }
    }
    panic!("no {status} item");
}

/// A fresh PostgreSQL database, if one is configured (`SYNC_SERVER_TEST_POSTGRES`).
pub async fn postgres() -> Option<String> {
    std::env::var("SYNC_SERVER_TEST_POSTGRES").ok()?;
    databases()
        .await
        .into_iter()
        .find(|url| url.starts_with("postgres"))
}
pub mod process;

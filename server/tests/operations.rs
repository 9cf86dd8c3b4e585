//! What operators and hostile clients meet: panics, oversize and odd bodies, auth header forms,
//! key syntax, unknown clients, request ids, readiness and compression.

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use serde_json::json;
use support::{app_with, call, databases, first_item, get, post};
use sync_server::{open, router, Settings};
use tower::ServiceExt;

async fn app_with_faults(database: &str) -> Router {
    let settings = Settings {
        database: database.to_owned(),
        demo: Some(60),
        token: None,
        fault_injection: true,
        hostile_names: Vec::new(),
        ..Default::default()
    };
    router(open(&settings).await.unwrap(), &["*".to_owned()])
}

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_next_request_succeeds() {
    let db = databases().await.remove(0);
    let app = app_with_faults(&db).await;
    let arm = post(
        "/__faults",
        json!({ "kind": "panic", "path": "/counts" }),
        None,
    );
    assert_eq!(call(&app, arm).await.0, StatusCode::NO_CONTENT);
    let (status, problem, kind) = call(&app, get("/api/v1/integrations/0/counts")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(problem["type"], "urn:sync-overview:problem:internal");
    assert_eq!(kind.as_deref(), Some("application/problem+json"));
    let (status, _, _) = call(&app, get("/api/v1/integrations/0/counts")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn odd_requests_get_the_right_problem_and_change_nothing() {
    let db = databases().await.remove(0);
    let app = app_with(&db, None).await;
    let item = first_item(&app, "not-synced").await;
    let path = format!("/api/v1/items/{}/exclude", item["id"]);

    let big = json!({ "version": item["version"], "padding": "x".repeat(100_000) });
    let (status, problem, _) = call(&app, post(&path, big, None)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(problem["type"], "urn:sync-overview:problem:too-large");

    let (status, _, _) = call(&app, post(&path, json!([item["version"]]), None)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an array is not an object");

    let spaced = post(&path, json!({ "version": item["version"] }), Some("a key"));
    assert_eq!(call(&app, spaced).await.0, StatusCode::BAD_REQUEST);

    let (status, _, _) = call(&app, get("/api/v1/integrations/0/clients/999999/items")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unknown client");

    assert_eq!(
        first_item(&app, "not-synced").await,
        item,
        "nothing changed"
    );
}

#[tokio::test]
async fn the_bearer_scheme_is_read_in_any_case() {
    let db = databases().await.remove(0);
    let app = app_with(&db, Some("s3cret")).await;
    for (value, expected) in [
        ("bearer s3cret", StatusCode::OK),
        ("BEARER s3cret", StatusCode::OK),
        ("Bearer s3cre", StatusCode::UNAUTHORIZED),
        ("Bearer s3cret-and-more", StatusCode::UNAUTHORIZED),
        ("Basic s3cret", StatusCode::UNAUTHORIZED),
    ] {
        let request = Request::get("/api/v1/integrations")
            .header(header::AUTHORIZATION, value)
            .body(Body::empty())
            .unwrap();
        assert_eq!(call(&app, request).await.0, expected, "{value}");
    }
}

#[tokio::test]
async fn request_ids_readiness_and_compression() {
    let db = databases().await.remove(0);
    let app = app_with(&db, None).await;
    let request = Request::get("/readyz")
        .header("x-request-id", "complaint-42")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-request-id"], "complaint-42");

    let response = app.clone().oneshot(get("/healthz")).await.unwrap();
    assert!(
        !response.headers()["x-request-id"].is_empty(),
        "an id is made when none is sent"
    );

    let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
    let page = format!(
        "/api/v1/integrations/0/clients/{}/items?limit=10000",
        clients[0]["id"]
    );
    let request = Request::get(&page)
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
}

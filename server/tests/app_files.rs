//! One process is a deployment: the built app served beside the API (`--static-dir`), with
//! cache headers that let a new build be seen at once and the hashed files be kept a year.

mod support;

use axum::http::{header, StatusCode};
use support::{call, get};
use sync_server::{open, router, Settings};
use tower::ServiceExt;

#[tokio::test]
async fn the_app_is_served_beside_the_api_with_cache_and_policy_headers() {
    let dir = std::env::temp_dir().join(format!("sync-app-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Sync Overview</title>",
    )
    .unwrap();
    std::fs::write(dir.join("main-cde3131a705ba252.css"), "body{}").unwrap();
    std::fs::write(dir.join("embed.js"), "export {}").unwrap();
    let settings = Settings {
        static_dir: Some(dir.clone()),
        demo: Some(60),
        ..Settings::default()
    };
    let app = router(open(&settings).await.unwrap(), &[]);
    let answer = |path: &'static str| {
        let app = app.clone();
        async move { app.oneshot(get(path)).await.unwrap() }
    };
    // The page opens on this server's API.
    let bare = answer("/").await;
    assert_eq!(bare.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(bare.headers()[header::LOCATION], "/?backend=http");
    let page = answer("/?backend=http").await;
    assert_eq!(page.status(), StatusCode::OK);
    let headers = page.headers();
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.contains("connect-src 'self'") && policy.contains("'wasm-unsafe-eval'"));
    let css = answer("/main-cde3131a705ba252.css").await;
    assert_eq!(
        css.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        answer("/embed.js").await.headers()[header::CACHE_CONTROL],
        "no-cache"
    );
    assert_eq!(
        answer("/nothing-here.js").await.status(),
        StatusCode::NOT_FOUND
    );
    // The API is still the API, its unknown paths problem documents.
    let (status, integrations, _) = call(&app, get("/api/v1/integrations")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(integrations.as_array().is_some_and(|l| !l.is_empty()));
    let (status, problem, kind) = call(&app, get("/api/v1/nothing")).await;
    assert_eq!(
        (status, kind.as_deref()),
        (StatusCode::NOT_FOUND, Some("application/problem+json"))
    );
    assert_eq!(problem["type"], "urn:sync-overview:problem:not-found");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_preflight_answer_may_be_cached_for_an_hour() {
    let app = router(open(&Settings::default()).await.unwrap(), &["*".to_owned()]);
    let preflight = axum::http::Request::builder()
        .method("OPTIONS")
        .uri("/api/v1/integrations")
        .header(header::ORIGIN, "https://portal.example")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .body(axum::body::Body::empty())
        .unwrap();
    let answer = app.oneshot(preflight).await.unwrap();
    assert_eq!(answer.headers()[header::ACCESS_CONTROL_MAX_AGE], "3600");
}

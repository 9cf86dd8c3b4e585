//! Sync runs through the API, on SQLite and PostgreSQL: applied once, whole or not at all, kept
//! across a restart, never undoing a technician's decision.

mod support;

use std::time::Instant;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use support::{call, databases, get, post};
use sync_server::{open, router, Settings};

/// A server on `database`, empty unless a run came before (no demo data).
async fn app(database: &str) -> Router {
    let settings = Settings {
        database: database.to_owned(),
        ..Settings::default()
    };
    router(open(&settings).await.unwrap(), &["*".to_owned()])
}

fn ndjson(lines: &[Value]) -> Request<Body> {
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    Request::post("/api/v1/integrations/NinjaOne%20EU/sync-runs")
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(Body::from(body))
        .unwrap()
}

/// A NinjaOne run for "Contoso" with `items` (source id, name), as NDJSON lines.
fn run(id: &str, finished: &str, items: &[(&str, &str)]) -> Vec<Value> {
    let mut lines = vec![
        json!({"run": {"id": id, "finished": finished, "product": "ninja-one"}}),
        json!({"client": {"source_id": "org-1", "name": "Contoso"}}),
    ];
    for (source_id, name) in items {
        lines.push(json!({"item": {"source_id": source_id, "name": name, "type": "device"}}));
    }
    lines
}

/// The items of the run's integration and client: (name, status, missing since).
async fn items(app: &Router) -> Vec<(String, String, Option<String>)> {
    let (_, integrations, _) = call(app, get("/api/v1/integrations")).await;
    let id = integrations[0]["id"].as_u64().unwrap();
    let (_, clients, _) = call(app, get(&format!("/api/v1/integrations/{id}/clients"))).await;
    let client = clients[0]["id"].as_u64().unwrap();
    let path = format!("/api/v1/integrations/{id}/clients/{client}/items?limit=1000");
    let (status, page, _) = call(app, get(&path)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let rows = page["items"].as_array().unwrap();
    rows.iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
                i["missing_since"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_run_is_applied_once_kept_across_a_restart_and_answered_the_same_again() {
    for db in databases().await {
        let app = app(&db).await;
        let (_, none, _) = call(&app, get("/api/v1/integrations")).await;
        assert_eq!(
            none,
            json!([]),
            "{db}: an empty database stays empty without --demo"
        );
        let lines = run(
            "r1",
            "2026-12-01T06:00:00Z",
            &[("d1", "CONTOSO-DC01"), ("d2", "LT-7")],
        );
        let response = app.clone().oneshot_ndjson(&lines).await;
        let (status, first, replayed) = response;
        assert_eq!(status, StatusCode::OK, "{db}: {first}");
        assert_eq!(
            (first["new"].as_u64(), first["seen"].as_u64()),
            (Some(2), Some(2))
        );
        assert!(!replayed);
        let (status, again, replayed) = app.clone().oneshot_ndjson(&lines).await;
        assert_eq!((status, &again), (StatusCode::OK, &first), "{db}");
        assert!(replayed, "{db}: the answer says it was replayed");
        let (_, integrations, _) = call(&app, get("/api/v1/integrations")).await;
        assert_eq!(integrations[0]["name"], "NinjaOne EU");
        assert_eq!(integrations[0]["last_synced"], "2026-12-01T06:00:00Z");
        let before = items(&app).await;
        assert_eq!(before.len(), 2, "{db}: the same run twice made two items");
        // A fresh process on the same database reads the same.
        let restarted = self::app(&db).await;
        assert_eq!(items(&restarted).await, before, "{db}");
        let (_, logs, _) = call(
            &restarted,
            get("/api/v1/integrations/0/logs?from=2026-11-01T00:00:00Z&to=2026-12-02T00:00:00Z"),
        )
        .await;
        let messages: Vec<&str> = (logs.as_array().unwrap().iter())
            .filter_map(|l| l["message"].as_str())
            .collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("Sync run r1: 2 items seen; 2 new")),
            "{db}: {messages:?}"
        );
    }
}

#[tokio::test]
async fn a_malformed_run_names_the_line_and_field_and_changes_nothing() {
    for db in databases().await {
        let app = app(&db).await;
        app.clone()
            .oneshot_ndjson(&run("r1", "2026-12-01T06:00:00Z", &[("d1", "DC01")]))
            .await;
        let before = items(&app).await;
        let mut lines = run(
            "r2",
            "2026-12-02T06:00:00Z",
            &[("d1", "DC01"), ("d2", "LT-7")],
        );
        lines[3] = json!({"item": {"name": "no id", "type": "device"}});
        let (status, problem, _) = app.clone().oneshot_ndjson(&lines).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert_eq!(problem["type"], "urn:sync-overview:problem:invalid-run");
        assert_eq!(
            (problem["line"].as_u64(), problem["field"].as_str()),
            (Some(4), Some("item.source_id"))
        );
        // A line that is not JSON.
        let body = "{\"run\": {\"id\": \"r3\", \"finished\": \"2026-12-02T06:00:00Z\"}}\n{oops\n";
        let request = Request::post("/api/v1/integrations/0/sync-runs")
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .body(Body::from(body))
            .unwrap();
        let (status, problem, _) = call(&app, request).await;
        assert_eq!(
            (status, problem["line"].as_u64()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(2))
        );
        // An item listed twice: found by sync-core, reported at its line.
        let lines = run(
            "r4",
            "2026-12-02T06:00:00Z",
            &[("d1", "DC01"), ("d1", "DC01 again")],
        );
        let (status, problem, _) = app.clone().oneshot_ndjson(&lines).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["line"].as_u64(), Some(4), "{problem}");
        assert_eq!(problem["field"], "clients[0].items[1].source_id");
        // The same as JSON: the path of the field.
        let mut document = json!({"id": "r5", "finished": "2026-12-02T06:00:00Z", "clients": [
            {"source_id": "org-1", "name": "Contoso", "items": [{"name": "x", "type": "device"}]}
        ]});
        let (status, problem, _) = call(
            &app,
            post("/api/v1/integrations/0/sync-runs", document.clone(), None),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            problem["field"], "clients[0].items[0].source_id",
            "{problem}"
        );
        assert_eq!(
            items(&app).await,
            before,
            "{db}: nothing of a refused run was applied"
        );
        document["clients"][0]["items"][0]["source_id"] = json!("d9");
        let (status, _, _) = call(
            &app,
            post("/api/v1/integrations/0/sync-runs", document, None),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn missing_returning_and_renamed_items_keep_the_technicians_decision() {
    for db in databases().await {
        let app = app(&db).await;
        let items_now = |app: &Router| {
            let app = app.clone();
            async move { items(&app).await }
        };
        app.clone()
            .oneshot_ndjson(&run(
                "r1",
                "2026-12-01T06:00:00Z",
                &[("d1", "DC01"), ("d2", "LT-7")],
            ))
            .await;
        // The technician excludes LT-7.
        let (_, page, _) = call(
            &app,
            get("/api/v1/integrations/0/clients/0/items?filter=LT"),
        )
        .await;
        let lt7 = &page["items"][0];
        let path = format!("/api/v1/items/{}/exclude", lt7["id"]);
        let body = json!({"version": lt7["version"], "disable_record": false});
        assert_eq!(
            call(&app, post(&path, body, Some("x-1"))).await.0,
            StatusCode::OK
        );
        // The next run misses it: flagged, kept, still excluded.
        let (_, summary, _) = app
            .clone()
            .oneshot_ndjson(&run("r2", "2026-12-02T06:00:00Z", &[("d1", "DC01")]))
            .await;
        assert_eq!(summary["missing"], 1);
        let now = items_now(&app).await;
        let missing = (
            "LT-7".to_owned(),
            "excluded".to_owned(),
            Some("2026-12-02T06:00:00Z".to_owned()),
        );
        assert!(now.contains(&missing), "{db}: {now:?}");
        // Back again, renamed: still excluded, no longer missing.
        let (_, summary, _) = app
            .clone()
            .oneshot_ndjson(&run(
                "r3",
                "2026-12-03T06:00:00Z",
                &[("d1", "DC01"), ("d2", "LT-7b")],
            ))
            .await;
        assert_eq!(
            (summary["returned"].as_u64(), summary["changed"].as_u64()),
            (Some(1), Some(1))
        );
        let now = items_now(&app).await;
        assert!(
            now.contains(&("LT-7b".to_owned(), "excluded".to_owned(), None)),
            "{db}: {now:?}"
        );
    }
}

#[tokio::test]
async fn a_run_of_100000_items_for_one_client() {
    // The work itself, in a debug build; the speed figure is the release build's (the note).
    let mut lines = run("big", "2026-12-01T06:00:00Z", &[]);
    for n in 0..100_000 {
        let item = json!({"source_id": format!("d{n}"), "name": format!("DEVICE-{n:06}"),
            "type": "device", "serial": format!("SN{n}")});
        lines.push(json!({ "item": item }));
    }
    for db in databases().await {
        let app = app(&db).await;
        let started = Instant::now();
        let (status, summary, _) = app.clone().oneshot_ndjson(&lines).await;
        println!(
            "{db}: a run of 100,000 new items applied in {:?}",
            started.elapsed()
        );
        assert_eq!(status, StatusCode::OK, "{summary}");
        assert_eq!(summary["new"], 100_000);
        // The next run lists half of them: the other half is missing, in one more run.
        let half: Vec<Value> = lines.iter().take(2 + 50_000).cloned().collect();
        let mut half = half;
        half[0]["run"]["id"] = json!("big-2");
        half[0]["run"]["finished"] = json!("2026-12-02T06:00:00Z");
        let (status, summary, _) = app.clone().oneshot_ndjson(&half).await;
        assert_eq!(
            (status, summary["missing"].as_u64()),
            (StatusCode::OK, Some(50_000)),
            "{db}"
        );
        let (_, counts, _) = call(&app, get("/api/v1/integrations/0/counts")).await;
        assert_eq!(counts["not_synced"], 100_000, "{db}");
    }
}

/// Posting NDJSON lines: the status, the body and whether the answer was replayed.
trait PostRun {
    async fn oneshot_ndjson(self, lines: &[Value]) -> (StatusCode, Value, bool);
}

impl PostRun for Router {
    async fn oneshot_ndjson(self, lines: &[Value]) -> (StatusCode, Value, bool) {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let response = self.oneshot(ndjson(lines)).await.unwrap();
        let replayed = response.headers().contains_key("sync-run-replayed");
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            replayed,
        )
    }
}

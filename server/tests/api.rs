//! The API contract, end to end through the router, on SQLite and (when
//! `SYNC_SERVER_TEST_POSTGRES` names a server, e.g. `postgres://postgres@127.0.0.1:5433/postgres`)
//! on PostgreSQL.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::json;
use sync_server::{open, router, Settings};
use tower::ServiceExt;

mod support;

use support::{app_with, call, databases, first_item, get, post};

#[tokio::test]
async fn every_read_endpoint_answers() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let (status, integrations, kind) = call(&app, get("/api/v1/integrations")).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(kind.as_deref(), Some("application/json"));
        assert_eq!(integrations.as_array().unwrap().len(), 6);
        assert!(integrations[0]["last_synced"].is_string());

        let (status, counts, _) = call(&app, get("/api/v1/integrations/0/counts")).await;
        assert_eq!(status, StatusCode::OK);
        let total = counts["matched"].as_u64().unwrap()
            + counts["not_synced"].as_u64().unwrap()
            + counts["excluded"].as_u64().unwrap();

        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let clients = clients.as_array().unwrap();
        assert!(clients.len() >= 10);
        let mut sum = 0;
        for client in clients {
            let path = format!(
                "/api/v1/integrations/0/clients/{}/items?limit=1",
                client["id"]
            );
            let (status, page, _) = call(&app, get(&path)).await;
            assert_eq!(status, StatusCode::OK);
            assert!(page["items"].as_array().unwrap().len() <= 1);
            sum += page["total"].as_u64().unwrap();
        }
        assert_eq!(sum, total, "the clients' items add up to the counts");

        let client = &clients[0]["id"];
        let path = format!(
            "/api/v1/integrations/0/clients/{client}/items?filter=A&type=contact&status=matched&sort=name&order=desc&offset=0&limit=5"
        );
        let (status, page, _) = call(&app, get(&path)).await;
        assert_eq!(status, StatusCode::OK);
        for item in page["items"].as_array().unwrap() {
            assert_eq!(item["resource_type"], "contact");
            assert_eq!(item["status"], "matched");
            assert!(item["name"].as_str().unwrap().to_lowercase().contains('a'));
        }

        let item = first_item(&app, "not-synced").await;
        let path = format!("/api/v1/items/{}/candidates", item["id"]);
        let (status, all, _) = call(&app, get(&path)).await;
        assert_eq!(status, StatusCode::OK);
        let total = all["total"].as_u64().unwrap();
        let candidates = all["candidates"].as_array().unwrap();
        assert_eq!(candidates.len() as u64, total.min(100));
        let scores: Vec<u64> = candidates
            .iter()
            .map(|c| c["score"].as_u64().unwrap())
            .collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "best first: {scores:?}"
        );
        assert!(candidates
            .iter()
            .all(|c| !c["reason"].as_str().unwrap().is_empty()));
        if let Some(first) = candidates.first() {
            let name = first["record"]["name"].as_str().unwrap();
            let (status, one, _) = call(
                &app,
                get(&format!(
                    "{path}?limit=1&filter={}",
                    name.replace(' ', "%20")
                )),
            )
            .await;
            assert_eq!(status, StatusCode::OK);
            assert!(one["total"].as_u64().unwrap() >= 1);
            assert_eq!(one["candidates"][0]["record"]["name"], name);
            assert_eq!(one["candidates"][0]["score"], first["score"]);
            assert_eq!(one["candidates"].as_array().unwrap().len(), 1);
        }
        let (status, _, _) = call(&app, get(&format!("{path}?limit=100000"))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        let (status, logs, _) = call(
            &app,
            get("/api/v1/integrations/0/logs?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(!logs.as_array().unwrap().is_empty());

        // The Sync Logs window's query: level and text narrow, newest first, in pages.
        let range = "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
        let search = |query: String| {
            let app = app.clone();
            async move {
                let path = format!("/api/v1/integrations/0/log-entries?{range}&{query}");
                let (status, page, _) = call(&app, get(&path)).await;
                assert_eq!(status, StatusCode::OK, "{page}");
                page
            }
        };
        let all = search(String::new()).await;
        assert_eq!(
            all["total"].as_u64(),
            Some(logs.as_array().unwrap().len() as u64)
        );
        let warnings = search("level=warning&text=NO%20MATCHING&limit=2".to_owned()).await;
        for entry in warnings["entries"].as_array().unwrap() {
            assert_eq!(entry["level"], "warning");
            assert!(entry["message"].as_str().unwrap().contains("no matching"));
        }
        assert!(warnings["entries"].as_array().unwrap().len() <= 2);
        // Each entry about an item names it, and its client narrows to it.
        if let Some(item) = warnings["items"].get(0) {
            let client = search(format!("client={}", item["client"])).await;
            assert!(client["total"].as_u64() >= Some(1), "{client}");
        }
        let (status, ..) = call(
            &app,
            get(&format!(
                "/api/v1/integrations/0/log-entries?{range}&level=loud"
            )),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn bad_requests_are_problems_with_stable_types() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let cases = [
            (
                get("/api/v1/integrations/99/counts"),
                StatusCode::NOT_FOUND,
                "not-found",
            ),
            (
                get("/api/v1/items/999999/candidates"),
                StatusCode::NOT_FOUND,
                "not-found",
            ),
            (
                get("/api/v1/integrations/0/clients/0/items?type=spaceship"),
                StatusCode::BAD_REQUEST,
                "bad-request",
            ),
            (
                get("/api/v1/integrations/0/clients/0/items?limit=99999999"),
                StatusCode::BAD_REQUEST,
                "bad-request",
            ),
            (
                get("/api/v1/integrations/0/logs?from=yesterday&to=today"),
                StatusCode::BAD_REQUEST,
                "bad-request",
            ),
            (
                Request::post("/api/v1/items/0/exclude")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("{not json"))
                    .unwrap(),
                StatusCode::BAD_REQUEST,
                "bad-request",
            ),
            (
                post("/api/v1/items/999999/exclude", json!({"version": 1}), None),
                StatusCode::NOT_FOUND,
                "not-found",
            ),
        ];
        for (request, status, kind) in cases {
            let path = request.uri().to_string();
            let (got, problem, content) = call(&app, request).await;
            assert_eq!(got, status, "{path}");
            assert_eq!(
                content.as_deref(),
                Some("application/problem+json"),
                "{path}"
            );
            assert_eq!(
                problem["type"],
                format!("urn:sync-overview:problem:{kind}"),
                "{path}"
            );
            assert_eq!(problem["status"], status.as_u16());
            assert!(problem["detail"].as_str().is_some_and(|d| !d.is_empty()));
        }
    }
}

#[tokio::test]
async fn writes_change_the_item_and_refusals_say_why() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let item = first_item(&app, "matched").await;
        let id = &item["id"];
        let path = format!("/api/v1/items/{id}/exclude");
        let (status, changed, _) = call(
            &app,
            post(
                &path,
                json!({"version": item["version"], "disable_record": true}),
                None,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(changed["status"], "excluded");
        assert_eq!(changed["record"]["disabled"], true);
        assert_eq!(changed["version"], item["version"].as_u64().unwrap() + 1);

        let (status, problem, _) = call(
            &app,
            post(&path, json!({"version": changed["version"]}), None),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["type"], "urn:sync-overview:problem:action-refused");
        assert_eq!(problem["reason"], "already-excluded");

        let include = format!("/api/v1/items/{id}/include");
        let (status, back, _) = call(
            &app,
            post(&include, json!({"version": changed["version"]}), None),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(back["status"], "matched");
    }
}

#[tokio::test]
async fn a_stale_version_gets_409_with_the_current_item() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let item = first_item(&app, "not-synced").await;
        let path = format!("/api/v1/items/{}/exclude", item["id"]);
        let (status, _, _) =
            call(&app, post(&path, json!({"version": item["version"]}), None)).await;
        assert_eq!(status, StatusCode::OK);
        let include = format!("/api/v1/items/{}/include", item["id"]);
        let (status, problem, _) = call(
            &app,
            post(&include, json!({"version": item["version"]}), None),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{db}");
        assert_eq!(problem["type"], "urn:sync-overview:problem:stale-version");
        assert_eq!(problem["current"]["status"], "excluded");
        assert_eq!(
            problem["current"]["version"],
            item["version"].as_u64().unwrap() + 1
        );
    }
}

#[tokio::test]
async fn a_retried_write_with_the_same_key_applies_once() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let item = first_item(&app, "matched").await;
        let path = format!("/api/v1/items/{}/exclude", item["id"]);
        let body = json!({"version": item["version"]});
        let first = call(&app, post(&path, body.clone(), Some("retry-1"))).await;
        let again = call(&app, post(&path, body.clone(), Some("retry-1"))).await;
        assert_eq!(first.0, StatusCode::OK, "{db}");
        assert_eq!(again, first, "the retry gets the first answer");
        // Without the key, the same request is a new write, refused as stale.
        let (status, _, _) = call(&app, post(&path, body, None)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (_, counts, _) = call(&app, get("/api/v1/integrations/0/counts")).await;
        let (_, fresh_counts, _) = call(
            &app_with(&databases().await[0], None).await,
            get("/api/v1/integrations/0/counts"),
        )
        .await;
        assert_eq!(
            counts["excluded"].as_u64().unwrap(),
            fresh_counts["excluded"].as_u64().unwrap() + 1,
            "excluded once"
        );
    }
}

#[tokio::test]
async fn two_clients_rematching_one_item_one_wins_the_other_gets_409() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let item = first_item(&app, "not-synced").await;
        let (_, found, _) = call(
            &app,
            get(&format!("/api/v1/items/{}/candidates", item["id"])),
        )
        .await;
        let candidates = found["candidates"].as_array().unwrap();
        if candidates.is_empty() {
            continue;
        }
        let path = format!("/api/v1/items/{}/rematch", item["id"]);
        let body = json!({"version": item["version"], "record": candidates[0]["record"]["id"]});
        let (a, b) = tokio::join!(
            call(&app, post(&path, body.clone(), None)),
            call(&app, post(&path, body.clone(), None))
        );
        let mut statuses = [a.0, b.0];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "{db}");
    }
}

#[tokio::test]
async fn writes_survive_a_restart() {
    for db in databases().await {
        let item = {
            let app = app_with(&db, None).await;
            let item = first_item(&app, "matched").await;
            let path = format!("/api/v1/items/{}/exclude", item["id"]);
            let (status, _, _) =
                call(&app, post(&path, json!({"version": item["version"]}), None)).await;
            assert_eq!(status, StatusCode::OK);
            item
        };
        let app = app_with(&db, None).await;
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let mut found = None;
        for client in clients.as_array().unwrap() {
            let path = format!(
                "/api/v1/integrations/0/clients/{}/items?limit=10000",
                client["id"]
            );
            let (_, page, _) = call(&app, get(&path)).await;
            found = found.or_else(|| {
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|i| i["id"] == item["id"])
                    .cloned()
            });
        }
        let found = found.unwrap();
        assert_eq!(found["status"], "excluded", "{db}");
        assert_eq!(found["version"], item["version"].as_u64().unwrap() + 1);
    }
}

#[tokio::test]
async fn a_configured_token_is_required() {
    let db = &databases().await[0];
    let app = app_with(db, Some("s3cret")).await;
    let (status, problem, _) = call(&app, get("/api/v1/integrations")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["type"], "urn:sync-overview:problem:unauthorized");
    let wrong = Request::get("/api/v1/integrations")
        .header(header::AUTHORIZATION, "Bearer nope")
        .body(Body::empty())
        .unwrap();
    assert_eq!(call(&app, wrong).await.0, StatusCode::UNAUTHORIZED);
    let right = Request::get("/api/v1/integrations")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .body(Body::empty())
        .unwrap();
    assert_eq!(call(&app, right).await.0, StatusCode::OK);
    assert_eq!(
        call(&app, get("/healthz")).await.0,
        StatusCode::OK,
        "health needs no token"
    );
}

#[tokio::test]
async fn cors_allows_the_configured_origin_only() {
    let db = &databases().await[0];
    let settings = Settings {
        database: db.clone(),
        demo: Some(60),
        token: None,
        fault_injection: false,
        hostile_names: Vec::new(),
        ..Default::default()
    };
    let app = router(
        open(&settings).await.unwrap(),
        &["http://portal.example".to_owned()],
    );
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/api/v1/items/0/exclude")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "content-type,idempotency-key",
            )
            .body(Body::empty())
            .unwrap()
    };
    let ok = app
        .clone()
        .oneshot(preflight("http://portal.example"))
        .await
        .unwrap();
    assert_eq!(
        ok.headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .unwrap(),
        "http://portal.example"
    );
    let other = app.oneshot(preflight("http://evil.example")).await.unwrap();
    assert!(other
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
}

#[tokio::test]
async fn restore_undoes_an_exclusion_and_enables_its_record_once() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let item = first_item(&app, "matched").await;
        let id = &item["id"];
        let record = item["record"]["id"].clone();
        let (status, excluded, _) = call(
            &app,
            post(
                &format!("/api/v1/items/{id}/exclude"),
                json!({"version": item["version"], "disable_record": true}),
                None,
            ),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(excluded["record"]["disabled"], true);
        let path = format!("/api/v1/items/{id}/restore");
        let undo = json!({
            "version": excluded["version"],
            "status": "matched",
            "record": record,
            "enable": record,
        });
        // Against the version the exclusion started from: refused, nothing changes.
        let stale = json!({"version": item["version"], "status": "matched", "record": record, "enable": record});
        let (status, _, _) = call(&app, post(&path, stale, None)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{db}");
        let (status, restored, _) = call(&app, post(&path, undo.clone(), None)).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(restored["status"], "matched");
        assert_eq!(restored["record"]["id"], record);
        assert_eq!(restored["record"]["disabled"], false);
        // Sent again: the item moved on, so the second is refused.
        let (status, _, _) = call(&app, post(&path, undo, None)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{db}");
        // Matched without a record is no state to restore.
        let bad = json!({"version": restored["version"], "status": "matched", "record": null});
        let (status, _, _) = call(&app, post(&path, bad, None)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
    }
}

#[tokio::test]
async fn suggestions_list_not_synced_items_with_their_dialogs_first_candidate() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let mut suggested = 0;
        for client in clients.as_array().unwrap() {
            let path = format!(
                "/api/v1/integrations/0/clients/{}/suggestions",
                client["id"]
            );
            let (status, found, _) = call(&app, get(&path)).await;
            assert_eq!(status, StatusCode::OK, "{db}");
            let found = found.as_array().unwrap();
            let scores: Vec<u64> = found
                .iter()
                .map(|s| s["candidate"]["score"].as_u64().unwrap())
                .collect();
            assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
            for suggestion in found {
                assert_eq!(suggestion["item"]["status"], "not-synced");
                let path = format!(
                    "/api/v1/items/{}/candidates?limit=1",
                    suggestion["item"]["id"]
                );
                let (_, first, _) = call(&app, get(&path)).await;
                assert_eq!(first["candidates"][0], suggestion["candidate"]);
                assert!(suggestion["candidate"]["score"].as_u64().unwrap() >= 91);
            }
            suggested += found.len();
        }
        assert!(suggested > 0, "the demo data has suggestions");
        let (status, _, _) = call(&app, get("/api/v1/integrations/99/clients/0/suggestions")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

/// A client not synced in the integration answers as sync-core (the mock store) does: an empty
/// page, not a 404; an unknown client or integration is a 404.
#[tokio::test]
async fn a_client_not_synced_in_the_integration_has_an_empty_page() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let ids = |clients: serde_json::Value| -> Vec<u64> {
            clients
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_u64().unwrap())
                .collect()
        };
        let (_, first, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let first = ids(first);
        let (_, integrations, _) = call(&app, get("/api/v1/integrations")).await;
        let mut elsewhere = None;
        for integration in 1..integrations.as_array().unwrap().len() {
            let path = format!("/api/v1/integrations/{integration}/clients");
            let (_, clients, _) = call(&app, get(&path)).await;
            elsewhere = elsewhere.or(ids(clients).into_iter().find(|c| !first.contains(c)));
        }
        let elsewhere = elsewhere.expect("the demo has a client synced only outside integration 0");
        let path = format!("/api/v1/integrations/0/clients/{elsewhere}/items");
        let (status, page, _) = call(&app, get(&path)).await;
        assert_eq!(status, StatusCode::OK, "{db}: client {elsewhere}");
        assert_eq!(page["total"], 0, "{db}: client {elsewhere}");
        assert_eq!(page["items"], json!([]), "{db}: client {elsewhere}");
        for path in [
            "/api/v1/integrations/0/clients/999999/items",
            "/api/v1/integrations/99/clients/0/items",
        ] {
            let (status, problem, _) = call(&app, get(path)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{db}: {path}");
            assert_eq!(problem["type"], "urn:sync-overview:problem:not-found");
        }
    }
}

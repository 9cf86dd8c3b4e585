//! Two replicas (two server states, each with its own memory) on one PostgreSQL database, as
//! behind a load balancer; and idempotency keys bound to their request, on every database.

mod support;

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};
use support::{app_with, call, databases, first_item, get, post, postgres};

/// Two replicas of one fresh PostgreSQL database, or none when no PostgreSQL is configured.
async fn replicas() -> Option<(Router, Router)> {
    let Some(url) = postgres().await else {
        eprintln!("SYNC_SERVER_TEST_POSTGRES is not set: replica tests skipped");
        return None;
    };
    let a = app_with(&url, None).await;
    let b = app_with(&url, None).await;
    Some((a, b))
}

async fn item(app: &Router, id: &Value) -> Value {
    let (_, clients, _) = call(app, get("/api/v1/integrations/0/clients")).await;
    for client in clients.as_array().unwrap() {
        let path = format!(
            "/api/v1/integrations/0/clients/{}/items?limit=10000",
            client["id"]
        );
        let (_, page, _) = call(app, get(&path)).await;
        if let Some(found) = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == *id)
        {
            return found.clone();
        }
    }
    panic!("no item {id}");
}

fn exclude(
    id: &Value,
    version: &Value,
    key: Option<&str>,
) -> axum::http::Request<axum::body::Body> {
    post(
        &format!("/api/v1/items/{id}/exclude"),
        json!({ "version": version }),
        key,
    )
}

#[tokio::test]
async fn a_write_on_one_replica_is_read_back_from_the_other_at_once() {
    let Some((a, b)) = replicas().await else {
        return;
    };
    let before = call(&b, get("/api/v1/integrations/0/counts")).await.1;
    let target = first_item(&a, "not-synced").await;
    let (status, changed, _) = call(&a, exclude(&target["id"], &target["version"], None)).await;
    assert_eq!(status, StatusCode::OK);
    let seen = item(&b, &target["id"]).await;
    assert_eq!(seen["status"], "excluded");
    assert_eq!(seen["version"], changed["version"]);
    let after = call(&b, get("/api/v1/integrations/0/counts")).await.1;
    assert_eq!(after["excluded"], before["excluded"].as_u64().unwrap() + 1);
    assert_eq!(
        after["not_synced"],
        before["not_synced"].as_u64().unwrap() - 1
    );
}

#[tokio::test]
async fn a_sync_run_on_one_replica_is_read_from_the_other_and_writes_go_on_after_it() {
    let Some((a, b)) = replicas().await else {
        return;
    };
    // B has read before the run: its memory holds the data as it was.
    let (_, before, _) = call(&b, get("/api/v1/integrations")).await;
    let run = json!({"id": "replicas-1", "finished": "2026-12-02T06:00:00Z", "product": "datto-rmm",
        "clients": [{"source_id": "site-1", "name": "Contoso Ltd",
            "items": [{"source_id": "d-1", "name": "CONTOSO-NEW-01", "type": "device"}]}]});
    let (status, summary, _) = call(
        &a,
        post("/api/v1/integrations/Datto%20EU/sync-runs", run, None),
    )
    .await;
    assert_eq!(
        (status, summary["new"].as_u64()),
        (StatusCode::OK, Some(1)),
        "{summary}"
    );
    // B loads the data afresh: the new integration, its client and item.
    let (_, after, _) = call(&b, get("/api/v1/integrations")).await;
    let list = after.as_array().unwrap();
    assert_eq!(list.len(), before.as_array().unwrap().len() + 1);
    let datto = list
        .iter()
        .find(|i| i["name"] == "Datto EU")
        .expect("the run's integration");
    let id = &datto["id"];
    let (_, clients, _) = call(&b, get(&format!("/api/v1/integrations/{id}/clients"))).await;
    let client = &clients[0]["id"];
    let path = format!("/api/v1/integrations/{id}/clients/{client}/items");
    let (_, page, _) = call(&b, get(&path)).await;
    let new = &page["items"][0];
    assert_eq!(new["name"], "CONTOSO-NEW-01");
    // A write through B after the run, read back on A.
    let (status, written, _) =
        call(&b, exclude(&new["id"], &new["version"], Some("after-run"))).await;
    assert_eq!(status, StatusCode::OK, "{written}");
    let (_, page, _) = call(&a, get(&path)).await;
    assert_eq!(page["items"][0]["status"], "excluded");
}

#[tokio::test]
async fn a_list_read_on_one_replica_and_acted_on_through_the_other_reports_what_changed() {
    let Some((a, b)) = replicas().await else {
        return;
    };
    let (_, clients, _) = call(&a, get("/api/v1/integrations/0/clients")).await;
    let client = &clients[0]["id"];
    let list =
        format!("/api/v1/integrations/0/clients/{client}/items?status=not-synced&limit=10000");
    let page = call(&a, get(&list)).await.1;
    let target = &page["items"][0];
    let (status, _, _) = call(&a, exclude(&target["id"], &target["version"], None)).await;
    assert_eq!(status, StatusCode::OK);
    let body = json!({"op": "exclude-matching", "disable_record": false, "matching": {
        "integration": 0, "client": client, "status": "not-synced", "as_of": page["as_of"]}});
    let (status, outcome, _) = call(&b, post("/api/v1/batches", body, None)).await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(outcome["stale"], json!([target["id"]]), "{outcome}");
    let left = call(&a, get(&list)).await.1;
    assert_eq!(left["total"], 0, "every other Not Synced item was excluded");
}

#[tokio::test]
async fn conflicting_writes_on_two_replicas_give_one_success_and_one_409() {
    let Some((a, b)) = replicas().await else {
        return;
    };
    for _ in 0..5 {
        let target = first_item(&a, "not-synced").await;
        let (id, version) = (&target["id"], &target["version"]);
        let (first, second) = tokio::join!(
            call(&a, exclude(id, version, None)),
            call(&b, exclude(id, version, None)),
        );
        let mut statuses = [first.0, second.0];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        let loser = if first.0 == StatusCode::CONFLICT {
            &first.1
        } else {
            &second.1
        };
        assert_eq!(
            loser["current"]["status"], "excluded",
            "409 carries the current item"
        );
        // A stale version is refused by either replica.
        for app in [&a, &b] {
            let (status, _, _) = call(app, exclude(id, version, None)).await;
            assert_eq!(status, StatusCode::CONFLICT);
        }
    }
}

#[tokio::test]
async fn a_retry_sent_to_the_other_replica_gets_the_stored_answer() {
    let Some((a, b)) = replicas().await else {
        return;
    };
    let target = first_item(&a, "not-synced").await;
    let (id, version) = (&target["id"], &target["version"]);
    let (status, first, _) = call(&a, exclude(id, version, Some("retry-1"))).await;
    assert_eq!(status, StatusCode::OK);
    let (status, again, _) = call(&b, exclude(id, version, Some("retry-1"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first, again);
    assert_eq!(
        item(&b, id).await["version"],
        first["version"],
        "applied once"
    );
}

#[tokio::test]
async fn a_key_reused_for_another_request_is_refused_and_changes_nothing() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let one = first_item(&app, "not-synced").await;
        let (status, _, _) = call(&app, exclude(&one["id"], &one["version"], Some("k-1"))).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        let other = first_item(&app, "not-synced").await;
        assert_ne!(one["id"], other["id"]);
        // The same key for another item, and for the same item with another body.
        let (status, problem, _) =
            call(&app, exclude(&other["id"], &other["version"], Some("k-1"))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert_eq!(
            problem["type"],
            "urn:sync-overview:problem:idempotency-key-reused"
        );
        let path = format!("/api/v1/items/{}/exclude", one["id"]);
        let body = json!({ "version": one["version"], "disable_record": true });
        let (status, _, _) = call(&app, post(&path, body, Some("k-1"))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(item(&app, &other["id"]).await["status"], "not-synced");
    }
}

#[tokio::test]
async fn a_database_outage_fails_writes_quickly_with_503_and_recovers_by_itself() {
    use sqlx::Connection;
    let Some(url) = postgres().await else { return };
    let app = app_with(&url, None).await;
    let target = first_item(&app, "not-synced").await;
    let name = url.rsplit('/').next().unwrap().to_owned();
    let admin = std::env::var("SYNC_SERVER_TEST_POSTGRES").unwrap();
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    let outage = |allow: bool| format!("ALTER DATABASE {name} ALLOW_CONNECTIONS {allow}");
    sqlx::query(&outage(false))
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();

    let started = std::time::Instant::now();
    let (status, problem, _) = call(&app, exclude(&target["id"], &target["version"], None)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{problem}");
    assert_eq!(problem["type"], "urn:sync-overview:problem:unavailable");
    assert!(
        started.elapsed().as_secs() < 10,
        "quickly: {:?}",
        started.elapsed()
    );
    let (status, _, _) = call(&app, get("/readyz")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);

    sqlx::query(&outage(true)).execute(&mut conn).await.unwrap();
    let (status, changed, _) = call(&app, exclude(&target["id"], &target["version"], None)).await;
    assert_eq!(status, StatusCode::OK, "recovered: {changed}");
    assert_eq!(item(&app, &target["id"]).await["status"], "excluded");
}

#[tokio::test]
async fn replicas_started_together_on_an_empty_database_both_come_up() {
    let Some(url) = postgres().await else { return };
    let settings = |n: u8| sync_server::Settings {
        database: url.clone(),
        demo: Some(60 + u32::from(n)),
        token: None,
        fault_injection: false,
        hostile_names: Vec::new(),
        ..Default::default()
    };
    let (one, two, three) = (settings(0), settings(1), settings(2));
    let (a, b, c) = tokio::join!(
        sync_server::open(&one),
        sync_server::open(&two),
        sync_server::open(&three),
    );
    // All three came up; one of them seeded, and all hold the same data.
    let mut loaded = Vec::new();
    for state in [a.unwrap(), b.unwrap(), c.unwrap()] {
        loaded.push(state.db.load().await.unwrap().0.items.len());
    }
    assert!(loaded.iter().all(|n| *n == loaded[0]), "{loaded:?}");
}

#[tokio::test]
async fn an_expired_key_is_forgotten() {
    for db in databases().await {
        let settings = sync_server::Settings {
            database: db.clone(),
            demo: Some(60),
            token: None,
            fault_injection: false,
            hostile_names: Vec::new(),
            ..Default::default()
        };
        let state = sync_server::open(&settings).await.unwrap();
        let store = state.db.clone();
        let app = sync_server::router(state, &[]);
        let one = first_item(&app, "not-synced").await;
        let (status, _, _) = call(&app, exclude(&one["id"], &one["version"], Some("old"))).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        let later = chrono::Utc::now().timestamp() + 1;
        assert_eq!(store.expire_keys(later).await.unwrap(), 1);
        // Forgotten: the key may now name another request.
        let other = first_item(&app, "not-synced").await;
        let (status, _, _) =
            call(&app, exclude(&other["id"], &other["version"], Some("old"))).await;
        assert_eq!(status, StatusCode::OK);
    }
}

//! Exclusion rules on SQLite and PostgreSQL: the preview counts what saving excludes, the save
//! is one undoable batch kept across a restart, later sync runs exclude new items it is about,
//! and a rule saved on one replica is in force on the other.

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};

mod support;

use support::{app_with, call, databases, get, post, postgres};

async fn counts(app: &Router) -> Value {
    call(app, get("/api/v1/integrations/0/counts")).await.1
}

async fn rules(app: &Router) -> Value {
    let (status, rules, _) = call(app, get("/api/v1/integrations/0/rules")).await;
    assert_eq!(status, StatusCode::OK, "{rules}");
    rules
}

/// The preview of "names containing a 1, configurations only".
async fn preview(app: &Router) -> Value {
    let (status, preview, _) = call(
        app,
        get("/api/v1/integrations/0/rules/preview?pattern=*1*&type=configuration&limit=5"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    preview
}

fn add_rule(as_of: &Value) -> Value {
    json!({
        "op": "add-rule",
        "rule": {"integration": 0, "pattern": "*1*", "type": "configuration"},
        "as_of": as_of,
    })
}

#[tokio::test]
async fn saving_a_rule_excludes_what_its_preview_counted_and_undo_deletes_it() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let before = counts(&app).await;
        let preview = preview(&app).await;
        let count = preview["count"].as_u64().unwrap();
        assert!(count > 0, "{db}: {preview}");
        assert_eq!(
            preview["items"].as_array().unwrap().len(),
            5.min(count as usize)
        );
        assert!(preview["items"][0]["name"].as_str().unwrap().contains('1'));
        let body = add_rule(&preview["as_of"]);
        let (status, outcome, _) =
            call(&app, post("/api/v1/batches", body.clone(), Some("r-1"))).await;
        assert_eq!(status, StatusCode::OK, "{db}: {outcome}");
        assert_eq!(outcome["changed"].as_u64(), Some(count), "{db}");
        assert_eq!(outcome["rule"]["rule"]["pattern"], "*1*");
        assert_eq!(rules(&app).await.as_array().unwrap().len(), 1, "{db}");
        let excluded = counts(&app).await["excluded"].as_u64().unwrap();
        assert_eq!(
            excluded,
            before["excluded"].as_u64().unwrap() + count,
            "{db}"
        );
        // A retry gets the same answer and changes nothing more.
        let (_, again, _) = call(&app, post("/api/v1/batches", body, Some("r-1"))).await;
        assert_eq!(again, outcome, "{db}");
        assert_eq!(rules(&app).await.as_array().unwrap().len(), 1, "{db}");
        // Kept across a restart.
        let restarted = app_with(&db, None).await;
        assert_eq!(rules(&restarted).await, rules(&app).await, "{db}");
        // Undo: the rule is deleted and the counts are as before.
        let undo = outcome["undo"].clone();
        assert_eq!(undo["op"], "set-rule", "{db}");
        let (status, undone, _) =
            call(&restarted, post("/api/v1/batches", undo, Some("r-2"))).await;
        assert_eq!(status, StatusCode::OK, "{db}: {undone}");
        assert_eq!(undone["changed"].as_u64(), Some(count), "{db}");
        assert_eq!(rules(&restarted).await, json!([]), "{db}");
        assert_eq!(counts(&restarted).await, before, "{db}");
    }
}

#[tokio::test]
async fn a_rule_excludes_new_items_of_later_runs() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let as_of = preview(&app).await["as_of"].clone();
        let (status, _, _) = call(&app, post("/api/v1/batches", add_rule(&as_of), None)).await;
        assert_eq!(status, StatusCode::OK);
        let run = json!({
            "id": "rules-1",
            "finished": "2026-12-01T06:00:00Z",
            "clients": [{"source_id": "NEW-1", "name": "Rules Test Client", "items": [
                {"source_id": "a", "name": "RT-SRV-01", "type": "configuration"},
                {"source_id": "b", "name": "RT-SRV-02", "type": "configuration"},
                {"source_id": "c", "name": "Jane 1 Doe", "type": "contact"},
            ]}],
        });
        let path = "/api/v1/integrations/0/sync-runs";
        let (status, summary, _) = call(&app, post(path, run, None)).await;
        assert_eq!(status, StatusCode::OK, "{db}: {summary}");
        assert_eq!(summary["new"], 3, "{db}");
        assert_eq!(summary["excluded_by_rule"], 1, "{db}");
        let (_, logs, _) = call(
            &app,
            get("/api/v1/integrations/0/logs?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z"),
        )
        .await;
        let lines: Vec<&str> = logs
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["message"].as_str().unwrap())
            .collect();
        assert!(
            lines.contains(&"Rule #0 (names like “*1*”, type Configuration) excluded 1 new item."),
            "{db}: {lines:?}"
        );
    }
}

#[tokio::test]
async fn a_rule_saved_on_one_replica_is_in_force_on_the_other() {
    let Some(url) = postgres().await else { return };
    let a = app_with(&url, None).await;
    let b = app_with(&url, None).await;
    let as_of = preview(&a).await["as_of"].clone();
    let (status, outcome, _) = call(&a, post("/api/v1/batches", add_rule(&as_of), None)).await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(rules(&b).await, rules(&a).await);
    assert_eq!(preview(&b).await["count"], 0);
    // The next rule saved through the other replica takes the next id.
    let as_of = preview(&b).await["as_of"].clone();
    let mut second = add_rule(&as_of);
    second["rule"]["pattern"] = json!("*2*");
    let (status, outcome, _) = call(&b, post("/api/v1/batches", second, None)).await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(outcome["rule"]["id"], 1);
    assert_eq!(rules(&a).await.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_rule_that_names_nothing_is_refused_with_a_clear_message() {
    let db = &databases().await[0];
    let app = app_with(db, None).await;
    let (status, problem, _) = call(&app, get("/api/v1/integrations/0/rules/preview")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("Give a name pattern"));
    let body = json!({"op": "add-rule", "rule": {"integration": 0, "pattern": ""}, "as_of": 0});
    let (status, problem, _) = call(&app, post("/api/v1/batches", body, None)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("Give a name pattern"));
    assert_eq!(rules(&app).await, json!([]));
}

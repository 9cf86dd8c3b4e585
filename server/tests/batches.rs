//! Batch writes (`POST /api/v1/batches`) on SQLite and PostgreSQL: items at their version change,
//! stale ones are reported and left alone, the outcome's undo puts everything back, a retry with
//! the same key gets the same answer, and a 100,000-item batch commits in one go.

use std::time::Instant;

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};
use sync_server::{open, router, Settings};

mod support;

use support::{app_with, call, databases, get, post};

/// Every item of integration `integration`'s client `client`, as `(id, version, status)`.
async fn items_of(app: &Router, integration: u32, client: &Value) -> Vec<(u64, u64, String)> {
    let mut all = Vec::new();
    loop {
        let path = format!(
            "/api/v1/integrations/{integration}/clients/{client}/items?limit=10000&offset={}",
            all.len()
        );
        let (status, page, _) = call(app, get(&path)).await;
        assert_eq!(status, StatusCode::OK);
        let items = page["items"].as_array().unwrap();
        all.extend(items.iter().map(|i| {
            (
                i["id"].as_u64().unwrap(),
                i["version"].as_u64().unwrap(),
                i["status"].as_str().unwrap().to_owned(),
            )
        }));
        if all.len() as u64 >= page["total"].as_u64().unwrap() {
            return all;
        }
    }
}

async fn counts(app: &Router, integration: u32) -> Value {
    call(
        app,
        get(&format!("/api/v1/integrations/{integration}/counts")),
    )
    .await
    .1
}

#[tokio::test]
async fn a_batch_changes_items_at_their_version_reports_stale_ones_and_its_undo_puts_them_back() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let client = &clients[0]["id"];
        let before = items_of(&app, 0, client).await;
        let counts_before = counts(&app, 0).await;
        let open: Vec<&(u64, u64, String)> = before.iter().filter(|i| i.2 != "excluded").collect();
        assert!(open.len() >= 3, "{db}: {} items to exclude", open.len());
        // The first at a stale version.
        let items: Vec<Value> = open
            .iter()
            .enumerate()
            .map(|(n, i)| json!([i.0, i.1 + u64::from(n == 0)]))
            .collect();
        let body = json!({"op": "exclude", "disable_record": false, "items": items});
        let (status, outcome, _) =
            call(&app, post("/api/v1/batches", body.clone(), Some("b-1"))).await;
        assert_eq!(status, StatusCode::OK, "{db}: {outcome}");
        assert_eq!(outcome["changed"], open.len() - 1, "{db}");
        assert_eq!(outcome["stale"], json!([open[0].0]), "{db}");
        assert_eq!(outcome["refused"], json!([]), "{db}");
        let after = items_of(&app, 0, client).await;
        for (old, new) in before.iter().zip(&after) {
            let excluded = old.2 != "excluded" && old.0 != open[0].0;
            assert_eq!(
                new.2 == "excluded",
                excluded || old.2 == "excluded",
                "{db}: {old:?} {new:?}"
            );
        }
        let counts_after = counts(&app, 0).await;
        assert_eq!(
            counts_after["excluded"].as_u64().unwrap(),
            counts_before["excluded"].as_u64().unwrap() + open.len() as u64 - 1,
            "{db}"
        );
        // A retry gets the same answer and changes nothing more; the key with another body: 422.
        let (status, again, _) = call(&app, post("/api/v1/batches", body, Some("b-1"))).await;
        assert_eq!((status, &again), (StatusCode::OK, &outcome), "{db}");
        let other = json!({"op": "include", "items": []});
        let (status, _, _) = call(&app, post("/api/v1/batches", other, Some("b-1"))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        // The undo puts every item back (each one version on), and the counts.
        let (status, undone, _) =
            call(&app, post("/api/v1/batches", outcome["undo"].clone(), None)).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(undone["changed"], open.len() - 1, "{db}");
        let restored = items_of(&app, 0, client).await;
        for (old, new) in before.iter().zip(&restored) {
            assert_eq!((old.0, &old.2), (new.0, &new.2), "{db}");
        }
        assert_eq!(counts(&app, 0).await, counts_before, "{db}");
        // Not a batch: 400.
        let (status, _, _) =
            call(&app, post("/api/v1/batches", json!({"op": "delete"}), None)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{db}");
    }
}

/// The records of integration 0's first client's Matched items, as `(item, version, record,
/// disabled)`, read by `app`.
async fn matched_records(app: &Router, client: &Value) -> Vec<(u64, u64, u64, bool)> {
    let path = format!("/api/v1/integrations/0/clients/{client}/items?status=matched&limit=10000");
    let (_, page, _) = call(app, get(&path)).await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_u64().unwrap(),
                i["version"].as_u64().unwrap(),
                i["record"]["id"].as_u64().unwrap(),
                i["record"]["disabled"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_batch_that_disables_records_saves_them_disabled_and_its_undo_enables_them() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let client = &clients[0]["id"];
        let matched = matched_records(&app, client).await;
        assert!(matched.len() >= 2, "{db}: {} matched items", matched.len());
        assert!(matched.iter().all(|m| !m.3), "{db}: records start enabled");
        let items: Vec<Value> = matched.iter().map(|m| json!([m.0, m.1])).collect();
        let body = json!({"op": "exclude", "disable_record": true, "items": items});
        let (status, outcome, _) = call(&app, post("/api/v1/batches", body, None)).await;
        assert_eq!(
            (status, &outcome["changed"]),
            (StatusCode::OK, &json!(matched.len()))
        );
        // What the database holds: a server opened afresh on it reads every record disabled.
        let fresh = app_with(&db, None).await;
        let path =
            format!("/api/v1/integrations/0/clients/{client}/items?status=excluded&limit=10000");
        let (_, page, _) = call(&fresh, get(&path)).await;
        let disabled: Vec<u64> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["record"]["disabled"] == json!(true))
            .map(|i| i["record"]["id"].as_u64().unwrap())
            .collect();
        for m in &matched {
            assert!(
                disabled.contains(&m.2),
                "{db}: record {} not saved disabled",
                m.2
            );
        }
        let (status, _, _) =
            call(&app, post("/api/v1/batches", outcome["undo"].clone(), None)).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        let fresh = app_with(&db, None).await;
        let restored = matched_records(&fresh, client).await;
        assert_eq!(
            restored.iter().map(|m| (m.0, m.2, m.3)).collect::<Vec<_>>(),
            matched
                .iter()
                .map(|m| (m.0, m.2, false))
                .collect::<Vec<_>>(),
            "{db}: the undo enables every record again, as saved"
        );
    }
}

#[tokio::test]
async fn a_100000_item_batch_commits_in_one_go_and_undoes() {
    for db in databases().await {
        let settings = Settings {
            database: db.clone(),
            demo: Some(100_000),
            token: None,
            fault_injection: false,
            hostile_names: Vec::new(),
            ..Default::default()
        };
        let app = router(open(&settings).await.unwrap(), &["*".to_owned()]);
        // N-central's largest client holds the 100,000 items.
        let (_, clients, _) = call(&app, get("/api/v1/integrations/3/clients")).await;
        let mut largest = (Vec::new(), Value::Null);
        for client in clients.as_array().unwrap() {
            let items = items_of(&app, 3, &client["id"]).await;
            if items.len() > largest.0.len() {
                largest = (items, client["id"].clone());
            }
        }
        let (items, client) = largest;
        assert_eq!(items.len(), 100_000, "{db}");
        let open: Vec<Value> = items
            .iter()
            .filter(|i| i.2 != "excluded")
            .map(|i| json!([i.0, i.1]))
            .collect();
        let body = json!({"op": "exclude", "disable_record": false, "items": open});
        let started = Instant::now();
        let (status, outcome, _) = call(&app, post("/api/v1/batches", body, Some("big"))).await;
        let took = started.elapsed();
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(outcome["changed"], open.len(), "{db}");
        eprintln!(
            "{db}: excluded {} items in one batch in {took:?}",
            open.len()
        );
        let after = items_of(&app, 3, &client).await;
        assert!(after.iter().all(|i| i.2 == "excluded"), "{db}");
        let started = Instant::now();
        let (status, undone, _) =
            call(&app, post("/api/v1/batches", outcome["undo"].clone(), None)).await;
        eprintln!("{db}: undid it in {:?}", started.elapsed());
        assert_eq!(
            (status, &undone["changed"]),
            (StatusCode::OK, &json!(open.len())),
            "{db}"
        );
        let restored = items_of(&app, 3, &client).await;
        let statuses =
            |list: &[(u64, u64, String)]| list.iter().map(|i| i.2.clone()).collect::<Vec<_>>();
        assert_eq!(statuses(&restored), statuses(&items), "{db}");
        // The same, naming the items by the list: a request of a few hundred bytes.
        let path = format!("/api/v1/integrations/3/clients/{client}/items?limit=1");
        let as_of = call(&app, get(&path)).await.1["as_of"].clone();
        let body = json!({"op": "exclude-matching", "disable_record": false,
            "matching": {"integration": 3, "client": client, "as_of": as_of}});
        let started = Instant::now();
        let (status, outcome, _) = call(&app, post("/api/v1/batches", body, None)).await;
        let took = started.elapsed();
        assert_eq!(status, StatusCode::OK, "{db}");
        assert_eq!(outcome["changed"], open.len(), "{db}");
        assert_eq!(outcome["skipped"], items.len() - open.len(), "{db}");
        eprintln!("{db}: excluded them by their list in {took:?}");
        let started = Instant::now();
        let (status, undone, _) =
            call(&app, post("/api/v1/batches", outcome["undo"].clone(), None)).await;
        eprintln!("{db}: undid that in {:?}", started.elapsed());
        assert_eq!(undone["changed"], open.len(), "{db}: {status}");
        assert_eq!(
            statuses(&items_of(&app, 3, &client).await),
            statuses(&items),
            "{db}"
        );
    }
}

#[tokio::test]
async fn a_batch_naming_a_list_acts_on_it_as_read_and_reports_what_changed_since() {
    for db in databases().await {
        let app = app_with(&db, None).await;
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let client = &clients[0]["id"];
        let list = format!("/api/v1/integrations/0/clients/{client}/items?status=not-synced");
        let (_, page, _) = call(&app, get(&format!("{list}&limit=10000"))).await;
        let not_synced = page["items"].as_array().unwrap().clone();
        assert!(
            not_synced.len() >= 3,
            "{db}: {} Not Synced items",
            not_synced.len()
        );
        // Someone excludes one after the list was read; another is unticked.
        let (taken, unticked) = (&not_synced[0], &not_synced[1]);
        let path = format!("/api/v1/items/{}/exclude", taken["id"]);
        let (status, _, _) = call(
            &app,
            post(&path, json!({"version": taken["version"]}), None),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{db}");
        let body = json!({"op": "exclude-matching", "disable_record": false, "matching": {
            "integration": 0, "client": client, "status": "not-synced",
            "except": [unticked["id"]], "as_of": page["as_of"]}});
        let (status, outcome, _) = call(&app, post("/api/v1/batches", body, None)).await;
        assert_eq!(status, StatusCode::OK, "{db}: {outcome}");
        assert_eq!(outcome["changed"], not_synced.len() - 2, "{db}");
        assert_eq!(outcome["stale"], json!([taken["id"]]), "{db}");
        assert_eq!(
            outcome["names"],
            json!([[taken["id"], taken["name"]]]),
            "{db}"
        );
        let (_, left, _) = call(&app, get(&format!("{list}&limit=10000"))).await;
        assert_eq!(
            left["items"].as_array().unwrap(),
            &vec![unticked.clone()],
            "{db}"
        );
        // Exceptions out of order: 400.
        let body = json!({"op": "include-matching", "matching": {
            "integration": 0, "client": client, "except": [5, 2], "as_of": 0}});
        let (status, _, _) = call(&app, post("/api/v1/batches", body, None)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{db}");
        // A list of an unknown integration changes nothing.
        let body = json!({"op": "include-matching", "matching": {
            "integration": 99, "client": client, "as_of": 0}});
        let (status, outcome, _) = call(&app, post("/api/v1/batches", body, None)).await;
        assert_eq!(
            (status, &outcome["changed"]),
            (StatusCode::OK, &json!(0)),
            "{db}"
        );
    }
}

//! Who changed what, on SQLite and PostgreSQL: each named token's writes are recorded under its
//! holder's name, newest first, in pages; a sync run is recorded under whoever posted it; an
//! unknown token writes nothing; behind a portal's proxy a trusted header names the user, and a
//! write that does not is refused; history and logs past retention are trimmed.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use sync_server::database::Db;
use sync_server::http::actor::parse_tokens;
use sync_server::{open, router, Settings};

mod support;

use support::{call, databases, first_item, get};

async fn app(database: &str) -> Router {
    let settings = Settings {
        database: database.to_owned(),
        demo: Some(60),
        tokens: parse_tokens("tok-ann Ann Lee\n# a comment\ntok-bo Bo").unwrap(),
        ..Default::default()
    };
    router(open(&settings).await.unwrap(), &["*".to_owned()])
}

fn as_user(mut request: Request<Body>, token: &str) -> Request<Body> {
    let value = format!("Bearer {token}").parse().unwrap();
    request.headers_mut().insert(header::AUTHORIZATION, value);
    request
}

fn post(path: &str, body: Value, token: &str) -> Request<Body> {
    as_user(support::post(path, body, None), token)
}

async fn history(app: &Router, item: &Value, query: &str) -> Value {
    let path = format!("/api/v1/items/{}/history{query}", item["id"]);
    let (status, page, _) = call(app, as_user(get(&path), "tok-bo")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page
}

#[tokio::test]
async fn two_named_users_act_and_the_history_names_both_newest_first() {
    for db in databases().await {
        let app = app(&db).await;
        let (status, ..) = call(&app, get("/api/v1/integrations")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{db}: no token");
        let item = {
            let (_, clients, _) = call(
                &app,
                as_user(get("/api/v1/integrations/0/clients"), "tok-ann"),
            )
            .await;
            let path = format!(
                "/api/v1/integrations/0/clients/{}/items?status=matched&limit=1",
                clients[0]["id"]
            );
            call(&app, as_user(get(&path), "tok-ann")).await.1["items"][0].clone()
        };
        let exclude = format!("/api/v1/items/{}/exclude", item["id"]);
        let body = json!({"version": item["version"]});
        let (status, excluded, _) = call(&app, post(&exclude, body.clone(), "tok-ann")).await;
        assert_eq!(status, StatusCode::OK, "{db}: {excluded}");
        let (status, ..) = call(&app, post(&exclude, body, "tok-nobody")).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{db}: an unknown token writes nothing"
        );
        let include = format!("/api/v1/items/{}/include", item["id"]);
        let body = json!({"version": excluded["version"]});
        let (status, included, _) = call(&app, post(&include, body, "tok-bo")).await;
        assert_eq!(status, StatusCode::OK, "{db}: {included}");

        let page = history(&app, &item, "").await;
        assert_eq!(page["total"], 2, "{db}: {page}");
        let entries = page["entries"].as_array().unwrap();
        let who: Vec<_> = entries
            .iter()
            .map(|e| (e["actor"].clone(), e["what"].clone()))
            .collect();
        assert_eq!(
            who,
            [
                (json!("Bo"), json!("include")),
                (json!("Ann Lee"), json!("exclude"))
            ]
        );
        assert_eq!(entries[1]["before"]["status"], "matched");
        assert_eq!(entries[1]["after"]["status"], "excluded");
        assert_eq!(entries[0]["after"]["status"], "matched");
        assert_eq!(entries[0]["after"]["record"], item["record"]["id"]);
        assert!(entries[0]["seq"].as_u64() > entries[1]["seq"].as_u64());
        let named: Vec<_> = page["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["name"])
            .collect();
        assert_eq!(named, [&item["record"]["name"]], "{db}: the record named");

        // Paged: one at a time, older through `next`.
        let first = history(&app, &item, "?limit=1").await;
        assert_eq!(first["entries"][0]["actor"], "Bo");
        let next = first["next"].as_u64().expect("an older page");
        let second = history(&app, &item, &format!("?limit=1&before={next}")).await;
        assert_eq!(second["entries"][0]["actor"], "Ann Lee");
        assert_eq!(second["next"], Value::Null);
        let (status, ..) = call(&app, as_user(get("/api/v1/items/99999/history"), "tok-bo")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_run_is_recorded_under_whoever_posted_it_and_retention_trims() {
    for db in databases().await {
        let app = app(&db).await;
        let run = json!({"id": "h1", "finished": "2026-12-02T06:00:00Z", "clients": [
            {"source_id": "org-h", "name": "Harbour History Ltd", "items": [
                {"source_id": "d1", "name": "HH-DC01", "type": "configuration"}
            ]}
        ]});
        let (status, summary, _) = call(
            &app,
            post("/api/v1/integrations/0/sync-runs", run, "tok-ann"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{db}: {summary}");
        let (_, clients, _) = call(
            &app,
            as_user(get("/api/v1/integrations/0/clients"), "tok-ann"),
        )
        .await;
        let client = clients
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Harbour History Ltd")
            .unwrap();
        let path = format!("/api/v1/integrations/0/clients/{}/items", client["id"]);
        let item = call(&app, as_user(get(&path), "tok-ann")).await.1["items"][0].clone();
        let page = history(&app, &item, "").await;
        let entry = &page["entries"][0];
        assert_eq!(
            (&entry["actor"], &entry["what"], &entry["run"]),
            (&json!("Ann Lee"), &json!("run"), &json!("h1")),
            "{db}: {page}"
        );
        assert_eq!(entry["before"], Value::Null, "appeared");
        assert_eq!(entry["after"]["name"], "HH-DC01");

        let db_handle = Db::open(&db).await.unwrap();
        let kept = db_handle
            .trim_history(chrono::Utc::now() - chrono::Duration::days(1))
            .await;
        assert_eq!(kept.unwrap(), 0, "{db}: nothing is a day old");
        let trimmed = db_handle
            .trim_history(chrono::Utc::now() + chrono::Duration::seconds(1))
            .await;
        assert!(trimmed.unwrap() >= 1, "{db}");
        assert_eq!(history(&app, &item, "").await["total"], 0, "{db}: trimmed");
    }
}

#[tokio::test]
async fn each_entry_names_the_item_as_it_was_then_worked_back_through_its_renames() {
    let odd = r#"HH "DC" {01}, \ NULL"#;
    for db in databases().await {
        let app = app(&db).await;
        for (id, name) in [("n1", "HH-DC01"), ("n2", odd), ("n3", "HH-DC03")] {
            let run = json!({"id": id, "finished": "2026-12-02T06:00:00Z", "clients": [
                {"source_id": "org-n", "name": "Naming Ltd", "items": [
                    {"source_id": "d1", "name": name, "type": "configuration"}
                ]}
            ]});
            let path = "/api/v1/integrations/0/sync-runs";
            let (status, summary, _) = call(&app, post(path, run, "tok-ann")).await;
            assert_eq!(status, StatusCode::OK, "{db}: {summary}");
        }
        let (_, clients, _) = call(
            &app,
            as_user(get("/api/v1/integrations/0/clients"), "tok-ann"),
        )
        .await;
        let client = (clients.as_array().unwrap().iter())
            .find(|c| c["name"] == "Naming Ltd")
            .unwrap()
            .clone();
        let path = format!("/api/v1/integrations/0/clients/{}/items", client["id"]);
        let item = call(&app, as_user(get(&path), "tok-ann")).await.1["items"][0].clone();
        let mut names = Vec::new();
        let mut query = "?limit=1".to_owned();
        loop {
            let page = history(&app, &item, &query).await;
            let entry = &page["entries"][0];
            names.push((
                entry["before"]["name"].clone(),
                entry["after"]["name"].clone(),
            ));
            match page["next"].as_u64() {
                Some(next) => query = format!("?limit=1&before={next}"),
                None => break,
            }
        }
        assert_eq!(
            names,
            [
                (json!(odd), json!("HH-DC03")),
                (json!("HH-DC01"), json!(odd)),
                (Value::Null, json!("HH-DC01")),
            ],
            "{db}: newest first, a page at a time"
        );
    }
}

#[tokio::test]
async fn without_tokens_writes_are_recorded_as_anonymous() {
    for db in databases().await {
        let app = support::app_with(&db, None).await;
        let item = first_item(&app, "excluded").await;
        let include = format!("/api/v1/items/{}/include", item["id"]);
        let body = json!({"version": item["version"]});
        let (status, ..) = call(&app, support::post(&include, body, None)).await;
        assert_eq!(status, StatusCode::OK);
        let path = format!("/api/v1/items/{}/history", item["id"]);
        let page = call(&app, get(&path)).await.1;
        assert_eq!(page["entries"][0]["actor"], "Anonymous", "{db}: {page}");
    }
}

/// A request as it arrives from `peer`.
fn from(mut request: Request<Body>, peer: &str) -> Request<Body> {
    let addr: std::net::SocketAddr = format!("{peer}:50000").parse().unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(addr));
    request
}

#[tokio::test]
async fn a_trusted_proxy_names_the_user_and_a_write_that_names_no_one_is_refused() {
    use sync_server::http::actor::TrustedHeader;
    for db in databases().await {
        let settings = Settings {
            database: db.clone(),
            demo: Some(60),
            tokens: parse_tokens("tok-portal Portal").unwrap(),
            trusted_header: Some(TrustedHeader::parse("X-Portal-User", "10.0.0.0/8, ::1").unwrap()),
            ..Default::default()
        };
        let state = std::sync::Arc::new(open(&settings).await.unwrap());
        let app = router(state.clone(), &["*".to_owned()]);
        let named = |request: Request<Body>, peer: &str, user: Option<&str>| {
            let mut request = from(as_user(request, "tok-portal"), peer);
            if let Some(user) = user {
                request
                    .headers_mut()
                    .insert("x-portal-user", user.parse().unwrap());
            }
            request
        };
        // Reads need no name.
        let (_, clients, _) = call(
            &app,
            named(get("/api/v1/integrations/0/clients"), "192.168.1.9", None),
        )
        .await;
        let path = format!(
            "/api/v1/integrations/0/clients/{}/items?status=matched&limit=1",
            clients[0]["id"]
        );
        let item = call(&app, named(get(&path), "192.168.1.9", None)).await.1["items"][0].clone();
        let exclude = format!("/api/v1/items/{}/exclude", item["id"]);
        let body = json!({"version": item["version"]});
        for (peer, user) in [
            ("192.168.1.9", Some("Mallory")),
            ("10.4.4.4", None),
            ("10.4.4.4", Some(" ")),
        ] {
            let request = named(support::post(&exclude, body.clone(), None), peer, user);
            let (status, problem, _) = call(&app, request).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{db}: {peer} {user:?}");
            assert_eq!(problem["type"], "urn:sync-overview:problem:actor-unknown");
        }
        let request = named(
            support::post(&exclude, body, None),
            "10.4.4.4",
            Some("Cleo Ávila"),
        );
        let (status, excluded, _) = call(&app, request).await;
        assert_eq!(status, StatusCode::OK, "{db}: {excluded}");
        let path = format!("/api/v1/items/{}/history", item["id"]);
        let page = call(&app, named(get(&path), "192.168.1.9", None)).await.1;
        assert_eq!(page["total"], 1, "{db}: the refused writes changed nothing");
        assert_eq!(page["entries"][0]["actor"], "Cleo Ávila", "{db}");

        // Retention takes the history and the logs, from the database and from memory.
        let logs = "/api/v1/integrations/0/logs?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
        assert!(!call(&app, named(get(logs), "10.4.4.4", None))
            .await
            .1
            .as_array()
            .unwrap()
            .is_empty());
        let (history, removed) = state
            .retain(chrono::Utc::now() + chrono::Duration::seconds(1))
            .await
            .unwrap();
        assert!(history >= 1 && removed >= 1, "{db}: {history} {removed}");
        assert_eq!(
            call(&app, named(get(logs), "10.4.4.4", None)).await.1,
            json!([]),
            "{db}"
        );
    }
}

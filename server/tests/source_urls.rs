//! "Open in …" on SQLite and PostgreSQL: the server's template gives each item of its integration
//! an address with its source id, and the address a sync run gives an item wins.

use axum::http::StatusCode;
use serde_json::json;
use sync_core::parse_templates;
use sync_server::{open, router, Settings};

mod support;

use support::{call, databases, get, post};

#[tokio::test]
async fn the_template_gives_each_item_its_address_and_a_runs_own_wins() {
    for db in databases().await {
        let settings = Settings {
            database: db.clone(),
            demo: Some(60),
            source_urls: parse_templates("0=https://psa.example.com/devices/{source_id}"),
            ..Default::default()
        };
        let app = router(open(&settings).await.unwrap(), &["*".to_owned()]);
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let path = format!(
            "/api/v1/integrations/0/clients/{}/items?limit=3",
            clients[0]["id"]
        );
        let (_, page, _) = call(&app, get(&path)).await;
        for item in page["items"].as_array().unwrap() {
            let source_id = item["source_id"].as_str().unwrap();
            assert_eq!(
                item["source_url"],
                format!("https://psa.example.com/devices/{source_id}"),
                "{db}"
            );
        }
        // Another integration has no template: no address.
        let (_, clients, _) = call(&app, get("/api/v1/integrations/1/clients")).await;
        let path = format!(
            "/api/v1/integrations/1/clients/{}/items?limit=1",
            clients[0]["id"]
        );
        let (_, page, _) = call(&app, get(&path)).await;
        assert_eq!(page["items"][0].get("source_url"), None, "{db}");

        let run = json!({"id": "u1", "finished": "2026-12-02T06:00:00Z", "clients": [
            {"source_id": "org-u", "name": "Url Test Ltd", "items": [
                {"source_id": "d 1", "name": "UT-01", "type": "configuration",
                 "source_url": "javascript:alert(1)"},
                {"source_id": "d 2", "name": "UT-02", "type": "configuration"}
            ]}
        ]});
        let (status, ..) = call(&app, post("/api/v1/integrations/0/sync-runs", run, None)).await;
        assert_eq!(status, StatusCode::OK);
        let (_, clients, _) = call(&app, get("/api/v1/integrations/0/clients")).await;
        let client = clients
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Url Test Ltd")
            .unwrap();
        let path = format!("/api/v1/integrations/0/clients/{}/items", client["id"]);
        let (_, page, _) = call(&app, get(&path)).await;
        // Kept as the run gave it (the app refuses to open it); the other from the template.
        assert_eq!(
            page["items"][0]["source_url"], "javascript:alert(1)",
            "{db}"
        );
        assert_eq!(
            page["items"][1]["source_url"], "https://psa.example.com/devices/d%202",
            "{db}"
        );
    }
}

//! "Open in …": an item's own address wins over its integration's template, the source id is
//! percent-encoded into the template, and only http(s) addresses are ever offered to open.

use sync_core::{
    parse_templates, source_link, template_for, ItemId, ItemView, ResourceType, SourceLink,
    SyncStatus,
};

fn item(source_id: &str, own: Option<&str>) -> ItemView {
    ItemView {
        id: ItemId(1),
        name: "DC01".to_owned(),
        source_id: source_id.to_owned(),
        resource_type: ResourceType::Device,
        status: SyncStatus::Matched,
        record: None,
        version: 1,
        missing_since: None,
        twin: None,
        source_url: own.map(str::to_owned),
    }
}

#[test]
fn the_items_own_address_wins_and_the_template_takes_the_source_id_encoded() {
    let template = Some("https://psa.example.com/devices/{source_id}?view=1");
    assert_eq!(
        source_link(&item("A 7/b&c", None), template),
        Some(SourceLink::Web(
            "https://psa.example.com/devices/A%207%2Fb%26c?view=1".to_owned()
        ))
    );
    assert_eq!(
        source_link(&item("7", Some(" https://rmm.example.com/d/7 ")), template),
        Some(SourceLink::Web("https://rmm.example.com/d/7".to_owned()))
    );
    assert_eq!(source_link(&item("7", None), None), None);
}

#[test]
fn only_http_and_https_addresses_are_opened() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example.com",
        "/devices/7",
        "https:///evil",
        "https://",
        "http://exa mple.com",
        "vbscript:msgbox",
    ] {
        assert!(
            matches!(
                source_link(&item("7", Some(bad)), None),
                Some(SourceLink::Refused(_))
            ),
            "{bad:?} must be refused"
        );
    }
    for good in ["http://psa.local/x", "HTTPS://PSA.example.com/x?id=7#top"] {
        assert_eq!(
            source_link(&item("7", Some(good)), None),
            Some(SourceLink::Web(good.to_owned()))
        );
    }
}

#[test]
fn templates_are_found_by_integration_id_or_name() {
    let templates = parse_templates(
        "ConnectWise Manage=https://cw.example.com/{source_id}; 3 = https://ninja.example.com/d/{source_id}\nbroken",
    );
    assert_eq!(templates.len(), 2);
    assert_eq!(
        template_for(&templates, 0, "connectwise manage"),
        Some("https://cw.example.com/{source_id}")
    );
    assert_eq!(
        template_for(&templates, 3, "NinjaOne"),
        Some("https://ninja.example.com/d/{source_id}")
    );
    assert_eq!(template_for(&templates, 1, "Autotask"), None);
}

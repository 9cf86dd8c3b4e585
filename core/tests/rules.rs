//! Exclusion rules on the hand-built data set: the preview, saving (one undoable batch), and
//! later sync runs.

mod common;

use common::*;
use sync_core::{
    Action, Batch, BatchOutcome, LogLevel, NewRule, ResourceType, RunClient, Store, SyncRun,
    SyncStatus,
};

fn rule(pattern: &str, resource_type: Option<ResourceType>) -> NewRule {
    NewRule {
        integration: CW,
        pattern: pattern.to_owned(),
        resource_type,
        disable_record: false,
    }
}

fn save(store: &mut Store, rule: NewRule) -> BatchOutcome {
    let as_of = store.head();
    store.apply_batch(&Batch::AddRule {
        rule,
        as_of,
        items: None,
    })
}

fn status(store: &Store, item: sync_core::ItemId) -> SyncStatus {
    store.item(item).unwrap().status
}

#[test]
fn the_preview_names_the_items_a_rule_would_exclude_by_client_then_name() {
    let store = store();
    // CONTOSO-DC01, CONTOSO-WS01 (excluded already) and Contoso HQ (excluded already).
    let preview = store.rule_preview(&rule("contoso*", None), 10).unwrap();
    assert_eq!((preview.count, preview.already_excluded), (1, 2));
    assert_eq!(preview.items[0].name, "CONTOSO-DC01");
    assert_eq!(preview.items[0].client_name, "Contoso Ltd");
    // By type across clients: DC01 (Contoso) and FAB-WS01 (Fabrikam), WS01 already excluded.
    let preview = store
        .rule_preview(&rule("", Some(ResourceType::Configuration)), 1)
        .unwrap();
    assert_eq!((preview.count, preview.items.len()), (2, 1));
    // Pattern and type together; another integration's items are never hit.
    let preview = store
        .rule_preview(&rule("*01", Some(ResourceType::Device)), 10)
        .unwrap();
    assert_eq!(preview.count, 0);
    // A rule that names nothing previews nothing.
    assert_eq!(store.rule_preview(&rule(" ", None), 10).unwrap().count, 0);
}

#[test]
fn saving_excludes_what_the_preview_counted_and_undo_puts_it_all_back() {
    let mut store = store();
    let before = store.clone();
    let mut new = rule("*-?S01", None);
    new.disable_record = true;
    let preview = store.rule_preview(&new, 10).unwrap();
    assert_eq!(preview.count, 1); // FAB-WS01; CONTOSO-WS01 is excluded already
    let outcome = save(&mut store, new.clone());
    assert_eq!((outcome.changed, outcome.skipped), (preview.count, 1));
    assert_eq!(status(&store, FAB_WS01), SyncStatus::Excluded);
    // Its record (r4) was disabled with it.
    assert!(store.records_raw()[4].disabled);
    let saved = outcome.rule.clone().unwrap();
    assert_eq!(store.rules(CW).unwrap(), std::slice::from_ref(&saved));
    assert_eq!(store.rules(NINJA).unwrap(), []);
    // Undo: the rule is deleted and the item is as it was.
    let undo = store.apply_batch(&outcome.undo.unwrap());
    assert_eq!(undo.changed, 1);
    assert!(store.rules(CW).unwrap().is_empty());
    assert_eq!(status(&store, FAB_WS01), SyncStatus::Matched);
    assert!(!store.records_raw()[4].disabled);
    let state =
        |s: &Store| -> Vec<_> { s.items_raw().iter().map(|i| (i.status, i.record)).collect() };
    assert_eq!(state(&store), state(&before));
    // The undo's own undo puts the rule back in force (the items stay as they are).
    store.apply_batch(&undo.undo.unwrap());
    assert_eq!(store.rules(CW).unwrap()[0].id, saved.id);
}

#[test]
fn an_item_changed_since_the_preview_is_reported_and_left_alone() {
    let mut store = store();
    let new = rule("*", Some(ResourceType::Contact));
    let as_of = store.head();
    let jane = store.item(JANE).unwrap();
    store
        .apply(
            &Action::Exclude {
                item: JANE,
                disable_record: false,
            },
            Some(jane.version),
        )
        .unwrap();
    store
        .apply(&Action::Include { item: JANE }, Some(jane.version + 1))
        .unwrap();
    let outcome = store.apply_batch(&Batch::AddRule {
        rule: new,
        as_of,
        items: None,
    });
    assert_eq!(outcome.changed, 0);
    assert_eq!(outcome.stale, [JANE]);
    assert_eq!(outcome.names[0].1, "Jane Smith");
    // The rule is saved all the same, and its undo deletes it.
    assert!(outcome.rule.is_some());
    store.apply_batch(&outcome.undo.unwrap());
    assert!(store.rules(CW).unwrap().is_empty());
}

#[test]
fn a_later_run_excludes_new_items_a_rule_is_about_and_logs_it() {
    let mut store = store();
    save(&mut store, rule("*-test", None));
    save(&mut store, rule("", Some(ResourceType::Agreement)));
    let run = SyncRun {
        id: "r-rules".to_owned(),
        finished: at(26, 6),
        product: None,
        clients: vec![RunClient {
            source_id: "F-1".to_owned(),
            name: "Fabrikam Inc".to_owned(),
            items: vec![
                item("S3", "FAB-WS01", ResourceType::Configuration),
                item("N1", "FAB-WEB-TEST", ResourceType::Configuration),
                item("N2", "fab-db-Test", ResourceType::Contact),
                item("N3", "Support 2027", ResourceType::Agreement),
                item("N4", "FAB-WEB", ResourceType::Configuration),
            ],
            records: None,
        }],
        errors: Vec::new(),
    };
    let outcome = store.apply_run("0", &run).unwrap();
    assert_eq!(
        (outcome.summary.new, outcome.summary.excluded_by_rule),
        (4, 3)
    );
    let statuses: Vec<_> = outcome
        .diff
        .new_items
        .iter()
        .map(|id| (store.item(*id).unwrap().name, status(&store, *id)))
        .collect();
    assert_eq!(
        statuses,
        [
            ("FAB-WEB-TEST".to_owned(), SyncStatus::Excluded),
            ("fab-db-Test".to_owned(), SyncStatus::Excluded),
            ("Support 2027".to_owned(), SyncStatus::Excluded),
            ("FAB-WEB".to_owned(), SyncStatus::NotSynced),
        ]
    );
    let logs = store.logs(CW, at(26, 0), at(27, 0)).unwrap();
    let lines: Vec<_> = logs.iter().map(|l| l.message.as_str()).collect();
    assert!(lines.contains(&"Rule #0 (names like “*-test”) excluded 2 new items."));
    assert!(lines.contains(&"Rule #1 (type Agreement) excluded 1 new item."));
    assert!(logs.iter().all(|l| l.level == LogLevel::Info));
    // Counts follow.
    assert_eq!(store.counts(CW).unwrap().excluded, 2 + 3);
}

#[test]
fn a_rule_batch_resolved_to_its_items_does_the_same_when_applied_again_elsewhere() {
    let mut store = store();
    let batch = Batch::AddRule {
        rule: rule("*", Some(ResourceType::Configuration)),
        as_of: store.head(),
        items: None,
    };
    let (named, resolved) = store.name_items(&batch);
    let named = named.into_owned();
    let mut replayed = store.clone();
    let outcome = store.apply_batch(&batch);
    let again = replayed.apply_batch(&named).after(resolved);
    assert_eq!(outcome, again);
    assert_eq!(store, replayed);
}

#[test]
fn a_deleted_rule_no_longer_applies_to_runs() {
    let mut store = store();
    let saved = save(&mut store, rule("nwt-*", None)).rule.unwrap();
    let deleted = store.apply_batch(&Batch::SetRule {
        id: saved.id,
        active: false,
        items: Vec::new(),
    });
    assert_eq!(deleted.rule.map(|r| r.active), Some(false));
    // Deleting it again changes nothing.
    let again = store.apply_batch(&Batch::SetRule {
        id: saved.id,
        active: false,
        items: Vec::new(),
    });
    assert_eq!((again.rule, again.undo), (None, None));
    assert!(store.rules(CW).unwrap().is_empty());
}

#[test]
fn rule_batches_read_back_from_their_json_and_bad_rules_are_refused() {
    let mut store = store();
    let batch = Batch::AddRule {
        rule: rule("*(old)*", Some(ResourceType::Device)),
        as_of: 3,
        items: None,
    };
    let json = serde_json::to_string(&batch).unwrap();
    assert_eq!(serde_json::from_str::<Batch>(&json).unwrap(), batch);
    // Resolved, as the mock store journals it: naming its items.
    let (named, _) = store.name_items(&batch);
    let json = serde_json::to_string(&*named).unwrap();
    assert!(json.contains(r#""items":[]"#), "{json}");
    assert_eq!(serde_json::from_str::<Batch>(&json).unwrap(), *named);
    let undo = save(&mut store, rule("fab-*", None)).undo.unwrap();
    let json = serde_json::to_string(&undo).unwrap();
    assert_eq!(serde_json::from_str::<Batch>(&json).unwrap(), undo);
    let empty = r#"{"op":"add-rule","as_of":0,"rule":{"integration":0,"pattern":""}}"#;
    let error = serde_json::from_str::<Batch>(empty)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("Give a name pattern, a type, or both."),
        "{error}"
    );
    let long = format!(
        r#"{{"op":"add-rule","as_of":0,"rule":{{"integration":0,"pattern":"{}"}}}}"#,
        "x".repeat(201)
    );
    assert!(serde_json::from_str::<Batch>(&long).is_err());
}

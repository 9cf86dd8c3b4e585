mod common;

use common::*;
use sync_core::{Action, ActionError, ItemId, RecordId, SyncStatus};

fn rematch(item: ItemId, record: u32, disable_previous: bool) -> Action {
    Action::Rematch {
        item,
        record: RecordId(record),
        disable_previous,
    }
}

#[test]
fn rematch_moves_a_matched_item_to_another_record() {
    let mut store = store();
    let row = store.apply(&rematch(DC01, 0, false), None).unwrap();
    assert_eq!(row.status, SyncStatus::Matched);
    assert_eq!(row.record.unwrap().id, RecordId(0));
    assert_eq!(row.version, 2);
    assert!(!store.records_raw()[1].disabled);
    assert_eq!(store.counts(CW).unwrap().matched, 2);
}

#[test]
fn rematch_can_disable_the_previous_record() {
    let mut store = store();
    store.apply(&rematch(DC01, 0, true), None).unwrap();
    assert!(store.records_raw()[1].disabled);
    assert!(!store.records_raw()[0].disabled);
}

#[test]
fn rematch_of_a_not_synced_item_matches_it() {
    let mut store = store();
    let row = store.apply(&rematch(JANE, 2, false), None).unwrap();
    assert_eq!(row.status, SyncStatus::Matched);
    let counts = store.counts(CW).unwrap();
    assert_eq!((counts.matched, counts.not_synced), (3, 0));
}

#[test]
fn rematch_of_an_excluded_item_brings_it_back() {
    let mut store = store();
    let row = store.apply(&rematch(HQ, 5, false), None).unwrap();
    assert_eq!(row.status, SyncStatus::Matched);
    assert_eq!(store.counts(CW).unwrap().excluded, 1);
}

#[test]
fn rematch_refusals_change_nothing() {
    let mut store = store();
    let before = store.clone();
    let cases = [
        (
            rematch(ItemId(42), 0, false),
            ActionError::UnknownItem { item: ItemId(42) },
        ),
        (
            rematch(DC01, 42, false),
            ActionError::UnknownRecord {
                record: RecordId(42),
            },
        ),
        (
            rematch(DC01, 4, false),
            ActionError::RecordMismatch {
                record: RecordId(4),
            },
        ),
        (
            rematch(DC01, 2, false),
            ActionError::RecordMismatch {
                record: RecordId(2),
            },
        ),
        (
            rematch(DC01, 3, false),
            ActionError::RecordDisabled {
                record: RecordId(3),
            },
        ),
        (
            rematch(DC01, 1, false),
            ActionError::AlreadyMatched {
                record: RecordId(1),
            },
        ),
        (rematch(JANE, 2, true), ActionError::NoPreviousRecord),
        (rematch(HQ, 5, true), ActionError::NoPreviousRecord),
    ];
    for (action, error) in cases {
        assert_eq!(store.apply(&action, None), Err(error), "{action:?}");
        assert_eq!(store, before);
    }
}

#[test]
fn exclude_keeps_the_record_and_can_disable_it() {
    let mut store = store();
    let row = store
        .apply(
            &Action::Exclude {
                item: DC01,
                disable_record: true,
            },
            None,
        )
        .unwrap();
    assert_eq!(row.status, SyncStatus::Excluded);
    assert_eq!(row.record.as_ref().unwrap().id, RecordId(1));
    assert!(row.record.unwrap().disabled);
    let counts = store.counts(CW).unwrap();
    assert_eq!((counts.matched, counts.excluded), (1, 3));
}

#[test]
fn exclude_a_not_synced_item() {
    let mut store = store();
    let action = Action::Exclude {
        item: JANE,
        disable_record: false,
    };
    assert_eq!(
        store.apply(&action, None).unwrap().status,
        SyncStatus::Excluded
    );
}

#[test]
fn exclude_refusals_change_nothing() {
    let mut store = store();
    let before = store.clone();
    let cases = [
        (
            Action::Exclude {
                item: HQ,
                disable_record: false,
            },
            ActionError::AlreadyExcluded,
        ),
        (
            Action::Exclude {
                item: JANE,
                disable_record: true,
            },
            ActionError::NoRecordToDisable,
        ),
    ];
    for (action, error) in cases {
        assert_eq!(store.apply(&action, None), Err(error));
        assert_eq!(store, before);
    }
}

#[test]
fn include_restores_the_match_or_not_synced() {
    let mut store = store();
    let hq = store.apply(&Action::Include { item: HQ }, None).unwrap();
    assert_eq!(hq.status, SyncStatus::Matched);
    let ws01 = store.apply(&Action::Include { item: WS01 }, None).unwrap();
    assert_eq!(ws01.status, SyncStatus::NotSynced);
    assert_eq!(
        store.apply(&Action::Include { item: JANE }, None),
        Err(ActionError::NotExcluded)
    );
}

#[test]
fn a_stale_version_is_refused() {
    let mut store = store();
    store.apply(&rematch(DC01, 0, false), Some(1)).unwrap();
    let before = store.clone();
    assert_eq!(
        store.apply(&rematch(DC01, 1, false), Some(1)),
        Err(ActionError::StaleVersion {
            expected: 1,
            actual: 2
        })
    );
    assert_eq!(store, before);
}

#[test]
fn actions_round_trip_through_json() {
    let action = rematch(DC01, 0, true);
    let json = serde_json::to_string(&action).unwrap();
    assert_eq!(
        json,
        r#"{"action":"rematch","item":0,"record":0,"disable_previous":true}"#
    );
    assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), action);
}

#[test]
fn every_kind_of_action_reads_back_as_written() {
    let actions = [
        rematch(DC01, 0, false),
        Action::Exclude {
            item: DC01,
            disable_record: true,
        },
        Action::Include { item: DC01 },
        Action::Restore {
            item: DC01,
            status: SyncStatus::Matched,
            record: Some(RecordId(3)),
            enable: None,
        },
    ];
    for action in actions {
        let json = serde_json::to_string(&action).unwrap();
        assert_eq!(
            serde_json::from_str::<Action>(&json).unwrap(),
            action,
            "{json}"
        );
    }
    // The tag may come anywhere, a Restore's records may be left out, unknown fields are ignored.
    assert_eq!(
        serde_json::from_str::<Action>(
            r#"{"item":0,"status":"not-synced","action":"restore","note":1}"#
        )
        .unwrap(),
        Action::Restore {
            item: DC01,
            status: SyncStatus::NotSynced,
            record: None,
            enable: None
        }
    );
}

#[test]
fn an_action_lacking_a_field_or_of_no_known_kind_is_refused() {
    for (json, says) in [
        (
            r#"{"action":"rematch","item":0,"record":1}"#,
            "missing field `disable_previous`",
        ),
        (
            r#"{"action":"exclude","item":0}"#,
            "missing field `disable_record`",
        ),
        (r#"{"action":"restore","item":0}"#, "missing field `status`"),
        (r#"{"action":"include"}"#, "missing field `item`"),
        (
            r#"{"action":"delete","item":0}"#,
            "unknown variant `delete`",
        ),
        (r#"{"item":0}"#, "missing field `action`"),
    ] {
        let error = serde_json::from_str::<Action>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains(says), "{json}: {error}");
    }
}

#[test]
fn check_answers_like_apply_without_changing_anything() {
    let store = store();
    let before = store.clone();
    assert_eq!(store.check(&rematch(DC01, 0, true), Some(1)), Ok(()));
    assert_eq!(
        store.check(&rematch(JANE, 2, true), None),
        Err(ActionError::NoPreviousRecord)
    );
    assert_eq!(store, before);
}

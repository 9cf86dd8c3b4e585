//! A batch reads back from the JSON it is written as, in any field order, and a batch of the wrong
//! shape is refused with a message that says what is wrong (a journal or a request body is never
//! half read).

use sync_core::{Batch, ItemId, RecordId, SyncStatus};

fn read(json: &str) -> Result<Batch, String> {
    serde_json::from_str::<Batch>(json).map_err(|e| e.to_string())
}

#[test]
fn every_kind_of_batch_reads_back_as_written() {
    let batches = [
        Batch::Exclude {
            disable_record: true,
            items: vec![(ItemId(7), 2), (ItemId(9), 0)],
        },
        Batch::Include {
            items: vec![(ItemId(7), 3)],
        },
        Batch::Rematch {
            items: vec![(ItemId(4), RecordId(11), 5)],
        },
        Batch::Restore {
            items: vec![
                (ItemId(4), 6, SyncStatus::Matched, Some(RecordId(10)), None),
                (ItemId(5), 1, SyncStatus::NotSynced, None, Some(RecordId(3))),
            ],
        },
        Batch::Include { items: vec![] },
    ];
    for batch in batches {
        let json = serde_json::to_string(&batch).unwrap();
        assert_eq!(read(&json), Ok(batch), "{json}");
    }
}

#[test]
fn the_wire_form_is_unchanged() {
    let batch = Batch::Rematch {
        items: vec![(ItemId(4), RecordId(11), 5)],
    };
    assert_eq!(
        serde_json::to_string(&batch).unwrap(),
        r#"{"op":"rematch","items":[[4,11,5]]}"#
    );
}

#[test]
fn fields_read_in_any_order() {
    assert_eq!(
        read(r#"{"items":[[1,2]],"disable_record":false,"op":"exclude"}"#),
        Ok(Batch::Exclude {
            disable_record: false,
            items: vec![(ItemId(1), 2)],
        })
    );
}

#[test]
fn a_batch_of_the_wrong_shape_is_refused_with_the_reason() {
    let refused = [
        (r#"{"items":[[1,2]]}"#, "missing field `op`"),
        (r#"{"op":"delete","items":[]}"#, "unknown variant `delete`"),
        (
            r#"{"op":"exclude","items":[[1,2]]}"#,
            "missing field `disable_record`",
        ),
        (r#"{"op":"include"}"#, "missing field `items`"),
        (r#"{"op":"include","items":[[1,2,3]]}"#, "[item, version]"),
        (
            r#"{"op":"rematch","items":[[1,2]]}"#,
            "[item, record, version]",
        ),
        (
            r#"{"op":"restore","items":[[1,2,3]]}"#,
            "[item, version, status, record, record to enable]",
        ),
        (
            r#"{"op":"restore","items":[[1,2,"matched",3]]}"#,
            "invalid length 4",
        ),
        (r#"{"op":"include","items":[[1]]}"#, "invalid length 1"),
        (
            r#"{"op":"include","items":[[1,2,3,4,5,6]]}"#,
            "invalid length",
        ),
        (
            r#"{"op":"restore","items":[[1,2,"lost",null,null]]}"#,
            "lost",
        ),
        (r#"{"op":"include","items":[[1,-2]]}"#, "invalid value"),
        (r#"{"op":"include","items":[[1,2]]"#, "EOF"),
    ];
    for (json, reason) in refused {
        let error = read(json).expect_err(json);
        assert!(error.contains(reason), "{json}: {error}");
    }
}

mod common;

use common::*;
use sync_core::{
    CandidateQuery, ClientId, IntegrationId, ItemId, ItemQuery, QueryError, RecordId, RecordView,
    ResourceType, Sort, SortKey, StatusCounts, Store, SyncStatus,
};

fn names(store: &Store, query: &ItemQuery) -> Vec<String> {
    store
        .items(query)
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.name)
        .collect()
}

#[test]
fn counts_cover_every_client_of_the_integration() {
    let store = store();
    let counts = store.counts(CW).unwrap();
    assert_eq!(
        counts,
        StatusCounts {
            matched: 2,
            not_synced: 1,
            excluded: 2
        }
    );
    assert_eq!(counts.total(), 5);
    assert_eq!(store.counts(NINJA).unwrap().total(), 1);
    assert_eq!(
        store.counts(IntegrationId(9)),
        Err(QueryError::UnknownIntegration(IntegrationId(9)))
    );
}

#[test]
fn clients_are_only_those_synced_in_the_integration_by_name() {
    let store = store();
    let cw: Vec<_> = store
        .clients(CW)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(cw, ["Contoso Ltd", "Fabrikam Inc"]);
    let ninja: Vec<_> = store
        .clients(NINJA)
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ninja, [NORTHWIND]);
}

#[test]
fn items_of_integration_and_client_sorted_by_name() {
    let store = store();
    let query = ItemQuery::all(CW, CONTOSO);
    assert_eq!(
        names(&store, &query),
        ["Contoso HQ", "CONTOSO-DC01", "CONTOSO-WS01", "Jane Smith"]
    );
    assert!(names(&store, &ItemQuery::all(CW, NORTHWIND)).is_empty());
}

#[test]
fn filter_matches_partial_names_case_insensitively_and_trims() {
    let store = store();
    let mut query = ItemQuery::all(CW, CONTOSO);
    query.filter = "  contoso-".to_owned();
    assert_eq!(names(&store, &query), ["CONTOSO-DC01", "CONTOSO-WS01"]);
    query.filter = "SMITH".to_owned();
    assert_eq!(names(&store, &query), ["Jane Smith"]);
    query.filter = "nothing like it".to_owned();
    assert_eq!(store.items(&query).unwrap().total, 0);
}

#[test]
fn type_and_status_narrow_and_combine() {
    let store = store();
    let mut query = ItemQuery::all(CW, CONTOSO);
    query.resource_type = Some(ResourceType::Configuration);
    assert_eq!(names(&store, &query), ["CONTOSO-DC01", "CONTOSO-WS01"]);
    query.status = Some(SyncStatus::Excluded);
    assert_eq!(names(&store, &query), ["CONTOSO-WS01"]);
    query.resource_type = None;
    assert_eq!(names(&store, &query), ["Contoso HQ", "CONTOSO-WS01"]);
}

#[test]
fn sorts_by_type_and_status_then_name_either_way() {
    let store = store();
    let mut query = ItemQuery::all(CW, CONTOSO);
    query.sort = Sort {
        key: SortKey::Status,
        descending: false,
    };
    assert_eq!(
        names(&store, &query),
        ["CONTOSO-DC01", "Jane Smith", "Contoso HQ", "CONTOSO-WS01"]
    );
    query.sort.descending = true;
    assert_eq!(
        names(&store, &query),
        ["Contoso HQ", "CONTOSO-WS01", "Jane Smith", "CONTOSO-DC01"]
    );
    query.sort = Sort {
        key: SortKey::Type,
        descending: false,
    };
    assert_eq!(
        names(&store, &query),
        ["Contoso HQ", "Jane Smith", "CONTOSO-DC01", "CONTOSO-WS01"]
    );
    query.sort = Sort {
        key: SortKey::Name,
        descending: true,
    };
    assert_eq!(
        names(&store, &query),
        ["Jane Smith", "CONTOSO-WS01", "CONTOSO-DC01", "Contoso HQ"]
    );
}

#[test]
fn pages_report_the_total_and_their_offset() {
    let store = store();
    let mut query = ItemQuery::all(CW, CONTOSO);
    query.offset = 1;
    query.limit = 2;
    let page = store.items(&query).unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(page.offset, 1);
    let names: Vec<_> = page.items.into_iter().map(|i| i.name).collect();
    assert_eq!(names, ["CONTOSO-DC01", "CONTOSO-WS01"]);
}

#[test]
fn rows_show_the_matched_record_even_when_excluded() {
    let store = store();
    let hq = store.item(HQ).unwrap();
    assert_eq!(hq.status, SyncStatus::Excluded);
    assert_eq!(hq.record.unwrap().name, "Contoso Headquarters");
    assert!(store.item(JANE).unwrap().record.is_none());
}

fn candidates(store: &Store, item: ItemId, filter: &str, limit: u32) -> (u32, Vec<RecordView>) {
    let query = CandidateQuery {
        filter: filter.to_owned(),
        limit,
    };
    let found = store.candidates(item, &query).unwrap();
    let records = found.candidates.into_iter().map(|c| c.record).collect();
    (found.total, records)
}

fn ids(records: &[RecordView]) -> Vec<RecordId> {
    records.iter().map(|r| r.id).collect()
}

#[test]
fn candidates_are_enabled_records_of_same_client_and_type_likeliest_first() {
    let store = store();
    let all = CandidateQuery::likeliest();
    // Not r1 (its current record), not r3 (disabled), not r4 (another client).
    let (total, dc01) = candidates(&store, DC01, "", all.limit);
    assert_eq!((total, ids(&dc01)), (1, vec![RecordId(0)]));
    let (_, ws01) = candidates(&store, WS01, "", all.limit);
    assert_eq!(ids(&ws01), [RecordId(0), RecordId(1)]);
    let (_, jane) = candidates(&store, JANE, "", all.limit);
    assert_eq!(
        jane.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Smith, Jane"]
    );
    // An excluded item may be re-matched to the record it kept.
    let (_, hq) = candidates(&store, HQ, "", all.limit);
    assert_eq!(ids(&hq), [RecordId(5)]);
    assert_eq!(candidates(&store, NWT_LT01, "", all.limit), (0, vec![]));
    assert!(store.candidates(ItemId(99), &all).is_err());
}

#[test]
fn candidates_carry_their_score_and_reason_best_first() {
    let store = store();
    let found = store
        .candidates(WS01, &CandidateQuery::likeliest())
        .unwrap();
    let judged: Vec<_> = found
        .candidates
        .iter()
        .map(|c| (c.record.name.as_str(), c.score, c.reason.as_str()))
        .collect();
    assert_eq!(
        judged,
        [
            ("CONTOSO-DC01", 83, "83% similar"),
            ("CONTOSO-DC01 (old)", 63, "63% similar"),
        ]
    );
    let jane = store
        .candidates(JANE, &CandidateQuery::likeliest())
        .unwrap();
    let best = &jane.candidates[0];
    assert_eq!((best.score, best.reason.as_str()), (95, "name reversed"));
}

#[test]
fn candidates_narrow_by_name_and_stop_at_the_limit_keeping_the_likeliest() {
    let store = store();
    // WS01's candidates are r0 "CONTOSO-DC01" and r1 "CONTOSO-DC01 (old)", in that order.
    let (total, first) = candidates(&store, WS01, "", 1);
    assert_eq!((total, ids(&first)), (2, vec![RecordId(0)]));
    let (total, old) = candidates(&store, WS01, "  (OLD) ", 10);
    assert_eq!((total, ids(&old)), (1, vec![RecordId(1)]));
    assert_eq!(candidates(&store, WS01, "no such record", 10), (0, vec![]));
    assert_eq!(candidates(&store, WS01, "", 0), (2, vec![]));
}

#[test]
fn logs_in_a_half_open_range_newest_first() {
    let store = store();
    let all: Vec<_> = store
        .logs(CW, at(1, 0), at(25, 0))
        .unwrap()
        .into_iter()
        .map(|e| e.message)
        .collect();
    assert_eq!(
        all,
        ["Sync completed", "Rate limit reached", "Sync started"]
    );
    let some = store.logs(CW, at(20, 9), at(24, 10)).unwrap();
    assert_eq!(some.len(), 1);
    assert_eq!(some[0].message, "Rate limit reached");
    assert!(store.logs(CW, at(25, 0), at(1, 0)).unwrap().is_empty());
    assert_eq!(store.logs(NINJA, at(1, 0), at(30, 0)).unwrap().len(), 1);
}

#[test]
fn a_dataset_with_broken_references_is_refused() {
    let mut data = dataset();
    data.items[0].record = Some(RecordId(4)); // Fabrikam's record on a Contoso item
    assert!(Store::new(data).is_err());
    let mut data = dataset();
    data.items[1].client = ClientId(7);
    assert!(Store::new(data).is_err());
    let mut data = dataset();
    data.records.swap(0, 1);
    assert!(Store::new(data).is_err());
}

#[test]
fn sort_key_slugs_are_their_json_names() {
    for key in [SortKey::Name, SortKey::Type, SortKey::Status] {
        assert_eq!(serde_json::to_value(key).unwrap(), key.slug());
    }
}

#[test]
fn an_unknown_client_is_refused_and_one_synced_elsewhere_has_no_items() {
    let store = store();
    assert!(names(&store, &ItemQuery::all(NINJA, CONTOSO)).is_empty());
    assert_eq!(
        store.items(&ItemQuery::all(CW, ClientId(99))),
        Err(QueryError::UnknownClient(ClientId(99)))
    );
    assert_eq!(
        store.suggestions(CW, ClientId(99)),
        Err(QueryError::UnknownClient(ClientId(99)))
    );
}

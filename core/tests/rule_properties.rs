//! Whatever the pattern and type: a rule's preview counts exactly what saving it excludes, every
//! item it excludes is one it is about, and its undo puts every item back as it was.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use sync_core::demo::{generate, DemoConfig};
use sync_core::{Batch, IntegrationId, NewRule, ResourceType, Store, SyncStatus};

fn small_store() -> Store {
    generate(&DemoConfig {
        seed: 7,
        size: 40,
        now: Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap(),
    })
}

fn rule() -> impl Strategy<Value = NewRule> {
    (
        0u32..4,
        "[a-e0-3*? -]{0,6}",
        proptest::option::of(proptest::sample::select(ResourceType::ALL.to_vec())),
        any::<bool>(),
    )
        .prop_map(
            |(integration, pattern, resource_type, disable_record)| NewRule {
                integration: IntegrationId(integration),
                pattern,
                resource_type,
                disable_record,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_preview_counts_what_saving_excludes_and_undo_puts_it_back(rule in rule()) {
        let mut store = small_store();
        let before: Vec<_> = store.items_raw().iter().map(|i| (i.status, i.record)).collect();
        let records: Vec<bool> = store.records_raw().iter().map(|r| r.disabled).collect();
        let preview = store.rule_preview(&rule, usize::MAX).unwrap();
        let outcome = store.apply_batch(&Batch::AddRule { rule: rule.clone(), as_of: preview.as_of, items: None });
        prop_assert_eq!(outcome.changed, preview.count);
        prop_assert_eq!(outcome.skipped, preview.already_excluded);
        prop_assert_eq!(outcome.rule.is_some(), rule.problem().is_none());
        for hit in &preview.items {
            let item = &store.items_raw()[hit.id.index()];
            prop_assert_eq!(item.status, SyncStatus::Excluded);
            prop_assert_eq!(item.integration, rule.integration);
            prop_assert!(rule.resource_type.is_none_or(|t| t == item.resource_type));
        }
        let changed = store.items_raw().iter().zip(&before).filter(|(i, b)| i.status != b.0).count();
        prop_assert_eq!(changed as u32, preview.count);
        if let Some(undo) = outcome.undo {
            store.apply_batch(&undo);
        }
        let after: Vec<_> = store.items_raw().iter().map(|i| (i.status, i.record)).collect();
        prop_assert_eq!(after, before);
        let records_after: Vec<bool> = store.records_raw().iter().map(|r| r.disabled).collect();
        prop_assert_eq!(records_after, records);
        prop_assert!(store.rules(rule.integration).unwrap().is_empty());
    }
}

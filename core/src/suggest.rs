//! Suggested matches for a client's Not Synced items: for each, the record the Re-match dialog
//! would list first, when it scores 91 or more (its name follows a rule, not merely looks
//! alike). Found through an index of the records' name forms, built in one pass over the
//! client's records of each type, so 5,000 items against 100,000 records cost one pass and
//! 5,000 lookups, not 500 million comparisons. Every hit is scored by the same
//! [`NameKey::likeness`] as the dialog, so both agree. Scored from a copy of what it needs, so
//! that a server need not hold its store while it scores.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::model::{ClientId, IntegrationId, ResourceType, SyncStatus};
use crate::query::{Candidate, ItemView, RecordView, Suggestion};
use crate::similarity::{describe, forms, Key, NameKey};
use crate::store::{QueryError, Store};

/// The lowest score suggested.
pub const SUGGESTED: u8 = 91;

impl Store {
    /// The client's Not Synced items that have a candidate scoring [`SUGGESTED`] or more, each
    /// with its best candidate (the first the Re-match dialog lists), best first, then by name.
    pub fn suggestions(
        &self,
        integration: IntegrationId,
        client: ClientId,
    ) -> Result<Vec<Suggestion>, QueryError> {
        Ok(self.suggestion_input(integration, client)?.suggestions())
    }

    /// What [`Store::suggestions`] scores, copied out of the store: a server copies it while it
    /// holds its store (milliseconds), and scores it after letting go, so that no write waits
    /// behind a scoring pass.
    pub fn suggestion_input(
        &self,
        integration: IntegrationId,
        client: ClientId,
    ) -> Result<SuggestionInput, QueryError> {
        self.check_integration(integration)?;
        self.check_client(client)?;
        let items: Vec<ItemView> = self
            .listing_ids(integration, client)
            .iter()
            .filter(|id| self.items[id.index()].status == SyncStatus::NotSynced)
            .map(|&id| self.view(id))
            .collect();
        let mut records: Vec<(ResourceType, Vec<RecordView>)> = Vec::new();
        for item in &items {
            if records.iter().all(|(t, _)| *t != item.resource_type) {
                let enabled = self
                    .records_of(client, item.resource_type)
                    .iter()
                    .map(|r| &self.records[r.index()])
                    .filter(|r| !r.disabled)
                    .map(RecordView::from)
                    .collect();
                records.push((item.resource_type, enabled));
            }
        }
        Ok(SuggestionInput { items, records })
    }
}

/// A client's Not Synced items (in name order) and the enabled records of their types (each in
/// name order), as [`Store::suggestion_input`] copied them.
pub struct SuggestionInput {
    items: Vec<ItemView>,
    records: Vec<(ResourceType, Vec<RecordView>)>,
}

impl SuggestionInput {
    /// Scores every item against the records of its type, through an index of the records' name
    /// forms built once per type: see [`Store::suggestions`].
    pub fn suggestions(self) -> Vec<Suggestion> {
        let indexes: Vec<(ResourceType, Index)> = self
            .records
            .iter()
            .map(|(t, records)| (*t, Index::new(records.iter().map(|r| &*r.name))))
            .collect();
        let mut found = Vec::new();
        for item in self.items {
            let Some(at) = self
                .records
                .iter()
                .position(|(t, _)| *t == item.resource_type)
            else {
                continue;
            };
            let (records, index) = (&self.records[at].1, &indexes[at].1);
            let key = NameKey::new(&item.name);
            // The best (highest rank, then first by name) of the records sharing a form.
            let best = key
                .keys()
                .iter()
                .flat_map(|k| index.get(k))
                .map(|position| (key.likeness(&records[position as usize].name), position))
                .filter(|(judged, _)| judged.score >= SUGGESTED)
                .max_by_key(|(judged, position)| (judged.rank(), std::cmp::Reverse(*position)));
            if let Some((judged, position)) = best {
                let record = records[position as usize].clone();
                let reason = describe(judged.reason, &item.name, &record.name);
                found.push(Suggestion {
                    item,
                    candidate: Candidate {
                        record,
                        score: judged.score,
                        reason,
                    },
                });
            }
        }
        // Stable: items of the same score stay in name order.
        found.sort_by_key(|s| std::cmp::Reverse(s.candidate.score));
        found
    }
}

/// Positions of records (in name order) filed under the hash of each of their name forms, in
/// one sorted vector: built in one pass and one sort, looked up by binary search. A hash shared
/// by two forms only costs a scoring, which tells them apart.
struct Index(Vec<(u64, u32)>);

impl Index {
    /// Files the records named `names`.
    fn new<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let mut filed = Vec::with_capacity(names.len() * 4);
        for (position, name) in names.enumerate() {
            filed.extend(forms(name).iter().map(|key| (hash(key), position as u32)));
        }
        filed.sort_unstable();
        filed.dedup();
        Self(filed)
    }

    /// The positions of the records filed under `key`.
    fn get(&self, key: &Key) -> impl Iterator<Item = u32> + '_ {
        let hash = hash(key);
        let start = self.0.partition_point(|&(h, _)| h < hash);
        self.0[start..]
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, position)| position)
    }
}

/// A name form's hash.
fn hash(key: &Key) -> u64 {
    let mut hasher = FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}

#[cfg(all(test, feature = "demo"))]
mod tests {
    use crate::demo::{generate, DemoConfig};
    use crate::query::CandidateQuery;
    use crate::SyncStatus;

    use super::SUGGESTED;

    /// For every Not Synced item of the demo data, the suggestion is the Re-match dialog's first
    /// candidate when that scores 91 or more, and there is none otherwise.
    #[test]
    fn suggestions_are_the_dialogs_first_candidates() {
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 24, 12, 0, 0).unwrap();
        let store = generate(&DemoConfig::new(now));
        let mut suggested = 0;
        for integration in store.integrations() {
            for client in store.clients(integration.id).unwrap() {
                let suggestions = store.suggestions(integration.id, client.id).unwrap();
                let mut expected = Vec::new();
                for item in store.listing_ids(integration.id, client.id) {
                    let view = store.item(*item).unwrap();
                    if view.status != SyncStatus::NotSynced {
                        continue;
                    }
                    let query = CandidateQuery {
                        filter: String::new(),
                        limit: 1,
                    };
                    let first = store.candidates(*item, &query).unwrap().candidates.pop();
                    if let Some(first) = first.filter(|c| c.score >= SUGGESTED) {
                        expected.push((view.id, first));
                    }
                }
                expected.sort_by_key(|(_, c)| std::cmp::Reverse(c.score));
                let got: Vec<_> = suggestions
                    .into_iter()
                    .map(|s| (s.item.id, s.candidate))
                    .collect();
                suggested += got.len();
                assert_eq!(got, expected, "{} / {}", integration.name, client.name);
            }
        }
        assert!(
            suggested > 20,
            "the demo data has suggestions ({suggested})"
        );
    }
}

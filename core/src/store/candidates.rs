//! The records an item can be re-matched to, likeliest first.

use crate::model::{ItemId, SyncStatus};
use crate::query::{Candidate, CandidateQuery, Candidates, RecordView};
use crate::similarity::{describe, NameKey};

use super::{QueryError, Store};

impl Store {
    /// The enabled portal records an item can be re-matched to: same client and type, not the one
    /// it is matched to now, named like the query's filter. The likeliest (by
    /// [`likeness`](crate::likeness) of the names) come first, then by name; at most the
    /// query's limit of them, each with its score and reason, and how many there are in all.
    pub fn candidates(
        &self,
        item: ItemId,
        query: &CandidateQuery,
    ) -> Result<Candidates, QueryError> {
        let it = self
            .items
            .get(item.index())
            .ok_or(QueryError::UnknownItem(item))?;
        let current = match it.status {
            SyncStatus::Matched => it.record,
            _ => None,
        };
        let needle = query.filter.trim().to_lowercase();
        let key = NameKey::new(&it.name);
        let ids = self.records_of(it.client, it.resource_type);
        // (inverted rank, position in name order) of each candidate: best first when sorted.
        let mut found: Vec<(u16, usize)> = ids
            .iter()
            .enumerate()
            .filter_map(|(position, id)| {
                let record = &self.records[id.index()];
                if record.disabled || Some(record.id) == current {
                    return None;
                }
                let named = needle.is_empty() || record.name.to_lowercase().contains(&needle);
                named.then(|| (u16::MAX - key.likeness(&record.name).rank(), position))
            })
            .collect();
        let total = found.len() as u32;
        let limit = found.len().min(query.limit as usize);
        if limit < found.len() {
            found.select_nth_unstable(limit);
            found.truncate(limit);
        }
        found.sort_unstable();
        let candidates = found
            .into_iter()
            .map(|(_, position)| {
                let record = &self.records[ids[position].index()];
                let judged = key.likeness(&record.name);
                Candidate {
                    record: RecordView::from(record),
                    score: judged.score,
                    reason: describe(judged.reason, &it.name, &record.name),
                }
            })
            .collect();
        Ok(Candidates { total, candidates })
    }
}

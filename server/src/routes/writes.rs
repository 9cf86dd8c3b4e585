//! The API's writes: one item's re-match, exclusion, inclusion or restore, and a batch, each
//! taken through the one write path ([`crate::store::write`]).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Extension;
use serde::Deserialize;
use sync_core::{Action, Batch, ItemId, RecordId, SyncStatus};

use crate::http::actor::Actor;
use crate::http::extract::{Body, BodyLimit, Ids};
use crate::http::layers::{BATCH_BODY_LIMIT, BODY_LIMIT};
use crate::http::problem::{Answer, Problem};
use crate::store::write::{write, write_batch};
use crate::Shared;

/// The most items one batch may name.
pub const MAX_BATCH: usize = 200_000;

/// The body of a re-match.
#[derive(Debug, Deserialize)]
pub struct RematchBody {
    version: u32,
    record: u32,
    #[serde(default)]
    disable_previous: bool,
}

/// The body of an exclusion.
#[derive(Debug, Deserialize)]
pub struct ExcludeBody {
    version: u32,
    #[serde(default)]
    disable_record: bool,
}

/// The body of an inclusion.
#[derive(Debug, Deserialize)]
pub struct IncludeBody {
    version: u32,
}

/// The body of a restore (an undo): the state to put back.
#[derive(Debug, Deserialize)]
pub struct RestoreBody {
    version: u32,
    status: SyncStatus,
    record: Option<u32>,
    enable: Option<u32>,
}

/// A write body: the action it asks for on `item`, and the version it expects.
pub(super) trait ItemWrite: serde::de::DeserializeOwned + BodyLimit {
    fn action(self, item: ItemId) -> (Action, u32);
}

impl BodyLimit for RematchBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl BodyLimit for ExcludeBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl BodyLimit for IncludeBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl BodyLimit for RestoreBody {
    const LIMIT: usize = BODY_LIMIT;
}

impl ItemWrite for RematchBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        let action = Action::Rematch {
            item,
            record: RecordId(self.record),
            disable_previous: self.disable_previous,
        };
        (action, self.version)
    }
}

impl ItemWrite for ExcludeBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        let action = Action::Exclude {
            item,
            disable_record: self.disable_record,
        };
        (action, self.version)
    }
}

impl ItemWrite for IncludeBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        (Action::Include { item }, self.version)
    }
}

impl ItemWrite for RestoreBody {
    fn action(self, item: ItemId) -> (Action, u32) {
        let action = Action::Restore {
            item,
            status: self.status,
            record: self.record.map(RecordId),
            enable: self.enable.map(RecordId),
        };
        (action, self.version)
    }
}

/// `POST /items/{item}/…`: the body `B` read and taken as its action.
pub(super) async fn item_write<B: ItemWrite>(
    State(state): State<Shared>,
    Ids(item): Ids<u32>,
    Extension(Actor(actor)): Extension<Actor>,
    headers: HeaderMap,
    Body(body): Body<B>,
) -> Answer {
    let (action, version) = body.action(ItemId(item));
    write(state, &headers, action, version, actor).await
}

/// `POST /batches`: one change to many items, each at its version.
pub(super) async fn batch(
    State(state): State<Shared>,
    Extension(Actor(actor)): Extension<Actor>,
    headers: HeaderMap,
    Body(batch): Body<Batch>,
) -> Answer {
    if batch.len() > MAX_BATCH {
        return Err(Problem::too_large(BATCH_BODY_LIMIT));
    }
    if let Batch::ExcludeMatching { matching, .. } | Batch::IncludeMatching { matching } = &batch {
        if !matching.except.is_sorted() {
            return Err(Problem::bad_request(
                "matching.except must list item ids in ascending order",
            ));
        }
    }
    write_batch(state, &headers, batch, actor).await
}

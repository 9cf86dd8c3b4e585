//! The status counts of the shown integration over all its clients, as the global tiles read
//! them.

use leptos::prelude::*;
use sync_core::{IntegrationId, StatusCounts};

use crate::actions::screen::Screen;
use crate::data::fetch::Fetch;
use crate::data::Api;
use crate::ui::format::grouped;

/// The counts of an integration (none before an integration is shown), reloaded after every
/// change.
pub type Counts = Fetch<Option<IntegrationId>, Option<StatusCounts>>;

/// Loads the counts of `integration`.
pub fn load_counts(api: Api, screen: Screen, integration: Memo<Option<IntegrationId>>) -> Counts {
    Fetch::new(integration, move |id| {
        screen.changes().track();
        let api = api.get();
        async move {
            match id {
                Some(id) => api.counts(id).await.map(Some),
                None => Ok(None),
            }
        }
    })
}

/// Shows a count, or what stands in for it while loading or after a failure.
pub fn count_text(counts: Counts, pick: fn(&StatusCounts) -> u32) -> impl Fn() -> String {
    move || match counts.current() {
        Some(Ok(Some(c))) => grouped(pick(&c)),
        Some(Err(_)) => "unavailable".to_owned(),
        _ => "…".to_owned(),
    }
}

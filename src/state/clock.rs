//! The current time for relative times ("5 minutes ago"), ticked every half minute while the
//! screen is shown.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// How often relative times are brought up to date.
const TICK: Duration = Duration::from_secs(30);

/// The clock.
#[derive(Clone, Copy)]
pub struct Clock(RwSignal<DateTime<Utc>>);

impl Clock {
    /// A clock that ticks until the owner that made it is cleaned up.
    pub fn ticking() -> Self {
        let now = RwSignal::new(Utc::now());
        if let Ok(tick) = set_interval_with_handle(move || now.set(Utc::now()), TICK) {
            on_cleanup(move || tick.clear());
        }
        Self(now)
    }

    /// The time as of the latest tick (tracked).
    pub fn now(&self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// The clock provided by the Sync Overview page.
pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}

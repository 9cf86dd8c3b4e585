//! This tab's copy of the demo data: built from the generator in steps that keep the page
//! responsive, and kept in step with the journal (this tab's actions and other tabs').

use std::cell::{Cell, RefCell};

use chrono::{Duration, Utc};
use sync_core::demo::{build, DemoConfig, Progress};
use sync_core::{History, Store};

use crate::data::demo::journal::{Journal, Record, Seq};
use crate::data::BackendError;

/// Lets the browser run its other tasks (paint, input) before going on: resolves in a task of
/// its own, posted through a message channel (not clamped like nested timers).
struct NextTask(Option<web_sys::MessageChannel>);

impl NextTask {
    fn new() -> Self {
        Self(web_sys::MessageChannel::new().ok())
    }

    async fn wait(&self) {
        let Some(channel) = &self.0 else { return };
        let posted = js_sys::Promise::new(&mut |resolve, _| {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::UNDEFINED);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(posted).await;
    }
}

/// Builds the demo store in steps, letting the page paint and take input between them.
pub(super) async fn build_in_steps(config: &DemoConfig, progress: impl Fn(Progress)) -> Store {
    let next = NextTask::new();
    build(config, |step| {
        progress(step);
        next.wait()
    })
    .await
}

/// This tab's copy of the data and where it stands in the journal, shared with the handler that
/// hears other tabs.
pub(super) struct Replica {
    pub(super) config: DemoConfig,
    pub(super) store: RefCell<Store>,
    /// Every item's history, made again from the journal.
    pub(super) history: RefCell<History>,
    /// Who this tab's changes are made by (the configuration's `user`).
    pub(super) user: String,
    pub(super) journal: Journal,
    /// The last journal entry reflected in `store`.
    pub(super) cursor: Cell<Seq>,
    /// Whether the store is being rebuilt after a reset (catching up waits for it).
    pub(super) rebuilding: Cell<bool>,
}

/// What replaying entries ran into.
pub(super) enum Replayed {
    /// Everything given is in the store.
    All,
    /// A reset at this sequence: the store must be rebuilt before what follows.
    Reset(Seq),
}

/// Days the mock store keeps its history (as a server does by default).
const HISTORY_DAYS: i64 = 365;

/// The most history entries the mock store keeps (the oldest go first): a browser tab's memory
/// is bounded.
const HISTORY_ENTRIES: usize = 500_000;

impl Replica {
    /// Applies a journal record to the data, recording it in the history (kept within its
    /// bounds); `Err` when it no longer applies.
    pub(super) fn apply(&self, record: &Record) -> Result<(), String> {
        let mut history = self.history.borrow_mut();
        let applied = record.apply_to(&mut self.store.borrow_mut(), &mut history);
        history.trim(Utc::now() - Duration::days(HISTORY_DAYS), HISTORY_ENTRIES);
        applied
    }

    /// Applies the entries after the cursor, in order, up to a reset.
    pub(super) fn replay(&self, entries: &[(Seq, Record)]) -> Replayed {
        for (seq, record) in entries {
            if *seq <= self.cursor.get() {
                continue;
            }
            if record.is_reset() {
                return Replayed::Reset(*seq);
            }
            // It applied when it was appended, to the same data: it applies again, the same.
            let _ = self.apply(record);
            self.cursor.set(*seq);
        }
        Replayed::All
    }

    /// Brings the data up to what other tabs appended (`fresh`), before a change is checked
    /// against it: refused when another tab reset the data (`reset` is then set, for the caller
    /// to catch up once the journal's transaction is over).
    pub(super) fn up_to(
        &self,
        fresh: &[(Seq, Record)],
        reset: &Cell<bool>,
    ) -> Result<(), BackendError> {
        match self.replay(fresh) {
            Replayed::All => Ok(()),
            Replayed::Reset(_) => {
                reset.set(true);
                Err(BackendError::Stale(
                    "The demo data was reset in another tab.".to_owned(),
                ))
            }
        }
    }

    /// Starts the data again from the generator, as of the reset at `seq`.
    pub(super) async fn rebuild(&self, seq: Seq) {
        self.rebuilding.set(true);
        let fresh = build_in_steps(&self.config, |_| {}).await;
        *self.store.borrow_mut() = fresh;
        *self.history.borrow_mut() = History::default();
        self.cursor.set(seq);
        self.rebuilding.set(false);
    }

    /// Catches up with what other tabs appended; says whether anything changed.
    pub(super) async fn catch_up(&self) -> bool {
        let start = self.cursor.get();
        while !self.rebuilding.get() {
            let Ok(fresh) = self.journal.read_after(self.cursor.get()).await else {
                break;
            };
            match self.replay(&fresh) {
                Replayed::All => break,
                Replayed::Reset(seq) => self.rebuild(seq).await,
            }
        }
        self.cursor.get() != start
    }
}

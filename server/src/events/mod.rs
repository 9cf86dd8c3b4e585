//! Live changes out: every committed change (a write, a rule, a sync run) as an event carrying
//! its change number, kept for a while so that a subscriber that reconnects resumes where it
//! left off ([`Events::subscribe`]), served as Server-Sent Events by `routes::events`. With
//! PostgreSQL, the events of every replica travel through `LISTEN/NOTIFY` (sent in the commit's
//! transaction, heard by [`listen`]); with SQLite (one process) a commit publishes its own.

pub mod listen;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use sync_core::{Change, IntegrationId, Rule};
use tokio::sync::{broadcast, watch};

/// How many events are kept for subscribers that reconnect.
pub const KEPT: usize = 4096;

/// The most item ids an event lists (a larger write says only how many).
pub const LISTED: usize = 100;

/// A committed change, as subscribers hear it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Its change number.
    pub seq: u64,
    /// Its JSON ([`Payload`]).
    pub data: String,
}

/// What an event says, as JSON: the change number, what kind of change, and which items (the
/// first [`LISTED`]) or integration it touched.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Payload {
    /// The change number.
    pub seq: u64,
    /// `items` (a write: an action, a batch, a rule) or `run` (a sync run).
    pub kind: String,
    /// How many items the write changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// The items it changed, when no more than [`LISTED`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<u32>>,
    /// The integration of a run, or of a rule the write saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<IntegrationId>,
}

impl Payload {
    /// The event of a write committed as `seq`.
    pub fn write(seq: u64, changes: &[Change], rule: Option<&Rule>) -> Self {
        Self {
            seq,
            kind: "items".to_owned(),
            count: Some(changes.len()),
            items: (changes.len() <= LISTED).then(|| changes.iter().map(|c| c.item.0).collect()),
            integration: rule.map(|r| r.rule.integration),
        }
    }

    /// The event of a sync run saved as `seq`.
    pub fn run(seq: u64, integration: IntegrationId) -> Self {
        Self {
            seq,
            kind: "run".to_owned(),
            count: None,
            items: None,
            integration: Some(integration),
        }
    }

    /// As JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a subscriber hears.
#[derive(Clone, Debug)]
pub enum Heard {
    /// A change.
    Change(Arc<Event>),
    /// Events were lost: read the data afresh.
    Reload,
}

/// Where a subscriber starts.
#[derive(Debug)]
pub struct Subscription {
    /// The kept events after the one it last heard.
    pub backlog: Vec<Arc<Event>>,
    /// It missed events no longer kept: it must read the data afresh.
    pub reload: bool,
    /// The events from now on.
    pub live: broadcast::Receiver<Heard>,
    /// Turns true when the server stops.
    pub closing: watch::Receiver<bool>,
}

/// The events of this process: kept, and sent to every subscriber.
pub struct Events {
    sender: broadcast::Sender<Heard>,
    kept: Mutex<VecDeque<Arc<Event>>>,
    closing: watch::Sender<bool>,
    /// With PostgreSQL the events come through `LISTEN/NOTIFY`, not from this process's commits.
    pub notified: bool,
}

impl Events {
    /// No event yet; `notified`: events come through the database's notifications.
    pub fn new(notified: bool) -> Self {
        Self {
            sender: broadcast::channel(KEPT).0,
            kept: Mutex::new(VecDeque::with_capacity(KEPT)),
            closing: watch::channel(false).0,
            notified,
        }
    }

    /// Publishes a change committed in this process (with SQLite; with PostgreSQL its
    /// notification does).
    pub fn committed(&self, payload: &Payload) {
        if !self.notified {
            self.publish(payload.seq, payload.to_json());
        }
    }

    /// Keeps an event and sends it to every subscriber.
    pub fn publish(&self, seq: u64, data: String) {
        let event = Arc::new(Event { seq, data });
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        if kept.len() == KEPT {
            kept.pop_front();
        }
        kept.push_back(event.clone());
        // While kept is held: a subscriber sees each event in its backlog or live, never both.
        let _ = self.sender.send(Heard::Change(event));
    }

    /// Subscribes a client that last heard change `after` (none: from now on), the data being
    /// at change `head`: the kept events after it, or `reload` when some are no longer kept.
    pub fn subscribe(&self, after: Option<u64>, head: u64) -> Subscription {
        let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        let live = self.sender.subscribe();
        let (backlog, reload) = match after {
            None => (Vec::new(), false),
            Some(after) => {
                let first = kept.front().map_or(head + 1, |e| e.seq);
                if after + 1 >= first {
                    let backlog = kept.iter().filter(|e| e.seq > after).cloned().collect();
                    (backlog, false)
                } else {
                    (Vec::new(), true)
                }
            }
        };
        Subscription {
            backlog,
            reload,
            live,
            closing: self.closing.subscribe(),
        }
    }

    /// Ends every subscription (the server is stopping).
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Tells every subscriber to read the data afresh (events were lost: the database's
    /// notifications stopped for a while).
    pub fn lost(&self) {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        // What was kept no longer tells a resuming subscriber everything since.
        kept.clear();
        let _ = self.sender.send(Heard::Reload);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subscriber_resumes_after_what_it_heard_or_is_told_to_reload() {
        let events = Events::new(false);
        for seq in 1..=KEPT as u64 + 10 {
            events.publish(seq, format!("{{\"seq\":{seq}}}"));
        }
        let head = KEPT as u64 + 10;
        let resumed = events.subscribe(Some(head - 3), head);
        assert_eq!(
            resumed.backlog.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [head - 2, head - 1, head]
        );
        assert!(!resumed.reload);
        let first_kept = 11;
        assert!(!events.subscribe(Some(first_kept - 1), head).reload);
        assert!(events.subscribe(Some(first_kept - 2), head).reload);
        assert!(events.subscribe(None, head).backlog.is_empty());
    }

    #[test]
    fn with_nothing_kept_a_subscriber_up_to_the_data_resumes() {
        let events = Events::new(false);
        assert!(!events.subscribe(Some(40), 40).reload);
        assert!(events.subscribe(Some(39), 40).reload);
    }
}

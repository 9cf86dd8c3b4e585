//! Connections that have been accepted but have not sent a byte yet, oldest first. They cost a
//! socket and a small task; when the server is full, the oldest of them is closed to make room
//! (as nginx closes its "reusable" connections), so idle sockets cannot lock a request out.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

/// The waiting connections, by age.
#[derive(Debug, Default)]
pub struct Waiting {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next: u64,
    by_age: BTreeMap<u64, oneshot::Sender<()>>,
}

/// One waiting connection's place: `closed` resolves when the server wants it closed; dropping
/// the place (the connection sent its first byte, or is gone) takes it off the list.
#[derive(Debug)]
pub struct Place {
    waiting: Arc<Waiting>,
    id: u64,
    /// Resolves when the connection is to be closed to make room.
    pub closed: oneshot::Receiver<()>,
}

impl Drop for Place {
    fn drop(&mut self) {
        self.waiting.lock().by_age.remove(&self.id);
    }
}

impl Waiting {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding this lock leaves the map whole: keep using it.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Adds a connection, the youngest.
    pub fn enter(self: &Arc<Self>) -> Place {
        let (close, closed) = oneshot::channel();
        let mut inner = self.lock();
        let id = inner.next;
        inner.next += 1;
        inner.by_age.insert(id, close);
        Place {
            waiting: self.clone(),
            id,
            closed,
        }
    }

    /// Closes the connection that has waited longest; whether there was one.
    pub fn close_oldest(&self) -> bool {
        loop {
            let Some((_, close)) = self.lock().by_age.pop_first() else {
                return false;
            };
            // One already on its way out does not count: close the next.
            if close.send(()).is_ok() {
                return true;
            }
        }
    }

    /// Closes every waiting connection (the server is stopping).
    pub fn close_all(&self) {
        let all = std::mem::take(&mut self.lock().by_age);
        for close in all.into_values() {
            let _ = close.send(());
        }
    }

    /// How many connections wait.
    pub fn len(&self) -> usize {
        self.lock().by_age.len()
    }

    /// Whether none waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_is_closed_first_and_a_place_leaves_when_dropped() {
        let waiting = Arc::new(Waiting::default());
        let mut first = waiting.enter();
        let mut second = waiting.enter();
        let third = waiting.enter();
        drop(third);
        assert_eq!(waiting.len(), 2);
        assert!(waiting.close_oldest());
        assert!(
            first.closed.try_recv().is_ok(),
            "the oldest is told to close"
        );
        assert!(second.closed.try_recv().is_err(), "the younger one is left");
        assert_eq!(waiting.len(), 1);
        waiting.close_all();
        assert!(second.closed.try_recv().is_ok());
        assert!(waiting.is_empty());
        assert!(!waiting.close_oldest(), "nothing left to close");
    }
}

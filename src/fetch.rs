//! An answer loaded for an input that changes (a query, an id): a `LocalResource` whose every
//! answer says which input it answers, so the screen can tell an answer that is behind.
//!
//! It also guards against a quirk of reactive_graph 0.2 (Leptos 0.8): a `LocalResource` builds
//! its first future when created; when an input changes only through a `Memo` before the
//! resource's task first runs, the resource is marked *check* rather than *dirty*, and its task
//! awaits that first future, built for the old input, and never asks again. So each time an
//! answer arrives, [`Fetch`] checks that the latest request was for the current input and asks
//! again if not.

use std::future::Future;

use leptos::prelude::*;

use crate::backend::{Answer, BackendError};

/// An answer for the current value of an input, reloaded when the input changes or when the
/// fetch function reads a signal that changes.
pub struct Fetch<Q: Send + Sync + 'static, T: 'static> {
    input: Memo<Q>,
    resource: LocalResource<(Q, Answer<T>)>,
}

impl<Q: Send + Sync + 'static, T: 'static> Clone for Fetch<Q, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q: Send + Sync + 'static, T: 'static> Copy for Fetch<Q, T> {}

impl<Q, T> Fetch<Q, T>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + 'static,
{
    /// Loads `fetch(input)` now and again whenever `input` changes or a signal `fetch` reads
    /// (synchronously, before its future) changes.
    pub fn new<Fut>(input: Memo<Q>, fetch: impl Fn(Q) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Answer<T>> + 'static,
    {
        // The input of the latest request made.
        let asked = StoredValue::new(None::<Q>);
        let resource = LocalResource::new(move || {
            let query = input.get();
            asked.set_value(Some(query.clone()));
            let answer = fetch(query.clone());
            async move { (query, answer.await) }
        });
        Effect::new(move |_| {
            resource.track();
            let current = input.get_untracked();
            if asked.with_value(|a| a.as_ref() != Some(&current)) {
                resource.refetch();
            }
        });
        Self { input, resource }
    }

    /// The answer for the current input, once it arrived.
    pub fn current(&self) -> Option<Answer<T>> {
        let input = self.input.get();
        self.resource.with(|r| {
            r.as_ref()
                .filter(|(q, _)| *q == input)
                .map(|(_, answer)| answer.clone())
        })
    }

    /// The latest answer, whichever input it was for, if it succeeded (what to show meanwhile).
    pub fn latest(&self) -> Option<T> {
        self.resource.with(|r| {
            r.as_ref()
                .and_then(|(_, answer)| answer.as_ref().ok().cloned())
        })
    }

    /// Reads the latest answer, if it succeeded, without cloning it.
    pub fn with_latest<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.resource
            .with(|r| f(r.as_ref().and_then(|(_, answer)| answer.as_ref().ok())))
    }

    /// Whether the answer on show is not yet the one for the current input.
    pub fn loading(&self) -> bool {
        let input = self.input.get();
        self.resource
            .with(|r| r.as_ref().is_none_or(|(q, _)| *q != input))
    }

    /// Why the latest request failed, if it did.
    pub fn error(&self) -> Option<BackendError> {
        self.resource.with(|r| {
            r.as_ref()
                .and_then(|(_, answer)| answer.as_ref().err().cloned())
        })
    }

    /// Asks again.
    pub fn refetch(&self) {
        self.resource.refetch();
    }
}

//! An answer loaded for an input that changes (a query, an id): every read from the backend goes
//! through [`Fetch`], which says which input its answer is for, so the screen can tell an answer
//! that is behind, and offers the error and Try again.
//!
//! Every `Fetch` shares one `LocalResource` type: input and answer are held type-erased and given
//! back typed. Reactive_graph's resource code is generic over the resource's value and its loader,
//! so a resource per answer type put a copy of it in the download for each (about 3 kB of wasm
//! apiece).
//!
//! It also guards against a quirk of reactive_graph 0.2 (Leptos 0.8): a `LocalResource` builds
//! its first future when created; when an input changes only through a `Memo` before the
//! resource's task first runs, the resource is marked *check* rather than *dirty*, and its task
//! awaits that first future, built for the old input, and never asks again. So each time an
//! answer arrives, [`Fetch`] checks that the latest request was for the current input and asks
//! again if not.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::Rc;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::data::{Answer, BackendError};

/// An answer and the input it answers, their types erased.
#[derive(Clone)]
struct Loaded {
    input: Rc<dyn Any>,
    answer: Result<Rc<dyn Any>, BackendError>,
}

/// Starts a load for the current input (read tracked): the input and the answer to come.
type Load = Rc<
    dyn Fn() -> (
        Rc<dyn Any>,
        LocalBoxFuture<'static, Result<Rc<dyn Any>, BackendError>>,
    ),
>;

/// Whether an input is the current one; the flag says whether to read the input tracked.
type IsCurrent = Rc<dyn Fn(&dyn Any, bool) -> bool>;

/// The untyped part of every [`Fetch`]: the one resource type, and its guard.
#[derive(Clone, Copy)]
struct Loader {
    resource: LocalResource<Loaded>,
    is_current: StoredValue<IsCurrent, LocalStorage>,
}

impl Loader {
    fn new(load: Load, is_current: IsCurrent) -> Self {
        // The input of the latest request made.
        let asked = StoredValue::new_local(None::<Rc<dyn Any>>);
        let resource = LocalResource::new(move || {
            let (input, answer) = load();
            asked.set_value(Some(input.clone()));
            async move {
                Loaded {
                    input,
                    answer: answer.await,
                }
            }
        });
        let current = is_current.clone();
        // Kept as an effect on purpose (issue 21): it writes no signal of ours, it only asks the
        // resource again when its latest request is behind (the quirk above). No memo can ask a
        // resource to load, the resource itself never notices, and no event handler sees the
        // answer arrive.
        Effect::new(move |_| {
            resource.track();
            if !asked.with_value(|a| a.as_ref().is_some_and(|input| current(&**input, false))) {
                resource.refetch();
            }
        });
        Self {
            resource,
            is_current: StoredValue::new_local(is_current),
        }
    }

    /// Reads the latest answer, whichever input it was for, and whether it is for the current one.
    fn with<R>(&self, f: impl FnOnce(Option<(&Loaded, bool)>) -> R) -> R {
        let is_current = self.is_current.get_value();
        self.resource.with(|loaded| {
            f(loaded
                .as_ref()
                .map(|loaded| (loaded, is_current(&*loaded.input, true))))
        })
    }
}

/// The answer's own type.
fn typed<T: 'static>(answer: &Rc<dyn Any>) -> &T {
    answer
        .downcast_ref()
        .expect("a Fetch holds answers of its own type")
}

/// An answer for the current value of an input, reloaded when the input changes or when the
/// fetch function reads a signal that changes.
pub struct Fetch<Q, T> {
    loader: Loader,
    types: PhantomData<fn() -> (Q, T)>,
}

impl<Q, T> Clone for Fetch<Q, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q, T> Copy for Fetch<Q, T> {}

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
        let load: Load = Rc::new(move || {
            let query = input.get();
            let answer = fetch(query.clone());
            let answer: LocalBoxFuture<'static, _> =
                Box::pin(async move { answer.await.map(|t| Rc::new(t) as Rc<dyn Any>) });
            (Rc::new(query) as Rc<dyn Any>, answer)
        });
        let is_current: IsCurrent = Rc::new(move |asked, tracked| {
            let current = if tracked {
                input.get()
            } else {
                input.get_untracked()
            };
            asked.downcast_ref::<Q>() == Some(&current)
        });
        Self {
            loader: Loader::new(load, is_current),
            types: PhantomData,
        }
    }

    /// The answer for the current input, once it arrived.
    pub fn current(&self) -> Option<Answer<T>> {
        self.loader.with(|loaded| match loaded {
            Some((loaded, true)) => Some(
                loaded
                    .answer
                    .as_ref()
                    .map(|a| typed::<T>(a).clone())
                    .map_err(Clone::clone),
            ),
            _ => None,
        })
    }

    /// The latest answer, whichever input it was for (what to show meanwhile), if any arrived.
    pub fn latest_answer(&self) -> Option<Answer<T>> {
        self.with_latest_answer(|answer| answer.map(|a| a.cloned().map_err(Clone::clone)))
    }

    /// Reads the latest answer, whichever input it was for, without cloning it.
    pub fn with_latest_answer<R>(
        &self,
        f: impl FnOnce(Option<Result<&T, &BackendError>>) -> R,
    ) -> R {
        self.loader
            .with(|loaded| f(loaded.map(|(loaded, _)| loaded.answer.as_ref().map(typed::<T>))))
    }

    /// The latest answer, whichever input it was for, if it succeeded (what to show meanwhile).
    pub fn latest(&self) -> Option<T> {
        self.with_latest(|latest| latest.cloned())
    }

    /// Reads the latest answer, if it succeeded, without cloning it.
    pub fn with_latest<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.with_latest_answer(|answer| f(answer.and_then(Result::ok)))
    }

    /// Whether the answer on show is not yet the one for the current input.
    pub fn loading(&self) -> bool {
        self.loader
            .with(|loaded| !matches!(loaded, Some((_, true))))
    }

    /// Why the latest request failed, if it did.
    pub fn error(&self) -> Option<BackendError> {
        self.with_latest_answer(|answer| answer.and_then(Result::err).cloned())
    }

    /// Asks again.
    pub fn refetch(&self) {
        self.loader.resource.refetch();
    }
}

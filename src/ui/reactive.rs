//! A view that follows what it reads, with one copy of its rendering code per output type.

use std::sync::{Arc, Mutex};

use leptos::tachys::reactive_graph::SharedReactiveFunction;

/// A view that reruns `f` whenever a signal it read changes. The rendering code is compiled once
/// for every such view of the same output type, where a closure returned as it is gets a copy of
/// its own (4–5 kB of download for a large one). `view!` does the same for a closure written
/// inside it; this is for a component whose whole view is such a closure.
pub fn reactive<T: 'static>(f: impl FnMut() -> T + Send + 'static) -> SharedReactiveFunction<T> {
    Arc::new(Mutex::new(f))
}

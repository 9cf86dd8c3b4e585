//! Live changes from a server: its change events (`GET …/events`, Server-Sent Events) through the
//! browser's `EventSource`, which reconnects by itself and resumes with `Last-Event-ID`. Every
//! event (a change, or "reload" when the server cannot say what was missed) asks the screen to
//! read the data again; events that arrive together are taken as one.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventSource};

/// Events closer together than this are one reload.
const TOGETHER: Duration = Duration::from_millis(50);

/// A subscription to a server's change events; closed when dropped.
pub struct Live {
    source: EventSource,
    _heard: Closure<dyn Fn(Event)>,
}

impl Live {
    /// Subscribes to the events at `url`, calling `changed` after each (or each burst).
    pub fn subscribe(url: &str, changed: Rc<dyn Fn()>) -> Option<Self> {
        let source = EventSource::new(url).ok()?;
        let waiting = Rc::new(Cell::new(false));
        let heard = Closure::<dyn Fn(Event)>::new(move |_: Event| {
            if waiting.replace(true) {
                return;
            }
            let (waiting, changed) = (waiting.clone(), changed.clone());
            set_timeout(
                move || {
                    waiting.set(false);
                    changed();
                },
                TOGETHER,
            );
        });
        let listener = heard.as_ref().unchecked_ref();
        for name in ["change", "reload"] {
            source
                .add_event_listener_with_callback(name, listener)
                .ok()?;
        }
        Some(Self {
            source,
            _heard: heard,
        })
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.source.close();
    }
}

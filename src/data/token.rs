//! The bearer token the HTTP backend sends: given by the configuration, changed by
//! `handle.update({ token })`, or fetched from the host's `getToken()` (before the first request,
//! and again when the server refuses the one there is). When none will do, the host hears an
//! `auth` event and the request waits for the next token it gives: nothing the technician did is
//! lost, and a write is sent again under its own idempotency key.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The token and where a fresh one comes from; shared by the backend and the app's remote.
#[derive(Clone, Default)]
pub struct TokenCell(Rc<Inner>);

/// Tells the host a token is needed, with why.
type Needed = Rc<dyn Fn(&str)>;

#[derive(Default)]
struct Inner {
    token: RefCell<Option<String>>,
    /// The host's `getToken`.
    source: RefCell<Option<js_sys::Function>>,
    /// Tells the host a token is needed (its `auth` event).
    needed: RefCell<Option<Needed>>,
    /// Requests waiting for a token.
    waiting: RefCell<Vec<oneshot::Sender<()>>>,
}

impl TokenCell {
    /// A cell holding `token`.
    pub fn new(token: Option<String>) -> Self {
        let cell = Self::default();
        *cell.0.token.borrow_mut() = token;
        cell
    }

    /// Fetches fresh tokens from `get_token` (a function returning a token or a promise of one).
    pub fn fetch_from(&self, get_token: js_sys::Function) {
        *self.0.source.borrow_mut() = Some(get_token);
    }

    /// Calls `needed` with why when a token is needed and none will do.
    pub fn when_needed(&self, needed: Needed) {
        *self.0.needed.borrow_mut() = Some(needed);
    }

    /// The token there is.
    pub fn get(&self) -> Option<String> {
        self.0.token.borrow().clone()
    }

    /// Sets the token; requests waiting for one go on.
    pub fn set(&self, token: Option<String>) {
        *self.0.token.borrow_mut() = token;
        for waiting in self.0.waiting.take() {
            let _ = waiting.send(());
        }
    }

    /// Whether fresh tokens can be fetched.
    pub fn fetches(&self) -> bool {
        self.0.source.borrow().is_some()
    }

    /// Fetches a fresh token from `getToken` and keeps it; none when there is no `getToken`, or
    /// it failed or gave no text.
    pub async fn fresh(&self) -> Option<String> {
        let source = self.0.source.borrow().clone()?;
        let given = source.call0(&JsValue::NULL).ok()?;
        let token = match given.dyn_ref::<js_sys::Promise>() {
            Some(promise) => JsFuture::from(promise.clone()).await.ok()?,
            None => given,
        }
        .as_string()
        .filter(|t| !t.is_empty())?;
        *self.0.token.borrow_mut() = Some(token.clone());
        Some(token)
    }

    /// Tells the host a token is needed, then waits until it gives one (`update({ token })`);
    /// resolves to it.
    pub async fn wait_for_new(&self, why: &str) -> Option<String> {
        let (sender, receiver) = oneshot::channel();
        self.0.waiting.borrow_mut().push(sender);
        let needed = self.0.needed.borrow().clone();
        if let Some(needed) = needed {
            needed(why);
        }
        receiver.await.ok()?;
        self.get()
    }
}

//! Word between the tabs (and app instances) that share one journal: a broadcast channel on
//! which each says "I changed the data", so the others catch up without a reload.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// This instance's end of the channel; closed when dropped.
pub struct Tabs {
    channel: BroadcastChannel,
    _heard: Closure<dyn FnMut(MessageEvent)>,
}

impl Tabs {
    /// Joins the channel of the journal `name`; `heard` runs whenever another instance says it
    /// changed the data. None where the browser has no broadcast channels.
    pub fn join(name: &str, heard: impl Fn() + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(&format!("sync-overview/journal/{name}")).ok()?;
        let heard = Closure::<dyn FnMut(MessageEvent)>::new(move |_| heard());
        channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _heard: heard,
        })
    }

    /// Tells the others that the data changed.
    pub fn tell(&self) {
        let _ = self.channel.post_message(&wasm_bindgen::JsValue::TRUE);
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

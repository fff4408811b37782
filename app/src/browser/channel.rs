//! The tabs of Creditdesk tell each other about commits on a `BroadcastChannel` named
//! "creditdesk": after each successful commit the writing tab posts its new head; the others
//! read what is newer (`state::refresh`). A channel does not deliver to the object that posted,
//! so one object per page both posts and listens.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

pub const CHANNEL_NAME: &str = "creditdesk";

#[wasm_bindgen]
extern "C" {
    /// The browser's `BroadcastChannel` (bound here: web-sys's binding needs a feature that
    /// would rebuild every crate above it for three calls).
    type BroadcastChannel;
    #[wasm_bindgen(constructor, catch)]
    fn new(name: &str) -> Result<BroadcastChannel, JsValue>;
    #[wasm_bindgen(method, catch, js_name = postMessage)]
    fn post_message(this: &BroadcastChannel, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &BroadcastChannel, handler: Option<&js_sys::Function>);
}

thread_local! {
    static CHANNEL: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// This page's channel object, made on first use; `None` where the browser has none.
fn with_channel<T>(use_it: impl FnOnce(&BroadcastChannel) -> T) -> Option<T> {
    CHANNEL.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = BroadcastChannel::new(CHANNEL_NAME).ok();
        }
        slot.as_ref().map(use_it)
    })
}

/// Tells the other tabs that the journal now ends at `head` (its sequence number and hash in
/// hex; `None` when it is empty). A tab that cannot post only loses the others' refresh.
pub fn post_head(head: Option<(u64, String)>) {
    let message = js_sys::Object::new();
    let (seq, hash) = match head {
        Some((seq, hash)) => (JsValue::from_f64(seq as f64), JsValue::from_str(&hash)),
        None => (JsValue::NULL, JsValue::NULL),
    };
    let _ = js_sys::Reflect::set(&message, &"seq".into(), &seq);
    let _ = js_sys::Reflect::set(&message, &"hash".into(), &hash);
    with_channel(|channel| channel.post_message(&message));
}

/// Calls `on_head` with the sequence number and hash another tab posted.
pub fn listen(on_head: impl Fn(Option<(u64, String)>) + 'static) {
    let handler = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let data = js_sys::Reflect::get(&event, &"data".into()).unwrap_or(JsValue::NULL);
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
        let seq = field("seq").and_then(|value| value.as_f64());
        let hash = field("hash").and_then(|value| value.as_string());
        on_head(seq.zip(hash).map(|(seq, hash)| (seq as u64, hash)));
    });
    with_channel(|channel| channel.set_onmessage(Some(handler.as_ref().unchecked_ref())));
    // The listener lives as long as the page.
    handler.forget();
}

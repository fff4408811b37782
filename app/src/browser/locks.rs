//! One tab at a time: the Web Locks API (`navigator.locks.request(name, { ifAvailable: true },
//! callback)`), bound through `Reflect` because web-sys offers it only behind its unstable
//! APIs. A lock is held while the callback's promise is pending: here, until the work given
//! to `with_lock` is done (or dropped). Locks are per origin and released when a tab closes.

use js_sys::{Function, Object, Promise, Reflect};
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The lock is held by another tab (or by this one, for other work).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockBusy;

/// Runs `work` holding the Web Lock `name`, or refuses at once with `LockBusy` when another
/// holder has it (nothing of `work` runs). Where the browser has no Web Locks (an insecure
/// context, an old browser), `work` runs unguarded: one tab cannot see another's work there.
/// When it returns, the lock is free again.
pub async fn with_lock<T>(name: &str, work: impl Future<Output = T>) -> Result<T, LockBusy> {
    let Some((granted, release, done)) = request(name) else {
        return Ok(work.await);
    };
    let held = JsFuture::from(granted)
        .await
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    if !held {
        return Err(LockBusy);
    }
    let release = Release(release);
    let output = work.await;
    drop(release);
    // The request's own promise settles once the lock is released.
    let _ = JsFuture::from(done).await;
    Ok(output)
}

/// Resolves the promise the lock's callback returned, which releases the lock: on drop, so
/// the lock goes with work that finished or was abandoned half-way.
struct Release(Function);

impl Drop for Release {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::UNDEFINED);
    }
}

/// A promise and the function that resolves it.
fn deferred() -> (Promise, Function) {
    let mut resolver = None;
    let promise = Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
    let resolve = resolver.unwrap_or_else(|| Function::new_no_args(""));
    (promise, resolve)
}

/// Asks for the lock: a promise of whether it was granted, the function releasing it, and the
/// request's promise (settled once released). `None` when the browser has no
/// `navigator.locks` or refuses the request outright.
fn request(name: &str) -> Option<(Promise, Function, Promise)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    let request: Function = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let (granted, grant) = deferred();
    let (held, release) = deferred();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let available = !lock.is_null() && !lock.is_undefined();
        let _ = grant.call1(&JsValue::UNDEFINED, &JsValue::from_bool(available));
        if available {
            held.into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let options = Object::new();
    Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE).ok()?;
    let name = JsValue::from_str(name);
    let done = request.call3(&locks, &name, &options, &callback).ok()?;
    Some((granted, release, done.dyn_into().ok()?))
}

//! Thin wrappers over the browser: clock, local storage, languages, persistent storage and
//! the service worker. The app's only source of time: `today()` and `now()` feed the core.
//! Beside it: `channel` (the tabs tell each other about commits) and `locks` (Web Locks: one
//! tab at a time runs an import).

pub mod channel;
pub mod locks;

pub use locks::{with_lock, LockBusy};

use chrono::NaiveDate;
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Lets the page handle what is waiting (input, a frame to paint) before going on: the
/// browser's `scheduler.yield()` where it has one (Chromium 129 on), else a zero timeout.
/// Works in a worker too.
pub async fn yield_to_page() {
    let global = js_sys::global();
    let scheduler = Reflect::get(&global, &JsValue::from_str("scheduler"))
        .ok()
        .filter(JsValue::is_object);
    let yielded = scheduler.and_then(|scheduler| {
        let call = Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?;
        let call = call.dyn_ref::<js_sys::Function>()?.call0(&scheduler).ok()?;
        call.dyn_into::<Promise>().ok()
    });
    match yielded {
        Some(promise) => {
            let _ = JsFuture::from(promise).await;
        }
        None => gloo_timers::future::TimeoutFuture::new(0).await,
    }
}

/// Today's date in the device's time zone: the `as_of` of every report.
pub fn today() -> NaiveDate {
    let date = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// The day a timestamp falls on in the device's time zone.
pub fn local_date(ms: i64) -> NaiveDate {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// Formats a timestamp in the device's time zone, e.g. `2026-11-23 14:05`.
pub fn format_timestamp(ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Removes a remembered choice.
pub fn forget(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        // A full or disabled localStorage only loses a preference; the journal is elsewhere.
        let _ = storage.set_item(key, value);
    }
}

pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect()
}

pub fn set_document_lang(code: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = element.set_attribute("lang", code);
    }
}

/// The path the app is served under, e.g. `/` or `/tools/creditdesk/` (set by index.html).
pub fn app_base() -> String {
    web_sys::window()
        .and_then(|window| Reflect::get(&window, &JsValue::from_str("__CREDITDESK_BASE__")).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_else(|| "/".to_string())
}

/// Whether this page runs inside a frame of another page.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // A top window that cannot be reached is another page's.
        _ => true,
    }
}

/// The origin of the page that frames this one, where the browser tells it
/// (`location.ancestorOrigins`: Chromium and Safari; Firefox has none).
pub fn parent_origin() -> Option<String> {
    let location = web_sys::window()?.location();
    let ancestors = Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok()?;
    let first = Reflect::get(&ancestors, &JsValue::from_f64(0.0)).ok()?;
    first.as_string().filter(|origin| origin != "null")
}

/// Whether a message came from the window of the page that frames this one.
pub fn is_from_parent(event: &web_sys::MessageEvent) -> bool {
    let parent = web_sys::window().and_then(|window| window.parent().ok().flatten());
    match (event.source(), parent) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
}

/// `location.search`, e.g. `?customer=C000123` (empty when there is none).
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// One parameter of a query string, decoded.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(name)
}

/// Changes the address to `?name=value` on this page's path, with a history entry and without
/// loading the page. (The path is explicit: a bare `?…` would resolve against the `<base>`.)
pub fn push_query(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str("") else {
        return;
    };
    params.set(name, value);
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}?{}", String::from(params.to_string()));
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Starts the browser's SHA-256 of `bytes` (SubtleCrypto, which works off the main thread)
/// and returns its result to await: `None` where the page has no SubtleCrypto (it exists only
/// in secure contexts: https, or http on localhost), and the caller then hashes in wasm.
/// Not an `async fn`: the work must start now, so the caller can decode while it runs.
pub fn sha256(bytes: &[u8]) -> impl std::future::Future<Output = Option<[u8; 32]>> {
    let started = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| {
            // `digest` copies its input when called, so this copy may be dropped at once.
            let data = js_sys::Uint8Array::from(bytes);
            crypto
                .subtle()
                .digest_with_str_and_buffer_source("SHA-256", &data)
                .ok()
        })
        .map(JsFuture::from);
    async move {
        let digest = js_sys::Uint8Array::new(&started?.await.ok()?);
        let mut out = [0u8; 32];
        (digest.length() == 32).then(|| digest.copy_to(&mut out))?;
        Some(out)
    }
}

pub fn is_online() -> bool {
    web_sys::window().is_some_and(|window| window.navigator().on_line())
}

async fn storage_call(method: &str) -> Option<JsValue> {
    let storage = web_sys::window()?.navigator().storage();
    let function = Reflect::get(&storage, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = function.call0(&storage).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

/// Asks the browser to keep this site's data (navigator.storage.persist()).
pub async fn request_persistence() -> Option<bool> {
    storage_call("persist").await?.as_bool()
}

pub async fn is_persisted() -> Option<bool> {
    storage_call("persisted").await?.as_bool()
}

/// Bytes used and the quota, when the browser tells.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let estimate = storage_call("estimate").await?;
    let usage = Reflect::get(&estimate, &JsValue::from_str("usage"))
        .ok()?
        .as_f64()?;
    let quota = Reflect::get(&estimate, &JsValue::from_str("quota"))
        .ok()?
        .as_f64()?;
    Some((usage, quota))
}

pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // Relative to the document base, so it works from a sub-folder too.
    let _ = container.register("sw.js");
}

pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Marks a point in the browser's performance timeline (read by the benchmark).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

pub fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the browser paint before long synchronous work (e.g. generating portfolio L).
pub async fn next_frame() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

/// Offers `bytes` to the user as a download named `name` (of type `mime`). `false` when the
/// browser refused (no document, no object URLs).
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    blob_of(bytes, mime).is_some_and(|blob| download_blob(name, &blob))
}

/// `bytes` as a `Blob` of type `mime` (copied out of wasm), if the browser makes one.
pub fn blob_of(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Offers a file already made (a worker's: the page neither copies nor holds its bytes).
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let offered = (|| {
        let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // The click has started the download; the URL may go.
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    })();
    offered.is_some()
}

/// The bytes of the file chosen in a file input, left in JS (for a worker: a large file is
/// never copied into wasm), or why they could not be read.
pub async fn chosen_file_array(
    input: &web_sys::HtmlInputElement,
) -> Result<Option<js_sys::Uint8Array>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    file_array(&file).await.map(Some)
}

/// The bytes of a chosen or dropped file, or why they could not be read.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    Ok(file_array(file).await?.to_vec())
}

async fn file_array(file: &web_sys::File) -> Result<js_sys::Uint8Array, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| error.as_string().unwrap_or_else(|| format!("{error:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

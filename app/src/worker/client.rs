//! The pages' side of the worker: one worker per job, started from the files the build named
//! in the page (`window.__CREDITDESK_WORKER__`), its request posted once it says it is ready.
//! Dropping or cancelling a [`Job`] terminates the worker; `Job::send` posts it a further request.

use super::protocol::{from_bytes, to_bytes, Reply, Request, ViewReply, ViewRequest};
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// Why a job could not start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartError {
    /// The page names no worker (a development build without `scripts/build.sh`).
    NotBuilt,
    /// The browser refused to start it, with its message.
    Refused(String),
}

/// A running worker and its handlers; terminated when dropped.
pub struct Job {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Job {
    /// Posts a further request to the same worker, which may keep what the first one read
    /// (a checked backup, for its restore). The worker is ready: it has answered.
    pub fn send(&self, request: &Request) -> Result<(), StartError> {
        let text =
            serde_json::to_string(request).map_err(|e| StartError::Refused(e.to_string()))?;
        let message = Object::new();
        let _ = Reflect::set(
            &message,
            &JsValue::from_str("request"),
            &JsValue::from_str(&text),
        );
        let bytes = Uint8Array::new_with_length(0);
        let _ = Reflect::set(&message, &JsValue::from_str("bytes"), &bytes);
        send(&self.worker, &message, Some(&bytes));
        Ok(())
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The URL of the worker's loader, relative to the page's base.
fn loader_url() -> Option<String> {
    let window = web_sys::window()?;
    let named = Reflect::get(&window, &JsValue::from_str("__CREDITDESK_WORKER__")).ok()?;
    Reflect::get(&named, &JsValue::from_str("loader"))
        .ok()?
        .as_string()
}

/// Starts a worker, posts `request` with `bytes` once it is ready, and hands every reply to
/// `on_reply`. A worker that fails to load or crashes is reported as `Reply::Garbled`.
/// The bytes are copied into JS now; the page keeps its own copy for the next request.
pub fn start(
    request: &Request,
    bytes: &[u8],
    on_reply: impl Fn(Reply) + 'static,
) -> Result<Job, StartError> {
    start_with(request, Uint8Array::from(bytes), on_reply)
}

/// [`start`] with bytes already in JS (a chosen file's buffer, never copied into wasm); the
/// buffer is transferred to the worker, so it is empty here afterwards.
pub fn start_with(
    request: &Request,
    bytes: Uint8Array,
    on_reply: impl Fn(Reply) + 'static,
) -> Result<Job, StartError> {
    let text = serde_json::to_string(request).map_err(|e| StartError::Refused(e.to_string()))?;
    let message = Object::new();
    let _ = Reflect::set(
        &message,
        &JsValue::from_str("request"),
        &JsValue::from_str(&text),
    );
    let _ = Reflect::set(&message, &JsValue::from_str("bytes"), &bytes);
    spawn(message, Some(bytes), move |data| {
        on_reply(
            data.and_then(|data| read_reply(&data))
                .unwrap_or_else(Reply::Garbled),
        )
    })
}

/// Starts a worker for a check-view page's request (`{ view }`, its postcard bytes); every
/// answer goes to `on_reply` (a worker that fails to load or crashes as `ViewReply::Garbled`).
pub fn start_view(
    request: &ViewRequest,
    on_reply: impl Fn(ViewReply) + 'static,
) -> Result<Job, StartError> {
    let bytes = Uint8Array::from(to_bytes(request).map_err(StartError::Refused)?.as_slice());
    let message = Object::new();
    let _ = Reflect::set(&message, &JsValue::from_str("view"), &bytes);
    spawn(message, None, move |data| {
        let reply = data.and_then(|data| match data.dyn_into::<Uint8Array>() {
            Ok(bytes) => from_bytes::<ViewReply>(&bytes.to_vec()),
            Err(_) => Err("the worker answered in another format".into()),
        });
        on_reply(reply.unwrap_or_else(ViewReply::Garbled))
    })
}

/// The worker's first message, `Reply::Ready` as JSON text: it is listening.
const READY: &str = "\"Ready\"";

/// Starts a worker, posts `message` (transferring `transfer`'s buffer) once it says it is
/// ready, and hands every later message's data to `on_data`, or the reason it failed to load
/// or crashed.
fn spawn(
    message: Object,
    transfer: Option<Uint8Array>,
    on_data: impl Fn(Result<JsValue, String>) + 'static,
) -> Result<Job, StartError> {
    let url = loader_url().ok_or(StartError::NotBuilt)?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&url, &options)
        .map_err(|error| StartError::Refused(format!("{error:?}")))?;
    let pending = Rc::new(RefCell::new(Some((message, transfer))));
    let on_data = Rc::new(on_data);
    let on_message = {
        let (worker, on_data) = (worker.clone(), on_data.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some(READY) {
                if let Some((message, transfer)) = pending.borrow_mut().take() {
                    send(&worker, &message, transfer.as_ref());
                }
            } else {
                on_data(Ok(data));
            }
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let message = Reflect::get(&event, &JsValue::from_str("message"))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_else(|| event.type_());
        on_data(Err(message));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Job {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A reply: its JSON text, or `{ reply, file }` for an export's or a backup's file (the
/// `Blob` is put into the reply).
fn read_reply(data: &JsValue) -> Result<Reply, String> {
    let field = |name: &str| Reflect::get(data, &JsValue::from_str(name)).ok();
    let (text, file) = match data.as_string() {
        Some(text) => (text, None),
        None => (
            field("reply")
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
            field("file").and_then(|value| value.dyn_into::<web_sys::Blob>().ok()),
        ),
    };
    match serde_json::from_str::<Reply>(&text).map_err(|error| error.to_string())? {
        Reply::Exported(Ok(mut exported)) => {
            exported.file = file;
            Ok(Reply::Exported(Ok(exported)))
        }
        Reply::BackedUp(Ok(mut made)) => {
            made.file = file;
            Ok(Reply::BackedUp(Ok(made)))
        }
        reply => Ok(reply),
    }
}

/// Posts the first message, transferring the file's buffer (no second copy).
fn send(worker: &Worker, message: &Object, transfer: Option<&Uint8Array>) {
    let _ = match transfer {
        Some(array) => {
            worker.post_message_with_transfer(message, &js_sys::Array::of1(&array.buffer()))
        }
        None => worker.post_message(message),
    };
}

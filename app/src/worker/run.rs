//! The worker's side: listens for one request at a time and answers with [`Reply`]s.

use super::protocol::{Reply, Request, Stage};
use super::refusal::refusal;
use crate::browser;
use crate::db::{self, StorageError};
use chrono::NaiveDate;
use creditdesk_core::import::{self, Mapping, Rejected};
use creditdesk_core::{encode_snapshot, SealedEvent, Timestamp};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Progress is posted at most every this many rows (and at the end).
const PROGRESS_EVERY: usize = 5_000;

pub(super) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts a [`Reply`] as its JSON text.
pub(super) fn post(reply: &Reply) {
    let text = serde_json::to_string(reply)
        .unwrap_or_else(|error| format!("{{\"Garbled\":{:?}}}", error.to_string()));
    // A worker's postMessage only fails for uncloneable values; a string always clones.
    let _ = scope().post_message(&JsValue::from_str(&text));
}

/// Installs the message handler and says so.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        if let Some(view) = Reflect::get(&data, &JsValue::from_str("view"))
            .ok()
            .and_then(|value| value.dyn_into::<Uint8Array>().ok())
        {
            return super::view::receive(&view.to_vec());
        }
        let request = Reflect::get(&data, &JsValue::from_str("request"))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default();
        let bytes = Reflect::get(&data, &JsValue::from_str("bytes"))
            .ok()
            .filter(|value| value.is_instance_of::<Uint8Array>())
            .map(|value| Uint8Array::new(&value).to_vec())
            .unwrap_or_default();
        match serde_json::from_str::<Request>(&request) {
            Ok(request) => wasm_bindgen_futures::spawn_local(handle(request, bytes)),
            Err(error) => post(&Reply::Garbled(error.to_string())),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}

async fn handle(request: Request, bytes: Vec<u8>) {
    let reply = match request {
        Request::Preview {
            file_name,
            encoding,
            sheet,
            lang,
        } => Reply::Preview(
            import::preview(&bytes, &file_name, encoding, sheet)
                .map_err(|error| refusal(lang, &Rejected::File(error))),
        ),
        Request::Import {
            mapping,
            recorded_on,
            sealer,
            lang,
        } => run_import(&bytes, &mapping, recorded_on, &sealer)
            .await
            .unwrap_or_else(|rejected| Reply::Rejected(refusal(lang, &rejected))),
        Request::Export {
            table,
            format,
            as_of,
            lang,
        } => return super::export::run(&table, format, as_of, &lang).await,
        Request::Backup { today, lang } => return super::backup::run(today, lang).await,
        Request::CheckBackup { lang } => super::restore::check(&bytes, lang),
        Request::Restore { lang } => super::restore::restore(&bytes, lang).await,
    };
    post(&reply);
}

/// Loads the stored journal (verified, as on every open), checks every row against it and
/// writes the import as one event with the snapshot after it, in one transaction. Bad rows
/// or a bad file are `Err`; every other ending is a reply.
async fn run_import(
    bytes: &[u8],
    mapping: &Mapping,
    recorded_on: NaiveDate,
    sealer: &str,
) -> Result<Reply, Rejected> {
    post(&Reply::Progress(Stage::Loading));
    let mut state = match open_and_load().await {
        Ok(state) => state,
        Err(error) => return Ok(Reply::Storage(error)),
    };
    let mut last = 0;
    let mut progress = |done: usize, total: usize| {
        if done == total || done >= last + PROGRESS_EVERY {
            last = done;
            post(&Reply::Progress(Stage::Checking { done, total }));
        }
    };
    let outcome = import::plan(bytes, mapping, &state, recorded_on, &mut progress)?;
    if outcome.entries.is_empty() {
        return Ok(Reply::Imported(outcome.summary));
    }
    post(&Reply::Progress(Stage::Writing));
    let sealed = SealedEvent::seal(
        state.head,
        Timestamp(browser::now_ms()),
        sealer,
        outcome.entries,
    );
    if let Err(broken) = state.apply_event(&sealed.event, sealed.hash) {
        return Ok(Reply::Storage(StorageError::Integrity(broken)));
    }
    Ok(
        match db::append(&sealed, Some(encode_snapshot(&state))).await {
            Ok(()) => Reply::Imported(outcome.summary),
            Err(error) => Reply::Storage(error),
        },
    )
}

/// The worker's own connection: an upgrade by a newer tab ends this job (its write would
/// fail anyway), and a blocked open is reported by the desk that waits for it.
pub(super) async fn open_own() -> Result<(), StorageError> {
    let db = db::open(db::DB_NAME, db::SCHEMA_VERSION, || {}, || {}).await?;
    db::install(db);
    Ok(())
}

/// The worker's own connection, and the stored journal loaded (verified, as on every open).
pub(super) async fn open_and_load() -> Result<creditdesk_core::Portfolio, StorageError> {
    open_own().await?;
    db::load().await
}

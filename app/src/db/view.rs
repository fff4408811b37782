//! The stored check view (`core::check::view`): every customer's standing for one day and one
//! journal head, which the field check and the widget read instead of the journal. It is kept
//! in the snapshots store under its own key, as its postcard bytes (`CheckView::encode`) beside
//! a seal saying what it is for (the head it was made from, the day, its format version) and
//! the SHA-256 of the bytes; both are `Uint8Array`s.
//!
//! Nothing read back is trusted: a view is used only when it was made for the recorded head
//! and for today, and its bytes are the ones its hash was taken of. One made for another head
//! or day (or in another format) is out of date, not broken: the worker makes a new one. One
//! whose bytes do not match their hash is an integrity error (`ChainBreak::CheckViewEdited`),
//! named and not used.

use super::{commit, database, digest, read_recorded_head, StorageError};
use super::{SNAPSHOT_KEY, STORE_EVENTS, STORE_META, STORE_SNAPSHOTS};
use chrono::NaiveDate;
use creditdesk_core::check::view::{CheckView, VIEW_VERSION};
use creditdesk_core::journal::{ChainBreak, ChainHead};
use creditdesk_core::Hash;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// The view's key in the snapshots store (the state snapshot is `"latest"`).
pub const VIEW_KEY: &str = "check-view";

/// What a stored view is for, read before its bytes are hashed or decoded (postcard too).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewSeal {
    pub version: u32,
    pub head: Option<ChainHead>,
    #[serde(with = "creditdesk_core::base::dates::date_serde")]
    pub as_of: NaiveDate,
    pub sha256: Hash,
}

/// What reading the view found.
#[derive(Debug)]
pub enum ViewRead {
    /// Made for the recorded head and this day, and intact.
    Current(Box<CheckView>),
    /// None stored, or one for another head, day or format: the worker makes a new one.
    OutOfDate,
}

/// Reads the stored view for `today`: the current one, or that it is out of date. Its bytes
/// must match their hash (`ChainBreak::CheckViewEdited` otherwise) and decode into a view for
/// exactly the head and day it says.
pub async fn read_view(today: NaiveDate) -> Result<ViewRead, StorageError> {
    let db = database()?;
    let tx = db
        .transaction([STORE_EVENTS, STORE_META, STORE_SNAPSHOTS])
        .build()?;
    let recorded = read_recorded_head(&tx.object_store(STORE_META)?).await?;
    let snapshots = tx.object_store(STORE_SNAPSHOTS)?;
    if recorded.is_none() {
        // No head: empty, unless events or a snapshot are there (the worker's load then names
        // the missing head). An empty store's view needs no worker.
        let events = tx.object_store(STORE_EVENTS)?.count().primitive()?.await?;
        let snapshot: Option<JsValue> = snapshots.get(SNAPSHOT_KEY).primitive()?.await?;
        if events == 0 && snapshot.is_none() {
            return Ok(ViewRead::Current(Box::new(CheckView::empty(today))));
        }
    }
    let record: Option<JsValue> = snapshots.get(VIEW_KEY).primitive()?.await?;
    drop(snapshots);
    drop(tx);
    let Some(record) = record else {
        return Ok(ViewRead::OutOfDate);
    };
    let bytes_of = |name: &str| {
        let value = Reflect::get(&record, &JsValue::from_str(name)).ok()?;
        Some(value.dyn_into::<Uint8Array>().ok()?.to_vec())
    };
    let seal = bytes_of("seal").and_then(|seal| postcard::from_bytes::<ViewSeal>(&seal).ok());
    let (Some(seal), Some(bytes)) = (seal, bytes_of("view")) else {
        // Not a record this build writes (a version 1 view kept JSON text): made again, like a
        // view of another format.
        return Ok(ViewRead::OutOfDate);
    };
    if seal.version != VIEW_VERSION || seal.head != recorded || seal.as_of != today {
        return Ok(ViewRead::OutOfDate);
    }
    let edited = || {
        let seq = seal.head.map_or(0, |head| head.seq);
        StorageError::Integrity(ChainBreak::CheckViewEdited { seq })
    };
    if digest(&bytes).await != seal.sha256 {
        return Err(edited());
    }
    match CheckView::decode(&bytes) {
        Some(view) if view.head == seal.head && view.as_of == seal.as_of => {
            Ok(ViewRead::Current(Box::new(view)))
        }
        // The bytes are the ones hashed, yet not the view their seal says: forged with a new
        // hash, or written by a faulty build.
        _ => Err(edited()),
    }
}

/// Stores `view` in place of the last one, unless the journal moved on since it was made (its
/// head is no longer the recorded one): then `false`, and nothing is written.
pub async fn write_view(view: &CheckView) -> Result<bool, StorageError> {
    let bytes = view.encode();
    let seal = ViewSeal {
        version: view.version,
        head: view.head,
        as_of: view.as_of,
        sha256: digest(&bytes).await,
    };
    let seal =
        postcard::to_allocvec(&seal).map_err(|error| StorageError::Failed(error.to_string()))?;
    let record = js_sys::Object::new();
    let _ = Reflect::set(&record, &"seal".into(), &Uint8Array::from(seal.as_slice()));
    let _ = Reflect::set(&record, &"view".into(), &Uint8Array::from(bytes.as_slice()));
    let db = database()?;
    let tx = db
        .transaction([STORE_META, STORE_SNAPSHOTS])
        .with_mode(TransactionMode::Readwrite)
        .build()?;
    if read_recorded_head(&tx.object_store(STORE_META)?).await? != view.head {
        return Ok(false);
    }
    tx.object_store(STORE_SNAPSHOTS)?
        .put(JsValue::from(record))
        .with_key(VIEW_KEY)
        .primitive()?;
    commit(tx).await?;
    Ok(true)
}

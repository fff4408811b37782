//! The record shapes kept in each object store and their conversions to and from JS values.
//! Records are plain JS objects built by hand. The event text is stored verbatim (it is what
//! the hash covers): inline as a string when small, otherwise as UTF-8 chunks in the `chunks`
//! store. Chromium refuses any single value over ~133 MB once serialised, and a JS string
//! with non-ASCII text serialises as UTF-16 — portfolio L's 106 MB event would be 212 MB.
//! The snapshot is always stored as byte chunks, its record carrying the seal that binds the
//! bytes to the chain.

use super::StorageError;
use creditdesk_core::journal::{ChainBreak, ChainHead, EntryKind, Hash, SealedEvent, SnapshotSeal};
use creditdesk_core::Entry;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// One journal record as stored: the exact event text (what the hash covers) plus header
/// fields so the journal page can list events without reading large texts.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRecord {
    pub summary: EventSummary,
    pub text: String,
}

/// The header of a stored event, for listing.
#[derive(Clone, Debug, PartialEq)]
pub struct EventSummary {
    pub seq: u64,
    pub hash: String,
    pub at: i64,
    pub actor: String,
    /// Entry kinds with their counts, e.g. `InvoiceIssued×3`: written with every event (the
    /// journal page now tells the entries from the event's text instead).
    pub entries: String,
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get_string(value: &JsValue, key: &str) -> Option<String> {
    Reflect::get(value, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

fn get_number(value: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(value, &JsValue::from_str(key)).ok()?.as_f64()
}

/// Counts entries by kind, in order of first appearance.
pub fn summarise(entries: &[Entry]) -> String {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for entry in entries {
        let kind = entry_kind(entry);
        match counts.iter_mut().find(|(name, _)| *name == kind) {
            Some((_, count)) => *count += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts
        .iter()
        .map(|(kind, count)| format!("{kind}×{count}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stored `kind` tag of an entry, e.g. `InvoiceIssued`.
pub fn entry_kind(entry: &Entry) -> &'static str {
    EntryKind::of(entry).token()
}

/// Texts and snapshots longer than this are split into chunks of this many bytes.
pub const CHUNK_BYTES: usize = 8 * 1024 * 1024;
pub const OWNER_EVENT: &str = "event";
pub const OWNER_SNAPSHOT: &str = "snapshot";

/// The key of one chunk: `[owner, seq, index]`.
pub fn chunk_key(owner: &str, seq: u64, index: u32) -> JsValue {
    let key = js_sys::Array::new();
    key.push(&JsValue::from_str(owner));
    key.push(&JsValue::from_f64(seq as f64));
    key.push(&JsValue::from_f64(f64::from(index)));
    key.into()
}

/// Splits bytes into chunk values, each a `Uint8Array`.
pub fn chunks(bytes: &[u8]) -> Vec<JsValue> {
    bytes
        .chunks(CHUNK_BYTES)
        .map(|chunk| Uint8Array::from(chunk).into())
        .collect()
}

/// Puts chunk values under `[owner, seq, 0..]` in a readwrite transaction's chunk store.
pub fn put_chunks(
    store: &ObjectStore<'_>,
    owner: &str,
    seq: u64,
    values: Vec<JsValue>,
) -> Result<(), StorageError> {
    for (index, value) in values.into_iter().enumerate() {
        store
            .put(value)
            .with_key(chunk_key(owner, seq, index as u32))
            .primitive()?;
    }
    Ok(())
}

/// Deletes chunks `[owner, seq, from..]`, e.g. those left from a longer earlier snapshot.
pub fn delete_chunks_from(
    store: &ObjectStore<'_>,
    owner: &str,
    seq: u64,
    from: u32,
) -> Result<(), StorageError> {
    store
        .delete(chunk_key(owner, seq, from)..=chunk_key(owner, seq, u32::MAX))
        .primitive()?;
    Ok(())
}

/// Reads and joins `count` chunks of `[owner, seq]`.
pub async fn read_chunks(
    store: &ObjectStore<'_>,
    owner: &str,
    seq: u64,
    count: u32,
) -> Result<Vec<u8>, StorageError> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let values = store
        .get_all::<JsValue>()
        .with_query(chunk_key(owner, seq, 0)..=chunk_key(owner, seq, count - 1))
        .primitive()?
        .await?;
    let arrays = values
        .into_iter()
        .map(|value| {
            value?
                .dyn_into::<Uint8Array>()
                .map_err(|_| unreadable(seq as usize))
        })
        .collect::<Result<Vec<Uint8Array>, StorageError>>()?;
    if arrays.len() != count as usize {
        return Err(unreadable(seq as usize));
    }
    // One allocation and one copy out of JS per chunk (a snapshot of L is 28 MB).
    let total = arrays.iter().map(|array| array.length() as usize).sum();
    let mut bytes = vec![0u8; total];
    let mut start = 0;
    for array in &arrays {
        let end = start + array.length() as usize;
        array.copy_to(&mut bytes[start..end]);
        start = end;
    }
    Ok(bytes)
}

/// The event's record and, for a large text, its chunks (to put under `[event, seq]`).
pub fn event_record(sealed: &SealedEvent) -> (JsValue, Vec<JsValue>) {
    let object = Object::new();
    set(&object, "seq", &JsValue::from_f64(sealed.event.seq as f64));
    set(&object, "hash", &JsValue::from_str(&sealed.hash.to_hex()));
    set(&object, "at", &JsValue::from_f64(sealed.event.at.0 as f64));
    set(&object, "actor", &JsValue::from_str(&sealed.event.actor));
    set(
        &object,
        "summary",
        &JsValue::from_str(&summarise(&sealed.event.entries)),
    );
    if sealed.text.len() <= CHUNK_BYTES {
        set(&object, "text", &JsValue::from_str(&sealed.text));
        return (object.into(), Vec::new());
    }
    let parts = chunks(sealed.text.as_bytes());
    set(&object, "chunks", &JsValue::from_f64(parts.len() as f64));
    (object.into(), parts)
}

/// Reads a stored event's text: inline, or joined from its chunks.
async fn event_text(
    value: &JsValue,
    chunk_store: &ObjectStore<'_>,
    position: usize,
) -> Result<String, StorageError> {
    if let Some(text) = get_string(value, "text") {
        return Ok(text);
    }
    let seq = get_number(value, "seq").ok_or_else(|| unreadable(position))? as u64;
    let count = get_number(value, "chunks").ok_or_else(|| unreadable(position))? as u32;
    let bytes = read_chunks(chunk_store, OWNER_EVENT, seq, count).await?;
    String::from_utf8(bytes).map_err(|_| unreadable(position))
}

/// The header fields only: the event text (up to ~100 MB for a demo load) stays in JS.
fn parse_event_summary(value: &JsValue) -> Option<EventSummary> {
    Some(EventSummary {
        seq: get_number(value, "seq")? as u64,
        hash: get_string(value, "hash")?,
        at: get_number(value, "at")? as i64,
        actor: get_string(value, "actor")?,
        entries: get_string(value, "summary").unwrap_or_default(),
    })
}

fn unreadable(position: usize) -> StorageError {
    StorageError::Integrity(ChainBreak::Unreadable { position })
}

/// All event records with `seq >= from`, in sequence order, with their texts.
pub async fn read_events(
    store: &ObjectStore<'_>,
    chunk_store: &ObjectStore<'_>,
    from: u64,
) -> Result<Vec<EventRecord>, StorageError> {
    let values = store
        .get_all::<JsValue>()
        .with_query((from as f64)..)
        .primitive()?
        .await?;
    let values: Vec<JsValue> = values.collect::<Result<_, _>>()?;
    let mut records = Vec::with_capacity(values.len());
    for (position, value) in values.iter().enumerate() {
        let summary = parse_event_summary(value).ok_or_else(|| unreadable(position))?;
        let text = event_text(value, chunk_store, position).await?;
        records.push(EventRecord { summary, text });
    }
    Ok(records)
}

/// Up to `limit` records at or below `before` (the newest when `None`), newest first.
pub async fn read_recent(
    store: &ObjectStore<'_>,
    upper: u64,
    limit: u32,
) -> Result<Vec<EventSummary>, StorageError> {
    // Sequence numbers are contiguous from 1, so the newest `limit` are a key range.
    let lower = upper.saturating_sub(u64::from(limit.max(1)) - 1).max(1);
    let values = store
        .get_all::<JsValue>()
        .with_query((lower as f64)..=(upper as f64))
        .primitive()?
        .await?;
    let mut summaries = Vec::new();
    for (position, value) in values.enumerate() {
        summaries.push(parse_event_summary(&value?).ok_or_else(|| unreadable(position))?);
    }
    summaries.reverse();
    Ok(summaries)
}

/// The snapshot's record and its chunks (under `[snapshot, 0]`). Schema v3 shape:
/// `{seq, head_hash, sha256, chunks}`: the event the snapshot follows, that event's hash and
/// the SHA-256 of the snapshot's bytes, so a load can bind the bytes to the chain before
/// decoding them (v2 records had only `seq` and `chunks`).
pub fn snapshot_record(seal: &SnapshotSeal, bytes: &[u8]) -> (JsValue, Vec<JsValue>) {
    let object = Object::new();
    set(&object, "seq", &JsValue::from_f64(seal.head.seq as f64));
    set(
        &object,
        "head_hash",
        &JsValue::from_str(&seal.head.hash.to_hex()),
    );
    set(&object, "sha256", &JsValue::from_str(&seal.sha256.to_hex()));
    let parts = chunks(bytes);
    set(&object, "chunks", &JsValue::from_f64(parts.len() as f64));
    (object.into(), parts)
}

/// A stored snapshot as read back: its seal and bytes, neither checked yet.
pub struct StoredSnapshot {
    pub seal: SnapshotSeal,
    pub bytes: Vec<u8>,
}

/// Reads the snapshot record `value` and its chunks. A record without its seal, or with
/// chunks missing, is an edited snapshot: every snapshot record of schema v3 has them (the
/// migration to v3 dropped the unsealed ones).
pub async fn read_snapshot(
    value: &JsValue,
    chunk_store: &ObjectStore<'_>,
) -> Result<StoredSnapshot, StorageError> {
    let seq = get_number(value, "seq").map_or(0, |seq| seq as u64);
    let edited = || StorageError::Integrity(ChainBreak::SnapshotEdited { seq });
    let hash = |key: &str| get_string(value, key).and_then(|text| Hash::try_from(text).ok());
    let (Some(head_hash), Some(sha256), Some(count)) = (
        hash("head_hash"),
        hash("sha256"),
        get_number(value, "chunks"),
    ) else {
        return Err(edited());
    };
    let bytes = read_chunks(chunk_store, OWNER_SNAPSHOT, 0, count as u32)
        .await
        .map_err(|error| match error {
            StorageError::Integrity(_) => edited(),
            other => other,
        })?;
    let head = ChainHead {
        seq,
        hash: head_hash,
    };
    Ok(StoredSnapshot {
        seal: SnapshotSeal { head, sha256 },
        bytes,
    })
}

/// The hash the journal keeps for its event `seq` (the record's header field), without its
/// text: `None` when there is no such event. The header is not covered by the chain, but it
/// only ever confirms what the chain says, since loading goes on to check the next event's
/// link (or the recorded head) against the same hash. Rehashing the text instead would add
/// 0.7–1.1 s to every start with portfolio L (SHA-256 of its 106 MB event in release wasm).
pub async fn stored_event_hash(
    store: &ObjectStore<'_>,
    seq: u64,
) -> Result<Option<Hash>, StorageError> {
    let value: Option<JsValue> = store.get(seq as f64).primitive()?.await?;
    let Some(value) = value else {
        return Ok(None);
    };
    get_string(&value, "hash")
        .and_then(|text| Hash::try_from(text).ok())
        .map(Some)
        // A record whose header was altered: the record is not what was written.
        .ok_or(StorageError::Integrity(ChainBreak::Edited { seq }))
}

/// Calls `on_change` when another tab opens a newer schema version; closes this connection
/// so the other tab's upgrade can proceed.
pub fn on_version_change(db: &Database, on_change: impl Fn() + 'static) {
    let raw = db.as_sys().clone();
    let raw_for_close = raw.clone();
    let callback = Closure::<dyn Fn(JsValue)>::new(move |_event: JsValue| {
        raw_for_close.close();
        on_change();
    });
    raw.set_onversionchange(Some(callback.as_ref().unchecked_ref()));
    // The listener lives as long as the page; leaking it is the documented wasm-bindgen way.
    callback.forget();
}

//! The record shapes kept in each object store and their conversions to and from JS values.
//! Records are plain JS objects built by hand: the event text is stored verbatim (it is what
//! the hash covers) and the snapshot as one `Uint8Array`, which IndexedDB clones fast.

use super::StorageError;
use creditdesk_core::journal::{ChainHead, SealedEvent};
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
    /// Entry kinds with their counts, e.g. `InvoiceIssued×3`.
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

pub fn entry_kind(entry: &Entry) -> &'static str {
    match entry {
        Entry::CustomerRegistered { .. } => "CustomerRegistered",
        Entry::CustomerUpdated { .. } => "CustomerUpdated",
        Entry::InvoiceIssued { .. } => "InvoiceIssued",
        Entry::PaymentReceived { .. } => "PaymentReceived",
        Entry::CreditNoteIssued { .. } => "CreditNoteIssued",
        Entry::InvoiceWrittenOff { .. } => "InvoiceWrittenOff",
        Entry::OrderOpened { .. } => "OrderOpened",
        Entry::OrderClosed { .. } => "OrderClosed",
        Entry::DisputeOpened { .. } => "DisputeOpened",
        Entry::DisputeResolved { .. } => "DisputeResolved",
    }
}

pub fn event_record(sealed: &SealedEvent) -> JsValue {
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
    set(&object, "text", &JsValue::from_str(&sealed.text));
    object.into()
}

fn parse_event_record(value: &JsValue) -> Option<EventRecord> {
    Some(EventRecord {
        summary: parse_event_summary(value)?,
        text: get_string(value, "text")?,
    })
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
    StorageError::Integrity(creditdesk_core::ChainBreak::Unreadable { position })
}

/// All event records with `seq >= from`, in sequence order.
pub async fn read_events(
    store: &ObjectStore<'_>,
    from: u64,
) -> Result<Vec<EventRecord>, StorageError> {
    let values = store
        .get_all::<JsValue>()
        .with_query((from as f64)..)
        .primitive()?
        .await?;
    let mut records = Vec::new();
    for (position, value) in values.enumerate() {
        let value = value?;
        records.push(parse_event_record(&value).ok_or_else(|| unreadable(position))?);
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

pub fn snapshot_record(head: Option<ChainHead>, bytes: &[u8]) -> JsValue {
    let object = Object::new();
    set(
        &object,
        "seq",
        &JsValue::from_f64(head.map_or(0.0, |h| h.seq as f64)),
    );
    set(&object, "bytes", &Uint8Array::from(bytes).into());
    object.into()
}

pub fn snapshot_bytes(value: &JsValue) -> Option<Vec<u8>> {
    let bytes = Reflect::get(value, &JsValue::from_str("bytes")).ok()?;
    Some(bytes.dyn_into::<Uint8Array>().ok()?.to_vec())
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

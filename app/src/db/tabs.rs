//! What another tab (another connection) committed: the events after this tab's head, and
//! the connection's own end.

use super::{database, read_recorded_head, records, StorageError};
use super::{STORE_CHUNKS, STORE_EVENTS, STORE_META};
use creditdesk_core::journal::{verify, ChainHead};
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The events committed after `head`, verified from `head` to the recorded head: empty when
/// nothing is newer. `None` when the journal no longer continues from `head` (another tab
/// restored a backup or deleted all data, or what is stored is broken): the caller then loads
/// the journal whole, which checks everything and names any break.
pub async fn events_after(
    head: Option<ChainHead>,
) -> Result<Option<Vec<records::EventRecord>>, StorageError> {
    let db = database()?;
    let tx = db
        .transaction([STORE_EVENTS, STORE_META, STORE_CHUNKS])
        .build()?;
    let recorded = read_recorded_head(&tx.object_store(STORE_META)?).await?;
    if recorded == head {
        return Ok(Some(Vec::new()));
    }
    let from = head.map_or(1, |head| head.seq + 1);
    if recorded.is_none_or(|recorded| recorded.seq < from) {
        return Ok(None);
    }
    let events = tx.object_store(STORE_EVENTS)?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    let newer = records::read_events(&events, &chunk_store, from).await?;
    let texts: Vec<&str> = newer.iter().map(|record| record.text.as_str()).collect();
    Ok(verify(&texts, head, recorded).ok().map(|_| newer))
}

/// Runs `on_close` when the browser closes the connection itself (the database was deleted
/// from the developer tools, or its storage failed): every later write would fail.
pub fn on_close(db: &Database, on_close: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn(JsValue)>::new(move |_event: JsValue| on_close());
    db.as_sys()
        .set_onclose(Some(callback.as_ref().unchecked_ref()));
    // The listener lives as long as the page; leaking it is the documented wasm-bindgen way.
    callback.forget();
}

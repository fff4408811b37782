//! The worker's side of the check view: made from the stored journal for the field check and
//! the widget, whose pages hold no fold (ARCHITECTURE.md, "Bundles"), and the field check's
//! orders, decided against the stored journal and written with the view after them.

use super::protocol::{from_bytes, to_bytes, OrderInput, OrderRefusal, ViewReply, ViewRequest};
use super::run::{open_and_load, scope};
use crate::browser;
use crate::db::{self, StorageError};
use crate::i18n::{self, Lang};
use chrono::NaiveDate;
use creditdesk_core::check::view::CheckView;
use creditdesk_core::decide::{decide, decide_batch, Command, Rejection};
use creditdesk_core::limits::lapses_due;
use creditdesk_core::{encode_snapshot, Entry, Portfolio, SealedEvent, Timestamp};

/// Seals `entries` after `state`'s head, folds them in and writes the event (with the
/// snapshot when one is due), all or nothing.
async fn write(
    state: &mut Portfolio,
    sealer: &str,
    entries: Vec<Entry>,
) -> Result<(), StorageError> {
    let sealed = SealedEvent::seal(state.head, Timestamp(browser::now_ms()), sealer, entries);
    state
        .apply_event(&sealed.event, sealed.hash)
        .map_err(StorageError::Integrity)?;
    let snapshot = db::snapshot_due(&sealed).then(|| encode_snapshot(state));
    db::append(&sealed, snapshot).await
}

/// Journals the lapse of every temporary limit that ran out before `as_of` (as the desk does
/// on every new day: `state::record_lapses`).
async fn record_lapses(
    state: &mut Portfolio,
    as_of: NaiveDate,
    sealer: &str,
) -> Result<(), StorageError> {
    let due = lapses_due(&state.limits, as_of);
    if due.is_empty() {
        return Ok(());
    }
    let commands: Vec<Command> = (due.into_iter())
        .map(|request| Command::RecordLapse {
            request,
            date: as_of,
        })
        .collect();
    // Lapses decided against the state just loaded cannot be refused unless it is broken; then
    // they still apply by date, and the view is made all the same.
    match decide_batch(state, commands) {
        Ok((entries, _)) => write(state, sealer, entries).await,
        Err(_) => Ok(()),
    }
}

/// Reads a check-view page's request (the postcard bytes of a [`ViewRequest`]) and answers it.
pub(super) fn receive(bytes: &[u8]) {
    match from_bytes::<ViewRequest>(bytes) {
        Ok(request) => wasm_bindgen_futures::spawn_local(async move {
            let reply = match request {
                ViewRequest::Refresh {
                    as_of,
                    record_lapses,
                    sealer,
                } => refresh(as_of, record_lapses, &sealer).await,
                ViewRequest::PlaceOrder {
                    order,
                    sealer,
                    lang,
                } => place_order(order, &sealer, lang).await,
            };
            post(&reply);
        }),
        Err(error) => post(&ViewReply::Garbled(error)),
    }
}

/// Posts a reply as its postcard bytes (one that cannot be written as `Garbled` with why).
fn post(reply: &ViewReply) {
    let bytes = to_bytes(reply)
        .or_else(|error| to_bytes(&ViewReply::Garbled(error)))
        .unwrap_or_default();
    let _ = scope().post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
}

/// Stores the view of `state` on `as_of`; the reply names the head it is for.
async fn store_view(state: &Portfolio, as_of: NaiveDate) -> Result<ViewReply, StorageError> {
    db::view::write_view(&CheckView::of(state, as_of)).await?;
    Ok(ViewReply::View { head: state.head })
}

/// `ViewRequest::Refresh`. When another tab writes between the load and the lapses' append
/// (a conflict), the journal is loaded again and the view made from it without recording them
/// now: limits lapse by date in the view all the same, and the next open records them.
async fn refresh(as_of: NaiveDate, lapses: bool, sealer: &str) -> ViewReply {
    let made = async {
        let mut state = open_and_load().await?;
        if lapses {
            match record_lapses(&mut state, as_of, sealer).await {
                Err(StorageError::Conflict) => state = open_and_load().await?,
                recorded => recorded?,
            }
        }
        store_view(&state, as_of).await
    };
    made.await.unwrap_or_else(ViewReply::Storage)
}

/// `ViewRequest::PlaceOrder`: the order decided against the stored journal (so against what
/// every tab wrote), its event written, then the view after it.
async fn place_order(order: OrderInput, sealer: &str, lang: Lang) -> ViewReply {
    let as_of = order.date;
    let command = order.command();
    let placed = async {
        let mut state = open_and_load().await?;
        let entries = match decide(&state, &command) {
            Ok(entries) => entries,
            Err(rejection) => return Ok(ViewReply::Order(Err(refusal(&rejection, lang)))),
        };
        write(&mut state, sealer, entries).await?;
        // Written: a view that fails to store is only out of date, and made again on open.
        let _ = store_view(&state, as_of).await;
        Ok(ViewReply::Order(Ok(state.head)))
    };
    placed.await.unwrap_or_else(ViewReply::Storage)
}

/// A refused order, worded in the page's language.
fn refusal(rejection: &Rejection, lang: Lang) -> OrderRefusal {
    OrderRefusal {
        blocked: *rejection == Rejection::OrderBlocked,
        message: i18n::rejection(lang.rejections(), rejection),
    }
}

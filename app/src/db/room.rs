//! Room for a large write (a restore, an import): the browser's estimate of this site's usage
//! and quota against what the write needs, checked before the write starts.

use super::StorageError;
use crate::browser;
use std::cell::Cell;

/// A write of `bytes` needs room for twice as many. While a transaction is open the browser
/// keeps the records it replaces beside the new ones (a restore clears the old journal in the
/// same transaction, so both exist until the commit), and Chromium's IndexedDB writes every
/// value first to its log and only later compacts it into its tables; the stored form of a
/// text (structured clone, key paths, chunk records) also weighs more than its UTF-8 bytes.
/// Twice is the headroom that covers these without refusing writes that would fit.
pub const ROOM_FACTOR: u64 = 2;

/// Refuses a write of `bytes` when the browser's estimate says it will not fit (see
/// `ROOM_FACTOR`), naming the figures. A browser that gives no estimate lets the write try:
/// a quota error from the write itself still says what happened, and nothing is kept.
pub async fn room_for(bytes: u64) -> Result<(), StorageError> {
    let estimate = match PRETENDED.with(Cell::get) {
        Some(pretended) => Some(pretended),
        None => browser::storage_estimate().await,
    };
    room_in(estimate, bytes)
}

thread_local! {
    /// An estimate `room_for` uses instead of the browser's (`pretend_estimate`).
    static PRETENDED: Cell<Option<(f64, f64)>> = const { Cell::new(None) };
}

/// Makes `room_for` use `estimate` instead of the browser's (`None`: the browser's again).
/// For tests: a browser's real quota is far too large to fill in one.
#[doc(hidden)]
pub fn pretend_estimate(estimate: Option<(f64, f64)>) {
    PRETENDED.with(|cell| cell.set(estimate));
}

/// `room_for` on a given estimate `(usage, quota)` in bytes (what tests inject).
pub fn room_in(estimate: Option<(f64, f64)>, bytes: u64) -> Result<(), StorageError> {
    let Some((usage, quota)) = estimate else {
        return Ok(());
    };
    let (used, quota) = (usage.max(0.0) as u64, quota.max(0.0) as u64);
    if used.saturating_add(bytes.saturating_mul(ROOM_FACTOR)) > quota {
        return Err(StorageError::NoRoom {
            used,
            quota,
            needed: bytes,
        });
    }
    Ok(())
}

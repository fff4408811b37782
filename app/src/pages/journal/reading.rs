//! The journal as read for the page: the core's `JournalRows`, kept for as long as the app is
//! open so that a later visit reads only the events written since. Reading is the core's
//! (`JournalRows::read`); this module fetches the stored texts and hands them over in order.
//!
//! The first read of a journal costs what "Verify integrity" costs: every event text is read
//! from storage and parsed (seconds for portfolio L's 106 MB demo event). The hash an event is
//! read with is its record's header field, not a fresh SHA-256 of the text: the rows only need
//! to know that the next event follows the last one read, and checking the chain is the
//! integrity check's job.

use crate::browser;
use crate::db::{self, StorageError};
use crate::state::AppState;
use creditdesk_core::journal::{parse_event, ChainBreak, Hash, JournalRows};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};

thread_local! {
    static ROWS: RefCell<JournalRows> = RefCell::new(JournalRows::new());
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Reads the rows read so far.
pub fn with_rows<T>(read: impl FnOnce(&JournalRows) -> T) -> T {
    ROWS.with(|rows| read(&rows.borrow()))
}

/// Whether the rows are the journal up to the portfolio's head (tracked).
pub fn up_to_date(state: AppState) -> bool {
    let head = state.portfolio.with(|portfolio| portfolio.head);
    with_rows(|rows| rows.head()) == head
}

/// Reads the events the rows do not have yet, up to the portfolio's head, and runs `done`
/// with the outcome. While a read is under way another call does nothing: the running read
/// goes on until it reaches the head, wherever it has moved since.
pub fn catch_up(state: AppState, done: impl Fn(Result<(), StorageError>) + 'static) {
    if BUSY.with(|busy| busy.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        // Let the page show that it is reading before a long read starts.
        browser::next_frame().await;
        let mut outcome = Ok(());
        // One pass reads to the head; a second follows a journal read again from its start
        // or a head that moved meanwhile. Events still missing after that are missing.
        for _ in 0..PASSES_MAX {
            if outcome.is_err() || up_to_date_untracked(state) {
                break;
            }
            outcome = read_on(state).await;
        }
        if outcome.is_ok() && !up_to_date_untracked(state) {
            outcome = Err(missing(state));
        }
        BUSY.with(|busy| busy.set(false));
        done(outcome);
    });
}

const PASSES_MAX: usize = 3;

/// The events between the last one read and the head, which storage did not give.
fn missing(state: AppState) -> StorageError {
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    let from = with_rows(|rows| rows.head()).map_or(1, |read| read.seq + 1);
    let to = head.map_or(from, |head| head.seq);
    StorageError::Integrity(ChainBreak::Missing { from, to })
}

fn up_to_date_untracked(state: AppState) -> bool {
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    with_rows(|rows| rows.head()) == head
}

/// One pass: from the event after the last one read to the head. A journal that is not the
/// one read (started over, or rewritten by another tab) is read again from its start.
async fn read_on(state: AppState) -> Result<(), StorageError> {
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    let read = with_rows(|rows| rows.head());
    let Some(head) = head else {
        ROWS.with(|rows| *rows.borrow_mut() = JournalRows::new());
        return Ok(());
    };
    if read.is_some_and(|read| read.seq >= head.seq) {
        ROWS.with(|rows| *rows.borrow_mut() = JournalRows::new());
    }
    let from = with_rows(|rows| rows.head()).map_or(1, |read| read.seq + 1);
    let records = db::events_from(from).await?;
    for (position, record) in records.iter().enumerate() {
        if record.summary.seq > head.seq {
            break;
        }
        let unreadable = || StorageError::Integrity(ChainBreak::Unreadable { position });
        let event = parse_event(&record.text).map_err(|_| unreadable())?;
        let hash = Hash::try_from(record.summary.hash.clone()).map_err(|_| unreadable())?;
        let day = browser::local_date(event.at.0);
        let followed = state.portfolio.with_untracked(|portfolio| {
            ROWS.with(|rows| rows.borrow_mut().read(&event, hash, day, portfolio))
        });
        if followed.is_err() {
            // Not the journal read so far: start again from its first event.
            ROWS.with(|rows| *rows.borrow_mut() = JournalRows::new());
            return Ok(());
        }
    }
    Ok(())
}

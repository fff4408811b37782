//! The journal: an append-only, hash-chained sequence of events. Each event names the SHA-256
//! of the previous event's stored text, so the journal is its own tamper-evident audit log.
//! An event's canonical form is exactly the JSON text that is stored; the hash is taken over
//! those bytes, so verification never depends on re-serialising.

use crate::base::dates::Timestamp;
use crate::base::fold::FoldError;
use crate::journal::entry::Entry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A SHA-256 digest, written as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The `prev_hash` of the first event.
    pub const GENESIS: Hash = Hash([0; 32]);

    pub fn of(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

impl TryFrom<String> for Hash {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        if text.len() != 64 || !text.is_ascii() {
            return Err(format!("not a SHA-256 hex digest: {text}"));
        }
        let mut bytes = [0u8; 32];
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[index * 2..index * 2 + 2], 16)
                .map_err(|_| format!("not a SHA-256 hex digest: {text}"))?;
        }
        Ok(Hash(bytes))
    }
}

impl From<Hash> for String {
    fn from(hash: Hash) -> String {
        hash.to_hex()
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", &self.to_hex()[..12])
    }
}

/// Where the chain ends: the last event's sequence number and hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub seq: u64,
    pub hash: Hash,
}

/// One journal event: who did what, when (as the shell's clock said), chained to its
/// predecessor. One event may carry many entries (an import or a demo load is one event).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    pub at: Timestamp,
    pub actor: String,
    pub prev_hash: Hash,
    pub entries: Vec<Entry>,
}

/// An event with its canonical stored text and that text's hash: what the storage writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedEvent {
    pub event: Event,
    pub text: String,
    pub hash: Hash,
}

/// The header of a stored event, read without materialising its entries.
#[derive(Deserialize)]
struct EventHeader {
    seq: u64,
    prev_hash: Hash,
}

impl SealedEvent {
    /// Seals entries as the event that follows `head` (or the first event).
    pub fn seal(
        head: Option<ChainHead>,
        at: Timestamp,
        actor: &str,
        entries: Vec<Entry>,
    ) -> SealedEvent {
        let event = Event {
            seq: head.map_or(1, |h| h.seq + 1),
            at,
            actor: actor.to_string(),
            prev_hash: head.map_or(Hash::GENESIS, |h| h.hash),
            entries,
        };
        // Serialising plain data with string keys cannot fail.
        let text = serde_json::to_string(&event).expect("events serialise to JSON");
        let hash = Hash::of(text.as_bytes());
        SealedEvent { event, text, hash }
    }

    pub fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.event.seq,
            hash: self.hash,
        }
    }
}

/// What `verify` found wrong, naming the event. Sequence numbers are those stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainBreak {
    /// The stored text is not a readable event.
    Unreadable { position: usize },
    /// Events `from..=to` are missing: the sequence jumps.
    Missing { from: u64, to: u64 },
    /// An event with this number appears again: an event was inserted or duplicated.
    Inserted { seq: u64 },
    /// An event appears out of order.
    Reordered { seq: u64 },
    /// The event's content was changed after it was written: the next event's link (or the
    /// expected head) no longer matches its hash.
    Edited { seq: u64 },
    /// The first event does not start the chain.
    BadStart { seq: u64 },
    /// The event reads, but entry `entry` (counting from 0) does not fit the state it is
    /// applied to: it names a record that does not exist or reuses an id or number.
    DoesNotApply {
        seq: u64,
        entry: usize,
        error: FoldError,
    },
    /// The journal has events (or a snapshot) but no recorded head: without one, events
    /// removed from its end could not be noticed.
    HeadMissing,
    /// A head is recorded but is not a sequence number and hash.
    HeadUnreadable,
    /// The snapshot's bytes are not those its SHA-256 was taken of when it was written: it
    /// was edited or damaged. `seq` is the event the snapshot says it follows.
    SnapshotEdited { seq: u64 },
    /// The snapshot is not the state after this journal's event `seq`: the journal has that
    /// event with another hash, or never reached it, so the snapshot came from another
    /// journal (or this one was rewritten beneath it).
    SnapshotForeign { seq: u64 },
    /// The snapshot's bytes are the ones written, in this build's format, yet do not decode
    /// into a consistent portfolio: written by a faulty build, or forged with a new hash.
    SnapshotUnreadable { seq: u64 },
    /// Replaying the journal up to event `seq` gives another state than the snapshot taken
    /// after it: the snapshot was forged with a matching hash, or a build folded wrongly.
    SnapshotDiffers { seq: u64 },
    /// The check view's bytes are not the ones its SHA-256 was taken of when it was written
    /// (`check::view`): edited or damaged. `seq` is the event it says it was made after (0
    /// for an empty journal). The view is derived: it is not used, and is made again from
    /// the verified journal.
    CheckViewEdited { seq: u64 },
}

/// Verifies stored event texts, in stored order, against the chain. `anchor` is where the
/// texts continue from (a snapshot's head, or `None` for the whole journal); `expected_end`
/// is the head the shell last recorded, which catches an edit to the very last event, the
/// removal of events at the end, and a forgery that recomputed every link after it.
/// Returns the verified head.
pub fn verify(
    texts: &[&str],
    anchor: Option<ChainHead>,
    expected_end: Option<ChainHead>,
) -> Result<Option<ChainHead>, ChainBreak> {
    let mut headers = Vec::with_capacity(texts.len());
    for (position, text) in texts.iter().enumerate() {
        let header: EventHeader =
            serde_json::from_str(text).map_err(|_| ChainBreak::Unreadable { position })?;
        headers.push(header);
    }
    let first_seq = anchor.map_or(1, |h| h.seq + 1);
    check_order(&headers, first_seq)?;
    let mut head = anchor;
    let mut before_head: Option<Hash> = None;
    // The hash of the event numbered like `expected_end`, wherever it falls in the chain.
    let mut hash_at_expected_end = anchor
        .filter(|a| expected_end.is_some_and(|e| e.seq == a.seq))
        .map(|a| a.hash);
    for (header, text) in headers.iter().zip(texts) {
        let expected_prev = head.map_or(Hash::GENESIS, |h| h.hash);
        if header.prev_hash != expected_prev {
            return Err(match head {
                // The event links past its predecessor: the predecessor was slipped in.
                Some(previous) if Some(header.prev_hash) == before_head => {
                    ChainBreak::Inserted { seq: previous.seq }
                }
                Some(previous) => ChainBreak::Edited { seq: previous.seq },
                None => ChainBreak::BadStart { seq: header.seq },
            });
        }
        before_head = head.map(|h| h.hash);
        head = Some(ChainHead {
            seq: header.seq,
            hash: Hash::of(text.as_bytes()),
        });
        if expected_end.is_some_and(|e| e.seq == header.seq) {
            hash_at_expected_end = head.map(|h| h.hash);
        }
    }
    check_end(head, anchor, expected_end, hash_at_expected_end)?;
    Ok(head)
}

/// Sequence numbers must run `first_seq, first_seq + 1, …` in stored order.
fn check_order(headers: &[EventHeader], first_seq: u64) -> Result<(), ChainBreak> {
    for (offset, header) in headers.iter().enumerate() {
        let expected = first_seq + offset as u64;
        if header.seq == expected {
            continue;
        }
        let appears_later = headers[offset..].iter().any(|h| h.seq == expected);
        let appeared_before = headers[..offset].iter().any(|h| h.seq == header.seq);
        return Err(if appeared_before {
            ChainBreak::Inserted { seq: header.seq }
        } else if appears_later || header.seq < expected {
            ChainBreak::Reordered { seq: header.seq }
        } else {
            ChainBreak::Missing {
                from: expected,
                to: header.seq - 1,
            }
        });
    }
    Ok(())
}

/// The journal only grows, so the event the shell last recorded as the head must still be
/// there and unchanged, even when events were appended after it. Comparing its hash
/// wherever it falls (not only when it is the last event) also catches a forged event
/// inserted before it with every later link recomputed.
fn check_end(
    head: Option<ChainHead>,
    anchor: Option<ChainHead>,
    expected_end: Option<ChainHead>,
    hash_at_expected_end: Option<Hash>,
) -> Result<(), ChainBreak> {
    let Some(expected) = expected_end else {
        return Ok(());
    };
    let reached = head.map_or(0, |h| h.seq);
    if expected.seq > reached {
        return Err(ChainBreak::Missing {
            from: reached.max(anchor.map_or(0, |h| h.seq)) + 1,
            to: expected.seq,
        });
    }
    match hash_at_expected_end {
        Some(actual) if actual != expected.hash => Err(ChainBreak::Edited { seq: expected.seq }),
        _ => Ok(()),
    }
}

/// Reads a stored event text back into an event.
pub fn parse_event(text: &str) -> Result<Event, ChainBreak> {
    serde_json::from_str(text).map_err(|_| ChainBreak::Unreadable { position: 0 })
}

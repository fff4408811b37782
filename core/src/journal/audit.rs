//! The checks that bind what storage reads back to the hash chain. A journal with anything
//! stored must have its head recorded; a snapshot, a cache of the fold, is used only when its
//! bytes are the ones its SHA-256 was taken of and it follows an event of this very journal;
//! and the full audit replays every event and compares the state with the snapshot. They are
//! pure, so the shell only reads records and the checks are tested natively.

use crate::journal::chain::{parse_event, verify, ChainBreak, ChainHead, Event, Hash};
use crate::journal::portfolio::Portfolio;
use crate::journal::snapshot::{decode_snapshot, SnapshotError};

/// What is stored beside a snapshot's bytes, in the same transaction as the event it follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapshotSeal {
    /// The event the snapshot is the state after.
    pub head: ChainHead,
    /// The SHA-256 of the snapshot's bytes as they were written.
    pub sha256: Hash,
}

impl SnapshotSeal {
    /// Seals the encoded state after the event `head`.
    pub fn of(head: ChainHead, bytes: &[u8]) -> SnapshotSeal {
        SnapshotSeal {
            head,
            sha256: Hash::of(bytes),
        }
    }

    /// Checks the bytes against the seal, then decodes them. `Ok(None)` is a snapshot in
    /// another format version: its bytes are exactly those an older build (or a newer one in
    /// another tab) wrote, so it is a stale cache and the journal is replayed instead. Any
    /// other failure to decode is an integrity error, since the bytes are the ones written.
    pub fn open(&self, bytes: &[u8]) -> Result<Option<Portfolio>, ChainBreak> {
        self.open_digested(bytes, Hash::of(bytes))
    }

    /// `open` with the SHA-256 of `bytes` taken by the caller: the browser's own SHA-256
    /// (SubtleCrypto) runs off the main thread, so the shell may `decode` while it hashes and
    /// then `check_digest`; the digest's verdict comes first, whatever the decode gave.
    pub fn open_digested(
        &self,
        bytes: &[u8],
        digest: Hash,
    ) -> Result<Option<Portfolio>, ChainBreak> {
        self.check_digest(digest)?;
        self.decode(bytes)
    }

    /// Checks the SHA-256 of the bytes read back against the seal.
    pub fn check_digest(&self, digest: Hash) -> Result<(), ChainBreak> {
        if digest != self.sha256 {
            return Err(ChainBreak::SnapshotEdited { seq: self.head.seq });
        }
        Ok(())
    }

    /// Decodes the bytes and checks that they carry the seal's head. Safe on any bytes (the
    /// decoder checks every value), but the result counts only after `check_digest`.
    pub fn decode(&self, bytes: &[u8]) -> Result<Option<Portfolio>, ChainBreak> {
        self.decoded(decode_snapshot(bytes))
    }

    /// What `decode` makes of a decoding's outcome (a shell that decodes a step at a time
    /// with `SnapshotReader` hands its outcome here).
    pub fn decoded(
        &self,
        decoded: Result<Portfolio, SnapshotError>,
    ) -> Result<Option<Portfolio>, ChainBreak> {
        let seq = self.head.seq;
        let portfolio = match decoded {
            Ok(portfolio) => portfolio,
            Err(SnapshotError::UnknownVersion { .. }) => return Ok(None),
            Err(_) => return Err(ChainBreak::SnapshotUnreadable { seq }),
        };
        // The bytes carry their own head: another journal's snapshot under this journal's
        // seal (its hash recomputed) shows here.
        if portfolio.head != Some(self.head) {
            return Err(ChainBreak::SnapshotForeign { seq });
        }
        Ok(Some(portfolio))
    }

    /// Checks that the snapshot follows an event of this journal. `stored` is the hash the
    /// journal keeps for its event numbered like the snapshot's head (`None`: no such event);
    /// `recorded` is the recorded head. A snapshot is written with the event it follows and
    /// that event's head, and the head only grows, so one past the head is not this journal's.
    pub fn check_place(&self, stored: Option<Hash>, recorded: ChainHead) -> Result<(), ChainBreak> {
        let seq = self.head.seq;
        if seq == 0 || seq > recorded.seq {
            return Err(ChainBreak::SnapshotForeign { seq });
        }
        match stored {
            None => Err(ChainBreak::Missing { from: seq, to: seq }),
            Some(hash) if hash != self.head.hash => Err(ChainBreak::SnapshotForeign { seq }),
            Some(_) => Ok(()),
        }
    }
}

/// The recorded head, which a journal with any stored event or snapshot must have: events
/// removed from the end together with the head would otherwise read as a complete journal.
pub fn require_head(
    recorded: Option<ChainHead>,
    anything_stored: bool,
) -> Result<Option<ChainHead>, ChainBreak> {
    match recorded {
        None if anything_stored => Err(ChainBreak::HeadMissing),
        recorded => Ok(recorded),
    }
}

/// What the full audit found intact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Audit {
    /// The verified head (`None` for an empty journal).
    pub head: Option<ChainHead>,
    /// The event after which the replay equalled the snapshot; `None` when there was no
    /// snapshot in this build's format to compare.
    pub snapshot: Option<u64>,
}

/// Verifies the whole journal of stored texts up to the recorded head (already required with
/// `require_head`), replays it, and compares the state after the snapshot's event with the
/// snapshot (opened with its seal). The snapshot is what a normal start trusts, so a forged
/// one whose hash was recomputed is found here and only here.
pub fn audit(
    texts: &[&str],
    recorded: Option<ChainHead>,
    snapshot: Option<&Portfolio>,
) -> Result<Audit, ChainBreak> {
    let head = verify(texts, None, recorded)?;
    let mut replay = Replay {
        portfolio: Portfolio::default(),
        snapshot,
        compared: None,
    };
    let mut pending: Option<Event> = None;
    for (position, text) in texts.iter().enumerate() {
        let event = parse_event(text).map_err(|_| ChainBreak::Unreadable { position })?;
        let link = event.prev_hash;
        // `verify` proved every link, so an event's hash is its successor's `prev_hash`:
        // folding one event behind saves hashing each text a second time (106 MB for L).
        if let Some(previous) = pending.replace(event) {
            replay.fold(&previous, link)?;
        }
    }
    if let (Some(last), Some(head)) = (pending, head) {
        replay.fold(&last, head.hash)?;
    }
    match (snapshot, replay.compared) {
        (Some(snapshot), None) => Err(ChainBreak::SnapshotForeign {
            seq: snapshot.head.map_or(0, |h| h.seq),
        }),
        (_, compared) => Ok(Audit {
            head,
            snapshot: compared,
        }),
    }
}

/// The fold of the audit, comparing with the snapshot when it reaches the snapshot's event.
struct Replay<'a> {
    portfolio: Portfolio,
    snapshot: Option<&'a Portfolio>,
    compared: Option<u64>,
}

impl Replay<'_> {
    fn fold(&mut self, event: &Event, hash: Hash) -> Result<(), ChainBreak> {
        self.portfolio.apply_event(event, hash)?;
        let Some(snapshot) = self.snapshot else {
            return Ok(());
        };
        if snapshot.head.map(|h| h.seq) != Some(event.seq) {
            return Ok(());
        }
        let seq = event.seq;
        if snapshot.head != self.portfolio.head {
            return Err(ChainBreak::SnapshotForeign { seq });
        }
        if *snapshot != self.portfolio {
            return Err(ChainBreak::SnapshotDiffers { seq });
        }
        self.compared = Some(seq);
        Ok(())
    }
}

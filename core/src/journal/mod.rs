//! The journal: the top-level `Entry` and `Portfolio` that compose the areas, the hash chain
//! (sealing, verifying, replaying), the binary snapshot of the fold, the checks that bind
//! what storage reads back (the recorded head, the snapshot) to the chain, and the journal
//! as people read it: each entry's facts, read in order, and the filter over them; the full
//! backup of the journal in one file, checked before anything is restored from it.

pub mod audit;
pub mod backup;
pub mod chain;
pub mod describe;
pub mod entry;
pub mod facts;
pub mod filter;
pub mod portfolio;
pub mod reading;
pub mod snapshot;

pub use audit::{audit, require_head, Audit, SnapshotSeal};
pub use backup::{backup_due, read_backup, write_backup, Backup, BackupError};
pub use chain::*;
pub use describe::Recall;
pub use entry::Entry;
pub use facts::*;
pub use filter::{select, FilterError, JournalFilter};
pub use portfolio::{NextIds, Portfolio};
pub use reading::{DoesNotFollow, EventHead, JournalRows, Row};
pub use snapshot::{
    decode_snapshot, encode_snapshot, SnapshotError, SnapshotReader, PIECE_RECORDS,
    SNAPSHOT_VERSION,
};

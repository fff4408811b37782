//! The journal: the top-level `Entry` and `Portfolio` that compose the areas, the hash chain
//! (sealing, verifying, replaying), the binary snapshot of the fold and the checks that bind
//! what storage reads back (the recorded head, the snapshot) to the chain.

pub mod audit;
pub mod chain;
pub mod entry;
pub mod portfolio;
pub mod snapshot;

pub use audit::{audit, require_head, Audit, SnapshotSeal};
pub use chain::*;
pub use entry::Entry;
pub use portfolio::{NextIds, Portfolio};
pub use snapshot::{decode_snapshot, encode_snapshot, SnapshotError, SNAPSHOT_VERSION};

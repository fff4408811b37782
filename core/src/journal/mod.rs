//! The journal: the top-level `Entry` and `Portfolio` that compose the areas, the hash chain
//! (sealing, verifying, replaying) and the binary snapshot of the fold.

pub mod chain;
pub mod entry;
pub mod portfolio;
pub mod snapshot;

pub use chain::*;
pub use entry::Entry;
pub use portfolio::{NextIds, Portfolio};
pub use snapshot::{decode_snapshot, encode_snapshot, SnapshotError, SNAPSHOT_VERSION};

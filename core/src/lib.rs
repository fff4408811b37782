//! Creditdesk's pure domain core: money, the hash-chained journal, commands and their
//! rejections, the portfolio fold and its binary snapshot, derived reports and the seeded
//! demo portfolios.
//! It reads no clock, touches no browser and does no I/O; time and ids are inputs.

pub mod check;
pub mod command;
pub mod credit;
pub mod decide_limits;
pub mod demo;
pub mod input;
pub mod journal;
pub mod limits;
pub mod model;
pub mod money;
pub mod portfolio;
pub mod reports;
mod rng;
pub mod score;
pub mod search;
pub mod snapshot;

pub use command::{
    decide, decide_batch, AllocationChoice, BatchRejection, Command, Field, Rejection,
};
pub use journal::{verify, ChainBreak, ChainHead, Event, Hash, SealedEvent};
pub use model::*;
pub use money::{AmountError, Currency, Money};
pub use portfolio::{NextIds, Portfolio};
pub use snapshot::{decode_snapshot, encode_snapshot, SnapshotError, SNAPSHOT_VERSION};

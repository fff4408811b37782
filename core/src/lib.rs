//! Creditdesk's pure domain core. It reads no clock, touches no browser and does no I/O; time
//! and ids are inputs.
//!
//! The core is cut into layers; a module may only import from layers below its own, and
//! `tests/layers.rs` fails the build's tests when one does (it reads the real `use` lines):
//!
//! 1. `base` — money, currencies, ids, dates, typed input, the fold's error.
//! 2. `ledger` — invoices, payments, credit notes, write-offs, disputes, orders; aging and balances.
//! 3. `team` — user profiles and roles.
//! 4. `policy` — the versioned credit policy (score and limit rules) and its versions by date.
//! 5. `credit` — the credit file and the explainable score.
//! 6. `limits` — limit requests and decisions, holds, releases, widget origins; the limit in
//!    force, the recommended limit, the reasons of a check; the customer list's rows and views.
//! 7. `collections` — the reminder ladder per item, today's worklist, promises to pay.
//! 8. `alerts` — alerts derived as of a date, their acknowledgements, snoozes and hold releases;
//!    the alert hold.
//! 9. `journal` — the `Entry` and `Portfolio` that compose the areas; the hash chain; snapshots.
//! 10. `check` — the order credit check over the whole portfolio.
//! 11. `decide` — commands, rejections and the rules that turn one into entries.
//! 12. `import` — CSV and .xlsx files (UTF-8 or GBK) read, mapped, validated row by row and
//!     decided into the entries of one event, all or nothing.
//! 13. `demo` — the seeded demo portfolios, made through `decide` like user input.
//!
//! Each area (ledger, team, policy, credit, limits, collections, alerts) owns its entry type and sub-state;
//! `journal` composes them. See ARCHITECTURE.md for why the cut is where it is.

pub mod alerts;
pub mod base;
pub mod check;
pub mod collections;
pub mod credit;
pub mod decide;
pub mod demo;
pub mod import;
pub mod journal;
pub mod ledger;
pub mod limits;
pub mod policy;
pub mod team;

pub use alerts::AlertsEntry;
pub use base::dates::Timestamp;
pub use base::ids::*;
pub use base::money::{Amount, AmountError, Currency, Money, NonNegative, Part, Positive};
pub use collections::CollectionsEntry;
pub use credit::CreditEntry;
pub use decide::{
    decide, decide_all, decide_batch, AlertsCommand, AllocationChoice, BatchRejection,
    CollectionsCommand, Command, DisputeDetails, Field, InstalmentInput, Rejection,
};
pub use journal::{
    decode_snapshot, encode_snapshot, verify, ChainBreak, ChainHead, Entry, Event, Hash, NextIds,
    Portfolio, SealedEvent, SnapshotError, SNAPSHOT_VERSION,
};
pub use ledger::{
    Allocation, CreditNote, Customer, CustomerDetails, DiscountTerms, Dispute, DisputeCategory,
    DisputeOutcome, Invoice, LedgerEntry, Order, OrderClosure, Payment, WriteOff,
};
pub use limits::LimitsEntry;
pub use policy::PolicyEntry;
pub use team::TeamEntry;

//! What a fold finds when a stored entry does not fit the state it is applied to. Entries
//! were validated when they were decided, so this only happens when what was read back from
//! storage is not what was written: the fold reports it as an integrity error naming the
//! record, never a panic.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of record an entry can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordKind {
    Customer,
    Invoice,
    Payment,
    CreditNote,
    Order,
    Dispute,
    User,
    LimitRequest,
    Promise,
    Plan,
    WriteOffProposal,
}

/// Why an entry could not be folded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FoldError {
    /// The entry refers to a record that does not exist.
    Unknown { record: RecordKind, id: u32 },
    /// The entry creates a record whose id is already taken (ids only ever increase).
    Duplicate { record: RecordKind, id: u32 },
    /// The entry gives a number (customer, invoice or credit-note number) already in use.
    DuplicateNumber { record: RecordKind, number: String },
    /// A payment or credit note allocates to an invoice of another customer or currency.
    ForeignAllocation { invoice: u32 },
    /// An allocation, write-off or dispute gives `invoice` an amount with more decimals than
    /// the invoice's currency has (`allowed`). Its currency is the invoice's, so only the fold
    /// can tell; every other rule of an amount is checked when it is read.
    TooManyDecimals { invoice: u32, allowed: u32 },
}

impl fmt::Display for FoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FoldError::Unknown { record, id } => write!(f, "refers to unknown {record:?} {id}"),
            FoldError::Duplicate { record, id } => write!(f, "creates {record:?} {id} again"),
            FoldError::DuplicateNumber { record, number } => {
                write!(f, "gives {record:?} number {number} again")
            }
            FoldError::ForeignAllocation { invoice } => {
                write!(f, "allocates to invoice {invoice} of another account")
            }
            FoldError::TooManyDecimals { invoice, allowed } => {
                write!(
                    f,
                    "gives invoice {invoice} an amount with more than {allowed} decimals"
                )
            }
        }
    }
}

/// The position of a record with `id` in a vector kept in id order.
pub fn find<T, K: Ord + Copy>(items: &[T], id: K, key: impl Fn(&T) -> K) -> Option<usize> {
    items.binary_search_by(|item| key(item).cmp(&id)).ok()
}

/// A new record's id must come after the last one, so vectors stay in id order.
pub fn check_new_id<T, K: Ord + Copy>(
    items: &[T],
    id: K,
    key: impl Fn(&T) -> K,
    record: RecordKind,
    raw: u32,
) -> Result<(), FoldError> {
    match items.last() {
        Some(last) if key(last) >= id => Err(FoldError::Duplicate { record, id: raw }),
        _ => Ok(()),
    }
}

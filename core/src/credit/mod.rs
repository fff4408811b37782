//! The credit area: the credit file (investigation records per customer, folded from their
//! own entry) and the explainable score that reads it with the ledger and the policy.

pub mod records;
pub mod score;
pub mod state;

pub use records::*;
pub use state::{CreditEntry, CreditFiles};

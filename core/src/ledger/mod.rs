//! The receivables ledger (应收账款台账): customers, invoices, payments, credit notes,
//! write-offs, disputes and open orders — their entries, the records the fold keeps, the fold
//! itself, and the figures derived from it (aging, balances, days beyond terms, the customer
//! list, search).

pub mod as_of;
pub mod entry;
pub mod records;
pub mod reports;
pub mod search;
pub mod state;

pub use entry::*;
pub use records::*;
pub use state::Ledger;

//! Ids of every kind of record. The shell supplies them (see `Portfolio::next_ids`); they
//! only ever increase. They live at the bottom so that any area may name any record.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($name:ident),*) => {$(
        /// An id supplied by the shell; ids only ever increase.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);
    )*};
}
id_type!(
    CustomerId,
    InvoiceId,
    PaymentId,
    CreditNoteId,
    OrderId,
    DisputeId,
    UserId,
    RequestId,
    PromiseId,
    PlanId,
    ProposalId
);

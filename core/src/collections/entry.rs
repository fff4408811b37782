//! The collections' entries. The `kind` tag and field names are the stored journal text.

use crate::base::ids::{CustomerId, InvoiceId, PlanId, PromiseId, ProposalId, UserId};
use crate::base::money::Amount;
use crate::base::tagged::entry_enum;
use crate::policy::{Channel, StepKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What came of a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// The contact was reached (or the letter or message sent).
    Reached,
    NoAnswer,
    /// The customer promised to pay (recorded as a promise as well).
    Promise,
    /// The customer disputes an invoice.
    Dispute,
    /// The customer says it has paid.
    Paid,
    WrongContact,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Reached,
        Outcome::NoAnswer,
        Outcome::Promise,
        Outcome::Dispute,
        Outcome::Paid,
        Outcome::WrongContact,
    ];
}

entry_enum! {
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum CollectionsEntry {
        /// A reminder step done: the items in `invoices` have now had the rung at `offset_days`.
        TaskCompleted {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            offset_days: i32,
            step: StepKind,
            channel: Channel,
            outcome: Outcome,
            notes: String,
            invoices: Vec<InvoiceId>,
        },
        /// Someone with authority moved `invoices` straight to the rung at `offset_days`, skipping
        /// the rungs between (it is due at once), with the reason.
        StepEscalated {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            offset_days: i32,
            reason: String,
            invoices: Vec<InvoiceId>,
        },
        /// A promise to pay `amount` by `due`, kept if paid within `tolerance_days` after it.
        PromiseRecorded {
            id: PromiseId,
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            amount: Amount,
            #[serde(with = "crate::base::dates::date_serde")]
            due: NaiveDate,
            tolerance_days: u32,
        },
        /// The collector whose list the customer is on; `None` takes it off every list.
        CollectorAssigned {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            collector: Option<UserId>,
        },
        /// `by` proposes writing off `amount` of the invoice; nothing is written off until
        /// another profile with the authority for the amount approves.
        WriteOffProposed {
            id: ProposalId,
            invoice: InvoiceId,
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            amount: Amount,
            reason: String,
        },
        /// The proposal approved by `by` (never its proposer); journalled with the ledger's
        /// `InvoiceWrittenOff` in the same event.
        WriteOffApproved {
            proposal: ProposalId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
        },
        WriteOffRejected {
            proposal: ProposalId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            reason: String,
        },
        /// A payment plan: `instalments` (increasing dates, summing to what was open on
        /// `invoices` on `date`); while no instalment is missed, those invoices wait.
        PlanAgreed {
            id: PlanId,
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            invoices: Vec<InvoiceId>,
            instalments: Vec<Instalment>,
            tolerance_days: u32,
        },
    }
}

/// One instalment of a payment plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    #[serde(with = "crate::base::dates::date_serde")]
    pub due: NaiveDate,
    pub amount: Amount,
}

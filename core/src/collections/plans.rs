//! The records of payment plans and of write-off proposals (four eyes), as the fold keeps them.
//! What a plan's instalments stand at on a date is derived in `plan_status`.

use crate::base::ids::{CustomerId, InvoiceId, PlanId, ProposalId, UserId};
use crate::base::money::Amount;
use crate::collections::entry::Instalment;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A payment plan agreed with a customer for some of its invoices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: PlanId,
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub invoices: Vec<InvoiceId>,
    pub instalments: Vec<Instalment>,
    pub tolerance_days: u32,
}

/// How a write-off proposal was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDecision {
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub approved: bool,
    /// Why it was rejected; empty for an approval.
    pub reason: String,
}

/// A proposal to write off part or all of an invoice, waiting for a second profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOffProposal {
    pub id: ProposalId,
    pub invoice: InvoiceId,
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub amount: Amount,
    pub reason: String,
    pub decision: Option<ProposalDecision>,
}

impl WriteOffProposal {
    pub fn is_pending(&self) -> bool {
        self.decision.is_none()
    }
}

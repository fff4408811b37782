//! The records the ledger's fold keeps per customer, invoice, payment, credit note, order,
//! write-off and dispute, and the figures each record knows of itself.

use crate::base::ids::*;
use crate::base::money::{Amount, Part};
use crate::ledger::entry::{
    Allocation, CustomerDetails, DisputeCategory, DisputeOutcome, OrderClosure,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub registered_on: NaiveDate,
    pub details: CustomerDetails,
    pub invoices: Vec<InvoiceId>,
    pub payments: Vec<PaymentId>,
    pub credit_notes: Vec<CreditNoteId>,
    pub orders: Vec<OrderId>,
    /// Payments not applied to any invoice.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub unapplied_cash: Decimal,
    /// Credit notes not applied to any invoice.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub unapplied_credit: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: InvoiceId,
    pub customer: CustomerId,
    pub number: String,
    #[serde(with = "crate::base::dates::date_serde")]
    pub issue_date: NaiveDate,
    #[serde(with = "crate::base::dates::date_serde")]
    pub due_date: NaiveDate,
    pub terms_days: u32,
    pub amount: Amount,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub paid: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub credited: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub written_off: Decimal,
    /// The date of the payment or credit note that brought the open amount to zero.
    #[serde(default, with = "crate::base::dates::date_serde::option")]
    pub settled_on: Option<NaiveDate>,
    /// Sum of the amounts under disputes still open.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub disputed: Decimal,
}

impl Invoice {
    /// What the customer still owes on this invoice.
    pub fn open(&self) -> Decimal {
        self.amount.value() - self.paid - self.credited - self.written_off
    }

    /// Days past due as of a date; zero or negative means not yet due (due today is not due).
    pub fn days_past_due(&self, as_of: NaiveDate) -> i64 {
        (as_of - self.due_date).num_days()
    }

    /// Days beyond terms of a settled invoice: max(0, settlement date − due date).
    pub fn days_beyond_terms(&self) -> Option<i64> {
        self.settled_on
            .map(|settled| (settled - self.due_date).num_days().max(0))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: PaymentId,
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub amount: Amount,
    pub reference: String,
    pub allocations: Vec<Allocation>,
}

impl CreditNote {
    /// What the credit note did not settle: unapplied credit on the account.
    pub fn unapplied(&self) -> Decimal {
        self.amount.value()
            - self
                .allocations
                .iter()
                .map(|a| a.amount.value())
                .sum::<Decimal>()
    }
}

impl Payment {
    pub fn unapplied(&self) -> Decimal {
        self.amount.value()
            - self
                .allocations
                .iter()
                .map(|a| a.amount.value())
                .sum::<Decimal>()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNote {
    pub id: CreditNoteId,
    pub customer: CustomerId,
    pub number: String,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub amount: Amount,
    pub reason: String,
    pub allocations: Vec<Allocation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub customer: CustomerId,
    pub number: String,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub amount: Amount,
    #[serde(default, with = "crate::base::dates::date_serde::option_pair")]
    pub closed: Option<(NaiveDate, OrderClosure)>,
}

/// One write-off, kept with its date so that open amounts can be told as of a past date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOff {
    pub invoice: InvoiceId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    /// Of the invoice's currency.
    pub amount: Part,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: DisputeId,
    pub invoice: InvoiceId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    /// Of the invoice's currency.
    pub amount: Part,
    pub reason: String,
    pub category: DisputeCategory,
    pub notes: String,
    pub owner: Option<UserId>,
    #[serde(default, with = "crate::base::dates::date_serde::option_pair")]
    pub resolved: Option<(NaiveDate, DisputeOutcome)>,
}

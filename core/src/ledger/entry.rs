//! The ledger's entries: the immutable facts about customers, invoices, payments, credit
//! notes, write-offs, orders and disputes, and the vocabulary they are written in.

use crate::base::ids::*;
use crate::base::money::{Amount, Currency, Part};
use crate::base::tagged::entry_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Early-payment discount terms (e.g. 2/10 net 30): `percent` off an invoice paid within
/// `days` of its issue date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountTerms {
    #[serde(with = "crate::base::money::decimal_serde")]
    pub percent: rust_decimal::Decimal,
    pub days: u32,
}

/// Master data of a customer as the credit manager maintains it. Serialised by hand (below)
/// so that `discount`, absent from customers journalled before it, is written only when set.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CustomerDetails {
    /// The customer number shown everywhere, e.g. `C000123`; unique.
    pub number: String,
    pub name: String,
    pub registration_no: String,
    pub industry: String,
    /// ISO 3166 alpha-2 country code, e.g. `CN`.
    pub country: String,
    pub currency: Currency,
    pub payment_terms_days: u32,
    pub contact: String,
    /// Group or parent company name; empty when independent.
    pub group: String,
    /// Early-payment discount; `None` (and not written) when the customer has none.
    #[serde(default)]
    pub discount: Option<DiscountTerms>,
}

impl Serialize for CustomerDetails {
    /// The derive's fields in its order; `discount` is left out of the journal's JSON when
    /// there is none, so customers journalled before it write back byte for byte, and always
    /// written in the snapshot (postcard reads fields by position, so none may be skipped).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let skip = self.discount.is_none() && serializer.is_human_readable();
        let mut out = serializer.serialize_struct("CustomerDetails", if skip { 9 } else { 10 })?;
        out.serialize_field("number", &self.number)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("registration_no", &self.registration_no)?;
        out.serialize_field("industry", &self.industry)?;
        out.serialize_field("country", &self.country)?;
        out.serialize_field("currency", &self.currency)?;
        out.serialize_field("payment_terms_days", &self.payment_terms_days)?;
        out.serialize_field("contact", &self.contact)?;
        out.serialize_field("group", &self.group)?;
        if !skip {
            out.serialize_field("discount", &self.discount)?;
        }
        out.end()
    }
}

/// How an order left the open-order book.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderClosure {
    Invoiced,
    Cancelled,
}

/// How a dispute ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisputeOutcome {
    /// The customer's claim was rejected; the amount is payable as invoiced.
    Rejected,
    /// The claim was accepted; a credit note settles it.
    Accepted,
    /// The customer paid the amount after all.
    Paid,
}

impl DisputeOutcome {
    pub const ALL: [DisputeOutcome; 3] = [
        DisputeOutcome::Accepted,
        DisputeOutcome::Rejected,
        DisputeOutcome::Paid,
    ];
}

/// What a dispute is about. Disputes journalled before categories existed read as `Other`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DisputeCategory {
    Price,
    Quantity,
    Quality,
    NotReceived,
    Duplicate,
    #[default]
    Other,
}

impl DisputeCategory {
    pub const ALL: [DisputeCategory; 6] = [
        DisputeCategory::Price,
        DisputeCategory::Quantity,
        DisputeCategory::Quality,
        DisputeCategory::NotReceived,
        DisputeCategory::Duplicate,
        DisputeCategory::Other,
    ];

    /// `Other` is what an entry without a category means, so it is not written.
    pub fn is_other(&self) -> bool {
        *self == DisputeCategory::Other
    }

    pub fn token(self) -> &'static str {
        match self {
            DisputeCategory::Price => "price",
            DisputeCategory::Quantity => "quantity",
            DisputeCategory::Quality => "quality",
            DisputeCategory::NotReceived => "not-received",
            DisputeCategory::Duplicate => "duplicate",
            DisputeCategory::Other => "other",
        }
    }

    pub fn from_token(token: &str) -> Option<DisputeCategory> {
        DisputeCategory::ALL
            .into_iter()
            .find(|c| c.token() == token)
    }
}

/// One part of a payment or credit note applied to an invoice. In an entry (and a payment's
/// record) the amount is a [`Part`] of the invoice's currency, stored as the bare decimal
/// (`{"invoice":17,"amount":"21460.77"}`); in a command it is an `Allocation<Amount>`, whose
/// currency `decide` matches with the account's before it makes the part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation<A = Part> {
    pub invoice: InvoiceId,
    pub amount: A,
}

entry_enum! {
    /// One immutable fact of the ledger. Corrections are new entries; nothing is edited. The
    /// `kind` tag and field names are the stored journal text: never rename them. Every amount is
    /// checked ([`Amount`], [`Part`]): an entry read back with one that is no amount does not read.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum LedgerEntry {
        CustomerRegistered {
            id: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            details: CustomerDetails,
        },
        CustomerUpdated {
            id: CustomerId,
            details: CustomerDetails,
        },
        /// "Customer since" moved (see `ChangeCustomerSince`).
        CustomerSinceChanged {
            id: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            since: NaiveDate,
        },
        InvoiceIssued {
            id: InvoiceId,
            customer: CustomerId,
            number: String,
            #[serde(with = "crate::base::dates::date_serde")]
            issue_date: NaiveDate,
            #[serde(with = "crate::base::dates::date_serde")]
            due_date: NaiveDate,
            terms_days: u32,
            amount: Amount,
        },
        PaymentReceived {
            id: PaymentId,
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            amount: Amount,
            reference: String,
            /// What the payment settled; the remainder is unapplied cash on the account.
            allocations: Vec<Allocation>,
        },
        CreditNoteIssued {
            id: CreditNoteId,
            customer: CustomerId,
            number: String,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            amount: Amount,
            reason: String,
            /// What the credit note settled; the remainder is unapplied credit on the account.
            allocations: Vec<Allocation>,
        },
        InvoiceWrittenOff {
            invoice: InvoiceId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            /// Of the invoice's currency.
            amount: Part,
            reason: String,
        },
        OrderOpened {
            id: OrderId,
            customer: CustomerId,
            number: String,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            amount: Amount,
        },
        OrderClosed {
            id: OrderId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            closure: OrderClosure,
        },
        DisputeOpened {
            id: DisputeId,
            invoice: InvoiceId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            /// Of the invoice's currency.
            amount: Part,
            reason: String,
            /// Absent (and not written) in disputes journalled before categories: `Other`.
            #[serde(default, skip_serializing_if = "DisputeCategory::is_other")]
            category: DisputeCategory,
            #[serde(default, skip_serializing_if = "String::is_empty")]
            notes: String,
            /// The profile that follows the dispute up.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            owner: Option<UserId>,
        },
        DisputeResolved {
            id: DisputeId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            outcome: DisputeOutcome,
        },
    }
}

//! The ledger's vocabulary: ids, the immutable entries an event carries, and the records the
//! fold keeps per customer, invoice, payment, credit note, order and dispute.

use crate::check::CheckReason;
use crate::credit::{CreditPolicy, CreditRecord, Grade};
use crate::limits::{RequestId, Role, UserId};
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($name:ident),*) => {$(
        /// An id supplied by the shell (see `Portfolio::next_ids`); ids only ever increase.
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
    DisputeId
);

/// Serde for `NaiveDate` fields: the ISO `2026-11-23` string in human-readable formats (so
/// stored journal texts do not change) and days since 1970-01-01 as an `i32` in binary
/// formats such as the postcard snapshot: a 3-byte varint instead of 11 bytes of text that
/// must be parsed (portfolio L's 498 k issue and due dates: 1.5 MB and 4 ms to decode,
/// against 5.5 MB and 61 ms as text).
/// `date_serde::option` and `date_serde::option_pair` cover `Option<NaiveDate>` and
/// `Option<(NaiveDate, T)>`. Use as `#[serde(with = "crate::model::date_serde")]`.
pub mod date_serde {
    use chrono::{Datelike, NaiveDate};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// `num_days_from_ce` of 1970-01-01.
    const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

    /// A date that serialises as text or as days since the epoch, by the format's kind.
    struct Date(NaiveDate);

    impl Serialize for Date {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if serializer.is_human_readable() {
                self.0.serialize(serializer)
            } else {
                (self.0.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE).serialize(serializer)
            }
        }
    }

    impl<'de> Deserialize<'de> for Date {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
            if deserializer.is_human_readable() {
                return NaiveDate::deserialize(deserializer).map(Date);
            }
            let days = i32::deserialize(deserializer)?;
            // Checked: garbage gives an error, never a panic or an out-of-range date.
            days.checked_add(UNIX_EPOCH_DAYS_FROM_CE)
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .map(Date)
                .ok_or_else(|| {
                    D::Error::custom(format!("{days} days from 1970-01-01 is not a date"))
                })
        }
    }

    pub fn serialize<S: Serializer>(value: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        Date(*value).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        Date::deserialize(deserializer).map(|date| date.0)
    }

    pub mod option {
        use super::Date;
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(
            value: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value.map(Date).serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            Option::<Date>::deserialize(deserializer).map(|date| date.map(|date| date.0))
        }
    }

    pub mod option_pair {
        use super::Date;
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer, T: Serialize + Copy>(
            value: &Option<(NaiveDate, T)>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value
                .map(|(date, other)| (Date(date), other))
                .serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
            deserializer: D,
        ) -> Result<Option<(NaiveDate, T)>, D::Error> {
            let pair = Option::<(Date, T)>::deserialize(deserializer)?;
            Ok(pair.map(|(date, other)| (date.0, other)))
        }
    }
}

/// Milliseconds since the Unix epoch (UTC), as the shell's clock read it. The core never reads
/// a clock; timestamps only label events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// Master data of a customer as the credit manager maintains it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// One part of a payment or credit note applied to an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub invoice: InvoiceId,
    #[serde(with = "crate::money::decimal_serde")]
    pub amount: Decimal,
}

/// One immutable fact in the journal. Corrections are new entries; nothing is edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Entry {
    CustomerRegistered {
        id: CustomerId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        details: CustomerDetails,
    },
    CustomerUpdated {
        id: CustomerId,
        details: CustomerDetails,
    },
    InvoiceIssued {
        id: InvoiceId,
        customer: CustomerId,
        number: String,
        #[serde(with = "crate::model::date_serde")]
        issue_date: NaiveDate,
        #[serde(with = "crate::model::date_serde")]
        due_date: NaiveDate,
        terms_days: u32,
        amount: Money,
    },
    PaymentReceived {
        id: PaymentId,
        customer: CustomerId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        amount: Money,
        reference: String,
        /// What the payment settled; the remainder is unapplied cash on the account.
        allocations: Vec<Allocation>,
    },
    CreditNoteIssued {
        id: CreditNoteId,
        customer: CustomerId,
        number: String,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        amount: Money,
        reason: String,
        /// What the credit note settled; the remainder is unapplied credit on the account.
        allocations: Vec<Allocation>,
    },
    InvoiceWrittenOff {
        invoice: InvoiceId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        #[serde(with = "crate::money::decimal_serde")]
        amount: Decimal,
        reason: String,
    },
    OrderOpened {
        id: OrderId,
        customer: CustomerId,
        number: String,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        amount: Money,
    },
    OrderClosed {
        id: OrderId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        closure: OrderClosure,
    },
    DisputeOpened {
        id: DisputeId,
        invoice: InvoiceId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        #[serde(with = "crate::money::decimal_serde")]
        amount: Decimal,
        reason: String,
    },
    DisputeResolved {
        id: DisputeId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        outcome: DisputeOutcome,
    },
    /// An investigation record added to a customer's credit file on `recorded_on`.
    CreditRecordAdded {
        customer: CustomerId,
        #[serde(with = "crate::model::date_serde")]
        recorded_on: NaiveDate,
        record: CreditRecord,
    },
    /// A new version of the credit policy, in force from `date`.
    PolicyChanged {
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        /// Boxed: a policy is several times larger than any other entry (serde is unchanged).
        policy: Box<CreditPolicy>,
    },
    /// A local user profile (PRODUCT.md L).
    UserAdded {
        id: UserId,
        name: String,
        role: Role,
    },
    UserChanged {
        id: UserId,
        name: String,
        role: Role,
    },
    /// A request for a new credit limit; `until` makes it temporary (its last day).
    LimitRequested {
        id: RequestId,
        customer: CustomerId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        amount: Money,
        reason: String,
        #[serde(default, with = "crate::model::date_serde::option")]
        until: Option<NaiveDate>,
    },
    /// An approval within the approver's authority; the limit takes effect on `date`.
    LimitApproved {
        request: RequestId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        comment: String,
        #[serde(with = "crate::model::date_serde")]
        review_on: NaiveDate,
        /// The customer's grade on `date`, which set the review interval.
        grade: Grade,
    },
    LimitRejected {
        request: RequestId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        comment: String,
    },
    /// Records that a temporary limit ran out (it stopped applying after its last day whether
    /// or not this was journalled).
    LimitLapsed {
        request: RequestId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
    },
    /// Credit hold (停止赊销): orders on credit are blocked until released.
    HoldPlaced {
        customer: CustomerId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        reason: String,
    },
    HoldReleased {
        customer: CustomerId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        reason: String,
    },
    /// A blocked order let through by someone with the authority, with the reasons it was
    /// blocked for at the time.
    OrderReleased {
        order: OrderId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        reason: String,
        blocked_for: Vec<CheckReason>,
    },
    /// The host page origins the embedded credit-check widget answers (exact matches).
    WidgetOriginsSet {
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        by: UserId,
        origins: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    #[serde(with = "crate::model::date_serde")]
    pub registered_on: NaiveDate,
    pub details: CustomerDetails,
    pub invoices: Vec<InvoiceId>,
    pub payments: Vec<PaymentId>,
    pub credit_notes: Vec<CreditNoteId>,
    pub orders: Vec<OrderId>,
    /// Payments not applied to any invoice.
    #[serde(with = "crate::money::decimal_serde")]
    pub unapplied_cash: Decimal,
    /// Credit notes not applied to any invoice.
    #[serde(with = "crate::money::decimal_serde")]
    pub unapplied_credit: Decimal,
    /// The credit file: each investigation record with the date it was recorded, in journal
    /// order.
    #[serde(default)]
    pub credit_file: Vec<(NaiveDate, CreditRecord)>,
    /// Limit requests, in journal order.
    #[serde(default)]
    pub limit_requests: Vec<RequestId>,
    /// Every hold placed or released, in journal order; the last one tells the state.
    #[serde(default)]
    pub hold_log: Vec<HoldChange>,
}

/// A hold placed (`placed: true`) or released, by whom and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldChange {
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub reason: String,
    pub placed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: InvoiceId,
    pub customer: CustomerId,
    pub number: String,
    #[serde(with = "crate::model::date_serde")]
    pub issue_date: NaiveDate,
    #[serde(with = "crate::model::date_serde")]
    pub due_date: NaiveDate,
    pub terms_days: u32,
    pub amount: Money,
    #[serde(with = "crate::money::decimal_serde")]
    pub paid: Decimal,
    #[serde(with = "crate::money::decimal_serde")]
    pub credited: Decimal,
    #[serde(with = "crate::money::decimal_serde")]
    pub written_off: Decimal,
    /// The date of the payment or credit note that brought the open amount to zero.
    #[serde(default, with = "crate::model::date_serde::option")]
    pub settled_on: Option<NaiveDate>,
    /// Sum of the amounts under disputes still open.
    #[serde(with = "crate::money::decimal_serde")]
    pub disputed: Decimal,
}

impl Customer {
    /// Once a customer has any record in its currency, the currency cannot change: it would
    /// mix currencies in one account (a limit of 100,000 CNY must not become 100,000 USD).
    pub fn currency_locked(&self) -> bool {
        !self.invoices.is_empty()
            || !self.payments.is_empty()
            || !self.credit_notes.is_empty()
            || !self.orders.is_empty()
            || !self.limit_requests.is_empty()
    }

    /// The hold in force: the last hold change, when it placed one.
    pub fn hold(&self) -> Option<&HoldChange> {
        self.hold_log.last().filter(|change| change.placed)
    }
}

impl Invoice {
    /// What the customer still owes on this invoice.
    pub fn open(&self) -> Decimal {
        self.amount.amount - self.paid - self.credited - self.written_off
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
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    pub amount: Money,
    pub reference: String,
    pub allocations: Vec<Allocation>,
}

impl Payment {
    pub fn unapplied(&self) -> Decimal {
        self.amount.amount - self.allocations.iter().map(|a| a.amount).sum::<Decimal>()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNote {
    pub id: CreditNoteId,
    pub customer: CustomerId,
    pub number: String,
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    pub amount: Money,
    pub reason: String,
    pub allocations: Vec<Allocation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub customer: CustomerId,
    pub number: String,
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    pub amount: Money,
    #[serde(default, with = "crate::model::date_serde::option_pair")]
    pub closed: Option<(NaiveDate, OrderClosure)>,
    /// Set when the order was blocked by the credit check and released.
    #[serde(default)]
    pub release: Option<OrderRelease>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRelease {
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub reason: String,
    pub blocked_for: Vec<CheckReason>,
}

/// One write-off, kept with its date so that open amounts can be told as of a past date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOff {
    pub invoice: InvoiceId,
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    #[serde(with = "crate::money::decimal_serde")]
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: DisputeId,
    pub invoice: InvoiceId,
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    #[serde(with = "crate::money::decimal_serde")]
    pub amount: Decimal,
    pub reason: String,
    #[serde(default, with = "crate::model::date_serde::option_pair")]
    pub resolved: Option<(NaiveDate, DisputeOutcome)>,
}

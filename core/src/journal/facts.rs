//! What a journal entry is about, as data a person can be told: its kind, the customer it
//! concerns, who the entry says acted, the day it is dated and its figures, with every id
//! resolved into the number or name people know it by. The shell words these facts in the
//! user's language and decides nothing about what an entry means; `describe` derives them.

use crate::alerts::{AlertRef, AlertsEntry};
use crate::base::ids::{CustomerId, UserId};
use crate::base::money::{Currency, Money};
use crate::collections::{CollectionsEntry, Outcome};
use crate::credit::{CreditEntry, CreditRecord};
use crate::journal::entry::Entry;
use crate::ledger::{DisputeOutcome, LedgerEntry, OrderClosure};
use crate::limits::{CheckReason, LimitsEntry};
use crate::policy::{AlertRule, Channel, Grade, PolicyEntry, StepKind};
use crate::team::{Role, TeamEntry};
use chrono::NaiveDate;

/// The kind of an entry: one per entry variant, named by the variant's stored `kind` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    CustomerRegistered,
    CustomerUpdated,
    CustomerSinceChanged,
    InvoiceIssued,
    PaymentReceived,
    CreditNoteIssued,
    InvoiceWrittenOff,
    OrderOpened,
    OrderClosed,
    DisputeOpened,
    DisputeResolved,
    CreditRecordAdded,
    PolicyChanged,
    UserAdded,
    UserChanged,
    LimitRequested,
    LimitApproved,
    LimitRejected,
    LimitLapsed,
    HoldPlaced,
    HoldReleased,
    OrderReleased,
    WidgetOriginsSet,
    StrategyChanged,
    TaskCompleted,
    StepEscalated,
    PromiseRecorded,
    CollectorAssigned,
    CompanyDetailsSet,
    AlertAcknowledged,
    AlertSnoozed,
    AlertHoldReleased,
    WriteOffProposed,
    WriteOffApproved,
    WriteOffRejected,
    PlanAgreed,
}

impl EntryKind {
    /// Every kind, by area (ledger, credit file, policy, team, limits, collections, alerts),
    /// as a list shows them.
    pub const ALL: [EntryKind; 36] = [
        EntryKind::CustomerRegistered,
        EntryKind::CustomerUpdated,
        EntryKind::CustomerSinceChanged,
        EntryKind::InvoiceIssued,
        EntryKind::PaymentReceived,
        EntryKind::CreditNoteIssued,
        EntryKind::InvoiceWrittenOff,
        EntryKind::OrderOpened,
        EntryKind::OrderClosed,
        EntryKind::DisputeOpened,
        EntryKind::DisputeResolved,
        EntryKind::CreditRecordAdded,
        EntryKind::PolicyChanged,
        EntryKind::StrategyChanged,
        EntryKind::UserAdded,
        EntryKind::UserChanged,
        EntryKind::CompanyDetailsSet,
        EntryKind::LimitRequested,
        EntryKind::LimitApproved,
        EntryKind::LimitRejected,
        EntryKind::LimitLapsed,
        EntryKind::HoldPlaced,
        EntryKind::HoldReleased,
        EntryKind::OrderReleased,
        EntryKind::WidgetOriginsSet,
        EntryKind::TaskCompleted,
        EntryKind::StepEscalated,
        EntryKind::PromiseRecorded,
        EntryKind::CollectorAssigned,
        EntryKind::AlertAcknowledged,
        EntryKind::AlertSnoozed,
        EntryKind::AlertHoldReleased,
        EntryKind::WriteOffProposed,
        EntryKind::WriteOffApproved,
        EntryKind::WriteOffRejected,
        EntryKind::PlanAgreed,
    ];

    /// The kind of `entry`. One arm per variant, no wildcard: a new entry has no kind (and so
    /// no sentence) until it is given one here.
    pub fn of(entry: &Entry) -> EntryKind {
        match entry {
            Entry::Ledger(entry) => EntryKind::of_ledger(entry),
            Entry::Credit(CreditEntry::CreditRecordAdded { .. }) => EntryKind::CreditRecordAdded,
            Entry::Policy(PolicyEntry::PolicyChanged { .. }) => EntryKind::PolicyChanged,
            Entry::Policy(PolicyEntry::StrategyChanged { .. }) => EntryKind::StrategyChanged,
            Entry::Team(TeamEntry::UserAdded { .. }) => EntryKind::UserAdded,
            Entry::Team(TeamEntry::UserChanged { .. }) => EntryKind::UserChanged,
            Entry::Team(TeamEntry::CompanyDetailsSet { .. }) => EntryKind::CompanyDetailsSet,
            Entry::Limits(entry) => EntryKind::of_limits(entry),
            Entry::Collections(entry) => match entry {
                CollectionsEntry::TaskCompleted { .. } => EntryKind::TaskCompleted,
                CollectionsEntry::StepEscalated { .. } => EntryKind::StepEscalated,
                CollectionsEntry::PromiseRecorded { .. } => EntryKind::PromiseRecorded,
                CollectionsEntry::CollectorAssigned { .. } => EntryKind::CollectorAssigned,
                CollectionsEntry::WriteOffProposed { .. } => EntryKind::WriteOffProposed,
                CollectionsEntry::WriteOffApproved { .. } => EntryKind::WriteOffApproved,
                CollectionsEntry::WriteOffRejected { .. } => EntryKind::WriteOffRejected,
                CollectionsEntry::PlanAgreed { .. } => EntryKind::PlanAgreed,
            },
            Entry::Alerts(entry) => match entry {
                AlertsEntry::AlertAcknowledged { .. } => EntryKind::AlertAcknowledged,
                AlertsEntry::AlertSnoozed { .. } => EntryKind::AlertSnoozed,
                AlertsEntry::AlertHoldReleased { .. } => EntryKind::AlertHoldReleased,
            },
        }
    }

    fn of_ledger(entry: &LedgerEntry) -> EntryKind {
        match entry {
            LedgerEntry::CustomerRegistered { .. } => EntryKind::CustomerRegistered,
            LedgerEntry::CustomerUpdated { .. } => EntryKind::CustomerUpdated,
            LedgerEntry::CustomerSinceChanged { .. } => EntryKind::CustomerSinceChanged,
            LedgerEntry::InvoiceIssued { .. } => EntryKind::InvoiceIssued,
            LedgerEntry::PaymentReceived { .. } => EntryKind::PaymentReceived,
            LedgerEntry::CreditNoteIssued { .. } => EntryKind::CreditNoteIssued,
            LedgerEntry::InvoiceWrittenOff { .. } => EntryKind::InvoiceWrittenOff,
            LedgerEntry::OrderOpened { .. } => EntryKind::OrderOpened,
            LedgerEntry::OrderClosed { .. } => EntryKind::OrderClosed,
            LedgerEntry::DisputeOpened { .. } => EntryKind::DisputeOpened,
            LedgerEntry::DisputeResolved { .. } => EntryKind::DisputeResolved,
        }
    }

    fn of_limits(entry: &LimitsEntry) -> EntryKind {
        match entry {
            LimitsEntry::LimitRequested { .. } => EntryKind::LimitRequested,
            LimitsEntry::LimitApproved { .. } => EntryKind::LimitApproved,
            LimitsEntry::LimitRejected { .. } => EntryKind::LimitRejected,
            LimitsEntry::LimitLapsed { .. } => EntryKind::LimitLapsed,
            LimitsEntry::HoldPlaced { .. } => EntryKind::HoldPlaced,
            LimitsEntry::HoldReleased { .. } => EntryKind::HoldReleased,
            LimitsEntry::OrderReleased { .. } => EntryKind::OrderReleased,
            LimitsEntry::WidgetOriginsSet { .. } => EntryKind::WidgetOriginsSet,
        }
    }

    /// The stored `kind` tag, e.g. `InvoiceIssued`: how a kind is named in a URL.
    pub fn token(self) -> &'static str {
        match self {
            EntryKind::CustomerRegistered => "CustomerRegistered",
            EntryKind::CustomerUpdated => "CustomerUpdated",
            EntryKind::CustomerSinceChanged => "CustomerSinceChanged",
            EntryKind::InvoiceIssued => "InvoiceIssued",
            EntryKind::PaymentReceived => "PaymentReceived",
            EntryKind::CreditNoteIssued => "CreditNoteIssued",
            EntryKind::InvoiceWrittenOff => "InvoiceWrittenOff",
            EntryKind::OrderOpened => "OrderOpened",
            EntryKind::OrderClosed => "OrderClosed",
            EntryKind::DisputeOpened => "DisputeOpened",
            EntryKind::DisputeResolved => "DisputeResolved",
            EntryKind::CreditRecordAdded => "CreditRecordAdded",
            EntryKind::PolicyChanged => "PolicyChanged",
            EntryKind::UserAdded => "UserAdded",
            EntryKind::UserChanged => "UserChanged",
            EntryKind::LimitRequested => "LimitRequested",
            EntryKind::LimitApproved => "LimitApproved",
            EntryKind::LimitRejected => "LimitRejected",
            EntryKind::LimitLapsed => "LimitLapsed",
            EntryKind::HoldPlaced => "HoldPlaced",
            EntryKind::HoldReleased => "HoldReleased",
            EntryKind::OrderReleased => "OrderReleased",
            EntryKind::WidgetOriginsSet => "WidgetOriginsSet",
            EntryKind::StrategyChanged => "StrategyChanged",
            EntryKind::TaskCompleted => "TaskCompleted",
            EntryKind::StepEscalated => "StepEscalated",
            EntryKind::PromiseRecorded => "PromiseRecorded",
            EntryKind::CollectorAssigned => "CollectorAssigned",
            EntryKind::CompanyDetailsSet => "CompanyDetailsSet",
            EntryKind::AlertAcknowledged => "AlertAcknowledged",
            EntryKind::AlertSnoozed => "AlertSnoozed",
            EntryKind::AlertHoldReleased => "AlertHoldReleased",
            EntryKind::WriteOffProposed => "WriteOffProposed",
            EntryKind::WriteOffApproved => "WriteOffApproved",
            EntryKind::WriteOffRejected => "WriteOffRejected",
            EntryKind::PlanAgreed => "PlanAgreed",
        }
    }

    pub fn from_token(token: &str) -> Option<EntryKind> {
        EntryKind::ALL
            .into_iter()
            .find(|kind| kind.token() == token)
    }
}

/// A customer as people know it: its number and name as they were when the entry was made
/// (a later rename does not rewrite what the journal said), and its id for the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerRef {
    pub id: CustomerId,
    pub number: String,
    pub name: String,
}

/// A profile named by an entry, with its name when the entry was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRef {
    pub id: UserId,
    pub name: String,
}

/// A profile's name and role at one point of the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub role: Role,
}

/// What a payment or credit note settled on one invoice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settled {
    pub invoice: String,
    pub amount: Money,
}

/// A field of a customer's master data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailField {
    Number,
    Name,
    RegistrationNo,
    Industry,
    Country,
    Currency,
    Terms,
    Contact,
    Group,
    /// Early-payment discount terms, written `2/10` (percent/days).
    Discount,
}

/// One field a customer update changed, before and after, as written in the details
/// (payment terms as the number of days, the currency as its code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailChange {
    pub field: DetailField,
    pub before: String,
    pub after: String,
}

/// The figures and words of an entry, by area like `Entry`, one variant per kind. Amounts
/// are figures with their currency (`Money`), for the shell to write in the user's number
/// format. A number that names no record (which a journal that folded cannot hold) is
/// written `#id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    Ledger(LedgerWhat),
    /// Boxed: a financial statement is several times larger than any other variant.
    CreditRecordAdded {
        record: Box<CreditRecord>,
    },
    /// `version`: the policy's own version number.
    PolicyChanged {
        version: u32,
    },
    /// A new version of the reminder ladders.
    StrategyChanged,
    Team(TeamWhat),
    Limits(LimitsWhat),
    Collections(CollectionsWhat),
    Alerts(AlertsWhat),
}

/// The alerts' entries told: the rule, the first day of the run concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlertsWhat {
    AlertAcknowledged {
        rule: AlertRule,
        since: NaiveDate,
    },
    AlertSnoozed {
        rule: AlertRule,
        since: NaiveDate,
        until: NaiveDate,
    },
    AlertHoldReleased {
        reason: String,
        alerts: Vec<AlertRef>,
    },
}

impl AlertsWhat {
    pub fn kind(&self) -> EntryKind {
        match self {
            AlertsWhat::AlertAcknowledged { .. } => EntryKind::AlertAcknowledged,
            AlertsWhat::AlertSnoozed { .. } => EntryKind::AlertSnoozed,
            AlertsWhat::AlertHoldReleased { .. } => EntryKind::AlertHoldReleased,
        }
    }
}

/// The collections' entries told; `invoices` are the numbers of the items concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CollectionsWhat {
    TaskCompleted {
        step: StepKind,
        offset_days: i32,
        channel: Channel,
        outcome: Outcome,
        notes: String,
        invoices: Vec<String>,
    },
    StepEscalated {
        offset_days: i32,
        reason: String,
        invoices: Vec<String>,
    },
    PromiseRecorded {
        amount: Money,
        due: NaiveDate,
        tolerance_days: u32,
    },
    /// `None`: taken off every collector's list.
    CollectorAssigned {
        collector: Option<UserRef>,
    },
    WriteOffProposed {
        invoice: String,
        amount: Money,
        reason: String,
    },
    WriteOffApproved {
        invoice: String,
        amount: Money,
    },
    WriteOffRejected {
        invoice: String,
        amount: Money,
        reason: String,
    },
    /// `total` is what the instalments add up to; `last_due` the last instalment's date.
    PlanAgreed {
        invoices: Vec<String>,
        total: Money,
        instalments: usize,
        last_due: NaiveDate,
    },
}

impl CollectionsWhat {
    pub fn kind(&self) -> EntryKind {
        match self {
            CollectionsWhat::TaskCompleted { .. } => EntryKind::TaskCompleted,
            CollectionsWhat::StepEscalated { .. } => EntryKind::StepEscalated,
            CollectionsWhat::PromiseRecorded { .. } => EntryKind::PromiseRecorded,
            CollectionsWhat::CollectorAssigned { .. } => EntryKind::CollectorAssigned,
            CollectionsWhat::WriteOffProposed { .. } => EntryKind::WriteOffProposed,
            CollectionsWhat::WriteOffApproved { .. } => EntryKind::WriteOffApproved,
            CollectionsWhat::WriteOffRejected { .. } => EntryKind::WriteOffRejected,
            CollectionsWhat::PlanAgreed { .. } => EntryKind::PlanAgreed,
        }
    }
}

/// The ledger's entries told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LedgerWhat {
    CustomerRegistered {
        terms_days: u32,
        currency: Currency,
    },
    /// `changes` is empty when the update changed nothing.
    CustomerUpdated {
        changes: Vec<DetailChange>,
    },
    CustomerSinceChanged {
        since: NaiveDate,
    },
    InvoiceIssued {
        number: String,
        amount: Money,
        due_date: NaiveDate,
    },
    /// `unapplied`: what no invoice took, left on the account.
    PaymentReceived {
        amount: Money,
        reference: String,
        settled: Vec<Settled>,
        unapplied: Money,
    },
    CreditNoteIssued {
        number: String,
        amount: Money,
        reason: String,
        settled: Vec<Settled>,
        unapplied: Money,
    },
    InvoiceWrittenOff {
        invoice: String,
        amount: Money,
        reason: String,
    },
    OrderOpened {
        number: String,
        amount: Money,
    },
    OrderClosed {
        number: String,
        amount: Money,
        closure: OrderClosure,
    },
    DisputeOpened {
        invoice: String,
        amount: Money,
        reason: String,
    },
    DisputeResolved {
        invoice: String,
        amount: Money,
        outcome: DisputeOutcome,
    },
}

/// The team's entries told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamWhat {
    UserAdded {
        profile: Profile,
    },
    /// `before`: the profile just before the change (`None` only for a profile the journal
    /// never added, which a journal that folded cannot hold).
    UserChanged {
        before: Option<Profile>,
        after: Profile,
    },
    /// The company's details for the letterhead, with its name as set.
    CompanyDetailsSet {
        name: String,
    },
}

/// The limits' entries told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitsWhat {
    LimitRequested {
        amount: Money,
        until: Option<NaiveDate>,
        reason: String,
    },
    /// The request's amount and last day, with the review date and grade of the approval.
    LimitApproved {
        amount: Money,
        until: Option<NaiveDate>,
        review_on: NaiveDate,
        grade: Grade,
        comment: String,
    },
    LimitRejected {
        amount: Money,
        until: Option<NaiveDate>,
        comment: String,
    },
    /// A temporary limit that ran out after `until`.
    LimitLapsed {
        amount: Money,
        until: Option<NaiveDate>,
    },
    HoldPlaced {
        reason: String,
    },
    HoldReleased {
        reason: String,
    },
    /// An order let through past a block: the order, why, and what blocked it at the time
    /// (the reasons' amounts are in the order's currency).
    OrderReleased {
        number: String,
        amount: Money,
        reason: String,
        blocked_for: Vec<CheckReason>,
    },
    /// The origins now allowed, and which of them are new or gone since the list before.
    WidgetOriginsSet {
        origins: Vec<String>,
        added: Vec<String>,
        removed: Vec<String>,
    },
}

/// What one entry is about. `by` is who the entry itself says acted (its `by`), when it
/// names someone; otherwise the event's actor — who sealed it — is who acted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryFacts {
    pub customer: Option<CustomerRef>,
    pub by: Option<UserRef>,
    /// The day the entry is dated (issue, payment, decision, effective date); `None` for the
    /// entries that carry no date (customer updates, profiles).
    pub date: Option<NaiveDate>,
    pub what: What,
}

impl EntryFacts {
    pub fn kind(&self) -> EntryKind {
        match &self.what {
            What::Ledger(what) => what.kind(),
            What::CreditRecordAdded { .. } => EntryKind::CreditRecordAdded,
            What::PolicyChanged { .. } => EntryKind::PolicyChanged,
            What::StrategyChanged => EntryKind::StrategyChanged,
            What::Team(TeamWhat::UserAdded { .. }) => EntryKind::UserAdded,
            What::Team(TeamWhat::UserChanged { .. }) => EntryKind::UserChanged,
            What::Team(TeamWhat::CompanyDetailsSet { .. }) => EntryKind::CompanyDetailsSet,
            What::Limits(what) => what.kind(),
            What::Collections(what) => what.kind(),
            What::Alerts(what) => what.kind(),
        }
    }
}

impl LedgerWhat {
    pub fn kind(&self) -> EntryKind {
        match self {
            LedgerWhat::CustomerRegistered { .. } => EntryKind::CustomerRegistered,
            LedgerWhat::CustomerUpdated { .. } => EntryKind::CustomerUpdated,
            LedgerWhat::CustomerSinceChanged { .. } => EntryKind::CustomerSinceChanged,
            LedgerWhat::InvoiceIssued { .. } => EntryKind::InvoiceIssued,
            LedgerWhat::PaymentReceived { .. } => EntryKind::PaymentReceived,
            LedgerWhat::CreditNoteIssued { .. } => EntryKind::CreditNoteIssued,
            LedgerWhat::InvoiceWrittenOff { .. } => EntryKind::InvoiceWrittenOff,
            LedgerWhat::OrderOpened { .. } => EntryKind::OrderOpened,
            LedgerWhat::OrderClosed { .. } => EntryKind::OrderClosed,
            LedgerWhat::DisputeOpened { .. } => EntryKind::DisputeOpened,
            LedgerWhat::DisputeResolved { .. } => EntryKind::DisputeResolved,
        }
    }
}

impl LimitsWhat {
    pub fn kind(&self) -> EntryKind {
        match self {
            LimitsWhat::LimitRequested { .. } => EntryKind::LimitRequested,
            LimitsWhat::LimitApproved { .. } => EntryKind::LimitApproved,
            LimitsWhat::LimitRejected { .. } => EntryKind::LimitRejected,
            LimitsWhat::LimitLapsed { .. } => EntryKind::LimitLapsed,
            LimitsWhat::HoldPlaced { .. } => EntryKind::HoldPlaced,
            LimitsWhat::HoldReleased { .. } => EntryKind::HoldReleased,
            LimitsWhat::OrderReleased { .. } => EntryKind::OrderReleased,
            LimitsWhat::WidgetOriginsSet { .. } => EntryKind::WidgetOriginsSet,
        }
    }
}

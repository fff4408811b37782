//! Commands: what a user asks for, as typed values. `decide` turns each into entries or a
//! `Rejection`. Every amount is an [`Amount`]: its decimals, sign and bound were checked when
//! it was made, so `decide` checks only what depends on the state (the account's currency,
//! what is open).

use crate::base::ids::*;
use crate::base::money::{Amount, NonNegative};
use crate::credit::CreditRecord;
use crate::ledger::{Allocation, CustomerDetails, DisputeCategory, DisputeOutcome, OrderClosure};
use crate::policy::CreditPolicy;
use crate::team::Role;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AllocationChoice {
    /// Settle the customer's open invoices oldest due date first.
    OldestFirst,
    /// The user's own allocation; the remainder stays unapplied. Each amount must be in the
    /// invoice's currency.
    Manual(Vec<Allocation<Amount>>),
    /// Keep it all as unapplied cash or credit.
    Unapplied,
}

/// What a dispute is about and who follows it up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeDetails {
    pub category: DisputeCategory,
    pub notes: String,
    /// A profile on the team.
    pub owner: Option<UserId>,
}

/// One instalment of a payment plan as asked for: its due date and amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalmentInput {
    pub due: NaiveDate,
    pub amount: Amount,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// `date` is "customer since": nothing of the customer's may be dated before it.
    RegisterCustomer {
        id: CustomerId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        details: CustomerDetails,
    },
    /// Moves "customer since" (back, to enter an older history; or forward, up to the first
    /// record).
    ChangeCustomerSince {
        id: CustomerId,
        since: NaiveDate,
        recorded_on: NaiveDate,
    },
    UpdateCustomer {
        id: CustomerId,
        details: CustomerDetails,
    },
    IssueInvoice {
        id: InvoiceId,
        customer: CustomerId,
        number: String,
        issue_date: NaiveDate,
        /// Payment terms; `None` takes the customer's terms.
        terms_days: Option<u32>,
        /// An explicit due date; `None` means issue date + terms.
        due_date: Option<NaiveDate>,
        amount: Amount,
    },
    /// `recorded_on`: the day it is entered (the shell's today); a payment dated after it is
    /// refused (a year typo must not lower today's overdue), as for credit notes and
    /// write-offs.
    ReceivePayment {
        id: PaymentId,
        customer: CustomerId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        amount: Amount,
        reference: String,
        allocation: AllocationChoice,
    },
    IssueCreditNote {
        id: CreditNoteId,
        customer: CustomerId,
        number: String,
        date: NaiveDate,
        recorded_on: NaiveDate,
        amount: Amount,
        reason: String,
        allocation: AllocationChoice,
    },
    WriteOffInvoice {
        invoice: InvoiceId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        /// In the invoice's currency; `None` writes off all that is open.
        amount: Option<Amount>,
        reason: String,
    },
    OpenOrder {
        id: OrderId,
        customer: CustomerId,
        number: String,
        date: NaiveDate,
        amount: Amount,
    },
    CloseOrder {
        id: OrderId,
        date: NaiveDate,
        closure: OrderClosure,
    },
    OpenDispute {
        id: DisputeId,
        invoice: InvoiceId,
        date: NaiveDate,
        /// In the invoice's currency; `None` disputes all that is open and not yet disputed.
        amount: Option<Amount>,
        reason: String,
        /// The category, notes and owner (all optional: the default is `Other`, none, nobody).
        #[serde(default)]
        details: DisputeDetails,
    },
    ResolveDispute {
        id: DisputeId,
        date: NaiveDate,
        outcome: DisputeOutcome,
    },
    AddCreditRecord {
        customer: CustomerId,
        /// The day the record is entered (the shell's today), not the date it speaks for.
        recorded_on: NaiveDate,
        record: CreditRecord,
    },
    /// Journals a new credit policy; its version must be the current version + 1.
    /// Journals a new credit policy (limit rules and authority bands included), by a manager
    /// or a director.
    ChangePolicy {
        date: NaiveDate,
        /// Boxed: a policy is several times larger than any other command.
        policy: Box<CreditPolicy>,
        by: UserId,
    },
    /// Adds a profile. `by` is who adds it: `None` only for the first profile of an empty
    /// team; a role other than sales needs a manager or a director, never above their own.
    AddUser {
        id: UserId,
        name: String,
        role: Role,
        by: Option<UserId>,
    },
    /// Renames a profile or changes its role. A role is changed by a manager or a director,
    /// never their own and never to or from a role above theirs; a name by its owner or a
    /// manager or director.
    ChangeUser {
        id: UserId,
        name: String,
        role: Role,
        by: UserId,
    },
    /// Asks for a new limit of `amount` (zero closes the credit line); `until` makes it a
    /// temporary limit with that last day.
    RequestLimit {
        id: RequestId,
        customer: CustomerId,
        date: NaiveDate,
        by: UserId,
        amount: Amount<NonNegative>,
        reason: String,
        until: Option<NaiveDate>,
    },
    ApproveLimit {
        request: RequestId,
        date: NaiveDate,
        by: UserId,
        comment: String,
    },
    RejectLimit {
        request: RequestId,
        date: NaiveDate,
        by: UserId,
        comment: String,
    },
    /// Journals the lapse of a temporary limit whose last day is before `date`.
    RecordLapse { request: RequestId, date: NaiveDate },
    PlaceHold {
        customer: CustomerId,
        date: NaiveDate,
        by: UserId,
        reason: String,
    },
    ReleaseHold {
        customer: CustomerId,
        date: NaiveDate,
        by: UserId,
        reason: String,
    },
    /// An order through the credit check: it opens when the check passes or warns; when it
    /// blocks, only with `release_reason` and a user whose role may release it.
    PlaceOrder {
        id: OrderId,
        customer: CustomerId,
        number: String,
        date: NaiveDate,
        amount: Amount,
        by: UserId,
        release_reason: Option<String>,
    },
    SetWidgetOrigins {
        date: NaiveDate,
        by: UserId,
        origins: Vec<String>,
    },
    /// The company's details for the letterhead (a manager or director).
    SetCompanyDetails {
        details: crate::team::CompanyDetails,
        by: UserId,
    },
    /// The collections' commands, decided by their own exhaustive match.
    Collections(CollectionsCommand),
    /// The alerts' commands, decided by their own exhaustive match.
    Alerts(AlertsCommand),
}

/// What someone working the alerts asks for. `date` is the shell's today: the alert named
/// is the one holding that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertsCommand {
    /// Marks the alert's current run as seen (a collector, analyst, manager or director).
    AcknowledgeAlert {
        customer: CustomerId,
        rule: crate::policy::AlertRule,
        date: NaiveDate,
        by: UserId,
    },
    /// Hides the alert until `until` (after `date`); it is back that day if it still holds.
    SnoozeAlert {
        customer: CustomerId,
        rule: crate::policy::AlertRule,
        date: NaiveDate,
        by: UserId,
        until: NaiveDate,
    },
    /// Lifts the credit hold of the alerts holding the customer that day, with a reason, by
    /// someone who may release a hold (a manager or director, as for `HoldReleased`).
    ReleaseAlertHold {
        customer: CustomerId,
        date: NaiveDate,
        by: UserId,
        reason: String,
    },
}

/// What a collector (or their manager) asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CollectionsCommand {
    /// The reminder due for a customer, done by `by` through `channel`: the core works out
    /// the step and the items it moves (see `collections`).
    CompleteTask {
        customer: CustomerId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
        channel: crate::policy::Channel,
        outcome: crate::collections::Outcome,
        notes: String,
    },
    /// Moves the customer's items straight to the rung at `offset_days`, skipping those
    /// between: a manager's or director's decision, with a reason.
    EscalateStep {
        customer: CustomerId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
        offset_days: i32,
        reason: String,
    },
    RecordPromise {
        id: PromiseId,
        customer: CustomerId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
        amount: Amount,
        due: NaiveDate,
        tolerance_days: u32,
    },
    /// A new version of the reminder ladders, in force from `date` (a manager or director).
    ChangeStrategy {
        date: NaiveDate,
        strategy: crate::policy::CollectionPolicy,
        by: UserId,
    },
    /// Saves one letter or message template into a new version of the newest strategy, in
    /// force from `date` (a manager or director). Its placeholders are checked.
    SetTemplate {
        date: NaiveDate,
        template: crate::policy::Template,
        by: UserId,
    },
    /// Puts the customer on a collector's list (`None`: on nobody's).
    AssignCollector {
        customer: CustomerId,
        date: NaiveDate,
        by: UserId,
        collector: Option<UserId>,
    },
    /// Proposes writing off `amount` of an invoice (`None`: all that is open); another
    /// profile with the authority for the amount approves it.
    ProposeWriteOff {
        id: ProposalId,
        invoice: InvoiceId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
        amount: Option<Amount>,
        reason: String,
    },
    /// Four eyes: approving writes the invoice off (`InvoiceWrittenOff`).
    ApproveWriteOff {
        proposal: ProposalId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
    },
    RejectWriteOff {
        proposal: ProposalId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
        reason: String,
    },
    /// A payment plan for `invoices` of one customer: instalments in increasing date order
    /// summing exactly to what is open on them; each is missed once `tolerance_days` after
    /// its date pass unpaid.
    AgreePlan {
        id: PlanId,
        customer: CustomerId,
        date: NaiveDate,
        recorded_on: NaiveDate,
        by: UserId,
        invoices: Vec<InvoiceId>,
        instalments: Vec<InstalmentInput>,
        tolerance_days: u32,
    },
}

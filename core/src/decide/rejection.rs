//! Rejections: one variant per broken rule, each mapped to the form field it concerns, so the
//! shell can show the message beside it.

use crate::base::fold::FoldError;
use crate::base::money::AmountError;
use crate::journal::Entry;
use crate::limits::OriginError;
use crate::policy::PolicyError;
use crate::team::Role;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The form field a rejection belongs to, so the shell can show the message beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Customer,
    Number,
    Name,
    Currency,
    Terms,
    Date,
    DueDate,
    Amount,
    Allocation,
    Invoice,
    Reason,
    Country,
    Record,
    /// A credit report's rating or score.
    Rating,
    /// A line of a financial statement (the rejection names which).
    Statement,
    /// The credit policy form as a whole.
    Policy,
    /// The user acting (the current profile), or a profile being edited.
    User,
    /// A limit request (the one being decided).
    Request,
    /// A temporary limit's last day.
    Until,
    /// An approver's or releaser's comment.
    Comment,
    /// The widget's allowed origins.
    Origins,
    /// How a reminder was sent (email, phone, letter, SMS).
    Channel,
    /// A rung of the reminder ladder.
    Step,
    /// A promise's or a payment plan's days of tolerance.
    Tolerance,
    /// The company's details for the letterhead.
    CompanyName,
    CompanyAddress,
    BankDetails,
    CompanyRegistration,
    CompanyTaxNo,
    /// A letter or message template's subject and body.
    TemplateSubject,
    TemplateBody,
    /// A payment plan's instalments (their dates and amounts).
    Instalments,
    /// A write-off proposal (the one being decided).
    Proposal,
    /// A customer's early-payment discount: its percent and its days.
    DiscountPercent,
    DiscountDays,
    /// The first and the last day of the journal's filter. No rejection names them: the form
    /// kit places its messages by field, and the filter's dates are read through it.
    DayFrom,
    DayTo,
    /// The alert a command names (its rule).
    Alert,
}

/// One variant per broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    UnknownCustomer,
    UnknownInvoice,
    UnknownOrder,
    UnknownDispute,
    IdAlreadyUsed,
    NameEmpty,
    NumberEmpty,
    TextTooLong {
        field: Field,
        max: usize,
    },
    CustomerNumberTaken {
        number: String,
    },
    CountryInvalid,
    TermsOutOfRange {
        max: u32,
    },
    /// Changing a customer's currency once invoices exist would mix currencies.
    CurrencyLocked,
    DuplicateCreditNoteNumber {
        number: String,
    },
    DuplicateInvoiceNumber {
        number: String,
    },
    CurrencyMismatch {
        expected: String,
        found: String,
    },
    /// A statement line with more decimals than a figure takes (a command's amounts cannot
    /// have too many: see `Rejection::for_amount`).
    TooManyDecimals {
        allowed: u32,
    },
    /// A dispute of all that is undisputed when nothing is (a command's amounts are positive
    /// by their type).
    AmountNotPositive,
    /// A statement line beyond the largest amount.
    AmountTooLarge,
    DateOutOfRange,
    DueBeforeIssue,
    AllocationToUnknownInvoice,
    AllocationToOtherCustomer,
    AllocationAboveOpen {
        invoice: String,
        open: Decimal,
    },
    AllocationBeforeIssue {
        invoice: String,
    },
    AllocationsExceedAmount,
    /// The entries decided did not fit the state: the state read back from storage is
    /// inconsistent (an integrity error, not the user's mistake).
    StateInconsistent(FoldError),
    InvoiceSettled,
    WriteOffAboveOpen {
        open: Decimal,
    },
    OrderClosed,
    DisputeAboveOpen {
        open: Decimal,
    },
    DisputeResolved,
    /// A statement's total assets below zero.
    NegativeTotalAssets,
    /// A statement line that cannot be negative is; `line` is its field name, e.g. `cash`.
    StatementLineNegative {
        line: String,
    },
    AgencyEmpty,
    RatingEmpty,
    PolicyInvalid(PolicyError),
    PolicyVersionNotNext {
        expected: u32,
    },
    UnknownUser,
    UserNameTaken {
        name: String,
    },
    UnknownRequest,
    /// The customer already has a request waiting for a decision.
    RequestPending,
    /// The request was already approved or rejected.
    RequestDecided,
    /// A temporary limit's last day must be after the request date.
    UntilNotAfterDate,
    ReasonEmpty,
    CommentEmpty,
    /// A decision dated before the request it decides.
    DecisionBeforeRequest,
    /// Four eyes: the requester may not decide their own request.
    OwnRequest,
    /// The user's role may not do this; `required` is the lowest role that may.
    AboveAuthority {
        required: Role,
    },
    /// Payment terms and a due date given together that do not agree: the terms give
    /// `by_terms`.
    TermsDisagreeWithDueDate {
        by_terms: NaiveDate,
    },
    /// Dated after the day it is entered (`today`): a payment, credit note or write-off.
    DateInFuture {
        today: NaiveDate,
    },
    /// Dated before the customer's "customer since" date.
    DateBeforeCustomerSince {
        since: NaiveDate,
    },
    /// A write-off or dispute dated before the invoice was issued.
    DateBeforeInvoice {
        issued: NaiveDate,
    },
    /// "Customer since" may not move after the customer's first record, dated `first`.
    SinceAfterFirstRecord {
        first: NaiveDate,
    },
    /// Nobody changes their own role.
    OwnRole,
    /// A role above the granter's own may not be given (or taken away).
    GrantAboveOwn {
        role: Role,
    },
    /// On a team, a new profile is added by someone already on it.
    ProfileRequired,
    /// The temporary limit has not run out by that date, or was not approved.
    LapseNotDue,
    LapseRecorded,
    AlreadyOnHold,
    NotOnHold,
    /// The credit check blocks the order and no release reason was given.
    OrderBlocked,
    OriginInvalid {
        origin: String,
        error: OriginError,
    },
    /// No reminder is due for the customer on that date (or a promise to pay is pending).
    NoTaskDue,
    /// The step due is not sent that way; `allowed` are its channels.
    ChannelNotInStep {
        allowed: Vec<crate::policy::Channel>,
    },
    /// An escalation names a day that is no rung of the customer's ladder.
    StepNotInLadder,
    /// No item of the customer is below that rung: there is nothing to escalate.
    NothingToEscalate,
    /// Collections are worked by collectors, managers and directors, not by this role.
    NotCollecting {
        role: Role,
    },
    /// A promise to pay by a day before it was made.
    PromiseDueBeforeDate,
    ToleranceTooLong {
        max: u32,
    },
    /// A collection strategy that does not make sense.
    StrategyInvalid(crate::policy::StrategyError),
    /// The company's details need its name.
    CompanyNameEmpty,
    /// A template names a placeholder that does not exist (`name`, as written in braces).
    UnknownPlaceholder {
        field: Field,
        name: String,
    },
    /// A template opens a brace at character `at` (from 1) and never closes it.
    UnclosedBrace {
        field: Field,
        at: usize,
    },
    /// A template with an empty body.
    TemplateEmpty,
    /// The customer has no such alert on that day (it does not hold, or never did).
    UnknownAlert {
        rule: crate::policy::AlertRule,
    },
    /// This run of the alert was acknowledged already.
    AlertAlreadyAcknowledged,
    /// A snooze must end after today.
    SnoozeNotAfterToday,
    /// Alerts are worked by collectors, analysts, managers and directors, not by this role.
    NotMonitoring {
        role: Role,
    },
    /// The customer is on no alert hold: nothing to release.
    NoAlertHold,
    UnknownProposal,
    /// The write-off proposal was already approved or rejected.
    ProposalDecided,
    /// Four eyes: the proposer may not approve or reject their own write-off.
    OwnProposal,
    /// The invoice already has a write-off proposal waiting for a decision.
    WriteOffPending,
    /// A decision dated before the proposal it decides.
    DecisionBeforeProposal,
    /// A payment plan without invoices or without instalments.
    PlanEmpty,
    /// The instalments do not add up to what is open on the plan's invoices.
    PlanSumMismatch {
        open: Decimal,
        instalments: Decimal,
    },
    /// Instalment dates must increase strictly, one after the other.
    PlanDatesNotIncreasing,
    /// An instalment dated before the plan was agreed.
    InstalmentBeforePlan,
    /// An invoice of the plan has nothing open on the plan's date.
    PlanInvoiceNotOpen {
        invoice: String,
    },
    /// An invoice of the plan belongs to another customer.
    PlanInvoiceOfOtherCustomer {
        invoice: String,
    },
    /// An invoice is already in a payment plan that is current.
    PlanOverlaps {
        invoice: String,
    },
    /// An early-payment discount of 0 % or less, or of 100 % or more.
    DiscountPercentOutOfRange,
    /// The discount window must be at least one day and end before the payment terms.
    DiscountDaysOutOfRange {
        terms: u32,
    },
}

impl Rejection {
    /// The rejection for a figure that is no amount, where one is made from a figure worked
    /// out rather than given (what is open on an invoice; the demo's figures): too many
    /// decimals, too large, or else not positive. A command's own amounts cannot be refused
    /// for these: their type was checked when they were made.
    pub fn for_amount(error: &AmountError) -> Rejection {
        match error {
            AmountError::TooManyDecimals { allowed } => {
                Rejection::TooManyDecimals { allowed: *allowed }
            }
            AmountError::TooLarge { .. } => Rejection::AmountTooLarge,
            _ => Rejection::AmountNotPositive,
        }
    }

    pub fn field(&self) -> Field {
        use Rejection::*;
        match self {
            UnknownCustomer | StateInconsistent(_) => Field::Customer,
            UnknownInvoice | InvoiceSettled | AllocationToUnknownInvoice => Field::Invoice,
            UnknownOrder | UnknownDispute | IdAlreadyUsed | OrderClosed | DisputeResolved => {
                Field::Record
            }
            NameEmpty => Field::Name,
            NumberEmpty
            | CustomerNumberTaken { .. }
            | DuplicateInvoiceNumber { .. }
            | DuplicateCreditNoteNumber { .. } => Field::Number,
            TextTooLong { field, .. } => *field,
            CountryInvalid => Field::Country,
            TermsOutOfRange { .. } => Field::Terms,
            CurrencyLocked | CurrencyMismatch { .. } => Field::Currency,
            TooManyDecimals { .. } | AmountNotPositive | AmountTooLarge => Field::Amount,
            WriteOffAboveOpen { .. } | DisputeAboveOpen { .. } => Field::Amount,
            DateOutOfRange | DateInFuture { .. } => Field::Date,
            DateBeforeCustomerSince { .. } | DateBeforeInvoice { .. } => Field::Date,
            NoTaskDue => Field::Customer,
            ChannelNotInStep { .. } => Field::Channel,
            StepNotInLadder | NothingToEscalate => Field::Step,
            NotCollecting { .. } => Field::User,
            PromiseDueBeforeDate => Field::DueDate,
            ToleranceTooLong { .. } => Field::Tolerance,
            StrategyInvalid(_) => Field::Step,
            CompanyNameEmpty => Field::CompanyName,
            UnknownPlaceholder { field, .. } | UnclosedBrace { field, .. } => *field,
            TemplateEmpty => Field::TemplateBody,
            SinceAfterFirstRecord { .. } => Field::Date,
            DueBeforeIssue | TermsDisagreeWithDueDate { .. } => Field::DueDate,
            AllocationToOtherCustomer
            | AllocationAboveOpen { .. }
            | AllocationBeforeIssue { .. } => Field::Allocation,
            AllocationsExceedAmount => Field::Allocation,
            NegativeTotalAssets | StatementLineNegative { .. } => Field::Statement,
            AgencyEmpty => Field::Name,
            RatingEmpty => Field::Rating,
            PolicyInvalid(_) | PolicyVersionNotNext { .. } => Field::Policy,
            UnknownUser | AboveAuthority { .. } | OwnRequest | ProfileRequired => Field::User,
            OwnRole | GrantAboveOwn { .. } => Field::User,
            UserNameTaken { .. } => Field::Name,
            UnknownRequest | RequestPending | RequestDecided | LapseNotDue | LapseRecorded => {
                Field::Request
            }
            UntilNotAfterDate => Field::Until,
            ReasonEmpty => Field::Reason,
            CommentEmpty => Field::Comment,
            DecisionBeforeRequest => Field::Date,
            AlreadyOnHold | NotOnHold => Field::Customer,
            OrderBlocked => Field::Reason,
            OriginInvalid { .. } => Field::Origins,
            UnknownAlert { .. } | AlertAlreadyAcknowledged => Field::Alert,
            SnoozeNotAfterToday => Field::Until,
            NotMonitoring { .. } => Field::User,
            NoAlertHold => Field::Customer,
            UnknownProposal | ProposalDecided => Field::Proposal,
            OwnProposal => Field::User,
            WriteOffPending => Field::Invoice,
            DecisionBeforeProposal => Field::Date,
            PlanEmpty | PlanSumMismatch { .. } | PlanDatesNotIncreasing | InstalmentBeforePlan => {
                Field::Instalments
            }
            PlanInvoiceNotOpen { .. } | PlanInvoiceOfOtherCustomer { .. } | PlanOverlaps { .. } => {
                Field::Invoice
            }
            DiscountPercentOutOfRange => Field::DiscountPercent,
            DiscountDaysOutOfRange { .. } => Field::DiscountDays,
        }
    }
}

/// What deciding one command gives: the entries to journal, or the rule it broke.
pub(crate) type Decision = Result<Vec<Entry>, Rejection>;

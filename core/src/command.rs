//! Commands are what a user asks for; `decide` checks each against the current state and
//! yields the entries to journal, or the one `Rejection` naming the broken rule. The checks
//! run as a flat sequence of `if … return Err(Rejection::X)`, in the order a user would fix them.

use crate::credit::{validate_policy, CreditPolicy, CreditRecord, FinancialStatement, PolicyError};
use crate::limits::{OriginError, RequestId, Role, UserId};
use crate::model::*;
use crate::money::{amount_max, Money};
use crate::portfolio::Portfolio;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Payment terms accepted: 0 (cash on delivery) to 365 days.
pub const TERMS_DAYS_MAX: u32 = 365;
/// Longest free text accepted in a name, number or reason.
pub const TEXT_LEN_MAX: usize = 200;
/// Longest notes or findings accepted in a credit-file record: a visit report is prose.
pub const NOTES_LEN_MAX: usize = 4000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AllocationChoice {
    /// Settle the customer's open invoices oldest due date first.
    OldestFirst,
    /// The user's own allocation; the remainder stays unapplied.
    Manual(Vec<Allocation>),
    /// Keep it all as unapplied cash or credit.
    Unapplied,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    RegisterCustomer {
        id: CustomerId,
        date: NaiveDate,
        details: CustomerDetails,
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
        amount: Money,
    },
    ReceivePayment {
        id: PaymentId,
        customer: CustomerId,
        date: NaiveDate,
        amount: Money,
        reference: String,
        allocation: AllocationChoice,
    },
    IssueCreditNote {
        id: CreditNoteId,
        customer: CustomerId,
        number: String,
        date: NaiveDate,
        amount: Money,
        reason: String,
        allocation: AllocationChoice,
    },
    WriteOffInvoice {
        invoice: InvoiceId,
        date: NaiveDate,
        amount: Option<Decimal>,
        reason: String,
    },
    OpenOrder {
        id: OrderId,
        customer: CustomerId,
        number: String,
        date: NaiveDate,
        amount: Money,
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
        amount: Option<Decimal>,
        reason: String,
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
    ChangePolicy {
        date: NaiveDate,
        /// Boxed: a policy is several times larger than any other command.
        policy: Box<CreditPolicy>,
    },
    AddUser {
        id: UserId,
        name: String,
        role: Role,
    },
    ChangeUser {
        id: UserId,
        name: String,
        role: Role,
    },
    /// Asks for a new limit of `amount` (zero closes the credit line); `until` makes it a
    /// temporary limit with that last day.
    RequestLimit {
        id: RequestId,
        customer: CustomerId,
        date: NaiveDate,
        by: UserId,
        amount: Money,
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
        amount: Money,
        by: UserId,
        release_reason: Option<String>,
    },
    SetWidgetOrigins {
        date: NaiveDate,
        by: UserId,
        origins: Vec<String>,
    },
}

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
    TooManyDecimals {
        allowed: u32,
    },
    AmountNotPositive,
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
    AllocationNotPositive,
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
    LimitNegative,
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
}

impl Rejection {
    pub fn field(&self) -> Field {
        use Rejection::*;
        match self {
            UnknownCustomer => Field::Customer,
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
            DateOutOfRange => Field::Date,
            DueBeforeIssue => Field::DueDate,
            AllocationToOtherCustomer
            | AllocationAboveOpen { .. }
            | AllocationBeforeIssue { .. } => Field::Allocation,
            AllocationsExceedAmount | AllocationNotPositive => Field::Allocation,
            NegativeTotalAssets | StatementLineNegative { .. } => Field::Statement,
            AgencyEmpty => Field::Name,
            RatingEmpty => Field::Rating,
            PolicyInvalid(_) | PolicyVersionNotNext { .. } => Field::Policy,
            UnknownUser | AboveAuthority { .. } | OwnRequest => Field::User,
            UserNameTaken { .. } => Field::Name,
            UnknownRequest | RequestPending | RequestDecided | LapseNotDue | LapseRecorded => {
                Field::Request
            }
            LimitNegative => Field::Amount,
            UntilNotAfterDate => Field::Until,
            ReasonEmpty => Field::Reason,
            CommentEmpty => Field::Comment,
            DecisionBeforeRequest => Field::Date,
            AlreadyOnHold | NotOnHold => Field::Customer,
            OrderBlocked => Field::Reason,
            OriginInvalid { .. } => Field::Origins,
        }
    }
}

pub(crate) type Decision = Result<Vec<Entry>, Rejection>;

/// Checks a command against the state and yields the entries that record it.
pub fn decide(state: &Portfolio, command: &Command) -> Decision {
    match command {
        Command::RegisterCustomer { id, date, details } => {
            register_customer(state, *id, *date, details)
        }
        Command::UpdateCustomer { id, details } => update_customer(state, *id, details),
        Command::IssueInvoice {
            id,
            customer,
            number,
            issue_date,
            terms_days,
            due_date,
            amount,
        } => issue_invoice(
            state,
            *id,
            *customer,
            number,
            *issue_date,
            *terms_days,
            *due_date,
            amount,
        ),
        Command::ReceivePayment {
            id,
            customer,
            date,
            amount,
            reference,
            allocation,
        } => receive_payment(state, *id, *customer, *date, amount, reference, allocation),
        Command::IssueCreditNote {
            id,
            customer,
            number,
            date,
            amount,
            reason,
            allocation,
        } => issue_credit_note(
            state, *id, *customer, number, *date, amount, reason, allocation,
        ),
        Command::WriteOffInvoice {
            invoice,
            date,
            amount,
            reason,
        } => write_off(state, *invoice, *date, *amount, reason),
        Command::OpenOrder {
            id,
            customer,
            number,
            date,
            amount,
        } => open_order(state, *id, *customer, number, *date, amount),
        Command::CloseOrder { id, date, closure } => close_order(state, *id, *date, *closure),
        Command::OpenDispute {
            id,
            invoice,
            date,
            amount,
            reason,
        } => open_dispute(state, *id, *invoice, *date, *amount, reason),
        Command::ResolveDispute { id, date, outcome } => {
            resolve_dispute(state, *id, *date, *outcome)
        }
        Command::AddCreditRecord {
            customer,
            recorded_on,
            record,
        } => add_credit_record(state, *customer, *recorded_on, record),
        Command::ChangePolicy { date, policy } => change_policy(state, *date, policy),
        other => crate::decide_limits::decide(state, other),
    }
}

/// A command of a batch that was rejected: its position (0-based) and the rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRejection {
    pub index: usize,
    pub rejection: Rejection,
}

/// Decides a batch all or nothing (an import, a demo load): each command sees the effect of
/// those before it. Returns the entries and the state after them; `state` is untouched.
pub fn decide_batch(
    state: &Portfolio,
    commands: impl IntoIterator<Item = Command>,
) -> Result<(Vec<Entry>, Portfolio), BatchRejection> {
    let mut working = state.clone();
    let mut entries = Vec::new();
    for (index, command) in commands.into_iter().enumerate() {
        let decided =
            decide(&working, &command).map_err(|rejection| BatchRejection { index, rejection })?;
        for entry in &decided {
            working.apply(entry);
        }
        entries.extend(decided);
    }
    Ok((entries, working))
}

pub(crate) fn check_text(text: &str, field: Field) -> Result<(), Rejection> {
    check_text_max(text, field, TEXT_LEN_MAX)
}

fn check_text_max(text: &str, field: Field, max: usize) -> Result<(), Rejection> {
    if text.chars().count() > max {
        return Err(Rejection::TextTooLong { field, max });
    }
    Ok(())
}

pub(crate) fn check_date(date: NaiveDate) -> Result<(), Rejection> {
    if !(1990..=2100).contains(&date.year()) {
        return Err(Rejection::DateOutOfRange);
    }
    Ok(())
}

pub(crate) fn check_amount(
    amount: &Money,
    expected: crate::money::Currency,
) -> Result<(), Rejection> {
    if amount.currency != expected {
        return Err(Rejection::CurrencyMismatch {
            expected: expected.code().to_string(),
            found: amount.currency.code().to_string(),
        });
    }
    if !amount.has_valid_precision() {
        return Err(Rejection::TooManyDecimals {
            allowed: expected.minor_units(),
        });
    }
    if amount.amount <= Decimal::ZERO {
        return Err(Rejection::AmountNotPositive);
    }
    if amount.amount > amount_max() {
        return Err(Rejection::AmountTooLarge);
    }
    Ok(())
}

fn check_details(
    state: &Portfolio,
    id: CustomerId,
    details: &CustomerDetails,
) -> Result<(), Rejection> {
    if details.name.trim().is_empty() {
        return Err(Rejection::NameEmpty);
    }
    if details.number.trim().is_empty() {
        return Err(Rejection::NumberEmpty);
    }
    check_text(&details.name, Field::Name)?;
    check_text(&details.number, Field::Number)?;
    for text in [
        &details.registration_no,
        &details.industry,
        &details.contact,
        &details.group,
    ] {
        check_text(text, Field::Record)?;
    }
    if let Some(other) = state.customer_by_number(details.number.trim()) {
        if other != id {
            return Err(Rejection::CustomerNumberTaken {
                number: details.number.trim().to_string(),
            });
        }
    }
    if !(details.country.is_empty()
        || (details.country.len() == 2 && details.country.chars().all(|c| c.is_ascii_uppercase())))
    {
        return Err(Rejection::CountryInvalid);
    }
    if details.payment_terms_days > TERMS_DAYS_MAX {
        return Err(Rejection::TermsOutOfRange {
            max: TERMS_DAYS_MAX,
        });
    }
    Ok(())
}

fn trimmed(details: &CustomerDetails) -> CustomerDetails {
    CustomerDetails {
        number: details.number.trim().to_string(),
        name: details.name.trim().to_string(),
        registration_no: details.registration_no.trim().to_string(),
        industry: details.industry.trim().to_string(),
        country: details.country.trim().to_string(),
        currency: details.currency,
        payment_terms_days: details.payment_terms_days,
        contact: details.contact.trim().to_string(),
        group: details.group.trim().to_string(),
    }
}

fn register_customer(
    state: &Portfolio,
    id: CustomerId,
    date: NaiveDate,
    details: &CustomerDetails,
) -> Decision {
    if id < state.next_ids().customer {
        return Err(Rejection::IdAlreadyUsed);
    }
    check_date(date)?;
    check_details(state, id, details)?;
    Ok(vec![Entry::CustomerRegistered {
        id,
        date,
        details: trimmed(details),
    }])
}

fn update_customer(state: &Portfolio, id: CustomerId, details: &CustomerDetails) -> Decision {
    let Some(customer) = state.customer(id) else {
        return Err(Rejection::UnknownCustomer);
    };
    check_details(state, id, details)?;
    // Credit notes count too: their unapplied credit is held in the customer's currency.
    if customer.currency_locked() && details.currency != customer.details.currency {
        return Err(Rejection::CurrencyLocked);
    }
    Ok(vec![Entry::CustomerUpdated {
        id,
        details: trimmed(details),
    }])
}

#[allow(clippy::too_many_arguments)]
fn issue_invoice(
    state: &Portfolio,
    id: InvoiceId,
    customer_id: CustomerId,
    number: &str,
    issue_date: NaiveDate,
    terms_days: Option<u32>,
    due_date: Option<NaiveDate>,
    amount: &Money,
) -> Decision {
    let Some(customer) = state.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    if id < state.next_ids().invoice {
        return Err(Rejection::IdAlreadyUsed);
    }
    let number = number.trim();
    if number.is_empty() {
        return Err(Rejection::NumberEmpty);
    }
    check_text(number, Field::Number)?;
    if state.invoice_by_number(number).is_some() {
        return Err(Rejection::DuplicateInvoiceNumber {
            number: number.to_string(),
        });
    }
    check_date(issue_date)?;
    let terms_days = terms_days.unwrap_or(customer.details.payment_terms_days);
    if terms_days > TERMS_DAYS_MAX {
        return Err(Rejection::TermsOutOfRange {
            max: TERMS_DAYS_MAX,
        });
    }
    let due_date = due_date.unwrap_or(issue_date + Duration::days(i64::from(terms_days)));
    check_date(due_date)?;
    if due_date < issue_date {
        return Err(Rejection::DueBeforeIssue);
    }
    check_amount(amount, customer.details.currency)?;
    Ok(vec![Entry::InvoiceIssued {
        id,
        customer: customer_id,
        number: number.to_string(),
        issue_date,
        due_date,
        terms_days,
        amount: *amount,
    }])
}

/// Open invoices of a customer that were issued on or before `date`, oldest due date first.
fn open_invoices_oldest_first(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
) -> Vec<(InvoiceId, Decimal)> {
    let mut open: Vec<&Invoice> = customer
        .invoices
        .iter()
        .filter_map(|id| state.invoice(*id))
        .filter(|invoice| invoice.open() > Decimal::ZERO && invoice.issue_date <= date)
        .collect();
    open.sort_by_key(|invoice| (invoice.due_date, invoice.issue_date, invoice.id));
    open.into_iter()
        .map(|invoice| (invoice.id, invoice.open()))
        .collect()
}

/// Turns an allocation choice into checked allocations for `amount`.
fn allocate(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
    amount: Decimal,
    choice: &AllocationChoice,
) -> Result<Vec<Allocation>, Rejection> {
    match choice {
        AllocationChoice::Unapplied => Ok(Vec::new()),
        AllocationChoice::OldestFirst => {
            let mut remaining = amount;
            let mut allocations = Vec::new();
            for (invoice, open) in open_invoices_oldest_first(state, customer, date) {
                if remaining.is_zero() {
                    break;
                }
                let part = open.min(remaining);
                allocations.push(Allocation {
                    invoice,
                    amount: part,
                });
                remaining -= part;
            }
            Ok(allocations)
        }
        AllocationChoice::Manual(allocations) => {
            check_manual_allocations(state, customer, date, amount, allocations)
        }
    }
}

fn check_manual_allocations(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
    amount: Decimal,
    allocations: &[Allocation],
) -> Result<Vec<Allocation>, Rejection> {
    let mut total = Decimal::ZERO;
    for (position, allocation) in allocations.iter().enumerate() {
        let Some(invoice) = state.invoice(allocation.invoice) else {
            return Err(Rejection::AllocationToUnknownInvoice);
        };
        if invoice.customer != customer.id {
            return Err(Rejection::AllocationToOtherCustomer);
        }
        if allocation.amount <= Decimal::ZERO {
            return Err(Rejection::AllocationNotPositive);
        }
        if allocation.amount.normalize().scale() > customer.details.currency.minor_units() {
            return Err(Rejection::TooManyDecimals {
                allowed: customer.details.currency.minor_units(),
            });
        }
        if invoice.issue_date > date {
            return Err(Rejection::AllocationBeforeIssue {
                invoice: invoice.number.clone(),
            });
        }
        // Two allocations to one invoice count together against its open amount.
        let earlier: Decimal = allocations[..position]
            .iter()
            .filter(|other| other.invoice == allocation.invoice)
            .map(|other| other.amount)
            .sum();
        if earlier + allocation.amount > invoice.open() {
            return Err(Rejection::AllocationAboveOpen {
                invoice: invoice.number.clone(),
                open: invoice.open(),
            });
        }
        total += allocation.amount;
    }
    if total > amount {
        return Err(Rejection::AllocationsExceedAmount);
    }
    Ok(allocations.to_vec())
}

fn receive_payment(
    state: &Portfolio,
    id: PaymentId,
    customer_id: CustomerId,
    date: NaiveDate,
    amount: &Money,
    reference: &str,
    choice: &AllocationChoice,
) -> Decision {
    let Some(customer) = state.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    if id < state.next_ids().payment {
        return Err(Rejection::IdAlreadyUsed);
    }
    check_date(date)?;
    check_amount(amount, customer.details.currency)?;
    check_text(reference, Field::Reason)?;
    let allocations = allocate(state, customer, date, amount.amount, choice)?;
    Ok(vec![Entry::PaymentReceived {
        id,
        customer: customer_id,
        date,
        amount: *amount,
        reference: reference.trim().to_string(),
        allocations,
    }])
}

#[allow(clippy::too_many_arguments)]
fn issue_credit_note(
    state: &Portfolio,
    id: CreditNoteId,
    customer_id: CustomerId,
    number: &str,
    date: NaiveDate,
    amount: &Money,
    reason: &str,
    choice: &AllocationChoice,
) -> Decision {
    let Some(customer) = state.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    if id < state.next_ids().credit_note {
        return Err(Rejection::IdAlreadyUsed);
    }
    if number.trim().is_empty() {
        return Err(Rejection::NumberEmpty);
    }
    check_text(number, Field::Number)?;
    if state.credit_note_by_number(number.trim()).is_some() {
        return Err(Rejection::DuplicateCreditNoteNumber {
            number: number.trim().to_string(),
        });
    }
    check_text(reason, Field::Reason)?;
    check_date(date)?;
    check_amount(amount, customer.details.currency)?;
    let allocations = allocate(state, customer, date, amount.amount, choice)?;
    Ok(vec![Entry::CreditNoteIssued {
        id,
        customer: customer_id,
        number: number.trim().to_string(),
        date,
        amount: *amount,
        reason: reason.trim().to_string(),
        allocations,
    }])
}

fn write_off(
    state: &Portfolio,
    invoice_id: InvoiceId,
    date: NaiveDate,
    amount: Option<Decimal>,
    reason: &str,
) -> Decision {
    let Some(invoice) = state.invoice(invoice_id) else {
        return Err(Rejection::UnknownInvoice);
    };
    check_date(date)?;
    check_text(reason, Field::Reason)?;
    let open = invoice.open();
    if open <= Decimal::ZERO {
        return Err(Rejection::InvoiceSettled);
    }
    let amount = amount.unwrap_or(open);
    if amount <= Decimal::ZERO {
        return Err(Rejection::AmountNotPositive);
    }
    if amount.normalize().scale() > invoice.amount.currency.minor_units() {
        return Err(Rejection::TooManyDecimals {
            allowed: invoice.amount.currency.minor_units(),
        });
    }
    if amount > open {
        return Err(Rejection::WriteOffAboveOpen { open });
    }
    Ok(vec![Entry::InvoiceWrittenOff {
        invoice: invoice_id,
        date,
        amount,
        reason: reason.trim().to_string(),
    }])
}

pub(crate) fn open_order(
    state: &Portfolio,
    id: OrderId,
    customer_id: CustomerId,
    number: &str,
    date: NaiveDate,
    amount: &Money,
) -> Decision {
    let Some(customer) = state.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    if id < state.next_ids().order {
        return Err(Rejection::IdAlreadyUsed);
    }
    if number.trim().is_empty() {
        return Err(Rejection::NumberEmpty);
    }
    check_text(number, Field::Number)?;
    check_date(date)?;
    check_amount(amount, customer.details.currency)?;
    Ok(vec![Entry::OrderOpened {
        id,
        customer: customer_id,
        number: number.trim().to_string(),
        date,
        amount: *amount,
    }])
}

fn close_order(state: &Portfolio, id: OrderId, date: NaiveDate, closure: OrderClosure) -> Decision {
    let Some(order) = state.order(id) else {
        return Err(Rejection::UnknownOrder);
    };
    if order.closed.is_some() {
        return Err(Rejection::OrderClosed);
    }
    check_date(date)?;
    Ok(vec![Entry::OrderClosed { id, date, closure }])
}

fn open_dispute(
    state: &Portfolio,
    id: DisputeId,
    invoice_id: InvoiceId,
    date: NaiveDate,
    amount: Option<Decimal>,
    reason: &str,
) -> Decision {
    let Some(invoice) = state.invoice(invoice_id) else {
        return Err(Rejection::UnknownInvoice);
    };
    if id < state.next_ids().dispute {
        return Err(Rejection::IdAlreadyUsed);
    }
    check_date(date)?;
    check_text(reason, Field::Reason)?;
    let open = invoice.open() - invoice.disputed;
    if invoice.open() <= Decimal::ZERO {
        return Err(Rejection::InvoiceSettled);
    }
    let amount = amount.unwrap_or(open);
    if amount <= Decimal::ZERO {
        return Err(Rejection::AmountNotPositive);
    }
    if amount.normalize().scale() > invoice.amount.currency.minor_units() {
        return Err(Rejection::TooManyDecimals {
            allowed: invoice.amount.currency.minor_units(),
        });
    }
    if amount > open {
        return Err(Rejection::DisputeAboveOpen { open });
    }
    Ok(vec![Entry::DisputeOpened {
        id,
        invoice: invoice_id,
        date,
        amount,
        reason: reason.trim().to_string(),
    }])
}

fn resolve_dispute(
    state: &Portfolio,
    id: DisputeId,
    date: NaiveDate,
    outcome: DisputeOutcome,
) -> Decision {
    let Some(dispute) = state.dispute(id) else {
        return Err(Rejection::UnknownDispute);
    };
    if dispute.resolved.is_some() {
        return Err(Rejection::DisputeResolved);
    }
    check_date(date)?;
    Ok(vec![Entry::DisputeResolved { id, date, outcome }])
}

fn add_credit_record(
    state: &Portfolio,
    customer_id: CustomerId,
    recorded_on: NaiveDate,
    record: &CreditRecord,
) -> Decision {
    let Some(customer) = state.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    check_date(recorded_on)?;
    check_date(record.date())?;
    let record = match record {
        CreditRecord::Report(report) => {
            if report.agency.trim().is_empty() {
                return Err(Rejection::AgencyEmpty);
            }
            if report.rating.trim().is_empty() {
                return Err(Rejection::RatingEmpty);
            }
            check_text(&report.agency, Field::Name)?;
            check_text(&report.rating, Field::Rating)?;
            check_text_max(&report.notes, Field::Reason, NOTES_LEN_MAX)?;
            if let Some(limit) = &report.recommended_limit {
                check_amount(limit, customer.details.currency)?;
            }
            CreditRecord::Report(crate::credit::CreditReport {
                agency: report.agency.trim().to_string(),
                rating: report.rating.trim().to_string(),
                notes: report.notes.trim().to_string(),
                ..report.clone()
            })
        }
        CreditRecord::Statement(statement) => {
            check_statement(statement)?;
            record.clone()
        }
        CreditRecord::Reference(reference) => {
            check_text(&reference.source, Field::Name)?;
            check_text_max(&reference.findings, Field::Reason, NOTES_LEN_MAX)?;
            record.clone()
        }
        CreditRecord::Visit(visit) => {
            check_text(&visit.who, Field::Name)?;
            check_text_max(&visit.findings, Field::Reason, NOTES_LEN_MAX)?;
            record.clone()
        }
        CreditRecord::Signal(signal) => {
            check_text(&signal.source, Field::Name)?;
            check_text_max(&signal.notes, Field::Reason, NOTES_LEN_MAX)?;
            record.clone()
        }
    };
    Ok(vec![Entry::CreditRecordAdded {
        customer: customer_id,
        recorded_on,
        record,
    }])
}

/// Statement lines may carry up to 2 decimals and lie within ± `amount_max`, which keeps every
/// ratio and Z″ product far from Decimal's limits. Balance is only warned about
/// (`credit::statement_warnings`), never refused: published figures do not always add up.
fn check_statement(statement: &FinancialStatement) -> Result<(), Rejection> {
    if statement
        .total_assets
        .is_some_and(|assets| assets < Decimal::ZERO)
    {
        return Err(Rejection::NegativeTotalAssets);
    }
    let lines = [
        ("current_assets", statement.current_assets, false),
        ("total_assets", statement.total_assets, false),
        ("current_liabilities", statement.current_liabilities, false),
        ("total_liabilities", statement.total_liabilities, false),
        ("equity", statement.equity, true),
        ("retained_earnings", statement.retained_earnings, true),
        ("inventory", statement.inventory, false),
        ("cash", statement.cash, false),
        ("revenue", statement.revenue, false),
        ("ebit", statement.ebit, true),
        ("net_profit", statement.net_profit, true),
        ("interest_expense", statement.interest_expense, false),
    ];
    for (line, value, may_be_negative) in lines {
        let Some(value) = value else { continue };
        if !may_be_negative && value < Decimal::ZERO {
            return Err(Rejection::StatementLineNegative {
                line: line.to_string(),
            });
        }
        if value.normalize().scale() > 2 {
            return Err(Rejection::TooManyDecimals { allowed: 2 });
        }
        if value.abs() > amount_max() {
            return Err(Rejection::AmountTooLarge);
        }
    }
    Ok(())
}

fn change_policy(state: &Portfolio, date: NaiveDate, policy: &CreditPolicy) -> Decision {
    check_date(date)?;
    validate_policy(policy).map_err(Rejection::PolicyInvalid)?;
    let expected = state.policy().version.saturating_add(1);
    if policy.version != expected {
        return Err(Rejection::PolicyVersionNotNext { expected });
    }
    Ok(vec![Entry::PolicyChanged {
        date,
        policy: Box::new(policy.clone()),
    }])
}

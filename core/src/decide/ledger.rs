//! `decide` for the ledger: customers, invoices, payments and credit notes with their
//! allocation (oldest first unless the user allocates), write-offs, orders and disputes.

use crate::base::ids::*;
use crate::base::input::TERMS_DAYS_MAX;
use crate::base::money::{Amount, Currency};
use crate::decide::command::{AllocationChoice, DisputeDetails};
use crate::decide::rejection::{Decision, Field, Rejection};
use crate::decide::rules::*;
use crate::journal::Portfolio;
use crate::ledger::*;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

pub(super) fn register_customer(
    state: &Portfolio,
    id: CustomerId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    details: &CustomerDetails,
) -> Decision {
    if id < state.next_ids().customer {
        return Err(Rejection::IdAlreadyUsed);
    }
    check_date(date)?;
    check_not_after(date, recorded_on)?;
    check_details(state, id, details)?;
    Ok(vec![LedgerEntry::CustomerRegistered {
        id,
        date,
        details: trimmed(details),
    }
    .into()])
}

pub(super) fn change_customer_since(
    state: &Portfolio,
    id: CustomerId,
    since: NaiveDate,
    recorded_on: NaiveDate,
) -> Decision {
    let Some(customer) = state.ledger.customer(id) else {
        return Err(Rejection::UnknownCustomer);
    };
    check_date(since)?;
    check_not_after(since, recorded_on)?;
    if let Some(first) = state.ledger.first_record_on(customer) {
        if since > first {
            return Err(Rejection::SinceAfterFirstRecord { first });
        }
    }
    Ok(vec![LedgerEntry::CustomerSinceChanged { id, since }.into()])
}

/// Once a customer has any record in its currency, the currency cannot change: it would
/// mix currencies in one account (a limit of 100,000 CNY must not become 100,000 USD).
pub fn currency_locked(state: &Portfolio, customer: &Customer) -> bool {
    !customer.invoices.is_empty()
        || !customer.payments.is_empty()
        || !customer.credit_notes.is_empty()
        || !customer.orders.is_empty()
        || !state.limits.request_ids_of(customer.id).is_empty()
}

pub(super) fn update_customer(
    state: &Portfolio,
    id: CustomerId,
    details: &CustomerDetails,
) -> Decision {
    let Some(customer) = state.ledger.customer(id) else {
        return Err(Rejection::UnknownCustomer);
    };
    check_details(state, id, details)?;
    // Credit notes count too: their unapplied credit is held in the customer's currency.
    if currency_locked(state, customer) && details.currency != customer.details.currency {
        return Err(Rejection::CurrencyLocked);
    }
    Ok(vec![LedgerEntry::CustomerUpdated {
        id,
        details: trimmed(details),
    }
    .into()])
}

#[allow(clippy::too_many_arguments)]
pub(super) fn issue_invoice(
    state: &Portfolio,
    id: InvoiceId,
    customer_id: CustomerId,
    number: &str,
    issue_date: NaiveDate,
    terms_days: Option<u32>,
    due_date: Option<NaiveDate>,
    amount: &Amount,
) -> Decision {
    let Some(customer) = state.ledger.customer(customer_id) else {
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
    if state.ledger.invoice_by_number(number).is_some() {
        return Err(Rejection::DuplicateInvoiceNumber {
            number: number.to_string(),
        });
    }
    check_date(issue_date)?;
    check_customer_since(customer, issue_date)?;
    let typed_terms = terms_days;
    let terms_days = terms_days.unwrap_or(customer.details.payment_terms_days);
    if terms_days > TERMS_DAYS_MAX {
        return Err(Rejection::TermsOutOfRange {
            max: TERMS_DAYS_MAX,
        });
    }
    let by_terms = issue_date + Duration::days(i64::from(terms_days));
    // Terms and a due date typed together must agree: one silently winning hides a mistake.
    if let (Some(_), Some(due)) = (typed_terms, due_date) {
        if due != by_terms {
            return Err(Rejection::TermsDisagreeWithDueDate { by_terms });
        }
    }
    let due_date = due_date.unwrap_or(by_terms);
    check_date(due_date)?;
    if due_date < issue_date {
        return Err(Rejection::DueBeforeIssue);
    }
    check_currency(amount.currency(), customer.details.currency)?;
    Ok(vec![LedgerEntry::InvoiceIssued {
        id,
        customer: customer_id,
        number: number.to_string(),
        issue_date,
        due_date,
        terms_days,
        amount: *amount,
    }
    .into()])
}

/// Open invoices of a customer that were issued on or before `date`, oldest due date first.
pub(super) fn open_invoices_oldest_first(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
) -> Vec<(InvoiceId, Decimal)> {
    let mut open: Vec<&Invoice> = customer
        .invoices
        .iter()
        .filter_map(|id| state.ledger.invoice(*id))
        .filter(|invoice| invoice.open() > Decimal::ZERO && invoice.issue_date <= date)
        .collect();
    open.sort_by_key(|invoice| (invoice.due_date, invoice.issue_date, invoice.id));
    open.into_iter()
        .map(|invoice| (invoice.id, invoice.open()))
        .collect()
}

/// Turns an allocation choice into checked allocations for `amount`, which is in the
/// customer's currency (checked before).
pub(super) fn allocate(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
    amount: &Amount,
    choice: &AllocationChoice,
) -> Result<Vec<Allocation>, Rejection> {
    match choice {
        AllocationChoice::Unapplied => Ok(Vec::new()),
        AllocationChoice::OldestFirst => {
            let mut remaining = amount.value();
            let mut allocations = Vec::new();
            for (invoice, open) in open_invoices_oldest_first(state, customer, date) {
                if remaining.is_zero() {
                    break;
                }
                let part = open.min(remaining);
                allocations.push(Allocation {
                    invoice,
                    amount: part_of(part, amount.currency())?,
                });
                remaining -= part;
            }
            Ok(allocations)
        }
        AllocationChoice::Manual(allocations) => {
            check_manual_allocations(state, customer, date, amount.value(), allocations)
        }
    }
}

/// The user's allocations, each to an open invoice of this customer issued by `date`, in that
/// invoice's currency and within what is open on it, together within `amount`.
pub(super) fn check_manual_allocations(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
    amount: Decimal,
    allocations: &[Allocation<Amount>],
) -> Result<Vec<Allocation>, Rejection> {
    let mut total = Decimal::ZERO;
    for (position, allocation) in allocations.iter().enumerate() {
        let Some(invoice) = state.ledger.invoice(allocation.invoice) else {
            return Err(Rejection::AllocationToUnknownInvoice);
        };
        if invoice.customer != customer.id {
            return Err(Rejection::AllocationToOtherCustomer);
        }
        check_currency(allocation.amount.currency(), invoice.amount.currency())?;
        if invoice.issue_date > date {
            return Err(Rejection::AllocationBeforeIssue {
                invoice: invoice.number.clone(),
            });
        }
        // Two allocations to one invoice count together against its open amount.
        let earlier: Decimal = allocations[..position]
            .iter()
            .filter(|other| other.invoice == allocation.invoice)
            .map(|other| other.amount.value())
            .sum();
        if earlier + allocation.amount.value() > invoice.open() {
            return Err(Rejection::AllocationAboveOpen {
                invoice: invoice.number.clone(),
                open: invoice.open(),
            });
        }
        total += allocation.amount.value();
    }
    if total > amount {
        return Err(Rejection::AllocationsExceedAmount);
    }
    Ok(allocations
        .iter()
        .map(|allocation| Allocation {
            invoice: allocation.invoice,
            amount: allocation.amount.part(),
        })
        .collect())
}

pub(super) fn receive_payment(
    state: &Portfolio,
    id: PaymentId,
    customer_id: CustomerId,
    date: NaiveDate,
    amount: &Amount,
    reference: &str,
    choice: &AllocationChoice,
) -> Decision {
    let Some(customer) = state.ledger.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    if id < state.next_ids().payment {
        return Err(Rejection::IdAlreadyUsed);
    }
    check_date(date)?;
    check_customer_since(customer, date)?;
    check_currency(amount.currency(), customer.details.currency)?;
    check_text(reference, Field::Reason)?;
    let allocations = allocate(state, customer, date, amount, choice)?;
    Ok(vec![LedgerEntry::PaymentReceived {
        id,
        customer: customer_id,
        date,
        amount: *amount,
        reference: reference.trim().to_string(),
        allocations,
    }
    .into()])
}

#[allow(clippy::too_many_arguments)]
pub(super) fn issue_credit_note(
    state: &Portfolio,
    id: CreditNoteId,
    customer_id: CustomerId,
    number: &str,
    date: NaiveDate,
    amount: &Amount,
    reason: &str,
    choice: &AllocationChoice,
) -> Decision {
    let Some(customer) = state.ledger.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    if id < state.next_ids().credit_note {
        return Err(Rejection::IdAlreadyUsed);
    }
    if number.trim().is_empty() {
        return Err(Rejection::NumberEmpty);
    }
    check_text(number, Field::Number)?;
    if state.ledger.credit_note_by_number(number.trim()).is_some() {
        return Err(Rejection::DuplicateCreditNoteNumber {
            number: number.trim().to_string(),
        });
    }
    check_text(reason, Field::Reason)?;
    check_date(date)?;
    check_customer_since(customer, date)?;
    check_currency(amount.currency(), customer.details.currency)?;
    let allocations = allocate(state, customer, date, amount, choice)?;
    Ok(vec![LedgerEntry::CreditNoteIssued {
        id,
        customer: customer_id,
        number: number.trim().to_string(),
        date,
        amount: *amount,
        reason: reason.trim().to_string(),
        allocations,
    }
    .into()])
}

pub(super) fn write_off(
    state: &Portfolio,
    invoice_id: InvoiceId,
    date: NaiveDate,
    amount: Option<&Amount>,
    reason: &str,
) -> Decision {
    let Some(invoice) = state.ledger.invoice(invoice_id) else {
        return Err(Rejection::UnknownInvoice);
    };
    check_date(date)?;
    check_not_before_issue(invoice, date)?;
    check_text(reason, Field::Reason)?;
    let open = invoice.open();
    if open <= Decimal::ZERO {
        return Err(Rejection::InvoiceSettled);
    }
    let amount = part_or_all(amount, open, invoice.amount.currency())?;
    if amount.value() > open {
        return Err(Rejection::WriteOffAboveOpen { open });
    }
    Ok(vec![LedgerEntry::InvoiceWrittenOff {
        invoice: invoice_id,
        date,
        amount,
        reason: reason.trim().to_string(),
    }
    .into()])
}

/// A write-off's or dispute's amount as a part of the invoice's `currency`: the one given, once
/// its currency is the invoice's, or else all of `open`.
fn part_or_all(
    amount: Option<&Amount>,
    open: Decimal,
    currency: Currency,
) -> Result<crate::base::money::Part, Rejection> {
    match amount {
        Some(amount) => {
            check_currency(amount.currency(), currency)?;
            Ok(amount.part())
        }
        None => part_of(open, currency),
    }
}

pub(super) fn open_order(
    state: &Portfolio,
    id: OrderId,
    customer_id: CustomerId,
    number: &str,
    date: NaiveDate,
    amount: &Amount,
) -> Decision {
    let Some(customer) = state.ledger.customer(customer_id) else {
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
    check_customer_since(customer, date)?;
    check_currency(amount.currency(), customer.details.currency)?;
    Ok(vec![LedgerEntry::OrderOpened {
        id,
        customer: customer_id,
        number: number.trim().to_string(),
        date,
        amount: *amount,
    }
    .into()])
}

pub(super) fn close_order(
    state: &Portfolio,
    id: OrderId,
    date: NaiveDate,
    closure: OrderClosure,
) -> Decision {
    let Some(order) = state.ledger.order(id) else {
        return Err(Rejection::UnknownOrder);
    };
    if order.closed.is_some() {
        return Err(Rejection::OrderClosed);
    }
    check_date(date)?;
    Ok(vec![LedgerEntry::OrderClosed { id, date, closure }.into()])
}

pub(super) fn open_dispute(
    state: &Portfolio,
    id: DisputeId,
    invoice_id: InvoiceId,
    date: NaiveDate,
    amount: Option<&Amount>,
    reason: &str,
    details: &DisputeDetails,
) -> Decision {
    let Some(invoice) = state.ledger.invoice(invoice_id) else {
        return Err(Rejection::UnknownInvoice);
    };
    if id < state.next_ids().dispute {
        return Err(Rejection::IdAlreadyUsed);
    }
    check_date(date)?;
    check_not_before_issue(invoice, date)?;
    check_text(reason, Field::Reason)?;
    check_text_max(
        &details.notes,
        Field::Comment,
        crate::base::input::NOTES_LEN_MAX,
    )?;
    if let Some(owner) = details.owner {
        state.team.user(owner).ok_or(Rejection::UnknownUser)?;
    }
    let open = invoice.open() - invoice.disputed;
    if invoice.open() <= Decimal::ZERO {
        return Err(Rejection::InvoiceSettled);
    }
    let amount = part_or_all(amount, open, invoice.amount.currency())?;
    if amount.value() > open {
        return Err(Rejection::DisputeAboveOpen { open });
    }
    Ok(vec![LedgerEntry::DisputeOpened {
        id,
        invoice: invoice_id,
        date,
        amount,
        reason: reason.trim().to_string(),
        category: details.category,
        notes: details.notes.trim().to_string(),
        owner: details.owner,
    }
    .into()])
}

pub(super) fn resolve_dispute(
    state: &Portfolio,
    id: DisputeId,
    date: NaiveDate,
    outcome: DisputeOutcome,
) -> Decision {
    let Some(dispute) = state.ledger.dispute(id) else {
        return Err(Rejection::UnknownDispute);
    };
    if dispute.resolved.is_some() {
        return Err(Rejection::DisputeResolved);
    }
    check_date(date)?;
    Ok(vec![
        LedgerEntry::DisputeResolved { id, date, outcome }.into()
    ])
}

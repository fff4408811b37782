//! `decide` for payment plans and for write-offs with four eyes: one profile proposes, another
//! with the authority for the amount (the authority matrix of the policy in force on the
//! decision's date) approves or rejects; the approval writes the invoice off in the ledger.

use crate::base::ids::{CustomerId, InvoiceId, PlanId, ProposalId, UserId};
use crate::base::money::{Amount, Money};
use crate::collections::{planned_invoices, CollectionsEntry, Instalment, WriteOffProposal};
use crate::decide::collections::{collector, TOLERANCE_DAYS_MAX};
use crate::decide::command::InstalmentInput;
use crate::decide::limits::{user, user_with};
use crate::decide::rejection::{Decision, Field, Rejection};
use crate::decide::rules::*;
use crate::journal::Portfolio;
use crate::ledger::as_of::customer_invoices_on;
use crate::ledger::{Invoice, LedgerEntry};
use crate::policy::CreditPolicy;
use crate::team::Role;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The lowest role that may approve writing off `amount`: the authority matrix's band for the
/// amount in the base currency (the last band's role when there is no rate).
pub fn write_off_role(policy: &CreditPolicy, amount: &Money) -> Role {
    let limits = &policy.limits;
    limits.approver_role(limits.to_base(amount.amount, amount.currency))
}

fn check_reason(reason: &str) -> Result<(), Rejection> {
    if reason.trim().is_empty() {
        return Err(Rejection::ReasonEmpty);
    }
    check_text(reason, Field::Reason)
}

/// What is open on the invoice, when anything is.
fn open_on(invoice: &Invoice) -> Result<Decimal, Rejection> {
    let open = invoice.open();
    if open <= Decimal::ZERO {
        return Err(Rejection::InvoiceSettled);
    }
    Ok(open)
}

pub(super) fn propose_write_off(
    state: &Portfolio,
    id: ProposalId,
    invoice_id: InvoiceId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    by: UserId,
    amount: Option<&Amount>,
    reason: &str,
) -> Decision {
    let invoice = state
        .ledger
        .invoice(invoice_id)
        .ok_or(Rejection::UnknownInvoice)?;
    if id < state.collections.next_proposal() {
        return Err(Rejection::IdAlreadyUsed);
    }
    collector(state, by)?;
    check_date(date)?;
    check_not_after(date, recorded_on)?;
    check_not_before_issue(invoice, date)?;
    check_reason(reason)?;
    let open = open_on(invoice)?;
    let amount = match amount {
        Some(amount) => {
            check_currency(amount.currency(), invoice.amount.currency())?;
            *amount
        }
        None => Amount::try_new(open, invoice.amount.currency())
            .map_err(|error| Rejection::for_amount(&error))?,
    };
    if amount.value() > open {
        return Err(Rejection::WriteOffAboveOpen { open });
    }
    let pending = state.collections.write_offs.iter();
    if pending
        .filter(|p| p.is_pending())
        .any(|p| p.invoice == invoice_id)
    {
        return Err(Rejection::WriteOffPending);
    }
    Ok(vec![CollectionsEntry::WriteOffProposed {
        id,
        invoice: invoice_id,
        customer: invoice.customer,
        date,
        by,
        amount,
        reason: reason.trim().to_string(),
    }
    .into()])
}

/// The proposal, when it waits for a decision by `by` (not its proposer) with the authority
/// for its amount, dated from the proposal to the day it is entered.
fn decidable(
    state: &Portfolio,
    id: ProposalId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    by: UserId,
) -> Result<&WriteOffProposal, Rejection> {
    let proposal = state
        .collections
        .proposal(id)
        .ok_or(Rejection::UnknownProposal)?;
    if !proposal.is_pending() {
        return Err(Rejection::ProposalDecided);
    }
    user(state, by)?;
    if proposal.by == by {
        return Err(Rejection::OwnProposal);
    }
    check_date(date)?;
    check_not_after(date, recorded_on)?;
    if date < proposal.date {
        return Err(Rejection::DecisionBeforeProposal);
    }
    let required = write_off_role(&state.policy_on(date), &proposal.amount.money());
    user_with(state, by, required)?;
    Ok(proposal)
}

pub(super) fn approve_write_off(
    state: &Portfolio,
    id: ProposalId,
    days: (NaiveDate, NaiveDate),
    by: UserId,
) -> Decision {
    let proposal = decidable(state, id, days, by)?;
    let invoice = (state.ledger.invoice(proposal.invoice)).ok_or(Rejection::UnknownInvoice)?;
    let open = open_on(invoice)?;
    if proposal.amount.value() > open {
        return Err(Rejection::WriteOffAboveOpen { open });
    }
    Ok(vec![
        CollectionsEntry::WriteOffApproved {
            proposal: id,
            date: days.0,
            by,
        }
        .into(),
        LedgerEntry::InvoiceWrittenOff {
            invoice: proposal.invoice,
            date: days.0,
            amount: proposal.amount.part(),
            reason: proposal.reason.clone(),
        }
        .into(),
    ])
}

pub(super) fn reject_write_off(
    state: &Portfolio,
    id: ProposalId,
    days: (NaiveDate, NaiveDate),
    by: UserId,
    reason: &str,
) -> Decision {
    decidable(state, id, days, by)?;
    check_reason(reason)?;
    Ok(vec![CollectionsEntry::WriteOffRejected {
        proposal: id,
        date: days.0,
        by,
        reason: reason.trim().to_string(),
    }
    .into()])
}

/// What is open on the plan's invoices on `date`, each checked: the customer's, open, and in
/// no plan current on that date.
fn plan_open(
    state: &Portfolio,
    customer_id: CustomerId,
    invoices: &[InvoiceId],
    date: NaiveDate,
) -> Result<Decimal, Rejection> {
    let customer = state
        .ledger
        .customer(customer_id)
        .ok_or(Rejection::UnknownCustomer)?;
    let open_on: Vec<(InvoiceId, Decimal)> = customer_invoices_on(&state.ledger, customer, date)
        .into_iter()
        .map(|(invoice, open)| (invoice.id, open))
        .collect();
    let planned = planned_invoices(&state.ledger, &state.collections, date);
    let mut total = Decimal::ZERO;
    for id in invoices {
        let invoice = state.ledger.invoice(*id).ok_or(Rejection::UnknownInvoice)?;
        let number = || invoice.number.clone();
        if invoice.customer != customer_id {
            return Err(Rejection::PlanInvoiceOfOtherCustomer { invoice: number() });
        }
        let open = (open_on.iter().find(|(at, _)| at == id)).map_or(Decimal::ZERO, |(_, o)| *o);
        if open <= Decimal::ZERO {
            return Err(Rejection::PlanInvoiceNotOpen { invoice: number() });
        }
        if planned.contains(id) {
            return Err(Rejection::PlanOverlaps { invoice: number() });
        }
        total += open;
    }
    Ok(total)
}

/// The instalments: in the customer's currency, dated from the plan on, strictly increasing.
fn check_instalments(
    instalments: &[InstalmentInput],
    currency: crate::base::money::Currency,
    date: NaiveDate,
) -> Result<Decimal, Rejection> {
    let mut previous: Option<NaiveDate> = None;
    let mut sum = Decimal::ZERO;
    for instalment in instalments {
        check_currency(instalment.amount.currency(), currency)?;
        check_date(instalment.due)?;
        if instalment.due < date {
            return Err(Rejection::InstalmentBeforePlan);
        }
        if previous.is_some_and(|previous| instalment.due <= previous) {
            return Err(Rejection::PlanDatesNotIncreasing);
        }
        previous = Some(instalment.due);
        sum += instalment.amount.value();
    }
    Ok(sum)
}

pub(super) fn agree_plan(
    state: &Portfolio,
    id: PlanId,
    customer_id: CustomerId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    by: UserId,
    (invoices, instalments, tolerance_days): (&[InvoiceId], &[InstalmentInput], u32),
) -> Decision {
    let customer = state
        .ledger
        .customer(customer_id)
        .ok_or(Rejection::UnknownCustomer)?;
    if id < state.collections.next_plan() {
        return Err(Rejection::IdAlreadyUsed);
    }
    collector(state, by)?;
    check_date(date)?;
    check_not_after(date, recorded_on)?;
    check_customer_since(customer, date)?;
    let mut invoices = invoices.to_vec();
    invoices.sort();
    invoices.dedup();
    if invoices.is_empty() || instalments.is_empty() {
        return Err(Rejection::PlanEmpty);
    }
    let open = plan_open(state, customer_id, &invoices, date)?;
    let sum = check_instalments(instalments, customer.details.currency, date)?;
    if sum != open {
        return Err(Rejection::PlanSumMismatch {
            open,
            instalments: sum,
        });
    }
    if tolerance_days > TOLERANCE_DAYS_MAX {
        return Err(Rejection::ToleranceTooLong {
            max: TOLERANCE_DAYS_MAX,
        });
    }
    let instalments = (instalments.iter())
        .map(|i| Instalment {
            due: i.due,
            amount: i.amount,
        })
        .collect();
    Ok(vec![CollectionsEntry::PlanAgreed {
        id,
        customer: customer_id,
        date,
        by,
        invoices,
        instalments,
        tolerance_days,
    }
    .into()])
}

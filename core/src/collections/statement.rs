//! The statement of account (对账单) of one customer as of a date: its open items on that
//! date (ARCHITECTURE.md, Conventions: as of a date), each with its aging bucket, days
//! overdue and late interest so far, and the totals per currency. Interest is stated on
//! open items only; an invoice paid late owes the interest up to its payment
//! (`late_interest` works it out), which the statement does not list.

use crate::base::ids::{CustomerId, InvoiceId};
use crate::base::money::Currency;
use crate::collections::interest::{late_interest, LateInterest};
use crate::ledger::as_of::{customer_dated_reductions, customer_invoices_on, unapplied_on};
use crate::ledger::reports::{Aging, AgingBuckets};
use crate::ledger::{Customer, Ledger};
use crate::policy::InterestRate;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One open item on the statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementItem {
    pub invoice: InvoiceId,
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    /// The invoice's amount as issued.
    pub amount: Decimal,
    /// What is open on it on the statement's date.
    pub open: Decimal,
    /// Days past due on the statement's date; zero or less is not due.
    pub days_overdue: i64,
    pub bucket: usize,
    pub interest: LateInterest,
}

/// The totals of one currency's items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyTotals {
    pub currency: Currency,
    pub aging: Aging,
    /// The sum of the items' interest, each rounded once.
    pub interest: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementOfAccount {
    pub customer: CustomerId,
    pub as_of: NaiveDate,
    /// Open items, oldest due date first.
    pub items: Vec<StatementItem>,
    /// Per currency, in the order each first appears among the items.
    pub totals: Vec<CurrencyTotals>,
    /// Payments and credit notes not applied to any invoice, on the date.
    pub unapplied_cash: Decimal,
    pub unapplied_credit: Decimal,
}

impl StatementOfAccount {
    /// The items past due, the ones a reminder is about.
    pub fn overdue_items(&self) -> impl Iterator<Item = &StatementItem> {
        self.items.iter().filter(|item| item.days_overdue > 0)
    }
}

/// The customer's statement of account on `as_of`, with late interest at `rates`.
pub fn statement_of_account(
    ledger: &Ledger,
    customer: &Customer,
    rates: &[InterestRate],
    buckets: &AgingBuckets,
    as_of: NaiveDate,
) -> StatementOfAccount {
    let reductions = customer_dated_reductions(ledger, customer, as_of);
    let mut items: Vec<StatementItem> = Vec::new();
    for (invoice, open) in customer_invoices_on(ledger, customer, as_of) {
        if open <= Decimal::ZERO {
            continue;
        }
        let position = customer.invoices.binary_search(&invoice.id).unwrap_or(0);
        let dated = reductions.get(position).map_or(&[][..], Vec::as_slice);
        let currency = invoice.amount.currency();
        let days_overdue = invoice.days_past_due(as_of);
        items.push(StatementItem {
            invoice: invoice.id,
            number: invoice.number.clone(),
            issue_date: invoice.issue_date,
            due_date: invoice.due_date,
            currency,
            amount: invoice.amount.value(),
            open,
            days_overdue,
            bucket: buckets.bucket_of(days_overdue),
            interest: late_interest(
                invoice.amount.value(),
                invoice.due_date,
                dated,
                rates,
                as_of,
                currency.minor_units(),
            ),
        });
    }
    items.sort_by_key(|item| (item.due_date, item.invoice));
    let totals = totals(&items, buckets);
    let (unapplied_cash, unapplied_credit) = unapplied_on(ledger, customer, as_of);
    StatementOfAccount {
        customer: customer.id,
        as_of,
        items,
        totals,
        unapplied_cash,
        unapplied_credit,
    }
}

fn totals(items: &[StatementItem], buckets: &AgingBuckets) -> Vec<CurrencyTotals> {
    let mut totals: Vec<CurrencyTotals> = Vec::new();
    for item in items {
        let index = match totals.iter().position(|t| t.currency == item.currency) {
            Some(index) => index,
            None => {
                totals.push(CurrencyTotals {
                    currency: item.currency,
                    aging: Aging::empty(buckets),
                    interest: Decimal::ZERO,
                });
                totals.len() - 1
            }
        };
        totals[index].aging.add(item.bucket, item.open);
        totals[index].interest += item.interest.total;
    }
    totals
}

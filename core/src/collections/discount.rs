//! Early-payment discounts (e.g. 2/10 net 30): what a payment dated within a customer's
//! discount window is offered, invoice by invoice, as a credit note. The discount of an invoice
//! is its amount × percent ÷ 100, rounded once to the currency's minor units (half away from
//! zero), never more than what is open on it; it is offered while the payment's date is on or
//! before the issue date + the window's days.

use crate::base::ids::InvoiceId;
use crate::ledger::as_of::customer_invoices_on;
use crate::ledger::{Customer, Ledger};
use chrono::{Duration, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The discount offered on one invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountOffer {
    pub invoice: InvoiceId,
    pub number: String,
    pub amount: Decimal,
}

/// The discounts a payment from `customer` dated `paid_on` is offered: one per invoice open
/// then (issued by then) whose window has not closed, oldest due first; with `only`, for that
/// invoice alone (the one the payment is allocated to).
pub fn discount_offers(
    ledger: &Ledger,
    customer: &Customer,
    paid_on: NaiveDate,
    only: Option<InvoiceId>,
) -> Vec<DiscountOffer> {
    let Some(terms) = customer.details.discount else {
        return Vec::new();
    };
    let mut open = customer_invoices_on(ledger, customer, paid_on);
    open.sort_by_key(|(invoice, _)| (invoice.due_date, invoice.id));
    open.into_iter()
        .filter(|(invoice, _)| only.is_none_or(|only| only == invoice.id))
        .filter(|(invoice, open)| {
            *open > Decimal::ZERO
                && paid_on <= invoice.issue_date + Duration::days(i64::from(terms.days))
        })
        .map(|(invoice, open)| {
            let places = invoice.amount.currency().minor_units();
            let discount = (invoice.amount.value() * terms.percent / Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            DiscountOffer {
                invoice: invoice.id,
                number: invoice.number.clone(),
                amount: discount.min(open),
            }
        })
        .filter(|offer| offer.amount > Decimal::ZERO)
        .collect()
}

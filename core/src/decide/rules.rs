//! Rules every area's decisions share: text lengths, the dates and amounts accepted, and a
//! customer's master data.

use crate::base::ids::CustomerId;
use crate::base::input::{TERMS_DAYS_MAX, TEXT_LEN_MAX};
use crate::base::money::{Amount, Currency, Part};
use crate::decide::rejection::{Field, Rejection};
use crate::journal::Portfolio;
use crate::ledger::{Customer, CustomerDetails, Invoice};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

pub(crate) fn check_text(text: &str, field: Field) -> Result<(), Rejection> {
    check_text_max(text, field, TEXT_LEN_MAX)
}

pub(crate) fn check_text_max(text: &str, field: Field, max: usize) -> Result<(), Rejection> {
    if text.chars().count() > max {
        return Err(Rejection::TextTooLong { field, max });
    }
    Ok(())
}

/// A payment, credit note or write-off happened on or before the day it is entered: one dated
/// later (a typo in the year) would already lower today's overdue and move the credit check.
pub(crate) fn check_not_after(date: NaiveDate, recorded_on: NaiveDate) -> Result<(), Rejection> {
    if date > recorded_on {
        return Err(Rejection::DateInFuture { today: recorded_on });
    }
    Ok(())
}

/// Nothing of a customer's is dated before the customer was taken on ("customer since"): a
/// payment dated 1999 for a customer since 2024 is a typo in the year. An older relationship
/// is recorded by moving "customer since" back first (`ChangeCustomerSince`).
pub(crate) fn check_customer_since(customer: &Customer, date: NaiveDate) -> Result<(), Rejection> {
    if date < customer.registered_on {
        return Err(Rejection::DateBeforeCustomerSince {
            since: customer.registered_on,
        });
    }
    Ok(())
}

/// A write-off or dispute happens to an invoice that exists: not before its issue date.
pub(crate) fn check_not_before_issue(invoice: &Invoice, date: NaiveDate) -> Result<(), Rejection> {
    if date < invoice.issue_date {
        return Err(Rejection::DateBeforeInvoice {
            issued: invoice.issue_date,
        });
    }
    Ok(())
}

pub(crate) fn check_date(date: NaiveDate) -> Result<(), Rejection> {
    if !(1990..=2100).contains(&date.year()) {
        return Err(Rejection::DateOutOfRange);
    }
    Ok(())
}

/// A command's amount must be in the account's (or the invoice's) currency. Everything else
/// an amount must be — its decimals, its sign, its bound — its type guarantees: see
/// [`crate::base::money::amount`].
pub(crate) fn check_currency(found: Currency, expected: Currency) -> Result<(), Rejection> {
    if found != expected {
        return Err(Rejection::CurrencyMismatch {
            expected: expected.code().to_string(),
            found: found.code().to_string(),
        });
    }
    Ok(())
}

/// A figure worked out from the state (what is open on an invoice, what is left of a payment)
/// as a part of `currency`. Figures made from checked amounts always are one; one that is not
/// positive is refused as `AmountNotPositive` (a dispute of "all that is undisputed" when
/// nothing is).
pub(crate) fn part_of(value: Decimal, currency: Currency) -> Result<Part, Rejection> {
    Amount::try_new(value, currency)
        .map(|amount: Amount| amount.part())
        .map_err(|error| Rejection::for_amount(&error))
}

pub(crate) fn check_details(
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
    if let Some(other) = state.ledger.customer_by_number(details.number.trim()) {
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
    check_discount(details)
}

/// Early-payment discount terms: more than 0 and less than 100 percent, within a window of
/// at least one day that ends before the payment terms do.
fn check_discount(details: &CustomerDetails) -> Result<(), Rejection> {
    let Some(discount) = details.discount else {
        return Ok(());
    };
    if discount.percent <= Decimal::ZERO || discount.percent >= Decimal::ONE_HUNDRED {
        return Err(Rejection::DiscountPercentOutOfRange);
    }
    if discount.days == 0 || discount.days >= details.payment_terms_days {
        return Err(Rejection::DiscountDaysOutOfRange {
            terms: details.payment_terms_days,
        });
    }
    Ok(())
}

pub(crate) fn trimmed(details: &CustomerDetails) -> CustomerDetails {
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
        discount: details.discount,
    }
}

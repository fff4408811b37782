//! Whether a promise to pay was kept, derived from the payments as of a date.

use crate::collections::state::Promise;
use crate::ledger::Ledger;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromiseStatus {
    /// Not paid yet and the day (with its tolerance) has not passed: reminders wait.
    Pending,
    /// Paid in full, on `on` (the payment that completed it), within the tolerance.
    Kept { on: NaiveDate },
    /// The day and its tolerance passed with only `paid` of it received.
    PartlyKept { paid: Decimal },
    /// The day and its tolerance passed with nothing received.
    Broken,
}

impl PromiseStatus {
    /// Broken or only partly kept: reminders resume and it counts against the customer.
    pub fn is_broken(self) -> bool {
        matches!(
            self,
            PromiseStatus::Broken | PromiseStatus::PartlyKept { .. }
        )
    }
}

/// The last day a payment counts towards the promise.
pub fn deadline(promise: &Promise) -> NaiveDate {
    promise.due + Duration::days(i64::from(promise.tolerance_days))
}

/// The promise as of `as_of`: the customer's payments dated from the day it was made to its
/// deadline (and not after `as_of`) count, in the order of their dates.
pub fn promise_status(ledger: &Ledger, promise: &Promise, as_of: NaiveDate) -> PromiseStatus {
    let last = deadline(promise).min(as_of);
    let mut payments: Vec<(NaiveDate, Decimal)> = ledger
        .customer(promise.customer)
        .map(|customer| {
            (customer.payments.iter())
                .filter_map(|id| ledger.payment(*id))
                .filter(|p| p.date >= promise.date && p.date <= last)
                .map(|p| (p.date, p.amount.value()))
                .collect()
        })
        .unwrap_or_default();
    payments.sort();
    let mut paid = Decimal::ZERO;
    for (date, amount) in payments {
        paid += amount;
        if paid >= promise.amount.value() {
            return PromiseStatus::Kept { on: date };
        }
    }
    if as_of <= deadline(promise) {
        PromiseStatus::Pending
    } else if paid > Decimal::ZERO {
        PromiseStatus::PartlyKept { paid }
    } else {
        PromiseStatus::Broken
    }
}

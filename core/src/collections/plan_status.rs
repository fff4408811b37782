//! Where a payment plan stands on a date, derived from the payments. What counts towards a
//! plan is what the customer's payments dated from the plan's date (and by the day asked)
//! allocated to the plan's invoices, in date order; instalment *i* is paid on the day that
//! running total first reaches the sum of instalments 1..=i. Paid by its date: on time; paid
//! within the tolerance after it: late; not paid by then: missed. An unpaid instalment is not
//! late on its own date (due today is not due). A plan is current until an instalment is
//! missed; while it is current, its invoices leave the reminder ladder.

use crate::base::ids::{CustomerId, InvoiceId, PlanId};
use crate::base::money::Money;
use crate::collections::plans::Plan;
use crate::collections::state::Collections;
use crate::ledger::Ledger;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InstalmentStatus {
    /// Its date has not passed (or is today) and it is not paid yet.
    Upcoming,
    PaidOnTime {
        on: NaiveDate,
    },
    PaidLate {
        on: NaiveDate,
    },
    /// Past its date, unpaid, still within the tolerance.
    Late,
    /// The date and its tolerance passed without it being paid in full.
    Missed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanStatus {
    /// No instalment missed and some still to pay: the plan's invoices wait.
    Current,
    /// Every instalment paid.
    Completed,
    /// An instalment (the first missed, 0-based) was missed: reminders resume.
    Broken { missed: usize },
}

/// What was paid towards the plan, by payment date, as of `as_of`.
fn paid_towards(ledger: &Ledger, plan: &Plan, as_of: NaiveDate) -> Vec<(NaiveDate, Decimal)> {
    let invoices: HashSet<InvoiceId> = plan.invoices.iter().copied().collect();
    let mut paid: Vec<(NaiveDate, Decimal)> = ledger
        .customer(plan.customer)
        .map(|customer| {
            (customer.payments.iter())
                .filter_map(|id| ledger.payment(*id))
                .filter(|p| p.date >= plan.date && p.date <= as_of)
                .map(|p| {
                    let towards = (p.allocations.iter())
                        .filter(|a| invoices.contains(&a.invoice))
                        .map(|a| a.amount.value())
                        .sum::<Decimal>();
                    (p.date, towards)
                })
                .collect()
        })
        .unwrap_or_default();
    paid.sort();
    paid
}

/// Each instalment's status on `as_of`, in the plan's order.
pub fn instalment_statuses(
    ledger: &Ledger,
    plan: &Plan,
    as_of: NaiveDate,
) -> Vec<InstalmentStatus> {
    let paid = paid_towards(ledger, plan, as_of);
    let mut target = Decimal::ZERO;
    plan.instalments
        .iter()
        .map(|instalment| {
            target += instalment.amount.value();
            let deadline = instalment.due + Duration::days(i64::from(plan.tolerance_days));
            let mut total = Decimal::ZERO;
            let reached = paid.iter().find_map(|(date, amount)| {
                total += amount;
                (total >= target).then_some(*date)
            });
            match reached {
                Some(on) if on <= instalment.due => InstalmentStatus::PaidOnTime { on },
                Some(on) if on <= deadline => InstalmentStatus::PaidLate { on },
                _ if as_of <= instalment.due => InstalmentStatus::Upcoming,
                _ if as_of <= deadline => InstalmentStatus::Late,
                _ => InstalmentStatus::Missed,
            }
        })
        .collect()
}

pub fn plan_status(ledger: &Ledger, plan: &Plan, as_of: NaiveDate) -> PlanStatus {
    let statuses = instalment_statuses(ledger, plan, as_of);
    if let Some(missed) = statuses.iter().position(|s| *s == InstalmentStatus::Missed) {
        return PlanStatus::Broken { missed };
    }
    let paid = |s: &InstalmentStatus| {
        matches!(
            s,
            InstalmentStatus::PaidOnTime { .. } | InstalmentStatus::PaidLate { .. }
        )
    };
    if statuses.iter().all(paid) {
        PlanStatus::Completed
    } else {
        PlanStatus::Current
    }
}

/// The invoices a plan current on `as_of` (agreed by then) keeps out of the reminder ladder.
pub fn planned_invoices(
    ledger: &Ledger,
    collections: &Collections,
    as_of: NaiveDate,
) -> HashSet<InvoiceId> {
    collections
        .plans
        .iter()
        .filter(|plan| plan.date <= as_of)
        .filter(|plan| plan_status(ledger, plan, as_of) == PlanStatus::Current)
        .flat_map(|plan| plan.invoices.iter().copied())
        .collect()
}

/// An instalment missed, for the alerts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissedInstalment {
    pub plan: PlanId,
    pub customer: CustomerId,
    /// 0-based, in the plan's order.
    pub index: usize,
    #[serde(with = "crate::base::dates::date_serde")]
    pub due: NaiveDate,
    pub amount: Money,
    /// The last day it could have been paid: its date plus the plan's tolerance.
    #[serde(with = "crate::base::dates::date_serde")]
    pub deadline: NaiveDate,
}

/// Every instalment missed as of `as_of`, of plans agreed by then, in plan order.
pub fn missed_instalments(
    ledger: &Ledger,
    collections: &Collections,
    as_of: NaiveDate,
) -> Vec<MissedInstalment> {
    let mut missed = Vec::new();
    for plan in collections.plans.iter().filter(|p| p.date <= as_of) {
        let statuses = instalment_statuses(ledger, plan, as_of);
        for (index, (instalment, status)) in plan.instalments.iter().zip(statuses).enumerate() {
            if status == InstalmentStatus::Missed {
                missed.push(MissedInstalment {
                    plan: plan.id,
                    customer: plan.customer,
                    index,
                    due: instalment.due,
                    amount: instalment.amount.money(),
                    deadline: instalment.due + Duration::days(i64::from(plan.tolerance_days)),
                });
            }
        }
    }
    missed
}

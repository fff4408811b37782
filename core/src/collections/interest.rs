//! Late interest (逾期罚息), ARCHITECTURE.md, Conventions: late interest. Day-based: open
//! amount × annual rate × days overdue ÷ 365, on the reducing balance period by period. A
//! period starts at the due date and at each payment, credit note or write-off that lowers
//! the open amount, and at each rate change (each period runs at the rate then in force); it
//! ends the day before the next one starts. A reduction dated D lowers the open amount from
//! D on, so an invoice due on 1 January and paid in full on 31 January runs 30 days.
//!
//! Exact: every period's figure is kept as the exact product open × percent × days, summed,
//! divided once by 36,500 and rounded once, half away from zero, to the currency's minor
//! units — the one rounding point. The interest is a line of its own; it never changes the
//! invoice.

use crate::policy::InterestRate;
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// One period at one open amount and one rate: `from` inclusive, `to` exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterestPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub open: Decimal,
    pub percent: Decimal,
    pub days: i64,
}

/// An invoice's late interest as of a date: its periods and the total, rounded once.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LateInterest {
    pub periods: Vec<InterestPeriod>,
    pub total: Decimal,
}

/// The rate in force on `day`: the latest whose `from` is on or before it (none before the
/// table's first date).
pub fn rate_on(rates: &[InterestRate], day: NaiveDate) -> Option<Decimal> {
    rates
        .iter()
        .filter(|rate| rate.from <= day)
        .max_by_key(|rate| rate.from)
        .map(|rate| rate.percent)
}

/// The late interest on an invoice of `amount` due on `due`, reduced on the dates in
/// `reductions` (dated by `as_of`; any order), up to `as_of` exclusive (interest runs for
/// the days overdue, `as_of − due`). Zero when not overdue, when settled by the due date or
/// when no rate is in force. `minor_units`: the currency's.
pub fn late_interest(
    amount: Decimal,
    due: NaiveDate,
    reductions: &[(NaiveDate, Decimal)],
    rates: &[InterestRate],
    as_of: NaiveDate,
    minor_units: u32,
) -> LateInterest {
    if as_of <= due {
        return LateInterest::default();
    }
    let inside = |day: NaiveDate| day > due && day < as_of;
    let mut starts: Vec<NaiveDate> = reductions
        .iter()
        .map(|(day, _)| *day)
        .filter(|d| inside(*d))
        .collect();
    starts.extend(rates.iter().map(|rate| rate.from).filter(|d| inside(*d)));
    starts.push(due);
    starts.sort_unstable();
    starts.dedup();
    let mut periods = Vec::new();
    for (index, from) in starts.iter().enumerate() {
        let to = starts.get(index + 1).copied().unwrap_or(as_of);
        let reduced: Decimal = (reductions.iter())
            .filter(|(day, _)| day <= from)
            .map(|(_, value)| *value)
            .sum();
        let open = amount - reduced;
        let percent = rate_on(rates, *from).unwrap_or_default();
        if open > Decimal::ZERO && percent > Decimal::ZERO {
            let days = (to - *from).num_days();
            periods.push(InterestPeriod {
                from: *from,
                to,
                open,
                percent,
                days,
            });
        }
    }
    let exact: Decimal = (periods.iter())
        .map(|p| p.open * p.percent * Decimal::from(p.days))
        .sum();
    let total = (exact / Decimal::from(36_500))
        .round_dp_with_strategy(minor_units, RoundingStrategy::MidpointAwayFromZero);
    LateInterest { periods, total }
}

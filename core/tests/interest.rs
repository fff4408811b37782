//! Late interest goldens (ARCHITECTURE.md, Conventions: late interest): open amount × annual
//! rate × days ÷ 365, period by period on the reducing balance, at the rate in force in each
//! period, summed exactly and rounded once, half away from zero, to the currency's minor
//! units. Every figure below is worked out by hand in its comment.
//!
//! Dates: 2026 is not a leap year; 2026-01-31 → 2026-03-02 is 30 days (28 in February + 2).

mod common;

use common::*;
use creditdesk_core::collections::{late_interest, statement_of_account, InterestPeriod};
use creditdesk_core::ledger::reports::AgingBuckets;
use creditdesk_core::policy::InterestRate;
use creditdesk_core::*;
use rust_decimal::Decimal;

fn rate(from: &str, percent: &str) -> InterestRate {
    InterestRate {
        from: date(from),
        percent: dec(percent),
    }
}

fn eight() -> Vec<InterestRate> {
    vec![rate("2020-01-01", "8")]
}

/// Interest on 10,000.00 due 2026-01-31 at 8 % with these reductions, as of `as_of`.
fn on_ten_thousand(reductions: &[(&str, &str)], rates: &[InterestRate], as_of: &str) -> Decimal {
    let reductions: Vec<_> = reductions.iter().map(|(d, a)| (date(d), dec(a))).collect();
    late_interest(
        dec("10000.00"),
        date("2026-01-31"),
        &reductions,
        rates,
        date(as_of),
        2,
    )
    .total
}

#[test]
fn no_payment() {
    // 10,000.00 × 8 × 30 = 2,400,000; ÷ 36,500 = 65.7534… → 65.75
    assert_eq!(on_ten_thousand(&[], &eight(), "2026-03-02"), dec("65.75"));
}

#[test]
fn after_one_partial_payment() {
    // 4,000.00 paid 2026-02-15: 10,000 for 15 days (31 Jan – 14 Feb), 6,000 for 15 days
    // (15 Feb – 1 Mar). 10,000 × 8 × 15 = 1,200,000; 6,000 × 8 × 15 = 720,000;
    // 1,920,000 ÷ 36,500 = 52.6027… → 52.60
    let total = on_ten_thousand(&[("2026-02-15", "4000.00")], &eight(), "2026-03-02");
    assert_eq!(total, dec("52.60"));
}

#[test]
fn after_two_partial_payments() {
    // 4,000 on 15 Feb, 3,000 on 25 Feb: 10,000 × 15 days, 6,000 × 10 days, 3,000 × 5 days.
    // 1,200,000 + 480,000 + 120,000 = 1,800,000; ÷ 36,500 = 49.3150… → 49.32
    let reductions = [("2026-02-25", "3000.00"), ("2026-02-15", "4000.00")];
    let interest = late_interest(
        dec("10000.00"),
        date("2026-01-31"),
        &reductions.map(|(d, a)| (date(d), dec(a))),
        &eight(),
        date("2026-03-02"),
        2,
    );
    assert_eq!(interest.total, dec("49.32"));
    let days: Vec<(i64, Decimal)> = interest.periods.iter().map(|p| (p.days, p.open)).collect();
    assert_eq!(
        days,
        vec![
            (15, dec("10000.00")),
            (10, dec("6000.00")),
            (5, dec("3000.00"))
        ]
    );
}

#[test]
fn across_a_rate_change() {
    // 8 % until 19 Feb, 10 % from 20 Feb: 10,000 × 8 × 20 = 1,600,000 (31 Jan – 19 Feb);
    // 10,000 × 10 × 10 = 1,000,000 (20 Feb – 1 Mar); 2,600,000 ÷ 36,500 = 71.2328… → 71.23
    let rates = [rate("2020-01-01", "8"), rate("2026-02-20", "10")];
    let interest = late_interest(
        dec("10000.00"),
        date("2026-01-31"),
        &[],
        &rates,
        date("2026-03-02"),
        2,
    );
    assert_eq!(interest.total, dec("71.23"));
    assert_eq!(
        interest.periods[1],
        InterestPeriod {
            from: date("2026-02-20"),
            to: date("2026-03-02"),
            open: dec("10000.00"),
            percent: dec("10"),
            days: 10,
        }
    );
}

#[test]
fn a_payment_and_a_rate_change_split_the_same_period() {
    // 4,000 paid 15 Feb, rate 10 % from 20 Feb: 10,000 × 8 × 15 = 1,200,000;
    // 6,000 × 8 × 5 = 240,000 (15–19 Feb); 6,000 × 10 × 10 = 600,000 (20 Feb – 1 Mar);
    // 2,040,000 ÷ 36,500 = 55.8904… → 55.89
    let rates = [rate("2020-01-01", "8"), rate("2026-02-20", "10")];
    let total = on_ten_thousand(&[("2026-02-15", "4000.00")], &rates, "2026-03-02");
    assert_eq!(total, dec("55.89"));
}

#[test]
fn an_invoice_paid_late_runs_up_to_the_payment_only() {
    // Paid in full on 10 Feb: 10 days. 10,000 × 8 × 10 = 800,000; ÷ 36,500 = 21.9178… → 21.92,
    // the same asked in June as on the day of payment.
    let paid = [("2026-02-10", "10000.00")];
    assert_eq!(on_ten_thousand(&paid, &eight(), "2026-06-30"), dec("21.92"));
    assert_eq!(on_ten_thousand(&paid, &eight(), "2026-02-10"), dec("21.92"));
}

#[test]
fn zero_when_not_overdue() {
    // Due today is not overdue; before the due date nothing runs; paid by the due date nothing
    // is left; no rate in force before the table's first date.
    assert_eq!(on_ten_thousand(&[], &eight(), "2026-01-31"), Decimal::ZERO);
    assert_eq!(on_ten_thousand(&[], &eight(), "2026-01-10"), Decimal::ZERO);
    let paid = [("2026-01-30", "10000.00")];
    assert_eq!(
        on_ten_thousand(&paid, &eight(), "2026-03-02"),
        Decimal::ZERO
    );
    let later = [rate("2027-01-01", "8")];
    assert_eq!(on_ten_thousand(&[], &later, "2026-03-02"), Decimal::ZERO);
    assert_eq!(on_ten_thousand(&[], &[], "2026-03-02"), Decimal::ZERO);
}

#[test]
fn a_payment_before_the_due_date_lowers_the_first_period() {
    // 2,500 paid 20 Jan, before the due date: 7,500 × 8 × 30 = 1,800,000; ÷ 36,500 = 49.3150… → 49.32
    let total = on_ten_thousand(&[("2026-01-20", "2500.00")], &eight(), "2026-03-02");
    assert_eq!(total, dec("49.32"));
}

#[test]
fn to_the_cent_half_away_from_zero() {
    // 182.50 × 1 × 1 = 182.5; ÷ 36,500 = 0.005 exactly → 0.01 (half away from zero, not to even).
    let one = [rate("2020-01-01", "1")];
    let interest = late_interest(
        dec("182.50"),
        date("2026-01-31"),
        &[],
        &one,
        date("2026-02-01"),
        2,
    );
    assert_eq!(interest.total, dec("0.01"));
    // Rounded once, not per period: two one-day periods of 146.00 at 1 % (the rate restated on
    // 1 Feb splits them) are 146 + 146 = 292; ÷ 36,500 = 0.008 → 0.01, where rounding each
    // period (0.004 → 0.00) would give 0.00.
    let restated = [rate("2020-01-01", "1"), rate("2026-02-01", "1")];
    let interest = late_interest(
        dec("146.00"),
        date("2026-01-31"),
        &[],
        &restated,
        date("2026-02-02"),
        2,
    );
    assert_eq!(interest.periods.len(), 2);
    assert_eq!(interest.total, dec("0.01"));
    // Yen has no minor units: 100,000 × 8 × 30 = 24,000,000; ÷ 36,500 = 657.53… → 658
    let yen = late_interest(
        dec("100000"),
        date("2026-01-31"),
        &[],
        &eight(),
        date("2026-03-02"),
        0,
    );
    assert_eq!(yen.total, dec("658"));
}

#[test]
fn the_statement_states_interest_from_the_ledger_as_of_its_date() {
    // A CNY customer on 30-day terms: invoice of 10,000.00 issued 2026-01-01, due 2026-01-31;
    // 4,000.00 paid 2026-02-15. As of 2026-03-02 the statement shows 6,000.00 open, 30 days
    // overdue (bucket 1–30), interest 52.60 (as in `after_one_partial_payment`). As of
    // 2026-02-10 (before the payment): 10,000.00 open, 10 days, 10,000 × 8 × 10 = 800,000;
    // ÷ 36,500 = 21.92.
    let mut ledger = Ledger::default();
    ledger.director();
    let customer = ledger.register("C000001", "华信机械有限公司", Currency::CNY, 30);
    let invoice = ledger.invoice(customer, "INV-1", "2026-01-01", cny("10000.00"));
    ledger.pay(
        customer,
        "2026-02-15",
        cny("4000.00"),
        manual(&[(invoice, "4000.00")]),
    );
    let record = ledger.customer(customer).clone();
    let statement = |on: &str| {
        statement_of_account(
            &ledger.state.ledger,
            &record,
            &eight(),
            &AgingBuckets::default(),
            date(on),
        )
    };
    let march = statement("2026-03-02");
    assert_eq!(march.items.len(), 1);
    assert_eq!(march.items[0].open, dec("6000.00"));
    assert_eq!(march.items[0].days_overdue, 30);
    assert_eq!(march.items[0].bucket, 1);
    assert_eq!(march.totals[0].interest, dec("52.60"));
    assert_eq!(march.totals[0].aging.overdue(), dec("6000.00"));
    let february = statement("2026-02-10");
    assert_eq!(february.items[0].open, dec("10000.00"));
    assert_eq!(february.totals[0].interest, dec("21.92"));
    assert!(statement("2025-12-31").items.is_empty());
}

//! The demo portfolios S and M: deterministic per seed, the promised size and mix, and as
//! valid as user input (every record went through `decide_batch`). L is left to the
//! release-mode benchmark: generating it in a debug test would take too long.

mod common;

use chrono::NaiveDate;
use common::date;
use creditdesk_core::demo::{demo_commands, demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

fn as_of() -> NaiveDate {
    date("2026-11-23")
}

#[test]
fn the_same_seed_gives_the_same_portfolio_and_another_seed_another() {
    for size in [DemoSize::S, DemoSize::M] {
        let commands = |seed| demo_commands(size, seed, as_of()).expect("demo amounts");
        let first = commands(DEMO_SEED);
        assert_eq!(first, commands(DEMO_SEED), "{size:?}");
        assert_ne!(first, commands(DEMO_SEED + 1), "{size:?}");
    }
    let (entries, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of()).expect("valid");
    let (again, state_again) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of()).expect("valid");
    assert_eq!((entries, state), (again, state_again));
}

/// What a demo portfolio must show: (size, customers, invoices at least, invoices at most).
const SHAPES: [(DemoSize, usize, usize, usize); 2] = [
    (DemoSize::S, 50, 500, 2_500),
    (DemoSize::M, 1_000, 20_000, 30_000),
];

#[test]
fn demo_portfolios_have_the_promised_size_and_mix() {
    for (size, customers, invoices_min, invoices_max) in SHAPES {
        let (entries, state) = demo_portfolio(size, DEMO_SEED, as_of())
            .unwrap_or_else(|rejection| panic!("{size:?}: {rejection:?}"));
        assert_eq!(state.ledger.customers.len(), customers, "{size:?}");
        let invoices = state.ledger.invoices.len();
        assert!(
            (invoices_min..=invoices_max).contains(&invoices),
            "{size:?}: {invoices} invoices"
        );
        check_mix(size, &entries, &state);
        check_validity(size, &state);
    }
}

fn is_chinese(name: &str) -> bool {
    name.chars()
        .any(|character| ('\u{4e00}'..='\u{9fff}').contains(&character))
}

fn check_mix(size: DemoSize, entries: &[Entry], state: &Portfolio) {
    // The credit team and its limit decisions: every customer has a request, most approved,
    // and every temporary limit that ran out is on record, so the app has nothing to add.
    assert_eq!(state.team.users.len(), 5, "{size:?}: the demo team");
    assert_eq!(state.limits.requests.len(), state.ledger.customers.len());
    let approved = state
        .limits
        .requests
        .iter()
        .filter(|request| request.approved_on().is_some())
        .count();
    assert!(
        approved * 10 >= state.ledger.customers.len() * 8,
        "{size:?}: {approved} approved"
    );
    assert!(
        creditdesk_core::limits::lapses_due(&state.limits, as_of()).is_empty(),
        "{size:?}: lapses not on record"
    );
    if size != DemoSize::S {
        for kind in ["LimitLapsed", "LimitRejected", "HoldPlaced"] {
            let found = entries
                .iter()
                .any(|entry| format!("{entry:?}").starts_with(&format!("Limits({kind}")));
            assert!(found, "{size:?}: no {kind}");
        }
    }
    let names: Vec<&str> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.name.as_str())
        .collect();
    assert!(
        names.iter().any(|name| is_chinese(name)),
        "{size:?}: no Chinese names"
    );
    assert!(
        names
            .iter()
            .any(|name| name.is_ascii() && name.chars().any(char::is_alphabetic)),
        "{size:?}: no English names"
    );
    let terms: BTreeSet<u32> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.payment_terms_days)
        .collect();
    assert_eq!(terms, BTreeSet::from([30, 45, 60, 90]), "{size:?}");
    let written_off = entries
        .iter()
        .filter(|entry| matches!(entry, Entry::Ledger(LedgerEntry::InvoiceWrittenOff { .. })))
        .count();
    let partly_paid = state
        .ledger
        .invoices
        .iter()
        .filter(|i| i.paid > Decimal::ZERO && i.open() > Decimal::ZERO)
        .count();
    let open_disputes = state
        .ledger
        .disputes
        .iter()
        .filter(|d| d.resolved.is_none())
        .count();
    let resolved_disputes = state.ledger.disputes.len() - open_disputes;
    let open_orders = state
        .ledger
        .orders
        .iter()
        .filter(|o| o.closed.is_none())
        .count();
    // (what, how many, required in S): S's 50 customers make defaults (2 % of customers)
    // and still-open disputes rare enough that the demo seed has none.
    let counts = [
        ("credit notes", state.ledger.credit_notes.len(), true),
        ("resolved disputes", resolved_disputes, true),
        ("open orders", open_orders, true),
        ("partly paid invoices", partly_paid, true),
        ("payments", state.ledger.payments.len(), true),
        ("open disputes", open_disputes, false),
        ("write-offs", written_off, false),
    ];
    for (what, count, required_in_s) in counts {
        if size == DemoSize::M || required_in_s {
            assert!(count > 0, "{size:?}: no {what}");
        }
    }
    let currencies: BTreeSet<&str> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.currency.code())
        .collect();
    assert!(currencies.contains("CNY"), "{size:?}: {currencies:?}");
}

fn check_validity(size: DemoSize, state: &Portfolio) {
    let numbers: BTreeSet<&str> = state
        .ledger
        .customers
        .iter()
        .map(|c| c.details.number.as_str())
        .collect();
    assert_eq!(
        numbers.len(),
        state.ledger.customers.len(),
        "{size:?}: customer numbers repeat"
    );
    for invoice in &state.ledger.invoices {
        assert!(
            invoice.open() >= Decimal::ZERO,
            "{size:?}: {} open {}",
            invoice.number,
            invoice.open()
        );
        assert!(
            invoice.open() <= invoice.amount.value(),
            "{size:?}: {}",
            invoice.number
        );
        assert!(
            invoice.issue_date <= as_of() && invoice.due_date >= invoice.issue_date,
            "{size:?}: {}",
            invoice.number
        );
        assert!(
            invoice.settled_on.is_none_or(|settled| settled <= as_of()),
            "{size:?}: {}",
            invoice.number
        );
    }
    for payment in &state.ledger.payments {
        assert!(
            payment.date <= as_of() && payment.unapplied() >= Decimal::ZERO,
            "{size:?}: payment {:?}",
            payment.id
        );
    }
    for customer in &state.ledger.customers {
        assert!(
            customer.unapplied_cash >= Decimal::ZERO && customer.unapplied_credit >= Decimal::ZERO,
            "{size:?}: {}",
            customer.details.number
        );
    }
}

//! As of a date means as of that date: every figure counts only what was dated on or before
//! it. A golden ledger asked at five dates, with figures worked out by hand; and a property on
//! the demo: folding the journal up to D and asking as of D gives the same figures as the
//! whole journal asked as of D.

mod common;

use common::*;
use creditdesk_core::credit::score::score_all;
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::ledger::reports::*;
use creditdesk_core::*;
use rust_decimal::Decimal;

/// One CNY customer on 30 days:
/// - A 1,000.00 issued 2026-01-01 (due 01-31); B 500.00 issued 02-01 (due 03-03);
/// - 02-15 payment 600.00 oldest first → A open 400.00;
/// - 02-20 order 800.00, closed 03-25;
/// - 03-05 dispute on B of 200.00, resolved 03-20;
/// - 03-10 credit note 100.00 oldest first → A open 300.00;
/// - 03-31 payment 50.00 kept unapplied;
/// - 04-10 payment 300.00 oldest first → A settled.
fn golden() -> (Ledger, CustomerId) {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C1", "华东机械", Currency::CNY, 30);
    ledger.invoice(customer, "A", "2026-01-01", cny("1000.00"));
    let b = ledger.invoice(customer, "B", "2026-02-01", cny("500.00"));
    ledger.pay(
        customer,
        "2026-02-15",
        cny("600.00"),
        AllocationChoice::OldestFirst,
    );
    let order = ledger.order(customer, "2026-02-20", cny("800.00"));
    let dispute = ledger.dispute(b, "2026-03-05", Some("200.00"));
    ledger.credit(
        customer,
        "2026-03-10",
        cny("100.00"),
        AllocationChoice::OldestFirst,
    );
    ledger.run(Command::ResolveDispute {
        id: dispute,
        date: date("2026-03-20"),
        outcome: DisputeOutcome::Rejected,
    });
    ledger.run(Command::CloseOrder {
        id: order,
        date: date("2026-03-25"),
        closure: OrderClosure::Cancelled,
    });
    ledger.pay(
        customer,
        "2026-03-31",
        cny("50.00"),
        AllocationChoice::Unapplied,
    );
    ledger.pay(
        customer,
        "2026-04-10",
        cny("300.00"),
        AllocationChoice::OldestFirst,
    );
    (ledger, customer)
}

/// balance, open, unapplied cash, overdue, days overdue max, disputed, open orders, exposure
/// and the six aging buckets, as text.
fn figures(state: &Portfolio, customer: CustomerId, on: &str) -> String {
    let account = state.ledger.customer(customer).expect("registered");
    let b = customer_balance(&state.ledger, account, date(on));
    let aging = customer_aging(&state.ledger, account, date(on), &AgingBuckets::default());
    let buckets: Vec<String> = aging.buckets.iter().map(Decimal::to_string).collect();
    format!(
        "balance {} open {} cash {} overdue {} days {} disputed {} orders {} exposure {} aging {}",
        b.balance,
        b.open_receivables,
        b.unapplied_cash,
        b.overdue,
        b.days_overdue_max,
        b.disputed,
        b.open_orders,
        b.exposure,
        buckets.join("/")
    )
}

#[test]
fn golden_ledger_asked_at_past_dates_counts_only_what_was_dated_by_then() {
    let (ledger, customer) = golden();
    let cases = [
        (
            "2026-01-15",
            "balance 1000.00 open 1000.00 cash 0 overdue 0 days 0 disputed 0 orders 0 \
             exposure 1000.00 aging 1000.00/0/0/0/0/0",
        ),
        (
            "2026-02-20",
            "balance 900.00 open 900.00 cash 0.00 overdue 400.00 days 20 disputed 0 orders 800.00 \
             exposure 1700.00 aging 500.00/400.00/0/0/0/0",
        ),
        (
            "2026-03-10",
            "balance 800.00 open 800.00 cash 0.00 overdue 800.00 days 38 disputed 200.00 \
             orders 800.00 exposure 1600.00 aging 0/500.00/300.00/0/0/0",
        ),
        (
            "2026-03-31",
            "balance 750.00 open 800.00 cash 50.00 overdue 800.00 days 59 disputed 0 orders 0 \
             exposure 800.00 aging 0/500.00/300.00/0/0/0",
        ),
        (
            "2026-04-30",
            "balance 450.00 open 500.00 cash 50.00 overdue 500.00 days 58 disputed 0 orders 0 \
             exposure 500.00 aging 0/0/500.00/0/0/0",
        ),
    ];
    for (on, expected) in cases {
        let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(figures(&ledger.state, customer, on), expected, "as of {on}");
    }
    // The list and the portfolio totals agree with the balance on a past date.
    let rows = customer_rows(&ledger.state.ledger, date("2026-03-10"));
    assert_eq!(
        (rows[0].balance, rows[0].overdue, rows[0].exposure),
        (dec("800.00"), dec("800.00"), dec("1600.00"))
    );
    let summary = portfolio_summary(
        &ledger.state.ledger,
        date("2026-03-10"),
        &AgingBuckets::default(),
    );
    assert_eq!(
        (
            summary[0].aging.total,
            summary[0].disputed,
            summary[0].open_orders
        ),
        (dec("800.00"), dec("200.00"), dec("800.00"))
    );
}

/// The date an entry is dated on, for the prefix of the journal up to a date. (Customer
/// updates and moves of "customer since" carry none; the demo makes none.)
fn entry_date(entry: &Entry) -> Option<chrono::NaiveDate> {
    match entry {
        Entry::Ledger(entry) => match entry {
            LedgerEntry::CustomerRegistered { date, .. }
            | LedgerEntry::PaymentReceived { date, .. }
            | LedgerEntry::CreditNoteIssued { date, .. }
            | LedgerEntry::InvoiceWrittenOff { date, .. }
            | LedgerEntry::OrderOpened { date, .. }
            | LedgerEntry::OrderClosed { date, .. }
            | LedgerEntry::DisputeOpened { date, .. }
            | LedgerEntry::DisputeResolved { date, .. } => Some(*date),
            LedgerEntry::InvoiceIssued { issue_date, .. } => Some(*issue_date),
            LedgerEntry::CustomerUpdated { .. } | LedgerEntry::CustomerSinceChanged { .. } => None,
        },
        _ => None,
    }
}

/// Every figure of every customer as of a date, from the ledger and the score.
fn all_figures(state: &Portfolio, on: chrono::NaiveDate) -> String {
    let buckets = AgingBuckets::default();
    let mut out = format!("{:?}\n", aging_all(&state.ledger, on, &buckets));
    out += &format!("{:?}\n", portfolio_summary(&state.ledger, on, &buckets));
    out += &format!("{:?}\n", customer_rows(&state.ledger, on));
    for customer in &state.ledger.customers {
        out += &format!("{:?}\n", customer_balance(&state.ledger, customer, on));
    }
    let scores = score_all(&state.ledger, &state.credit, &state.policy(), on);
    out += &format!(
        "{:?}\n",
        scores
            .iter()
            .map(|s| (s.score, s.grade))
            .collect::<Vec<_>>()
    );
    out
}

#[test]
fn the_whole_journal_asked_as_of_a_date_equals_the_journal_up_to_that_date() {
    let as_of = date("2026-11-23");
    let (entries, whole) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("demo S");
    let ledger_entries: Vec<&Entry> = entries
        .iter()
        .filter(|entry| matches!(entry, Entry::Ledger(_)))
        .collect();
    let mut checked = 0;
    for on in [
        "2025-12-31",
        "2026-03-15",
        "2026-06-30",
        "2026-09-01",
        "2026-11-22",
    ] {
        let on = date(on);
        let mut prefix = Portfolio::default();
        for entry in ledger_entries
            .iter()
            .take_while(|entry| entry_date(entry).is_none_or(|dated| dated <= on))
        {
            prefix.apply(entry).expect("demo entries fit");
        }
        assert!(prefix.ledger.invoices.len() < whole.ledger.invoices.len());
        // Customers registered after D exist only in the whole journal, with nothing as of D:
        // compare over the customers both know.
        let mut whole_then = whole.clone();
        whole_then
            .ledger
            .customers
            .truncate(prefix.ledger.customers.len());
        whole_then.ledger.rebuild_indexes();
        assert_eq!(
            all_figures(&prefix, on),
            all_figures(&whole_then, on),
            "as of {on}"
        );
        checked += 1;
    }
    assert_eq!(checked, 5);
}

/// An invoice is settled on the latest date among what settled it, whatever order they were
/// recorded in: 400.00 recorded first but dated 02-20, then a backdated 600.00 of 02-05 that
/// completes it. Settled 02-20 (not 02-05): on 02-10 the 400.00 is still open and 10 days
/// overdue (due 01-31), and the days beyond terms are 20 (02-20 − 01-31).
#[test]
fn an_invoice_is_settled_on_its_latest_reduction_not_the_one_recorded_last() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C1", "华东机械", Currency::CNY, 30);
    let a = ledger.invoice(customer, "A", "2026-01-01", cny("1000.00"));
    ledger.pay(
        customer,
        "2026-02-20",
        cny("400.00"),
        manual(&[(a, "400.00")]),
    );
    ledger.pay(
        customer,
        "2026-02-05",
        cny("600.00"),
        manual(&[(a, "600.00")]),
    );
    let invoice = ledger.state.ledger.invoice(a).expect("issued");
    assert_eq!(invoice.settled_on, Some(date("2026-02-20")));
    assert_eq!(invoice.days_beyond_terms(), Some(20));
    assert_eq!(
        figures(&ledger.state, customer, "2026-02-10"),
        "balance 400.00 open 400.00 cash 0.00 overdue 400.00 days 10 disputed 0 orders 0 exposure 400.00 aging 0/400.00/0/0/0/0"
    );
    assert_eq!(
        figures(&ledger.state, customer, "2026-02-20"),
        "balance 0 open 0 cash 0.00 overdue 0 days 0 disputed 0 orders 0 exposure 0 aging 0/0/0/0/0/0"
    );
}

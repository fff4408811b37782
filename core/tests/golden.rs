//! Golden scenarios: a small ledger in, the exact figures out. Balances, allocation,
//! credit notes, write-offs, exposure, disputes, aging, days beyond terms, the portfolio
//! summary and the customer list, with the conventions of PRODUCT.md.

mod common;

use common::*;
use creditdesk_core::ledger::reports::*;
use creditdesk_core::*;
use rust_decimal::Decimal;

fn allocations_of(entries: &[Entry]) -> Vec<(InvoiceId, Decimal)> {
    match entries {
        [Entry::Ledger(LedgerEntry::PaymentReceived { allocations, .. })]
        | [Entry::Ledger(LedgerEntry::CreditNoteIssued { allocations, .. })] => allocations
            .iter()
            .map(|a| (a.invoice, a.amount.value()))
            .collect(),
        other => panic!("expected one payment or credit note entry, got {other:?}"),
    }
}

fn payment_command(
    ledger: &Ledger,
    customer: CustomerId,
    on: &str,
    amount: Amount,
    allocation: AllocationChoice,
) -> Command {
    Command::ReceivePayment {
        id: ledger.state.next_ids().payment,
        customer,
        date: date(on),
        recorded_on: date(on),
        amount,
        reference: "BANK".to_string(),
        allocation,
    }
}

#[test]
fn oldest_first_settles_by_due_date_and_keeps_the_remainder_unapplied() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "上海华信机械有限公司", Currency::CNY, 30);
    let a = ledger.invoice(customer, "INV-A", "2026-01-01", cny("100.00")); // due 01-31
    let b = ledger.invoice(customer, "INV-B", "2026-01-10", cny("200.00")); // due 02-09
    let c = ledger.invoice(customer, "INV-C", "2026-01-20", cny("300.00")); // due 02-19
    let d = ledger.invoice_due(
        customer,
        "INV-D",
        "2026-01-25",
        Some("2026-02-01"),
        cny("50.00"),
    );
    // Issued after both payments' dates: oldest-first must not reach it.
    let e = ledger.invoice(customer, "INV-E", "2026-03-01", cny("70.00"));
    assert_eq!(
        ledger.state.ledger.invoice(d).map(|i| i.due_date),
        Some(date("2026-02-01"))
    );
    assert_eq!(
        ledger.state.ledger.invoice(a).map(|i| i.due_date),
        Some(date("2026-01-31"))
    );

    let first = payment_command(
        &ledger,
        customer,
        "2026-02-15",
        cny("280.00"),
        AllocationChoice::OldestFirst,
    );
    let entries = ledger.run(first);
    assert_eq!(
        allocations_of(&entries),
        vec![(a, dec("100.00")), (d, dec("50.00")), (b, dec("130.00"))]
    );

    let second = payment_command(
        &ledger,
        customer,
        "2026-02-20",
        cny("400.00"),
        AllocationChoice::OldestFirst,
    );
    let entries = ledger.run(second);
    assert_eq!(
        allocations_of(&entries),
        vec![(b, dec("70.00")), (c, dec("300.00"))]
    );

    let opens: Vec<Decimal> = [a, b, c, d, e].iter().map(|id| ledger.open(*id)).collect();
    assert_eq!(
        opens,
        vec![dec("0"), dec("0"), dec("0"), dec("0"), dec("70")]
    );
    let settled: Vec<_> = [a, b, c, d, e]
        .iter()
        .map(|id| ledger.state.ledger.invoice(*id).and_then(|i| i.settled_on))
        .collect();
    let on = |text| Some(date(text));
    assert_eq!(
        settled,
        vec![
            on("2026-02-15"),
            on("2026-02-20"),
            on("2026-02-20"),
            on("2026-02-15"),
            None
        ]
    );

    let balance = customer_balance(
        &ledger.state.ledger,
        ledger.customer(customer),
        date("2026-03-10"),
    );
    assert_eq!(
        (
            balance.open_receivables,
            balance.unapplied_cash,
            balance.balance
        ),
        (dec("70.00"), dec("30.00"), dec("40.00"))
    );
    // Independently: invoices 720 − payments 680.
    assert_eq!(balance.balance, dec("720") - dec("680"));
}

/// A customer with manual allocation, credit notes (applied, unapplied, oldest first),
/// write-offs (partial and full), orders and disputes.
fn usd_customer_ledger() -> (Ledger, CustomerId, [InvoiceId; 3]) {
    let mut ledger = Ledger::default();
    let usd = |text| money(text, Currency::USD);
    let customer = ledger.register("C000002", "Blue Ridge Trading Ltd.", Currency::USD, 45);
    let f = ledger.invoice(customer, "INV-F", "2026-01-05", usd("1000.00")); // due 02-19
    let g = ledger.invoice(customer, "INV-G", "2026-01-15", usd("500.00")); // due 03-01
    let h = ledger.invoice(customer, "INV-H", "2026-02-01", usd("250.00")); // due 03-18
    ledger.pay(
        customer,
        "2026-02-10",
        usd("600.00"),
        manual_in(Currency::USD, &[(g, "400.00")]),
    );
    ledger.credit(
        customer,
        "2026-02-12",
        usd("150.00"),
        manual_in(Currency::USD, &[(f, "150.00")]),
    );
    ledger.credit(
        customer,
        "2026-02-13",
        usd("80.00"),
        AllocationChoice::Unapplied,
    );
    ledger.credit(
        customer,
        "2026-02-14",
        usd("120.00"),
        AllocationChoice::OldestFirst,
    );
    ledger.write_off(g, "2026-02-15", Some("40.00"));
    ledger.write_off(h, "2026-02-15", None);
    (ledger, customer, [f, g, h])
}

#[test]
fn manual_allocation_credit_notes_and_write_offs() {
    let (ledger, customer, [f, g, h]) = usd_customer_ledger();
    let invoice = |id| ledger.state.ledger.invoice(id).expect("issued").clone();
    let figures = |id| {
        let i = invoice(id);
        (i.paid, i.credited, i.written_off, i.open())
    };
    assert_eq!(
        figures(f),
        (dec("0"), dec("270.00"), dec("0"), dec("730.00"))
    );
    assert_eq!(
        figures(g),
        (dec("400.00"), dec("0"), dec("40.00"), dec("60.00"))
    );
    assert_eq!(figures(h), (dec("0"), dec("0"), dec("250.00"), dec("0")));
    // A write-off closes the invoice but is not a settlement: no days beyond terms.
    assert_eq!(invoice(h).settled_on, None);
    assert_eq!(invoice(h).days_beyond_terms(), None);

    let account = ledger.customer(customer);
    assert_eq!(
        (account.unapplied_cash, account.unapplied_credit),
        (dec("200.00"), dec("80.00"))
    );
    let balance = customer_balance(&ledger.state.ledger, account, date("2026-02-20"));
    assert_eq!(balance.open_receivables, dec("790.00"));
    // invoices 1750 − payments 600 − credit notes 350 − write-offs 290.
    assert_eq!(balance.balance, dec("510.00"));
    assert_eq!(
        balance.balance,
        dec("1750") - dec("600") - dec("350") - dec("290")
    );
    assert_eq!(balance.currency, Currency::USD);
}

#[test]
fn open_orders_count_in_exposure_and_disputes_are_shown_apart() {
    let (mut ledger, customer, [f, g, _]) = usd_customer_ledger();
    let usd = |text| money(text, Currency::USD);
    let open_order = ledger.order(customer, "2026-02-20", usd("300.00"));
    let cancelled = ledger.order(customer, "2026-02-20", usd("100.00"));
    ledger.run(Command::CloseOrder {
        id: cancelled,
        date: date("2026-02-21"),
        closure: OrderClosure::Cancelled,
    });
    ledger.dispute(f, "2026-02-16", Some("200.00"));
    let on_g = ledger.dispute(g, "2026-02-16", None); // the whole undisputed open amount: 60

    let figures = |ledger: &Ledger| {
        let b = customer_balance(
            &ledger.state.ledger,
            ledger.customer(customer),
            date("2026-02-25"),
        );
        (
            b.open_receivables,
            b.open_orders,
            b.exposure,
            b.disputed,
            b.balance,
            b.overdue,
            b.days_overdue_max,
        )
    };
    // F (due 02-19) is 6 days overdue; G and H are not due. Disputes change neither the
    // balance nor the exposure: they are shown beside them.
    let expected = (
        dec("790"),
        dec("300"),
        dec("1090"),
        dec("260"),
        dec("510"),
        dec("730"),
        6,
    );
    assert_eq!(figures(&ledger), expected);

    ledger.run(Command::ResolveDispute {
        id: on_g,
        date: date("2026-02-22"),
        outcome: DisputeOutcome::Rejected,
    });
    assert_eq!(figures(&ledger).3, dec("200"));
    // Settling G leaves F's dispute as it was.
    ledger.pay(
        customer,
        "2026-02-23",
        usd("60.00"),
        manual_in(Currency::USD, &[(g, "60.00")]),
    );
    assert_eq!(
        figures(&ledger),
        (
            dec("730"),
            dec("300"),
            dec("1030"),
            dec("200"),
            dec("450"),
            dec("730"),
            6
        )
    );
    ledger.run(Command::CloseOrder {
        id: open_order,
        date: date("2026-02-24"),
        closure: OrderClosure::Invoiced,
    });
    assert_eq!(figures(&ledger).2, dec("730"));
}

#[test]
fn a_disputed_amount_above_what_is_still_open_shows_only_the_open_part() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "Acme", Currency::CNY, 30);
    let invoice = ledger.invoice(customer, "INV-1", "2026-01-01", cny("100.00"));
    ledger.dispute(invoice, "2026-01-05", Some("80.00"));
    ledger.pay(
        customer,
        "2026-01-10",
        cny("50.00"),
        manual(&[(invoice, "50.00")]),
    );
    let balance = customer_balance(
        &ledger.state.ledger,
        ledger.customer(customer),
        date("2026-01-20"),
    );
    assert_eq!(
        (balance.open_receivables, balance.disputed),
        (dec("50.00"), dec("50.00"))
    );
    let summary = portfolio_summary(
        &ledger.state.ledger,
        date("2026-01-20"),
        &AgingBuckets::default(),
    );
    assert_eq!(summary[0].disputed, dec("50.00"));
}

#[test]
fn bucket_boundaries_follow_the_conventions() {
    let buckets = AgingBuckets::default();
    // (days past due, bucket): due today is not due; 30 is in 1–30; 31 in 31–60; 180 in
    // 91–180; 181 in over 180.
    let cases = [
        (-400, 0),
        (-1, 0),
        (0, 0),
        (1, 1),
        (30, 1),
        (31, 2),
        (60, 2),
        (61, 3),
        (90, 3),
        (91, 4),
        (180, 4),
        (181, 5),
        (5000, 5),
    ];
    let actual: Vec<(i64, usize)> = cases
        .iter()
        .map(|(days, _)| (*days, buckets.bucket_of(*days)))
        .collect();
    assert_eq!(actual, cases.to_vec());
    assert_eq!(
        buckets.labels(),
        vec!["", "1–30", "31–60", "61–90", "91–180", "> 180"]
    );
    assert_eq!(buckets.len(), 6);
    let custom = AgingBuckets {
        upper_bounds: vec![15, 45],
    };
    assert_eq!(custom.labels(), vec!["", "1–15", "16–45", "> 45"]);
    assert_eq!(
        [0, 15, 16, 45, 46].map(|days| custom.bucket_of(days)),
        [0, 1, 2, 2, 3]
    );
}

#[test]
fn aging_as_of_a_date_puts_each_open_amount_in_its_bucket() {
    let as_of = date("2026-06-30");
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000003", "Harbor Point Logistics", Currency::CNY, 30);
    // (days past due as of 2026-06-30, amount): powers of two, so each bucket's sum shows
    // exactly which invoices fell into it.
    let invoices = [
        (-10, 1),
        (0, 2),
        (1, 4),
        (30, 8),
        (31, 16),
        (60, 32),
        (61, 64),
        (90, 128),
        (91, 256),
        (180, 512),
        (181, 1024),
        (400, 2048),
    ];
    let mut ids = Vec::new();
    for (position, (days, amount)) in invoices.iter().enumerate() {
        let due = as_of - chrono::Duration::days(*days);
        let issue = due - chrono::Duration::days(30);
        let id = ledger.state.next_ids().invoice;
        ledger.run(Command::IssueInvoice {
            id,
            customer,
            number: format!("INV-{position}"),
            issue_date: issue,
            terms_days: None,
            due_date: Some(due),
            amount: cny(&amount.to_string()),
        });
        ids.push(id);
    }
    let buckets = AgingBuckets::default();
    let expected = vec![
        dec("3"),
        dec("12"),
        dec("48"),
        dec("192"),
        dec("768"),
        dec("3072"),
    ];
    let aging = customer_aging(
        &ledger.state.ledger,
        ledger.customer(customer),
        as_of,
        &buckets,
    );
    assert_eq!(
        (aging.buckets.clone(), aging.total, aging.overdue()),
        (expected.clone(), dec("4095"), dec("4092"))
    );
    assert_eq!(
        aging_all(&ledger.state.ledger, as_of, &buckets),
        vec![aging]
    );
    let balance = customer_balance(&ledger.state.ledger, ledger.customer(customer), as_of);
    assert_eq!(
        (balance.overdue, balance.days_overdue_max),
        (dec("4092"), 400)
    );

    // Only what is still open ages: pay 1,000 of the 400-days-late invoice.
    ledger.pay(
        customer,
        "2026-06-30",
        cny("1000"),
        manual(&[(ids[11], "1000")]),
    );
    let aging = customer_aging(
        &ledger.state.ledger,
        ledger.customer(customer),
        as_of,
        &buckets,
    );
    assert_eq!(aging.buckets[5], dec("2072"));
    assert_eq!(aging.total, dec("3095"));
    // A day later everything moves on by one day: 0 → 1–30, 30 → 31–60, 180 → over 180.
    let later = customer_aging(
        &ledger.state.ledger,
        ledger.customer(customer),
        date("2026-07-01"),
        &buckets,
    );
    assert_eq!(
        later.buckets,
        vec![
            dec("1"),
            dec("6"),
            dec("24"),
            dec("96"),
            dec("384"),
            dec("2584")
        ]
    );
}

#[test]
fn days_beyond_terms_are_amount_weighted_over_the_window() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "North Star Machinery", Currency::CNY, 30);
    let i1 = ledger.invoice(customer, "I1", "2026-01-01", cny("100")); // due 01-31
    let i2 = ledger.invoice(customer, "I2", "2026-01-01", cny("300")); // due 01-31
    let i3 = ledger.invoice(customer, "I3", "2026-01-10", cny("200")); // due 02-09
    let i4 = ledger.invoice(customer, "I4", "2026-03-01", cny("400")); // due 03-31
    let i5 = ledger.invoice(customer, "I5", "2026-03-01", cny("900")); // never paid
    ledger.pay(customer, "2026-02-10", cny("100"), manual(&[(i1, "100")])); // 10 days late
    ledger.pay(customer, "2026-01-20", cny("300"), manual(&[(i2, "300")])); // early: 0
    ledger.pay(customer, "2026-02-01", cny("100"), manual(&[(i3, "100")]));
    ledger.pay(customer, "2026-02-24", cny("100"), manual(&[(i3, "100")])); // settles: 15 late
    ledger.pay(customer, "2026-05-10", cny("400"), manual(&[(i4, "400")])); // 40 days late

    let per_invoice: Vec<Option<i64>> = [i1, i2, i3, i4, i5]
        .iter()
        .map(|id| {
            ledger
                .state
                .ledger
                .invoice(*id)
                .and_then(|invoice| invoice.days_beyond_terms())
        })
        .collect();
    assert_eq!(
        per_invoice,
        vec![Some(10), Some(0), Some(15), Some(40), None]
    );

    let account = ledger.customer(customer);
    // (from, to, amount-weighted days beyond terms, one decimal)
    let cases = [
        ("2026-01-01", "2026-03-31", Some(dec("6.7"))), // (1000 + 0 + 3000) / 600
        ("2026-01-01", "2026-05-31", Some(dec("20.0"))), // + 400 × 40 → 20000 / 1000
        ("2026-02-24", "2026-02-24", Some(dec("15"))),  // both ends are inclusive
        ("2026-06-01", "2026-06-30", None),
    ];
    for (from, to, expected) in cases {
        assert_eq!(
            settled_days_beyond_terms(&ledger.state.ledger, account, date(from), date(to)),
            expected,
            "window {from}..={to}"
        );
    }
}

#[test]
fn portfolio_summary_per_currency_with_overdue_share() {
    let as_of = date("2026-06-30");
    let mut ledger = Ledger::default();
    let x = ledger.register("C000001", "华信机械", Currency::CNY, 30);
    let y = ledger.register("C000002", "恒达电子", Currency::CNY, 30);
    let z = ledger.register("C000003", "Blue Ridge Trading", Currency::USD, 30);
    ledger.register("C000004", "Orion Pharma GmbH", Currency::EUR, 30);
    let overdue = ledger.invoice_due(x, "X1", "2026-05-01", Some("2026-06-01"), cny("200")); // 29 days
    ledger.invoice_due(x, "X2", "2026-06-01", Some("2026-07-31"), cny("400"));
    ledger.invoice_due(y, "Y1", "2026-06-01", Some("2026-06-30"), cny("300")); // due today
    ledger.invoice_due(
        z,
        "Z1",
        "2025-12-01",
        Some("2026-01-01"),
        money("100", Currency::USD),
    ); // 180 days
    ledger.pay(x, "2026-06-10", cny("50"), AllocationChoice::Unapplied);
    ledger.order(y, "2026-06-20", cny("1000"));
    ledger.dispute(overdue, "2026-06-05", Some("80"));

    let summary = portfolio_summary(&ledger.state.ledger, as_of, &AgingBuckets::default());
    let currencies: Vec<&str> = summary.iter().map(|s| s.currency.code()).collect();
    assert_eq!(currencies, vec!["CNY", "EUR", "USD"]);
    let cny_summary = &summary[0];
    assert_eq!(
        (cny_summary.customers, cny_summary.customers_overdue),
        (2, 1)
    );
    assert_eq!(
        cny_summary.aging.buckets,
        vec![
            dec("700"),
            dec("200"),
            dec("0"),
            dec("0"),
            dec("0"),
            dec("0")
        ]
    );
    assert_eq!(cny_summary.aging.total, dec("900"));
    assert_eq!(
        (
            cny_summary.unapplied,
            cny_summary.open_orders,
            cny_summary.disputed
        ),
        (dec("50"), dec("1000"), dec("80"))
    );
    let shares: Vec<Option<Decimal>> = summary.iter().map(|s| s.overdue_share_percent()).collect();
    // 200 / 900 = 22.22…%; nothing open in EUR; all of USD is overdue (180 days: 91–180).
    assert_eq!(shares, vec![Some(dec("22.2")), None, Some(dec("100"))]);
    assert_eq!(summary[2].aging.buckets[4], dec("100"));
    assert_eq!((summary[1].customers, summary[1].customers_overdue), (1, 0));
}

fn customer_list_ledger() -> Ledger {
    let mut ledger = Ledger::default();
    let shanghai = ledger.register("C000001", "上海华信机械有限公司", Currency::CNY, 30);
    let ridge = ledger.register("C000002", "Blue Ridge Trading Ltd.", Currency::USD, 30);
    let star = ledger.register("C000003", "blue star GmbH", Currency::CNY, 30);
    ledger.register("C000004", "Apex Works Inc.", Currency::CNY, 30);
    ledger.invoice_due(shanghai, "S1", "2026-05-01", Some("2026-06-20"), cny("500")); // 10 days late
    ledger.invoice_due(shanghai, "S2", "2026-06-01", Some("2026-07-20"), cny("100"));
    ledger.order(shanghai, "2026-06-25", cny("200"));
    ledger.invoice_due(
        ridge,
        "R1",
        "2026-03-01",
        Some("2026-03-22"),
        money("1000", Currency::USD),
    ); // 100 days
    ledger.invoice_due(star, "B1", "2026-06-01", Some("2026-07-01"), cny("300"));
    ledger.pay(star, "2026-06-15", cny("50"), AllocationChoice::Unapplied);
    ledger
}

#[test]
fn customer_rows_agree_with_balances() {
    let as_of = date("2026-06-30");
    let ledger = customer_list_ledger();
    let rows = customer_rows(&ledger.state.ledger, as_of);
    let figures: Vec<(&str, Decimal, Decimal, i64, Decimal)> = rows
        .iter()
        .map(|row| {
            (
                row.number.as_str(),
                row.balance,
                row.overdue,
                row.days_overdue_max,
                row.exposure,
            )
        })
        .collect();
    assert_eq!(
        figures,
        vec![
            ("C000001", dec("600"), dec("500"), 10, dec("800")),
            ("C000002", dec("1000"), dec("1000"), 100, dec("1000")),
            ("C000003", dec("250"), dec("0"), 0, dec("300")),
            ("C000004", dec("0"), dec("0"), 0, dec("0")),
        ]
    );
    for (row, customer) in rows.iter().zip(&ledger.state.ledger.customers) {
        let balance = customer_balance(&ledger.state.ledger, customer, as_of);
        assert_eq!(
            (
                row.balance,
                row.overdue,
                row.days_overdue_max,
                row.exposure,
                row.currency
            ),
            (
                balance.balance,
                balance.overdue,
                balance.days_overdue_max,
                balance.exposure,
                balance.currency
            )
        );
    }
}

/// Issue 9: the customer page showed 142.8 days beyond terms and the credit file 119.9 for
/// the same customer, one counting only settled invoices. There is one definition now,
/// `payment_behaviour` (the score's), and the settled-only ledger figure has its own name.
/// Hand-computed: INV-1 CNY 1,000.00 due 2026-01-31, paid 2026-02-10 (10 days late); INV-2
/// CNY 500.00 due 2026-02-28, unpaid on 2026-03-30 (30 days). Weighted:
/// (1,000 × 10 + 500 × 30) / 1,500 = 16.7; settled only: 10.0.
#[test]
fn days_beyond_terms_have_one_definition_open_invoices_included() {
    use creditdesk_core::credit::score::{payment_behaviour, score_inputs};
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "Huaxin", Currency::CNY, 30);
    let first = ledger.invoice_due(
        customer,
        "INV-1",
        "2026-01-01",
        Some("2026-01-31"),
        cny("1000.00"),
    );
    ledger.invoice_due(
        customer,
        "INV-2",
        "2026-01-29",
        Some("2026-02-28"),
        cny("500.00"),
    );
    ledger.pay(
        customer,
        "2026-02-10",
        cny("1000.00"),
        manual(&[(first, "1000.00")]),
    );
    let as_of = date("2026-03-30");
    let account = ledger.customer(customer).clone();
    let shown = payment_behaviour(&ledger.state.ledger, &account, as_of);
    assert_eq!(shown.dbt_weighted, Some(dec("16.7")));
    assert_eq!(shown.overdue_days_max, 30);
    // The credit file and the score read the very same figures.
    let inputs = score_inputs(&ledger.state.ledger, &ledger.state.credit, &account, as_of);
    let policy = ledger.state.policy();
    let score = creditdesk_core::credit::score::score(&inputs, &policy);
    assert_eq!(score.payment, shown);
    let settled =
        settled_days_beyond_terms(&ledger.state.ledger, &account, date("2025-03-30"), as_of);
    assert_eq!(settled, Some(dec("10.0")));
}

//! Golden import scenarios with hand-computed figures, on the committed fixtures in
//! `tests/fixtures/import/` (the same files the e2e specs upload): a customer file, a GBK
//! invoice register with settlement dates, a payments file with an unmatched reference, an
//! .xlsx register, re-imports that add nothing, a changed known row, every error listed.

use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::import::*;
use creditdesk_core::{Currency, Portfolio};
use rust_decimal::Decimal;

mod import_common;
use import_common::*;

#[test]
fn customer_file_is_guessed_and_imported() {
    let bytes = fixture("customers.csv");
    let preview = preview(&bytes, "customers.csv", None, None).unwrap();
    assert_eq!(preview.kind, FileKind::Csv);
    assert_eq!(preview.encoding, Encoding::Utf8);
    assert_eq!(preview.row_count, 3);
    assert_eq!(preview.guess.target, Target::Customers);
    let expected = {
        use Field::*;
        [
            CustomerNumber,
            CustomerName,
            RegistrationNo,
            Industry,
            Country,
            Currency,
            TermsDays,
            Contact,
            Group,
        ]
    };
    assert_eq!(preview.guess.columns, expected.map(Some).to_vec());
    let mut state = Portfolio::default();
    let summary = import(&mut state, "customers.csv").unwrap();
    assert_eq!(summary.customers, 3);
    let acme = state.ledger.customer_by_number("C1003").unwrap();
    let acme = &state.ledger.customer(acme).unwrap().details;
    // "GB", "USD", 45 days; the telephone starting with `+` is text, not a formula.
    assert_eq!(
        (acme.country.as_str(), acme.currency),
        ("GB", Currency::USD)
    );
    assert_eq!(acme.payment_terms_days, 45);
    assert_eq!(acme.contact, "+44 20 7946 0000");
    let huadong = state.ledger.customer_by_number("C1001").unwrap();
    let huadong = &state.ledger.customer(huadong).unwrap();
    // 中国 → CN, 人民币 → CNY; registered today (no date column).
    assert_eq!(huadong.details.country, "CN");
    assert_eq!(huadong.details.currency, Currency::CNY);
    assert_eq!(huadong.registered_on, today());
}

#[test]
fn gbk_register_with_settlement_dates_makes_the_payments() {
    let bytes = fixture("invoices-gbk.csv");
    let preview = preview(&bytes, "invoices-gbk.csv", None, None).unwrap();
    assert_eq!(preview.encoding, Encoding::Gb18030);
    assert_eq!(preview.guess.target, Target::Invoices);
    assert_eq!(preview.guess.dates, DateFormat::Ymd);
    assert_eq!(preview.guess.numbers, NumberFormat::Point);
    assert_eq!(preview.headers[1], "客户名称");
    assert_eq!(preview.rows[0][1], "上海华东机械有限公司");
    let mut state = Portfolio::default();
    import(&mut state, "customers.csv").unwrap();
    let summary = import(&mut state, "invoices-gbk.csv").unwrap();
    // Four invoices; three settlement dates → three payments; C1004 is new (its name is in
    // the file); C1001 and C1002 were registered today and have older invoices, so their
    // "customer since" moves back to their first invoice.
    assert_eq!(
        (
            summary.invoices,
            summary.payments,
            summary.customers,
            summary.since_moved
        ),
        (4, 3, 1, 2)
    );
    assert!(summary.unapplied.is_empty());
    let invoice = |number: &str| {
        let id = state.ledger.invoice_by_number(number).unwrap();
        state.ledger.invoice(id).unwrap().clone()
    };
    // INV-2026-001: due 2026-07-31, settled 2026-08-10 → 10 days beyond terms.
    // INV-2026-003: due and settled 2026-08-14 → 0. INV-2026-004: due 06-19, paid 07-04 → 15.
    assert_eq!(invoice("INV-2026-001").days_beyond_terms(), Some(10));
    assert_eq!(invoice("INV-2026-003").days_beyond_terms(), Some(0));
    assert_eq!(invoice("INV-2026-004").days_beyond_terms(), Some(15));
    assert_eq!(invoice("INV-2026-001").open(), Decimal::ZERO);
    // INV-2026-002 is unsettled: 8,500.50 open.
    assert_eq!(invoice("INV-2026-002").open(), Decimal::new(850050, 2));
    let customer = |number: &str| {
        let id = state.ledger.customer_by_number(number).unwrap();
        state.ledger.customer(id).unwrap().clone()
    };
    assert_eq!(customer("C1001").registered_on, day("2026-07-01"));
    assert_eq!(customer("C1002").registered_on, day("2026-06-15"));
    // C1004: created from the register, dated on its invoice, terms from its due date
    // (2026-05-20 → 2026-06-19: 30 days).
    let new = customer("C1004");
    assert_eq!(new.registered_on, day("2026-05-20"));
    assert_eq!(new.details.name, "广州南方电子有限公司");
    assert_eq!(new.details.payment_terms_days, 30);
}

#[test]
fn payments_are_allocated_by_invoice_number_or_left_unapplied() {
    let mut state = base_portfolio();
    let summary = import(&mut state, "payments.csv").unwrap();
    assert_eq!(summary.payments, 3);
    // Row 3: INV-2099-999 matches nothing → CNY 2,000.00 unapplied; row 4 names no invoice →
    // USD 1,500.00 unapplied. Row 2 pays INV-2026-002's 8,500.50 in full.
    let unapplied: Vec<(usize, &str, Decimal, Currency)> = (summary.unapplied.iter())
        .map(|u| (u.row, u.customer.as_str(), u.money.amount, u.money.currency))
        .collect();
    assert_eq!(
        unapplied,
        vec![
            (3, "C1002", Decimal::new(2000, 0), Currency::CNY),
            (4, "C1003", Decimal::new(1500, 0), Currency::USD),
        ]
    );
    let id = state.ledger.invoice_by_number("INV-2026-002").unwrap();
    let invoice = state.ledger.invoice(id).unwrap();
    assert_eq!(invoice.open(), Decimal::ZERO);
    // Due 2026-08-31, paid 2026-09-15 → 15 days beyond terms.
    assert_eq!(invoice.days_beyond_terms(), Some(15));
    let c1002 = state.ledger.customer_by_number("C1002").unwrap();
    assert_eq!(
        state.ledger.customer(c1002).unwrap().unapplied_cash,
        Decimal::new(2000, 0)
    );
}

#[test]
fn xlsx_register_reads_date_and_number_cells() {
    let bytes = fixture("invoices.xlsx");
    let preview = preview(&bytes, "invoices.xlsx", None, None).unwrap();
    assert_eq!(preview.kind, FileKind::Xlsx);
    assert_eq!(preview.sheets, vec!["Invoices".to_string()]);
    assert_eq!(preview.rows[0][3], "2026-09-01");
    assert_eq!(preview.rows[0][5], "1234.5");
    let mut state = base_portfolio();
    let summary = import(&mut state, "invoices.xlsx").unwrap();
    assert_eq!((summary.invoices, summary.payments), (2, 1));
    let id = state.ledger.invoice_by_number("INV-X-001").unwrap();
    let invoice = state.ledger.invoice(id).unwrap();
    // Due 2026-10-16, settled 2026-10-20 → 4 days; USD 1,234.50.
    assert_eq!(invoice.days_beyond_terms(), Some(4));
    assert_eq!(invoice.amount.value(), Decimal::new(12345, 1));
}

#[test]
fn several_sheets_are_listed_and_chosen() {
    let bytes = fixture("several-sheets.xlsx");
    let names: Vec<String> = ["说明", "发票", "空白"].map(String::from).to_vec();
    // The first sheet is a cover: one cell, no data row.
    assert_eq!(
        preview(&bytes, "several-sheets.xlsx", None, None),
        Err(FileError::HeaderOnly)
    );
    let second = preview(&bytes, "several-sheets.xlsx", None, Some(1)).unwrap();
    assert_eq!(second.sheets, names);
    assert_eq!((second.row_count, second.guess.sheet), (2, 1));
    let mut state = base_portfolio();
    let outcome = plan(&bytes, &second.guess, &state, today(), &mut |_, _| {}).unwrap();
    assert_eq!(outcome.summary.invoices, 2);
    for entry in &outcome.entries {
        state.apply(entry).unwrap();
    }
}

#[test]
fn reimporting_adds_nothing() {
    let mut state = base_portfolio();
    import(&mut state, "payments.csv").unwrap();
    import(&mut state, "orders-semicolon.csv").unwrap();
    import(&mut state, "credit-notes.csv").unwrap();
    import(&mut state, "invoices.xlsx").unwrap();
    for (name, rows) in [
        ("customers.csv", 3),
        ("invoices-gbk.csv", 4),
        ("payments.csv", 3),
        ("orders-semicolon.csv", 2),
        ("credit-notes.csv", 1),
        ("invoices.xlsx", 2),
    ] {
        let bytes = fixture(name);
        let preview = preview(&bytes, name, None, None).unwrap();
        let outcome = plan(&bytes, &preview.guess, &state, today(), &mut |_, _| {}).unwrap();
        assert!(outcome.entries.is_empty(), "{name}: {:?}", outcome.entries);
        assert_eq!(outcome.summary.already_known, rows, "{name}");
    }
}

#[test]
fn orders_and_credit_notes() {
    let mut state = base_portfolio();
    let bytes = fixture("orders-semicolon.csv");
    let preview = preview(&bytes, "orders-semicolon.csv", None, None).unwrap();
    assert_eq!(preview.guess.target, Target::Orders);
    assert_eq!(
        (preview.guess.dates, preview.guess.numbers),
        (DateFormat::Dmy, NumberFormat::Comma)
    );
    let summary = import(&mut state, "orders-semicolon.csv").unwrap();
    assert_eq!(summary.orders, 2);
    // The credit note credits INV-2026-002 (8,500.50 open) with 500.50 → 8,000.00 open.
    let summary = import(&mut state, "credit-notes.csv").unwrap();
    assert_eq!(summary.credit_notes, 1);
    let id = state.ledger.invoice_by_number("INV-2026-002").unwrap();
    assert_eq!(
        state.ledger.invoice(id).unwrap().open(),
        Decimal::new(8000, 0)
    );
}

#[test]
fn a_changed_known_row_is_reported_not_applied() {
    let state = base_portfolio();
    let bytes = fixture("changed-known.csv");
    let preview = preview(&bytes, "changed-known.csv", None, None).unwrap();
    let rejected = plan(&bytes, &preview.guess, &state, today(), &mut |_, _| {}).unwrap_err();
    assert_eq!(
        rejected,
        Rejected::Rows(vec![RowError {
            row: 2,
            column: Some("发票号码".to_string()),
            problem: Problem::ChangedKnown {
                number: "INV-2026-001".to_string()
            },
        }])
    );
}

#[test]
fn every_bad_row_is_listed() {
    let state = base_portfolio();
    let bytes = fixture("many-errors.csv");
    let preview = preview(&bytes, "many-errors.csv", None, None).unwrap();
    let Err(Rejected::Rows(errors)) = plan(&bytes, &preview.guess, &state, today(), &mut |_, _| {})
    else {
        panic!("the file has bad rows");
    };
    let rows: Vec<usize> = errors.iter().map(|e| e.row).collect();
    // Rows 2 (text amount), 4 (month 13), 5 (unknown customer, no name), 6 (negative);
    // row 3 is good but nothing is returned.
    assert_eq!(rows, vec![2, 4, 5, 6]);
    let month_13 = Problem::NoSuchDate {
        text: "2026/13/1".to_string(),
    };
    assert_eq!(errors[1].problem, month_13);
}

#[test]
fn progress_is_reported_up_to_the_total() {
    let state = base_portfolio();
    let bytes = fixture("payments.csv");
    let preview = preview(&bytes, "payments.csv", None, None).unwrap();
    let mut calls = Vec::new();
    plan(
        &bytes,
        &preview.guess,
        &state,
        today(),
        &mut |done, total| calls.push((done, total)),
    )
    .unwrap();
    assert_eq!(calls.last(), Some(&(6, 6)));
}

#[test]
fn decide_all_reports_every_refusal_and_skips_it() {
    use creditdesk_core::base::input::NumberFormat::Point;
    use creditdesk_core::{decide_all, decide_batch, Amount, BatchRejection, Command};
    use creditdesk_core::{CustomerDetails, CustomerId, InvoiceId, Rejection};
    let state = Portfolio::default();
    let details = CustomerDetails {
        number: "C1".into(),
        name: "甲公司".into(),
        registration_no: String::new(),
        industry: String::new(),
        country: "CN".into(),
        currency: Currency::CNY,
        payment_terms_days: 30,
        contact: String::new(),
        group: String::new(),
        discount: None,
    };
    let register = Command::RegisterCustomer {
        id: CustomerId(1),
        date: day("2026-01-01"),
        recorded_on: today(),
        details,
    };
    let invoice = |id: u32, customer: u32, number: &str| Command::IssueInvoice {
        id: InvoiceId(id),
        customer: CustomerId(customer),
        number: number.into(),
        issue_date: day("2026-02-01"),
        terms_days: None,
        due_date: None,
        amount: Amount::read_positive("100", Currency::CNY, Point).unwrap(),
    };
    let commands = vec![
        register.clone(),
        invoice(1, 1, "A"),
        invoice(2, 1, "A"),
        invoice(3, 9, "B"),
        invoice(4, 1, "C"),
    ];
    // Index 2 repeats number A; index 3 names no customer; index 4 is still decided (and
    // accepted: the refused commands were skipped, not applied).
    let refused = decide_all(&state, commands).unwrap_err();
    assert_eq!(
        refused,
        vec![
            BatchRejection {
                index: 2,
                rejection: Rejection::DuplicateInvoiceNumber { number: "A".into() },
            },
            BatchRejection {
                index: 3,
                rejection: Rejection::UnknownCustomer,
            },
        ]
    );
    let good = vec![register, invoice(1, 1, "A")];
    assert_eq!(
        decide_all(&state, good.clone()),
        decide_batch(&state, good).map_err(|r| vec![r])
    );
}

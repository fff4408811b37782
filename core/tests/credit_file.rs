//! The credit file through commands and the fold: every record kind, statement validation
//! and warnings, policy changes, inputs as known on a past date, score history with a grade
//! drop, and the new state surviving JSON and the snapshot.

mod common;

use common::*;
use creditdesk_core::credit::score::*;
use creditdesk_core::credit::*;
use creditdesk_core::policy::*;
use creditdesk_core::*;

fn good_statement(period_end: &str) -> FinancialStatement {
    FinancialStatement {
        period_end: date(period_end),
        currency: Some(Currency::CNY),
        current_assets: Some(dec("600")),
        total_assets: Some(dec("1000")),
        current_liabilities: Some(dec("100")),
        total_liabilities: Some(dec("200")),
        equity: Some(dec("800")),
        retained_earnings: Some(dec("500")),
        inventory: Some(dec("100")),
        cash: Some(dec("200")),
        revenue: Some(dec("2000")),
        ebit: Some(dec("200")),
        net_profit: Some(dec("150")),
        interest_expense: Some(dec("10")),
    }
}

fn add(ledger: &mut Ledger, customer: CustomerId, on: &str, record: CreditRecord) {
    ledger.run(Command::AddCreditRecord {
        customer,
        recorded_on: date(on),
        record,
    });
}

fn all_kinds() -> Vec<CreditRecord> {
    vec![
        CreditRecord::Report(CreditReport {
            agency: " Bureau ".to_string(),
            report_date: date("2026-02-01"),
            rating: "AA".to_string(),
            recommended_limit: Some(cny("50000.00")),
            notes: "clean".to_string(),
        }),
        CreditRecord::Statement(good_statement("2025-12-31")),
        CreditRecord::Reference(Reference {
            kind: ReferenceKind::Bank,
            date: date("2026-02-10"),
            source: "ICBC".to_string(),
            assessment: Assessment::Positive,
            findings: "pays on time".to_string(),
        }),
        CreditRecord::Visit(Visit {
            kind: VisitKind::SiteVisit,
            date: date("2026-02-11"),
            who: "Li Wei".to_string(),
            findings: "busy plant".to_string(),
        }),
        CreditRecord::Signal(RiskSignal {
            kind: SignalKind::ManagementChange,
            date: date("2026-02-12"),
            severity: Severity::Low,
            source: "news".to_string(),
            notes: String::new(),
        }),
    ]
}

#[test]
fn each_record_kind_is_added_to_the_credit_file() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "华信", Currency::CNY, 30);
    for record in all_kinds() {
        add(&mut ledger, customer, "2026-03-01", record);
    }
    let file = ledger.state.credit.of(customer);
    assert_eq!(file.len(), 5);
    assert!(file.iter().all(|(on, _)| *on == date("2026-03-01")));
    // Texts are trimmed as elsewhere.
    let CreditRecord::Report(report) = &file[0].1 else {
        panic!("the first record is the report");
    };
    assert_eq!(report.agency, "Bureau");
    assert_eq!(
        file[1].1,
        CreditRecord::Statement(good_statement("2025-12-31"))
    );
}

#[test]
fn negative_total_assets_are_rejected_and_imbalance_only_warns() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "华信", Currency::CNY, 30);
    let negative = FinancialStatement {
        total_assets: Some(dec("-1")),
        ..good_statement("2025-12-31")
    };
    let command = Command::AddCreditRecord {
        customer,
        recorded_on: date("2026-03-01"),
        record: CreditRecord::Statement(negative),
    };
    assert_eq!(
        decide(&ledger.state, &command),
        Err(Rejection::NegativeTotalAssets)
    );
    assert_eq!(Rejection::NegativeTotalAssets.field(), Field::Statement);
    let unbalanced = FinancialStatement {
        equity: Some(dec("900")),
        ..good_statement("2025-12-31")
    };
    assert_eq!(
        statement_warnings(&unbalanced),
        vec![StatementWarning::Unbalanced {
            assets: dec("1000"),
            liabilities_and_equity: dec("1100"),
        }]
    );
    add(
        &mut ledger,
        customer,
        "2026-03-01",
        CreditRecord::Statement(unbalanced),
    );
    assert_eq!(ledger.state.credit.of(customer).len(), 1);
    // Negative equity and losses are facts, not typing mistakes.
    let losses = FinancialStatement {
        equity: Some(dec("-50")),
        retained_earnings: Some(dec("-900")),
        ebit: Some(dec("-20")),
        net_profit: Some(dec("-30")),
        ..good_statement("2024-12-31")
    };
    add(
        &mut ledger,
        customer,
        "2026-03-01",
        CreditRecord::Statement(losses),
    );
}

#[test]
fn a_policy_change_needs_the_next_version_and_then_is_in_force() {
    let mut ledger = Ledger::default();
    assert_eq!(ledger.state.policy(), CreditPolicy::default());
    let mut policy = CreditPolicy {
        version: 3,
        ..CreditPolicy::default()
    };
    policy.weights = [dec("40"), dec("30"), dec("15"), dec("10"), dec("5")];
    let by = ledger.director();
    let change = |policy: &CreditPolicy| Command::ChangePolicy {
        date: date("2026-03-01"),
        policy: Box::new(policy.clone()),
        by,
    };
    assert_eq!(
        decide(&ledger.state, &change(&policy)),
        Err(Rejection::PolicyVersionNotNext { expected: 2 })
    );
    policy.version = 2;
    ledger.run(change(&policy));
    assert_eq!(ledger.state.policy(), policy);
    assert_eq!(
        ledger.state.policies.versions,
        vec![(date("2026-03-01"), policy.clone())]
    );
    let mut next = policy.clone();
    next.version = 3;
    next.grade_floors[0] = dec("20");
    assert_eq!(
        decide(&ledger.state, &change(&next)),
        Err(Rejection::PolicyInvalid(
            PolicyError::GradeFloorsNotDecreasing
        ))
    );
    let customer = ledger.register("C000001", "华信", Currency::CNY, 30);
    let scores = score_all(
        &ledger.state.ledger,
        &ledger.state.credit,
        &ledger.state.policy(),
        date("2026-03-02"),
    );
    assert_eq!(scores[0].policy_version, 2);
    assert!(ledger.state.ledger.customer(customer).is_some());
}

#[test]
fn inputs_are_what_was_known_on_the_date() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "华信", Currency::CNY, 30);
    let invoice = ledger.invoice(customer, "INV-1", "2026-01-10", cny("1000.00"));
    ledger.pay(
        customer,
        "2026-03-01",
        cny("400.00"),
        manual(&[(invoice, "400.00")]),
    );
    ledger.write_off(invoice, "2026-05-01", Some("100.00"));
    ledger.pay(
        customer,
        "2026-06-01",
        cny("500.00"),
        manual(&[(invoice, "500.00")]),
    );
    add(
        &mut ledger,
        customer,
        "2026-04-15",
        CreditRecord::Statement(good_statement("2025-12-31")),
    );
    let facts = |on: &str| {
        let inputs = score_inputs(
            &ledger.state.ledger,
            &ledger.state.credit,
            ledger.customer(customer),
            date(on),
        );
        let fact = inputs.invoices.first().cloned();
        (
            fact.map(|f| (f.open, f.settled_on)),
            inputs.statement.is_some(),
        )
    };
    assert_eq!(facts("2026-01-09"), (None, false));
    assert_eq!(facts("2026-02-15"), (Some((dec("1000.00"), None)), false));
    assert_eq!(facts("2026-03-15"), (Some((dec("600.00"), None)), false));
    // The statement for 2025 became known when it was recorded, on 2026-04-15.
    assert_eq!(facts("2026-04-15"), (Some((dec("600.00"), None)), true));
    assert_eq!(facts("2026-05-15"), (Some((dec("500.00"), None)), true));
    assert_eq!(
        facts("2026-06-15"),
        (Some((dec("0"), Some(date("2026-06-01")))), true)
    );
    // score_all reads the same inputs as score_inputs + score.
    let policy = CreditPolicy::default();
    for on in ["2026-02-15", "2026-03-15", "2026-05-15", "2026-06-15"] {
        let single = score(
            &score_inputs(
                &ledger.state.ledger,
                &ledger.state.credit,
                ledger.customer(customer),
                date(on),
            ),
            &policy,
        );
        assert_eq!(
            score_all(
                &ledger.state.ledger,
                &ledger.state.credit,
                &policy,
                date(on)
            ),
            vec![single],
            "{on}"
        );
    }
}

/// A customer registered 2025-01-01 pays every invoice on its due date, with a strong
/// statement and an AAA report: grade A. On 2026-11-10 a distress statement and two lawsuits
/// are recorded: 50 − 17.5 (Z″ ≤ 0) + 17.5 (payment) + 7.5 (AAA) − 1 (signals 40) + 1
/// (relationship 22 months → 70) = 57.5, grade C.
#[test]
fn history_has_month_ends_and_detects_a_grade_drop() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "华信", Currency::CNY, 30);
    for month in 1..=10 {
        let issue = format!("2026-{month:02}-05");
        let invoice = ledger.invoice(customer, &format!("INV-{month}"), &issue, cny("1000.00"));
        let due = ledger
            .state
            .ledger
            .invoice(invoice)
            .expect("issued")
            .due_date;
        let due = due.format("%Y-%m-%d").to_string();
        ledger.pay(
            customer,
            &due,
            cny("1000.00"),
            manual(&[(invoice, "1000.00")]),
        );
    }
    add(
        &mut ledger,
        customer,
        "2026-02-01",
        CreditRecord::Statement(good_statement("2025-12-31")),
    );
    let report = CreditReport {
        agency: "Bureau".to_string(),
        report_date: date("2026-02-01"),
        rating: "AAA".to_string(),
        recommended_limit: None,
        notes: String::new(),
    };
    add(
        &mut ledger,
        customer,
        "2026-02-01",
        CreditRecord::Report(report),
    );
    let distress = FinancialStatement {
        current_assets: Some(dec("100")),
        current_liabilities: Some(dec("600")),
        total_liabilities: Some(dec("1100")),
        equity: Some(dec("-100")),
        retained_earnings: Some(dec("-400")),
        ebit: Some(dec("-50")),
        ..good_statement("2026-09-30")
    };
    add(
        &mut ledger,
        customer,
        "2026-11-10",
        CreditRecord::Statement(distress),
    );
    for _ in 0..2 {
        let lawsuit = RiskSignal {
            kind: SignalKind::Lawsuit,
            date: date("2026-11-10"),
            severity: Severity::High,
            source: "court".to_string(),
            notes: String::new(),
        };
        add(
            &mut ledger,
            customer,
            "2026-11-10",
            CreditRecord::Signal(lawsuit),
        );
    }
    let as_of = date("2026-11-23");
    let history = score_history(
        &ledger.state.ledger,
        &ledger.state.credit,
        &ledger.state.policies,
        ledger.customer(customer),
        as_of,
        12,
    );
    let dates: Vec<String> = history.iter().map(|(d, _)| d.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2025-11-30",
            "2025-12-31",
            "2026-01-31",
            "2026-02-01",
            "2026-02-28",
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
            "2026-06-30",
            "2026-07-31",
            "2026-08-31",
            "2026-09-30",
            "2026-10-31",
            "2026-11-10",
            "2026-11-23",
        ]
    );
    let (_, october) = &history[12];
    assert_eq!((october.score, october.grade), (dec("98.5"), Grade::A));
    let (_, now) = history.last().expect("as_of is in the history");
    assert_eq!((now.score, now.grade), (dec("57.5"), Grade::C));
    assert_eq!(grade_drop(&history), Some((Grade::A, Grade::C)));
    // Up to October nothing dropped.
    assert_eq!(grade_drop(&history[..13]), None);
    assert_eq!(grade_drop(&[]), None);
}

#[test]
fn new_entries_survive_json_and_the_snapshot() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "华信", Currency::CNY, 30);
    for record in all_kinds() {
        add(&mut ledger, customer, "2026-03-01", record);
    }
    let invoice = ledger.invoice(customer, "INV-1", "2026-01-10", cny("1000.00"));
    ledger.write_off(invoice, "2026-05-01", Some("100.00"));
    let by = ledger.director();
    ledger.run(Command::ChangePolicy {
        date: date("2026-03-01"),
        policy: Box::new(CreditPolicy {
            version: 2,
            ..CreditPolicy::default()
        }),
        by,
    });
    let text = serde_json::to_string(&ledger.entries).expect("serialises");
    let read: Vec<Entry> = serde_json::from_str(&text).expect("parses");
    assert_eq!(read, ledger.entries);
    let decoded = decode_snapshot(&encode_snapshot(&ledger.state)).expect("decodes");
    assert_eq!(decoded, ledger.state);
    assert_eq!(decoded.ledger.write_offs.len(), 1);
    assert_eq!(decoded.policy().version, 2);
}

//! The credit score: golden Z″ and ratios with exact figures, zones at their boundaries,
//! missing denominators, and the properties the issue pins (paying later never raises the
//! score, more equity never lowers it, contributions add up, identical in → identical out,
//! always 0–100, missing or stale data flagged and never a panic).

mod common;

use common::*;
use creditdesk_core::credit::score::*;
use creditdesk_core::credit::*;
use creditdesk_core::policy::*;
use creditdesk_core::{AllocationChoice, Currency};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A worked example, by hand:
/// total assets 1000, current assets 400, current liabilities 200, total liabilities 600,
/// equity 400, retained earnings 150, EBIT 80, inventory 100, cash 50, revenue 1200,
/// net profit 48, interest expense 20.
/// X1 = (400 − 200) / 1000 = 0.2; X2 = 150 / 1000 = 0.15; X3 = 80 / 1000 = 0.08;
/// X4 = 400 / 600 = 0.6666…; Z″ = 6.56·0.2 + 3.26·0.15 + 6.72·0.08 + 1.05·0.6666…
///    = 1.312 + 0.489 + 0.5376 + 0.7 = 3.0386 → safe (> 2.60).
/// Debt ratio 600/1000 = 0.6; current 400/200 = 2; quick (400 − 100)/200 = 1.5;
/// net margin 48/1200 = 0.04; interest cover 80/20 = 4.
fn worked_example() -> FinancialStatement {
    FinancialStatement {
        period_end: date("2025-12-31"),
        currency: None,
        current_assets: Some(dec("400")),
        total_assets: Some(dec("1000")),
        current_liabilities: Some(dec("200")),
        total_liabilities: Some(dec("600")),
        equity: Some(dec("400")),
        retained_earnings: Some(dec("150")),
        inventory: Some(dec("100")),
        cash: Some(dec("50")),
        revenue: Some(dec("1200")),
        ebit: Some(dec("80")),
        net_profit: Some(dec("48")),
        interest_expense: Some(dec("20")),
    }
}

#[test]
fn golden_z_and_ratios_of_the_worked_example() {
    let z = altman_z(&worked_example()).expect("all lines present");
    assert_eq!(
        z,
        AltmanZ {
            x1: dec("0.2"),
            x2: dec("0.15"),
            x3: dec("0.08"),
            x4: dec("0.6667"),
            z: dec("3.0386"),
            zone: ZZone::Safe,
        }
    );
    assert_eq!(
        ratios(&worked_example()),
        Ratios {
            debt_ratio: Some(dec("0.6")),
            current_ratio: Some(dec("2")),
            quick_ratio: Some(dec("1.5")),
            net_margin: Some(dec("0.04")),
            interest_cover: Some(dec("4")),
        }
    );
}

/// Statements whose Z″ is exactly 1.10 and 2.60 (total assets 100, total liabilities 50):
/// 6.56·(−0.2) + 3.26·(−0.18) + 6.72·(−0.06) + 1.05·3.24 = 1.10 and
/// 6.56·(−0.2) + 3.26·(−0.06) + 6.72·0.03 + 1.05·3.72 = 2.60.
fn z_statement(retained: &str, ebit: &str, equity: &str) -> FinancialStatement {
    FinancialStatement {
        current_assets: Some(dec("10")),
        current_liabilities: Some(dec("30")),
        total_assets: Some(dec("100")),
        total_liabilities: Some(dec("50")),
        retained_earnings: Some(dec(retained)),
        ebit: Some(dec(ebit)),
        equity: Some(dec(equity)),
        ..worked_example()
    }
}

#[test]
fn zones_at_their_boundaries_both_are_grey() {
    let at = |retained, ebit, equity| {
        altman_z(&z_statement(retained, ebit, equity)).expect("computable")
    };
    let low = at("-18", "-6", "162");
    assert_eq!((low.z, low.zone), (dec("1.1"), ZZone::Grey));
    let high = at("-6", "3", "186");
    assert_eq!((high.z, high.zone), (dec("2.6"), ZZone::Grey));
    // One unit of equity either way crosses the boundary (1.05 / 50 = 0.021 of Z″).
    assert_eq!(at("-18", "-6", "161").zone, ZZone::Distress);
    assert_eq!(at("-6", "3", "187").zone, ZZone::Safe);
    assert_eq!(z_zone(dec("2.6000001")), ZZone::Safe);
    assert_eq!(z_zone(dec("1.0999999")), ZZone::Distress);
}

#[test]
fn zero_or_missing_denominators_are_not_available() {
    let zeroed = FinancialStatement {
        total_assets: Some(Decimal::ZERO),
        current_liabilities: Some(Decimal::ZERO),
        revenue: Some(Decimal::ZERO),
        interest_expense: Some(Decimal::ZERO),
        ..worked_example()
    };
    assert_eq!(ratios(&zeroed), Ratios::default());
    assert_eq!(altman_z(&zeroed), None);
    let no_liabilities = FinancialStatement {
        total_liabilities: Some(Decimal::ZERO),
        ..worked_example()
    };
    assert_eq!(altman_z(&no_liabilities), None);
    let empty = FinancialStatement {
        period_end: date("2025-12-31"),
        ..FinancialStatement::default()
    };
    assert_eq!(ratios(&empty), Ratios::default());
    assert_eq!(altman_z(&empty), None);
    let no_inventory = FinancialStatement {
        inventory: None,
        ..worked_example()
    };
    assert_eq!(ratios(&no_inventory).quick_ratio, None);
    assert_eq!(ratios(&no_inventory).current_ratio, Some(dec("2")));
}

fn inputs() -> ScoreInputs {
    ScoreInputs {
        as_of: date("2026-11-23"),
        registered_on: date("2024-05-01"),
        statement: Some(worked_example()),
        report: Some(CreditReport {
            agency: "Bureau".to_string(),
            report_date: date("2026-06-01"),
            rating: "A".to_string(),
            recommended_limit: None,
            notes: String::new(),
        }),
        signals: vec![RiskSignal {
            kind: SignalKind::Lawsuit,
            date: date("2026-05-10"),
            severity: Severity::Medium,
            source: "court".to_string(),
            notes: String::new(),
        }],
        invoices: vec![
            invoice("1000", "2026-07-01", "2026-07-31", Some("2026-08-10")),
            invoice("500", "2026-09-01", "2026-10-01", Some("2026-09-30")),
            invoice("300", "2026-10-01", "2026-10-31", None),
        ],
    }
}

fn invoice(amount: &str, issue: &str, due: &str, settled: Option<&str>) -> InvoiceFacts {
    InvoiceFacts {
        amount: dec(amount),
        issue_date: date(issue),
        due_date: date(due),
        settled_on: settled.map(date),
        open: if settled.is_some() {
            Decimal::ZERO
        } else {
            dec(amount)
        },
    }
}

fn factor(score: &Score, factor: Factor) -> &Contribution {
    score
        .contributions
        .iter()
        .find(|c| c.factor == factor)
        .expect("every factor has a contribution")
}

/// The worked example scored under the default policy, every figure by hand:
/// - financial strength: Z″ 3.0386 is in the band ≤ 4.0 → 85 points.
/// - payment: due in the window 1000 (10 days late), 500 (on time), 300 (23 days open past
///   due): DBT = (10000 + 0 + 6900) / 1800 = 9.388…; last 3 months (due after 2026-08-23):
///   500 and 300 → 6900 / 800 = 8.625; scored days max(9.39, 8.63) = 9.39 → band ≤ 15 → 70;
///   late share 1300 / 1800 = 72.2 % → −7.22; longest 23 days → −23/9 = −2.56;
///   points 70 − 7.222… − 2.555… = 60.222….
/// - rating A → 80. Signals: medium 15 points, 6 whole months old of 24 → 15·18/24 = 11.25
///   → 88.75. Relationship: 30 months → band ≤ 36 → 70.
///
/// Contributions: 35·35/100 = 12.25; 35·10.222…/100 = 3.5777…; 15·30/100 = 4.5;
/// 10·38.75/100 = 3.875; 5·20/100 = 1. Exact sum 25.2027… → score 75.2 (grade B).
#[test]
fn the_worked_example_scores_as_computed_by_hand() {
    let scored = score(&inputs(), &CreditPolicy::default());
    assert_eq!(
        factor(&scored, Factor::FinancialStrength).points,
        Some(dec("85"))
    );
    assert_eq!(
        factor(&scored, Factor::PaymentBehaviour).points,
        Some(dec("60.2"))
    );
    assert_eq!(
        factor(&scored, Factor::ExternalRating).points,
        Some(dec("80"))
    );
    assert_eq!(
        factor(&scored, Factor::RiskSignals).points,
        Some(dec("88.8"))
    );
    assert_eq!(
        factor(&scored, Factor::Relationship).points,
        Some(dec("70"))
    );
    assert_eq!(scored.signal_penalty, dec("11.25"));
    assert_eq!(scored.relationship_months, 30);
    assert_eq!(
        scored.payment,
        PaymentBehaviour {
            dbt_weighted: Some(dec("9.4")),
            late_share_percent: Some(dec("72.2")),
            overdue_days_max: 23,
            dbt_recent_3m: Some(dec("8.6")),
            dbt_prior_9m: Some(dec("10")),
        }
    );
    let contributions: Vec<Decimal> = scored
        .contributions
        .iter()
        .map(|c| c.contribution)
        .collect();
    // 12.25 → 12.2|12.3, 3.577 → 3.5|3.6, 4.5, 3.875 → 3.8|3.9, 1: floors sum 25.0, target
    // 25.2, so the two largest remainders (3.577: .077, 3.875: .075) get a tenth each.
    assert_eq!(
        contributions,
        vec![dec("12.2"), dec("3.6"), dec("4.5"), dec("3.9"), dec("1.0")]
    );
    assert_eq!(scored.score, dec("75.2"));
    assert_eq!(scored.grade, Grade::B);
    assert_eq!(scored.pd_percent, dec("1.5"));
    assert_eq!(scored.policy_version, 1);
    assert_eq!(scored.flags, vec![]);
}

#[test]
fn missing_factors_get_no_weight_and_are_flagged() {
    let bare = ScoreInputs {
        statement: None,
        report: None,
        signals: vec![],
        invoices: vec![],
        ..inputs()
    };
    let scored = score(&bare, &CreditPolicy::default());
    assert_eq!(
        scored.flags,
        vec![
            QualityFlag::NoStatement,
            QualityFlag::NoPaymentHistory,
            QualityFlag::NoReport
        ]
    );
    for missing in [
        Factor::FinancialStrength,
        Factor::PaymentBehaviour,
        Factor::ExternalRating,
    ] {
        let contribution = factor(&scored, missing);
        assert_eq!(contribution.points, None);
        assert_eq!(contribution.weight_percent, Decimal::ZERO);
        assert_eq!(contribution.contribution, Decimal::ZERO);
    }
    // Signals 10 and relationship 5 rescale to 66.67 % and 33.33 %.
    assert_eq!(
        factor(&scored, Factor::RiskSignals).weight_percent,
        dec("66.67")
    );
    assert_eq!(
        factor(&scored, Factor::Relationship).weight_percent,
        dec("33.33")
    );
    // 50 + 66.67 % · 50 + 33.33 % · 20 = 50 + 33.33 + 6.67 = 90.0
    assert_eq!(scored.score, dec("90.0"));
}

#[test]
fn stale_incomplete_unbalanced_and_unmapped_inputs_are_flagged() {
    let mut stale = inputs();
    if let Some(statement) = &mut stale.statement {
        statement.period_end = date("2025-06-30");
        statement.cash = None;
        statement.inventory = None;
        statement.equity = Some(dec("500"));
    }
    if let Some(report) = &mut stale.report {
        report.report_date = date("2025-10-01");
        report.rating = "720".to_string();
    }
    let scored = score(&stale, &CreditPolicy::default());
    assert_eq!(
        scored.flags,
        vec![
            QualityFlag::StaleStatement { months: 16 },
            QualityFlag::StatementIncomplete,
            QualityFlag::StatementUnbalanced,
            QualityFlag::StaleReport { months: 13 },
            QualityFlag::RatingNotMapped {
                agency: "Bureau".to_string(),
                rating: "720".to_string(),
            },
        ]
    );
    // The stale statement is still used; the unmapped rating is not.
    assert!(factor(&scored, Factor::FinancialStrength).points.is_some());
    assert_eq!(factor(&scored, Factor::ExternalRating).points, None);
}

#[test]
fn odd_statements_never_panic() {
    let cases = [
        FinancialStatement {
            period_end: date("2025-12-31"),
            ..FinancialStatement::default()
        },
        FinancialStatement {
            total_assets: Some(Decimal::ZERO),
            ..worked_example()
        },
        FinancialStatement {
            equity: Some(dec("-900")),
            retained_earnings: Some(dec("-1200")),
            ..worked_example()
        },
        FinancialStatement {
            total_assets: Some(dec("-5")),
            total_liabilities: Some(Decimal::MAX),
            equity: Some(Decimal::MIN),
            ebit: Some(Decimal::MAX),
            interest_expense: Some(dec("0.0000000000000000000000000001")),
            ..worked_example()
        },
    ];
    for statement in cases {
        let scored = score(
            &ScoreInputs {
                statement: Some(statement),
                ..inputs()
            },
            &CreditPolicy::default(),
        );
        assert!(scored.score >= Decimal::ZERO && scored.score <= dec("100"));
    }
    let negative_equity = FinancialStatement {
        equity: Some(dec("-900")),
        ..worked_example()
    };
    let z = altman_z(&negative_equity).expect("computable");
    assert_eq!(z.x4, dec("-1.5"));
}

fn statement_strategy() -> impl Strategy<Value = FinancialStatement> {
    let line = || proptest::option::weighted(0.9, 0i64..2_000_000);
    let signed = || proptest::option::weighted(0.9, -1_000_000i64..2_000_000);
    (
        (line(), line(), line(), 1i64..2_000_000, signed()),
        (signed(), line(), line(), line(), signed(), signed(), line()),
    )
        .prop_map(
            |((ca, ta, cl, tl, eq), (re, inv, cash, rev, ebit, np, int))| FinancialStatement {
                period_end: date("2025-12-31"),
                currency: None,
                current_assets: ca.map(Decimal::from),
                total_assets: ta.map(Decimal::from),
                current_liabilities: cl.map(Decimal::from),
                total_liabilities: Some(Decimal::from(tl)),
                equity: eq.map(Decimal::from),
                retained_earnings: re.map(Decimal::from),
                inventory: inv.map(Decimal::from),
                cash: cash.map(Decimal::from),
                revenue: rev.map(Decimal::from),
                ebit: ebit.map(Decimal::from),
                net_profit: np.map(Decimal::from),
                interest_expense: int.map(Decimal::from),
            },
        )
}

fn invoice_strategy() -> impl Strategy<Value = InvoiceFacts> {
    // Issue days relative to 2026-11-23 (0 = that day), terms, days from due to settlement.
    (
        1i64..100_000,
        -700i64..30,
        0i64..90,
        proptest::option::of(-30i64..200),
    )
        .prop_map(|(amount, issue, terms, settle)| {
            let as_of = date("2026-11-23");
            let issue_date = as_of + chrono::Duration::days(issue);
            let due_date = issue_date + chrono::Duration::days(terms);
            let settled_on = settle
                .map(|days| due_date + chrono::Duration::days(days))
                .filter(|settled| *settled >= issue_date);
            InvoiceFacts {
                amount: Decimal::from(amount),
                issue_date,
                due_date,
                settled_on,
                open: if settled_on.is_some() {
                    Decimal::ZERO
                } else {
                    Decimal::from(amount)
                },
            }
        })
}

fn inputs_strategy() -> impl Strategy<Value = ScoreInputs> {
    (
        proptest::option::of(statement_strategy()),
        proptest::collection::vec(invoice_strategy(), 0..12),
        proptest::option::of(prop::sample::select(vec!["AAA", "BB", "CR4", "unknown"])),
        proptest::collection::vec((0i64..900, 0usize..3), 0..4),
        0i64..4000,
    )
        .prop_map(|(statement, invoices, rating, signals, registered)| {
            let as_of = date("2026-11-23");
            ScoreInputs {
                as_of,
                registered_on: as_of - chrono::Duration::days(registered),
                statement,
                report: rating.map(|rating| CreditReport {
                    agency: "Bureau".to_string(),
                    report_date: date("2026-01-15"),
                    rating: rating.to_string(),
                    recommended_limit: None,
                    notes: String::new(),
                }),
                signals: signals
                    .into_iter()
                    .map(|(age, severity)| RiskSignal {
                        kind: SignalKind::Other,
                        date: as_of - chrono::Duration::days(age),
                        severity: [Severity::Low, Severity::Medium, Severity::High][severity],
                        source: String::new(),
                        notes: String::new(),
                    })
                    .collect(),
                invoices,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn paying_later_never_raises_the_score(
        inputs in inputs_strategy(),
        pick in any::<prop::sample::Index>(),
        delay in 1i64..400,
    ) {
        let policy = CreditPolicy::default();
        let before = score(&inputs, &policy);
        prop_assume!(!inputs.invoices.is_empty());
        let mut later = inputs.clone();
        let index = pick.index(later.invoices.len());
        let invoice = &mut later.invoices[index];
        // An unpaid invoice stays unpaid; a paid one is paid `delay` days later (possibly
        // after as_of, when it counts as unpaid).
        invoice.settled_on = invoice.settled_on.map(|settled| settled + chrono::Duration::days(delay));
        let after = score(&later, &policy);
        prop_assert!(after.score <= before.score, "{} > {}", after.score, before.score);
        let points = |s: &Score| factor(s, Factor::PaymentBehaviour).points;
        if let (Some(before), Some(after)) = (points(&before), points(&after)) {
            prop_assert!(after <= before);
        }
    }

    #[test]
    fn more_equity_never_lowers_the_score(
        inputs in inputs_strategy(),
        statement in statement_strategy(),
        more in 1i64..1_000_000,
    ) {
        let policy = CreditPolicy::default();
        let mut inputs = inputs;
        inputs.statement = Some(statement);
        let before = score(&inputs, &policy);
        let mut richer = inputs.clone();
        if let Some(statement) = &mut richer.statement {
            statement.equity = statement.equity.map(|equity| equity + Decimal::from(more));
        }
        let after = score(&richer, &policy);
        prop_assert!(after.score >= before.score, "{} < {}", after.score, before.score);
    }

    #[test]
    fn contributions_add_up_and_the_score_stays_in_range(inputs in inputs_strategy()) {
        let policy = CreditPolicy::default();
        let scored = score(&inputs, &policy);
        let total: Decimal = scored.contributions.iter().map(|c| c.contribution).sum();
        prop_assert_eq!(base() + total, scored.score);
        prop_assert!(scored.score >= Decimal::ZERO && scored.score <= dec("100"));
        prop_assert!(scored.score.scale() <= 1);
        let weights: Decimal = scored.contributions.iter().map(|c| c.weight_percent).sum();
        prop_assert!((weights - dec("100")).abs() <= dec("0.02"), "weights {}", weights);
        // Identical inputs, identical output.
        prop_assert_eq!(score(&inputs.clone(), &policy), scored);
    }
}

#[test]
fn the_score_is_bounded_even_when_every_factor_is_extreme() {
    let policy = CreditPolicy::default();
    let best = ScoreInputs {
        statement: Some(FinancialStatement {
            equity: Some(dec("100000")),
            ..worked_example()
        }),
        report: Some(CreditReport {
            rating: "AAA".to_string(),
            ..inputs().report.expect("has a report")
        }),
        signals: vec![],
        registered_on: date("2000-01-01"),
        invoices: vec![invoice(
            "100",
            "2026-09-01",
            "2026-10-01",
            Some("2026-09-01"),
        )],
        ..inputs()
    };
    let scored = score(&best, &policy);
    assert_eq!(scored.score, dec("100.0"));
    assert_eq!(scored.grade, Grade::A);
    // Rescaled thirds: three factors at 100 sum to exactly 100.0, never 100.1.
    let thirds = CreditPolicy {
        weights: [dec("20"), dec("20"), dec("20"), dec("20"), dec("20")],
        ..CreditPolicy::default()
    };
    let no_statement = ScoreInputs {
        statement: None,
        invoices: vec![],
        ..best.clone()
    };
    let scored = score(&no_statement, &thirds);
    assert_eq!(scored.score, dec("100.0"));
    assert_eq!(
        scored
            .contributions
            .iter()
            .map(|c| c.contribution)
            .sum::<Decimal>(),
        dec("50.0")
    );
}

/// The portfolio's grade-drop list and a customer's own grade drop are one rule: over demo
/// S, a customer is in `grade_drops` exactly when `grade_drop` of its history says so.
#[test]
fn the_grade_drop_list_agrees_with_each_customers_history() {
    let as_of = date("2026-11-23");
    let (_, state) = creditdesk_core::demo::demo_portfolio(
        creditdesk_core::demo::DemoSize::S,
        creditdesk_core::demo::DEMO_SEED,
        as_of,
    )
    .expect("demo S");
    let drops = grade_drops(&state.ledger, &state.credit, &state.policies, as_of);
    let mut from_history = Vec::new();
    for customer in &state.ledger.customers {
        let history = score_history(
            &state.ledger,
            &state.credit,
            &state.policies,
            customer,
            as_of,
            2,
        );
        if let Some((before, now)) = grade_drop(&history) {
            from_history.push(GradeDrop {
                customer: customer.id,
                before,
                now,
            });
        }
    }
    assert_eq!(drops, from_history);
    assert_eq!(previous_month_end(date("2026-11-30")), date("2026-10-31"));
    assert_eq!(previous_month_end(date("2026-12-01")), date("2026-11-30"));
}

/// The what-if tests' customer (30-day terms): DUE-TODAY 100.00 issued 2026-10-24, LATE 200.00
/// issued 2026-09-01 and unpaid, PAID 300.00 issued 2026-08-01 and paid 2026-08-20.
fn what_if_ledger() -> (Ledger, creditdesk_core::Customer) {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C1", "Alpha", Currency::CNY, 30);
    ledger.invoice(customer, "DUE-TODAY", "2026-10-24", cny("100.00"));
    ledger.invoice(customer, "LATE", "2026-09-01", cny("200.00"));
    ledger.invoice(customer, "PAID", "2026-08-01", cny("300.00"));
    ledger.pay(
        customer,
        "2026-08-20",
        cny("300.00"),
        AllocationChoice::OldestFirst,
    );
    let account = ledger.customer(customer).clone();
    (ledger, account)
}

/// What "overdue" and "paid today" mean for the what-if panel is the core's: overdue is open
/// and due before the day (due today is not), and paying sets the settlement to today.
#[test]
fn what_if_marks_only_overdue_invoices_and_pays_them_today() {
    let (ledger, account) = what_if_ledger();
    let inputs = score_inputs(
        &ledger.state.ledger,
        &ledger.state.credit,
        &account,
        date("2026-11-23"),
    );
    let overdue = inputs.overdue_invoices();
    let numbers: Vec<Decimal> = overdue.iter().map(|i| inputs.invoices[*i].amount).collect();
    assert_eq!(numbers, [dec("200.00")]);
    let paid = inputs.with_paid_today(&overdue);
    let late = &paid.invoices[overdue[0]];
    assert_eq!(
        (late.open, late.settled_on),
        (Decimal::ZERO, Some(date("2026-11-23")))
    );
    assert_eq!(paid.invoices.len(), inputs.invoices.len());
}

/// Paying overdue invoices today leaves today's score as it is (their days beyond terms so
/// far count either way) and shows 30 days on: unpaid, the late invoice's days keep growing.
/// As of 2026-11-23, LATE (200.00, due 2026-10-01) is 53 days beyond terms; DUE-TODAY
/// (100.00) is taken as paid on its due date, PAID (300.00) was paid early. 30 days on
/// (2026-12-23): unpaid, 200 × 83 / 600 = 27.7 days weighted, 83 at most; paid today,
/// 200 × 53 / 600 = 17.7 and 53.
#[test]
fn paying_today_shows_in_the_score_looked_at_later() {
    let (ledger, account) = what_if_ledger();
    let policy = CreditPolicy::default();
    let inputs = score_inputs(
        &ledger.state.ledger,
        &ledger.state.credit,
        &account,
        date("2026-11-23"),
    );
    let paid = inputs.with_paid_today(&inputs.overdue_invoices());
    assert_eq!(score(&inputs, &policy).score, score(&paid, &policy).score);

    let (unpaid_later, paid_later) = (
        score(&inputs.ahead(30), &policy),
        score(&paid.ahead(30), &policy),
    );
    assert_eq!(inputs.ahead(30).as_of, date("2026-12-23"));
    assert_eq!(
        (
            unpaid_later.payment.dbt_weighted,
            unpaid_later.payment.overdue_days_max
        ),
        (Some(dec("27.7")), 83)
    );
    assert_eq!(
        (
            paid_later.payment.dbt_weighted,
            paid_later.payment.overdue_days_max
        ),
        (Some(dec("17.7")), 53)
    );
    assert!(
        paid_later.score > unpaid_later.score,
        "{} vs {}",
        paid_later.score,
        unpaid_later.score
    );
}

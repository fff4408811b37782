//! The order credit check as a decision table: each situation with its verdict, the exact
//! reasons, who may release a block and what is left available; the order amounts it refuses;
//! and `PlaceOrder` through the check (pass opens, a block needs a reason and the authority).

mod common;

use common::*;
use creditdesk_core::check::*;
use creditdesk_core::ledger::reports::customer_balance;
use creditdesk_core::limits::*;
use creditdesk_core::policy::{CreditPolicy, Grade, Security};
use creditdesk_core::team::*;
use creditdesk_core::*;
use rust_decimal::Decimal;

const AS_OF: &str = "2026-04-01";

/// The default policy as version 2 with grade floors 100 / 99.9 / 0.2 / 0.1. The customers here
/// have no financial data and a short payment history, so they score between 0.2 and 99.9 and
/// are all grade C: limit maximum 800,000, terms up to 45 days, no security, review after 6
/// months, 7 days' overdue tolerance, warning at 85 % utilisation. (Rows that need another
/// grade call `check_with_grade` and say which.)
fn all_grade_c() -> CreditPolicy {
    CreditPolicy {
        version: 2,
        grade_floors: [dec("100"), dec("99.9"), dec("0.2"), dec("0.1")],
        ..CreditPolicy::default()
    }
}

/// A ledger with one profile per role and one CNY customer on 30 days' terms.
struct Desk {
    ledger: Ledger,
    customer: CustomerId,
    sales: UserId,
    analyst: UserId,
    manager: UserId,
    director: UserId,
}

/// Adds a profile: the team's first by nobody, every later one by the first (the director).
fn add_user(ledger: &mut Ledger, name: &str, role: Role) -> UserId {
    let id = ledger.state.next_ids().user;
    ledger.run(Command::AddUser {
        id,
        name: name.to_string(),
        role,
        by: (id != UserId(1)).then_some(UserId(1)),
    });
    id
}

fn desk() -> Desk {
    let mut ledger = Ledger::default();
    let director = add_user(&mut ledger, "Chen Jie", Role::Director);
    ledger.run(Command::ChangePolicy {
        date: date("2025-01-01"),
        policy: Box::new(all_grade_c()),
        by: director,
    });
    let sales = add_user(&mut ledger, "Li Na", Role::Sales);
    let analyst = add_user(&mut ledger, "Wang Wei", Role::Analyst);
    let manager = add_user(&mut ledger, "Zhao Min", Role::Manager);
    let customer = ledger.register("C000001", "Huaxin Machinery", Currency::CNY, 30);
    Desk {
        ledger,
        customer,
        sales,
        analyst,
        manager,
        director,
    }
}

impl Desk {
    /// A limit requested by sales the day before `approved` and approved by the director.
    fn limit(&mut self, amount: &str, approved: &str, until: Option<&str>) -> RequestId {
        let id = self.ledger.state.next_ids().request;
        let approved = date(approved);
        self.ledger.run(Command::RequestLimit {
            id,
            customer: self.customer,
            date: approved - chrono::Duration::days(1),
            by: self.sales,
            amount: limit(amount, Currency::CNY),
            reason: "annual review".to_string(),
            until: until.map(date),
        });
        self.ledger.run(Command::ApproveLimit {
            request: id,
            date: approved,
            by: self.director,
            comment: String::new(),
        });
        id
    }

    fn invoice(&mut self, issue: &str, due: &str, amount: &str) {
        let number = format!("INV-{}", self.ledger.state.next_ids().invoice.0);
        self.ledger
            .invoice_due(self.customer, &number, issue, Some(due), cny(amount));
    }

    fn hold(&mut self, on: &str) {
        self.ledger.run(Command::PlaceHold {
            customer: self.customer,
            date: date(on),
            by: self.analyst,
            reason: "cheque bounced".to_string(),
        });
    }

    fn release_hold(&mut self, on: &str) {
        self.ledger.run(Command::ReleaseHold {
            customer: self.customer,
            date: date(on),
            by: self.manager,
            reason: "paid in full".to_string(),
        });
    }

    fn terms(&mut self, days: u32) {
        let mut details = self.ledger.customer(self.customer).details.clone();
        details.payment_terms_days = days;
        self.ledger.run(Command::UpdateCustomer {
            id: self.customer,
            details,
        });
    }

    /// A limit of 100,000 approved 2026-03-01, an invoice of 20,000 not yet due and an open
    /// order of 10,000: exposure 30,000, 70,000 available.
    fn usual(&mut self) {
        self.limit("100000", "2026-03-01", None);
        self.invoice("2026-03-20", "2026-04-19", "20000");
        self.ledger.order(self.customer, "2026-03-25", cny("10000"));
    }

    fn check(&self, order: &str) -> Result<CreditCheck, CheckError> {
        check_order(
            &self.ledger.state,
            &self.ledger.state.policy(),
            self.customer,
            &plain(order, Currency::CNY),
            date(AS_OF),
        )
    }

    fn check_as(&self, grade: Grade, order: &str) -> CreditCheck {
        check_with_grade(
            &self.ledger.state,
            &self.ledger.state.policy(),
            self.ledger.customer(self.customer),
            grade,
            dec(order),
            date(AS_OF),
        )
    }
}

/// What a row expects: verdict, reasons in order, release role, available before the order,
/// shortfall, utilisation.
struct Expect {
    verdict: Verdict,
    reasons: Vec<CheckReason>,
    release: Option<Role>,
    available: Option<&'static str>,
    shortfall: &'static str,
    utilisation: Option<&'static str>,
}

fn found(check: &CreditCheck) -> String {
    format!(
        "{:?} {:?} release {:?} available {:?} shortfall {} utilisation {:?}",
        check.verdict,
        check.reasons,
        check.release_role,
        check.available,
        check.shortfall,
        check.utilisation_percent
    )
}

fn matches(check: &CreditCheck, expect: &Expect) -> bool {
    check.verdict == expect.verdict
        && check.reasons == expect.reasons
        && check.release_role == expect.release
        && check.available == expect.available.map(dec)
        && check.shortfall == dec(expect.shortfall)
        && check.utilisation_percent == expect.utilisation.map(dec)
}

fn over_limit(shortfall: &str) -> CheckReason {
    CheckReason::OverLimit {
        shortfall: dec(shortfall),
    }
}

fn on_hold() -> CheckReason {
    CheckReason::OnHold {
        since: date("2026-03-10"),
        reason: "cheque bounced".to_string(),
    }
}

type Setup = fn(&mut Desk);

#[test]
fn the_credit_check_decision_table() {
    use CheckReason::*;
    use Verdict::*;
    let pass = |available, utilisation| Expect {
        verdict: Pass,
        reasons: vec![],
        release: None,
        available: Some(available),
        shortfall: "0",
        utilisation: Some(utilisation),
    };
    let rows: Vec<(&str, Setup, &str, Expect)> = vec![
        (
            "no limit",
            |_| {},
            "1000",
            Expect {
                verdict: Block,
                reasons: vec![NoLimit],
                release: Some(Role::Manager),
                available: None,
                shortfall: "0",
                utilisation: None,
            },
        ),
        (
            "no limit, order zero: the customer's standing alone",
            |_| {},
            "0",
            Expect {
                verdict: Block,
                reasons: vec![NoLimit],
                release: Some(Role::Manager),
                available: None,
                shortfall: "0",
                utilisation: None,
            },
        ),
        (
            "a temporary limit alone, lapsed after 2026-03-15",
            |d| {
                d.limit("50000", "2026-03-01", Some("2026-03-15"));
            },
            "1000",
            Expect {
                verdict: Block,
                reasons: vec![LimitLapsed {
                    until: date("2026-03-15"),
                }],
                release: Some(Role::Manager),
                available: None,
                shortfall: "0",
                utilisation: None,
            },
        ),
        (
            "within the limit: 60,000 of 100,000",
            Desk::usual,
            "30000",
            pass("70000", "60.0"),
        ),
        (
            "order zero: 30,000 of 100,000",
            Desk::usual,
            "0",
            pass("70000", "30.0"),
        ),
        (
            "utilisation exactly at grade C's warning of 85 %",
            Desk::usual,
            "55000",
            Expect {
                verdict: Warn,
                reasons: vec![UtilisationHigh {
                    percent: dec("85.0"),
                    warning: dec("85"),
                }],
                release: None,
                available: Some("70000"),
                shortfall: "0",
                utilisation: Some("85.0"),
            },
        ),
        (
            "utilisation 84.99999 %: shown as 85.0 but below the warning",
            Desk::usual,
            "54999.99",
            pass("70000", "85.0"),
        ),
        (
            "exactly the limit: a warning, not a block",
            Desk::usual,
            "70000",
            Expect {
                verdict: Warn,
                reasons: vec![UtilisationHigh {
                    percent: dec("100.0"),
                    warning: dec("85"),
                }],
                release: None,
                available: Some("70000"),
                shortfall: "0",
                utilisation: Some("100.0"),
            },
        ),
        (
            "over the limit by 10,000: an analyst may approve 110,000",
            Desk::usual,
            "80000",
            Expect {
                verdict: Block,
                reasons: vec![over_limit("10000")],
                release: Some(Role::Analyst),
                available: Some("70000"),
                shortfall: "10000",
                utilisation: Some("110.0"),
            },
        ),
        (
            "over the limit, 700,000 needed: the manager's band",
            |d| {
                d.limit("600000", "2026-03-01", None);
            },
            "700000",
            Expect {
                verdict: Block,
                reasons: vec![over_limit("100000")],
                release: Some(Role::Manager),
                available: Some("600000"),
                shortfall: "100000",
                utilisation: Some("116.7"),
            },
        ),
        (
            "over the limit, 900,000 needed: above grade C's maximum, a director",
            |d| {
                d.limit("600000", "2026-03-01", None);
            },
            "900000",
            Expect {
                verdict: Block,
                reasons: vec![over_limit("300000")],
                release: Some(Role::Director),
                available: Some("600000"),
                shortfall: "300000",
                utilisation: Some("150.0"),
            },
        ),
        (
            "a closed credit line (a limit of zero): any order is over it",
            |d| {
                d.limit("0", "2026-03-01", None);
            },
            "1000",
            Expect {
                verdict: Block,
                reasons: vec![over_limit("1000")],
                release: Some(Role::Analyst),
                available: Some("0"),
                shortfall: "1000",
                utilisation: None,
            },
        ),
        (
            "overdue 7 days, within grade C's tolerance of 7",
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.invoice("2026-02-23", "2026-03-25", "10000");
            },
            "1000",
            Expect {
                verdict: Warn,
                reasons: vec![OverdueWithinTolerance {
                    days: 7,
                    tolerance: 7,
                    overdue: dec("10000"),
                }],
                release: None,
                available: Some("90000"),
                shortfall: "0",
                utilisation: Some("11.0"),
            },
        ),
        (
            "overdue 8 days, beyond the tolerance: a manager releases",
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.invoice("2026-02-22", "2026-03-24", "10000");
            },
            "1000",
            Expect {
                verdict: Block,
                reasons: vec![OverdueBeyondTolerance {
                    days: 8,
                    tolerance: 7,
                    overdue: dec("10000"),
                }],
                release: Some(Role::Manager),
                available: Some("90000"),
                shortfall: "0",
                utilisation: Some("11.0"),
            },
        ),
        (
            "on hold: a manager releases",
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.hold("2026-03-10");
            },
            "1000",
            Expect {
                verdict: Block,
                reasons: vec![on_hold()],
                release: Some(Role::Manager),
                available: Some("100000"),
                shortfall: "0",
                utilisation: Some("1.0"),
            },
        ),
        (
            "a released hold no longer blocks",
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.hold("2026-03-10");
                d.release_hold("2026-03-20");
            },
            "1000",
            pass("100000", "1.0"),
        ),
        (
            "review date 2026-03-01 passed",
            |d| {
                d.limit("100000", "2025-09-01", None);
            },
            "1000",
            Expect {
                verdict: Warn,
                reasons: vec![ReviewOverdue {
                    review_on: date("2026-03-01"),
                }],
                release: None,
                available: Some("100000"),
                shortfall: "0",
                utilisation: Some("1.0"),
            },
        ),
        (
            "on the review date itself",
            |d| {
                d.limit("100000", "2025-10-01", None);
            },
            "1000",
            pass("100000", "1.0"),
        ),
        (
            "terms of 60 days above grade C's 45",
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.terms(60);
            },
            "1000",
            Expect {
                verdict: Warn,
                reasons: vec![TermsAboveGrade {
                    terms: 60,
                    allowed: 45,
                }],
                release: None,
                available: Some("100000"),
                shortfall: "0",
                utilisation: Some("1.0"),
            },
        ),
        (
            "everything at once: blocks first, then warnings; the hold asks a manager",
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.invoice("2026-02-22", "2026-03-24", "10000");
                d.hold("2026-03-10");
                d.terms(60);
            },
            "95000",
            Expect {
                verdict: Block,
                reasons: vec![
                    over_limit("5000"),
                    OverdueBeyondTolerance {
                        days: 8,
                        tolerance: 7,
                        overdue: dec("10000"),
                    },
                    on_hold(),
                    TermsAboveGrade {
                        terms: 60,
                        allowed: 45,
                    },
                ],
                release: Some(Role::Manager),
                available: Some("90000"),
                shortfall: "5000",
                utilisation: Some("105.0"),
            },
        ),
    ];
    let mut failures = Vec::new();
    for (label, setup, order, expect) in rows {
        let mut desk = desk();
        setup(&mut desk);
        match desk.check(order) {
            Ok(check) if check.grade == Grade::C && matches(&check, &expect) => {}
            Ok(check) => failures.push(format!("{label}: {:?} {}", check.grade, found(&check))),
            Err(error) => failures.push(format!("{label}: {error:?}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rows_that_need_another_grade() {
    use CheckReason::*;
    use Verdict::*;
    // The grade is given here rather than scored: D requires a bank guarantee, allows 30 days'
    // terms and no overdue days, warns at 80 %; E allows no limit, no terms, and prepayment.
    let rows: Vec<(&str, Grade, Setup, &str, Expect)> = vec![
        (
            "grade D asks for a bank guarantee",
            Grade::D,
            |d| {
                d.limit("100000", "2026-03-01", None);
            },
            "10000",
            Expect {
                verdict: Warn,
                reasons: vec![SecurityRequired {
                    security: Security::BankGuarantee,
                }],
                release: None,
                available: Some("100000"),
                shortfall: "0",
                utilisation: Some("10.0"),
            },
        ),
        (
            "grade D tolerates no overdue day",
            Grade::D,
            |d| {
                d.limit("100000", "2026-03-01", None);
                d.invoice("2026-03-01", "2026-03-31", "5000");
            },
            "10000",
            Expect {
                verdict: Block,
                reasons: vec![
                    OverdueBeyondTolerance {
                        days: 1,
                        tolerance: 0,
                        overdue: dec("5000"),
                    },
                    SecurityRequired {
                        security: Security::BankGuarantee,
                    },
                ],
                release: Some(Role::Manager),
                available: Some("95000"),
                shortfall: "0",
                utilisation: Some("15.0"),
            },
        ),
        (
            "grade E: no terms and prepayment",
            Grade::E,
            |d| {
                d.limit("100000", "2026-03-01", None);
            },
            "10000",
            Expect {
                verdict: Warn,
                reasons: vec![
                    TermsAboveGrade {
                        terms: 30,
                        allowed: 0,
                    },
                    SecurityRequired {
                        security: Security::Prepayment,
                    },
                ],
                release: None,
                available: Some("100000"),
                shortfall: "0",
                utilisation: Some("10.0"),
            },
        ),
        (
            "grade E over the limit: above E's maximum of zero, a director",
            Grade::E,
            |d| {
                d.limit("100000", "2026-03-01", None);
            },
            "100000.01",
            Expect {
                verdict: Block,
                reasons: vec![
                    over_limit("0.01"),
                    TermsAboveGrade {
                        terms: 30,
                        allowed: 0,
                    },
                    SecurityRequired {
                        security: Security::Prepayment,
                    },
                ],
                release: Some(Role::Director),
                available: Some("100000"),
                shortfall: "0.01",
                utilisation: Some("100.0"),
            },
        ),
    ];
    let mut failures = Vec::new();
    for (label, grade, setup, order, expect) in rows {
        let mut desk = desk();
        setup(&mut desk);
        let check = desk.check_as(grade, order);
        if check.grade != grade || !matches(&check, &expect) {
            failures.push(format!("{label}: {}", found(&check)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_passing_check_in_full() {
    let mut desk = desk();
    desk.usual();
    let request = RequestId(1);
    let check = desk.check("30000").expect("a valid order");
    assert_eq!(
        check,
        CreditCheck {
            customer: desk.customer,
            as_of: date(AS_OF),
            currency: Currency::CNY,
            verdict: Verdict::Pass,
            reasons: vec![],
            grade: Grade::C,
            limit: LimitStatus::InForce(LimitInForce {
                request,
                amount: dec("100000"),
                approved_on: date("2026-03-01"),
                review_on: date("2026-09-01"),
                until: None,
            }),
            open_receivables: dec("20000"),
            open_orders: dec("10000"),
            exposure: dec("30000"),
            order: dec("30000"),
            available: Some(dec("70000")),
            available_after: Some(dec("40000")),
            shortfall: Decimal::ZERO,
            utilisation_percent: Some(dec("60.0")),
            release_role: None,
        }
    );
}

#[test]
fn orders_the_check_refuses_to_read() {
    let mut desk = desk();
    let yen = desk.ledger.register("C000002", "Sakura K.K.", jpy(), 30);
    let state = &desk.ledger.state;
    let policy = state.policy();
    let on = date(AS_OF);
    let cases = [
        (
            "a USD order for a CNY customer",
            desk.customer,
            plain("100", Currency::USD),
            CheckError::CurrencyMismatch {
                expected: Currency::CNY,
                found: Currency::USD,
            },
        ),
        (
            "a negative order",
            desk.customer,
            plain("-0.01", Currency::CNY),
            CheckError::AmountNegative,
        ),
        (
            "three decimals",
            desk.customer,
            plain("1.001", Currency::CNY),
            CheckError::TooManyDecimals { allowed: 2 },
        ),
        (
            "yen with decimals",
            yen,
            plain("0.5", jpy()),
            CheckError::TooManyDecimals { allowed: 0 },
        ),
        (
            "an unknown customer",
            CustomerId(99),
            plain("1", Currency::CNY),
            CheckError::UnknownCustomer,
        ),
    ];
    for (label, customer, order, expected) in cases {
        assert_eq!(
            check_order(state, &policy, customer, &order, on),
            Err(expected),
            "{label}"
        );
    }
}

#[test]
fn an_absurd_order_amount_blocks_and_never_panics() {
    let mut desk = desk();
    desk.usual();
    for amount in [Decimal::MAX, dec("1e27"), dec("10000000000000.01")] {
        let check = desk
            .check(&amount.to_string())
            .expect("a valid amount, if absurd");
        assert_eq!(check.verdict, Verdict::Block, "{amount}");
        assert_eq!(check.release_role, Some(Role::Director), "{amount}");
    }
}

fn place(desk: &Desk, amount: &str, by: UserId, reason: Option<&str>) -> Command {
    Command::PlaceOrder {
        id: desk.ledger.state.next_ids().order,
        customer: desk.customer,
        number: "SO-NEW".to_string(),
        date: date(AS_OF),
        amount: cny(amount),
        by,
        release_reason: reason.map(str::to_string),
    }
}

fn exposure(desk: &Desk) -> Decimal {
    customer_balance(
        &desk.ledger.state.ledger,
        desk.ledger.customer(desk.customer),
        date(AS_OF),
    )
    .exposure
}

#[test]
fn a_passing_or_warning_order_opens_and_adds_to_the_exposure() {
    let mut desk = desk();
    desk.usual();
    assert_eq!(exposure(&desk), dec("30000"));
    let id = desk.ledger.state.next_ids().order;
    let entries = desk.ledger.run(place(&desk, "30000", desk.sales, None));
    assert_eq!(
        entries,
        vec![Entry::Ledger(LedgerEntry::OrderOpened {
            id,
            customer: desk.customer,
            number: "SO-NEW".to_string(),
            date: date(AS_OF),
            amount: cny("30000"),
        })]
    );
    assert_eq!(exposure(&desk), dec("60000"));
    // 60,000 + 30,000 = 90 % of the limit: a warning, which still opens the order.
    let entries = desk.ledger.run(place(&desk, "30000", desk.sales, None));
    assert_eq!(entries.len(), 1);
    assert_eq!(exposure(&desk), dec("90000"));
    let check = desk.check("0").expect("valid");
    assert_eq!(check.available, Some(dec("10000")));
}

#[test]
fn a_blocked_order_needs_a_reason_and_the_authority() {
    let mut desk = desk();
    desk.usual();
    let state = desk.ledger.state.clone();
    let over = |amount, by, reason| decide(&state, &place(&desk, amount, by, reason));
    // 30,000 + 90,000 = 120,000 against 100,000: an analyst may approve a limit of 120,000.
    assert_eq!(
        over("90000", desk.sales, None),
        Err(Rejection::OrderBlocked)
    );
    assert_eq!(
        over("90000", desk.analyst, Some("   ")),
        Err(Rejection::OrderBlocked)
    );
    assert_eq!(
        over("90000", desk.sales, Some("year-end stock")),
        Err(Rejection::AboveAuthority {
            required: Role::Analyst
        })
    );
    assert_eq!(
        over("90000", UserId(99), Some("year-end stock")),
        Err(Rejection::UnknownUser)
    );
    // 30,000 + 870,000 = 900,000, above grade C's maximum of 800,000: only a director.
    assert_eq!(
        over("870000", desk.manager, Some("tender won")),
        Err(Rejection::AboveAuthority {
            required: Role::Director
        })
    );
    assert_eq!(state, desk.ledger.state, "refusals change nothing");

    let id = desk.ledger.state.next_ids().order;
    let entries = desk.ledger.run(place(
        &desk,
        "90000",
        desk.analyst,
        Some(" year-end stock "),
    ));
    assert_eq!(
        entries,
        vec![
            Entry::Ledger(LedgerEntry::OrderOpened {
                id,
                customer: desk.customer,
                number: "SO-NEW".to_string(),
                date: date(AS_OF),
                amount: cny("90000"),
            }),
            Entry::Limits(LimitsEntry::OrderReleased {
                order: id,
                date: date(AS_OF),
                by: desk.analyst,
                reason: "year-end stock".to_string(),
                blocked_for: vec![over_limit("20000")],
            }),
        ]
    );
    let release = desk
        .ledger
        .state
        .limits
        .release(id)
        .cloned()
        .expect("the order records its release");
    assert_eq!(release.blocked_for, vec![over_limit("20000")]);
    assert_eq!(exposure(&desk), dec("120000"));
}

#[test]
fn a_hold_is_released_order_by_order_by_a_manager() {
    let mut desk = desk();
    desk.usual();
    desk.hold("2026-03-10");
    let state = desk.ledger.state.clone();
    assert_eq!(
        decide(&state, &place(&desk, "1000", desk.analyst, Some("urgent"))),
        Err(Rejection::AboveAuthority {
            required: Role::Manager
        })
    );
    let entries = decide(&state, &place(&desk, "1000", desk.manager, Some("urgent")))
        .expect("a manager may release");
    assert_eq!(
        entries.last(),
        Some(&Entry::Limits(LimitsEntry::OrderReleased {
            order: state.next_ids().order,
            date: date(AS_OF),
            by: desk.manager,
            reason: "urgent".to_string(),
            blocked_for: vec![on_hold()],
        }))
    );
    assert!(decide(&state, &place(&desk, "1000", desk.director, Some("urgent"))).is_ok());
}

#[test]
fn a_usd_shortfall_is_released_by_the_role_for_its_cny_value() {
    let mut desk = desk();
    let usd = desk
        .ledger
        .register("C000002", "Blue Ridge Trading", Currency::USD, 30);
    let id = desk.ledger.state.next_ids().request;
    desk.ledger.run(Command::RequestLimit {
        id,
        customer: usd,
        date: date("2026-02-28"),
        by: desk.sales,
        amount: limit("50000", Currency::USD),
        reason: "new market".to_string(),
        until: None,
    });
    desk.ledger.run(Command::ApproveLimit {
        request: id,
        date: date("2026-03-01"),
        by: desk.director,
        comment: String::new(),
    });
    let state = &desk.ledger.state;
    let check = |amount: &str| {
        check_order(
            state,
            &state.policy(),
            usd,
            &plain(amount, Currency::USD),
            date(AS_OF),
        )
        .expect("a valid order")
    };
    // At 7.10: USD 70,422.53 is CNY 499,999.96 (an analyst's band), USD 70,422.54 is
    // CNY 500,000.03 (a manager's), USD 112,676.06 is above grade C's CNY 800,000 (a director).
    let cases = [
        ("70422.53", Role::Analyst, "20422.53"),
        ("70422.54", Role::Manager, "20422.54"),
        ("112676.06", Role::Director, "62676.06"),
    ];
    for (amount, role, shortfall) in cases {
        let found = check(amount);
        assert_eq!(
            (found.verdict, found.release_role, found.shortfall),
            (Verdict::Block, Some(role), dec(shortfall)),
            "USD {amount}"
        );
    }
}

/// A standing is what a check keeps for a day (`check::Standing`): for every customer of demo
/// S, on a day when some are overdue, over their limit or on hold, the standing read back from
/// its stored text gives the same check as the portfolio for every order amount asked,
/// including one at the limit, one a cent over it and an absurd one.
#[test]
fn a_standing_read_back_checks_every_amount_as_the_portfolio_does() {
    use creditdesk_core::credit::score::score;
    use creditdesk_core::credit::score::score_inputs;
    use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
    let as_of = date("2026-06-30");
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("demo S");
    let policy = state.policy_on(as_of);
    let mut verdicts = std::collections::BTreeSet::new();
    for account in &state.ledger.customers {
        let inputs = score_inputs(&state.ledger, &state.credit, account, as_of);
        let grade = score(&inputs, &policy).grade;
        let standing = standing_with_grade(&state, &policy, account, grade, as_of);
        // JSON, as the reasons' and balances' amounts are plain `Decimal`s, which postcard
        // cannot read back (rust_decimal's reader asks the format for any type).
        let text = serde_json::to_string(&standing).expect("encodes");
        let stored: Standing = serde_json::from_str(&text).expect("decodes");
        assert_eq!(stored, standing);
        let gap = match &standing.limit {
            LimitStatus::InForce(in_force) => in_force.amount - standing.balance.exposure,
            _ => Decimal::ZERO,
        };
        let cent = Decimal::new(1, 2);
        for order in [
            Decimal::ZERO,
            cent,
            gap.max(Decimal::ZERO),
            gap + cent,
            dec("1e15"),
        ] {
            let check = check_standing(&stored, &policy.limits, order);
            let direct = check_with_grade(&state, &policy, account, grade, order, as_of);
            assert_eq!(check, direct, "customer {:?}, order {order}", account.id);
            verdicts.insert(format!("{:?}", check.verdict));
        }
    }
    // The day was chosen so that every verdict occurs: the comparison covers each.
    assert_eq!(verdicts.len(), 3, "{verdicts:?}");
}

/// The check view read back from its stored bytes answers every amount, and refuses every bad
/// one, exactly as `check_order` does on the portfolio it was made from; its search finds what
/// the ledger's does. Asked on the demo's day and on an earlier one (where payments dated
/// later must not count), so the view's figures for all customers at once are checked
/// against the check's for one.
#[test]
fn the_check_view_read_back_checks_and_refuses_as_the_portfolio_does() {
    use creditdesk_core::check::view::CheckView;
    use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
    use creditdesk_core::ledger::search::SearchIndex;
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, date("2026-06-30")).expect("demo S");
    // The day was chosen so that every verdict occurs: the comparison covers each.
    let verdicts = view_matches_the_portfolio(&state, date("2026-06-30"));
    assert_eq!(verdicts.len(), 3, "{verdicts:?}");
    view_matches_the_portfolio(&state, date("2026-04-15"));
    let as_of = date("2026-06-30");
    assert_eq!(
        CheckView::empty(as_of),
        CheckView::of(&Portfolio::default(), as_of)
    );
    let view = CheckView::of(&state, as_of);
    let nobody = CustomerId(state.next_ids().customer.0 + 7);
    let zero = Money::zero(Currency::CNY);
    assert_eq!(view.check(nobody, &zero), Err(CheckError::UnknownCustomer));
    assert_eq!(
        view.check_standing(nobody),
        Err(CheckError::UnknownCustomer)
    );
    let (ours, theirs) = (view.search_index(), SearchIndex::new(&state.ledger));
    for query in [
        "c00", "C0001", "sh", "上海", "有限", "zq", "cq", "shanghai", "x", "1",
    ] {
        assert_eq!(ours.search(query, 20), theirs.search(query, 20), "{query}");
    }
}

/// Every customer checked through the view of `state` on `as_of` (read back from its bytes)
/// and through `check_order`, for eight amounts each; the verdicts that occurred. The view read
/// back from its stored bytes must be the view made, and a cut or lengthened copy no view.
fn view_matches_the_portfolio(
    state: &Portfolio,
    as_of: chrono::NaiveDate,
) -> std::collections::BTreeSet<String> {
    use creditdesk_core::check::view::{CheckView, VIEW_VERSION};
    let policy = state.policy_on(as_of);
    let made = CheckView::of(state, as_of);
    let bytes = made.encode();
    let view = CheckView::decode(&bytes).expect("decodes");
    assert_eq!(view, made);
    assert_eq!(CheckView::decode(&bytes[..bytes.len() - 1]), None);
    assert_eq!(CheckView::decode(&[bytes.as_slice(), &[0]].concat()), None);
    assert_eq!(
        (view.version, view.head, view.as_of),
        (VIEW_VERSION, state.head, as_of)
    );
    assert_eq!(view.customers.len(), state.ledger.customers.len());
    assert_eq!(view.next_order, state.next_ids().order);
    let cent = Decimal::new(1, 2);
    let mut verdicts = std::collections::BTreeSet::new();
    for account in &state.ledger.customers {
        let currency = account.details.currency;
        let customer = view
            .customer_by_number(&account.details.number)
            .expect("found");
        assert_eq!(customer.id, account.id);
        let gap = match &customer.limit {
            LimitStatus::InForce(in_force) => in_force.amount - customer.balance.exposure,
            _ => Decimal::ZERO,
        };
        let other = if currency == Currency::CNY {
            Currency::USD
        } else {
            Currency::CNY
        };
        let orders = [
            Money::new(Decimal::ZERO, currency),
            Money::new(cent, currency),
            Money::new(gap.max(Decimal::ZERO), currency),
            Money::new(gap + cent, currency),
            Money::new(dec("1e15"), currency),
            Money::new(dec("-0.01"), currency),
            Money::new(dec("1.001"), currency),
            Money::new(dec("100"), other),
        ];
        for order in orders {
            let direct = check_order(state, &policy, account.id, &order, as_of);
            assert_eq!(
                view.check(account.id, &order),
                direct,
                "{:?} {order:?}",
                account.id
            );
            if let Ok(check) = direct {
                verdicts.insert(format!("{:?}", check.verdict));
            }
        }
    }
    verdicts
}

/// The field check's search hint comes with the view, from a customer the search finds by
/// each of its three parts; a portfolio without Chinese names has none.
#[test]
fn the_view_carries_a_search_example_that_the_search_finds() {
    use creditdesk_core::check::view::CheckView;
    use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
    let as_of = date("2026-06-30");
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("demo S");
    let view = CheckView::decode(&CheckView::of(&state, as_of).encode()).expect("decodes");
    let example = view
        .search_example
        .clone()
        .expect("demo S has Chinese names");
    let first = (view.customers.iter())
        .find(|c| {
            c.name
                .chars()
                .any(|ch| ('\u{4E00}'..='\u{9FFF}').contains(&ch))
        })
        .expect("a Chinese name");
    assert_eq!(example.number, first.number);
    assert_eq!(example.name, first.name.chars().take(4).collect::<String>());
    assert_eq!(example.initials.chars().count(), 4, "{example:?}");
    let index = view.search_index();
    for query in [&example.number, &example.name, &example.initials] {
        assert!(index.search(query, 50).contains(&first.id), "{query}");
    }
    assert_eq!(view.pinyin.len(), view.customers.len());
    assert_eq!(
        CheckView::of(&Portfolio::default(), as_of).search_example,
        None
    );
}

//! Credit limits: golden recommended limits with every method's exact figure, temporary limits
//! that lapse by date, the widget's origin parser, and the authority rules (no approval above
//! the approver's role, never one's own request) checked after every step of random command
//! sequences.

mod common;

use common::*;
use creditdesk_core::credit::score::{score, score_inputs};
use creditdesk_core::credit::{CreditRecord, CreditReport, FinancialStatement};
use creditdesk_core::decide::approval_role;
use creditdesk_core::limits::*;
use creditdesk_core::policy::*;
use creditdesk_core::team::*;
use creditdesk_core::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The default policy as version 2 with grade floors 100 / 99.9 / 0.2 / 0.1: every customer in
/// these tests scores between 0.2 and 99.9 (no financial data, so the signal and relationship
/// factors carry the score, around 80–90), which makes every grade C.
fn all_grade_c() -> CreditPolicy {
    CreditPolicy {
        version: 2,
        grade_floors: [dec("100"), dec("99.9"), dec("0.2"), dec("0.1")],
        ..CreditPolicy::default()
    }
}

fn aud() -> Currency {
    Currency::parse("AUD").expect("AUD is a known currency")
}

fn record(ledger: &mut Ledger, customer: CustomerId, recorded_on: &str, record: CreditRecord) {
    ledger.run(Command::AddCreditRecord {
        customer,
        recorded_on: date(recorded_on),
        record,
    });
}

fn statement(
    period_end: &str,
    currency: Currency,
    equity: &str,
    current_assets: &str,
    current_liabilities: &str,
) -> CreditRecord {
    CreditRecord::Statement(FinancialStatement {
        period_end: date(period_end),
        currency: Some(currency),
        equity: Some(dec(equity)),
        current_assets: Some(dec(current_assets)),
        current_liabilities: Some(dec(current_liabilities)),
        ..FinancialStatement::default()
    })
}

fn report(report_date: &str, recommended: Amount) -> CreditRecord {
    CreditRecord::Report(CreditReport {
        agency: "Bureau".to_string(),
        report_date: date(report_date),
        rating: "BBB".to_string(),
        recommended_limit: Some(recommended),
        notes: String::new(),
    })
}

/// The customers of the golden recommendations, all registered 2025-01-01 unless said.
struct Golden {
    ledger: Ledger,
    /// CNY, 30 days. Invoices in the 12 months to 2026-04-01: 11 × 100,000.00 on the 15th from
    /// 2025-04-15 and 134,567.80 on 2026-03-15 = 1,234,567.80, i.e. 102,880.65 a month. Outside
    /// the window: 999,999.00 on 2025-03-20, 500,000.00 on exactly 2025-04-01 (the window opens
    /// after it) and 777,777.00 on 2026-04-02. Statement 2025-12-31 in CNY: equity 2,000,000,
    /// working capital 1,512,345 − 900,000 = 612,345 (an older one and one recorded after
    /// 2026-04-01 are ignored). Report 2026-02-01 recommending CNY 300,000.
    cny: CustomerId,
    /// CNY, 30 days: a single invoice of 120,000.00 on 2026-03-10, a rare buyer of long standing.
    sporadic: CustomerId,
    /// CNY, registered 2026-01-15: 30,000.00 on the 15th of January, February and March.
    young: CustomerId,
    /// CNY: only a report recommending CNY 1,000,000.
    agency_only: CustomerId,
    /// CNY: nothing at all.
    nothing: CustomerId,
    /// CNY: a statement in AUD, for which the policy has no rate.
    aud_statement: CustomerId,
    /// USD, 60 days: 6 × USD 20,000.00 in the window (USD 10,000.00 a month); statement in CNY
    /// with equity 10,000,000 and working capital 5,000,000 − 2,000,000; report USD 100,000.
    usd: CustomerId,
    /// USD, 45 days, no data.
    usd_new: CustomerId,
    /// AUD (no rate in the policy), 30 days: 6 × AUD 100,000.00 in the window; statement in CNY;
    /// report AUD 40,000.
    aud: CustomerId,
}

fn golden() -> Golden {
    let mut ledger = Ledger::default();
    let yuan = ledger.register("C000001", "Golden Machinery", Currency::CNY, 30);
    ledger.invoice(yuan, "G-OLD", "2025-03-20", cny("999999.00"));
    ledger.invoice(yuan, "G-EDGE", "2025-04-01", cny("500000.00"));
    for month in 0..11 {
        let issue = date("2025-04-15") + chrono::Months::new(month);
        ledger.invoice(
            yuan,
            &format!("G-{month}"),
            &issue.to_string(),
            cny("100000.00"),
        );
    }
    ledger.invoice(yuan, "G-11", "2026-03-15", cny("134567.80"));
    ledger.invoice(yuan, "G-LATE", "2026-04-02", cny("777777.00"));
    record(
        &mut ledger,
        yuan,
        "2025-01-10",
        statement("2024-12-31", Currency::CNY, "1", "1", "0"),
    );
    record(
        &mut ledger,
        yuan,
        "2026-03-01",
        statement("2025-12-31", Currency::CNY, "2000000", "1512345", "900000"),
    );
    record(
        &mut ledger,
        yuan,
        "2026-04-05",
        statement("2026-03-31", Currency::CNY, "1", "1", "0"),
    );
    record(
        &mut ledger,
        yuan,
        "2026-02-02",
        report("2026-02-01", cny("300000")),
    );

    let sporadic = ledger.register("C000002", "Rare Buyer", Currency::CNY, 30);
    ledger.invoice(sporadic, "S-1", "2026-03-10", cny("120000.00"));

    let young = ledger.state.next_ids().customer;
    ledger.run(Command::RegisterCustomer {
        id: young,
        date: date("2026-01-15"),
        recorded_on: date("2026-01-15"),
        details: details("C000003", "Young Trading", Currency::CNY, 30),
    });
    for issue in ["2026-01-15", "2026-02-15", "2026-03-15"] {
        ledger.invoice(young, &format!("Y-{issue}"), issue, cny("30000.00"));
    }

    let agency_only = ledger.register("C000004", "Rated Only", Currency::CNY, 30);
    record(
        &mut ledger,
        agency_only,
        "2026-02-02",
        report("2026-02-01", cny("1000000")),
    );
    let nothing = ledger.register("C000005", "Unknown Co.", Currency::CNY, 30);
    let aud_statement = ledger.register("C000006", "Sydney Books", Currency::CNY, 30);
    record(
        &mut ledger,
        aud_statement,
        "2026-03-01",
        statement("2025-12-31", aud(), "1000000", "500000", "100000"),
    );

    let usd = ledger.register("C000007", "Blue Ridge Trading", Currency::USD, 60);
    for issue in [
        "2025-05-10",
        "2025-07-10",
        "2025-09-10",
        "2025-11-10",
        "2026-01-10",
        "2026-03-10",
    ] {
        let amount = money("20000.00", Currency::USD);
        ledger.invoice(usd, &format!("U-{issue}"), issue, amount);
    }
    record(
        &mut ledger,
        usd,
        "2026-03-01",
        statement(
            "2025-12-31",
            Currency::CNY,
            "10000000",
            "5000000",
            "2000000",
        ),
    );
    record(
        &mut ledger,
        usd,
        "2026-02-02",
        report("2026-02-01", money("100000", Currency::USD)),
    );
    let usd_new = ledger.register("C000008", "New Yorker", Currency::USD, 45);

    let aud_customer = ledger.register("C000009", "Perth Mining", aud(), 30);
    for issue in [
        "2025-05-10",
        "2025-07-10",
        "2025-09-10",
        "2025-11-10",
        "2026-01-10",
        "2026-03-10",
    ] {
        let amount = money("100000.00", aud());
        ledger.invoice(aud_customer, &format!("A-{issue}"), issue, amount);
    }
    record(
        &mut ledger,
        aud_customer,
        "2026-03-01",
        statement("2025-12-31", Currency::CNY, "1000000", "500000", "100000"),
    );
    record(
        &mut ledger,
        aud_customer,
        "2026-02-02",
        report("2026-02-01", money("40000", aud())),
    );
    Golden {
        ledger,
        cny: yuan,
        sporadic,
        young,
        agency_only,
        nothing,
        aud_statement,
        usd,
        usd_new,
        aud: aud_customer,
    }
}

const GOLDEN_AS_OF: &str = "2026-04-01";

fn policy_with(combination: Combination) -> CreditPolicy {
    let mut policy = CreditPolicy::default();
    policy.limits.combination = combination;
    policy
}

fn recommend_for(
    golden: &Golden,
    customer: CustomerId,
    grade: Grade,
    combination: Combination,
    entered: Option<&str>,
) -> Recommendation {
    let account = golden.ledger.customer(customer);
    recommend(
        &golden.ledger.state.ledger,
        &golden.ledger.state.credit,
        account,
        &policy_with(combination),
        grade,
        date(GOLDEN_AS_OF),
        entered.map(dec),
    )
}

#[test]
fn monthly_purchases_average_the_twelve_months_before_the_date() {
    let golden = golden();
    let state = &golden.ledger.state;
    let cases = [
        ("twelve months of invoices", golden.cny, Some("102880.65")),
        (
            "one invoice in a year is a twelfth a month, not all of it",
            golden.sporadic,
            Some("10000.00"),
        ),
        (
            "three invoices in 2½ months of relationship: 3 begun months",
            golden.young,
            Some("30000.00"),
        ),
        ("no invoices", golden.nothing, None),
        (
            "USD 120,000 over twelve months",
            golden.usd,
            Some("10000.00"),
        ),
    ];
    for (label, customer, expected) in cases {
        let found = monthly_purchases(
            &state.ledger,
            golden.ledger.customer(customer),
            date(GOLDEN_AS_OF),
        );
        assert_eq!(found, expected.map(dec), "{label}");
    }
}

#[test]
fn golden_recommendation_of_a_cny_customer_shows_every_method() {
    let golden = golden();
    let found = recommend_for(&golden, golden.cny, Grade::C, Combination::Lowest, None);
    // Trading need 102,880.65 × (30 + 15) / 30; capacity the lower of 10 % of 2,000,000 and
    // 15 % of 612,345; the agency's 300,000; grade C's maximum 800,000 CNY.
    let expected = Recommendation {
        currency: Currency::CNY,
        grade: Grade::C,
        methods: vec![
            MethodFigure {
                method: LimitMethod::TradingNeed,
                amount: Some(dec("154320.975")),
                basis: MethodBasis::TradingNeed {
                    monthly_purchases: Some(dec("102880.65")),
                    entered: false,
                    terms_days: 30,
                    grace_days: 15,
                },
            },
            MethodFigure {
                method: LimitMethod::FinancialCapacity,
                amount: Some(dec("91851.75")),
                basis: MethodBasis::FinancialCapacity {
                    net_worth: Some(dec("2000000")),
                    net_worth_percent: dec("10"),
                    working_capital: Some(dec("612345")),
                    working_capital_percent: dec("15"),
                    period_end: Some(date("2025-12-31")),
                },
            },
            MethodFigure {
                method: LimitMethod::Agency,
                amount: Some(dec("300000")),
                basis: MethodBasis::Agency {
                    agency: Some("Bureau".to_string()),
                    report_date: Some(date("2026-02-01")),
                },
            },
            MethodFigure {
                method: LimitMethod::GradeMaximum,
                amount: Some(dec("800000")),
                basis: MethodBasis::GradeMaximum {
                    grade: Grade::C,
                    limit_max_base: dec("800000"),
                    base_currency: Currency::CNY,
                },
            },
        ],
        combination: Combination::Lowest,
        combined: Some(dec("91851.75")),
        amount: Some(dec("90000")),
        bound_by: Some(LimitMethod::FinancialCapacity),
        rounding_step: dec("10000"),
    };
    assert_eq!(found, expected);
}

/// (label, customer, grade, combination, entered monthly purchases, combined, amount, bound by)
type GoldenCase = (
    &'static str,
    CustomerId,
    Grade,
    Combination,
    Option<&'static str>,
    Option<Decimal>,
    Option<&'static str>,
    Option<LimitMethod>,
);

#[test]
fn golden_recommendations_by_grade_combination_and_currency() {
    use Combination::*;
    use LimitMethod::*;
    let golden = golden();
    let third = |sum: &str| dec(sum) / Decimal::from(3);
    #[rustfmt::skip]
    let cases: Vec<GoldenCase> = vec![
        (
            "C, lowest: capacity 91,851.75 binds",
            golden.cny, Grade::C, Lowest, None,
            Some(dec("91851.75")), Some("90000"), Some(FinancialCapacity),
        ),
        (
            "C, average of 154,320.975, 91,851.75 and 300,000",
            golden.cny, Grade::C, Average, None,
            Some(dec("182057.575")), Some("180000"), None,
        ),
        (
            "A: capacity min(400,000, 183,703.5) is above the trading need",
            golden.cny, Grade::A, Lowest, None,
            Some(dec("154320.975")), Some("150000"), Some(TradingNeed),
        ),
        (
            "D, average under D's maximum of 200,000 (capacity 61,234.5)",
            golden.cny, Grade::D, Average, None,
            Some(third("515555.475")), Some("170000"), None,
        ),
        (
            "E, average capped at E's maximum of zero",
            golden.cny, Grade::E, Average, None,
            Some(third("454320.975")), Some("0"), Some(GradeMaximum),
        ),
        (
            "E, lowest: capacity at 0 % is zero and equals the cap",
            golden.cny, Grade::E, Lowest, None,
            Some(dec("0")), Some("0"), Some(FinancialCapacity),
        ),
        (
            "entered monthly purchases of 50,000: 75,000 trading need",
            golden.cny, Grade::A, Lowest, Some("50000"),
            Some(dec("75000")), Some("70000"), Some(TradingNeed),
        ),
        (
            "rare buyer: 10,000 a month × 45 / 30",
            golden.sporadic, Grade::C, Lowest, None,
            Some(dec("15000")), Some("10000"), Some(TradingNeed),
        ),
        (
            "agency's 1,000,000 capped at C's 800,000",
            golden.agency_only, Grade::C, Lowest, None,
            Some(dec("1000000")), Some("800000"), Some(GradeMaximum),
        ),
        (
            "agency's 1,000,000 capped at C's 800,000 in an average too",
            golden.agency_only, Grade::C, Average, None,
            Some(dec("1000000")), Some("800000"), Some(GradeMaximum),
        ),
        (
            "no data: no recommendation",
            golden.nothing, Grade::C, Lowest, None,
            None, None, None,
        ),
        (
            "no data, average: no recommendation",
            golden.nothing, Grade::C, Average, None,
            None, None, None,
        ),
        (
            "USD, B: trading need 10,000 × 75 / 30 binds",
            golden.usd, Grade::B, Lowest, None,
            Some(dec("25000")), Some("20000"), Some(TradingNeed),
        ),
        (
            "USD, B, average of 25,000, 84,507.042 and 100,000",
            golden.usd, Grade::B, Average, None,
            Some(third("209507.042")), Some("60000"), None,
        ),
        (
            "USD, C: 1,000,000 a month entered, capped at 800,000 / 7.10 = 112,676.05",
            golden.usd_new, Grade::C, Lowest, Some("1000000"),
            Some(dec("2000000")), Some("110000"), Some(GradeMaximum),
        ),
        (
            "AUD without a rate: trading need and the AUD report, uncapped",
            golden.aud, Grade::C, Lowest, None,
            Some(dec("40000")), Some("40000"), Some(Agency),
        ),
        (
            "AUD without a rate, average: uncapped",
            golden.aud, Grade::C, Average, None,
            Some(dec("57500")), Some("50000"), None,
        ),
        (
            "statement in AUD without a rate: no figure",
            golden.aud_statement, Grade::C, Lowest, None,
            None, None, None,
        ),
    ];
    let mut failures = Vec::new();
    for (label, customer, grade, combination, entered, combined, amount, bound_by) in cases {
        let found = recommend_for(&golden, customer, grade, combination, entered);
        let got = (found.combined, found.amount, found.bound_by);
        let want = (combined, amount.map(dec), bound_by);
        if got != want {
            failures.push(format!("{label}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn figure(recommendation: &Recommendation, method: LimitMethod) -> &MethodFigure {
    recommendation
        .methods
        .iter()
        .find(|figure| figure.method == method)
        .unwrap_or_else(|| panic!("{method:?} is always listed"))
}

#[test]
fn a_usd_customer_is_converted_through_the_rate() {
    let golden = golden();
    let found = recommend_for(&golden, golden.usd, Grade::B, Combination::Lowest, None);
    assert_eq!(found.currency, Currency::USD);
    // CNY 10,000,000 / 7.10 and CNY 3,000,000 / 7.10, each rounded down to the cent; B takes
    // 15 % of the one and 20 % of the other.
    assert_eq!(
        figure(&found, LimitMethod::FinancialCapacity),
        &MethodFigure {
            method: LimitMethod::FinancialCapacity,
            amount: Some(dec("84507.042")),
            basis: MethodBasis::FinancialCapacity {
                net_worth: Some(dec("1408450.70")),
                net_worth_percent: dec("15"),
                working_capital: Some(dec("422535.21")),
                working_capital_percent: dec("20"),
                period_end: Some(date("2025-12-31")),
            },
        }
    );
    assert_eq!(
        figure(&found, LimitMethod::Agency).amount,
        Some(dec("100000"))
    );
    // B's maximum of CNY 2,000,000 is USD 281,690.1408…, rounded down to the cent.
    assert_eq!(
        figure(&found, LimitMethod::GradeMaximum),
        &MethodFigure {
            method: LimitMethod::GradeMaximum,
            amount: Some(dec("281690.14")),
            basis: MethodBasis::GradeMaximum {
                grade: Grade::B,
                limit_max_base: dec("2000000"),
                base_currency: Currency::CNY,
            },
        }
    );
    let entered = recommend_for(
        &golden,
        golden.usd_new,
        Grade::C,
        Combination::Lowest,
        Some("1000000"),
    );
    assert_eq!(
        figure(&entered, LimitMethod::TradingNeed).basis,
        MethodBasis::TradingNeed {
            monthly_purchases: Some(dec("1000000")),
            entered: true,
            terms_days: 45,
            grace_days: 15,
        }
    );
    assert_eq!(
        figure(&entered, LimitMethod::GradeMaximum).amount,
        Some(dec("112676.05"))
    );
}

#[test]
fn a_currency_without_a_rate_shows_no_rate() {
    let golden = golden();
    let found = recommend_for(&golden, golden.aud, Grade::C, Combination::Lowest, None);
    let no_rate = MethodBasis::NoRate { currency: aud() };
    // The statement is in CNY, which has a rate; AUD is the one missing. The grade maximum is
    // in CNY too, so it cannot cap the result.
    for method in [LimitMethod::FinancialCapacity, LimitMethod::GradeMaximum] {
        let found = figure(&found, method);
        assert_eq!((found.amount, &found.basis), (None, &no_rate), "{method:?}");
    }
    // Figures already in AUD need no rate: AUD 50,000 a month × 45 / 30, and the report's
    // AUD 40,000.
    assert_eq!(
        figure(&found, LimitMethod::TradingNeed).amount,
        Some(dec("75000"))
    );
    assert_eq!(
        figure(&found, LimitMethod::Agency),
        &MethodFigure {
            method: LimitMethod::Agency,
            amount: Some(dec("40000")),
            basis: MethodBasis::Agency {
                agency: Some("Bureau".to_string()),
                report_date: Some(date("2026-02-01")),
            },
        }
    );
    let statement_in_aud = recommend_for(
        &golden,
        golden.aud_statement,
        Grade::C,
        Combination::Lowest,
        None,
    );
    let capacity = figure(&statement_in_aud, LimitMethod::FinancialCapacity);
    assert_eq!((capacity.amount, &capacity.basis), (None, &no_rate));
}

#[test]
fn round_down_keeps_multiples_and_cuts_the_rest() {
    let cases = [
        ("91851.75", "10000", "90000"),
        ("90000", "10000", "90000"),
        ("9999.99", "10000", "0"),
        ("0", "10000", "0"),
        ("1234.56", "0.5", "1234.5"),
        ("1234.56", "0", "1234.56"),
    ];
    for (value, step, expected) in cases {
        assert_eq!(
            round_down(dec(value), dec(step)),
            dec(expected),
            "{value} / {step}"
        );
    }
}

/// A ledger under the all-C policy with one profile per role and a CNY customer.
struct Desk {
    ledger: Ledger,
    customer: CustomerId,
    sales: UserId,
    analyst: UserId,
}

/// Adds a profile: the team's first by nobody, every later one by the first (a director).
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
    let customer = ledger.register("C000001", "Huaxin Machinery", Currency::CNY, 30);
    Desk {
        ledger,
        customer,
        sales,
        analyst,
    }
}

impl Desk {
    /// A limit requested by sales on `requested` and approved by the analyst on `approved`.
    fn grant(
        &mut self,
        customer: CustomerId,
        amount: &str,
        requested: &str,
        approved: &str,
        until: Option<&str>,
    ) -> RequestId {
        let id = self.ledger.state.next_ids().request;
        self.ledger.run(Command::RequestLimit {
            id,
            customer,
            date: date(requested),
            by: self.sales,
            amount: limit(amount, Currency::CNY),
            reason: "trade growth".to_string(),
            until: until.map(date),
        });
        self.ledger.run(Command::ApproveLimit {
            request: id,
            date: date(approved),
            by: self.analyst,
            comment: String::new(),
        });
        id
    }

    fn status(&self, customer: CustomerId, on: &str) -> LimitStatus {
        limit_status(&self.ledger.state.limits, customer, date(on))
    }

    fn lapse(&self, request: RequestId, on: &str) -> Result<Vec<Entry>, Rejection> {
        decide(
            &self.ledger.state,
            &Command::RecordLapse {
                request,
                date: date(on),
            },
        )
    }
}

fn in_force(
    request: RequestId,
    amount: &str,
    approved_on: &str,
    until: Option<&str>,
) -> LimitStatus {
    let approved_on = date(approved_on);
    LimitStatus::InForce(LimitInForce {
        request,
        amount: dec(amount),
        approved_on,
        // Grade C reviews after 6 months.
        review_on: approved_on + chrono::Months::new(6),
        until: until.map(date),
    })
}

#[test]
fn a_temporary_limit_applies_to_its_last_day_then_the_standing_one_returns() {
    let mut desk = desk();
    let customer = desk.customer;
    let standing = desk.grant(customer, "100000", "2026-01-05", "2026-01-06", None);
    let temporary = desk.grant(
        customer,
        "150000",
        "2026-03-01",
        "2026-03-02",
        Some("2026-03-31"),
    );
    let cases = [
        ("before any approval", "2026-01-05", LimitStatus::None),
        (
            "the standing limit",
            "2026-03-01",
            in_force(standing, "100000", "2026-01-06", None),
        ),
        (
            "the day before the last day",
            "2026-03-30",
            in_force(temporary, "150000", "2026-03-02", Some("2026-03-31")),
        ),
        (
            "the last day is still in force",
            "2026-03-31",
            in_force(temporary, "150000", "2026-03-02", Some("2026-03-31")),
        ),
        (
            "the day after: back to the standing limit",
            "2026-04-01",
            in_force(standing, "100000", "2026-01-06", None),
        ),
    ];
    for (label, on, expected) in cases {
        assert_eq!(desk.status(customer, on), expected, "{label}");
    }
}

#[test]
fn a_temporary_limit_alone_lapses_to_no_limit() {
    let mut desk = desk();
    let customer = desk.customer;
    let temporary = desk.grant(
        customer,
        "50000",
        "2026-01-31",
        "2026-02-01",
        Some("2026-02-28"),
    );
    assert_eq!(
        desk.status(customer, "2026-02-28"),
        in_force(temporary, "50000", "2026-02-01", Some("2026-02-28"))
    );
    assert_eq!(
        desk.status(customer, "2026-03-01"),
        LimitStatus::Lapsed {
            request: temporary,
            amount: dec("50000"),
            until: date("2026-02-28"),
        }
    );
}

#[test]
fn a_newer_standing_limit_replaces_a_running_temporary_one() {
    let mut desk = desk();
    let customer = desk.customer;
    desk.grant(customer, "100000", "2026-01-05", "2026-01-06", None);
    desk.grant(
        customer,
        "150000",
        "2026-03-01",
        "2026-03-02",
        Some("2026-03-31"),
    );
    let replacing = desk.grant(customer, "120000", "2026-03-10", "2026-03-11", None);
    for on in ["2026-03-11", "2026-03-31", "2026-04-01"] {
        assert_eq!(
            desk.status(customer, on),
            in_force(replacing, "120000", "2026-03-11", None),
            "{on}"
        );
    }
}

#[test]
fn lapses_are_due_after_the_last_day_and_recorded_once() {
    let mut desk = desk();
    let customer = desk.customer;
    let standing = desk.grant(customer, "100000", "2026-01-05", "2026-01-06", None);
    let temporary = desk.grant(
        customer,
        "150000",
        "2026-03-01",
        "2026-03-02",
        Some("2026-03-31"),
    );
    let state = &desk.ledger.state;
    assert_eq!(lapses_due(&state.limits, date("2026-03-31")), vec![]);
    assert_eq!(
        lapses_due(&state.limits, date("2026-04-01")),
        vec![temporary]
    );
    assert_eq!(
        desk.lapse(temporary, "2026-03-31"),
        Err(Rejection::LapseNotDue)
    );
    assert_eq!(
        desk.lapse(standing, "2026-04-01"),
        Err(Rejection::LapseNotDue)
    );
    assert_eq!(
        desk.lapse(RequestId(99), "2026-04-01"),
        Err(Rejection::UnknownRequest)
    );
    let recorded = desk.lapse(temporary, "2026-04-02").expect("due");
    assert_eq!(
        recorded,
        vec![Entry::Limits(LimitsEntry::LimitLapsed {
            request: temporary,
            date: date("2026-04-02"),
        })]
    );
    for entry in &recorded {
        desk.ledger
            .state
            .apply(entry)
            .expect("entries fit the state");
    }
    assert_eq!(
        lapses_due(&desk.ledger.state.limits, date("2026-04-03")),
        vec![]
    );
    assert_eq!(
        desk.lapse(temporary, "2026-04-03"),
        Err(Rejection::LapseRecorded)
    );
    // Journalled or not, the limit in force follows the dates alone.
    assert_eq!(
        desk.status(customer, "2026-04-03"),
        in_force(standing, "100000", "2026-01-06", None)
    );
}

#[test]
fn a_temporary_request_not_approved_never_lapses() {
    let mut desk = desk();
    let customer = desk.customer;
    let id = desk.ledger.state.next_ids().request;
    desk.ledger.run(Command::RequestLimit {
        id,
        customer,
        date: date("2026-03-01"),
        by: desk.sales,
        amount: limit("10000", Currency::CNY),
        reason: "fair".to_string(),
        until: Some(date("2026-03-10")),
    });
    assert_eq!(
        lapses_due(&desk.ledger.state.limits, date("2026-04-01")),
        vec![]
    );
    assert_eq!(desk.lapse(id, "2026-04-01"), Err(Rejection::LapseNotDue));
    desk.ledger.run(Command::RejectLimit {
        request: id,
        date: date("2026-03-02"),
        by: desk.analyst,
        comment: "not now".to_string(),
    });
    assert_eq!(desk.lapse(id, "2026-04-01"), Err(Rejection::LapseNotDue));
}

#[test]
fn a_temporary_limit_is_approved_up_to_its_last_day() {
    let mut desk = desk();
    let id = desk.ledger.state.next_ids().request;
    desk.ledger.run(Command::RequestLimit {
        id,
        customer: desk.customer,
        date: date("2026-03-01"),
        by: desk.sales,
        amount: limit("10000", Currency::CNY),
        reason: "fair".to_string(),
        until: Some(date("2026-03-10")),
    });
    let approve = |on: &str| Command::ApproveLimit {
        request: id,
        date: date(on),
        by: desk.analyst,
        comment: String::new(),
    };
    let state = &desk.ledger.state;
    assert_eq!(
        decide(state, &approve("2026-03-11")),
        Err(Rejection::UntilNotAfterDate)
    );
    let entries = decide(state, &approve("2026-03-10")).expect("its last day");
    let mut after = state.clone();
    for entry in &entries {
        after.apply(entry).expect("entries fit the state");
    }
    let customer = after.ledger.customer(desk.customer).expect("registered");
    assert_eq!(
        limit_status(&after.limits, customer.id, date("2026-03-10")),
        in_force(id, "10000", "2026-03-10", Some("2026-03-10"))
    );
    assert_eq!(
        limit_status(&after.limits, customer.id, date("2026-03-11")),
        LimitStatus::Lapsed {
            request: id,
            amount: dec("10000"),
            until: date("2026-03-10"),
        }
    );
}

#[test]
fn limit_events_show_the_lapse_newest_first() {
    use LimitEvent::*;
    let mut desk = desk();
    let customer = desk.customer;
    let standing = desk.grant(customer, "100000", "2026-01-05", "2026-01-06", None);
    let temporary = desk.grant(
        customer,
        "150000",
        "2026-03-01",
        "2026-03-02",
        Some("2026-03-31"),
    );
    let events = |on: &str| limit_events(&desk.ledger.state.limits, customer, date(on));
    let history = |request, requested: &str, approved: &str| {
        vec![
            Approved {
                request,
                date: date(approved),
            },
            Requested {
                request,
                date: date(requested),
            },
        ]
    };
    let before_lapse = [
        history(temporary, "2026-03-01", "2026-03-02"),
        history(standing, "2026-01-05", "2026-01-06"),
    ]
    .concat();
    assert_eq!(events("2026-03-31"), before_lapse);
    let mut after_lapse = vec![Lapsed {
        request: temporary,
        date: date("2026-04-01"),
    }];
    after_lapse.extend(before_lapse.iter().cloned());
    assert_eq!(events("2026-04-01"), after_lapse);
    // Up to the date asked: nothing that happened after it.
    assert_eq!(
        events("2026-01-05"),
        vec![Requested {
            request: standing,
            date: date("2026-01-05"),
        }]
    );
}

#[test]
fn widget_origins_are_exact_origins() {
    let accepted = [
        ("https://erp.example.com", "https://erp.example.com"),
        ("HTTP://Host:8080/", "http://host:8080"),
        ("https://erp.example.com:443", "https://erp.example.com"),
        ("http://intranet:80", "http://intranet"),
        ("http://intranet:443", "http://intranet:443"),
        ("https://erp.example.com:80", "https://erp.example.com:80"),
        ("  https://10.1.2.3:8443  ", "https://10.1.2.3:8443"),
        ("https://a-b.example.cn/", "https://a-b.example.cn"),
    ];
    for (text, expected) in accepted {
        assert_eq!(parse_origin(text), Ok(expected.to_string()), "{text:?}");
    }
    use OriginError::*;
    let refused = [
        ("erp.example.com", Scheme),
        ("//erp.example.com", Scheme),
        ("ftp://erp.example.com", Scheme),
        ("file:///C:/creditdesk", Scheme),
        ("", Scheme),
        ("https://*.example.com", NotAnOrigin),
        ("*", Scheme),
        ("https://erp.example.com/path", NotAnOrigin),
        ("https://erp.example.com:8443/app", NotAnOrigin),
        ("https://erp.example.com//", NotAnOrigin),
        ("https://erp.example.com?x=1", NotAnOrigin),
        ("https://erp.example.com#top", NotAnOrigin),
        ("https://user@erp.example.com", NotAnOrigin),
        ("https://", NotAnOrigin),
        ("https://:8080", NotAnOrigin),
        ("https://.example.com", NotAnOrigin),
        ("https://erp example.com", NotAnOrigin),
        ("https://[::1]", NotAnOrigin),
        ("https://erp.example.com:0", Port),
        ("https://erp.example.com:99999", Port),
        ("https://erp.example.com:", Port),
        ("https://erp.example.com:+443", Port),
        ("https://erp.example.com:8a", Port),
    ];
    for (text, expected) in refused {
        assert_eq!(parse_origin(text), Err(expected), "{text:?}");
    }
}

#[test]
fn widget_origins_are_stored_exact_and_once() {
    let mut desk = desk();
    let manager = add_user(&mut desk.ledger, "Zhao Min", Role::Manager);
    let entries = desk.ledger.run(Command::SetWidgetOrigins {
        date: date("2026-04-01"),
        by: manager,
        origins: vec![
            "https://ERP.example.com/".to_string(),
            "   ".to_string(),
            "https://erp.example.com:443".to_string(),
            "http://portal:8080".to_string(),
        ],
    });
    assert_eq!(entries.len(), 1);
    assert_eq!(
        desk.ledger.state.limits.widget_origins,
        vec![
            "https://erp.example.com".to_string(),
            "http://portal:8080".to_string()
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Authority: random command sequences with an auditor after every step.

const NAMES: [&str; 6] = [
    "Li Na", "Wang Wei", "Zhao Min", "Chen Jie", "li na", "Sun Li",
];

/// Limit amounts around the authority bands (500,000 / 2,000,000 CNY), grade C's maximum
/// (800,000) and grade A's (5,000,000), per customer currency; USD at 7.10.
const CNY_AMOUNTS: [&str; 14] = [
    "0",
    "0.01",
    "499999.99",
    "500000",
    "500000.01",
    "799999.99",
    "800000",
    "800000.01",
    "1999999.99",
    "2000000",
    "2000000.01",
    "5000000",
    "5000000.01",
    "12000000",
];
const USD_AMOUNTS: [&str; 8] = [
    "70422.53",
    "70422.54",
    "112676.05",
    "112676.06",
    "281690.14",
    "281690.15",
    "704225.35",
    "704225.36",
];
const AUD_AMOUNTS: [&str; 2] = ["1", "1000"];

/// One random step. Users and requests are picked by index among those that exist, one past
/// the end meaning an unknown id; decisions are dated `lag` days after the request.
#[derive(Clone, Debug)]
enum Step {
    AddUser {
        name: usize,
        role: usize,
    },
    ChangeUser {
        user: usize,
        role: usize,
    },
    Request {
        customer: usize,
        by: usize,
        amount: (usize, Option<u64>),
        temporary: bool,
        day: i64,
    },
    Approve {
        request: usize,
        by: usize,
        lag: i64,
    },
    Reject {
        request: usize,
        by: usize,
        lag: i64,
        comment: bool,
    },
}

fn step_strategy() -> impl Strategy<Value = Step> {
    let pick = || 0..64usize;
    let lag = || -3i64..25;
    prop_oneof![
        1 => (0..NAMES.len(), 0..5usize).prop_map(|(name, role)| Step::AddUser { name, role }),
        1 => (pick(), 0..5usize).prop_map(|(user, role)| Step::ChangeUser { user, role }),
        3 => (
            0..3usize,
            pick(),
            (0..16usize, proptest::option::weighted(0.3, 0u64..1_000_000_000)),
            any::<bool>(),
            0i64..60,
        )
            .prop_map(|(customer, by, amount, temporary, day)| Step::Request {
                customer,
                by,
                amount,
                temporary,
                day,
            }),
        5 => (pick(), pick(), lag()).prop_map(|(request, by, lag)| Step::Approve { request, by, lag }),
        2 => (pick(), pick(), lag(), proptest::bool::weighted(0.9))
            .prop_map(|(request, by, lag, comment)| Step::Reject { request, by, lag, comment }),
    ]
}

/// Which policy a sequence runs under: the default (a customer without data grades A), all
/// grade C, or all grade E (floors 100 / 99.9 / 99.8 / 99.7, so a maximum limit of zero).
fn policy_for(choice: usize) -> CreditPolicy {
    match choice {
        0 => CreditPolicy::default(),
        1 => all_grade_c(),
        _ => CreditPolicy {
            version: 2,
            grade_floors: [dec("100"), dec("99.9"), dec("99.8"), dec("99.7")],
            ..CreditPolicy::default()
        },
    }
}

/// A customer per currency (CNY, USD, AUD without a rate) and one profile per role (ids 1–5 in
/// `Role::ALL`'s reverse order: the director sets the team up and changes the policy).
fn authority_start(policy: usize) -> (Ledger, [CustomerId; 3]) {
    let mut ledger = Ledger::default();
    for (index, role) in Role::ALL.into_iter().rev().enumerate() {
        add_user(&mut ledger, &format!("Start {index}"), role);
    }
    if policy > 0 {
        ledger.run(Command::ChangePolicy {
            date: date("2025-01-01"),
            policy: Box::new(policy_for(policy)),
            by: UserId(1),
        });
    }
    let customers = [
        ledger.register("C000001", "Yuan Co.", Currency::CNY, 30),
        ledger.register("C000002", "Dollar Inc.", Currency::USD, 30),
        ledger.register("C000003", "Kangaroo Pty.", aud(), 30),
    ];
    (ledger, customers)
}

/// The user at `pick` among the profiles, or an unknown id one past the last.
fn user_at(state: &Portfolio, pick: usize) -> UserId {
    let index = pick % (state.team.users.len() + 1);
    state
        .team
        .users
        .get(index)
        .map_or(state.next_ids().user, |user| user.id)
}

fn command_of(step: &Step, state: &Portfolio, customers: &[CustomerId; 3]) -> Command {
    let on = |day: i64| date("2026-02-01") + chrono::Duration::days(day);
    // A request at `pick`, or an unknown one, with the date `lag` days after it.
    let decision = |pick: usize, lag: i64| {
        let index = pick % (state.limits.requests.len() + 1);
        match state.limits.requests.get(index) {
            Some(request) => (request.id, request.date + chrono::Duration::days(lag)),
            None => (state.next_ids().request, on(lag)),
        }
    };
    match step {
        Step::AddUser { name, role } => Command::AddUser {
            id: state.next_ids().user,
            name: NAMES[*name].to_string(),
            role: Role::ALL[*role],
            by: Some(user_at(state, *name)),
        },
        Step::ChangeUser { user, role } => {
            let id = user_at(state, *user);
            Command::ChangeUser {
                id,
                name: state
                    .team
                    .user(id)
                    .map_or_else(|| "Nobody".to_string(), |user| user.name.clone()),
                role: Role::ALL[*role],
                by: user_at(state, *user + *role),
            }
        }
        Step::Request {
            customer,
            by,
            amount: (pick, cents),
            temporary,
            day,
        } => {
            let customer = customers[*customer];
            let currency = state
                .ledger
                .customer(customer)
                .expect("registered")
                .details
                .currency;
            let table: &[&str] = match currency.code() {
                "CNY" => &CNY_AMOUNTS,
                "USD" => &USD_AMOUNTS,
                _ => &AUD_AMOUNTS,
            };
            let amount = match cents {
                Some(cents) => Decimal::from(*cents) / Decimal::ONE_HUNDRED,
                None => dec(table[pick % table.len()]),
            };
            Command::RequestLimit {
                id: state.next_ids().request,
                customer,
                date: on(*day),
                by: user_at(state, *by),
                amount: Amount::try_new(amount, currency).expect("the table's limits are limits"),
                reason: "growth".to_string(),
                until: temporary.then(|| on(*day + 20)),
            }
        }
        Step::Approve { request, by, lag } => {
            let (request, date) = decision(*request, *lag);
            Command::ApproveLimit {
                request,
                date,
                by: user_at(state, *by),
                comment: String::new(),
            }
        }
        Step::Reject {
            request,
            by,
            lag,
            comment,
        } => {
            let (request, date) = decision(*request, *lag);
            Command::RejectLimit {
                request,
                date,
                by: user_at(state, *by),
                comment: if *comment { "too risky" } else { " " }.to_string(),
            }
        }
    }
}

/// The role the default limit policy's figures call for, worked out here independently of
/// `approval_role`: the base amount's band (≤ 500,000 analyst, ≤ 2,000,000 manager, above
/// director), and a director above the grade's maximum or without an exchange rate.
fn expected_role(amount: &Money, grade: Grade) -> Role {
    let rate = match amount.currency.code() {
        "CNY" => Some(Decimal::ONE),
        "USD" => Some(dec("7.10")),
        _ => None,
    };
    let grade_max = match grade {
        Grade::A => dec("5000000"),
        Grade::B => dec("2000000"),
        Grade::C => dec("800000"),
        Grade::D => dec("200000"),
        Grade::E => Decimal::ZERO,
    };
    match rate.map(|rate| amount.amount * rate) {
        Some(base) if base > grade_max => Role::Director,
        Some(base) if base <= dec("500000") => Role::Analyst,
        Some(base) if base <= dec("2000000") => Role::Manager,
        _ => Role::Director,
    }
}

/// What the sequences did, to show that the generator reaches every rule.
#[derive(Default, Debug)]
struct Tally {
    approved: usize,
    rejected: usize,
    refusals: std::collections::BTreeMap<String, usize>,
}

/// Checks one accepted entry against the state before it.
fn audit_entry(state: &Portfolio, policy: &CreditPolicy, entry: &Entry) -> Result<(), String> {
    let decided = |request: RequestId, by: UserId, on: chrono::NaiveDate| {
        let request = state
            .limits
            .request(request)
            .ok_or(format!("{entry:?}: unknown request"))?;
        if request.status != RequestStatus::Pending {
            return Err(format!("{entry:?}: the request was not pending"));
        }
        if request.by == by {
            return Err(format!("{entry:?}: decided by the requester"));
        }
        if on < request.date {
            return Err(format!("{entry:?}: decided before the request"));
        }
        let user = state
            .team
            .user(by)
            .ok_or(format!("{entry:?}: unknown user"))?;
        Ok((request.clone(), user.role))
    };
    match entry {
        Entry::Limits(LimitsEntry::LimitApproved {
            request,
            date,
            by,
            grade,
            review_on,
            ..
        }) => {
            let (request, role) = decided(*request, *by, *date)?;
            let customer = state
                .ledger
                .customer(request.customer)
                .ok_or("unknown customer")?;
            let grade_then = score(
                &score_inputs(&state.ledger, &state.credit, customer, *date),
                policy,
            )
            .grade;
            let required = approval_role(policy, &request.amount.money(), grade_then);
            if required != expected_role(&request.amount.money(), grade_then) {
                return Err(format!(
                    "{entry:?}: approval_role {required:?} for {:?} at {grade_then:?}",
                    request.amount
                ));
            }
            if !role.covers(required) {
                return Err(format!(
                    "{entry:?}: a {role:?} approved what needs a {required:?}"
                ));
            }
            let months = policy.limits.terms(grade_then).review_months;
            if *grade != grade_then || *review_on != review_date(*date, months) {
                return Err(format!("{entry:?}: grade or review date not as of {date}"));
            }
        }
        Entry::Limits(LimitsEntry::LimitRejected {
            request, date, by, ..
        }) => {
            let (_, role) = decided(*request, *by, *date)?;
            if !role.covers(Role::Analyst) {
                return Err(format!("{entry:?}: rejected by a {role:?}"));
            }
        }
        _ => {}
    }
    Ok(())
}

/// Invariants of the whole state: at most one pending request per customer, and every decision
/// made by someone other than the requester, on or after the request date.
fn audit_state(state: &Portfolio) -> Result<(), String> {
    for customer in &state.ledger.customers {
        let pending = requests_of(&state.limits, customer.id)
            .filter(|request| request.status == RequestStatus::Pending)
            .count();
        if pending > 1 {
            return Err(format!(
                "{}: {pending} pending requests",
                customer.details.number
            ));
        }
    }
    for request in &state.limits.requests {
        let (by, on) = match &request.status {
            RequestStatus::Pending => continue,
            RequestStatus::Approved { by, date, .. } | RequestStatus::Rejected { by, date, .. } => {
                (*by, *date)
            }
        };
        if by == request.by || on < request.date {
            return Err(format!(
                "request {:?} decided by {by:?} on {on}",
                request.id
            ));
        }
    }
    Ok(())
}

fn run_sequence(policy_choice: usize, steps: &[Step], tally: &mut Tally) -> Result<(), String> {
    let (start, customers) = authority_start(policy_choice);
    let policy = start.state.policy();
    let mut state = start.state.clone();
    let mut accepted: Vec<Entry> = Vec::new();
    for step in steps {
        let command = command_of(step, &state, &customers);
        let before = state.clone();
        let decided = decide(&state, &command);
        if decide(&state, &command) != decided {
            return Err(format!("{command:?} decided twice differently"));
        }
        match decided {
            Err(rejection) => {
                let name = format!("{rejection:?}");
                let name = name.split([' ', '(', '{']).next().unwrap_or("").to_string();
                *tally.refusals.entry(name).or_default() += 1;
            }
            Ok(entries) => {
                for entry in &entries {
                    audit_entry(&state, &policy, entry)?;
                    match entry {
                        Entry::Limits(LimitsEntry::LimitApproved { .. }) => tally.approved += 1,
                        Entry::Limits(LimitsEntry::LimitRejected { .. }) => tally.rejected += 1,
                        _ => {}
                    }
                    state.apply(entry).expect("entries fit the state");
                }
                accepted.extend(entries);
            }
        }
        if state == before && !matches!(command, Command::ChangeUser { .. }) {
            // Only a refusal leaves the state as it was (or a profile saved unchanged).
            if decide(&before, &command).is_ok() {
                return Err(format!("{command:?} was accepted but changed nothing"));
            }
        }
        audit_state(&state)?;
        // The state is exactly the fold of the accepted entries: refusals left no trace.
        let mut replayed = start.state.clone();
        for entry in &accepted {
            replayed.apply(entry).expect("entries fit the state");
        }
        if replayed != state {
            return Err(format!(
                "after {command:?} the state differs from its entries"
            ));
        }
    }
    Ok(())
}

fn sequence_strategy() -> impl Strategy<Value = (usize, Vec<Step>)> {
    (0..3usize, proptest::collection::vec(step_strategy(), 1..40))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn no_approval_above_authority_and_never_ones_own((policy, steps) in sequence_strategy()) {
        run_sequence(policy, &steps, &mut Tally::default()).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn the_random_sequences_reach_every_authority_rule() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut tally = Tally::default();
    for _ in 0..300 {
        let (policy, steps) = sequence_strategy()
            .new_tree(&mut runner)
            .expect("the strategy always yields a value")
            .current();
        run_sequence(policy, &steps, &mut tally).unwrap_or_else(|failure| panic!("{failure}"));
    }
    assert!(tally.approved > 100, "{tally:?}");
    assert!(tally.rejected > 100, "{tally:?}");
    for rule in [
        "AboveAuthority",
        "OwnRequest",
        "RequestDecided",
        "RequestPending",
        "DecisionBeforeRequest",
        "UnknownUser",
        "UnknownRequest",
        "UserNameTaken",
        "CommentEmpty",
    ] {
        assert!(
            tally.refusals.get(rule).copied().unwrap_or(0) > 0,
            "{rule}: {tally:?}"
        );
    }
}

#[test]
fn approval_roles_at_the_band_and_grade_boundaries() {
    let policy = CreditPolicy::default();
    let cases = [
        ("0", Currency::CNY, Grade::C, Role::Analyst),
        ("500000", Currency::CNY, Grade::C, Role::Analyst),
        ("500000.01", Currency::CNY, Grade::C, Role::Manager),
        ("800000", Currency::CNY, Grade::C, Role::Manager),
        ("800000.01", Currency::CNY, Grade::C, Role::Director),
        ("2000000", Currency::CNY, Grade::A, Role::Manager),
        ("2000000.01", Currency::CNY, Grade::A, Role::Director),
        ("0", Currency::CNY, Grade::E, Role::Analyst),
        ("0.01", Currency::CNY, Grade::E, Role::Director),
        ("70422.53", Currency::USD, Grade::C, Role::Analyst),
        ("70422.54", Currency::USD, Grade::C, Role::Manager),
        ("1", aud(), Grade::A, Role::Director),
    ];
    for (amount, currency, grade, expected) in cases {
        let amount = plain(amount, currency);
        assert_eq!(
            approval_role(&policy, &amount, grade),
            expected,
            "{amount:?} at {grade:?}"
        );
        assert_eq!(expected_role(&amount, grade), expected, "oracle {amount:?}");
    }
}

#[test]
fn roles_cover_those_below_them_and_sales_approves_nothing() {
    let covers: Vec<(Role, Vec<Role>)> = Role::ALL
        .into_iter()
        .map(|role| {
            let covered = Role::ALL
                .into_iter()
                .filter(|required| role.covers(*required))
                .collect();
            (role, covered)
        })
        .collect();
    use Role::*;
    assert_eq!(
        covers,
        vec![
            (Sales, vec![]),
            (Collector, vec![]),
            (Analyst, vec![Sales, Collector, Analyst]),
            (Manager, vec![Sales, Collector, Analyst, Manager]),
            (Director, vec![Sales, Collector, Analyst, Manager, Director]),
        ]
    );
    for role in Role::ALL {
        assert_eq!(Role::from_token(role.token()), Some(role));
    }
}

#[test]
fn the_grade_of_a_customer_without_data_is_pinned_by_the_test_policies() {
    // The premise of the tests above: a customer with no data is grade C under `all_grade_c`.
    let desk = desk();
    let customer = desk.ledger.customer(desk.customer);
    let scored = score(
        &score_inputs(
            &desk.ledger.state.ledger,
            &desk.ledger.state.credit,
            customer,
            date("2026-04-01"),
        ),
        &desk.ledger.state.policy(),
    );
    assert_eq!(scored.grade, Grade::C, "score {}", scored.score);
}

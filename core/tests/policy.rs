//! The credit policy: the default is valid, every broken rule is named by its own
//! `PolicyError`, and the band and rating lookups read the policy as documented.

mod common;

use common::*;
use creditdesk_core::credit::*;
use creditdesk_core::policy::*;
use rust_decimal::Decimal;

fn changed(change: impl FnOnce(&mut CreditPolicy)) -> CreditPolicy {
    let mut policy = CreditPolicy::default();
    change(&mut policy);
    policy
}

fn band(upper: Option<&str>, points: &str) -> Band {
    Band {
        upper: upper.map(dec),
        points: dec(points),
    }
}

#[test]
fn the_default_policy_is_valid_and_version_one() {
    let policy = CreditPolicy::default();
    assert_eq!(validate_policy(&policy), Ok(()));
    assert_eq!(policy.version, 1);
    assert_eq!(policy.weights.iter().sum::<Decimal>(), dec("100"));
}

#[test]
fn each_broken_rule_has_its_error() {
    use creditdesk_core::policy::FxRate;
    use creditdesk_core::policy::LimitPolicyError::*;
    use creditdesk_core::team::Role;
    use creditdesk_core::Currency;
    use BandSet::*;
    use PolicyError::*;
    let rating = |agency: &str, rating: &str, points: &str| RatingPoints {
        agency: agency.to_string(),
        rating: rating.to_string(),
        points: dec(points),
    };
    let cases: Vec<(&str, CreditPolicy, PolicyError)> = vec![
        (
            "weights sum to 99",
            changed(|p| p.weights[4] = dec("4")),
            WeightsNotHundred { sum: dec("99") },
        ),
        (
            "negative weight",
            changed(|p| {
                p.weights[1] = dec("-5");
                p.weights[0] = dec("75");
            }),
            WeightNegative {
                factor: Factor::PaymentBehaviour,
            },
        ),
        (
            "floors not falling",
            changed(|p| p.grade_floors[2] = dec("65")),
            GradeFloorsNotDecreasing,
        ),
        (
            "floor above 100",
            changed(|p| p.grade_floors[0] = dec("100.1")),
            GradeFloorOutOfRange,
        ),
        (
            "pd above 100",
            changed(|p| p.pd_percent[4] = dec("101")),
            PdOutOfRange,
        ),
        (
            "pd falling from D to E",
            changed(|p| p.pd_percent[4] = dec("9")),
            PdNotIncreasing,
        ),
        (
            "no z bands",
            changed(|p| p.z_bands.clear()),
            BandsEmpty { set: Z },
        ),
        (
            "dbt bounds out of order",
            changed(|p| p.dbt_bands[2].upper = Some(dec("7"))),
            BandsOverlap { set: Dbt },
        ),
        (
            "last relationship band bounded",
            changed(|p| p.relationship_bands.last_mut().unwrap().upper = Some(dec("999"))),
            LastBandBounded { set: Relationship },
        ),
        (
            "an open-ended band before the last",
            changed(|p| p.z_bands[1].upper = None),
            LastBandBounded { set: Z },
        ),
        (
            "band points above 100",
            changed(|p| p.z_bands = vec![band(Some("1"), "50"), band(None, "101")]),
            BandPointsOutOfRange { set: Z },
        ),
        (
            "z points falling",
            changed(|p| p.z_bands = vec![band(Some("1"), "60"), band(None, "50")]),
            BandPointsNotMonotone { set: Z },
        ),
        (
            "dbt points rising with days",
            changed(|p| p.dbt_bands = vec![band(Some("10"), "50"), band(None, "60")]),
            BandPointsNotMonotone { set: Dbt },
        ),
        (
            "negative signal penalty",
            changed(|p| p.signal_penalty[0] = dec("-1")),
            SignalPenaltyOutOfRange,
        ),
        (
            "statements stale at once",
            changed(|p| p.statement_stale_months = 0),
            StalenessZero,
        ),
        (
            "debt ratio limit above 100 %",
            changed(|p| p.ratio_limits.debt_ratio_max = dec("1.5")),
            RatioLimitOutOfRange,
        ),
        (
            "negative current ratio limit",
            changed(|p| p.ratio_limits.current_ratio_min = dec("-0.1")),
            RatioLimitOutOfRange,
        ),
        (
            "rating worth 120",
            changed(|p| p.rating_map.push(rating("X", "Top", "120"))),
            RatingPointsOutOfRange {
                agency: "X".to_string(),
                rating: "Top".to_string(),
            },
        ),
        (
            "rating mapped twice, differing only in case and spaces",
            changed(|p| p.rating_map.push(rating("*", " aa ", "70"))),
            RatingDuplicate {
                agency: "*".to_string(),
                rating: " aa ".to_string(),
            },
        ),
        (
            "grade D with a negative maximum limit",
            changed(|p| p.limits.grades[3].limit_max = dec("-1")),
            Limits(GradeLimitNegative { grade: Grade::D }),
        ),
        (
            "grade A warning below 1 %",
            changed(|p| p.limits.grades[0].warning_utilisation_percent = dec("0.99")),
            Limits(WarningOutOfRange { grade: Grade::A }),
        ),
        (
            "grade B warning above 100 %",
            changed(|p| p.limits.grades[1].warning_utilisation_percent = dec("100.01")),
            Limits(WarningOutOfRange { grade: Grade::B }),
        ),
        (
            "grade B taking 101 % of net worth",
            changed(|p| p.limits.grades[1].net_worth_percent = dec("101")),
            Limits(CapacityShareOutOfRange { grade: Grade::B }),
        ),
        (
            "grade E taking a negative share of working capital",
            changed(|p| p.limits.grades[4].working_capital_percent = dec("-1")),
            Limits(CapacityShareOutOfRange { grade: Grade::E }),
        ),
        (
            "grade C reviewed after 0 months",
            changed(|p| p.limits.grades[2].review_months = 0),
            Limits(ReviewMonthsOutOfRange { grade: Grade::C }),
        ),
        (
            "grade C reviewed after 61 months",
            changed(|p| p.limits.grades[2].review_months = 61),
            Limits(ReviewMonthsOutOfRange { grade: Grade::C }),
        ),
        (
            "grade E terms of 366 days",
            changed(|p| p.limits.grades[4].terms_days_max = 366),
            Limits(TermsAboveMax {
                grade: Grade::E,
                max: 365,
            }),
        ),
        (
            "no authority bands",
            changed(|p| p.limits.authority.clear()),
            Limits(AuthorityEmpty),
        ),
        (
            "two bands with the same bound",
            changed(|p| p.limits.authority[1].up_to = Some(dec("500000"))),
            Limits(AuthorityBandsOverlap),
        ),
        (
            "a first band up to zero",
            changed(|p| p.limits.authority[0].up_to = Some(dec("0"))),
            Limits(AuthorityBandsOverlap),
        ),
        (
            "the last band bounded",
            changed(|p| p.limits.authority[2].up_to = Some(dec("10000000"))),
            Limits(AuthorityLastBounded),
        ),
        (
            "an open band before the last",
            changed(|p| p.limits.authority[0].up_to = None),
            Limits(AuthorityLastBounded),
        ),
        (
            "sales approving the first band",
            changed(|p| p.limits.authority[0].role = Role::Sales),
            Limits(AuthorityRoleCannotApprove { role: Role::Sales }),
        ),
        (
            "a collector in the last band",
            changed(|p| p.limits.authority[2].role = Role::Collector),
            Limits(AuthorityRoleCannotApprove {
                role: Role::Collector,
            }),
        ),
        (
            "a higher band needing an analyst after a manager",
            changed(|p| {
                p.limits.authority[0].role = Role::Manager;
                p.limits.authority[1].role = Role::Analyst;
            }),
            Limits(AuthorityRolesNotRising),
        ),
        (
            "a rate of zero",
            changed(|p| p.limits.fx_rates[1].rate = dec("0")),
            Limits(FxRateNotPositive {
                currency: Currency::EUR,
            }),
        ),
        (
            "USD listed twice",
            changed(|p| {
                p.limits.fx_rates.push(FxRate {
                    currency: Currency::USD,
                    rate: dec("7.2"),
                })
            }),
            Limits(FxRateDuplicate {
                currency: Currency::USD,
            }),
        ),
        (
            "a rate for the base currency",
            changed(|p| {
                p.limits.fx_rates.push(FxRate {
                    currency: Currency::CNY,
                    rate: dec("1"),
                })
            }),
            Limits(FxRateForBase),
        ),
        (
            "a rounding step of zero",
            changed(|p| p.limits.rounding_step = dec("0")),
            Limits(RoundingStepNotPositive),
        ),
        (
            "366 grace days",
            changed(|p| p.limits.grace_days = 366),
            Limits(GraceDaysOutOfRange { max: 365 }),
        ),
    ];
    let mut failures = Vec::new();
    for (label, policy, expected) in cases {
        let found = validate_policy(&policy);
        if found != Err(expected.clone()) {
            failures.push(format!("{label}: expected {expected:?}, got {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_band_includes_its_upper_bound() {
    let bands = CreditPolicy::default().z_bands;
    let cases = [
        ("-5", "0"),
        ("0", "0"),
        ("0.0001", "20"),
        ("1.10", "20"),
        ("1.1001", "45"),
        ("2.60", "65"),
        ("2.6001", "85"),
        ("4.0", "85"),
        ("4.0001", "100"),
        ("1000000", "100"),
    ];
    for (value, points) in cases {
        assert_eq!(band_points(&bands, dec(value)), dec(points), "Z″ {value}");
    }
    assert_eq!(band_points(&[], dec("1")), Decimal::ZERO);
}

#[test]
fn ratings_match_the_agency_first_then_any_agency() {
    let map = CreditPolicy::default().rating_map;
    assert_eq!(rating_points(&map, "S&P", "AAA"), Some(dec("100")));
    assert_eq!(rating_points(&map, "anyone", " bbb "), Some(dec("65")));
    assert_eq!(rating_points(&map, "x", "AA+"), Some(dec("93")));
    assert_eq!(rating_points(&map, "x", "CR3"), Some(dec("60")));
    assert_eq!(
        rating_points(&map, "Dun & Bradstreet", "2"),
        Some(dec("70"))
    );
    assert_eq!(rating_points(&map, "other", "2"), None);
    assert_eq!(rating_points(&map, "x", "720"), None);
    let mut own = map.clone();
    own.push(RatingPoints {
        agency: "Local".to_string(),
        rating: "A".to_string(),
        points: dec("55"),
    });
    assert_eq!(rating_points(&own, "local", "A"), Some(dec("55")));
}

#[test]
fn a_policy_round_trips_through_json() {
    let policy = CreditPolicy::default();
    let text = serde_json::to_string(&policy).expect("serialises");
    let read: CreditPolicy = serde_json::from_str(&text).expect("parses");
    assert_eq!(read, policy);
}

#[test]
fn unbalanced_statements_warn_beyond_half_a_percent() {
    let statement = |assets: &str, liabilities: &str, equity: Option<&str>| FinancialStatement {
        period_end: date("2025-12-31"),
        total_assets: Some(dec(assets)),
        total_liabilities: Some(dec(liabilities)),
        equity: equity.map(dec),
        ..FinancialStatement::default()
    };
    assert_eq!(
        statement_warnings(&statement("1000", "600", Some("400"))),
        vec![]
    );
    assert_eq!(
        statement_warnings(&statement("1000", "600", Some("405"))),
        vec![]
    );
    assert_eq!(statement_warnings(&statement("1000", "600", None)), vec![]);
    assert_eq!(
        statement_warnings(&statement("1000", "600", Some("405.01"))),
        vec![StatementWarning::Unbalanced {
            assets: dec("1000"),
            liabilities_and_equity: dec("1005.01"),
        }]
    );
}

#[test]
fn ratios_are_checked_against_the_policy_limits() {
    use creditdesk_core::credit::score::{ratio_checks, RatioKind, Ratios};
    let limits = CreditPolicy::default().ratio_limits;
    let ratios = Ratios {
        debt_ratio: Some(dec("0.75")),
        current_ratio: Some(dec("1")),
        quick_ratio: Some(dec("0.79")),
        net_margin: None,
        interest_cover: Some(dec("1.5")),
    };
    let checks = ratio_checks(&ratios, &limits);
    let breached: Vec<(RatioKind, bool)> = checks.iter().map(|c| (c.kind, c.breached)).collect();
    assert_eq!(
        breached,
        vec![
            (RatioKind::DebtRatio, true),
            (RatioKind::CurrentRatio, false),
            (RatioKind::QuickRatio, true),
            (RatioKind::NetMargin, false),
            (RatioKind::InterestCover, false),
        ],
        "a limit itself is acceptable; a missing ratio is never a breach"
    );
}

#[test]
fn a_policy_journalled_before_ratio_limits_reads_with_the_defaults() {
    let mut json = serde_json::to_value(CreditPolicy::default()).expect("serialises");
    json.as_object_mut().expect("object").remove("ratio_limits");
    let read: CreditPolicy = serde_json::from_value(json).expect("old policies still read");
    assert_eq!(read, CreditPolicy::default());
}

#[test]
fn the_limit_policy_accepts_the_value_at_each_boundary() {
    use creditdesk_core::policy::AuthorityBand;
    use creditdesk_core::team::Role;
    let cases: Vec<(&str, CreditPolicy)> = vec![
        (
            "warning at 1 % and at 100 %",
            changed(|p| {
                p.limits.grades[0].warning_utilisation_percent = dec("1");
                p.limits.grades[1].warning_utilisation_percent = dec("100");
            }),
        ),
        (
            "capacity shares of 0 % and 100 %",
            changed(|p| {
                p.limits.grades[0].net_worth_percent = dec("100");
                p.limits.grades[0].working_capital_percent = dec("0");
            }),
        ),
        (
            "reviews after 1 and 60 months",
            changed(|p| {
                p.limits.grades[0].review_months = 60;
                p.limits.grades[4].review_months = 1;
            }),
        ),
        (
            "365 days of terms and of grace",
            changed(|p| {
                p.limits.grades[0].terms_days_max = 365;
                p.limits.grace_days = 365;
            }),
        ),
        (
            "one open band for the director alone",
            changed(|p| {
                p.limits.authority = vec![AuthorityBand {
                    up_to: None,
                    role: Role::Director,
                }]
            }),
        ),
        (
            "two bands for the same role",
            changed(|p| p.limits.authority[1].role = Role::Analyst),
        ),
        ("no exchange rates", changed(|p| p.limits.fx_rates.clear())),
        (
            "a limit maximum of zero for every grade",
            changed(|p| {
                for grade in &mut p.limits.grades {
                    grade.limit_max = Decimal::ZERO;
                }
            }),
        ),
    ];
    for (label, policy) in cases {
        assert_eq!(validate_policy(&policy), Ok(()), "{label}");
    }
}

#[test]
fn a_policy_journalled_before_limits_reads_with_the_default_limits() {
    let mut json = serde_json::to_value(CreditPolicy::default()).expect("serialises");
    json.as_object_mut().expect("object").remove("limits");
    let read: CreditPolicy = serde_json::from_value(json).expect("old policies still read");
    assert_eq!(read, CreditPolicy::default());
}

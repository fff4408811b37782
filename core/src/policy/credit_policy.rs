//! The versioned credit policy the score reads: factor weights, points bands, grade floors,
//! probability of default per grade, staleness limits, the external-rating map, ratio limits
//! and (in `limit_policy`) the limit rules; and `validate_policy`, one `PolicyError` per
//! broken rule.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The scorecard's factors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Factor {
    FinancialStrength,
    PaymentBehaviour,
    ExternalRating,
    RiskSignals,
    Relationship,
}

impl Factor {
    pub const ALL: [Factor; 5] = [
        Factor::FinancialStrength,
        Factor::PaymentBehaviour,
        Factor::ExternalRating,
        Factor::RiskSignals,
        Factor::Relationship,
    ];
}

/// A band: values from the previous band's bound (exclusive) up to `upper` (inclusive) get
/// `points` (0–100). The last band of a list has `upper: None` (no bound).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub upper: Option<Decimal>,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub points: Decimal,
}

/// Maps an agency's rating text to points; `agency: "*"` matches any agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingPoints {
    pub agency: String,
    pub rating: String,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub points: Decimal,
}

/// The credit policy: weights, bands, grade cut-offs, PD per grade, staleness limits and the
/// external-rating mapping. Versioned; a change is a journal entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditPolicy {
    pub version: u32,
    /// Percent per factor, in `Factor::ALL` order; must sum to 100.
    #[serde(with = "crate::base::money::decimal_serde::array")]
    pub weights: [Decimal; 5],
    /// Minimum score for A, B, C, D (strictly decreasing); below the last is E.
    #[serde(with = "crate::base::money::decimal_serde::array")]
    pub grade_floors: [Decimal; 4],
    /// Probability of default per grade A–E, in percent, non-decreasing.
    #[serde(with = "crate::base::money::decimal_serde::array")]
    pub pd_percent: [Decimal; 5],
    /// Financial statements older than this many months (from period end) are stale.
    pub statement_stale_months: u32,
    /// External reports older than this many months are stale.
    pub report_stale_months: u32,
    /// Points for Altman Z″ (bands over Z″, ascending).
    pub z_bands: Vec<Band>,
    /// Points for amount-weighted days beyond terms (bands over days, ascending).
    pub dbt_bands: Vec<Band>,
    /// Points for relationship length in months (bands over months, ascending).
    pub relationship_bands: Vec<Band>,
    /// Penalty points per signal severity (Low, Medium, High) when new; fades linearly to
    /// zero over `signal_fade_months`.
    #[serde(with = "crate::base::money::decimal_serde::array")]
    pub signal_penalty: [Decimal; 3],
    pub signal_fade_months: u32,
    pub rating_map: Vec<RatingPoints>,
    /// Limits the ratio table is compared against (shown, not scored). Journals written
    /// before limits existed read as the defaults.
    #[serde(default)]
    pub ratio_limits: RatioLimits,
    /// Per-grade limits and terms, the authority matrix and the recommended-limit rules.
    /// Journals written before limits existed read as the defaults.
    #[serde(default)]
    pub limits: crate::policy::limit_policy::LimitPolicy,
    /// The alerts' thresholds and severities, and which severities stop credit. Journals
    /// written before alerts existed read as the defaults, and a policy with the default
    /// alerts is written without them, so those journals' texts write back byte for byte
    /// (the snapshot, which cannot skip a field, carries them beside: `Policies`).
    #[serde(
        default,
        skip_serializing_if = "crate::policy::alert_policy::AlertPolicy::is_default"
    )]
    pub alerts: crate::policy::alert_policy::AlertPolicy,
}

/// The policy's limits for the financial ratios. A ratio beyond its limit is marked on the
/// score card for the analyst; it does not change the score, which reads Z″ alone for
/// financial strength (see `score.rs` for why).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatioLimits {
    /// Highest acceptable total liabilities / total assets, e.g. 0.70.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub debt_ratio_max: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub current_ratio_min: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub quick_ratio_min: Decimal,
    /// Lowest acceptable net profit / revenue, e.g. 0 (no loss).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub net_margin_min: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub interest_cover_min: Decimal,
}

impl Default for RatioLimits {
    /// Common rules of thumb for trade customers; a credit manager tunes them per portfolio.
    fn default() -> RatioLimits {
        RatioLimits {
            debt_ratio_max: Decimal::new(70, 2),
            current_ratio_min: Decimal::ONE,
            quick_ratio_min: Decimal::new(8, 1),
            net_margin_min: Decimal::ZERO,
            interest_cover_min: Decimal::new(15, 1),
        }
    }
}

impl Default for CreditPolicy {
    /// The policy a new portfolio starts with (version 1). The figures are a starting point a
    /// credit manager is expected to tune, chosen so that each factor's points mean roughly the
    /// same thing: 50 is neutral, 100 is as good as the factor can tell, 0 as bad.
    fn default() -> CreditPolicy {
        let band = |upper: Option<&str>, points: i64| Band {
            upper: upper.map(decimal),
            points: Decimal::from(points),
        };
        CreditPolicy {
            version: 1,
            // Financial strength and payment behaviour carry most of the weight: they are the
            // two factors with hard evidence behind them (audited figures, the own ledger).
            weights: [35, 35, 15, 10, 5].map(Decimal::from),
            grade_floors: [80, 65, 50, 35].map(Decimal::from),
            pd_percent: [
                decimal("0.5"),
                decimal("1.5"),
                decimal("4"),
                decimal("10"),
                decimal("25"),
            ],
            // The product brief: financials older than 15 months are stale; reports are renewed yearly.
            statement_stale_months: 15,
            report_stale_months: 12,
            // Over Altman Z″: the distress zone (< 1.10) scores at most 20, the grey zone
            // (1.10–2.60) 45–65, the safe zone (> 2.60) 85–100. A band includes its upper bound,
            // so exactly 2.60 is still grey (65) as the zones say.
            z_bands: vec![
                band(Some("0"), 0),
                band(Some("1.10"), 20),
                band(Some("1.75"), 45),
                band(Some("2.60"), 65),
                band(Some("4.0"), 85),
                band(None, 100),
            ],
            // Over days beyond terms: paying on time is 100, two months late or worse is 0.
            dbt_bands: vec![
                band(Some("0"), 100),
                band(Some("7"), 85),
                band(Some("15"), 70),
                band(Some("30"), 50),
                band(Some("60"), 25),
                band(None, 0),
            ],
            // Over months since registration: a new customer is unproven, five years is proven.
            relationship_bands: vec![
                band(Some("6"), 20),
                band(Some("12"), 40),
                band(Some("36"), 70),
                band(Some("60"), 85),
                band(None, 100),
            ],
            signal_penalty: [5, 15, 30].map(Decimal::from),
            signal_fade_months: 24,
            rating_map: default_rating_map(),
            ratio_limits: RatioLimits::default(),
            limits: crate::policy::limit_policy::LimitPolicy::default(),
            alerts: crate::policy::alert_policy::AlertPolicy::default(),
        }
    }
}

fn decimal(text: &str) -> Decimal {
    // Only called with the literals in this file, which are all valid decimals.
    text.parse().expect("a decimal literal")
}

/// Letter ratings of any agency (S&P/Fitch style, with + and − modifiers worth 3 points),
/// Creditsafe-style `CR1`–`CR6` classes, and Dun & Bradstreet's risk indicator 1–4.
fn default_rating_map() -> Vec<RatingPoints> {
    let mut map = Vec::new();
    let mut add = |agency: &str, rating: &str, points: i64| {
        map.push(RatingPoints {
            agency: agency.to_string(),
            rating: rating.to_string(),
            points: Decimal::from(points),
        });
    };
    let letters = [
        ("AAA", 100),
        ("AA", 90),
        ("A", 80),
        ("BBB", 65),
        ("BB", 50),
        ("B", 35),
        ("CCC", 20),
        ("CC", 10),
        ("C", 5),
        ("D", 0),
    ];
    for (rating, points) in letters {
        add("*", rating, points);
        if (20..=90).contains(&points) {
            add("*", &format!("{rating}+"), points + 3);
            add("*", &format!("{rating}-"), points - 3);
        }
    }
    for (rating, points) in [
        ("CR1", 95),
        ("CR2", 80),
        ("CR3", 60),
        ("CR4", 40),
        ("CR5", 20),
        ("CR6", 0),
    ] {
        add("*", rating, points);
    }
    for agency in ["Dun & Bradstreet", "D&B"] {
        for (rating, points) in [("1", 90), ("2", 70), ("3", 45), ("4", 15)] {
            add(agency, rating, points);
        }
    }
    map
}

/// Which band list of the policy a `PolicyError` speaks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BandSet {
    Z,
    Dbt,
    Relationship,
}

/// Why a credit policy does not make sense; one variant per broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyError {
    WeightsNotHundred {
        sum: Decimal,
    },
    WeightNegative {
        factor: Factor,
    },
    /// Grade floors must fall strictly from A to D.
    GradeFloorsNotDecreasing,
    /// Grade floors must lie within 0–100.
    GradeFloorOutOfRange,
    /// A probability of default must lie within 0–100 %.
    PdOutOfRange,
    /// Probabilities of default must not fall from A to E.
    PdNotIncreasing,
    BandsEmpty {
        set: BandSet,
    },
    /// Band bounds must increase strictly.
    BandsOverlap {
        set: BandSet,
    },
    /// The last band, and only the last, must be open-ended (`upper: None`).
    LastBandBounded {
        set: BandSet,
    },
    BandPointsOutOfRange {
        set: BandSet,
    },
    /// Z″ and relationship points must not fall as the value rises; DBT points must not rise
    /// as days rise. The score's properties (more equity never lowers it, paying later never
    /// raises it) depend on this.
    BandPointsNotMonotone {
        set: BandSet,
    },
    /// Signal penalties must lie within 0–100 points.
    SignalPenaltyOutOfRange,
    /// A staleness limit of zero months would flag every statement or report.
    StalenessZero,
    /// Debt ratio limit outside (0, 1], a negative current/quick/interest-cover limit, or a
    /// net-margin limit outside −100 %…100 %.
    RatioLimitOutOfRange,
    RatingPointsOutOfRange {
        agency: String,
        rating: String,
    },
    RatingDuplicate {
        agency: String,
        rating: String,
    },
    /// The limit part of the policy (grades, authority matrix, exchange rates).
    Limits(crate::policy::limit_policy::LimitPolicyError),
    /// An alert threshold out of its range.
    Alerts(crate::policy::alert_policy::AlertPolicyProblem),
}

fn percent_range(value: Decimal) -> bool {
    value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED
}

/// Checks every rule a policy must meet before it may be journalled, in the order of the
/// policy form.
pub fn validate_policy(policy: &CreditPolicy) -> Result<(), PolicyError> {
    for (factor, weight) in Factor::ALL.iter().zip(policy.weights) {
        if weight < Decimal::ZERO {
            return Err(PolicyError::WeightNegative { factor: *factor });
        }
    }
    let sum: Decimal = policy.weights.iter().sum();
    if sum != Decimal::ONE_HUNDRED {
        return Err(PolicyError::WeightsNotHundred { sum });
    }
    if !policy
        .grade_floors
        .iter()
        .all(|floor| percent_range(*floor))
    {
        return Err(PolicyError::GradeFloorOutOfRange);
    }
    if policy
        .grade_floors
        .windows(2)
        .any(|pair| pair[0] <= pair[1])
    {
        return Err(PolicyError::GradeFloorsNotDecreasing);
    }
    if !policy.pd_percent.iter().all(|pd| percent_range(*pd)) {
        return Err(PolicyError::PdOutOfRange);
    }
    if policy.pd_percent.windows(2).any(|pair| pair[0] > pair[1]) {
        return Err(PolicyError::PdNotIncreasing);
    }
    validate_bands(&policy.z_bands, BandSet::Z, false)?;
    validate_bands(&policy.dbt_bands, BandSet::Dbt, true)?;
    validate_bands(&policy.relationship_bands, BandSet::Relationship, false)?;
    if !policy
        .signal_penalty
        .iter()
        .all(|penalty| percent_range(*penalty))
    {
        return Err(PolicyError::SignalPenaltyOutOfRange);
    }
    if policy.statement_stale_months == 0
        || policy.report_stale_months == 0
        || policy.signal_fade_months == 0
    {
        return Err(PolicyError::StalenessZero);
    }
    let limits = &policy.ratio_limits;
    if limits.debt_ratio_max <= Decimal::ZERO
        || limits.debt_ratio_max > Decimal::ONE
        || limits.current_ratio_min < Decimal::ZERO
        || limits.quick_ratio_min < Decimal::ZERO
        || limits.interest_cover_min < Decimal::ZERO
        || limits.net_margin_min.abs() > Decimal::ONE
    {
        return Err(PolicyError::RatioLimitOutOfRange);
    }
    validate_rating_map(&policy.rating_map)?;
    crate::policy::limit_policy::validate_limit_policy(&policy.limits)
        .map_err(PolicyError::Limits)?;
    match policy.alerts.problem() {
        Some(problem) => Err(PolicyError::Alerts(problem)),
        None => Ok(()),
    }
}

fn validate_bands(bands: &[Band], set: BandSet, falling: bool) -> Result<(), PolicyError> {
    let Some((last, bounded)) = bands.split_last() else {
        return Err(PolicyError::BandsEmpty { set });
    };
    if last.upper.is_some() || bounded.iter().any(|band| band.upper.is_none()) {
        return Err(PolicyError::LastBandBounded { set });
    }
    let uppers: Vec<Decimal> = bounded.iter().filter_map(|band| band.upper).collect();
    if uppers.windows(2).any(|pair| pair[0] >= pair[1]) {
        return Err(PolicyError::BandsOverlap { set });
    }
    if !bands.iter().all(|band| percent_range(band.points)) {
        return Err(PolicyError::BandPointsOutOfRange { set });
    }
    let monotone = bands.windows(2).all(|pair| {
        if falling {
            pair[0].points >= pair[1].points
        } else {
            pair[0].points <= pair[1].points
        }
    });
    if !monotone {
        return Err(PolicyError::BandPointsNotMonotone { set });
    }
    Ok(())
}

fn validate_rating_map(map: &[RatingPoints]) -> Result<(), PolicyError> {
    for (position, entry) in map.iter().enumerate() {
        if !percent_range(entry.points) {
            return Err(PolicyError::RatingPointsOutOfRange {
                agency: entry.agency.clone(),
                rating: entry.rating.clone(),
            });
        }
        let duplicate = map[..position].iter().any(|earlier| {
            same_text(&earlier.agency, &entry.agency) && same_text(&earlier.rating, &entry.rating)
        });
        if duplicate {
            return Err(PolicyError::RatingDuplicate {
                agency: entry.agency.clone(),
                rating: entry.rating.clone(),
            });
        }
    }
    Ok(())
}

/// Agency names and ratings match ignoring surrounding spaces and ASCII case (`aa` is `AA`).
pub fn same_text(left: &str, right: &str) -> bool {
    left.trim().eq_ignore_ascii_case(right.trim())
}

/// The points of the band `value` falls in: the first band whose upper bound is at or above
/// the value, or the open-ended last band. Zero for an empty list (which validation refuses).
pub fn band_points(bands: &[Band], value: Decimal) -> Decimal {
    bands
        .iter()
        .find(|band| band.upper.is_none_or(|upper| value <= upper))
        .map_or(Decimal::ZERO, |band| band.points)
}

/// The points a rating map gives a report's rating: the agency's own entry first, then the
/// `*` entry that matches any agency. `None` when the rating is not in the map.
pub fn rating_points(map: &[RatingPoints], agency: &str, rating: &str) -> Option<Decimal> {
    let matching = |wanted_agency: &str| {
        map.iter().find(|entry| {
            same_text(&entry.agency, wanted_agency) && same_text(&entry.rating, rating)
        })
    };
    matching(agency)
        .or_else(|| matching("*"))
        .map(|entry| entry.points)
}

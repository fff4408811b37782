//! Credit limits: the per-grade limit policy and authority matrix, local user profiles and
//! their roles, the recommended limit with each method's figure, and the limit in force on a
//! date (approved requests, temporary limits that lapse by date, review dates).
//! Everything here is a pure function of the portfolio and an `as_of` date.

use crate::credit::{CreditPolicy, CreditRecord, Grade};
use crate::model::{Customer, CustomerId};
use crate::money::{Currency, Money};
use crate::portfolio::Portfolio;
use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A local user profile's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub u32);

/// A limit request's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequestId(pub u32);

/// What a user does in the credit process (PRODUCT.md L). Roles are guard-rails and
/// accountability in a browser, not security: anyone with the device can add a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Sales,
    Collector,
    Analyst,
    Manager,
    Director,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Sales,
        Role::Collector,
        Role::Analyst,
        Role::Manager,
        Role::Director,
    ];

    /// Rank in the approval ladder: sales and collectors approve nothing; an analyst less than
    /// a manager, a manager less than a director. A higher rank may do what a lower may.
    pub fn authority_rank(self) -> u8 {
        match self {
            Role::Sales | Role::Collector => 0,
            Role::Analyst => 1,
            Role::Manager => 2,
            Role::Director => 3,
        }
    }

    /// Whether this role may do what `required` may.
    pub fn covers(self, required: Role) -> bool {
        self.authority_rank() > 0 && self.authority_rank() >= required.authority_rank()
    }

    pub fn token(self) -> &'static str {
        match self {
            Role::Sales => "sales",
            Role::Collector => "collector",
            Role::Analyst => "analyst",
            Role::Manager => "manager",
            Role::Director => "director",
        }
    }

    pub fn from_token(token: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.token() == token)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub role: Role,
}

/// Security a grade requires before goods go out on credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Security {
    None,
    BankGuarantee,
    LetterOfCredit,
    Prepayment,
}

impl Security {
    pub const ALL: [Security; 4] = [
        Security::None,
        Security::BankGuarantee,
        Security::LetterOfCredit,
        Security::Prepayment,
    ];
}

/// What the policy allows a customer of one grade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeTerms {
    /// The highest limit for the grade, in the policy's base currency.
    #[serde(with = "crate::money::decimal_serde")]
    pub limit_max: Decimal,
    /// Longest payment terms the grade may have, in days.
    pub terms_days_max: u32,
    pub security: Security,
    /// Months from an approval to its review date.
    pub review_months: u32,
    /// Days an invoice may be overdue before the credit check blocks orders.
    pub overdue_tolerance_days: u32,
    /// Utilisation (exposure incl. the order ÷ limit) at or above which the check warns, %.
    #[serde(with = "crate::money::decimal_serde")]
    pub warning_utilisation_percent: Decimal,
    /// Financial capacity: this share of tangible net worth, %.
    #[serde(with = "crate::money::decimal_serde")]
    pub net_worth_percent: Decimal,
    /// Financial capacity: this share of working capital, %.
    #[serde(with = "crate::money::decimal_serde")]
    pub working_capital_percent: Decimal,
}

/// How the methods' figures become one recommended limit (before the grade's maximum caps it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Combination {
    /// The lowest figure: every method must agree the customer can carry the limit.
    Lowest,
    /// The average of the figures that have data.
    Average,
}

/// One band of the authority matrix: limits up to `up_to` (inclusive, base currency) may be
/// approved by `role` or any role above it. The last band has no bound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityBand {
    #[serde(default, with = "crate::money::decimal_serde::option")]
    pub up_to: Option<Decimal>,
    pub role: Role,
}

/// Units of the base currency per one unit of `currency`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FxRate {
    pub currency: Currency,
    #[serde(with = "crate::money::decimal_serde")]
    pub rate: Decimal,
}

/// The limit part of the credit policy: per-grade terms, the authority matrix and how the
/// recommended limit is formed. Policy amounts are in `base_currency`; a customer in another
/// currency is compared through `fx_rates`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitPolicy {
    pub base_currency: Currency,
    pub fx_rates: Vec<FxRate>,
    /// In `Grade::ALL` order.
    pub grades: [GradeTerms; 5],
    pub authority: Vec<AuthorityBand>,
    pub combination: Combination,
    /// Trading need = monthly purchases × (terms + grace days) ÷ 30.
    pub grace_days: u32,
    /// The recommended limit is rounded down to a multiple of this, in the customer's currency.
    #[serde(with = "crate::money::decimal_serde")]
    pub rounding_step: Decimal,
}

impl Default for LimitPolicy {
    /// A starting point for a CNY portfolio, to be tuned: limits and authority in CNY, grades
    /// from A (large, long terms, yearly review) to E (no credit: prepayment, review in 3
    /// months). Exchange rates are indicative and must be kept current by the credit manager.
    fn default() -> LimitPolicy {
        let grade = |limit_max: i64,
                     terms_days_max: u32,
                     security: Security,
                     review_months: u32,
                     overdue_tolerance_days: u32,
                     warning: i64,
                     net_worth: i64,
                     working_capital: i64| GradeTerms {
            limit_max: Decimal::from(limit_max),
            terms_days_max,
            security,
            review_months,
            overdue_tolerance_days,
            warning_utilisation_percent: Decimal::from(warning),
            net_worth_percent: Decimal::from(net_worth),
            working_capital_percent: Decimal::from(working_capital),
        };
        let rate = |code: &str, rate: &str| FxRate {
            // Only called with the known codes and decimal literals below.
            currency: Currency::parse(code).expect("a known currency"),
            rate: rate.parse().expect("a decimal literal"),
        };
        LimitPolicy {
            base_currency: Currency::CNY,
            fx_rates: vec![
                rate("USD", "7.10"),
                rate("EUR", "7.70"),
                rate("HKD", "0.91"),
                rate("GBP", "9.00"),
                rate("JPY", "0.047"),
                rate("SGD", "5.30"),
            ],
            grades: [
                grade(5_000_000, 90, Security::None, 12, 15, 90, 20, 30),
                grade(2_000_000, 60, Security::None, 12, 10, 90, 15, 20),
                grade(800_000, 45, Security::None, 6, 7, 85, 10, 15),
                grade(200_000, 30, Security::BankGuarantee, 6, 0, 80, 5, 10),
                grade(0, 0, Security::Prepayment, 3, 0, 75, 0, 0),
            ],
            authority: vec![
                AuthorityBand {
                    up_to: Some(Decimal::from(500_000)),
                    role: Role::Analyst,
                },
                AuthorityBand {
                    up_to: Some(Decimal::from(2_000_000)),
                    role: Role::Manager,
                },
                AuthorityBand {
                    up_to: None,
                    role: Role::Director,
                },
            ],
            combination: Combination::Lowest,
            grace_days: 15,
            rounding_step: Decimal::from(10_000),
        }
    }
}

fn grade_index(grade: Grade) -> usize {
    match grade {
        Grade::A => 0,
        Grade::B => 1,
        Grade::C => 2,
        Grade::D => 3,
        Grade::E => 4,
    }
}

impl LimitPolicy {
    pub fn terms(&self, grade: Grade) -> &GradeTerms {
        &self.grades[grade_index(grade)]
    }

    /// Base-currency units per unit of `currency`; `None` when the policy has no rate.
    pub fn rate(&self, currency: Currency) -> Option<Decimal> {
        if currency == self.base_currency {
            return Some(Decimal::ONE);
        }
        self.fx_rates
            .iter()
            .find(|rate| rate.currency == currency)
            .map(|rate| rate.rate)
    }

    /// An amount in `currency` expressed in the base currency (exact, not rounded: it is only
    /// compared with policy amounts).
    pub fn to_base(&self, amount: Decimal, currency: Currency) -> Option<Decimal> {
        self.rate(currency)
            .and_then(|rate| amount.checked_mul(rate))
    }

    /// A base-currency amount in `currency`, rounded down to the currency's minor units.
    pub fn from_base(&self, amount: Decimal, currency: Currency) -> Option<Decimal> {
        let rate = self.rate(currency)?;
        if rate.is_zero() {
            return None;
        }
        amount.checked_div(rate).map(|value| {
            value.round_dp_with_strategy(currency.minor_units(), RoundingStrategy::ToZero)
        })
    }

    /// The lowest role that may approve a limit of `amount_base`. Unbounded amounts (no rate
    /// to convert) need the role of the last band.
    pub fn approver_role(&self, amount_base: Option<Decimal>) -> Role {
        let last = self
            .authority
            .last()
            .map_or(Role::Director, |band| band.role);
        let Some(amount) = amount_base else {
            return last;
        };
        self.authority
            .iter()
            .find(|band| band.up_to.is_none_or(|up_to| amount <= up_to))
            .map_or(last, |band| band.role)
    }
}

/// Why a limit part of the policy does not make sense; one variant per broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitPolicyError {
    GradeLimitNegative {
        grade: Grade,
    },
    /// Warning utilisation must lie within 1–100 %.
    WarningOutOfRange {
        grade: Grade,
    },
    /// Net-worth and working-capital shares must lie within 0–100 %.
    CapacityShareOutOfRange {
        grade: Grade,
    },
    /// A review interval of zero months, or more than 60.
    ReviewMonthsOutOfRange {
        grade: Grade,
    },
    TermsAboveMax {
        grade: Grade,
        max: u32,
    },
    AuthorityEmpty,
    /// Band bounds must increase strictly and be above zero.
    AuthorityBandsOverlap,
    /// The last band, and only the last, must be open-ended.
    AuthorityLastBounded,
    /// Sales and collectors cannot approve limits.
    AuthorityRoleCannotApprove {
        role: Role,
    },
    /// A higher band must not need a lower role.
    AuthorityRolesNotRising,
    FxRateNotPositive {
        currency: Currency,
    },
    FxRateDuplicate {
        currency: Currency,
    },
    /// The base currency is 1 by definition and must not be listed.
    FxRateForBase,
    RoundingStepNotPositive,
    GraceDaysOutOfRange {
        max: u32,
    },
}

/// Checks the limit part of a policy, in the order of the policy form.
pub fn validate_limit_policy(policy: &LimitPolicy) -> Result<(), LimitPolicyError> {
    for (grade, terms) in Grade::ALL.into_iter().zip(&policy.grades) {
        validate_grade_terms(grade, terms)?;
    }
    validate_authority(&policy.authority)?;
    for (position, rate) in policy.fx_rates.iter().enumerate() {
        if rate.currency == policy.base_currency {
            return Err(LimitPolicyError::FxRateForBase);
        }
        if rate.rate <= Decimal::ZERO {
            return Err(LimitPolicyError::FxRateNotPositive {
                currency: rate.currency,
            });
        }
        if policy.fx_rates[..position]
            .iter()
            .any(|earlier| earlier.currency == rate.currency)
        {
            return Err(LimitPolicyError::FxRateDuplicate {
                currency: rate.currency,
            });
        }
    }
    if policy.rounding_step <= Decimal::ZERO {
        return Err(LimitPolicyError::RoundingStepNotPositive);
    }
    if policy.grace_days > crate::command::TERMS_DAYS_MAX {
        return Err(LimitPolicyError::GraceDaysOutOfRange {
            max: crate::command::TERMS_DAYS_MAX,
        });
    }
    Ok(())
}

fn validate_grade_terms(grade: Grade, terms: &GradeTerms) -> Result<(), LimitPolicyError> {
    let percent = |value: Decimal| value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED;
    if terms.limit_max < Decimal::ZERO {
        return Err(LimitPolicyError::GradeLimitNegative { grade });
    }
    if terms.terms_days_max > crate::command::TERMS_DAYS_MAX {
        return Err(LimitPolicyError::TermsAboveMax {
            grade,
            max: crate::command::TERMS_DAYS_MAX,
        });
    }
    if !(1..=60).contains(&terms.review_months) {
        return Err(LimitPolicyError::ReviewMonthsOutOfRange { grade });
    }
    if terms.warning_utilisation_percent < Decimal::ONE
        || terms.warning_utilisation_percent > Decimal::ONE_HUNDRED
    {
        return Err(LimitPolicyError::WarningOutOfRange { grade });
    }
    if !percent(terms.net_worth_percent) || !percent(terms.working_capital_percent) {
        return Err(LimitPolicyError::CapacityShareOutOfRange { grade });
    }
    Ok(())
}

fn validate_authority(bands: &[AuthorityBand]) -> Result<(), LimitPolicyError> {
    if bands.is_empty() {
        return Err(LimitPolicyError::AuthorityEmpty);
    }
    let mut previous_bound = Decimal::ZERO;
    let mut previous_rank = 0;
    for (position, band) in bands.iter().enumerate() {
        let is_last = position + 1 == bands.len();
        match (band.up_to, is_last) {
            (None, false) | (Some(_), true) => return Err(LimitPolicyError::AuthorityLastBounded),
            (Some(bound), false) if bound <= previous_bound => {
                return Err(LimitPolicyError::AuthorityBandsOverlap)
            }
            (Some(bound), false) => previous_bound = bound,
            (None, true) => {}
        }
        if band.role.authority_rank() == 0 {
            return Err(LimitPolicyError::AuthorityRoleCannotApprove { role: band.role });
        }
        if band.role.authority_rank() < previous_rank {
            return Err(LimitPolicyError::AuthorityRolesNotRising);
        }
        previous_rank = band.role.authority_rank();
    }
    Ok(())
}

/// Where a limit request stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestStatus {
    Pending,
    Approved {
        by: UserId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        comment: String,
        /// When the limit must be reviewed: the approval date + the grade's review interval.
        #[serde(with = "crate::model::date_serde")]
        review_on: NaiveDate,
        /// The grade the customer had on the approval date.
        grade: Grade,
    },
    Rejected {
        by: UserId,
        #[serde(with = "crate::model::date_serde")]
        date: NaiveDate,
        comment: String,
    },
}

/// A request for a new limit and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitRequest {
    pub id: RequestId,
    pub customer: CustomerId,
    #[serde(with = "crate::model::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub amount: Money,
    pub reason: String,
    /// A temporary limit's last day; `None` for a standing limit.
    #[serde(default, with = "crate::model::date_serde::option")]
    pub until: Option<NaiveDate>,
    pub status: RequestStatus,
    /// The day its lapse was journalled (the lapse itself follows from `until`).
    #[serde(default, with = "crate::model::date_serde::option")]
    pub lapse_recorded: Option<NaiveDate>,
}

impl LimitRequest {
    /// The approval date, when approved.
    pub fn approved_on(&self) -> Option<NaiveDate> {
        match self.status {
            RequestStatus::Approved { date, .. } => Some(date),
            _ => None,
        }
    }

    /// A temporary limit has lapsed once `as_of` is past its last day.
    pub fn lapsed(&self, as_of: NaiveDate) -> bool {
        self.until.is_some_and(|until| as_of > until)
    }
}

/// The limit that applies on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitStatus {
    /// No limit was ever approved: no credit.
    None,
    /// The latest approved limit was temporary and has lapsed, and no standing limit remains.
    Lapsed {
        request: RequestId,
        amount: Decimal,
        #[serde(with = "crate::model::date_serde")]
        until: NaiveDate,
    },
    InForce(LimitInForce),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitInForce {
    pub request: RequestId,
    pub amount: Decimal,
    #[serde(with = "crate::model::date_serde")]
    pub approved_on: NaiveDate,
    #[serde(with = "crate::model::date_serde")]
    pub review_on: NaiveDate,
    /// A temporary limit's last day.
    #[serde(default, with = "crate::model::date_serde::option")]
    pub until: Option<NaiveDate>,
}

/// The customer's requests, oldest first.
pub fn requests_of<'a>(
    state: &'a Portfolio,
    customer: &'a Customer,
) -> impl Iterator<Item = &'a LimitRequest> + 'a {
    customer
        .limit_requests
        .iter()
        .filter_map(|id| state.limit_request(*id))
}

/// The limit in force on `as_of`: the latest approval (by approval date, then by request) made
/// by then that has not lapsed. A temporary limit thus overrides a standing one until its last
/// day, after which the standing limit applies again; a newer standing approval replaces both.
pub fn limit_status(state: &Portfolio, customer: &Customer, as_of: NaiveDate) -> LimitStatus {
    let mut approvals: Vec<(&LimitRequest, NaiveDate, NaiveDate)> = requests_of(state, customer)
        .filter_map(|request| match &request.status {
            RequestStatus::Approved {
                date, review_on, ..
            } if *date <= as_of => Some((request, *date, *review_on)),
            _ => None,
        })
        .collect();
    approvals.sort_by_key(|(request, date, _)| (*date, request.id));
    if let Some((request, approved_on, review_on)) = approvals
        .iter()
        .rev()
        .find(|(request, ..)| !request.lapsed(as_of))
    {
        // A standing limit approved before a lapsed temporary one comes back; a temporary limit
        // approved after a standing one wins while it runs.
        return LimitStatus::InForce(LimitInForce {
            request: request.id,
            amount: request.amount.amount,
            approved_on: *approved_on,
            review_on: *review_on,
            until: request.until,
        });
    }
    match approvals.last() {
        Some((request, ..)) => LimitStatus::Lapsed {
            request: request.id,
            amount: request.amount.amount,
            until: request.until.unwrap_or(as_of),
        },
        None => LimitStatus::None,
    }
}

/// Approved temporary limits that have lapsed by `as_of` but whose lapse is not journalled yet,
/// for the shell to record (the lapse takes effect by date either way).
pub fn lapses_due(state: &Portfolio, as_of: NaiveDate) -> Vec<RequestId> {
    state
        .limit_requests
        .iter()
        .filter(|request| {
            request.approved_on().is_some()
                && request.lapsed(as_of)
                && request.lapse_recorded.is_none()
        })
        .map(|request| request.id)
        .collect()
}

/// A review date: `months` after `date`, on the same day of the month or the month's last day.
pub fn review_date(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// A method of the recommended limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LimitMethod {
    /// Monthly purchases × (terms + grace) ÷ 30.
    TradingNeed,
    /// The lower of the grade's shares of tangible net worth and of working capital.
    FinancialCapacity,
    /// The latest credit report's recommended limit.
    Agency,
    /// The grade's maximum limit (a cap, always applied).
    GradeMaximum,
}

/// One method's figure, in the customer's currency, or why it has none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodFigure {
    pub method: LimitMethod,
    /// `None` when the method has no data (then it takes no part).
    pub amount: Option<Decimal>,
    pub basis: MethodBasis,
}

/// The inputs a method's figure came from, for the explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MethodBasis {
    TradingNeed {
        monthly_purchases: Option<Decimal>,
        /// Whether the monthly purchases were typed in rather than taken from history.
        entered: bool,
        terms_days: u32,
        grace_days: u32,
    },
    FinancialCapacity {
        net_worth: Option<Decimal>,
        net_worth_percent: Decimal,
        working_capital: Option<Decimal>,
        working_capital_percent: Decimal,
        /// The statement's period end, when there is one.
        period_end: Option<NaiveDate>,
    },
    Agency {
        agency: Option<String>,
        report_date: Option<NaiveDate>,
    },
    GradeMaximum {
        grade: Grade,
        limit_max_base: Decimal,
        base_currency: Currency,
    },
    /// A figure in another currency that the policy has no exchange rate for.
    NoRate { currency: Currency },
}

/// The recommended limit with every method's figure and the one that bound the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub currency: Currency,
    pub grade: Grade,
    pub methods: Vec<MethodFigure>,
    pub combination: Combination,
    /// The combined figure before the cap and rounding; `None` when no method had data.
    pub combined: Option<Decimal>,
    /// The result, rounded down to the policy's step; `None` when no method had data.
    pub amount: Option<Decimal>,
    /// The method whose figure the result came from (the lowest, or the grade maximum when it
    /// capped an average); `None` for an uncapped average or no data.
    pub bound_by: Option<LimitMethod>,
    pub rounding_step: Decimal,
}

/// Average monthly invoicing over the 12 months before `as_of` (fewer when the customer is
/// younger, at least one month); `None` without invoices in that window.
pub fn monthly_purchases(
    state: &Portfolio,
    customer: &Customer,
    as_of: NaiveDate,
) -> Option<Decimal> {
    let from = as_of
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let mut total = Decimal::ZERO;
    let mut first: Option<NaiveDate> = None;
    for invoice in customer.invoices.iter().filter_map(|id| state.invoice(*id)) {
        if invoice.issue_date > from && invoice.issue_date <= as_of {
            total += invoice.amount.amount;
            first = Some(first.map_or(invoice.issue_date, |first| first.min(invoice.issue_date)));
        }
    }
    // The history starts at registration, or at an earlier invoice (an import registers a
    // customer on the day of import); a rare buyer of long standing is not younger for buying
    // rarely, so the first invoice in the window does not shorten it.
    let start = first?.min(customer.registered_on).max(from);
    // A begun month counts: twelve monthly invoices from the 15th average over twelve months.
    let mut months = crate::score::months_between(start, as_of);
    let whole = u32::try_from(months)
        .ok()
        .and_then(|whole| start.checked_add_months(Months::new(whole)));
    if whole.is_some_and(|end| end < as_of) {
        months += 1;
    }
    let months = months.clamp(1, 12);
    Some((total / Decimal::from(months)).round_dp(customer.details.currency.minor_units()))
}

/// The latest statement and report known on `as_of`.
fn latest_records(
    customer: &Customer,
    as_of: NaiveDate,
) -> (
    Option<&crate::credit::FinancialStatement>,
    Option<&crate::credit::CreditReport>,
) {
    let mut statement: Option<&crate::credit::FinancialStatement> = None;
    let mut report: Option<&crate::credit::CreditReport> = None;
    for (recorded_on, record) in &customer.credit_file {
        if *recorded_on > as_of || record.date() > as_of {
            continue;
        }
        match record {
            CreditRecord::Statement(found)
                if statement.is_none_or(|kept| found.period_end >= kept.period_end) =>
            {
                statement = Some(found)
            }
            CreditRecord::Report(found)
                if report.is_none_or(|kept| found.report_date >= kept.report_date) =>
            {
                report = Some(found)
            }
            _ => {}
        }
    }
    (statement, report)
}

/// Converts an amount between currencies through the base currency, rounded down to the
/// target's minor units; `None` without a rate.
fn convert(policy: &LimitPolicy, amount: Decimal, from: Currency, to: Currency) -> Option<Decimal> {
    if from == to {
        return Some(amount);
    }
    policy
        .to_base(amount, from)
        .and_then(|base| policy.from_base(base, to))
}

/// The first of `currencies` the policy has no rate for: the one a `NoRate` names.
fn missing_rate(limits: &LimitPolicy, currencies: [Currency; 2]) -> Option<Currency> {
    currencies
        .into_iter()
        .find(|currency| limits.rate(*currency).is_none())
}

fn percent_of(amount: Decimal, percent: Decimal) -> Decimal {
    amount * percent / Decimal::ONE_HUNDRED
}

/// The recommended limit for a customer of `grade` on `as_of`. `monthly_entered` replaces the
/// monthly purchases taken from history (for a new customer, or a known change in volume).
pub fn recommend(
    state: &Portfolio,
    customer: &Customer,
    policy: &CreditPolicy,
    grade: Grade,
    as_of: NaiveDate,
    monthly_entered: Option<Decimal>,
) -> Recommendation {
    let limits = &policy.limits;
    let terms = limits.terms(grade);
    let currency = customer.details.currency;
    let (statement, report) = latest_records(customer, as_of);
    let methods = vec![
        trading_need(state, customer, limits, as_of, monthly_entered),
        financial_capacity(limits, terms, statement, currency),
        agency_figure(limits, report, currency),
        grade_maximum(limits, grade, currency),
    ];
    combine(limits, grade, currency, methods)
}

fn trading_need(
    state: &Portfolio,
    customer: &Customer,
    limits: &LimitPolicy,
    as_of: NaiveDate,
    monthly_entered: Option<Decimal>,
) -> MethodFigure {
    let monthly = monthly_entered.or_else(|| monthly_purchases(state, customer, as_of));
    let terms_days = customer.details.payment_terms_days;
    let days = Decimal::from(terms_days + limits.grace_days);
    MethodFigure {
        method: LimitMethod::TradingNeed,
        amount: monthly.and_then(|monthly| {
            monthly
                .checked_mul(days)
                .map(|value| value / Decimal::from(30))
        }),
        basis: MethodBasis::TradingNeed {
            monthly_purchases: monthly,
            entered: monthly_entered.is_some(),
            terms_days,
            grace_days: limits.grace_days,
        },
    }
}

fn financial_capacity(
    limits: &LimitPolicy,
    terms: &GradeTerms,
    statement: Option<&crate::credit::FinancialStatement>,
    currency: Currency,
) -> MethodFigure {
    let method = LimitMethod::FinancialCapacity;
    let from = statement.and_then(|s| s.currency).unwrap_or(currency);
    let in_currency =
        |value: Option<Decimal>| value.and_then(|v| convert(limits, v, from, currency));
    if statement.is_some() && from != currency {
        if let Some(missing) = missing_rate(limits, [from, currency]) {
            return MethodFigure {
                method,
                amount: None,
                basis: MethodBasis::NoRate { currency: missing },
            };
        }
    }
    // Tangible net worth is book equity: statements here carry no intangibles line.
    let net_worth = in_currency(statement.and_then(|s| s.equity));
    let working_capital = in_currency(statement.and_then(|s| {
        s.current_assets
            .zip(s.current_liabilities)
            .and_then(|(assets, liabilities)| assets.checked_sub(liabilities))
    }));
    let shares = [
        net_worth.map(|value| percent_of(value.max(Decimal::ZERO), terms.net_worth_percent)),
        working_capital
            .map(|value| percent_of(value.max(Decimal::ZERO), terms.working_capital_percent)),
    ];
    MethodFigure {
        method,
        amount: shares.into_iter().flatten().min(),
        basis: MethodBasis::FinancialCapacity {
            net_worth,
            net_worth_percent: terms.net_worth_percent,
            working_capital,
            working_capital_percent: terms.working_capital_percent,
            period_end: statement.map(|s| s.period_end),
        },
    }
}

fn agency_figure(
    limits: &LimitPolicy,
    report: Option<&crate::credit::CreditReport>,
    currency: Currency,
) -> MethodFigure {
    let recommended = report.and_then(|report| report.recommended_limit);
    if let Some(money) = recommended.filter(|money| money.currency != currency) {
        if let Some(missing) = missing_rate(limits, [money.currency, currency]) {
            return MethodFigure {
                method: LimitMethod::Agency,
                amount: None,
                basis: MethodBasis::NoRate { currency: missing },
            };
        }
    }
    MethodFigure {
        method: LimitMethod::Agency,
        amount: recommended
            .and_then(|money| convert(limits, money.amount, money.currency, currency)),
        basis: MethodBasis::Agency {
            agency: report.map(|report| report.agency.clone()),
            report_date: report.map(|report| report.report_date),
        },
    }
}

fn grade_maximum(limits: &LimitPolicy, grade: Grade, currency: Currency) -> MethodFigure {
    let limit_max_base = limits.terms(grade).limit_max;
    let amount = limits.from_base(limit_max_base, currency);
    MethodFigure {
        method: LimitMethod::GradeMaximum,
        amount,
        basis: if amount.is_some() {
            MethodBasis::GradeMaximum {
                grade,
                limit_max_base,
                base_currency: limits.base_currency,
            }
        } else {
            MethodBasis::NoRate { currency }
        },
    }
}

fn combine(
    limits: &LimitPolicy,
    grade: Grade,
    currency: Currency,
    methods: Vec<MethodFigure>,
) -> Recommendation {
    let evidence: Vec<(LimitMethod, Decimal)> = methods
        .iter()
        .filter(|figure| figure.method != LimitMethod::GradeMaximum)
        .filter_map(|figure| figure.amount.map(|amount| (figure.method, amount)))
        .collect();
    let cap = methods
        .iter()
        .find(|figure| figure.method == LimitMethod::GradeMaximum)
        .and_then(|figure| figure.amount);
    let combined = match limits.combination {
        Combination::Lowest => evidence
            .iter()
            .min_by_key(|(_, amount)| *amount)
            .map(|(method, amount)| (Some(*method), *amount)),
        Combination::Average if !evidence.is_empty() => {
            let sum: Decimal = evidence.iter().map(|(_, amount)| *amount).sum();
            Some((None, sum / Decimal::from(evidence.len())))
        }
        Combination::Average => None,
    };
    let (amount, bound_by) = match (combined, cap) {
        (Some((_, value)), Some(cap)) if cap < value => {
            (Some(cap), Some(LimitMethod::GradeMaximum))
        }
        (Some((method, value)), _) => (Some(value), method),
        (None, _) => (None, None),
    };
    Recommendation {
        currency,
        grade,
        methods,
        combination: limits.combination,
        combined: combined.map(|(_, value)| value),
        amount: amount.map(|value| round_down(value.max(Decimal::ZERO), limits.rounding_step)),
        bound_by,
        rounding_step: limits.rounding_step,
    }
}

/// Rounds down to a multiple of `step` (the one rounding point of the recommended limit).
pub fn round_down(value: Decimal, step: Decimal) -> Decimal {
    if step <= Decimal::ZERO {
        return value;
    }
    (value / step).floor() * step
}

/// The journal's view of one customer's limit history: requests, decisions, lapses (derived
/// from dates, so a lapse shows even before the shell has journalled it), holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitEvent {
    Requested { request: RequestId, date: NaiveDate },
    Approved { request: RequestId, date: NaiveDate },
    Rejected { request: RequestId, date: NaiveDate },
    Lapsed { request: RequestId, date: NaiveDate },
}

/// Requests, approvals, rejections and lapses of a customer up to `as_of`, newest first.
pub fn limit_events(state: &Portfolio, customer: &Customer, as_of: NaiveDate) -> Vec<LimitEvent> {
    let mut events = Vec::new();
    for request in requests_of(state, customer) {
        let id = request.id;
        events.push((
            request.date,
            0,
            LimitEvent::Requested {
                request: id,
                date: request.date,
            },
        ));
        match &request.status {
            RequestStatus::Approved { date, .. } => {
                events.push((
                    *date,
                    1,
                    LimitEvent::Approved {
                        request: id,
                        date: *date,
                    },
                ));
                if let Some(until) = request.until.filter(|_| request.lapsed(as_of)) {
                    let lapsed_on = until.succ_opt().unwrap_or(until);
                    events.push((
                        lapsed_on,
                        2,
                        LimitEvent::Lapsed {
                            request: id,
                            date: lapsed_on,
                        },
                    ));
                }
            }
            RequestStatus::Rejected { date, .. } => {
                events.push((
                    *date,
                    1,
                    LimitEvent::Rejected {
                        request: id,
                        date: *date,
                    },
                ));
            }
            RequestStatus::Pending => {}
        }
    }
    // Newest first; on one day, a later request's steps above an earlier one's, and within a
    // request its decision above its request.
    events.sort_by_key(|(date, step, event)| {
        let request = match event {
            LimitEvent::Requested { request, .. }
            | LimitEvent::Approved { request, .. }
            | LimitEvent::Rejected { request, .. }
            | LimitEvent::Lapsed { request, .. } => *request,
        };
        std::cmp::Reverse((*date, request, *step))
    });
    events
        .into_iter()
        .filter(|(date, ..)| *date <= as_of)
        .map(|(_, _, event)| event)
        .collect()
}

/// Whether `text` is an allowed widget host origin, and its exact form: `scheme://host[:port]`
/// as a browser writes `event.origin` (lower case, default port left out, no path).
pub fn parse_origin(text: &str) -> Result<String, OriginError> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest)
    } else {
        return Err(OriginError::Scheme);
    };
    // A single trailing slash is what people paste from the address bar; anything after it is a
    // path, which an origin never has.
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains(['/', '?', '#']) {
        return Err(OriginError::NotAnOrigin);
    }
    // IPv6 literals are left out: an intranet host has a name or an IPv4 address.
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    if !host_ok {
        return Err(OriginError::NotAnOrigin);
    }
    let port = match port {
        None => None,
        // Digits only: `parse` would also take a sign, which no browser writes.
        Some(port) if !port.bytes().all(|byte| byte.is_ascii_digit()) => {
            return Err(OriginError::Port)
        }
        Some(port) => match port.parse::<u16>() {
            Ok(0) | Err(_) => return Err(OriginError::Port),
            Ok(port) => Some(port),
        },
    };
    let default_port = if scheme == "https" { 443 } else { 80 };
    Ok(match port {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// Why a widget origin was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OriginError {
    /// Not `http://` or `https://`.
    Scheme,
    /// A path, query, wildcard, user name or odd character: only an exact origin is allowed.
    NotAnOrigin,
    Port,
}

//! The limit part of the credit policy: per-grade terms (maximum limit, allowed terms,
//! required security, review interval, overdue tolerance, warning utilisation, capacity
//! shares), the authority matrix, exchange rates to the base currency, how limit methods
//! combine, grace days and the rounding step; and its validation.

use crate::base::input::TERMS_DAYS_MAX;
use crate::base::money::Currency;
use crate::policy::grade::Grade;
use crate::team::Role;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

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
    #[serde(with = "crate::base::money::decimal_serde")]
    pub limit_max: Decimal,
    /// Longest payment terms the grade may have, in days.
    pub terms_days_max: u32,
    pub security: Security,
    /// Months from an approval to its review date.
    pub review_months: u32,
    /// Days an invoice may be overdue before the credit check blocks orders.
    pub overdue_tolerance_days: u32,
    /// Utilisation (exposure incl. the order ÷ limit) at or above which the check warns, %.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub warning_utilisation_percent: Decimal,
    /// Financial capacity: this share of tangible net worth, %.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub net_worth_percent: Decimal,
    /// Financial capacity: this share of working capital, %.
    #[serde(with = "crate::base::money::decimal_serde")]
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
    #[serde(default, with = "crate::base::money::decimal_serde::option")]
    pub up_to: Option<Decimal>,
    pub role: Role,
}

/// Units of the base currency per one unit of `currency`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FxRate {
    pub currency: Currency,
    #[serde(with = "crate::base::money::decimal_serde")]
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
    #[serde(with = "crate::base::money::decimal_serde")]
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
    if policy.grace_days > TERMS_DAYS_MAX {
        return Err(LimitPolicyError::GraceDaysOutOfRange {
            max: TERMS_DAYS_MAX,
        });
    }
    Ok(())
}

fn validate_grade_terms(grade: Grade, terms: &GradeTerms) -> Result<(), LimitPolicyError> {
    let percent = |value: Decimal| value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED;
    if terms.limit_max < Decimal::ZERO {
        return Err(LimitPolicyError::GradeLimitNegative { grade });
    }
    if terms.terms_days_max > TERMS_DAYS_MAX {
        return Err(LimitPolicyError::TermsAboveMax {
            grade,
            max: TERMS_DAYS_MAX,
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

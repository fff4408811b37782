//! The order credit check (ARCHITECTURE.md, Conventions: credit check): for a prospective order, the limit in force, the
//! exposure and what the order leaves available, overdue and hold status, review date and the
//! grade's rules, giving pass / warn / block with every reason and the role that may release
//! a block. Pure and fast: one customer's invoices and one score.

use crate::alerts::{alert_hold, AlertHold};
use crate::base::ids::CustomerId;
use crate::base::money::{Currency, Money};
use crate::credit::score::{score, score_inputs};
use crate::journal::Portfolio;
use crate::ledger::reports::{customer_balance, Balance};
use crate::ledger::Customer;
use crate::limits::{limit_status, utilisation_exact, CheckReason, LimitStatus, Verdict};
use crate::policy::{CreditPolicy, Grade, GradeTerms, LimitPolicy, Security};
use crate::team::Role;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub mod view;

/// Everything a check found, in the customer's currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditCheck {
    pub customer: CustomerId,
    pub as_of: NaiveDate,
    pub currency: Currency,
    pub verdict: Verdict,
    /// Blocking reasons first, then warnings, each in the order of the module doc.
    pub reasons: Vec<CheckReason>,
    pub grade: Grade,
    pub limit: LimitStatus,
    pub open_receivables: Decimal,
    pub open_orders: Decimal,
    pub exposure: Decimal,
    pub order: Decimal,
    /// Limit − exposure, before this order (negative when already over); `None` without a limit.
    pub available: Option<Decimal>,
    /// Limit − exposure − this order.
    pub available_after: Option<Decimal>,
    /// How much the order exceeds what is available (zero when it fits).
    pub shortfall: Decimal,
    /// (Exposure + order) ÷ limit × 100, one decimal; `None` without a positive limit.
    pub utilisation_percent: Option<Decimal>,
    /// The lowest role that may release a blocked order; `None` unless blocked.
    pub release_role: Option<Role>,
}

/// Why a check could not be run at all (the order itself is wrong, not the customer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckError {
    UnknownCustomer,
    CurrencyMismatch { expected: Currency, found: Currency },
    AmountNegative,
    TooManyDecimals { allowed: u32 },
}

/// Checks an order of `order` for `customer` on `as_of` with `policy`. An amount of zero
/// checks the customer's standing alone (the field-sales screen before an amount is typed).
pub fn check_order(
    state: &Portfolio,
    policy: &CreditPolicy,
    customer: CustomerId,
    order: &Money,
    as_of: NaiveDate,
) -> Result<CreditCheck, CheckError> {
    let account = state
        .ledger
        .customer(customer)
        .ok_or(CheckError::UnknownCustomer)?;
    check_amount(account.details.currency, order)?;
    let inputs = score_inputs(&state.ledger, &state.credit, account, as_of);
    let grade = score(&inputs, policy).grade;
    Ok(check_with_grade(
        state,
        policy,
        account,
        grade,
        order.amount,
        as_of,
    ))
}

/// Whether `order` is an amount a check can be run for, for a customer trading in
/// `currency`: the same currency, not negative, no more decimals than it has.
pub(crate) fn check_amount(currency: Currency, order: &Money) -> Result<(), CheckError> {
    if order.currency != currency {
        return Err(CheckError::CurrencyMismatch {
            expected: currency,
            found: order.currency,
        });
    }
    if order.amount < Decimal::ZERO {
        return Err(CheckError::AmountNegative);
    }
    if !order.has_valid_precision() {
        return Err(CheckError::TooManyDecimals {
            allowed: currency.minor_units(),
        });
    }
    Ok(())
}

/// The check once the grade is known (the benchmark and `check_order` share it): the
/// customer's standing, then what the order makes of it.
pub fn check_with_grade(
    state: &Portfolio,
    policy: &CreditPolicy,
    account: &Customer,
    grade: Grade,
    order: Decimal,
    as_of: NaiveDate,
) -> CreditCheck {
    check_standing(
        &standing_with_grade(state, policy, account, grade, as_of),
        &policy.limits,
        order,
    )
}

/// Everything a check finds that does not depend on the order: what the customer owes, the
/// limit in force, the grade's terms, and the reasons no order amount changes (the other
/// blocks and warnings). `check_standing` turns it and an order into the check, so a
/// standing kept for a day answers every amount asked that day (the ground of the small
/// check view the field check and the widget are to read; ARCHITECTURE.md, `check/`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub as_of: NaiveDate,
    pub grade: Grade,
    pub terms: GradeTerms,
    pub limit: LimitStatus,
    pub balance: Balance,
    /// The blocks besides the limit's, then the overdue-within-tolerance warning: the
    /// reasons found before the utilisation warning.
    pub reasons_before: Vec<CheckReason>,
    /// The warnings found after it: review date passed, terms above the grade, security.
    pub reasons_after: Vec<CheckReason>,
}

/// The customer's standing on `as_of` once the grade is known.
pub fn standing_with_grade(
    state: &Portfolio,
    policy: &CreditPolicy,
    account: &Customer,
    grade: Grade,
    as_of: NaiveDate,
) -> Standing {
    let balance = customer_balance(&state.ledger, account, as_of);
    let hold = alert_hold(&state.alert_sources(), account, as_of);
    standing_from(state, policy, account, (grade, balance, hold), as_of)
}

/// The standing once the grade, the balance and the alert hold are known (the check view
/// works them out for every customer at once).
pub(crate) fn standing_from(
    state: &Portfolio,
    policy: &CreditPolicy,
    account: &Customer,
    (grade, balance, hold): (Grade, Balance, Option<AlertHold>),
    as_of: NaiveDate,
) -> Standing {
    let terms = policy.limits.terms(grade).clone();
    let limit = limit_status(&state.limits, account.id, as_of);
    let mut reasons_before = Vec::new();
    other_blocks(
        &mut reasons_before,
        state,
        account,
        (&balance, hold),
        terms.overdue_tolerance_days,
    );
    overdue_warning(&mut reasons_before, &terms, &balance);
    let reasons_after = later_warnings(account, &limit, &terms, as_of);
    Standing {
        customer: account.id,
        as_of,
        grade,
        terms,
        limit,
        balance,
        reasons_before,
        reasons_after,
    }
}

/// The check of an order of `order` (in the customer's currency, already validated) for a
/// customer in `standing`; `limits` is the policy's, for who may release a block.
pub fn check_standing(standing: &Standing, limits: &LimitPolicy, order: Decimal) -> CreditCheck {
    let balance = &standing.balance;
    // Saturating: `check_order` takes any amount a host page sends, and an absurd one must
    // block, not overflow.
    let needed = balance.exposure.saturating_add(order);
    let LimitFigures {
        mut reasons,
        available,
        shortfall,
        utilisation_exact,
    } = limit_figures(&standing.limit, balance.exposure, needed);
    // Shown to one decimal; the warning compares the exact figure, so 84.99 % is not 85 %.
    let utilisation_percent = utilisation_exact.map(|percent| percent.round_dp(1));
    reasons.extend(standing.reasons_before.iter().cloned());
    let utilisation = utilisation_exact.zip(utilisation_percent);
    utilisation_warning(&mut reasons, &standing.terms, utilisation);
    reasons.extend(standing.reasons_after.iter().cloned());
    reasons.sort_by_key(|reason| std::cmp::Reverse(reason.verdict()));
    let verdict = reasons
        .iter()
        .map(CheckReason::verdict)
        .max()
        .unwrap_or(Verdict::Pass);
    let release_role = (verdict == Verdict::Block)
        .then(|| release_role(limits, &reasons, needed, balance.currency, standing.grade));
    CreditCheck {
        customer: standing.customer,
        as_of: standing.as_of,
        currency: balance.currency,
        verdict,
        reasons,
        grade: standing.grade,
        limit: standing.limit.clone(),
        open_receivables: balance.open_receivables,
        open_orders: balance.open_orders,
        exposure: balance.exposure,
        order,
        available,
        available_after: available.map(|available: Decimal| available.saturating_sub(order)),
        shortfall,
        utilisation_percent,
        release_role,
    }
}

/// The blocks besides the limit's own: overdue beyond the grade's tolerance, a hold, an
/// alert hold.
fn other_blocks(
    reasons: &mut Vec<CheckReason>,
    state: &Portfolio,
    account: &Customer,
    (balance, alert_hold): (&Balance, Option<AlertHold>),
    tolerance: u32,
) {
    if balance.days_overdue_max > i64::from(tolerance) {
        reasons.push(CheckReason::OverdueBeyondTolerance {
            days: balance.days_overdue_max,
            tolerance,
            overdue: balance.overdue,
        });
    }
    if let Some(hold) = state.limits.hold(account.id) {
        reasons.push(CheckReason::OnHold {
            since: hold.date,
            reason: hold.reason.clone(),
        });
    }
    if let Some(hold) = alert_hold {
        reasons.push(CheckReason::OnAlertHold {
            alerts: hold.alerts.iter().map(|run| run.rule).collect(),
            since: hold.since,
        });
    }
}

/// What the limit in force leaves: available before the order, the shortfall, the exact
/// utilisation, and the blocking reason the limit itself gives.
struct LimitFigures {
    reasons: Vec<CheckReason>,
    available: Option<Decimal>,
    shortfall: Decimal,
    utilisation_exact: Option<Decimal>,
}

fn limit_figures(limit: &LimitStatus, exposure: Decimal, needed: Decimal) -> LimitFigures {
    let mut figures = LimitFigures {
        reasons: Vec::new(),
        available: None,
        shortfall: Decimal::ZERO,
        utilisation_exact: None,
    };
    match limit {
        LimitStatus::None => figures.reasons.push(CheckReason::NoLimit),
        LimitStatus::Lapsed { until, .. } => figures
            .reasons
            .push(CheckReason::LimitLapsed { until: *until }),
        LimitStatus::InForce(in_force) => {
            figures.available = Some(in_force.amount - exposure);
            figures.shortfall = (needed - in_force.amount).max(Decimal::ZERO);
            if needed > in_force.amount {
                figures.reasons.push(CheckReason::OverLimit {
                    shortfall: figures.shortfall,
                });
            }
            figures.utilisation_exact = utilisation_exact(needed, in_force.amount);
        }
    }
    figures
}

/// Overdue, but within the grade's tolerance: a warning.
fn overdue_warning(reasons: &mut Vec<CheckReason>, terms: &GradeTerms, balance: &Balance) {
    let tolerance = terms.overdue_tolerance_days;
    if balance.days_overdue_max > 0 && balance.days_overdue_max <= i64::from(tolerance) {
        reasons.push(CheckReason::OverdueWithinTolerance {
            days: balance.days_overdue_max,
            tolerance,
            overdue: balance.overdue,
        });
    }
}

/// Utilisation at or above the grade's warning level, unless the order is already over the
/// limit (that block says more).
fn utilisation_warning(
    reasons: &mut Vec<CheckReason>,
    terms: &GradeTerms,
    utilisation: Option<(Decimal, Decimal)>,
) {
    let over_limit = reasons
        .iter()
        .any(|reason| matches!(reason, CheckReason::OverLimit { .. }));
    if let Some((exact, shown)) = utilisation {
        if !over_limit && exact >= terms.warning_utilisation_percent {
            reasons.push(CheckReason::UtilisationHigh {
                percent: shown,
                warning: terms.warning_utilisation_percent,
            });
        }
    }
}

/// The warnings no order changes that come after the utilisation warning.
fn later_warnings(
    account: &Customer,
    limit: &LimitStatus,
    terms: &GradeTerms,
    as_of: NaiveDate,
) -> Vec<CheckReason> {
    let mut reasons = Vec::new();
    if let LimitStatus::InForce(in_force) = limit {
        if in_force.review_on < as_of {
            reasons.push(CheckReason::ReviewOverdue {
                review_on: in_force.review_on,
            });
        }
    }
    if account.details.payment_terms_days > terms.terms_days_max {
        reasons.push(CheckReason::TermsAboveGrade {
            terms: account.details.payment_terms_days,
            allowed: terms.terms_days_max,
        });
    }
    if terms.security != Security::None {
        reasons.push(CheckReason::SecurityRequired {
            security: terms.security,
        });
    }
    reasons
}

/// Who may release a blocked order: for a limit shortfall, whoever may approve a limit covering
/// the exposure with the order (a director above the grade's maximum); for anything else
/// (overdue, hold, no limit) at least a manager.
fn release_role(
    limits: &LimitPolicy,
    reasons: &[CheckReason],
    needed: Decimal,
    currency: Currency,
    grade: Grade,
) -> Role {
    let only_over_limit = reasons
        .iter()
        .filter(|reason| reason.verdict() == Verdict::Block)
        .all(|reason| matches!(reason, CheckReason::OverLimit { .. }));
    // The lowest role that approves anything; the matrix below raises it as the amount needs.
    let mut role = if only_over_limit {
        Role::Analyst
    } else {
        Role::Manager
    };
    if reasons.iter().any(|reason| {
        matches!(
            reason,
            CheckReason::OverLimit { .. } | CheckReason::NoLimit | CheckReason::LimitLapsed { .. }
        )
    }) {
        let needed_base = limits.to_base(needed, currency);
        role = role.max(limits.approver_role(needed_base));
        if needed_base.is_none_or(|base| base > limits.terms(grade).limit_max) {
            role = Role::Director;
        }
    }
    role
}

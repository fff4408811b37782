//! The recommended limit (建议额度): trading need, financial capacity, the agency's figure and
//! the grade's maximum, each with its basis, combined by the policy and rounded down.

use crate::base::dates::months_between;
use crate::base::money::Currency;
use crate::credit::{CreditFiles, CreditRecord, CreditReport, FinancialStatement};
use crate::ledger::{Customer, Ledger};
use crate::policy::{Combination, CreditPolicy, Grade, GradeTerms, LimitPolicy};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    ledger: &Ledger,
    customer: &Customer,
    as_of: NaiveDate,
) -> Option<Decimal> {
    let from = as_of
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let mut total = Decimal::ZERO;
    let mut first: Option<NaiveDate> = None;
    for invoice in customer
        .invoices
        .iter()
        .filter_map(|id| ledger.invoice(*id))
    {
        if invoice.issue_date > from && invoice.issue_date <= as_of {
            total += invoice.amount.value();
            first = Some(first.map_or(invoice.issue_date, |first| first.min(invoice.issue_date)));
        }
    }
    // The history starts at registration, or at an earlier invoice (an import registers a
    // customer on the day of import); a rare buyer of long standing is not younger for buying
    // rarely, so the first invoice in the window does not shorten it.
    let start = first?.min(customer.registered_on).max(from);
    // A begun month counts: twelve monthly invoices from the 15th average over twelve months.
    let mut months = months_between(start, as_of);
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
    file: &[(NaiveDate, CreditRecord)],
    as_of: NaiveDate,
) -> (Option<&FinancialStatement>, Option<&CreditReport>) {
    let mut statement: Option<&FinancialStatement> = None;
    let mut report: Option<&CreditReport> = None;
    for (recorded_on, record) in file {
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
    ledger: &Ledger,
    files: &CreditFiles,
    customer: &Customer,
    policy: &CreditPolicy,
    grade: Grade,
    as_of: NaiveDate,
    monthly_entered: Option<Decimal>,
) -> Recommendation {
    let limits = &policy.limits;
    let terms = limits.terms(grade);
    let currency = customer.details.currency;
    let (statement, report) = latest_records(files.of(customer.id), as_of);
    let methods = vec![
        trading_need(ledger, customer, limits, as_of, monthly_entered),
        financial_capacity(limits, terms, statement, currency),
        agency_figure(limits, report, currency),
        grade_maximum(limits, grade, currency),
    ];
    combine(limits, grade, currency, methods)
}

fn trading_need(
    ledger: &Ledger,
    customer: &Customer,
    limits: &LimitPolicy,
    as_of: NaiveDate,
    monthly_entered: Option<Decimal>,
) -> MethodFigure {
    let monthly = monthly_entered.or_else(|| monthly_purchases(ledger, customer, as_of));
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
    statement: Option<&FinancialStatement>,
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
    report: Option<&CreditReport>,
    currency: Currency,
) -> MethodFigure {
    let recommended = report.and_then(|report| report.recommended_limit);
    if let Some(limit) = recommended.filter(|limit| limit.currency() != currency) {
        if let Some(missing) = missing_rate(limits, [limit.currency(), currency]) {
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
            .and_then(|limit| convert(limits, limit.value(), limit.currency(), currency)),
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

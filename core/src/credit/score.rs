//! The explainable credit score (信用评分): financial strength (Altman Z″ and ratios), payment
//! behaviour from the ledger, external rating, risk signals and relationship length, weighted
//! by the credit policy into 0–100, a grade A–E and a probability of default — with every
//! factor's contribution and the values behind it. Pure: inputs in, a `Score` out.
//!
//! How each factor earns its points (0–100, 50 neutral):
//! - **Financial strength** is a band lookup over Altman Z″ alone (`policy.z_bands`, points
//!   non-decreasing in Z″). A non-decreasing function of Z″ ranks firms exactly as Z″ does
//!   (ties aside), so the factor ranks at least as well as Z″ alone — the issue's requirement —
//!   and cannot be made worse by a ratio chosen by taste. The ratios (debt, current, quick,
//!   net margin, interest cover) are shown beside it, not scored: Z″ already contains
//!   liquidity (X1), leverage (X4) and profitability (X2, X3), and adding them again would
//!   double-count without evidence that it ranks better.
//! - **Payment behaviour** reads the invoices due in the 12 months before `as_of` (plus any
//!   older invoice still unpaid). Each counts with its invoice amount and its days beyond
//!   terms: `max(0, settled − due)` when paid by `as_of`, else `max(0, as_of − due)` so far —
//!   an unpaid invoice is never better than a late-paid one. The days scored are the worse of
//!   the 12-month and the last-3-month weighted figures (a worsening trend counts in full);
//!   `dbt_bands` turns them into points, then 1 point per 10 % of the amount paid late and
//!   1 point per 9 days of the longest overdue (at most 20) are taken off, floor 0. Every part
//!   rises with later payment, so paying later never raises the score. No invoice due yet:
//!   no data.
//! - **External rating**: the latest report's rating through `policy.rating_map` (the agency's
//!   own entry, else the `*` entry); an unmapped rating is no data, flagged.
//! - **Risk signals**: 100 minus each signal's penalty by severity, fading linearly to zero
//!   over `signal_fade_months` whole months; floor 0. No signals: 100.
//! - **Relationship**: `relationship_bands` over whole months since registration.
//!
//! A factor without data gets no weight and the others are rescaled to 100 %; missing data is
//! flagged, never counted as zero. Contribution = weight × (points − 50) / 100; the score is
//! 50 + Σ contributions, hence within 0–100. **Rounding point:** the exact sum is rounded
//! once to one decimal (half away from zero), and the contributions are rounded to one
//! decimal by largest remainder so that they add up to that score exactly.
//!
//! "Known on `as_of`" means: invoices issued by then, payments, credit notes and write-offs
//! dated by then, and credit-file records both dated and recorded by then.

use crate::base::dates::{months_before, months_between};
use crate::base::ids::CustomerId;
use crate::credit::records::{
    statement_warnings, CreditRecord, CreditReport, FinancialStatement, RiskSignal, Severity,
};
use crate::credit::state::CreditFiles;
use crate::ledger::as_of::{customer_invoices_on, settled_by};
use crate::ledger::{Customer, Invoice, Ledger};
use crate::policy::{band_points, rating_points, CreditPolicy, Factor, Grade, Policies};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Financial ratios; `None` when a line is missing or a denominator is zero.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratios {
    /// Total liabilities / total assets (资产负债率).
    pub debt_ratio: Option<Decimal>,
    /// Current assets / current liabilities.
    pub current_ratio: Option<Decimal>,
    /// (Current assets − inventory) / current liabilities.
    pub quick_ratio: Option<Decimal>,
    /// Net profit / revenue.
    pub net_margin: Option<Decimal>,
    /// EBIT / interest expense.
    pub interest_cover: Option<Decimal>,
}

/// The ratios in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatioKind {
    DebtRatio,
    CurrentRatio,
    QuickRatio,
    NetMargin,
    InterestCover,
}

/// One ratio against the policy's limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatioCheck {
    pub kind: RatioKind,
    pub value: Option<Decimal>,
    pub limit: Decimal,
    /// True when the limit is a maximum (debt ratio), false for a minimum.
    pub limit_is_max: bool,
    /// Beyond the limit; false when the ratio is not available.
    pub breached: bool,
}

/// The ratio table: each ratio with the policy's limit and whether it is breached.
pub fn ratio_checks(ratios: &Ratios, limits: &crate::policy::RatioLimits) -> Vec<RatioCheck> {
    let check = |kind, value: Option<Decimal>, limit: Decimal, limit_is_max: bool| RatioCheck {
        kind,
        value,
        limit,
        limit_is_max,
        breached: value.is_some_and(|value| {
            if limit_is_max {
                value > limit
            } else {
                value < limit
            }
        }),
    };
    vec![
        check(
            RatioKind::DebtRatio,
            ratios.debt_ratio,
            limits.debt_ratio_max,
            true,
        ),
        check(
            RatioKind::CurrentRatio,
            ratios.current_ratio,
            limits.current_ratio_min,
            false,
        ),
        check(
            RatioKind::QuickRatio,
            ratios.quick_ratio,
            limits.quick_ratio_min,
            false,
        ),
        check(
            RatioKind::NetMargin,
            ratios.net_margin,
            limits.net_margin_min,
            false,
        ),
        check(
            RatioKind::InterestCover,
            ratios.interest_cover,
            limits.interest_cover_min,
            false,
        ),
    ]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ZZone {
    Safe,
    Grey,
    Distress,
}

/// Altman Z″ (non-manufacturing / emerging markets) with its four inputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AltmanZ {
    /// Working capital / total assets.
    pub x1: Decimal,
    /// Retained earnings / total assets.
    pub x2: Decimal,
    /// EBIT / total assets.
    pub x3: Decimal,
    /// Book equity / total liabilities.
    pub x4: Decimal,
    pub z: Decimal,
    pub zone: ZZone,
}

/// Payment behaviour from the ledger: invoices due in the 12 months before `as_of`, plus older
/// invoices still unpaid on `as_of`. Days beyond terms of an invoice not paid by `as_of` are
/// the days past due so far. Figures are rounded to one decimal for display only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentBehaviour {
    /// Amount-weighted days beyond terms of those invoices.
    pub dbt_weighted: Option<Decimal>,
    /// Share (percent, by amount) of those invoices paid late or still unpaid past due.
    pub late_share_percent: Option<Decimal>,
    /// Longest days beyond terms among them (paid late, or open past due).
    pub overdue_days_max: i64,
    /// Weighted DBT of invoices due in the last 3 months and in the 9 months before.
    pub dbt_recent_3m: Option<Decimal>,
    pub dbt_prior_9m: Option<Decimal>,
}

/// Why the score is less certain than it looks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QualityFlag {
    NoStatement,
    StaleStatement { months: i64 },
    StatementIncomplete,
    StatementUnbalanced,
    NoReport,
    StaleReport { months: i64 },
    RatingNotMapped { agency: String, rating: String },
    NoPaymentHistory,
}

/// One factor's part in the score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub factor: Factor,
    /// The weight actually used, in percent, after leaving out factors without data.
    pub weight_percent: Decimal,
    /// The factor's own points 0–100; `None` when its data is missing.
    pub points: Option<Decimal>,
    /// Points added to (or taken from) the neutral base: weight × (points − 50) / 100.
    pub contribution: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub policy_version: u32,
    /// 0–100, one decimal. Equals `BASE` + the sum of the contributions.
    pub score: Decimal,
    pub grade: Grade,
    pub pd_percent: Decimal,
    pub contributions: Vec<Contribution>,
    pub z: Option<AltmanZ>,
    pub ratios: Ratios,
    pub payment: PaymentBehaviour,
    pub relationship_months: i64,
    /// Present signal penalty (after fading), in points.
    pub signal_penalty: Decimal,
    pub flags: Vec<QualityFlag>,
}

/// One invoice as the score sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceFacts {
    pub amount: Decimal,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub settled_on: Option<NaiveDate>,
    /// Open amount as of `as_of` (zero once settled).
    pub open: Decimal,
}

/// Everything the score reads, extracted from the state as it was known on `as_of`. Owned
/// and small, so the what-if panel can change a copy and re-score without touching state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreInputs {
    pub as_of: NaiveDate,
    pub registered_on: NaiveDate,
    pub statement: Option<FinancialStatement>,
    pub report: Option<CreditReport>,
    pub signals: Vec<RiskSignal>,
    pub invoices: Vec<InvoiceFacts>,
}

/// The neutral score every factor's contribution is added to.
pub fn base() -> Decimal {
    Decimal::from(50)
}

/// Figures shown to people (ratios, Z″ and its inputs) carry four decimals.
const SHOWN_DP: u32 = 4;

fn shown(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(SHOWN_DP, RoundingStrategy::MidpointAwayFromZero)
}

fn one_dp(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// `numerator / denominator`, or `None` for a zero denominator or an overflow.
fn divide(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    numerator.checked_div(denominator)
}

fn ratio(numerator: Option<Decimal>, denominator: Option<Decimal>) -> Option<Decimal> {
    divide(numerator?, denominator?)
}

/// The statement's ratios, four decimals; `None` where a line is missing or a denominator zero.
pub fn ratios(statement: &FinancialStatement) -> Ratios {
    let quick_assets = statement
        .current_assets
        .zip(statement.inventory)
        .and_then(|(current, inventory)| current.checked_sub(inventory));
    Ratios {
        debt_ratio: ratio(statement.total_liabilities, statement.total_assets).map(shown),
        current_ratio: ratio(statement.current_assets, statement.current_liabilities).map(shown),
        quick_ratio: ratio(quick_assets, statement.current_liabilities).map(shown),
        net_margin: ratio(statement.net_profit, statement.revenue).map(shown),
        interest_cover: ratio(statement.ebit, statement.interest_expense).map(shown),
    }
}

/// Z″ and X1–X4, unrounded. `None` when a line is missing, total assets are not positive or
/// total liabilities are zero (X4 undefined).
fn z_exact(statement: &FinancialStatement) -> Option<([Decimal; 4], Decimal)> {
    let total_assets = statement.total_assets?;
    if total_assets <= Decimal::ZERO {
        return None;
    }
    let working_capital = statement
        .current_assets?
        .checked_sub(statement.current_liabilities?)?;
    let x = [
        divide(working_capital, total_assets)?,
        divide(statement.retained_earnings?, total_assets)?,
        divide(statement.ebit?, total_assets)?,
        divide(statement.equity?, statement.total_liabilities?)?,
    ];
    let coefficients = [
        Decimal::new(656, 2),
        Decimal::new(326, 2),
        Decimal::new(672, 2),
        Decimal::new(105, 2),
    ];
    let mut z = Decimal::ZERO;
    for (coefficient, value) in coefficients.iter().zip(x) {
        z = z.checked_add(coefficient.checked_mul(value)?)?;
    }
    Some((x, z))
}

/// The zone of a Z″ value: above 2.60 safe; 1.10 to 2.60 inclusive grey; below 1.10 distress.
pub fn z_zone(z: Decimal) -> ZZone {
    if z > Decimal::new(260, 2) {
        ZZone::Safe
    } else if z >= Decimal::new(110, 2) {
        ZZone::Grey
    } else {
        ZZone::Distress
    }
}

/// Altman Z″ = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4, computed unrounded; the zone is taken
/// from the unrounded value and the figures are rounded to four decimals for output.
pub fn altman_z(statement: &FinancialStatement) -> Option<AltmanZ> {
    z_exact(statement).map(altman_shown)
}

/// Z″ and X1–X4 as shown, from their exact values.
fn altman_shown(([x1, x2, x3, x4], z): ([Decimal; 4], Decimal)) -> AltmanZ {
    AltmanZ {
        x1: shown(x1),
        x2: shown(x2),
        x3: shown(x3),
        x4: shown(x4),
        z: shown(z),
        zone: z_zone(z),
    }
}

/// Whole months from `from` to `to` (negative when `to` is earlier).
/// How many whole months old a statement or report is, when that is beyond the policy's
/// limit; `None` when it is fresh or the record kind does not go stale.
pub fn stale_months(record: &CreditRecord, policy: &CreditPolicy, as_of: NaiveDate) -> Option<i64> {
    let (date, limit) = match record {
        CreditRecord::Statement(statement) => (statement.period_end, policy.statement_stale_months),
        CreditRecord::Report(report) => (report.report_date, policy.report_stale_months),
        _ => return None,
    };
    stale_by(date, limit, as_of)
}

/// Whole months from `date` to `as_of` when beyond `limit`.
fn stale_by(date: NaiveDate, limit: u32, as_of: NaiveDate) -> Option<i64> {
    let months = months_between(date, as_of);
    (months > i64::from(limit)).then_some(months)
}

/// What the credit file knew on `as_of`: records dated and recorded by then.
fn known_records(
    file: &[(NaiveDate, CreditRecord)],
    as_of: NaiveDate,
) -> impl Iterator<Item = &CreditRecord> {
    file.iter()
        .filter(move |(recorded_on, record)| *recorded_on <= as_of && record.date() <= as_of)
        .map(|(_, record)| record)
}

impl ScoreInputs {
    /// The invoices open and past due on `as_of` (due today is not overdue), by position in
    /// `invoices`: what the what-if panel offers to mark as paid.
    pub fn overdue_invoices(&self) -> Vec<usize> {
        self.invoices
            .iter()
            .enumerate()
            .filter(|(_, invoice)| invoice.open > Decimal::ZERO && invoice.due_date < self.as_of)
            .map(|(index, _)| index)
            .collect()
    }

    /// The same inputs looked at `days` later if nothing else is recorded: invoices not yet
    /// overdue on `as_of` are taken as paid on their due date, and those overdue stay open,
    /// their days beyond terms growing. Paying an overdue invoice today changes nothing in
    /// today's score (its days beyond terms so far count either way); what it changes is
    /// that they stop growing, which is what this shows.
    pub fn ahead(&self, days: u32) -> ScoreInputs {
        let mut later = self.clone();
        later.as_of = self.as_of + chrono::Duration::days(i64::from(days));
        for invoice in &mut later.invoices {
            if invoice.open > Decimal::ZERO && invoice.due_date >= self.as_of {
                invoice.settled_on = Some(invoice.due_date);
                invoice.open = Decimal::ZERO;
            }
        }
        later
    }

    /// These inputs with the invoices at `positions` paid in full on `as_of`, as a real
    /// payment today would leave them: settled today, nothing open.
    pub fn with_paid_today(&self, positions: &[usize]) -> ScoreInputs {
        let mut changed = self.clone();
        for position in positions {
            if let Some(invoice) = changed.invoices.get_mut(*position) {
                invoice.settled_on = Some(self.as_of);
                invoice.open = Decimal::ZERO;
            }
        }
        changed
    }
}

/// The score's inputs for one customer as known on `as_of` (see the module doc).
pub fn score_inputs(
    ledger: &Ledger,
    files: &CreditFiles,
    customer: &Customer,
    as_of: NaiveDate,
) -> ScoreInputs {
    let invoices = invoice_facts(ledger, customer, as_of);
    score_inputs_from(customer, files.of(customer.id), as_of, invoices)
}

/// The customer's payment behaviour as of `as_of`: the one definition of days beyond terms
/// (see [`PaymentBehaviour`]) that the score, the credit file and the customer page show.
pub fn payment_behaviour(
    ledger: &Ledger,
    customer: &Customer,
    as_of: NaiveDate,
) -> PaymentBehaviour {
    payment_figures(&invoice_facts(ledger, customer, as_of), as_of)
        .divided()
        .shown()
}

/// What of the credit file the score reads on a date, borrowed from the file.
struct KnownFile<'a> {
    statement: Option<&'a FinancialStatement>,
    report: Option<&'a CreditReport>,
    signals: Vec<&'a RiskSignal>,
}

/// The newest statement (by period end) and report (by date) the file knew on `as_of`, and
/// its signals, in file order.
fn known_file(file: &[(NaiveDate, CreditRecord)], as_of: NaiveDate) -> KnownFile<'_> {
    let mut known = KnownFile {
        statement: None,
        report: None,
        signals: Vec::new(),
    };
    // Ties on the date go to the record entered later: it corrects the earlier one.
    for record in known_records(file, as_of) {
        match record {
            CreditRecord::Statement(found) => {
                if (known.statement).is_none_or(|kept| found.period_end >= kept.period_end) {
                    known.statement = Some(found);
                }
            }
            CreditRecord::Report(found) => {
                if (known.report).is_none_or(|kept| found.report_date >= kept.report_date) {
                    known.report = Some(found);
                }
            }
            CreditRecord::Signal(signal) => known.signals.push(signal),
            CreditRecord::Reference(_) | CreditRecord::Visit(_) => {}
        }
    }
    known
}

/// The inputs from the credit file, with the invoice facts already gathered.
fn score_inputs_from(
    customer: &Customer,
    file: &[(NaiveDate, CreditRecord)],
    as_of: NaiveDate,
    invoices: Vec<InvoiceFacts>,
) -> ScoreInputs {
    let known = known_file(file, as_of);
    ScoreInputs {
        as_of,
        registered_on: customer.registered_on,
        statement: known.statement.cloned(),
        report: known.report.cloned(),
        signals: known.signals.into_iter().cloned().collect(),
        invoices,
    }
}

/// One invoice's facts, with its open amount on `as_of` already worked out.
fn fact_of(invoice: &Invoice, as_of: NaiveDate, open: Decimal) -> InvoiceFacts {
    InvoiceFacts {
        amount: invoice.amount.value(),
        issue_date: invoice.issue_date,
        due_date: invoice.due_date,
        settled_on: settled_by(invoice, as_of),
        open,
    }
}

/// The customer's invoices issued by `as_of`, with settlement and open amount as of then.
fn invoice_facts(ledger: &Ledger, customer: &Customer, as_of: NaiveDate) -> Vec<InvoiceFacts> {
    customer_invoices_on(ledger, customer, as_of)
        .into_iter()
        .map(|(invoice, open)| fact_of(invoice, as_of, open))
        .collect()
}

/// Amount-weighted days: Σ amount × days and Σ amount.
#[derive(Clone, Copy, Default)]
struct Weighted {
    weighted_days: Decimal,
    weight: Decimal,
    late_weight: Decimal,
}

impl Weighted {
    fn add(&mut self, amount: Decimal, days: i64) {
        // Zero days add an exact zero, which leaves the sum as it is.
        if days != 0 {
            self.weighted_days = self
                .weighted_days
                .saturating_add(amount.saturating_mul(Decimal::from(days)));
        }
        self.weight = self.weight.saturating_add(amount);
        if days > 0 {
            self.late_weight = self.late_weight.saturating_add(amount);
        }
    }

    fn days(&self) -> Option<Decimal> {
        divide(self.weighted_days, self.weight)
    }

    fn late_share_percent(&self) -> Option<Decimal> {
        divide(
            self.late_weight.saturating_mul(Decimal::ONE_HUNDRED),
            self.weight,
        )
    }
}

/// The payment figures, unrounded, and the days the bands are read at.
#[derive(Clone, Default)]
struct PaymentFigures {
    year: Weighted,
    recent: Weighted,
    prior: Weighted,
    overdue_days_max: i64,
}

/// The windows the payment figures of `as_of` count invoices in.
struct Window {
    as_of: NaiveDate,
    year_start: NaiveDate,
    recent_start: NaiveDate,
}

impl Window {
    fn new(as_of: NaiveDate) -> Window {
        Window {
            as_of,
            year_start: months_before(as_of, 12),
            recent_start: months_before(as_of, 3),
        }
    }

    /// Counts one invoice (amount, issue and due date, settlement) in `figures`.
    fn add(
        &self,
        figures: &mut PaymentFigures,
        amount: Decimal,
        (issue_date, due_date): (NaiveDate, NaiveDate),
        settled_on: Option<NaiveDate>,
    ) {
        let as_of = self.as_of;
        if issue_date > as_of || due_date > as_of || amount <= Decimal::ZERO {
            return;
        }
        let paid_on = settled_on.filter(|settled| *settled <= as_of);
        if paid_on.is_some() && due_date <= self.year_start {
            return;
        }
        let days = (paid_on.unwrap_or(as_of) - due_date).num_days().max(0);
        figures.year.add(amount, days);
        if due_date > self.recent_start {
            figures.recent.add(amount, days);
        } else if due_date > self.year_start {
            figures.prior.add(amount, days);
        }
        figures.overdue_days_max = figures.overdue_days_max.max(days);
    }
}

fn payment_figures(invoices: &[InvoiceFacts], as_of: NaiveDate) -> PaymentFigures {
    let window = Window::new(as_of);
    let mut figures = PaymentFigures::default();
    for invoice in invoices {
        let dates = (invoice.issue_date, invoice.due_date);
        window.add(&mut figures, invoice.amount, dates, invoice.settled_on);
    }
    figures
}

/// The payment figures' quotients, each divided once.
struct PaymentDays {
    year: Option<Decimal>,
    late_share: Option<Decimal>,
    recent: Option<Decimal>,
    prior: Option<Decimal>,
    overdue_days_max: i64,
}

impl PaymentFigures {
    fn divided(&self) -> PaymentDays {
        PaymentDays {
            year: self.year.days(),
            late_share: self.year.late_share_percent(),
            recent: self.recent.days(),
            prior: self.prior.days(),
            overdue_days_max: self.overdue_days_max,
        }
    }
}

impl PaymentDays {
    fn shown(&self) -> PaymentBehaviour {
        PaymentBehaviour {
            dbt_weighted: self.year.map(one_dp),
            late_share_percent: self.late_share.map(one_dp),
            overdue_days_max: self.overdue_days_max,
            dbt_recent_3m: self.recent.map(one_dp),
            dbt_prior_9m: self.prior.map(one_dp),
        }
    }

    /// See the module doc; `None` when no invoice has fallen due.
    fn points(&self, policy: &CreditPolicy) -> Option<Decimal> {
        let year_days = self.year?;
        let days = self
            .recent
            .map_or(year_days, |recent| recent.max(year_days));
        let late_penalty = self.late_share.unwrap_or_default() / Decimal::TEN;
        let overdue_penalty =
            (Decimal::from(self.overdue_days_max) / Decimal::from(9)).min(Decimal::from(20));
        let points = band_points(&policy.dbt_bands, days)
            .saturating_sub(late_penalty)
            .saturating_sub(overdue_penalty);
        Some(points.max(Decimal::ZERO))
    }
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Low => 0,
        Severity::Medium => 1,
        Severity::High => 2,
    }
}

/// The present penalty of the signals, each fading linearly over whole months.
fn signal_penalty<'s>(
    signals: impl IntoIterator<Item = &'s RiskSignal>,
    policy: &CreditPolicy,
    as_of: NaiveDate,
) -> Decimal {
    let fade = i64::from(policy.signal_fade_months);
    let mut total = Decimal::ZERO;
    for signal in (signals.into_iter()).filter(|signal| signal.date <= as_of) {
        let age = months_between(signal.date, as_of);
        if age >= fade {
            continue;
        }
        let full = policy.signal_penalty[severity_index(signal.severity)];
        let remaining = divide(
            full.saturating_mul(Decimal::from(fade - age)),
            Decimal::from(fade),
        );
        total = total.saturating_add(remaining.unwrap_or_default());
    }
    total
}

/// What the statement gives: the factor's points, Z″, ratios and flags.
fn financial_strength(
    basis: &Basis<'_>,
    policy: &CreditPolicy,
    flags: &mut Vec<QualityFlag>,
) -> (Option<Decimal>, Option<AltmanZ>, Ratios) {
    let Some(statement) = basis.statement else {
        flags.push(QualityFlag::NoStatement);
        return (None, None, Ratios::default());
    };
    let limit = policy.statement_stale_months;
    if let Some(months) = stale_by(statement.period_end, limit, basis.as_of) {
        flags.push(QualityFlag::StaleStatement { months });
    }
    let exact = z_exact(statement);
    let used_lines = [
        statement.current_assets,
        statement.total_assets,
        statement.current_liabilities,
        statement.total_liabilities,
        statement.equity,
        statement.retained_earnings,
        statement.inventory,
        statement.revenue,
        statement.ebit,
        statement.net_profit,
        statement.interest_expense,
    ];
    if exact.is_none() || used_lines.iter().any(Option::is_none) {
        flags.push(QualityFlag::StatementIncomplete);
    }
    if !statement_warnings(statement).is_empty() {
        flags.push(QualityFlag::StatementUnbalanced);
    }
    let points = exact.map(|(_, z)| band_points(&policy.z_bands, z));
    (points, exact.map(altman_shown), ratios(statement))
}

fn external_rating(
    basis: &Basis<'_>,
    policy: &CreditPolicy,
    flags: &mut Vec<QualityFlag>,
) -> Option<Decimal> {
    let Some(report) = basis.report else {
        flags.push(QualityFlag::NoReport);
        return None;
    };
    if let Some(months) = stale_by(report.report_date, policy.report_stale_months, basis.as_of) {
        flags.push(QualityFlag::StaleReport { months });
    }
    let points = rating_points(&policy.rating_map, &report.agency, &report.rating);
    if points.is_none() {
        flags.push(QualityFlag::RatingNotMapped {
            agency: report.agency.clone(),
            rating: report.rating.clone(),
        });
    }
    points
}

/// What a score is worked out from besides the invoices, borrowed.
struct Basis<'a> {
    as_of: NaiveDate,
    registered_on: NaiveDate,
    statement: Option<&'a FinancialStatement>,
    report: Option<&'a CreditReport>,
    /// The signals' present penalty (`signal_penalty`).
    penalty: Decimal,
}

impl<'a> Basis<'a> {
    /// The customer's basis on `as_of` from its credit file as known by then.
    fn of(
        customer: &Customer,
        files: &'a CreditFiles,
        policy: &CreditPolicy,
        as_of: NaiveDate,
    ) -> Basis<'a> {
        let known = known_file(files.of(customer.id), as_of);
        Basis {
            as_of,
            registered_on: customer.registered_on,
            statement: known.statement,
            report: known.report,
            penalty: signal_penalty(known.signals, policy, as_of),
        }
    }
}

/// Scores the inputs under the policy. Total: any inputs and any policy give a score.
pub fn score(inputs: &ScoreInputs, policy: &CreditPolicy) -> Score {
    let basis = Basis {
        as_of: inputs.as_of,
        registered_on: inputs.registered_on,
        statement: inputs.statement.as_ref(),
        report: inputs.report.as_ref(),
        penalty: signal_penalty(&inputs.signals, policy, inputs.as_of),
    };
    let figures = payment_figures(&inputs.invoices, inputs.as_of);
    score_of(
        &basis,
        &figures,
        policy,
        &mut Rescaled::new(&policy.weights),
    )
}

/// The score of the basis and the payment figures (see the module doc).
fn score_of(
    basis: &Basis<'_>,
    figures: &PaymentFigures,
    policy: &CreditPolicy,
    weights: &mut Rescaled,
) -> Score {
    let mut flags = Vec::new();
    let (strength, z, ratios) = financial_strength(basis, policy, &mut flags);
    let days = figures.divided();
    let payment = days.points(policy);
    if payment.is_none() {
        flags.push(QualityFlag::NoPaymentHistory);
    }
    let rating = external_rating(basis, policy, &mut flags);
    let penalty = basis.penalty;
    let signals = (Decimal::ONE_HUNDRED - penalty).max(Decimal::ZERO);
    let relationship_months = months_between(basis.registered_on, basis.as_of).max(0);
    let relationship = band_points(
        &policy.relationship_bands,
        Decimal::from(relationship_months),
    );
    let points = [strength, payment, rating, Some(signals), Some(relationship)];
    let contributions = contributions(weights, points);
    let total: Decimal = contributions.iter().map(|c| c.contribution).sum();
    let score = base() + total;
    let grade = grade_of(score, &policy.grade_floors);
    let grade_index = Grade::ALL.iter().position(|g| *g == grade).unwrap_or(4);
    Score {
        policy_version: policy.version,
        score,
        grade,
        pd_percent: policy.pd_percent[grade_index],
        contributions,
        z,
        ratios,
        payment: days.shown(),
        relationship_months,
        signal_penalty: penalty.round_dp(2),
        flags,
    }
}

/// The grade of a score: the first of A–D whose floor it reaches, else E.
pub fn grade_of(score: Decimal, floors: &[Decimal; 4]) -> Grade {
    floors
        .iter()
        .position(|floor| score >= *floor)
        .map_or(Grade::E, |index| Grade::ALL[index])
}

/// The policy's weights rescaled over the factors with data, and shown to two decimals,
/// worked out once for each set of factors with data (a bit per factor).
struct Rescaled<'a> {
    weights: &'a [Decimal; 5],
    by_set: [Option<([Decimal; 5], [Decimal; 5])>; 32],
}

impl<'a> Rescaled<'a> {
    fn new(weights: &'a [Decimal; 5]) -> Rescaled<'a> {
        Rescaled {
            weights,
            by_set: [None; 32],
        }
    }

    /// The weights (exact, and to two decimals) when the factors with data are `with_data`.
    fn of(&mut self, with_data: [bool; 5]) -> ([Decimal; 5], [Decimal; 5]) {
        let set = (with_data.iter().enumerate())
            .filter(|(_, has)| **has)
            .fold(0, |set, (index, _)| set | (1 << index));
        let weights = self.weights;
        *self.by_set[set].get_or_insert_with(|| {
            let hundred = Decimal::ONE_HUNDRED;
            let used: [Decimal; 5] = std::array::from_fn(|index| {
                if with_data[index] {
                    weights[index].max(Decimal::ZERO)
                } else {
                    Decimal::ZERO
                }
            });
            let used_total = used
                .iter()
                .fold(Decimal::ZERO, |sum, w| sum.saturating_add(*w));
            let rescaled = used.map(|weight| {
                divide(weight.saturating_mul(hundred), used_total).unwrap_or_default()
            });
            (rescaled, rescaled.map(|weight| weight.round_dp(2)))
        })
    }
}

/// Weights rescaled over the factors with data, contributions rounded by largest remainder
/// to one decimal so that they add up to the rounded exact sum (see the module doc).
fn contributions(weights: &mut Rescaled, points: [Option<Decimal>; 5]) -> Vec<Contribution> {
    let hundred = Decimal::ONE_HUNDRED;
    let points = points.map(|p| p.map(|p| p.clamp(Decimal::ZERO, hundred)));
    let (rescaled, shown) = weights.of(points.map(|p| p.is_some()));
    let exact: [Decimal; 5] = std::array::from_fn(|index| {
        points[index].map_or(Decimal::ZERO, |p| rescaled[index] * (p - base()) / hundred)
    });
    let rounded = largest_remainder_tenths(&exact);
    Factor::ALL
        .iter()
        .enumerate()
        .map(|(index, factor)| Contribution {
            factor: *factor,
            weight_percent: shown[index],
            points: points[index].map(one_dp),
            contribution: rounded[index],
        })
        .collect()
}

/// Rounds each value to tenths so that the rounded values sum to the rounded exact sum:
/// floor each, then give a tenth to the largest remainders (earlier first on ties).
fn largest_remainder_tenths(exact: &[Decimal; 5]) -> [Decimal; 5] {
    let tenth = Decimal::new(1, 1);
    let target = one_dp(exact.iter().sum());
    let mut rounded =
        exact.map(|value| value.round_dp_with_strategy(1, RoundingStrategy::ToNegativeInfinity));
    let floor_sum: Decimal = rounded.iter().sum();
    let steps = ((target - floor_sum) / tenth).round();
    let steps = i64::try_from(steps)
        .unwrap_or(0)
        .clamp(0, exact.len() as i64) as usize;
    let mut order: [usize; 5] = std::array::from_fn(|index| index);
    order.sort_by(|a, b| (exact[*b] - rounded[*b]).cmp(&(exact[*a] - rounded[*a])));
    for index in order.into_iter().take(steps) {
        rounded[index] += tenth;
    }
    rounded
}

/// Scores every customer as of a date, in `customers` order. One pass over the invoices,
/// counting each in its customer's payment figures: looking each customer's invoices up by
/// id would cost a cache miss per invoice. The score reads no open amount, so none is
/// worked out.
pub fn score_all(
    ledger: &Ledger,
    files: &CreditFiles,
    policy: &CreditPolicy,
    as_of: NaiveDate,
) -> Vec<Score> {
    let figures = payment_figures_all(ledger, as_of);
    let mut weights = Rescaled::new(&policy.weights);
    (ledger.customers.iter())
        .zip(&figures)
        .map(|(customer, figures)| {
            let basis = Basis::of(customer, files, policy, as_of);
            score_of(&basis, figures, policy, &mut weights)
        })
        .collect()
}

/// An invoice as the payment figures read it: its amount, issue and due dates and the day
/// it was settled, if it was.
pub type Terms = (Decimal, (NaiveDate, NaiveDate), Option<NaiveDate>);

/// The customer's score on `as_of` under `policy` from `invoices`, its invoices in
/// `customer.invoices` order (any issued after `as_of` counts for nothing): what
/// `score(&score_inputs(ledger, files, customer, as_of), policy)` gives, for a caller that
/// holds the invoices already (no look-up by id, no open amount).
pub fn score_invoices(
    customer: &Customer,
    files: &CreditFiles,
    invoices: impl IntoIterator<Item = Terms>,
    policy: &CreditPolicy,
    as_of: NaiveDate,
) -> Score {
    let window = Window::new(as_of);
    let mut figures = PaymentFigures::default();
    for (amount, dates, settled_on) in invoices {
        if dates.0 <= as_of {
            let settled = settled_on.filter(|settled| *settled <= as_of);
            window.add(&mut figures, amount, dates, settled);
        }
    }
    let basis = Basis::of(customer, files, policy, as_of);
    score_of(
        &basis,
        &figures,
        policy,
        &mut Rescaled::new(&policy.weights),
    )
}

/// Each customer's payment figures on `as_of`, indexed like `ledger.customers`: one pass over
/// the invoices in their order.
fn payment_figures_all(ledger: &Ledger, as_of: NaiveDate) -> Vec<PaymentFigures> {
    let window = Window::new(as_of);
    let mut figures = vec![PaymentFigures::default(); ledger.customers.len()];
    let positions = CustomerPositions::new(ledger);
    for invoice in ledger.invoices.iter().filter(|i| i.issue_date <= as_of) {
        if let Some(index) = positions.of(invoice.customer) {
            let dates = (invoice.issue_date, invoice.due_date);
            let settled = settled_by(invoice, as_of);
            window.add(&mut figures[index], invoice.amount.value(), dates, settled);
        }
    }
    figures
}

/// Where each customer is in `ledger.customers`: an offset when the ids are dense (as
/// `next_ids` hands them out), else a search through the ids alone (40 kB for 10,000
/// customers stays in cache; the customer records do not).
pub struct CustomerPositions {
    ids: Vec<u32>,
    dense: bool,
}

impl CustomerPositions {
    pub fn new(ledger: &Ledger) -> CustomerPositions {
        let ids: Vec<u32> = ledger.customers.iter().map(|c| c.id.0).collect();
        let dense = match (ids.first(), ids.last()) {
            (Some(first), Some(last)) => {
                (last.checked_sub(*first)).is_some_and(|span| span as usize + 1 == ids.len())
            }
            _ => false,
        };
        CustomerPositions { ids, dense }
    }

    /// The customer's position, `None` for an id not in the ledger.
    pub fn of(&self, id: CustomerId) -> Option<usize> {
        if self.dense {
            let offset = id.0.checked_sub(*self.ids.first()?)? as usize;
            return (offset < self.ids.len()).then_some(offset);
        }
        self.ids.binary_search(&id.0).ok()
    }
}

fn month_end(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

fn is_month_end(date: NaiveDate) -> bool {
    month_end(date) == date
}

/// The customer's score at each month end of the last `months` months, on each day a
/// credit-file record became known in that window, and on `as_of`; sorted by date. Each point
/// is scored with the policy in force on its date.
pub fn score_history(
    ledger: &Ledger,
    files: &CreditFiles,
    policies: &Policies,
    customer: &Customer,
    as_of: NaiveDate,
    months: u32,
) -> Vec<(NaiveDate, Score)> {
    let start = months_before(as_of, months);
    let mut dates: Vec<NaiveDate> = (0..=months)
        .map(|back| month_end(months_before(as_of, back)))
        .filter(|date| *date > start && *date <= as_of)
        .collect();
    let known = files
        .of(customer.id)
        .iter()
        .map(|(recorded_on, record)| (*recorded_on).max(record.date()));
    dates.extend(known.filter(|date| *date > start && *date <= as_of));
    dates.push(as_of);
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| {
            let inputs = score_inputs(ledger, files, customer, date);
            (date, score(&inputs, &policies.on(date)))
        })
        .collect()
}

/// The last month end strictly before `as_of` (the point a grade drop is measured from).
pub fn previous_month_end(as_of: NaiveDate) -> NaiveDate {
    as_of
        .with_day(1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(as_of)
}

/// A customer whose grade on a date is worse than at the previous month end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeDrop {
    pub customer: CustomerId,
    pub before: Grade,
    pub now: Grade,
}

/// Every customer whose grade on `as_of` is worse than at the previous month end, in
/// `ledger.customers` order; each date is scored with the policy in force on it. The same
/// rule as `grade_drop` on a customer's history.
pub fn grade_drops(
    ledger: &Ledger,
    files: &CreditFiles,
    policies: &Policies,
    as_of: NaiveDate,
) -> Vec<GradeDrop> {
    let month_end = previous_month_end(as_of);
    let now = score_all(ledger, files, &policies.on(as_of), as_of);
    let before = score_all(ledger, files, &policies.on(month_end), month_end);
    ledger
        .customers
        .iter()
        .zip(now.iter().zip(&before))
        .filter(|(_, (now, before))| now.grade > before.grade)
        .map(|(customer, (now, before))| GradeDrop {
            customer: customer.id,
            before: before.grade,
            now: now.grade,
        })
        .collect()
}

/// `Some((before, now))` when the latest point's grade is worse than that of the month-end
/// point before it.
pub fn grade_drop(history: &[(NaiveDate, Score)]) -> Option<(Grade, Grade)> {
    let ((_, latest), earlier) = history.split_last()?;
    let (_, before) = earlier.iter().rev().find(|(date, _)| is_month_end(*date))?;
    (latest.grade > before.grade).then_some((before.grade, latest.grade))
}

//! Each alert rule on one customer as of a date: whether it holds, its severity, its reasons
//! and the first day of its run (see the module doc of `alerts`).

use crate::alerts::books::{own_days, Books};
use crate::alerts::reason::{AlertReason, AlertSources};
use crate::alerts::runs::{interval_run, step_run, walk_back};
use crate::base::money::Money;
use crate::collections::plan_status::{instalment_statuses, InstalmentStatus};
use crate::collections::{promise_status, PromiseStatus};
use crate::credit::score::{score_invoices, stale_months, Score};
use crate::credit::CreditRecord;
use crate::ledger::as_of::order_open_on;
use crate::ledger::Customer;
use crate::limits::{limit_status, requests_of, utilisation_exact, LimitStatus, RequestStatus};
use crate::policy::{AlertRule, AlertSeverity, CreditPolicy, Grade};
use chrono::{Duration, Months, NaiveDate};
use rust_decimal::Decimal;
use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

pub struct RuleContext<'a> {
    pub sources: &'a AlertSources<'a>,
    pub policy: &'a CreditPolicy,
    pub customer: &'a Customer,
    pub as_of: NaiveDate,
    /// The customer's invoices, orders, promises and plans as of `as_of`.
    pub books: &'a Books<'a>,
    /// The limit status on `as_of`, worked out once for the utilisation and review rules
    /// (each looked it up: a search per request and a sort).
    limit: OnceCell<LimitStatus>,
}

impl<'a> RuleContext<'a> {
    pub fn new(
        sources: &'a AlertSources<'a>,
        policy: &'a CreditPolicy,
        customer: &'a Customer,
        as_of: NaiveDate,
        books: &'a Books<'a>,
    ) -> RuleContext<'a> {
        RuleContext {
            sources,
            policy,
            customer,
            as_of,
            books,
            limit: OnceCell::new(),
        }
    }

    /// `limits::limit_status` of the customer on `as_of`.
    fn limit_status(&self) -> &LimitStatus {
        self.limit
            .get_or_init(|| limit_status(self.sources.limits, self.customer.id, self.as_of))
    }
}

/// The customer's score on the day asked and at the last month end, and the grades and
/// scores of the days the score rules walk back over, each worked out once for both.
pub struct Scores<'s> {
    pub now: &'s Score,
    pub before: &'s Score,
    pub month_end: NaiveDate,
    walked: RefCell<Vec<(NaiveDate, Grade, Decimal)>>,
    /// The days the score rules walk back over, gathered once for both.
    points: RefCell<Option<Vec<NaiveDate>>>,
}

impl<'s> Scores<'s> {
    pub fn new(now: &'s Score, before: &'s Score, month_end: NaiveDate) -> Scores<'s> {
        Scores {
            now,
            before,
            month_end,
            walked: RefCell::new(Vec::new()),
            points: RefCell::new(None),
        }
    }
}

/// A rule that holds: its severity, reasons and first day.
pub struct Found {
    pub severity: AlertSeverity,
    pub since: NaiveDate,
    pub reasons: Vec<AlertReason>,
}

fn day_before(date: NaiveDate) -> Option<NaiveDate> {
    date.pred_opt()
}

fn day(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(days))
        .unwrap_or(date)
}

pub fn find(
    context: &RuleContext<'_>,
    scores: Option<&Scores<'_>>,
    rule: AlertRule,
) -> Option<Found> {
    match rule {
        AlertRule::OverdueDays => overdue_days(context),
        AlertRule::OverdueAmount => overdue_amount(context),
        AlertRule::Utilisation => utilisation(context),
        AlertRule::GradeDrop => scores.and_then(|scores| grade_drop(context, scores)),
        AlertRule::ScoreDrop => scores.and_then(|scores| score_drop(context, scores)),
        AlertRule::FileStale => file_stale(context),
        AlertRule::ReviewPassed => review_passed(context),
        AlertRule::RiskSignal => risk_signal(context),
        AlertRule::PromiseBroken => promise_broken(context),
        AlertRule::InstalmentMissed => instalment_missed(context),
    }
}

fn found(
    context: &RuleContext<'_>,
    rule: AlertRule,
    since: NaiveDate,
    reasons: Vec<AlertReason>,
) -> Found {
    Found {
        severity: context.policy.alerts.severity(rule),
        since,
        reasons,
    }
}

/// Items at least N days past due with more than the leftover open. Each item is in the run
/// from due + N days until the day its open amount fell to the leftover.
fn overdue_days(context: &RuleContext<'_>) -> Option<Found> {
    let (customer, as_of) = (context.customer, context.as_of);
    let alerts = &context.policy.alerts;
    let currency = customer.details.currency;
    let last_due = as_of.checked_sub_signed(Duration::days(i64::from(alerts.overdue_days)));
    let mut reasons: Vec<(i64, AlertReason)> = (context.books.items.iter())
        .filter(|item| {
            // `days_past_due(as_of) >= overdue_days` as a comparison of dates: counting the
            // days (chrono's calendar arithmetic) cost more than the rest of the test.
            let overdue = match last_due {
                Some(last_due) => item.due_date <= last_due,
                None => item.days_past_due(as_of) >= i64::from(alerts.overdue_days),
            };
            overdue && item.open > alerts.leftover_max
        })
        .map(|item| {
            let days = item.days_past_due(as_of);
            let reason = AlertReason::ItemOverdue {
                invoice: item.invoice.number.clone(),
                days,
                open: Money::new(item.open, currency),
                threshold: alerts.overdue_days,
            };
            (days, reason)
        })
        .collect();
    let days_max = reasons.iter().map(|(days, _)| *days).max()?;
    reasons.sort_by_key(|(days, _)| std::cmp::Reverse(*days));
    let mut intervals: Vec<(NaiveDate, Option<NaiveDate>)> = (context.books.items.iter())
        .map(|item| {
            let start = day(item.due_date, i64::from(alerts.overdue_days));
            let mut open = item.amount;
            let end = context
                .books
                .reductions(item)
                .iter()
                .find_map(|(date, amount)| {
                    open -= *amount;
                    (open <= alerts.leftover_max).then_some(*date)
                });
            (start, end.map(|end| end.max(start)))
        })
        .collect();
    let since = interval_run(&mut intervals, as_of).unwrap_or(as_of);
    let mut result = found(context, AlertRule::OverdueDays, since, Vec::new());
    if days_max >= i64::from(alerts.overdue_days_severe) {
        result.severity = AlertSeverity::Severe;
    }
    result.reasons = reasons.into_iter().map(|(_, reason)| reason).collect();
    Some(result)
}

/// The overdue total above the threshold (in the base currency; a currency without a rate
/// compares its own amount). The total steps up the day after each due date and down on
/// each reduction after it.
fn overdue_amount(context: &RuleContext<'_>) -> Option<Found> {
    let (customer, as_of) = (context.customer, context.as_of);
    let policy = context.policy;
    let currency = customer.details.currency;
    // `LimitPolicy::to_base`, the rate looked up once.
    let rate = policy.limits.rate(currency);
    let base = |amount: Decimal| {
        rate.and_then(|rate| amount.checked_mul(rate))
            .unwrap_or(amount)
    };
    let threshold = policy.alerts.overdue_amount;
    let items = context.books.items;
    let overdue: Decimal = (items.iter())
        // Past due (`days_past_due(as_of) > 0`), compared as dates, then open.
        .filter(|item| item.due_date < as_of && item.open > Decimal::ZERO)
        .map(|item| item.open)
        .sum();
    if base(overdue) <= threshold {
        return None;
    }
    let mut changes = Vec::new();
    for item in items {
        let (due_date, list) = (item.due_date, context.books.reductions(item));
        let before: Decimal = (list.iter())
            .filter(|(date, _)| *date <= due_date)
            .map(|(_, amount)| *amount)
            .sum();
        changes.push((day(due_date, 1), item.amount - before));
        for (date, amount) in list.iter().filter(|(date, _)| *date > due_date) {
            changes.push((*date, -*amount));
        }
    }
    let since = step_run(&mut changes, as_of, |total| base(total) > threshold).unwrap_or(as_of);
    let reason = AlertReason::OverdueTotal {
        overdue: Money::new(overdue, currency),
        overdue_base: Money::new(base(overdue), policy.limits.base_currency),
        threshold: Money::new(threshold, policy.limits.base_currency),
    };
    Some(found(
        context,
        AlertRule::OverdueAmount,
        since,
        vec![reason],
    ))
}

/// Exposure ÷ limit in force above the threshold, exactly (shown to one decimal). The run
/// walks back over the days exposure moved (issues, reductions, orders opened and closed)
/// or a limit took effect or lapsed, undoing each day's changes on the way.
fn utilisation(context: &RuleContext<'_>) -> Option<Found> {
    let (customer, as_of) = (context.customer, context.as_of);
    let limits = context.sources.limits;
    let threshold = context.policy.alerts.utilisation_percent;
    let limit_on = |date: NaiveDate| match limit_status(limits, customer.id, date) {
        LimitStatus::InForce(in_force) => Some(in_force.amount),
        _ => None,
    };
    let over = |exposure: Decimal, limit: Option<Decimal>| {
        limit
            .and_then(|limit| utilisation_exact(exposure, limit))
            .filter(|percent| *percent > threshold)
    };
    let LimitStatus::InForce(in_force) = context.limit_status() else {
        return None;
    };
    let limit = in_force.amount;
    let orders = &context.books.orders;
    let open_orders: Decimal = (orders.iter())
        .filter(|order| order_open_on(order, as_of))
        .map(|order| order.amount.value())
        .sum();
    let exposure = (context.books.items.iter())
        .map(|item| item.open)
        .sum::<Decimal>()
        + open_orders;
    let percent = over(exposure, Some(limit))?;
    // (date, change in exposure, whether the limit in force may change that day)
    let mut changes: Vec<(NaiveDate, Decimal, bool)> = (exposure_changes(context, orders))
        .into_iter()
        .map(|(date, change)| (date, change, false))
        .collect();
    for request in requests_of(limits, customer.id) {
        if let RequestStatus::Approved { date, .. } = request.status {
            changes.push((date, Decimal::ZERO, true));
        }
        changes.extend(
            request
                .until
                .map(|until| (day(until, 1), Decimal::ZERO, true)),
        );
    }
    changes.retain(|(date, ..)| *date <= as_of);
    let since = walk_exposure(&mut changes, (exposure, limit), as_of, &over, &limit_on);
    let currency = customer.details.currency;
    let reason = AlertReason::Utilisation {
        percent: percent.round_dp(1),
        threshold,
        exposure: Money::new(exposure, currency),
        limit: Money::new(limit, currency),
    };
    Some(found(context, AlertRule::Utilisation, since, vec![reason]))
}

/// Walks back from `as_of` over the dated exposure changes (newest first) while `over`
/// holds on the exposure and limit of each day; the limit of the day before is looked up
/// only past a day one took effect or lapsed.
fn walk_exposure(
    changes: &mut [(NaiveDate, Decimal, bool)],
    (exposure, limit): (Decimal, Decimal),
    as_of: NaiveDate,
    over: &dyn Fn(Decimal, Option<Decimal>) -> Option<Decimal>,
    limit_on: &dyn Fn(NaiveDate) -> Option<Decimal>,
) -> NaiveDate {
    changes.sort_unstable_by_key(|change| std::cmp::Reverse(change.0));
    let mut since = as_of;
    let (mut value, mut limit_then) = (exposure, Some(limit));
    let mut index = 0;
    while index < changes.len() {
        let date = changes[index].0;
        if over(value, limit_then).is_none() {
            break;
        }
        since = date;
        let mut limit_moves = false;
        while index < changes.len() && changes[index].0 == date {
            value -= changes[index].1;
            limit_moves |= changes[index].2;
            index += 1;
        }
        if limit_moves {
            limit_then = day_before(date).and_then(limit_on);
        }
    }
    since
}

/// What moved the customer's exposure, dated: each invoice up on its issue, down by each
/// reduction; each order up when opened, down when closed.
fn exposure_changes(
    context: &RuleContext<'_>,
    orders: &[&crate::ledger::Order],
) -> Vec<(NaiveDate, Decimal)> {
    let mut changes = Vec::new();
    for item in context.books.items {
        changes.push((item.issue_date, item.amount));
        let list = context.books.reductions(item);
        changes.extend(list.iter().map(|(date, amount)| (*date, -*amount)));
    }
    for order in orders {
        changes.push((order.date, order.amount.value()));
        if let Some((closed, _)) = &order.closed {
            changes.push((*closed, -order.amount.value()));
        }
    }
    changes
}

/// The days the customer's ledger changed by `as_of`: issues, the day after due dates,
/// payments and credit notes.
fn change_days(context: &RuleContext<'_>) -> Vec<NaiveDate> {
    let books = context.books;
    let own = own_days(context.sources.ledger, context.customer, context.as_of);
    let mut days = Vec::with_capacity(books.items.len() * 2 + own.len());
    for item in books.items {
        days.push(item.issue_date);
        days.push(day(item.due_date, 1));
    }
    days.extend(own);
    days.retain(|date| *date <= context.as_of);
    days
}

/// Walks back over the month's change days (ledger, file, policy versions) while `holds`
/// held on the grade and score of that day; never before the day after the month end.
fn score_run(
    context: &RuleContext<'_>,
    scores: &Scores<'_>,
    holds: impl Fn(Grade, Decimal) -> bool,
) -> NaiveDate {
    let first = day(scores.month_end, 1);
    let known = scores.points.borrow().clone();
    let mut points = known.unwrap_or_else(|| {
        let points = score_points(context, first);
        *scores.points.borrow_mut() = Some(points.clone());
        points
    });
    walk_back(&mut points, context.as_of, |date| {
        let (grade, score) = scored_on(context, scores, date);
        holds(grade, score)
    })
}

/// The days the score can change on after `first` (ledger, file, policy versions), and
/// `first`.
fn score_points(context: &RuleContext<'_>, first: NaiveDate) -> Vec<NaiveDate> {
    let sources = context.sources;
    let mut points = change_days(context);
    points.extend(
        sources
            .credit
            .of(context.customer.id)
            .iter()
            .map(|(on, record)| (*on).max(record.date())),
    );
    points.extend(sources.policies.versions.iter().map(|(from, _)| *from));
    points.retain(|date| *date > first);
    points.push(first);
    points
}

/// The policy in force before the first version (`Policies::on`), made once: making it
/// (its rating map and rules) cost more than scoring a customer on one day.
static DEFAULT_POLICY: LazyLock<CreditPolicy> = LazyLock::new(CreditPolicy::default);

/// The customer's grade and score on `date` under the policy in force then, scored once.
fn scored_on(context: &RuleContext<'_>, scores: &Scores<'_>, date: NaiveDate) -> (Grade, Decimal) {
    let known = (scores.walked.borrow().iter())
        .find(|(on, ..)| *on == date)
        .copied();
    if let Some((_, grade, score)) = known {
        return (grade, score);
    }
    let sources = context.sources;
    let policy = (sources.policies.versions.iter().rev())
        .find(|(from, _)| *from <= date)
        .map_or(&*DEFAULT_POLICY, |(_, policy)| policy);
    let invoices = (context.books.items.iter()).map(|item| {
        (
            item.amount,
            (item.issue_date, item.due_date),
            item.settled_on,
        )
    });
    let scored = score_invoices(context.customer, sources.credit, invoices, policy, date);
    (scores.walked.borrow_mut()).push((date, scored.grade, scored.score));
    (scored.grade, scored.score)
}

fn grade_drop(context: &RuleContext<'_>, scores: &Scores<'_>) -> Option<Found> {
    let before = scores.before.grade;
    if scores.now.grade <= before {
        return None;
    }
    let since = score_run(context, scores, |grade, _| grade > before);
    let reason = AlertReason::GradeDropped {
        before,
        now: scores.now.grade,
        month_end: scores.month_end,
    };
    Some(found(context, AlertRule::GradeDrop, since, vec![reason]))
}

fn score_drop(context: &RuleContext<'_>, scores: &Scores<'_>) -> Option<Found> {
    let threshold = context.policy.alerts.score_drop_points;
    let before = scores.before.score;
    let points = before - scores.now.score;
    if points < threshold {
        return None;
    }
    let since = score_run(context, scores, |_, score| before - score >= threshold);
    let reason = AlertReason::ScoreDropped {
        before,
        now: scores.now.score,
        points,
        threshold,
        month_end: scores.month_end,
    };
    Some(found(context, AlertRule::ScoreDrop, since, vec![reason]))
}

/// The first day `months_between(date, day) > limit`.
fn stale_from(date: NaiveDate, limit: u32) -> NaiveDate {
    let mut first = date
        .checked_add_months(Months::new(limit + 1))
        .unwrap_or(date);
    while crate::base::dates::months_between(date, first) <= i64::from(limit) {
        first = day(first, 1);
    }
    first
}

/// The newest statement or report known by the day asked is stale (the credit area's own
/// staleness rule, `stale_months`).
fn file_stale(context: &RuleContext<'_>) -> Option<Found> {
    let (policy, as_of) = (context.policy, context.as_of);
    let known = (context.sources.credit.of(context.customer.id).iter())
        .filter(|(recorded_on, record)| *recorded_on <= as_of && record.date() <= as_of)
        .map(|(_, record)| record);
    let mut statement = None;
    let mut report = None;
    for record in known {
        match record {
            CreditRecord::Statement(found)
                if statement.is_none_or(|(end, _)| found.period_end >= end) =>
            {
                statement = Some((found.period_end, record));
            }
            CreditRecord::Report(found)
                if report.is_none_or(|(date, _)| found.report_date >= date) =>
            {
                report = Some((found.report_date, record));
            }
            _ => {}
        }
    }
    let mut reasons = Vec::new();
    let mut starts = Vec::new();
    if let Some((period_end, record)) = statement {
        let limit = policy.statement_stale_months;
        if let Some(months) = stale_months(record, policy, as_of) {
            starts.push(stale_from(period_end, limit));
            reasons.push(AlertReason::StatementStale {
                period_end,
                months,
                limit,
            });
        }
    }
    if let Some((report_date, record)) = report {
        let limit = policy.report_stale_months;
        if let Some(months) = stale_months(record, policy, as_of) {
            starts.push(stale_from(report_date, limit));
            reasons.push(AlertReason::ReportStale {
                report_date,
                months,
                limit,
            });
        }
    }
    let since = starts.into_iter().min()?;
    Some(found(
        context,
        AlertRule::FileStale,
        since.min(as_of),
        reasons,
    ))
}

/// The limit in force has a review date before the day asked (the check's own rule).
fn review_passed(context: &RuleContext<'_>) -> Option<Found> {
    let as_of = context.as_of;
    let LimitStatus::InForce(in_force) = context.limit_status() else {
        return None;
    };
    if in_force.review_on >= as_of {
        return None;
    }
    let reason = AlertReason::ReviewPassed {
        review_on: in_force.review_on,
        days: (as_of - in_force.review_on).num_days(),
    };
    let since = day(in_force.review_on, 1).max(in_force.approved_on);
    Some(found(context, AlertRule::ReviewPassed, since, vec![reason]))
}

/// Risk signals at most N days old on the day asked, known by then; each is in the run from
/// the day it was known (its date, or the later day it was recorded) to N days after its date.
fn risk_signal(context: &RuleContext<'_>) -> Option<Found> {
    let as_of = context.as_of;
    let threshold = context.policy.alerts.signal_days;
    let known = (context.sources.credit.of(context.customer.id).iter())
        .filter_map(|(recorded_on, record)| match record {
            CreditRecord::Signal(signal) => Some((*recorded_on, signal)),
            _ => None,
        })
        .filter(|(recorded_on, signal)| *recorded_on <= as_of && signal.date <= as_of);
    let mut reasons = Vec::new();
    let mut intervals = Vec::new();
    for (recorded_on, signal) in known {
        let days = (as_of - signal.date).num_days();
        let end = day(signal.date, i64::from(threshold) + 1);
        intervals.push((recorded_on.max(signal.date), Some(end)));
        if days <= i64::from(threshold) {
            reasons.push(AlertReason::SignalRecorded {
                signal: signal.kind,
                severity: signal.severity,
                date: signal.date,
                days,
                threshold,
            });
        }
    }
    if reasons.is_empty() {
        return None;
    }
    let since = interval_run(&mut intervals, as_of).unwrap_or(as_of);
    Some(found(context, AlertRule::RiskSignal, since, reasons))
}

/// Promises made by the day asked whose deadline passed with them broken (or partly kept),
/// for N days after the deadline.
fn promise_broken(context: &RuleContext<'_>) -> Option<Found> {
    let (ledger, as_of) = (context.sources.ledger, context.as_of);
    let window = i64::from(context.policy.alerts.promise_days);
    let currency = context.customer.details.currency;
    let mut reasons = Vec::new();
    let mut intervals = Vec::new();
    for promise in context.books.promises.iter().filter(|p| p.date <= as_of) {
        let status = promise_status(ledger, promise, as_of);
        if !status.is_broken() {
            continue;
        }
        let deadline = crate::collections::promise::deadline(promise);
        let start = day(deadline, 1);
        intervals.push((start, Some(day(deadline, window + 1))));
        if (as_of - deadline).num_days() > window {
            continue;
        }
        let paid = match status {
            PromiseStatus::PartlyKept { paid } => paid,
            _ => Decimal::ZERO,
        };
        reasons.push(AlertReason::PromiseBroken {
            due: promise.due,
            deadline,
            promised: Money::new(promise.amount.value(), currency),
            paid: Money::new(paid, currency),
        });
    }
    if reasons.is_empty() {
        return None;
    }
    let since = interval_run(&mut intervals, as_of).unwrap_or(as_of);
    Some(found(context, AlertRule::PromiseBroken, since, reasons))
}

/// Instalments of the customer's payment plans agreed by the day asked that were missed
/// (`collections::plan_status`: not paid in full by their date plus the plan's tolerance),
/// for N days after that deadline (the promise rule's window: a plan is a promise in parts).
fn instalment_missed(context: &RuleContext<'_>) -> Option<Found> {
    let (ledger, as_of) = (context.sources.ledger, context.as_of);
    let window = i64::from(context.policy.alerts.promise_days);
    let mut reasons = Vec::new();
    let mut intervals = Vec::new();
    let plans = (context.books.plans.iter()).filter(|plan| plan.date <= as_of);
    for plan in plans {
        let statuses = instalment_statuses(ledger, plan, as_of);
        for (index, (instalment, status)) in plan.instalments.iter().zip(statuses).enumerate() {
            if status != InstalmentStatus::Missed {
                continue;
            }
            let deadline = day(instalment.due, i64::from(plan.tolerance_days));
            intervals.push((day(deadline, 1), Some(day(deadline, window + 1))));
            if (as_of - deadline).num_days() > window {
                continue;
            }
            reasons.push(AlertReason::InstalmentMissed {
                number: index + 1,
                due: instalment.due,
                deadline,
                amount: instalment.amount.money(),
            });
        }
    }
    if reasons.is_empty() {
        return None;
    }
    let since = interval_run(&mut intervals, as_of).unwrap_or(as_of);
    Some(found(context, AlertRule::InstalmentMissed, since, reasons))
}

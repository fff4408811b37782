//! The alerts as of a date, one customer's or the portfolio's, and the credit hold they put
//! a customer on. See the module doc of `alerts` for the rules, the first-held date and the
//! hold.

use crate::alerts::books::{customer_books, portfolio_books};
use crate::alerts::entry::AlertRef;
use crate::alerts::reason::AlertSources;
use crate::alerts::rules::{self, Found, RuleContext, Scores};
use crate::alerts::state::Alerts;
use crate::base::ids::{CustomerId, UserId};
use crate::credit::score::{previous_month_end, score, score_all, score_inputs, Score};
use crate::ledger::Customer;
use crate::policy::{AlertRule, AlertSeverity, CreditPolicy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an alert stands with the people working it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertStatus {
    Open,
    /// This run was acknowledged.
    Acknowledged {
        on: NaiveDate,
        by: UserId,
    },
    /// Hidden until `until`.
    Snoozed {
        until: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub customer: CustomerId,
    pub rule: AlertRule,
    pub severity: AlertSeverity,
    /// The first day of the current unbroken run.
    pub since: NaiveDate,
    pub reasons: Vec<crate::alerts::reason::AlertReason>,
    pub status: AlertStatus,
    /// Whether this alert puts the customer on credit hold (per policy, not released).
    pub holding: bool,
    /// A holding severity whose hold was released for this run.
    pub released: bool,
}

impl Alert {
    pub fn run(&self) -> AlertRef {
        AlertRef {
            rule: self.rule,
            since: self.since,
        }
    }
}

/// The customer's alert hold on a date: the runs holding it, and since when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertHold {
    pub alerts: Vec<AlertRef>,
    pub since: NaiveDate,
}

/// Every alert of the customer as of `as_of` (snoozed and acknowledged ones included, with
/// their status), in `AlertRule::ALL` order.
pub fn customer_alerts(
    sources: &AlertSources<'_>,
    customer: &Customer,
    as_of: NaiveDate,
) -> Vec<Alert> {
    let policy = sources.policies.on(as_of);
    let (now, before, month_end) = customer_scores(sources, customer, as_of);
    let scores = Scores::new(&now, &before, month_end);
    let shelf = customer_books(sources, customer, as_of);
    let books = shelf.books(0);
    let context = RuleContext::new(sources, &policy, customer, as_of, &books);
    alerts_of(&context, Some(&scores), |_| true)
}

/// Every customer's alerts as of `as_of`, in `ledger.customers` order: two passes of the
/// scores (today and the last month end) for the whole portfolio, then each customer's rules.
pub fn alerts_on(sources: &AlertSources<'_>, as_of: NaiveDate) -> Vec<Alert> {
    let month_end = previous_month_end(as_of);
    let now = score_all(
        sources.ledger,
        sources.credit,
        &sources.policies.on(as_of),
        as_of,
    );
    let before_policy = sources.policies.on(month_end);
    let before = score_all(sources.ledger, sources.credit, &before_policy, month_end);
    alerts_scored(sources, as_of, &now, &before)
}

/// `alerts_on` with the scores on `as_of` and at the previous month end already worked out
/// (the desk keeps them), each in `ledger.customers` order.
pub fn alerts_scored(
    sources: &AlertSources<'_>,
    as_of: NaiveDate,
    now: &[Score],
    before: &[Score],
) -> Vec<Alert> {
    let policy = sources.policies.on(as_of);
    let month_end = previous_month_end(as_of);
    let shelf = portfolio_books(sources, as_of);
    let mut alerts = Vec::new();
    for (index, customer) in sources.ledger.customers.iter().enumerate() {
        let books = shelf.books(index);
        let context = RuleContext::new(sources, &policy, customer, as_of, &books);
        let scores = (now.get(index))
            .zip(before.get(index))
            .map(|(now, before)| Scores::new(now, before, month_end));
        alerts.extend(alerts_of(&context, scores.as_ref(), |_| true));
    }
    alerts
}

/// The customer's alert hold on `as_of`, if any: the alerts of a holding severity whose run
/// no release dated by then covers. Only the rules that can reach a holding severity under
/// the policy in force are derived (what the credit check pays for).
pub fn alert_hold(
    sources: &AlertSources<'_>,
    customer: &Customer,
    as_of: NaiveDate,
) -> Option<AlertHold> {
    let policy = sources.policies.on(as_of);
    let alerts = &policy.alerts;
    let can_hold = |rule: AlertRule| {
        alerts.holds(alerts.severity(rule))
            || (rule == AlertRule::OverdueDays && alerts.holds(AlertSeverity::Severe))
    };
    let needs_scores = can_hold(AlertRule::GradeDrop) || can_hold(AlertRule::ScoreDrop);
    let scored = needs_scores.then(|| customer_scores(sources, customer, as_of));
    let scores =
        (scored.as_ref()).map(|(now, before, month_end)| Scores::new(now, before, *month_end));
    let shelf = customer_books(sources, customer, as_of);
    let books = shelf.books(0);
    let context = RuleContext::new(sources, &policy, customer, as_of, &books);
    let holding: Vec<Alert> = alerts_of(&context, scores.as_ref(), can_hold)
        .into_iter()
        .filter(|alert| alert.holding)
        .collect();
    let since = holding.iter().map(|alert| alert.since).min()?;
    Some(AlertHold {
        alerts: holding.iter().map(Alert::run).collect(),
        since,
    })
}

/// The customer's score on `as_of` and at the last month end, and that month end.
fn customer_scores(
    sources: &AlertSources<'_>,
    customer: &Customer,
    as_of: NaiveDate,
) -> (Score, Score, NaiveDate) {
    let month_end = previous_month_end(as_of);
    let at = |date: NaiveDate| {
        let inputs = score_inputs(sources.ledger, sources.credit, customer, date);
        score(&inputs, &sources.policies.on(date))
    };
    (at(as_of), at(month_end), month_end)
}

/// The customer's alerts under the rules `wanted` picks.
fn alerts_of(
    context: &RuleContext<'_>,
    scores: Option<&Scores<'_>>,
    wanted: impl Fn(AlertRule) -> bool,
) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for rule in AlertRule::ALL.into_iter().filter(|rule| wanted(*rule)) {
        let Some(found) = rules::find(context, scores, rule) else {
            continue;
        };
        alerts.push(alert_of(context, rule, found));
    }
    alerts
}

fn alert_of(context: &RuleContext<'_>, rule: AlertRule, found: Found) -> Alert {
    let policy: &CreditPolicy = context.policy;
    let customer = context.customer.id;
    let run = AlertRef {
        rule,
        since: found.since,
    };
    let holds = policy.alerts.holds(found.severity);
    let released = holds
        && context
            .sources
            .alerts
            .released(customer, run, context.as_of);
    Alert {
        customer,
        rule,
        severity: found.severity,
        since: found.since,
        reasons: found.reasons,
        status: status_of(context.sources.alerts, customer, run, context.as_of),
        holding: holds && !released,
        released,
    }
}

/// Snoozed while a snooze dated by `as_of` runs past it; else acknowledged when this run was.
fn status_of(
    alerts: &Alerts,
    customer: CustomerId,
    run: AlertRef,
    as_of: NaiveDate,
) -> AlertStatus {
    let notes = alerts
        .notes_of(customer)
        .iter()
        .filter(|note| note.rule == run.rule && note.date <= as_of);
    let mut acknowledged = None;
    let mut snoozed: Option<NaiveDate> = None;
    for note in notes {
        match note.until {
            Some(until) if until > as_of => snoozed = Some(snoozed.map_or(until, |s| s.max(until))),
            Some(_) => {}
            None if note.since == run.since => {
                acknowledged = acknowledged.or(Some((note.date, note.by)));
            }
            None => {}
        }
    }
    match (snoozed, acknowledged) {
        (Some(until), _) => AlertStatus::Snoozed { until },
        (None, Some((on, by))) => AlertStatus::Acknowledged { on, by },
        (None, None) => AlertStatus::Open,
    }
}

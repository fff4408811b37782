//! The alerts' rules: acknowledging and snoozing an alert that holds today, and releasing an
//! alert hold. Who may: anyone working collections or credit (not sales) acknowledges and
//! snoozes; releasing a hold is a manager's call, as lifting a manual hold is
//! (`limits::change_hold`).

use crate::alerts::{alert_hold, customer_alerts, Alert, AlertStatus, AlertsEntry};
use crate::base::ids::{CustomerId, UserId};
use crate::decide::command::AlertsCommand;
use crate::decide::limits::{required_text, user, user_with};
use crate::decide::rejection::{Decision, Field, Rejection};
use crate::decide::rules::check_date;
use crate::journal::Portfolio;
use crate::ledger::Customer;
use crate::policy::AlertRule;
use crate::team::Role;
use chrono::NaiveDate;

/// Whether a role works alerts (acknowledges, snoozes): everyone but sales.
pub fn may_monitor(role: Role) -> bool {
    role != Role::Sales
}

/// The alerts' commands (a match of its own, exhaustive over them).
pub(super) fn decide_alerts(state: &Portfolio, command: &AlertsCommand) -> Decision {
    match command {
        AlertsCommand::AcknowledgeAlert {
            customer,
            rule,
            date,
            by,
        } => acknowledge(state, *customer, *rule, *date, *by),
        AlertsCommand::SnoozeAlert {
            customer,
            rule,
            date,
            by,
            until,
        } => snooze(state, (*customer, *rule), *date, *by, *until),
        AlertsCommand::ReleaseAlertHold {
            customer,
            date,
            by,
            reason,
        } => release(state, *customer, *date, *by, reason),
    }
}

fn customer_of(state: &Portfolio, id: CustomerId) -> Result<&Customer, Rejection> {
    state.ledger.customer(id).ok_or(Rejection::UnknownCustomer)
}

/// The alert holding on `date`, found by the person `by` who may work it.
fn held_alert(
    state: &Portfolio,
    (customer, rule): (CustomerId, AlertRule),
    date: NaiveDate,
    by: UserId,
) -> Result<Alert, Rejection> {
    let account = customer_of(state, customer)?;
    let acting = user(state, by)?;
    if !may_monitor(acting.role) {
        return Err(Rejection::NotMonitoring { role: acting.role });
    }
    check_date(date)?;
    customer_alerts(&state.alert_sources(), account, date)
        .into_iter()
        .find(|alert| alert.rule == rule)
        .ok_or(Rejection::UnknownAlert { rule })
}

fn acknowledge(
    state: &Portfolio,
    customer: CustomerId,
    rule: AlertRule,
    date: NaiveDate,
    by: UserId,
) -> Decision {
    let alert = held_alert(state, (customer, rule), date, by)?;
    if matches!(alert.status, AlertStatus::Acknowledged { .. }) {
        return Err(Rejection::AlertAlreadyAcknowledged);
    }
    Ok(vec![AlertsEntry::AlertAcknowledged {
        customer,
        rule,
        since: alert.since,
        date,
        by,
    }
    .into()])
}

fn snooze(
    state: &Portfolio,
    (customer, rule): (CustomerId, AlertRule),
    date: NaiveDate,
    by: UserId,
    until: NaiveDate,
) -> Decision {
    let alert = held_alert(state, (customer, rule), date, by)?;
    if until <= date {
        return Err(Rejection::SnoozeNotAfterToday);
    }
    check_date(until)?;
    Ok(vec![AlertsEntry::AlertSnoozed {
        customer,
        rule,
        since: alert.since,
        date,
        by,
        until,
    }
    .into()])
}

fn release(
    state: &Portfolio,
    customer: CustomerId,
    date: NaiveDate,
    by: UserId,
    reason: &str,
) -> Decision {
    let account = customer_of(state, customer)?;
    user_with(state, by, Role::Manager)?;
    check_date(date)?;
    let reason = required_text(reason, Field::Reason, Rejection::ReasonEmpty)?;
    let hold = alert_hold(&state.alert_sources(), account, date).ok_or(Rejection::NoAlertHold)?;
    Ok(vec![AlertsEntry::AlertHoldReleased {
        customer,
        date,
        by,
        reason,
        alerts: hold.alerts,
    }
    .into()])
}

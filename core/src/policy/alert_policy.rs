//! The alerts' part of the credit policy: the rules monitoring watches, the threshold of
//! each, the severity it raises and which severities put a customer on credit hold. It sits
//! in the policy (not in `alerts`) because a check reason a released order keeps names the
//! rules (`CheckReason::OnAlertHold`), and check reasons live below the alerts' layer.
//!
//! Thresholds, inclusive or exclusive, as each rule's doc says: days and points are "at
//! least" (inclusive, like the reminder ladder's days), amounts and percentages are "above"
//! (exclusive, so exactly the threshold does not alert).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A rule monitoring derives alerts by. Insurance cover does not exist yet: its rule
/// (`CoverReduced`) comes with that area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AlertRule {
    OverdueDays,
    OverdueAmount,
    Utilisation,
    GradeDrop,
    ScoreDrop,
    FileStale,
    ReviewPassed,
    RiskSignal,
    PromiseBroken,
    /// A payment-plan instalment whose date and tolerance passed without it being paid.
    InstalmentMissed,
}

impl AlertRule {
    pub const ALL: [AlertRule; 10] = [
        AlertRule::OverdueDays,
        AlertRule::OverdueAmount,
        AlertRule::Utilisation,
        AlertRule::GradeDrop,
        AlertRule::ScoreDrop,
        AlertRule::FileStale,
        AlertRule::ReviewPassed,
        AlertRule::RiskSignal,
        AlertRule::PromiseBroken,
        AlertRule::InstalmentMissed,
    ];

    /// A short stable code (URLs, the widget, test ids).
    pub fn token(self) -> &'static str {
        match self {
            AlertRule::OverdueDays => "overdue_days",
            AlertRule::OverdueAmount => "overdue_amount",
            AlertRule::Utilisation => "utilisation",
            AlertRule::GradeDrop => "grade_drop",
            AlertRule::ScoreDrop => "score_drop",
            AlertRule::FileStale => "file_stale",
            AlertRule::ReviewPassed => "review_passed",
            AlertRule::RiskSignal => "risk_signal",
            AlertRule::PromiseBroken => "promise_broken",
            AlertRule::InstalmentMissed => "instalment_missed",
        }
    }

    pub fn from_token(token: &str) -> Option<AlertRule> {
        AlertRule::ALL
            .into_iter()
            .find(|rule| rule.token() == token)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AlertSeverity {
    Info,
    Warning,
    Severe,
}

impl AlertSeverity {
    pub const ALL: [AlertSeverity; 3] = [
        AlertSeverity::Info,
        AlertSeverity::Warning,
        AlertSeverity::Severe,
    ];

    pub fn token(self) -> &'static str {
        match self {
            AlertSeverity::Info => "info",
            AlertSeverity::Warning => "warning",
            AlertSeverity::Severe => "severe",
        }
    }

    /// The default of a rule's severity when a stored policy has none (serde's `default`).
    pub fn warning() -> AlertSeverity {
        AlertSeverity::Warning
    }

    pub fn from_token(token: &str) -> Option<AlertSeverity> {
        AlertSeverity::ALL
            .into_iter()
            .find(|severity| severity.token() == token)
    }
}

/// The severity each rule raises (`severities` in `AlertRule::ALL` order for the first nine,
/// `instalment_missed` for the rule added after them); the overdue-days rule raises
/// `overdue_days_severe`'s severity from that many days on instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertPolicy {
    /// Held when an item is at least this many days past due (inclusive).
    pub overdue_days: u32,
    /// From this many days past due (inclusive) the overdue-days alert is severe.
    pub overdue_days_severe: u32,
    /// An item counts as overdue for the days rule only while more than this is open on it
    /// (in its currency), so a rounding leftover never alerts (exclusive).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub leftover_max: Decimal,
    /// Held when the customer's overdue total, in the base currency, is above this (exclusive).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub overdue_amount: Decimal,
    /// Held when exposure ÷ limit in force × 100 is above this (exclusive).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub utilisation_percent: Decimal,
    /// Held when the score fell at least this many points since the last month end (inclusive).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub score_drop_points: Decimal,
    /// Held while the newest risk signal is at most this many days old (inclusive).
    pub signal_days: u32,
    /// Held for this many days after a promise's deadline passed with it broken, or a
    /// payment-plan instalment's with it unpaid (inclusive).
    pub promise_days: u32,
    /// Severity per rule, in `AlertRule::ALL` order, for the nine rules before
    /// `InstalmentMissed`. Nine, so policies journalled before it read as they were written.
    pub severities: [AlertSeverity; 9],
    /// The severity of a missed payment-plan instalment. Policies journalled before the rule
    /// read as `Warning`, as a broken promise's default.
    #[serde(default = "AlertSeverity::warning")]
    pub instalment_missed: AlertSeverity,
    /// Alerts of these severities put the customer on credit hold.
    pub hold_on: Vec<AlertSeverity>,
}

impl Default for AlertPolicy {
    /// A starting point: a month overdue warns, a quarter overdue is severe and stops credit;
    /// the rest warn or inform and never stop credit by themselves.
    fn default() -> AlertPolicy {
        use AlertSeverity::*;
        AlertPolicy {
            overdue_days: 30,
            overdue_days_severe: 90,
            leftover_max: Decimal::ONE,
            overdue_amount: Decimal::from(50_000),
            utilisation_percent: Decimal::from(90),
            score_drop_points: Decimal::from(10),
            signal_days: 30,
            promise_days: 30,
            severities: [
                Warning, Warning, Warning, Warning, Warning, Info, Info, Warning, Warning,
            ],
            instalment_missed: Warning,
            hold_on: vec![Severe],
        }
    }
}

impl AlertPolicy {
    /// The default thresholds: a policy carrying them is written without its alerts.
    pub fn is_default(&self) -> bool {
        *self == AlertPolicy::default()
    }

    pub fn severity(&self, rule: AlertRule) -> AlertSeverity {
        if rule == AlertRule::InstalmentMissed {
            return self.instalment_missed;
        }
        let index = AlertRule::ALL.iter().position(|r| *r == rule).unwrap_or(0);
        self.severities[index]
    }

    /// Whether an alert of `severity` puts the customer on credit hold.
    pub fn holds(&self, severity: AlertSeverity) -> bool {
        self.hold_on.contains(&severity)
    }

    /// What is wrong with the thresholds, if anything.
    pub fn problem(&self) -> Option<AlertPolicyProblem> {
        if self.overdue_days == 0 || self.overdue_days_severe < self.overdue_days {
            return Some(AlertPolicyProblem::OverdueDays);
        }
        if self.leftover_max < Decimal::ZERO || self.overdue_amount < Decimal::ZERO {
            return Some(AlertPolicyProblem::Amount);
        }
        if self.utilisation_percent <= Decimal::ZERO {
            return Some(AlertPolicyProblem::Utilisation);
        }
        if self.score_drop_points <= Decimal::ZERO || self.score_drop_points > Decimal::ONE_HUNDRED
        {
            return Some(AlertPolicyProblem::ScoreDrop);
        }
        None
    }
}

/// Which alert threshold a policy got wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertPolicyProblem {
    /// Zero days, or the severe tier below the first.
    OverdueDays,
    /// A negative leftover or overdue amount.
    Amount,
    /// Utilisation threshold not above zero.
    Utilisation,
    /// Score drop outside 0 (exclusive) – 100 points.
    ScoreDrop,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_journalled_before_the_instalment_rule_read_with_its_default() {
        let mut changed = AlertPolicy {
            overdue_days: 45,
            ..AlertPolicy::default()
        };
        let mut json = serde_json::to_value(&changed).expect("written");
        json.as_object_mut()
            .expect("a map")
            .remove("instalment_missed");
        let read: AlertPolicy = serde_json::from_value(json).expect("read");
        assert_eq!(read, changed);
        assert_eq!(
            read.severity(AlertRule::InstalmentMissed),
            AlertSeverity::Warning
        );
        changed.instalment_missed = AlertSeverity::Severe;
        let json = serde_json::to_string(&changed).expect("written");
        let read: AlertPolicy = serde_json::from_str(&json).expect("read");
        assert_eq!(
            read.severity(AlertRule::InstalmentMissed),
            AlertSeverity::Severe
        );
        assert_eq!(
            read.severity(AlertRule::PromiseBroken),
            AlertSeverity::Warning
        );
    }
}

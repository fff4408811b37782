//! What the alerts read, and the reasons an alert gives with the figures behind them.

use crate::alerts::state::Alerts;
use crate::base::money::Money;
use crate::collections::Collections;
use crate::credit::{CreditFiles, Severity, SignalKind};
use crate::ledger::Ledger;
use crate::limits::Limits;
use crate::policy::{Grade, Policies};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What alerts read: every area below them.
#[derive(Clone, Copy)]
pub struct AlertSources<'a> {
    pub ledger: &'a Ledger,
    pub credit: &'a CreditFiles,
    pub policies: &'a Policies,
    pub limits: &'a Limits,
    pub collections: &'a Collections,
    pub alerts: &'a Alerts,
}

/// One reason of an alert, with the figures behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertReason {
    /// An item `days` past due with `open` still open; `threshold`: the rule's days.
    ItemOverdue {
        invoice: String,
        days: i64,
        open: Money,
        threshold: u32,
    },
    /// The overdue total, in the customer's currency and in the base currency the threshold
    /// is stated in.
    OverdueTotal {
        overdue: Money,
        overdue_base: Money,
        threshold: Money,
    },
    /// Exposure ÷ limit × 100 (one decimal), above `threshold` percent.
    Utilisation {
        percent: Decimal,
        threshold: Decimal,
        exposure: Money,
        limit: Money,
    },
    GradeDropped {
        before: Grade,
        now: Grade,
        month_end: NaiveDate,
    },
    ScoreDropped {
        before: Decimal,
        now: Decimal,
        points: Decimal,
        threshold: Decimal,
        month_end: NaiveDate,
    },
    /// The newest statement (by period end) is `months` old, beyond `limit`.
    StatementStale {
        period_end: NaiveDate,
        months: i64,
        limit: u32,
    },
    ReportStale {
        report_date: NaiveDate,
        months: i64,
        limit: u32,
    },
    ReviewPassed {
        review_on: NaiveDate,
        days: i64,
    },
    /// A signal `days` old, within the rule's `threshold` days.
    SignalRecorded {
        signal: SignalKind,
        severity: Severity,
        date: NaiveDate,
        days: i64,
        threshold: u32,
    },
    /// A promise whose deadline passed with `paid` of `promised` received.
    PromiseBroken {
        due: NaiveDate,
        deadline: NaiveDate,
        promised: Money,
        paid: Money,
    },
    /// Instalment `number` (1-based) of a payment plan, `amount` due on `due`, not paid in
    /// full by `deadline` (its date plus the plan's tolerance).
    InstalmentMissed {
        number: usize,
        due: NaiveDate,
        deadline: NaiveDate,
        amount: Money,
    },
}

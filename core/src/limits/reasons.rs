//! The reasons an order may be blocked or warned for, and the verdict they add up to. They
//! live with the limits because they are written in the limit policy's terms and a released
//! order's entry keeps them; `check` computes them.

use crate::policy::{AlertRule, Security};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The outcome, worst reason first: any blocking reason blocks, else any warning warns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Pass,
    Warn,
    Block,
}

impl Verdict {
    pub fn token(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }
}

/// One reason of a check; each knows whether it blocks or warns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckReason {
    /// No limit was ever approved.
    NoLimit,
    /// The temporary limit ended and no standing limit remains.
    LimitLapsed {
        #[serde(with = "crate::base::dates::date_serde")]
        until: NaiveDate,
    },
    /// Exposure plus the order exceeds the limit by `shortfall`.
    OverLimit {
        #[serde(with = "crate::base::money::decimal_serde")]
        shortfall: Decimal,
    },
    OverdueBeyondTolerance {
        days: i64,
        tolerance: u32,
        #[serde(with = "crate::base::money::decimal_serde")]
        overdue: Decimal,
    },
    OnHold {
        #[serde(with = "crate::base::dates::date_serde")]
        since: NaiveDate,
        reason: String,
    },
    /// Overdue, but within the grade's tolerance.
    OverdueWithinTolerance {
        days: i64,
        tolerance: u32,
        #[serde(with = "crate::base::money::decimal_serde")]
        overdue: Decimal,
    },
    UtilisationHigh {
        #[serde(with = "crate::base::money::decimal_serde")]
        percent: Decimal,
        #[serde(with = "crate::base::money::decimal_serde")]
        warning: Decimal,
    },
    ReviewOverdue {
        #[serde(with = "crate::base::dates::date_serde")]
        review_on: NaiveDate,
    },
    /// The customer's payment terms are longer than its grade allows.
    TermsAboveGrade { terms: u32, allowed: u32 },
    /// The grade asks for security before shipping on credit.
    SecurityRequired { security: Security },
    /// Alerts of a holding severity (per policy) put the customer on credit hold since
    /// `since`, and no release covers them.
    OnAlertHold {
        alerts: Vec<AlertRule>,
        #[serde(with = "crate::base::dates::date_serde")]
        since: NaiveDate,
    },
}

impl CheckReason {
    pub fn verdict(&self) -> Verdict {
        use CheckReason::*;
        match self {
            NoLimit
            | LimitLapsed { .. }
            | OverLimit { .. }
            | OverdueBeyondTolerance { .. }
            | OnHold { .. }
            | OnAlertHold { .. } => Verdict::Block,
            OverdueWithinTolerance { .. }
            | UtilisationHigh { .. }
            | ReviewOverdue { .. }
            | TermsAboveGrade { .. }
            | SecurityRequired { .. } => Verdict::Warn,
        }
    }

    /// A short stable code for the widget's `postMessage` replies.
    pub fn code(&self) -> &'static str {
        use CheckReason::*;
        match self {
            NoLimit => "no_limit",
            LimitLapsed { .. } => "limit_lapsed",
            OverLimit { .. } => "over_limit",
            OverdueBeyondTolerance { .. } => "overdue_beyond_tolerance",
            OnHold { .. } => "on_hold",
            OverdueWithinTolerance { .. } => "overdue_within_tolerance",
            UtilisationHigh { .. } => "utilisation_high",
            ReviewOverdue { .. } => "review_overdue",
            TermsAboveGrade { .. } => "terms_above_grade",
            SecurityRequired { .. } => "security_required",
            OnAlertHold { .. } => "alert_hold",
        }
    }
}

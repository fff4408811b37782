//! The alerts' entries: what people did about an alert. The alerts themselves are derived.

use crate::base::ids::{CustomerId, UserId};
use crate::base::tagged::entry_enum;
use crate::policy::AlertRule;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One run of an alert: its rule and the date the run first held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AlertRef {
    pub rule: AlertRule,
    #[serde(with = "crate::base::dates::date_serde")]
    pub since: NaiveDate,
}

entry_enum! {
    /// The alerts' entries. The `kind` tag and field names are the stored journal text.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum AlertsEntry {
        /// Seen and taken in hand: the run `since` leaves the open list (a new run comes back).
        AlertAcknowledged {
            customer: CustomerId,
            rule: AlertRule,
            #[serde(with = "crate::base::dates::date_serde")]
            since: NaiveDate,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
        },
        /// Hidden until `until` (that day it is back if it still holds).
        AlertSnoozed {
            customer: CustomerId,
            rule: AlertRule,
            #[serde(with = "crate::base::dates::date_serde")]
            since: NaiveDate,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            #[serde(with = "crate::base::dates::date_serde")]
            until: NaiveDate,
        },
        /// The credit hold of these alert runs lifted, with a reason, while the runs last.
        AlertHoldReleased {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            reason: String,
            alerts: Vec<AlertRef>,
        },
    }
}

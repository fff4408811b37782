//! The records the limits' fold keeps: limit requests and what became of them, hold changes
//! and order releases.

use crate::base::ids::{CustomerId, RequestId, UserId};
use crate::base::money::{Amount, NonNegative};
use crate::limits::reasons::CheckReason;
use crate::policy::Grade;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a limit request stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestStatus {
    Pending,
    Approved {
        by: UserId,
        #[serde(with = "crate::base::dates::date_serde")]
        date: NaiveDate,
        comment: String,
        /// When the limit must be reviewed: the approval date + the grade's review interval.
        #[serde(with = "crate::base::dates::date_serde")]
        review_on: NaiveDate,
        /// The grade the customer had on the approval date.
        grade: Grade,
    },
    Rejected {
        by: UserId,
        #[serde(with = "crate::base::dates::date_serde")]
        date: NaiveDate,
        comment: String,
    },
}

/// A request for a new limit and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitRequest {
    pub id: RequestId,
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    /// Zero closes the credit line.
    pub amount: Amount<NonNegative>,
    pub reason: String,
    /// A temporary limit's last day; `None` for a standing limit.
    #[serde(default, with = "crate::base::dates::date_serde::option")]
    pub until: Option<NaiveDate>,
    pub status: RequestStatus,
    /// The day its lapse was journalled (the lapse itself follows from `until`).
    #[serde(default, with = "crate::base::dates::date_serde::option")]
    pub lapse_recorded: Option<NaiveDate>,
}

impl LimitRequest {
    /// The approval date, when approved.
    pub fn approved_on(&self) -> Option<NaiveDate> {
        match self.status {
            RequestStatus::Approved { date, .. } => Some(date),
            _ => None,
        }
    }

    /// A temporary limit has lapsed once `as_of` is past its last day.
    pub fn lapsed(&self, as_of: NaiveDate) -> bool {
        self.until.is_some_and(|until| as_of > until)
    }
}

/// A hold placed (`placed: true`) or released, by whom and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldChange {
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub reason: String,
    pub placed: bool,
}

/// A blocked order let through, by whom, why, and what it was blocked for at the time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRelease {
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub reason: String,
    pub blocked_for: Vec<CheckReason>,
}

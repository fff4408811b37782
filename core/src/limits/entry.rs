//! The limits' entries: limit requests and decisions, lapses, holds, orders released past a
//! block and the widget's allowed origins.

use crate::base::ids::{CustomerId, OrderId, RequestId, UserId};
use crate::base::money::{Amount, NonNegative};
use crate::base::tagged::entry_enum;
use crate::limits::reasons::CheckReason;
use crate::policy::Grade;
use chrono::NaiveDate;
use serde::Serialize;

entry_enum! {
    /// The limits' entries. The `kind` tag and field names are the stored journal text.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum LimitsEntry {
        /// A request for a new credit limit; `until` makes it temporary (its last day).
        LimitRequested {
            id: RequestId,
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            /// Zero closes the credit line.
            amount: Amount<NonNegative>,
            reason: String,
            #[serde(default, with = "crate::base::dates::date_serde::option")]
            until: Option<NaiveDate>,
        },
        /// An approval within the approver's authority; the limit takes effect on `date`.
        LimitApproved {
            request: RequestId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            comment: String,
            #[serde(with = "crate::base::dates::date_serde")]
            review_on: NaiveDate,
            /// The customer's grade on `date`, which set the review interval.
            grade: Grade,
        },
        LimitRejected {
            request: RequestId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            comment: String,
        },
        /// Records that a temporary limit ran out (it stopped applying after its last day whether
        /// or not this was journalled).
        LimitLapsed {
            request: RequestId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
        },
        /// Credit hold (停止赊销): orders on credit are blocked until released.
        HoldPlaced {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            reason: String,
        },
        HoldReleased {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            reason: String,
        },
        /// A blocked order let through by someone with the authority, with the reasons it was
        /// blocked for at the time.
        OrderReleased {
            order: OrderId,
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            reason: String,
            blocked_for: Vec<CheckReason>,
        },
        /// The host page origins the embedded credit-check widget answers (exact matches).
        WidgetOriginsSet {
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            by: UserId,
            origins: Vec<String>,
        },
    }
}

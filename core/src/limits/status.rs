//! Limit requests and what became of them, and the limit in force on a date: approved
//! requests, temporary limits that lapse by date, review dates. Pure functions of the limits'
//! sub-state and an `as_of` date.

use crate::base::ids::{CustomerId, RequestId};
use crate::limits::records::{LimitRequest, RequestStatus};
use crate::limits::state::Limits;
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The limit that applies on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitStatus {
    /// No limit was ever approved: no credit.
    None,
    /// The latest approved limit was temporary and has lapsed, and no standing limit remains.
    Lapsed {
        request: RequestId,
        #[serde(with = "crate::base::money::decimal_serde")]
        amount: Decimal,
        #[serde(with = "crate::base::dates::date_serde")]
        until: NaiveDate,
    },
    InForce(LimitInForce),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitInForce {
    pub request: RequestId,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub amount: Decimal,
    #[serde(with = "crate::base::dates::date_serde")]
    pub approved_on: NaiveDate,
    #[serde(with = "crate::base::dates::date_serde")]
    pub review_on: NaiveDate,
    /// A temporary limit's last day.
    #[serde(default, with = "crate::base::dates::date_serde::option")]
    pub until: Option<NaiveDate>,
}

/// The customer's requests, oldest first.
pub fn requests_of(limits: &Limits, customer: CustomerId) -> impl Iterator<Item = &LimitRequest> {
    limits
        .request_ids_of(customer)
        .iter()
        .filter_map(|id| limits.request(*id))
}

/// The limit in force on `as_of`: the latest approval (by approval date, then by request) made
/// by then that has not lapsed. A temporary limit thus overrides a standing one until its last
/// day, after which the standing limit applies again; a newer standing approval replaces both.
pub fn limit_status(limits: &Limits, customer: CustomerId, as_of: NaiveDate) -> LimitStatus {
    let mut approvals: Vec<(&LimitRequest, NaiveDate, NaiveDate)> = requests_of(limits, customer)
        .filter_map(|request| match &request.status {
            RequestStatus::Approved {
                date, review_on, ..
            } if *date <= as_of => Some((request, *date, *review_on)),
            _ => None,
        })
        .collect();
    approvals.sort_by_key(|(request, date, _)| (*date, request.id));
    if let Some((request, approved_on, review_on)) = approvals
        .iter()
        .rev()
        .find(|(request, ..)| !request.lapsed(as_of))
    {
        // A standing limit approved before a lapsed temporary one comes back; a temporary limit
        // approved after a standing one wins while it runs.
        return LimitStatus::InForce(LimitInForce {
            request: request.id,
            amount: request.amount.value(),
            approved_on: *approved_on,
            review_on: *review_on,
            until: request.until,
        });
    }
    match approvals.last() {
        Some((request, ..)) => LimitStatus::Lapsed {
            request: request.id,
            amount: request.amount.value(),
            until: request.until.unwrap_or(as_of),
        },
        None => LimitStatus::None,
    }
}

/// Utilisation, exactly: `needed` (the exposure, with an order when one is checked) ÷ `limit`
/// × 100; `None` without a positive limit. An amount too large to scale reads as the most a
/// decimal holds, so it is over any limit. The credit check and the customer list show it to
/// one decimal (ARCHITECTURE.md, Conventions: credit check); warnings compare this figure.
pub fn utilisation_exact(needed: Decimal, limit: Decimal) -> Option<Decimal> {
    (limit > Decimal::ZERO).then(|| {
        needed
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|scaled| scaled.checked_div(limit))
            .unwrap_or(Decimal::MAX)
    })
}

/// Approved temporary limits that have lapsed by `as_of` but whose lapse is not journalled yet,
/// for the shell to record (the lapse takes effect by date either way).
pub fn lapses_due(limits: &Limits, as_of: NaiveDate) -> Vec<RequestId> {
    limits
        .requests
        .iter()
        .filter(|request| {
            request.approved_on().is_some()
                && request.lapsed(as_of)
                && request.lapse_recorded.is_none()
        })
        .map(|request| request.id)
        .collect()
}

/// A review date: `months` after `date`, on the same day of the month or the month's last day.
pub fn review_date(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The journal's view of one customer's limit history: requests, decisions, lapses (derived
/// from dates, so a lapse shows even before the shell has journalled it), holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitEvent {
    Requested { request: RequestId, date: NaiveDate },
    Approved { request: RequestId, date: NaiveDate },
    Rejected { request: RequestId, date: NaiveDate },
    Lapsed { request: RequestId, date: NaiveDate },
}

/// Requests, approvals, rejections and lapses of a customer up to `as_of`, newest first.
pub fn limit_events(limits: &Limits, customer: CustomerId, as_of: NaiveDate) -> Vec<LimitEvent> {
    let mut events = Vec::new();
    for request in requests_of(limits, customer) {
        let id = request.id;
        events.push((
            request.date,
            0,
            LimitEvent::Requested {
                request: id,
                date: request.date,
            },
        ));
        match &request.status {
            RequestStatus::Approved { date, .. } => {
                events.push((
                    *date,
                    1,
                    LimitEvent::Approved {
                        request: id,
                        date: *date,
                    },
                ));
                if let Some(until) = request.until.filter(|_| request.lapsed(as_of)) {
                    let lapsed_on = until.succ_opt().unwrap_or(until);
                    events.push((
                        lapsed_on,
                        2,
                        LimitEvent::Lapsed {
                            request: id,
                            date: lapsed_on,
                        },
                    ));
                }
            }
            RequestStatus::Rejected { date, .. } => {
                events.push((
                    *date,
                    1,
                    LimitEvent::Rejected {
                        request: id,
                        date: *date,
                    },
                ));
            }
            RequestStatus::Pending => {}
        }
    }
    // Newest first; on one day, a later request's steps above an earlier one's, and within a
    // request its decision above its request.
    events.sort_by_key(|(date, step, event)| {
        let request = match event {
            LimitEvent::Requested { request, .. }
            | LimitEvent::Approved { request, .. }
            | LimitEvent::Rejected { request, .. }
            | LimitEvent::Lapsed { request, .. } => *request,
        };
        std::cmp::Reverse((*date, request, *step))
    });
    events
        .into_iter()
        .filter(|(date, ..)| *date <= as_of)
        .map(|(_, _, event)| event)
        .collect()
}

//! The limits' sub-state and its fold, which trusts nothing it reads: an entry naming a
//! customer, order, user or request that does not exist is a `FoldError`.

use crate::base::fold::{check_new_id, find, FoldError, RecordKind};
use crate::base::ids::{CustomerId, OrderId, RequestId, UserId};
use crate::ledger::Ledger;
use crate::limits::entry::LimitsEntry;
use crate::limits::records::{HoldChange, LimitRequest, OrderRelease, RequestStatus};
use crate::team::Team;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The limits' sub-state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Every limit request with its outcome, in id order.
    pub requests: Vec<LimitRequest>,
    /// Each customer's requests, in journal order.
    by_customer: BTreeMap<CustomerId, Vec<RequestId>>,
    /// Each customer's holds placed and released, in journal order; the last tells the state.
    holds: BTreeMap<CustomerId, Vec<HoldChange>>,
    /// Orders released past a blocking check.
    releases: BTreeMap<OrderId, OrderRelease>,
    /// Host page origins the embedded widget answers, exactly as a browser writes them.
    pub widget_origins: Vec<String>,
}

/// What the limits' fold checks its entries against.
pub struct Known<'a> {
    pub ledger: &'a Ledger,
    pub team: &'a Team,
}

impl Limits {
    pub fn request(&self, id: RequestId) -> Option<&LimitRequest> {
        find(&self.requests, id, |r| r.id).map(|index| &self.requests[index])
    }

    pub fn request_ids_of(&self, customer: CustomerId) -> &[RequestId] {
        self.by_customer.get(&customer).map_or(&[], Vec::as_slice)
    }

    /// Every hold placed or released on the customer, oldest first.
    pub fn hold_log(&self, customer: CustomerId) -> &[HoldChange] {
        self.holds.get(&customer).map_or(&[], Vec::as_slice)
    }

    /// The hold in force: the last hold change, when it placed one.
    pub fn hold(&self, customer: CustomerId) -> Option<&HoldChange> {
        self.hold_log(customer)
            .last()
            .filter(|change| change.placed)
    }

    pub fn release(&self, order: OrderId) -> Option<&OrderRelease> {
        self.releases.get(&order)
    }

    /// Every customer the requests index or the hold log names (for the snapshot's check).
    pub fn customers_named(&self) -> impl Iterator<Item = CustomerId> + '_ {
        self.by_customer.keys().chain(self.holds.keys()).copied()
    }

    /// Every order released past a block, in id order.
    pub fn released_orders(&self) -> impl Iterator<Item = OrderId> + '_ {
        self.releases.keys().copied()
    }

    pub fn next_request(&self) -> RequestId {
        RequestId(self.requests.last().map_or(1, |r| r.id.0 + 1))
    }

    fn request_mut(&mut self, id: RequestId) -> Result<&mut LimitRequest, FoldError> {
        let index = find(&self.requests, id, |r| r.id).ok_or(FoldError::Unknown {
            record: RecordKind::LimitRequest,
            id: id.0,
        })?;
        Ok(&mut self.requests[index])
    }

    /// Folds one entry; one naming a customer, order, user or request that does not exist is
    /// an integrity error. The match lists every kind, so a new one must be folded here.
    pub fn apply(&mut self, entry: &LimitsEntry, known: Known<'_>) -> Result<(), FoldError> {
        match entry {
            LimitsEntry::LimitRequested { .. } => self.requested(entry, &known),
            LimitsEntry::LimitApproved {
                request,
                date,
                by,
                comment,
                review_on,
                grade,
            } => {
                known_user(&known, *by)?;
                self.request_mut(*request)?.status = RequestStatus::Approved {
                    by: *by,
                    date: *date,
                    comment: comment.clone(),
                    review_on: *review_on,
                    grade: *grade,
                };
                Ok(())
            }
            LimitsEntry::LimitRejected {
                request,
                date,
                by,
                comment,
            } => {
                known_user(&known, *by)?;
                self.request_mut(*request)?.status = RequestStatus::Rejected {
                    by: *by,
                    date: *date,
                    comment: comment.clone(),
                };
                Ok(())
            }
            LimitsEntry::LimitLapsed { request, date } => {
                self.request_mut(*request)?.lapse_recorded = Some(*date);
                Ok(())
            }
            LimitsEntry::HoldPlaced { .. } | LimitsEntry::HoldReleased { .. } => {
                self.hold_changed(entry, &known)
            }
            LimitsEntry::OrderReleased { .. } => self.order_released(entry, &known),
            LimitsEntry::WidgetOriginsSet { by, origins, .. } => {
                known_user(&known, *by)?;
                self.widget_origins = origins.clone();
                Ok(())
            }
        }
    }

    fn requested(&mut self, entry: &LimitsEntry, known: &Known<'_>) -> Result<(), FoldError> {
        let LimitsEntry::LimitRequested {
            id,
            customer,
            date,
            by,
            amount,
            reason,
            until,
        } = entry
        else {
            return Ok(());
        };
        check_new_id(
            &self.requests,
            *id,
            |r| r.id,
            RecordKind::LimitRequest,
            id.0,
        )?;
        known_customer(known, *customer)?;
        known_user(known, *by)?;
        self.by_customer.entry(*customer).or_default().push(*id);
        self.requests.push(LimitRequest {
            id: *id,
            customer: *customer,
            date: *date,
            by: *by,
            amount: *amount,
            reason: reason.clone(),
            until: *until,
            status: RequestStatus::Pending,
            lapse_recorded: None,
        });
        Ok(())
    }

    fn hold_changed(&mut self, entry: &LimitsEntry, known: &Known<'_>) -> Result<(), FoldError> {
        let (LimitsEntry::HoldPlaced {
            customer,
            date,
            by,
            reason,
        }
        | LimitsEntry::HoldReleased {
            customer,
            date,
            by,
            reason,
        }) = entry
        else {
            return Ok(());
        };
        known_customer(known, *customer)?;
        known_user(known, *by)?;
        self.holds.entry(*customer).or_default().push(HoldChange {
            date: *date,
            by: *by,
            reason: reason.clone(),
            placed: matches!(entry, LimitsEntry::HoldPlaced { .. }),
        });
        Ok(())
    }

    fn order_released(&mut self, entry: &LimitsEntry, known: &Known<'_>) -> Result<(), FoldError> {
        let LimitsEntry::OrderReleased {
            order,
            date,
            by,
            reason,
            blocked_for,
        } = entry
        else {
            return Ok(());
        };
        if known.ledger.order(*order).is_none() {
            return Err(FoldError::Unknown {
                record: RecordKind::Order,
                id: order.0,
            });
        }
        known_user(known, *by)?;
        self.releases.insert(
            *order,
            OrderRelease {
                date: *date,
                by: *by,
                reason: reason.clone(),
                blocked_for: blocked_for.clone(),
            },
        );
        Ok(())
    }
}

fn known_customer(known: &Known<'_>, customer: CustomerId) -> Result<(), FoldError> {
    match known.ledger.customer(customer) {
        Some(_) => Ok(()),
        None => Err(FoldError::Unknown {
            record: RecordKind::Customer,
            id: customer.0,
        }),
    }
}

fn known_user(known: &Known<'_>, user: UserId) -> Result<(), FoldError> {
    match known.team.user(user) {
        Some(_) => Ok(()),
        None => Err(FoldError::Unknown {
            record: RecordKind::User,
            id: user.0,
        }),
    }
}

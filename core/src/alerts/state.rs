//! The alerts' sub-state: acknowledgements, snoozes and hold releases per customer, in
//! journal order.

use crate::alerts::entry::{AlertRef, AlertsEntry};
use crate::base::fold::{FoldError, RecordKind};
use crate::base::ids::{CustomerId, UserId};
use crate::ledger::Ledger;
use crate::policy::AlertRule;
use crate::team::Team;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An acknowledgement or a snooze (`until`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertNote {
    pub rule: AlertRule,
    #[serde(with = "crate::base::dates::date_serde")]
    pub since: NaiveDate,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    #[serde(default, with = "crate::base::dates::date_serde::option")]
    pub until: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldRelease {
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub reason: String,
    pub alerts: Vec<AlertRef>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alerts {
    pub notes: BTreeMap<CustomerId, Vec<AlertNote>>,
    pub releases: BTreeMap<CustomerId, Vec<HoldRelease>>,
}

/// What the fold looks records up in.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    pub ledger: &'a Ledger,
    pub team: &'a Team,
}

impl Known<'_> {
    fn check(&self, customer: CustomerId, by: UserId) -> Result<(), FoldError> {
        if self.ledger.customer(customer).is_none() {
            return Err(FoldError::Unknown {
                record: RecordKind::Customer,
                id: customer.0,
            });
        }
        if self.team.user(by).is_none() {
            return Err(FoldError::Unknown {
                record: RecordKind::User,
                id: by.0,
            });
        }
        Ok(())
    }
}

impl Alerts {
    pub fn notes_of(&self, customer: CustomerId) -> &[AlertNote] {
        self.notes.get(&customer).map_or(&[], Vec::as_slice)
    }

    pub fn releases_of(&self, customer: CustomerId) -> &[HoldRelease] {
        self.releases.get(&customer).map_or(&[], Vec::as_slice)
    }

    /// Whether a release dated by `as_of` covers the run.
    pub fn released(&self, customer: CustomerId, run: AlertRef, as_of: NaiveDate) -> bool {
        self.releases_of(customer)
            .iter()
            .any(|release| release.date <= as_of && release.alerts.contains(&run))
    }

    /// Every customer and user named (for the snapshot's check).
    pub fn named(&self) -> impl Iterator<Item = (CustomerId, UserId)> + '_ {
        let notes = (self.notes.iter()).flat_map(|(c, notes)| notes.iter().map(|n| (*c, n.by)));
        let releases = (self.releases.iter()).flat_map(|(c, list)| list.iter().map(|r| (*c, r.by)));
        notes.chain(releases)
    }

    pub fn apply(&mut self, entry: &AlertsEntry, known: Known<'_>) -> Result<(), FoldError> {
        match entry {
            AlertsEntry::AlertAcknowledged {
                customer,
                rule,
                since,
                date,
                by,
            } => self.note(*customer, *rule, *since, *date, *by, None, known),
            AlertsEntry::AlertSnoozed {
                customer,
                rule,
                since,
                date,
                by,
                until,
            } => self.note(*customer, *rule, *since, *date, *by, Some(*until), known),
            AlertsEntry::AlertHoldReleased {
                customer,
                date,
                by,
                reason,
                alerts,
            } => {
                known.check(*customer, *by)?;
                self.releases
                    .entry(*customer)
                    .or_default()
                    .push(HoldRelease {
                        date: *date,
                        by: *by,
                        reason: reason.clone(),
                        alerts: alerts.clone(),
                    });
                Ok(())
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn note(
        &mut self,
        customer: CustomerId,
        rule: AlertRule,
        since: NaiveDate,
        date: NaiveDate,
        by: UserId,
        until: Option<NaiveDate>,
        known: Known<'_>,
    ) -> Result<(), FoldError> {
        known.check(customer, by)?;
        self.notes.entry(customer).or_default().push(AlertNote {
            rule,
            since,
            date,
            by,
            until,
        });
        Ok(())
    }
}

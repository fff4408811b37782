//! Which entries of the journal a reader asked for: by customer, by who acted, by kind and by
//! a range of days (each entry's own date, or the day it was recorded when it has none), the
//! newest first. Every part left out matches everything.

use crate::base::ids::CustomerId;
use crate::journal::facts::EntryKind;
use crate::journal::reading::{JournalRows, Row};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub customer: Option<CustomerId>,
    /// Who acted, by name as the journal shows it (`JournalRows::who`).
    pub actor: Option<String>,
    pub kind: Option<EntryKind>,
    /// The first and last day, both included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A filter that can match nothing by its own terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterError {
    /// The first day is after the last.
    DatesReversed { from: NaiveDate, to: NaiveDate },
}

impl JournalFilter {
    /// Refuses a range whose first day is after its last, rather than showing nothing.
    pub fn check(&self) -> Result<(), FilterError> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from > to => Err(FilterError::DatesReversed { from, to }),
            _ => Ok(()),
        }
    }

    pub fn matches(&self, rows: &JournalRows, row: &Row) -> bool {
        let day = rows.day_of(row);
        self.customer.is_none_or(|id| {
            row.facts
                .customer
                .as_ref()
                .is_some_and(|customer| customer.id == id)
        }) && self
            .actor
            .as_ref()
            .is_none_or(|actor| rows.who(row) == actor)
            && self.kind.is_none_or(|kind| row.facts.kind() == kind)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
    }
}

/// The positions in `rows.rows()` of the entries `filter` matches, the newest first (the
/// last event first, and within an event its last entry first).
pub fn select(rows: &JournalRows, filter: &JournalFilter) -> Vec<usize> {
    rows.rows()
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, row)| filter.matches(rows, row))
        .map(|(position, _)| position)
        .collect()
}

//! What planning an import builds and returns: the commands with their rows, the problems
//! found, and the summary of what the import adds.

use crate::base::money::Money;
use crate::decide::Command;
use crate::import::problem::{Problem, RowError};
use crate::journal::{Entry, NextIds, Portfolio};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A payment that matched no invoice: unapplied cash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unapplied {
    /// 1-based row in the file.
    pub row: usize,
    pub customer: String,
    /// What is left unapplied (the whole payment when its reference matched nothing).
    pub money: Money,
}

/// What an import adds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub customers: usize,
    pub invoices: usize,
    pub payments: usize,
    pub credit_notes: usize,
    pub orders: usize,
    pub unapplied: Vec<Unapplied>,
    /// Rows identical to what the journal has: skipped.
    pub already_known: usize,
    /// Known customers whose "customer since" moves back to their first imported document.
    #[serde(default)]
    pub since_moved: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// The entries to append, as one event.
    pub entries: Vec<Entry>,
    pub summary: Summary,
}

/// The commands an import makes, each with the row it comes from, and the problems found.
pub(crate) struct Planner<'s> {
    pub state: &'s Portfolio,
    pub recorded_on: NaiveDate,
    pub next: NextIds,
    pub commands: Vec<(usize, Command)>,
    pub errors: Vec<RowError>,
    pub summary: Summary,
}

impl Planner<'_> {
    pub(crate) fn fail(&mut self, row: usize, column: Option<String>, problem: Problem) {
        self.errors.push(RowError {
            row,
            column,
            problem,
        });
    }
}

//! The collections' sub-state: per invoice the last rung done (and an escalation waiting),
//! the tasks done, the promises taken and each customer's collector.

use crate::base::fold::{check_new_id, FoldError, RecordKind};
use crate::base::ids::{CustomerId, InvoiceId, PromiseId, UserId};
use crate::base::money::Amount;
use crate::collections::entry::{CollectionsEntry, Outcome};
use crate::ledger::Ledger;
use crate::policy::{Channel, StepKind};
use crate::team::Team;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A reminder step done, for the customer's contact log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub offset_days: i32,
    pub step: StepKind,
    pub channel: Channel,
    pub outcome: Outcome,
    pub notes: String,
    pub invoices: Vec<InvoiceId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    pub id: PromiseId,
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub amount: Amount,
    #[serde(with = "crate::base::dates::date_serde")]
    pub due: NaiveDate,
    pub tolerance_days: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collections {
    /// Per invoice, the offset of the last rung done for it.
    pub done: BTreeMap<InvoiceId, i32>,
    /// Per invoice, the rung an escalation made due at once (until it is done).
    pub escalated: BTreeMap<InvoiceId, i32>,
    pub tasks: Vec<TaskRecord>,
    /// In id order.
    pub promises: Vec<Promise>,
    pub collectors: BTreeMap<CustomerId, UserId>,
}

/// What the fold looks records up in.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    pub ledger: &'a Ledger,
    pub team: &'a Team,
}

impl Known<'_> {
    fn customer(&self, id: CustomerId) -> Result<(), FoldError> {
        match self.ledger.customer(id) {
            Some(_) => Ok(()),
            None => Err(FoldError::Unknown {
                record: RecordKind::Customer,
                id: id.0,
            }),
        }
    }

    fn user(&self, id: UserId) -> Result<(), FoldError> {
        match self.team.user(id) {
            Some(_) => Ok(()),
            None => Err(FoldError::Unknown {
                record: RecordKind::User,
                id: id.0,
            }),
        }
    }

    /// Every invoice exists and is the customer's.
    fn invoices_of(&self, customer: CustomerId, invoices: &[InvoiceId]) -> Result<(), FoldError> {
        for id in invoices {
            match self.ledger.invoice(*id) {
                Some(invoice) if invoice.customer == customer => {}
                Some(_) => return Err(FoldError::ForeignAllocation { invoice: id.0 }),
                None => {
                    return Err(FoldError::Unknown {
                        record: RecordKind::Invoice,
                        id: id.0,
                    })
                }
            }
        }
        Ok(())
    }
}

impl Collections {
    pub fn next_promise(&self) -> PromiseId {
        PromiseId(self.promises.last().map_or(1, |p| p.id.0 + 1))
    }

    /// The last rung done for an invoice, if any.
    pub fn done_for(&self, invoice: InvoiceId) -> Option<i32> {
        self.done.get(&invoice).copied()
    }

    pub fn escalated_for(&self, invoice: InvoiceId) -> Option<i32> {
        self.escalated.get(&invoice).copied()
    }

    pub fn collector_of(&self, customer: CustomerId) -> Option<UserId> {
        self.collectors.get(&customer).copied()
    }

    pub fn promises_of(&self, customer: CustomerId) -> impl Iterator<Item = &Promise> {
        self.promises.iter().filter(move |p| p.customer == customer)
    }

    pub fn tasks_of(&self, customer: CustomerId) -> impl Iterator<Item = &TaskRecord> {
        self.tasks.iter().filter(move |t| t.customer == customer)
    }

    /// Folds one entry, checking every record it names. On an error nothing was applied.
    pub fn apply(&mut self, entry: &CollectionsEntry, known: Known<'_>) -> Result<(), FoldError> {
        match entry {
            CollectionsEntry::TaskCompleted {
                customer,
                by,
                invoices,
                ..
            } => {
                known.customer(*customer)?;
                known.user(*by)?;
                known.invoices_of(*customer, invoices)?;
                self.task_completed(entry);
                Ok(())
            }
            CollectionsEntry::StepEscalated {
                customer,
                by,
                offset_days,
                invoices,
                ..
            } => {
                known.customer(*customer)?;
                known.user(*by)?;
                known.invoices_of(*customer, invoices)?;
                for invoice in invoices {
                    self.escalated.insert(*invoice, *offset_days);
                }
                Ok(())
            }
            CollectionsEntry::PromiseRecorded { .. } => self.promised(entry, known),
            CollectionsEntry::CollectorAssigned {
                customer,
                by,
                collector,
                ..
            } => {
                known.customer(*customer)?;
                known.user(*by)?;
                match collector {
                    Some(user) => {
                        known.user(*user)?;
                        self.collectors.insert(*customer, *user);
                    }
                    None => {
                        self.collectors.remove(customer);
                    }
                }
                Ok(())
            }
        }
    }

    fn task_completed(&mut self, entry: &CollectionsEntry) {
        let CollectionsEntry::TaskCompleted {
            customer,
            date,
            by,
            offset_days,
            step,
            channel,
            outcome,
            notes,
            invoices,
        } = entry
        else {
            return;
        };
        for invoice in invoices {
            let done = self.done.entry(*invoice).or_insert(*offset_days);
            *done = (*done).max(*offset_days);
            if self.escalated.get(invoice).is_some_and(|to| to <= done) {
                self.escalated.remove(invoice);
            }
        }
        self.tasks.push(TaskRecord {
            customer: *customer,
            date: *date,
            by: *by,
            offset_days: *offset_days,
            step: *step,
            channel: *channel,
            outcome: *outcome,
            notes: notes.clone(),
            invoices: invoices.clone(),
        });
    }

    fn promised(&mut self, entry: &CollectionsEntry, known: Known<'_>) -> Result<(), FoldError> {
        let CollectionsEntry::PromiseRecorded {
            id,
            customer,
            date,
            by,
            amount,
            due,
            tolerance_days,
        } = entry
        else {
            return Ok(());
        };
        known.customer(*customer)?;
        known.user(*by)?;
        check_new_id(&self.promises, *id, |p| p.id, RecordKind::Promise, id.0)?;
        self.promises.push(Promise {
            id: *id,
            customer: *customer,
            date: *date,
            by: *by,
            amount: *amount,
            due: *due,
            tolerance_days: *tolerance_days,
        });
        Ok(())
    }
}

//! The collections' sub-state: the tasks done and the escalations (each dated, so where an
//! invoice stands on the ladder is derived as of any date), the promises taken and each
//! customer's collector.

use crate::base::fold::{check_new_id, FoldError, RecordKind};
use crate::base::ids::{CustomerId, InvoiceId, PlanId, PromiseId, ProposalId, UserId};
use crate::base::money::Amount;
use crate::collections::entry::{CollectionsEntry, Outcome};
use crate::collections::plans::{Plan, ProposalDecision, WriteOffProposal};
use crate::ledger::Ledger;
use crate::policy::{Channel, StepKind};
use crate::team::Team;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

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

/// An escalation past rungs, for the log and for the rungs as of a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Escalation {
    pub customer: CustomerId,
    #[serde(with = "crate::base::dates::date_serde")]
    pub date: NaiveDate,
    pub by: UserId,
    pub offset_days: i32,
    pub reason: String,
    pub invoices: Vec<InvoiceId>,
}

/// Where each invoice stands on the ladder on a date, derived from the tasks and
/// escalations dated by then (see `Collections::rungs_on`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rungs {
    done: HashMap<InvoiceId, i32>,
    escalated: HashMap<InvoiceId, i32>,
}

impl Rungs {
    /// The offset of the last rung done for the invoice, if any.
    pub fn done_for(&self, invoice: InvoiceId) -> Option<i32> {
        self.done.get(&invoice).copied()
    }

    /// The rung an escalation made due at once, while it is not done.
    pub fn escalated_for(&self, invoice: InvoiceId) -> Option<i32> {
        let to = self.escalated.get(&invoice).copied()?;
        self.done_for(invoice)
            .is_none_or(|done| done < to)
            .then_some(to)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collections {
    /// In the order they were recorded.
    pub tasks: Vec<TaskRecord>,
    pub escalations: Vec<Escalation>,
    /// In id order.
    pub promises: Vec<Promise>,
    pub collectors: BTreeMap<CustomerId, UserId>,
    /// Payment plans, in id order.
    pub plans: Vec<Plan>,
    /// Write-off proposals, in id order, decided or not.
    pub write_offs: Vec<WriteOffProposal>,
}

/// What the fold looks records up in.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    pub ledger: &'a Ledger,
    pub team: &'a Team,
}

impl Known<'_> {
    pub(crate) fn customer(&self, id: CustomerId) -> Result<(), FoldError> {
        match self.ledger.customer(id) {
            Some(_) => Ok(()),
            None => Err(FoldError::Unknown {
                record: RecordKind::Customer,
                id: id.0,
            }),
        }
    }

    pub(crate) fn user(&self, id: UserId) -> Result<(), FoldError> {
        match self.team.user(id) {
            Some(_) => Ok(()),
            None => Err(FoldError::Unknown {
                record: RecordKind::User,
                id: id.0,
            }),
        }
    }

    /// Every invoice exists and is the customer's.
    pub(crate) fn invoices_of(
        &self,
        customer: CustomerId,
        invoices: &[InvoiceId],
    ) -> Result<(), FoldError> {
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

    pub fn next_plan(&self) -> PlanId {
        PlanId(self.plans.last().map_or(1, |p| p.id.0 + 1))
    }

    pub fn next_proposal(&self) -> ProposalId {
        ProposalId(self.write_offs.last().map_or(1, |p| p.id.0 + 1))
    }

    pub fn proposal(&self, id: ProposalId) -> Option<&WriteOffProposal> {
        crate::base::fold::find(&self.write_offs, id, |p| p.id).map(|i| &self.write_offs[i])
    }

    pub fn plans_of(&self, customer: CustomerId) -> impl Iterator<Item = &Plan> {
        self.plans.iter().filter(move |p| p.customer == customer)
    }

    /// Each invoice's rungs as of `as_of`: only the tasks and escalations dated by then count.
    pub fn rungs_on(&self, as_of: NaiveDate) -> Rungs {
        let mut rungs = Rungs::default();
        for task in self.tasks.iter().filter(|t| t.date <= as_of) {
            for invoice in &task.invoices {
                let done = rungs.done.entry(*invoice).or_insert(task.offset_days);
                *done = (*done).max(task.offset_days);
            }
        }
        let mut escalations: Vec<&Escalation> = self
            .escalations
            .iter()
            .filter(|e| e.date <= as_of)
            .collect();
        escalations.sort_by_key(|e| e.date);
        for escalation in escalations {
            for invoice in &escalation.invoices {
                rungs.escalated.insert(*invoice, escalation.offset_days);
            }
        }
        rungs
    }

    /// The customer's promises made by `as_of`.
    pub fn promises_by(
        &self,
        customer: CustomerId,
        as_of: NaiveDate,
    ) -> impl Iterator<Item = &Promise> {
        self.promises_of(customer).filter(move |p| p.date <= as_of)
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
                date,
                by,
                offset_days,
                reason,
                invoices,
            } => {
                known.customer(*customer)?;
                known.user(*by)?;
                known.invoices_of(*customer, invoices)?;
                self.escalations.push(Escalation {
                    customer: *customer,
                    date: *date,
                    by: *by,
                    offset_days: *offset_days,
                    reason: reason.clone(),
                    invoices: invoices.clone(),
                });
                Ok(())
            }
            CollectionsEntry::PromiseRecorded { .. } => self.promised(entry, known),
            CollectionsEntry::WriteOffProposed { .. } => self.proposed(entry, known),
            CollectionsEntry::WriteOffApproved {
                proposal, date, by, ..
            } => self.decided(*proposal, known, (*date, *by, true, String::new())),
            CollectionsEntry::WriteOffRejected {
                proposal,
                date,
                by,
                reason,
            } => self.decided(*proposal, known, (*date, *by, false, reason.clone())),
            CollectionsEntry::PlanAgreed { .. } => self.planned(entry, known),
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

    fn proposed(&mut self, entry: &CollectionsEntry, known: Known<'_>) -> Result<(), FoldError> {
        let CollectionsEntry::WriteOffProposed {
            id,
            invoice,
            customer,
            date,
            by,
            amount,
            reason,
        } = entry
        else {
            return Ok(());
        };
        known.customer(*customer)?;
        known.user(*by)?;
        known.invoices_of(*customer, &[*invoice])?;
        check_new_id(
            &self.write_offs,
            *id,
            |p| p.id,
            RecordKind::WriteOffProposal,
            id.0,
        )?;
        self.write_offs.push(WriteOffProposal {
            id: *id,
            invoice: *invoice,
            customer: *customer,
            date: *date,
            by: *by,
            amount: *amount,
            reason: reason.clone(),
            decision: None,
        });
        Ok(())
    }

    /// A proposal decided: it must exist and wait for a decision.
    fn decided(
        &mut self,
        id: ProposalId,
        known: Known<'_>,
        (date, by, approved, reason): (NaiveDate, UserId, bool, String),
    ) -> Result<(), FoldError> {
        known.user(by)?;
        let unknown = FoldError::Unknown {
            record: RecordKind::WriteOffProposal,
            id: id.0,
        };
        let index =
            crate::base::fold::find(&self.write_offs, id, |p| p.id).ok_or(unknown.clone())?;
        let proposal = &mut self.write_offs[index];
        if proposal.decision.is_some() {
            return Err(FoldError::Duplicate {
                record: RecordKind::WriteOffProposal,
                id: id.0,
            });
        }
        proposal.decision = Some(ProposalDecision {
            date,
            by,
            approved,
            reason,
        });
        Ok(())
    }

    fn planned(&mut self, entry: &CollectionsEntry, known: Known<'_>) -> Result<(), FoldError> {
        let CollectionsEntry::PlanAgreed {
            id,
            customer,
            date,
            by,
            invoices,
            instalments,
            tolerance_days,
        } = entry
        else {
            return Ok(());
        };
        known.customer(*customer)?;
        known.user(*by)?;
        known.invoices_of(*customer, invoices)?;
        check_new_id(&self.plans, *id, |p| p.id, RecordKind::Plan, id.0)?;
        self.plans.push(Plan {
            id: *id,
            customer: *customer,
            date: *date,
            by: *by,
            invoices: invoices.clone(),
            instalments: instalments.clone(),
            tolerance_days: *tolerance_days,
        });
        Ok(())
    }
}

//! The portfolio state: a fold of journal entries. It is a cache of the journal, never a
//! source of truth; `apply` is total because entries were validated when they were decided.

use crate::credit::CreditPolicy;
use crate::journal::ChainHead;
use crate::limits::{LimitRequest, RequestId, RequestStatus, User, UserId};
use crate::model::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Everything derived from the journal so far. Records are kept in id order, so lookups are
/// binary searches and the state serialises compactly as a snapshot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub payments: Vec<Payment>,
    pub credit_notes: Vec<CreditNote>,
    pub orders: Vec<Order>,
    pub disputes: Vec<Dispute>,
    /// Every write-off in journal order, with its date (the invoice keeps only the total).
    pub write_offs: Vec<WriteOff>,
    /// Every credit policy journalled, with the date it took effect, oldest first.
    pub policies: Vec<(chrono::NaiveDate, CreditPolicy)>,
    /// Local user profiles, in id order.
    pub users: Vec<User>,
    /// Every limit request with its outcome, in id order.
    pub limit_requests: Vec<LimitRequest>,
    /// Host page origins the embedded widget answers, exactly as a browser writes them.
    pub widget_origins: Vec<String>,
    /// The last event folded in; `None` for an empty journal.
    pub head: Option<ChainHead>,
    /// Uniqueness indexes, rebuilt after loading a snapshot (see `rebuild_indexes`).
    #[serde(skip)]
    indexes: Indexes,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Indexes {
    invoice_numbers: HashMap<String, InvoiceId>,
    credit_note_numbers: HashMap<String, CreditNoteId>,
    customer_numbers: HashMap<String, CustomerId>,
}

/// The next free id of each kind, for the shell to put into commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextIds {
    pub customer: CustomerId,
    pub invoice: InvoiceId,
    pub payment: PaymentId,
    pub credit_note: CreditNoteId,
    pub order: OrderId,
    pub dispute: DisputeId,
    pub user: UserId,
    pub request: RequestId,
}

fn find<T, K: Ord + Copy>(items: &[T], id: K, key: impl Fn(&T) -> K) -> Option<usize> {
    items.binary_search_by(|item| key(item).cmp(&id)).ok()
}

impl Portfolio {
    pub fn customer(&self, id: CustomerId) -> Option<&Customer> {
        find(&self.customers, id, |c| c.id).map(|index| &self.customers[index])
    }
    pub fn invoice(&self, id: InvoiceId) -> Option<&Invoice> {
        find(&self.invoices, id, |i| i.id).map(|index| &self.invoices[index])
    }
    pub fn payment(&self, id: PaymentId) -> Option<&Payment> {
        find(&self.payments, id, |p| p.id).map(|index| &self.payments[index])
    }
    pub fn credit_note(&self, id: CreditNoteId) -> Option<&CreditNote> {
        find(&self.credit_notes, id, |n| n.id).map(|index| &self.credit_notes[index])
    }
    pub fn order(&self, id: OrderId) -> Option<&Order> {
        find(&self.orders, id, |o| o.id).map(|index| &self.orders[index])
    }
    pub fn dispute(&self, id: DisputeId) -> Option<&Dispute> {
        find(&self.disputes, id, |d| d.id).map(|index| &self.disputes[index])
    }
    pub fn user(&self, id: UserId) -> Option<&User> {
        find(&self.users, id, |u| u.id).map(|index| &self.users[index])
    }
    pub fn limit_request(&self, id: RequestId) -> Option<&LimitRequest> {
        find(&self.limit_requests, id, |r| r.id).map(|index| &self.limit_requests[index])
    }
    /// The credit policy in force: the latest one journalled, or the default policy.
    pub fn policy(&self) -> CreditPolicy {
        self.policies
            .last()
            .map_or_else(CreditPolicy::default, |(_, policy)| policy.clone())
    }
    pub fn invoice_by_number(&self, number: &str) -> Option<InvoiceId> {
        self.indexes.invoice_numbers.get(number).copied()
    }
    pub fn credit_note_by_number(&self, number: &str) -> Option<CreditNoteId> {
        self.indexes.credit_note_numbers.get(number).copied()
    }
    pub fn customer_by_number(&self, number: &str) -> Option<CustomerId> {
        self.indexes.customer_numbers.get(number).copied()
    }

    /// Index of a customer in `customers`, for per-customer arrays computed by reports.
    pub fn customer_index(&self, id: CustomerId) -> Option<usize> {
        find(&self.customers, id, |c| c.id)
    }

    pub fn next_ids(&self) -> NextIds {
        NextIds {
            customer: CustomerId(self.customers.last().map_or(1, |c| c.id.0 + 1)),
            invoice: InvoiceId(self.invoices.last().map_or(1, |i| i.id.0 + 1)),
            payment: PaymentId(self.payments.last().map_or(1, |p| p.id.0 + 1)),
            credit_note: CreditNoteId(self.credit_notes.last().map_or(1, |n| n.id.0 + 1)),
            order: OrderId(self.orders.last().map_or(1, |o| o.id.0 + 1)),
            dispute: DisputeId(self.disputes.last().map_or(1, |d| d.id.0 + 1)),
            user: UserId(self.users.last().map_or(1, |u| u.id.0 + 1)),
            request: RequestId(self.limit_requests.last().map_or(1, |r| r.id.0 + 1)),
        }
    }

    /// A customer number not yet in use, following the `C000001` pattern.
    pub fn next_customer_number(&self) -> String {
        let mut candidate = self.next_ids().customer.0;
        loop {
            let number = format!("C{candidate:06}");
            if self.customer_by_number(&number).is_none() {
                return number;
            }
            candidate += 1;
        }
    }

    /// Restores the indexes that snapshots do not carry.
    pub fn rebuild_indexes(&mut self) {
        self.indexes.invoice_numbers = self
            .invoices
            .iter()
            .map(|invoice| (invoice.number.clone(), invoice.id))
            .collect();
        self.indexes.customer_numbers = self
            .customers
            .iter()
            .map(|customer| (customer.details.number.clone(), customer.id))
            .collect();
        self.indexes.credit_note_numbers = self
            .credit_notes
            .iter()
            .map(|note| (note.number.clone(), note.id))
            .collect();
    }

    fn customer_mut(&mut self, id: CustomerId) -> &mut Customer {
        let index = find(&self.customers, id, |c| c.id);
        // Entries are validated by `decide` before they are applied, so the id exists.
        &mut self.customers[index.expect("entry refers to a registered customer")]
    }

    fn invoice_mut(&mut self, id: InvoiceId) -> &mut Invoice {
        let index = find(&self.invoices, id, |i| i.id);
        // Validated by `decide`, as above.
        &mut self.invoices[index.expect("entry refers to an issued invoice")]
    }

    fn allocate(&mut self, allocations: &[Allocation], date: chrono::NaiveDate, is_credit: bool) {
        for allocation in allocations {
            let invoice = self.invoice_mut(allocation.invoice);
            if is_credit {
                invoice.credited += allocation.amount;
            } else {
                invoice.paid += allocation.amount;
            }
            if invoice.open().is_zero() && invoice.settled_on.is_none() {
                invoice.settled_on = Some(date);
            }
        }
    }

    /// Folds one validated entry into the state.
    pub fn apply(&mut self, entry: &Entry) {
        match entry {
            Entry::CustomerRegistered { id, date, details } => {
                self.indexes
                    .customer_numbers
                    .insert(details.number.clone(), *id);
                self.customers.push(Customer {
                    id: *id,
                    registered_on: *date,
                    details: details.clone(),
                    invoices: Vec::new(),
                    payments: Vec::new(),
                    credit_notes: Vec::new(),
                    orders: Vec::new(),
                    unapplied_cash: Decimal::ZERO,
                    unapplied_credit: Decimal::ZERO,
                    credit_file: Vec::new(),
                    limit_requests: Vec::new(),
                    hold_log: Vec::new(),
                });
            }
            Entry::CustomerUpdated { id, details } => {
                let old_number = self.customer_mut(*id).details.number.clone();
                self.indexes.customer_numbers.remove(&old_number);
                self.indexes
                    .customer_numbers
                    .insert(details.number.clone(), *id);
                self.customer_mut(*id).details = details.clone();
            }
            Entry::InvoiceIssued {
                id,
                customer,
                number,
                issue_date,
                due_date,
                terms_days,
                amount,
            } => {
                self.indexes.invoice_numbers.insert(number.clone(), *id);
                self.customer_mut(*customer).invoices.push(*id);
                self.invoices.push(Invoice {
                    id: *id,
                    customer: *customer,
                    number: number.clone(),
                    issue_date: *issue_date,
                    due_date: *due_date,
                    terms_days: *terms_days,
                    amount: *amount,
                    paid: Decimal::ZERO,
                    credited: Decimal::ZERO,
                    written_off: Decimal::ZERO,
                    settled_on: None,
                    disputed: Decimal::ZERO,
                });
            }
            Entry::PaymentReceived {
                id,
                customer,
                date,
                amount,
                reference,
                allocations,
            } => {
                self.allocate(allocations, *date, false);
                let payment = Payment {
                    id: *id,
                    customer: *customer,
                    date: *date,
                    amount: *amount,
                    reference: reference.clone(),
                    allocations: allocations.clone(),
                };
                let account = self.customer_mut(*customer);
                account.unapplied_cash += payment.unapplied();
                account.payments.push(*id);
                self.payments.push(payment);
            }
            Entry::CreditNoteIssued {
                id,
                customer,
                number,
                date,
                amount,
                reason,
                allocations,
            } => {
                self.indexes.credit_note_numbers.insert(number.clone(), *id);
                self.allocate(allocations, *date, true);
                let applied: Decimal = allocations.iter().map(|a| a.amount).sum();
                let account = self.customer_mut(*customer);
                account.unapplied_credit += amount.amount - applied;
                account.credit_notes.push(*id);
                self.credit_notes.push(CreditNote {
                    id: *id,
                    customer: *customer,
                    number: number.clone(),
                    date: *date,
                    amount: *amount,
                    reason: reason.clone(),
                    allocations: allocations.clone(),
                });
            }
            Entry::InvoiceWrittenOff {
                invoice,
                date,
                amount,
                ..
            } => {
                self.invoice_mut(*invoice).written_off += *amount;
                self.write_offs.push(WriteOff {
                    invoice: *invoice,
                    date: *date,
                    amount: *amount,
                });
            }
            Entry::OrderOpened {
                id,
                customer,
                number,
                date,
                amount,
            } => {
                self.customer_mut(*customer).orders.push(*id);
                self.orders.push(Order {
                    id: *id,
                    customer: *customer,
                    number: number.clone(),
                    date: *date,
                    amount: *amount,
                    closed: None,
                    release: None,
                });
            }
            Entry::OrderClosed { id, date, closure } => {
                if let Some(index) = find(&self.orders, *id, |o| o.id) {
                    self.orders[index].closed = Some((*date, *closure));
                }
            }
            Entry::DisputeOpened {
                id,
                invoice,
                date,
                amount,
                reason,
            } => {
                self.invoice_mut(*invoice).disputed += *amount;
                self.disputes.push(Dispute {
                    id: *id,
                    invoice: *invoice,
                    date: *date,
                    amount: *amount,
                    reason: reason.clone(),
                    resolved: None,
                });
            }
            Entry::DisputeResolved { id, date, outcome } => {
                if let Some(index) = find(&self.disputes, *id, |d| d.id) {
                    let dispute = &mut self.disputes[index];
                    dispute.resolved = Some((*date, *outcome));
                    let (invoice, amount) = (dispute.invoice, dispute.amount);
                    self.invoice_mut(invoice).disputed -= amount;
                }
            }
            Entry::CreditRecordAdded {
                customer,
                recorded_on,
                record,
            } => {
                self.customer_mut(*customer)
                    .credit_file
                    .push((*recorded_on, record.clone()));
            }
            Entry::PolicyChanged { date, policy } => {
                self.policies.push((*date, policy.as_ref().clone()));
            }
            other => self.apply_limit_entry(other),
        }
    }

    fn request_mut(&mut self, id: RequestId) -> &mut LimitRequest {
        let index = find(&self.limit_requests, id, |r| r.id);
        // Validated by `decide`, as above.
        &mut self.limit_requests[index.expect("entry refers to a limit request")]
    }

    /// Folds users, limit requests and their outcomes, holds, released orders and the widget's
    /// origins.
    fn apply_limit_entry(&mut self, entry: &Entry) {
        match entry {
            Entry::UserAdded { id, name, role } => self.users.push(User {
                id: *id,
                name: name.clone(),
                role: *role,
            }),
            Entry::UserChanged { id, name, role } => {
                if let Some(index) = find(&self.users, *id, |u| u.id) {
                    self.users[index].name = name.clone();
                    self.users[index].role = *role;
                }
            }
            Entry::LimitRequested {
                id,
                customer,
                date,
                by,
                amount,
                reason,
                until,
            } => {
                self.customer_mut(*customer).limit_requests.push(*id);
                self.limit_requests.push(LimitRequest {
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
            }
            Entry::LimitApproved {
                request,
                date,
                by,
                comment,
                review_on,
                grade,
            } => {
                self.request_mut(*request).status = RequestStatus::Approved {
                    by: *by,
                    date: *date,
                    comment: comment.clone(),
                    review_on: *review_on,
                    grade: *grade,
                };
            }
            Entry::LimitRejected {
                request,
                date,
                by,
                comment,
            } => {
                self.request_mut(*request).status = RequestStatus::Rejected {
                    by: *by,
                    date: *date,
                    comment: comment.clone(),
                };
            }
            Entry::LimitLapsed { request, date } => {
                self.request_mut(*request).lapse_recorded = Some(*date);
            }
            Entry::HoldPlaced {
                customer,
                date,
                by,
                reason,
            }
            | Entry::HoldReleased {
                customer,
                date,
                by,
                reason,
            } => {
                let placed = matches!(entry, Entry::HoldPlaced { .. });
                self.customer_mut(*customer).hold_log.push(HoldChange {
                    date: *date,
                    by: *by,
                    reason: reason.clone(),
                    placed,
                });
            }
            Entry::OrderReleased {
                order,
                date,
                by,
                reason,
                blocked_for,
            } => {
                if let Some(index) = find(&self.orders, *order, |o| o.id) {
                    self.orders[index].release = Some(OrderRelease {
                        date: *date,
                        by: *by,
                        reason: reason.clone(),
                        blocked_for: blocked_for.clone(),
                    });
                }
            }
            Entry::WidgetOriginsSet { origins, .. } => self.widget_origins = origins.clone(),
            // Every other entry is folded by `apply`.
            _ => {}
        }
    }
}

//! The ledger's sub-state: a fold of ledger entries. It is a cache of the journal, never a
//! source of truth. Records are kept in id order, so lookups are binary searches and the
//! state serialises compactly in a snapshot. The fold trusts nothing it reads: an entry that
//! names an unknown record, reuses an id or number, or gives an invoice an amount with more
//! decimals than its currency has is a `FoldError`, never a panic.

use crate::base::fold::{check_new_id, find, FoldError, RecordKind};
use crate::base::ids::*;
use crate::base::money::Part;
use crate::ledger::entry::{Allocation, CustomerDetails, LedgerEntry};
use crate::ledger::records::*;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Customers, invoices, payments, credit notes, orders, disputes and write-offs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub customers: Vec<Customer>,
    pub invoices: Vec<Invoice>,
    pub payments: Vec<Payment>,
    pub credit_notes: Vec<CreditNote>,
    pub orders: Vec<Order>,
    pub disputes: Vec<Dispute>,
    /// Every write-off in journal order, with its date (the invoice keeps only the total).
    pub write_offs: Vec<WriteOff>,
    /// Uniqueness indexes and the latest date, rebuilt after loading a snapshot (see
    /// `rebuild_indexes`).
    #[serde(skip)]
    indexes: Indexes,
}

/// Derived from the records, never stored. The number maps are built on first use: opening a
/// snapshot should not pay for them (portfolio L's 249 k invoice numbers: ~60 ms), and the
/// field check and the widget only ever look customers up.
#[derive(Clone, Debug, Default)]
struct Indexes {
    invoice_numbers: OnceLock<HashMap<String, InvoiceId>>,
    credit_note_numbers: OnceLock<HashMap<String, CreditNoteId>>,
    customer_numbers: OnceLock<HashMap<String, CustomerId>>,
    /// The latest date of anything that sets an invoice's open amount: an issue, a payment,
    /// a credit note, a write-off (`None` before the first).
    latest_dated: Option<NaiveDate>,
}

/// The maps follow from the records, which the ledger compares anyway; whether a map has been
/// built yet says nothing about the state.
impl PartialEq for Indexes {
    fn eq(&self, other: &Indexes) -> bool {
        self.latest_dated == other.latest_dated
    }
}

/// The number → id map of some records.
fn number_map<R, I: Copy>(records: &[R], key: impl Fn(&R) -> (&String, I)) -> HashMap<String, I> {
    records
        .iter()
        .map(|record| {
            let (number, id) = key(record);
            (number.clone(), id)
        })
        .collect()
}

impl Ledger {
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
    /// The date of the customer's earliest invoice, payment, credit note or order.
    pub fn first_record_on(&self, customer: &Customer) -> Option<NaiveDate> {
        let invoices = customer.invoices.iter().filter_map(|id| self.invoice(*id));
        let payments = customer.payments.iter().filter_map(|id| self.payment(*id));
        let notes = customer
            .credit_notes
            .iter()
            .filter_map(|id| self.credit_note(*id));
        let orders = customer.orders.iter().filter_map(|id| self.order(*id));
        (invoices.map(|i| i.issue_date))
            .chain(payments.map(|p| p.date))
            .chain(notes.map(|n| n.date))
            .chain(orders.map(|o| o.date))
            .min()
    }
    pub fn invoice_by_number(&self, number: &str) -> Option<InvoiceId> {
        let map = (self.indexes.invoice_numbers)
            .get_or_init(|| number_map(&self.invoices, |i| (&i.number, i.id)));
        map.get(number).copied()
    }
    pub fn credit_note_by_number(&self, number: &str) -> Option<CreditNoteId> {
        let map = (self.indexes.credit_note_numbers)
            .get_or_init(|| number_map(&self.credit_notes, |n| (&n.number, n.id)));
        map.get(number).copied()
    }
    pub fn customer_by_number(&self, number: &str) -> Option<CustomerId> {
        let map = (self.indexes.customer_numbers)
            .get_or_init(|| number_map(&self.customers, |c| (&c.details.number, c.id)));
        map.get(number).copied()
    }

    /// Position of an invoice in `invoices`: an offset when the ids are dense, as `next_ids`
    /// hands them out (a binary search through 250,000 records costs a cache miss a step),
    /// otherwise a search.
    pub fn invoice_position(&self, id: InvoiceId) -> Option<usize> {
        let first = self.invoices.first()?.id.0;
        let last = self.invoices.last()?.id.0;
        if (last - first) as usize + 1 == self.invoices.len() {
            id.0.checked_sub(first)
                .map(|offset| offset as usize)
                .filter(|index| *index < self.invoices.len())
        } else {
            find(&self.invoices, id, |i| i.id)
        }
    }

    /// Index of a customer in `customers`, for per-customer arrays computed by reports.
    pub fn customer_index(&self, id: CustomerId) -> Option<usize> {
        find(&self.customers, id, |c| c.id)
    }

    /// A customer number not yet in use, following the `C000001` pattern.
    pub fn next_customer_number(&self) -> String {
        let mut candidate = self.customers.last().map_or(1, |c| c.id.0 + 1);
        loop {
            let number = format!("C{candidate:06}");
            if self.customer_by_number(&number).is_none() {
                return number;
            }
            candidate += 1;
        }
    }

    /// Whether nothing that sets an open amount is dated after `as_of`: then every invoice's
    /// open amount on `as_of` is its current one (the as-of figures' fast path).
    pub fn all_dated_by(&self, as_of: NaiveDate) -> bool {
        self.indexes
            .latest_dated
            .is_none_or(|latest| latest <= as_of)
    }

    fn note_date(&mut self, date: NaiveDate) {
        let latest = &mut self.indexes.latest_dated;
        *latest = Some(latest.map_or(date, |known| known.max(date)));
    }

    /// Restores the indexes that snapshots do not carry: the latest date now, the number maps
    /// when first asked.
    pub fn rebuild_indexes(&mut self) {
        self.indexes = Indexes::default();
        let dates: Vec<NaiveDate> = (self.invoices.iter().map(|i| i.issue_date))
            .chain(self.payments.iter().map(|p| p.date))
            .chain(self.credit_notes.iter().map(|n| n.date))
            .chain(self.write_offs.iter().map(|w| w.date))
            .collect();
        if let Some(latest) = dates.into_iter().max() {
            self.note_date(latest);
        }
    }

    fn customer_mut(&mut self, id: CustomerId) -> Result<&mut Customer, FoldError> {
        let unknown = FoldError::Unknown {
            record: RecordKind::Customer,
            id: id.0,
        };
        let index = find(&self.customers, id, |c| c.id).ok_or(unknown)?;
        Ok(&mut self.customers[index])
    }

    fn invoice_mut(&mut self, id: InvoiceId) -> Result<&mut Invoice, FoldError> {
        let unknown = FoldError::Unknown {
            record: RecordKind::Invoice,
            id: id.0,
        };
        let index = find(&self.invoices, id, |i| i.id).ok_or(unknown)?;
        Ok(&mut self.invoices[index])
    }

    /// Checks every allocation names an invoice of `customer` before any is applied, so a
    /// bad one leaves the invoices untouched.
    fn check_allocations(
        &self,
        customer: CustomerId,
        allocations: &[Allocation],
    ) -> Result<(), FoldError> {
        for allocation in allocations {
            let invoice = self.invoice(allocation.invoice).ok_or(FoldError::Unknown {
                record: RecordKind::Invoice,
                id: allocation.invoice.0,
            })?;
            if invoice.customer != customer {
                return Err(FoldError::ForeignAllocation {
                    invoice: allocation.invoice.0,
                });
            }
            check_part(invoice, allocation.amount)?;
        }
        Ok(())
    }

    fn allocate(&mut self, allocations: &[Allocation], date: NaiveDate, is_credit: bool) {
        for allocation in allocations {
            // The invoice is settled on the latest date among all that reduced it, which is
            // not this entry's when an earlier-recorded payment is dated later (a payment
            // recorded today, dated next week, and then a backdated one that completes it).
            // Only an invoice reduced before has earlier dates to look up: most are settled
            // by one payment, and the fold of portfolio L stays one pass.
            let settles = self.invoice(allocation.invoice).is_some_and(|invoice| {
                invoice.settled_on.is_none()
                    && invoice.open() != invoice.amount.value()
                    && (invoice.open() - allocation.amount.value()).is_zero()
            });
            let earlier = settles
                .then(|| self.latest_reduction_on(allocation.invoice))
                .flatten();
            let Ok(invoice) = self.invoice_mut(allocation.invoice) else {
                continue; // checked by `check_allocations` before
            };
            if is_credit {
                invoice.credited += allocation.amount.value();
            } else {
                invoice.paid += allocation.amount.value();
            }
            if invoice.open().is_zero() && invoice.settled_on.is_none() {
                invoice.settled_on = Some(earlier.map_or(date, |earlier| earlier.max(date)));
            }
        }
    }

    /// The latest date of a payment, credit note or write-off already folded into `id`.
    fn latest_reduction_on(&self, id: InvoiceId) -> Option<NaiveDate> {
        let invoice = self.invoice(id)?;
        let customer = self.customer(invoice.customer)?;
        let touches = |allocations: &[Allocation]| allocations.iter().any(|a| a.invoice == id);
        let paid = (customer.payments.iter())
            .filter_map(|p| self.payment(*p))
            .filter(|p| touches(&p.allocations))
            .map(|p| p.date);
        let credited = (customer.credit_notes.iter())
            .filter_map(|n| self.credit_note(*n))
            .filter(|n| touches(&n.allocations))
            .map(|n| n.date);
        let written = (!invoice.written_off.is_zero())
            .then(|| {
                let dates = self.write_offs.iter().filter(|w| w.invoice == id);
                dates.map(|w| w.date).max()
            })
            .flatten();
        paid.chain(credited).max().max(written)
    }

    /// Folds one ledger entry into the state. On an error nothing of the entry was applied.
    /// The match lists every kind, so a new kind of entry that is not folded fails to compile.
    pub fn apply(&mut self, entry: &LedgerEntry) -> Result<(), FoldError> {
        let applied = match entry {
            LedgerEntry::CustomerRegistered { .. }
            | LedgerEntry::CustomerUpdated { .. }
            | LedgerEntry::CustomerSinceChanged { .. }
            | LedgerEntry::InvoiceIssued { .. }
            | LedgerEntry::PaymentReceived { .. }
            | LedgerEntry::CreditNoteIssued { .. } => self.apply_account(entry),
            LedgerEntry::InvoiceWrittenOff { .. }
            | LedgerEntry::OrderOpened { .. }
            | LedgerEntry::OrderClosed { .. }
            | LedgerEntry::DisputeOpened { .. }
            | LedgerEntry::DisputeResolved { .. } => self.apply_other(entry),
        };
        if applied.is_ok() {
            if let LedgerEntry::InvoiceIssued {
                issue_date: date, ..
            }
            | LedgerEntry::PaymentReceived { date, .. }
            | LedgerEntry::CreditNoteIssued { date, .. }
            | LedgerEntry::InvoiceWrittenOff { date, .. } = entry
            {
                self.note_date(*date);
            }
        }
        applied
    }

    /// Customers, invoices, payments and credit notes.
    fn apply_account(&mut self, entry: &LedgerEntry) -> Result<(), FoldError> {
        match entry {
            LedgerEntry::CustomerRegistered { id, date, details } => {
                self.register(*id, *date, details)
            }
            LedgerEntry::CustomerUpdated { id, details } => self.update(*id, details),
            LedgerEntry::CustomerSinceChanged { id, since } => {
                self.customer_mut(*id)?.registered_on = *since;
                Ok(())
            }
            LedgerEntry::InvoiceIssued {
                id,
                customer,
                number,
                issue_date,
                due_date,
                terms_days,
                amount,
            } => self.issue(Invoice {
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
            }),
            LedgerEntry::PaymentReceived {
                id,
                customer,
                date,
                amount,
                reference,
                allocations,
            } => self.receive(Payment {
                id: *id,
                customer: *customer,
                date: *date,
                amount: *amount,
                reference: reference.clone(),
                allocations: allocations.clone(),
            }),
            LedgerEntry::CreditNoteIssued {
                id,
                customer,
                number,
                date,
                amount,
                reason,
                allocations,
            } => self.credit(CreditNote {
                id: *id,
                customer: *customer,
                number: number.clone(),
                date: *date,
                amount: *amount,
                reason: reason.clone(),
                allocations: allocations.clone(),
            }),
            _ => Ok(()), // the other kinds are folded by `apply_other`
        }
    }

    fn dispute_opened(&mut self, entry: &LedgerEntry) -> Result<(), FoldError> {
        let LedgerEntry::DisputeOpened {
            id,
            invoice,
            date,
            amount,
            reason,
            category,
            notes,
            owner,
        } = entry
        else {
            return Ok(());
        };
        self.open_dispute(Dispute {
            id: *id,
            invoice: *invoice,
            date: *date,
            amount: *amount,
            reason: reason.clone(),
            category: *category,
            notes: notes.clone(),
            owner: *owner,
            resolved: None,
        })
    }

    /// Write-offs, orders and disputes.
    fn apply_other(&mut self, entry: &LedgerEntry) -> Result<(), FoldError> {
        match entry {
            LedgerEntry::InvoiceWrittenOff {
                invoice,
                date,
                amount,
                ..
            } => {
                let written_off = self.invoice_mut(*invoice)?;
                check_part(written_off, *amount)?;
                written_off.written_off += amount.value();
                self.write_offs.push(WriteOff {
                    invoice: *invoice,
                    date: *date,
                    amount: *amount,
                });
                Ok(())
            }
            LedgerEntry::OrderOpened {
                id,
                customer,
                number,
                date,
                amount,
            } => self.open_order(Order {
                id: *id,
                customer: *customer,
                number: number.clone(),
                date: *date,
                amount: *amount,
                closed: None,
            }),
            LedgerEntry::OrderClosed { id, date, closure } => {
                let index = find(&self.orders, *id, |o| o.id).ok_or(FoldError::Unknown {
                    record: RecordKind::Order,
                    id: id.0,
                })?;
                self.orders[index].closed = Some((*date, *closure));
                Ok(())
            }
            LedgerEntry::DisputeOpened { .. } => self.dispute_opened(entry),
            LedgerEntry::DisputeResolved { id, date, outcome } => {
                let index = find(&self.disputes, *id, |d| d.id).ok_or(FoldError::Unknown {
                    record: RecordKind::Dispute,
                    id: id.0,
                })?;
                let (invoice, amount) = (self.disputes[index].invoice, self.disputes[index].amount);
                self.invoice_mut(invoice)?.disputed -= amount.value();
                self.disputes[index].resolved = Some((*date, *outcome));
                Ok(())
            }
            _ => Ok(()), // the other kinds are folded by `apply_account`
        }
    }

    fn register(
        &mut self,
        id: CustomerId,
        date: NaiveDate,
        details: &CustomerDetails,
    ) -> Result<(), FoldError> {
        check_new_id(&self.customers, id, |c| c.id, RecordKind::Customer, id.0)?;
        self.check_customer_number(&details.number, id)?;
        if let Some(map) = self.indexes.customer_numbers.get_mut() {
            map.insert(details.number.clone(), id);
        }
        self.customers.push(Customer {
            id,
            registered_on: date,
            details: details.clone(),
            invoices: Vec::new(),
            payments: Vec::new(),
            credit_notes: Vec::new(),
            orders: Vec::new(),
            unapplied_cash: Decimal::ZERO,
            unapplied_credit: Decimal::ZERO,
        });
        Ok(())
    }

    fn check_customer_number(&self, number: &str, id: CustomerId) -> Result<(), FoldError> {
        match self.customer_by_number(number) {
            Some(other) if other != id => Err(FoldError::DuplicateNumber {
                record: RecordKind::Customer,
                number: number.to_string(),
            }),
            _ => Ok(()),
        }
    }

    fn update(&mut self, id: CustomerId, details: &CustomerDetails) -> Result<(), FoldError> {
        self.check_customer_number(&details.number, id)?;
        let customer = self.customer_mut(id)?;
        let old_number = std::mem::replace(&mut customer.details, details.clone()).number;
        if let Some(map) = self.indexes.customer_numbers.get_mut() {
            map.remove(&old_number);
            map.insert(details.number.clone(), id);
        }
        Ok(())
    }

    fn issue(&mut self, invoice: Invoice) -> Result<(), FoldError> {
        let id = invoice.id;
        check_new_id(&self.invoices, id, |i| i.id, RecordKind::Invoice, id.0)?;
        if self.invoice_by_number(&invoice.number).is_some() {
            return Err(FoldError::DuplicateNumber {
                record: RecordKind::Invoice,
                number: invoice.number,
            });
        }
        self.customer_mut(invoice.customer)?.invoices.push(id);
        if let Some(map) = self.indexes.invoice_numbers.get_mut() {
            map.insert(invoice.number.clone(), id);
        }
        self.invoices.push(invoice);
        Ok(())
    }

    fn receive(&mut self, payment: Payment) -> Result<(), FoldError> {
        let id = payment.id;
        check_new_id(&self.payments, id, |p| p.id, RecordKind::Payment, id.0)?;
        self.check_allocations(payment.customer, &payment.allocations)?;
        let account = self.customer_mut(payment.customer)?;
        account.unapplied_cash += payment.unapplied();
        account.payments.push(id);
        self.allocate(&payment.allocations, payment.date, false);
        self.payments.push(payment);
        Ok(())
    }

    fn credit(&mut self, note: CreditNote) -> Result<(), FoldError> {
        let id = note.id;
        check_new_id(
            &self.credit_notes,
            id,
            |n| n.id,
            RecordKind::CreditNote,
            id.0,
        )?;
        if self.credit_note_by_number(&note.number).is_some() {
            return Err(FoldError::DuplicateNumber {
                record: RecordKind::CreditNote,
                number: note.number,
            });
        }
        self.check_allocations(note.customer, &note.allocations)?;
        let account = self.customer_mut(note.customer)?;
        account.unapplied_credit += note.unapplied();
        account.credit_notes.push(id);
        if let Some(map) = self.indexes.credit_note_numbers.get_mut() {
            map.insert(note.number.clone(), id);
        }
        self.allocate(&note.allocations, note.date, true);
        self.credit_notes.push(note);
        Ok(())
    }

    fn open_order(&mut self, order: Order) -> Result<(), FoldError> {
        let id = order.id;
        check_new_id(&self.orders, id, |o| o.id, RecordKind::Order, id.0)?;
        self.customer_mut(order.customer)?.orders.push(id);
        self.orders.push(order);
        Ok(())
    }

    fn open_dispute(&mut self, dispute: Dispute) -> Result<(), FoldError> {
        let id = dispute.id;
        check_new_id(&self.disputes, id, |d| d.id, RecordKind::Dispute, id.0)?;
        let invoice = self.invoice_mut(dispute.invoice)?;
        check_part(invoice, dispute.amount)?;
        invoice.disputed += dispute.amount.value();
        self.disputes.push(dispute);
        Ok(())
    }
}

/// A part of `invoice`'s currency read back (an allocation, a write-off, a dispute): its
/// decimals must fit that currency. The one check of a [`Part`] that needs the invoice; its
/// sign and bound were checked when it was read.
fn check_part(invoice: &Invoice, part: Part) -> Result<(), FoldError> {
    let currency = invoice.amount.currency();
    match part.in_currency(currency) {
        Ok(_) => Ok(()),
        Err(_) => Err(FoldError::TooManyDecimals {
            invoice: invoice.id.0,
            allowed: currency.minor_units(),
        }),
    }
}

//! What the ledger looked like on a date. The fold keeps each record as it stands after the
//! whole journal; a figure "as of D" must count only what was dated on or before D: invoices
//! issued by then, and only the payments, credit notes and write-offs dated by then, disputes
//! opened and not yet resolved, orders opened and not yet closed. These are the one place
//! where that is worked out; every report and the score read open amounts through them.
//!
//! The common case stays cheap: asked for a day on or after everything the ledger dates (today,
//! as a rule), every open amount is the current one; otherwise an invoice untouched, or settled
//! by D, needs no look-up, and only one reduced in part (or settled after D) sums its
//! reductions dated by D.

use crate::ledger::records::{Customer, Dispute, Invoice, Order};
use crate::ledger::state::Ledger;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Settlement is known once dated by `as_of`.
pub fn settled_by(invoice: &Invoice, as_of: NaiveDate) -> Option<NaiveDate> {
    invoice.settled_on.filter(|settled| *settled <= as_of)
}

/// An invoice reduced (paid, credited, written off) but not settled by `as_of`: its open
/// amount then depends on which reductions are dated by `as_of`.
pub fn needs_dated_reductions(invoice: &Invoice, as_of: NaiveDate) -> bool {
    settled_by(invoice, as_of).is_none() && invoice.open() != invoice.amount.value()
}

/// The invoice's open amount on `as_of` (zero when issued after it); `reduced` is what was
/// taken off it by `as_of`, asked for only when `needs_dated_reductions` holds.
pub fn open_on(invoice: &Invoice, as_of: NaiveDate, reduced: impl FnOnce() -> Decimal) -> Decimal {
    if invoice.issue_date > as_of || settled_by(invoice, as_of).is_some() {
        Decimal::ZERO
    } else if invoice.open() == invoice.amount.value() {
        invoice.amount.value()
    } else {
        invoice.amount.value() - reduced()
    }
}

/// Payments, credit notes and write-offs of one customer dated by `as_of`, summed per
/// invoice, indexed like `customer.invoices` (whose ids increase: positions are searches).
pub fn customer_reductions(ledger: &Ledger, customer: &Customer, as_of: NaiveDate) -> Vec<Decimal> {
    let mut reductions = vec![Decimal::ZERO; customer.invoices.len()];
    let mut reduce = |invoice, amount: Decimal| {
        if let Ok(position) = customer.invoices.binary_search(&invoice) {
            reductions[position] += amount;
        }
    };
    let payments = customer
        .payments
        .iter()
        .filter_map(|id| ledger.payment(*id));
    for payment in payments.filter(|payment| payment.date <= as_of) {
        for allocation in &payment.allocations {
            reduce(allocation.invoice, allocation.amount.value());
        }
    }
    let notes = customer
        .credit_notes
        .iter()
        .filter_map(|id| ledger.credit_note(*id));
    for note in notes.filter(|note| note.date <= as_of) {
        for allocation in &note.allocations {
            reduce(allocation.invoice, allocation.amount.value());
        }
    }
    for write_off in ledger.write_offs.iter().filter(|w| w.date <= as_of) {
        reduce(write_off.invoice, write_off.amount.value());
    }
    reductions
}

/// The customer's invoices issued by `as_of` with their open amount on that date, in
/// `customer.invoices` order (settled ones included, with zero).
pub fn customer_invoices_on<'a>(
    ledger: &'a Ledger,
    customer: &'a Customer,
    as_of: NaiveDate,
) -> Vec<(&'a Invoice, Decimal)> {
    let invoices: Vec<(usize, &Invoice)> = customer
        .invoices
        .iter()
        .enumerate()
        .filter_map(|(position, id)| ledger.invoice(*id).map(|invoice| (position, invoice)))
        .filter(|(_, invoice)| invoice.issue_date <= as_of)
        .collect();
    if ledger.all_dated_by(as_of) {
        return invoices
            .into_iter()
            .map(|(_, invoice)| (invoice, invoice.open()))
            .collect();
    }
    let needs_dates = invoices
        .iter()
        .any(|(_, invoice)| needs_dated_reductions(invoice, as_of));
    let reductions = if needs_dates {
        customer_reductions(ledger, customer, as_of)
    } else {
        Vec::new()
    };
    invoices
        .into_iter()
        .map(|(position, invoice)| {
            let reduced = || reductions.get(position).copied().unwrap_or_default();
            (invoice, open_on(invoice, as_of, reduced))
        })
        .collect()
}

/// Every invoice's open amount on `as_of`, indexed like `ledger.invoices`. One pass over the
/// invoices, and one over payments, credit notes and write-offs only when some invoice needs
/// its dated reductions.
pub fn open_amounts_on(ledger: &Ledger, as_of: NaiveDate) -> Vec<Decimal> {
    if ledger.all_dated_by(as_of) {
        return ledger.invoices.iter().map(Invoice::open).collect();
    }
    let reductions = dated_reductions(ledger, as_of);
    ledger
        .invoices
        .iter()
        .enumerate()
        .map(|(position, invoice)| {
            let reduced = || {
                reductions
                    .get(position)
                    .copied()
                    .flatten()
                    .unwrap_or_default()
            };
            open_on(invoice, as_of, reduced)
        })
        .collect()
}

/// What was taken off each invoice that needs it by `as_of`, indexed like `ledger.invoices`
/// (`None` for the others); empty when no invoice needs it.
pub fn dated_reductions(ledger: &Ledger, as_of: NaiveDate) -> Vec<Option<Decimal>> {
    let mut reductions: Vec<Option<Decimal>> = ledger
        .invoices
        .iter()
        .map(|invoice| needs_dated_reductions(invoice, as_of).then_some(Decimal::ZERO))
        .collect();
    if reductions.iter().all(Option::is_none) {
        return Vec::new();
    }
    let mut reduce = |invoice, amount: Decimal| {
        let slot = ledger
            .invoice_position(invoice)
            .and_then(|index| reductions.get_mut(index));
        if let Some(Some(reduced)) = slot {
            *reduced += amount;
        }
    };
    for payment in ledger.payments.iter().filter(|p| p.date <= as_of) {
        for allocation in &payment.allocations {
            reduce(allocation.invoice, allocation.amount.value());
        }
    }
    for note in ledger.credit_notes.iter().filter(|n| n.date <= as_of) {
        for allocation in &note.allocations {
            reduce(allocation.invoice, allocation.amount.value());
        }
    }
    for write_off in ledger.write_offs.iter().filter(|w| w.date <= as_of) {
        reduce(write_off.invoice, write_off.amount.value());
    }
    reductions
}

/// Unapplied cash and unapplied credit of the customer on `as_of`: the parts of payments and
/// credit notes dated by then that were not allocated (an allocation is part of its payment,
/// so it carries the payment's date).
pub fn unapplied_on(ledger: &Ledger, customer: &Customer, as_of: NaiveDate) -> (Decimal, Decimal) {
    let cash = customer
        .payments
        .iter()
        .filter_map(|id| ledger.payment(*id))
        .filter(|payment| payment.date <= as_of)
        .map(|payment| payment.unapplied())
        .sum();
    let credit = customer
        .credit_notes
        .iter()
        .filter_map(|id| ledger.credit_note(*id))
        .filter(|note| note.date <= as_of)
        .map(|note| note.unapplied())
        .sum();
    (cash, credit)
}

/// Unapplied cash and credit on `as_of` of every customer, in `ledger.customers` order, in
/// one pass over payments and credit notes.
pub fn unapplied_all(ledger: &Ledger, as_of: NaiveDate) -> Vec<(Decimal, Decimal)> {
    let mut unapplied = vec![(Decimal::ZERO, Decimal::ZERO); ledger.customers.len()];
    for payment in ledger.payments.iter().filter(|p| p.date <= as_of) {
        if let Some(index) = ledger.customer_index(payment.customer) {
            unapplied[index].0 += payment.unapplied();
        }
    }
    for note in ledger.credit_notes.iter().filter(|n| n.date <= as_of) {
        if let Some(index) = ledger.customer_index(note.customer) {
            unapplied[index].1 += note.unapplied();
        }
    }
    unapplied
}

/// An order counts on `as_of` when opened by then and not closed by then.
pub fn order_open_on(order: &Order, as_of: NaiveDate) -> bool {
    order.date <= as_of && order.closed.is_none_or(|(closed, _)| closed > as_of)
}

/// A dispute counts on `as_of` when opened by then and not resolved by then.
pub fn dispute_open_on(dispute: &Dispute, as_of: NaiveDate) -> bool {
    dispute.date <= as_of
        && dispute
            .resolved
            .is_none_or(|(resolved, _)| resolved > as_of)
}

/// The amount under dispute on `as_of` of each invoice that has one, indexed like
/// `ledger.invoices`; empty when no dispute is open on that date.
pub fn disputed_on(ledger: &Ledger, as_of: NaiveDate) -> Vec<Decimal> {
    let mut disputed = Vec::new();
    for dispute in ledger.disputes.iter().filter(|d| dispute_open_on(d, as_of)) {
        if disputed.is_empty() {
            disputed = vec![Decimal::ZERO; ledger.invoices.len()];
        }
        if let Some(index) = ledger.invoice_position(dispute.invoice) {
            disputed[index] += dispute.amount.value();
        }
    }
    disputed
}

/// Every payment, credit note and write-off of one customer dated by `as_of`, with its date
/// and amount per invoice, indexed like `customer.invoices`, each list in date order (what
/// late interest needs: the open amount period by period).
pub fn customer_dated_reductions(
    ledger: &Ledger,
    customer: &Customer,
    as_of: NaiveDate,
) -> Vec<Vec<(NaiveDate, Decimal)>> {
    let mut reductions = vec![Vec::new(); customer.invoices.len()];
    let mut reduce = |invoice, date, amount: Decimal| {
        if let Ok(position) = customer.invoices.binary_search(&invoice) {
            reductions[position].push((date, amount));
        }
    };
    let payments = customer
        .payments
        .iter()
        .filter_map(|id| ledger.payment(*id));
    for payment in payments.filter(|payment| payment.date <= as_of) {
        for allocation in &payment.allocations {
            reduce(allocation.invoice, payment.date, allocation.amount.value());
        }
    }
    let notes = (customer.credit_notes.iter()).filter_map(|id| ledger.credit_note(*id));
    for note in notes.filter(|note| note.date <= as_of) {
        for allocation in &note.allocations {
            reduce(allocation.invoice, note.date, allocation.amount.value());
        }
    }
    for write_off in ledger.write_offs.iter().filter(|w| w.date <= as_of) {
        reduce(write_off.invoice, write_off.date, write_off.amount.value());
    }
    for list in &mut reductions {
        list.sort_by_key(|(date, _)| *date);
    }
    reductions
}

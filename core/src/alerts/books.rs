//! Each customer's records the rules read as of a date, gathered once: for one customer by
//! its ids, for the whole portfolio in one pass over each list of the ledger (looking every
//! customer's records up by id would cost a cache miss per step of a search through
//! hundreds of thousands of records). The portfolio's are kept flat, customer after
//! customer (a `Shelf`), so that the rules read each customer's invoices and their
//! reductions from one stretch of memory.

use crate::alerts::reason::AlertSources;
use crate::collections::{Plan, Promise};
use crate::credit::score::CustomerPositions;
use crate::ledger::as_of::{customer_invoices_on, needs_dated_reductions, open_on};
use crate::ledger::{Customer, Invoice, Ledger, Order, WriteOff};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A reduction of an invoice: its date and amount.
pub type Dated = (NaiveDate, Decimal);

/// One of the customer's invoices issued by the day asked, with its open amount then and
/// the span of its reductions dated by then (sorted) in the shelf; the figures the rules
/// read are copied beside it, so that they read them in one place.
#[derive(Clone, Copy)]
pub struct Item<'a> {
    pub invoice: &'a Invoice,
    pub open: Decimal,
    pub amount: Decimal,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub settled_on: Option<NaiveDate>,
    span: (u32, u32),
}

impl<'a> Item<'a> {
    fn new(invoice: &'a Invoice, open: Decimal, span: (u32, u32)) -> Item<'a> {
        Item {
            invoice,
            open,
            amount: invoice.amount.value(),
            issue_date: invoice.issue_date,
            due_date: invoice.due_date,
            settled_on: invoice.settled_on,
            span,
        }
    }

    /// Days past due as of a date (`Invoice::days_past_due`).
    pub fn days_past_due(&self, as_of: NaiveDate) -> i64 {
        (as_of - self.due_date).num_days()
    }
}

/// One customer's records as of a date, borrowed from its shelf.
#[derive(Clone, Copy)]
pub struct Books<'a> {
    /// The invoices issued by then, in `customer.invoices` order.
    pub items: &'a [Item<'a>],
    pub orders: &'a [&'a Order],
    pub promises: &'a [&'a Promise],
    pub plans: &'a [&'a Plan],
    reductions: &'a [Dated],
}

impl<'a> Books<'a> {
    /// What reduced the item by the day asked, dated and sorted.
    pub fn reductions(&self, item: &Item<'_>) -> &'a [Dated] {
        let (start, end) = item.span;
        self.reductions
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }
}

/// Values grouped by customer, flat: group `g`'s are `values[starts[g]..starts[g + 1]]`.
struct Grouped<T> {
    values: Vec<T>,
    starts: Vec<u32>,
}

impl<T: Copy> Grouped<T> {
    /// `entries` (group, value) placed by group, each group's in the order given: a count,
    /// then a placement (no list per group).
    fn new<I>(groups: usize, entries: impl Fn() -> I) -> Grouped<T>
    where
        I: Iterator<Item = (usize, T)>,
    {
        let mut starts = vec![0u32; groups + 1];
        let mut filler = None;
        for (group, value) in entries().filter(|(group, _)| *group < groups) {
            starts[group + 1] += 1;
            filler = filler.or(Some(value));
        }
        for index in 1..starts.len() {
            starts[index] += starts[index - 1];
        }
        let Some(filler) = filler else {
            return Grouped {
                values: Vec::new(),
                starts,
            };
        };
        let mut next = starts.clone();
        let mut values = vec![filler; starts[groups] as usize];
        for (group, value) in entries().filter(|(group, _)| *group < groups) {
            values[next[group] as usize] = value;
            next[group] += 1;
        }
        Grouped { values, starts }
    }

    fn of(&self, group: usize) -> &[T] {
        let start = self.starts.get(group).copied().unwrap_or(0) as usize;
        let end = self.starts.get(group + 1).copied().unwrap_or(0) as usize;
        self.values.get(start..end).unwrap_or(&[])
    }
}

/// The books of customers as of a date, flat, customer after customer: each customer's
/// items, and each item's reductions, in one stretch.
pub struct Shelf<'a> {
    items: Vec<Item<'a>>,
    starts: Vec<u32>,
    reductions: Vec<Dated>,
    orders: Grouped<&'a Order>,
    promises: Grouped<&'a Promise>,
    plans: Grouped<&'a Plan>,
}

impl<'a> Shelf<'a> {
    /// The books of the customer at `index` (in the order the shelf was made for).
    pub fn books(&self, index: usize) -> Books<'_> {
        let start = self.starts.get(index).copied().unwrap_or(0) as usize;
        let end = self.starts.get(index + 1).copied().unwrap_or(0) as usize;
        Books {
            items: self.items.get(start..end).unwrap_or(&[]),
            orders: self.orders.of(index),
            promises: self.promises.of(index),
            plans: self.plans.of(index),
            reductions: &self.reductions,
        }
    }
}

/// The customer's books on `as_of`, looked up by its ids: a shelf of one customer.
pub fn customer_books<'a>(
    sources: &AlertSources<'a>,
    customer: &'a Customer,
    as_of: NaiveDate,
) -> Shelf<'a> {
    let ledger = sources.ledger;
    let write_offs: Vec<&WriteOff> = (ledger.write_offs.iter())
        .filter(|w| customer.invoices.binary_search(&w.invoice).is_ok())
        .collect();
    let mut lists = own_reductions(ledger, customer, &write_offs, as_of);
    let mut dated = Vec::new();
    let mut items = Vec::new();
    let issued = customer_invoices_on(ledger, customer, as_of);
    for (invoice, open) in issued {
        let list = (customer.invoices.binary_search(&invoice.id).ok())
            .and_then(|position| lists.get_mut(position))
            .map(std::mem::take)
            .unwrap_or_default();
        let start = dated.len() as u32;
        dated.extend(list);
        items.push(Item::new(invoice, open, (start, dated.len() as u32)));
    }
    let orders: Vec<&Order> = (customer.orders.iter())
        .filter_map(|id| ledger.order(*id))
        .collect();
    let collections = sources.collections;
    let id = customer.id;
    Shelf {
        starts: vec![0, items.len() as u32],
        items,
        reductions: dated,
        orders: Grouped::new(1, || orders.iter().map(|order| (0, *order))),
        promises: Grouped::new(1, || {
            (collections.promises.iter())
                .filter(|promise| promise.customer == id)
                .map(|promise| (0, promise))
        }),
        plans: Grouped::new(1, || collections.plans_of(id).map(|plan| (0, plan))),
    }
}

/// What reduced each of the customer's invoices by `as_of`, dated and sorted, indexed like
/// `customer.invoices`.
fn own_reductions(
    ledger: &Ledger,
    customer: &Customer,
    write_offs: &[&WriteOff],
    as_of: NaiveDate,
) -> Vec<Vec<Dated>> {
    let mut out = vec![Vec::new(); customer.invoices.len()];
    let mut reduce = |invoice, date: NaiveDate, amount: Decimal| {
        if date > as_of {
            return;
        }
        if let Ok(position) = customer.invoices.binary_search(&invoice) {
            out[position].push((date, amount));
        }
    };
    for payment in (customer.payments.iter()).filter_map(|id| ledger.payment(*id)) {
        for allocation in &payment.allocations {
            reduce(allocation.invoice, payment.date, allocation.amount.value());
        }
    }
    for note in (customer.credit_notes.iter()).filter_map(|id| ledger.credit_note(*id)) {
        for allocation in &note.allocations {
            reduce(allocation.invoice, note.date, allocation.amount.value());
        }
    }
    for write_off in write_offs {
        reduce(write_off.invoice, write_off.date, write_off.amount.value());
    }
    for list in &mut out {
        list.sort_unstable();
    }
    out
}

/// The days the customer's ledger changed by `as_of` besides its items' issue and due
/// dates, by its ids: its payments and credit notes, and the day after the due date of an
/// invoice issued later that fell due by then (none, as `decide` refuses a due date before
/// the issue).
pub fn own_days(ledger: &Ledger, customer: &Customer, as_of: NaiveDate) -> Vec<NaiveDate> {
    let later = (customer.invoices.iter())
        .filter_map(|id| ledger.invoice_position(*id))
        .filter_map(|position| ledger.invoices.get(position))
        .filter(|invoice| invoice.issue_date > as_of)
        .map(|invoice| day_after(invoice.due_date));
    let mut days: Vec<NaiveDate> = later.collect();
    let payments = &ledger.payments;
    days.extend(
        (customer.payments.iter())
            .filter_map(|id| dense_or_found(payments, id.0, |p| p.id.0))
            .map(|p| p.date),
    );
    days.extend(
        (customer.credit_notes.iter())
            .filter_map(|id| ledger.credit_note(*id))
            .map(|n| n.date),
    );
    days.retain(|date| *date <= as_of);
    days
}

/// The record with id `id` in `records` (in id order): at its offset when the ids are
/// dense, else by a search (each step of a search through 250,000 records is a cache miss).
fn dense_or_found<T>(records: &[T], id: u32, key: impl Fn(&T) -> u32) -> Option<&T> {
    let first = key(records.first()?);
    let at = (id.checked_sub(first)).and_then(|offset| records.get(offset as usize));
    match at {
        Some(record) if key(record) == id => Some(record),
        _ => (records.binary_search_by_key(&id, key).ok()).and_then(|index| records.get(index)),
    }
}

pub fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_signed(chrono::Duration::days(1))
        .unwrap_or(date)
}

/// No slot: an invoice not issued by the day asked, or of no customer in the ledger.
const NONE: u32 = u32::MAX;

/// Every customer's books on `as_of`, indexed like `ledger.customers`: one pass over each
/// list of records, each customer's items placed in its stretch (a count, then a
/// placement), each item's reductions then in its own.
pub fn portfolio_books<'a>(sources: &AlertSources<'a>, as_of: NaiveDate) -> Shelf<'a> {
    let ledger = sources.ledger;
    let positions = CustomerPositions::new(ledger);
    let groups = ledger.customers.len();
    let (mut items, starts, slots, needs) = place_items(ledger, as_of, &positions);
    let reductions = place_reductions(ledger, as_of, &slots, &mut items, &needs);
    let collections = sources.collections;
    let at = |customer| positions.of(customer).unwrap_or(usize::MAX);
    Shelf {
        items,
        starts,
        reductions,
        orders: Grouped::new(groups, || {
            (ledger.orders.iter()).map(|order| (at(order.customer), order))
        }),
        promises: Grouped::new(groups, || {
            (collections.promises.iter()).map(|promise| (at(promise.customer), promise))
        }),
        plans: Grouped::new(groups, || {
            (collections.plans.iter()).map(|plan| (at(plan.customer), plan))
        }),
    }
}

/// Items and where they are: (items customer after customer, each customer's start, each
/// invoice's slot among the items, whether each item's open amount waits for its dated
/// reductions).
type Placed<'a> = (Vec<Item<'a>>, Vec<u32>, Vec<u32>, Vec<bool>);

/// The invoices issued by `as_of`, placed customer after customer (in id order within
/// each), with their open amount when it needs no dated reduction (`open_on`).
///
/// Every item is first made in invoice order (the invoices and the arithmetic on their
/// amounts read in sequence), then copied to its slot in slot order. Writing each item
/// straight to its slot stalled on a cache miss per item (a scatter of 64-byte stores over
/// 16 MB); the copy's loads do not wait on one another, so their misses overlap.
fn place_items<'a>(
    ledger: &'a Ledger,
    as_of: NaiveDate,
    positions: &CustomerPositions,
) -> Placed<'a> {
    let mut starts = vec![0u32; ledger.customers.len() + 1];
    let mut owners = Vec::with_capacity(ledger.invoices.len());
    for invoice in &ledger.invoices {
        let owner = positions
            .of(invoice.customer)
            .filter(|_| invoice.issue_date <= as_of);
        if let Some(owner) = owner {
            starts[owner + 1] += 1;
        }
        owners.push(owner.map_or(NONE, |owner| owner as u32));
    }
    for index in 1..starts.len() {
        starts[index] += starts[index - 1];
    }
    let count = starts.last().copied().unwrap_or(0) as usize;
    if count == 0 {
        return (Vec::new(), starts, owners, Vec::new());
    }
    let placed = slot_positions(&mut owners, &starts, count);
    let all_dated = ledger.all_dated_by(as_of);
    // Indexed like `ledger.invoices`, then like the items.
    let mut needs = vec![false; ledger.invoices.len()];
    let in_invoice_order: Vec<Item<'a>> = (ledger.invoices.iter().zip(&mut needs))
        .map(|(invoice, needs)| {
            let open = if all_dated {
                invoice.open()
            } else if needs_dated_reductions(invoice, as_of) {
                *needs = true;
                Decimal::ZERO
            } else {
                open_on(invoice, as_of, || Decimal::ZERO)
            };
            Item::new(invoice, open, (0, 0))
        })
        .collect();
    let items = (placed.iter())
        .map(|position| in_invoice_order[*position as usize])
        .collect();
    let needs = (placed.iter())
        .map(|position| needs[*position as usize])
        .collect();
    (items, starts, owners, needs)
}

/// Turns each invoice's owner (its customer's position, `NONE` for none) into its slot
/// among the items (customer after customer, in invoice order within each), and returns
/// each slot's invoice position in `ledger.invoices`: only these 4-byte positions are
/// scattered (a table that mostly stays in cache).
fn slot_positions(owners: &mut [u32], starts: &[u32], count: usize) -> Vec<u32> {
    let mut placed = vec![0u32; count];
    let mut next = starts.to_vec();
    for (position, owner) in owners.iter_mut().enumerate() {
        if *owner == NONE {
            continue;
        }
        let slot = next[*owner as usize];
        next[*owner as usize] += 1;
        *owner = slot;
        placed[slot as usize] = position as u32;
    }
    placed
}

/// Every payment, credit note and write-off dated by `as_of`, placed item after item (in
/// the order of the lists), each item's span set, its open amount worked out when it waits
/// for them (the ledger's `open_amounts_on`: the amount less their sum in that order), then
/// sorted.
fn place_reductions(
    ledger: &Ledger,
    as_of: NaiveDate,
    slots: &[u32],
    items: &mut [Item<'_>],
    needs: &[bool],
) -> Vec<Dated> {
    let mut found: Vec<(u32, Dated)> = Vec::with_capacity(ledger.payments.len());
    let mut one = |invoice, date: NaiveDate, amount: Decimal| {
        let slot = (ledger.invoice_position(invoice).filter(|_| date <= as_of))
            .and_then(|position| slots.get(position))
            .filter(|slot| **slot != NONE);
        if let Some(slot) = slot {
            found.push((*slot, (date, amount)));
        }
    };
    for payment in &ledger.payments {
        for allocation in &payment.allocations {
            one(allocation.invoice, payment.date, allocation.amount.value());
        }
    }
    for note in &ledger.credit_notes {
        for allocation in &note.allocations {
            one(allocation.invoice, note.date, allocation.amount.value());
        }
    }
    for write_off in &ledger.write_offs {
        one(write_off.invoice, write_off.date, write_off.amount.value());
    }
    let placed = Grouped::new(items.len(), || {
        found.iter().map(|(slot, dated)| (*slot as usize, *dated))
    });
    let Grouped {
        values: mut sorted,
        starts,
    } = placed;
    for (slot, item) in items.iter_mut().enumerate() {
        let (start, end) = (starts[slot], starts[slot + 1]);
        let list = &mut sorted[start as usize..end as usize];
        if needs.get(slot).copied().unwrap_or(false) {
            let mut reduced = Decimal::ZERO;
            for (_, amount) in list.iter() {
                reduced += *amount;
            }
            item.open = item.amount - reduced;
        }
        list.sort_unstable();
        item.span = (start, end);
    }
    sorted
}

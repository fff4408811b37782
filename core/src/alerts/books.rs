//! Each customer's records the rules read as of a date, gathered once: for one customer by
//! its ids, for the whole portfolio in one pass over each list of the ledger (looking every
//! customer's records up by id would cost a cache miss per step of a search through
//! hundreds of thousands of records).

use crate::alerts::reason::AlertSources;
use crate::base::ids::CustomerId;
use crate::collections::{Plan, Promise};
use crate::credit::score::CustomerPositions;
use crate::ledger::as_of::{customer_invoices_on, open_on};
use crate::ledger::{Customer, Invoice, Ledger, Order, WriteOff};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A reduction of an invoice: its date and amount.
pub type Dated = (NaiveDate, Decimal);

/// One of the customer's invoices issued by the day asked, with its open amount then and
/// the span of its reductions dated by then (sorted) in `Reductions`; the figures the rules
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

/// One customer's records as of a date.
#[derive(Default)]
pub struct Books<'a> {
    /// The invoices issued by then, in `customer.invoices` order.
    pub items: Vec<Item<'a>>,
    /// The dates by then of the customer's payments and credit notes, and the day after the
    /// due date of an invoice issued later that fell due by then (none, as `decide` refuses
    /// a due date before the issue): with the items' issue and due dates, the days its
    /// ledger changed.
    pub days: Vec<NaiveDate>,
    pub orders: Vec<&'a Order>,
    pub promises: Vec<&'a Promise>,
    pub plans: Vec<&'a Plan>,
}

/// Every reduction the books' items point into; the portfolio's books share one.
pub struct Reductions(Vec<Dated>);

impl Reductions {
    /// What reduced the item by the day asked, dated and sorted.
    pub fn of(&self, item: &Item<'_>) -> &[Dated] {
        let (start, end) = item.span;
        self.0.get(start as usize..end as usize).unwrap_or(&[])
    }
}

/// The customer's books on `as_of`, looked up by its ids, and the reductions they point into.
pub fn customer_books<'a>(
    sources: &AlertSources<'a>,
    customer: &'a Customer,
    as_of: NaiveDate,
) -> (Books<'a>, Reductions) {
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
    let books = Books {
        items,
        days: own_days(ledger, customer, as_of),
        orders: (customer.orders.iter())
            .filter_map(|id| ledger.order(*id))
            .collect(),
        promises: (sources.collections.promises.iter())
            .filter(|promise| promise.customer == customer.id)
            .collect(),
        plans: sources.collections.plans_of(customer.id).collect(),
    };
    (books, Reductions(dated))
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

/// `Books::days` of one customer, by its ids.
fn own_days(ledger: &Ledger, customer: &Customer, as_of: NaiveDate) -> Vec<NaiveDate> {
    let later = (customer.invoices.iter())
        .filter_map(|id| ledger.invoice(*id))
        .filter(|invoice| invoice.issue_date > as_of)
        .map(|invoice| day_after(invoice.due_date));
    let mut days: Vec<NaiveDate> = later.collect();
    days.extend(
        (customer.payments.iter())
            .filter_map(|id| ledger.payment(*id))
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

pub fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_signed(chrono::Duration::days(1))
        .unwrap_or(date)
}

/// Every customer's books on `as_of`, indexed like `ledger.customers`, and the reductions
/// they point into: one pass over each list of records.
pub fn portfolio_books<'a>(
    sources: &AlertSources<'a>,
    as_of: NaiveDate,
) -> (Vec<Books<'a>>, Reductions) {
    let ledger = sources.ledger;
    let positions = CustomerPositions::new(ledger);
    let mut books: Vec<Books<'a>> = (ledger.customers.iter())
        .map(|customer| Books {
            items: Vec::with_capacity(customer.invoices.len()),
            ..Books::default()
        })
        .collect();
    let (dated, spans) = dated_reductions(ledger, as_of, &positions, &mut books);
    let all_dated = ledger.all_dated_by(as_of);
    for (position, invoice) in ledger.invoices.iter().enumerate() {
        let Some(own) = own(&mut books, &positions, invoice.customer) else {
            continue;
        };
        if invoice.issue_date <= as_of {
            let span = (spans[position], spans[position + 1]);
            // The ledger's open amount on the day (`open_amounts_on`), from the reductions
            // in the order it sums them.
            let open = if all_dated {
                invoice.open()
            } else {
                open_on(invoice, as_of, || span_sum(&dated.sums, position))
            };
            own.items.push(Item::new(invoice, open, span));
        } else if day_after(invoice.due_date) <= as_of {
            own.days.push(day_after(invoice.due_date));
        }
    }
    gather_records(sources, &positions, &mut books);
    (books, Reductions(dated.sorted))
}

/// The orders, promises and plans, each to its customer's books.
fn gather_records<'a>(
    sources: &AlertSources<'a>,
    positions: &CustomerPositions,
    books: &mut [Books<'a>],
) {
    let ledger = sources.ledger;
    for order in &ledger.orders {
        if let Some(b) = own(books, positions, order.customer) {
            b.orders.push(order);
        }
    }
    let collections = sources.collections;
    for promise in &collections.promises {
        if let Some(b) = own(books, positions, promise.customer) {
            b.promises.push(promise);
        }
    }
    for plan in &collections.plans {
        if let Some(b) = own(books, positions, plan.customer) {
            b.plans.push(plan);
        }
    }
}

fn own<'b, 'a>(
    books: &'b mut [Books<'a>],
    positions: &CustomerPositions,
    customer: CustomerId,
) -> Option<&'b mut Books<'a>> {
    positions
        .of(customer)
        .and_then(|index| books.get_mut(index))
}

/// The reductions dated by the day asked, by invoice position: each invoice's sum (in the
/// order of the lists) and its reductions sorted.
struct Flat {
    sums: Vec<Option<Decimal>>,
    sorted: Vec<Dated>,
}

fn span_sum(sums: &[Option<Decimal>], position: usize) -> Decimal {
    sums.get(position).copied().flatten().unwrap_or_default()
}

/// Every invoice's payments, credit notes and write-offs dated by `as_of`, flat: invoice
/// `p`'s (sorted) are `sorted[spans[p]..spans[p + 1]]`. One pass over each list, which also
/// gives each customer's books the days of its payments and credit notes.
fn dated_reductions(
    ledger: &Ledger,
    as_of: NaiveDate,
    positions: &CustomerPositions,
    books: &mut [Books<'_>],
) -> (Flat, Vec<u32>) {
    let mut spans = vec![0u32; ledger.invoices.len() + 1];
    let guess = ledger.payments.len() + ledger.credit_notes.len() + ledger.write_offs.len();
    let mut found: Vec<(u32, Dated)> = Vec::with_capacity(guess);
    let mut one = |invoice, date: NaiveDate, amount: Decimal| {
        if let Some(position) = ledger.invoice_position(invoice).filter(|_| date <= as_of) {
            spans[position + 1] += 1;
            found.push((position as u32, (date, amount)));
        }
    };
    for payment in &ledger.payments {
        for allocation in &payment.allocations {
            one(allocation.invoice, payment.date, allocation.amount.value());
        }
        if payment.date <= as_of {
            if let Some(b) = own(books, positions, payment.customer) {
                b.days.push(payment.date);
            }
        }
    }
    for note in &ledger.credit_notes {
        for allocation in &note.allocations {
            one(allocation.invoice, note.date, allocation.amount.value());
        }
        if note.date <= as_of {
            if let Some(b) = own(books, positions, note.customer) {
                b.days.push(note.date);
            }
        }
    }
    for write_off in &ledger.write_offs {
        one(write_off.invoice, write_off.date, write_off.amount.value());
    }
    for position in 1..spans.len() {
        spans[position] += spans[position - 1];
    }
    (place(&spans, found), spans)
}

/// The reductions found placed by invoice (in the order found), summed, then sorted.
fn place(spans: &[u32], found: Vec<(u32, Dated)>) -> Flat {
    let mut next = spans.to_vec();
    let mut sorted = vec![(NaiveDate::MIN, Decimal::ZERO); found.len()];
    for (position, reduction) in found {
        let slot = &mut next[position as usize];
        sorted[*slot as usize] = reduction;
        *slot += 1;
    }
    let mut sums = Vec::with_capacity(spans.len());
    for window in spans.windows(2) {
        let list = &mut sorted[window[0] as usize..window[1] as usize];
        let mut sum = None;
        for (_, amount) in list.iter() {
            sum = Some(sum.unwrap_or(Decimal::ZERO) + *amount);
        }
        sums.push(sum);
        list.sort_unstable();
    }
    Flat { sums, sorted }
}

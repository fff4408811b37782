//! Today's worklist: for each customer the reminder step due as of a date, the items it is
//! about and why it stands where it does in the list (see the module doc of `collections`).

use crate::base::ids::{CustomerId, InvoiceId};
use crate::base::money::Currency;
use crate::collections::plan_status::planned_invoices;
use crate::collections::promise::{promise_status, PromiseStatus};
use crate::collections::state::{Collections, Promise, Rungs};
use crate::credit::score::CustomerPositions;
use crate::ledger::as_of::{customer_invoices_on, disputed_on, open_amounts_on};
use crate::ledger::{Customer, Invoice, Ledger};
use crate::policy::{CollectionPolicy, Grade, ReminderStep};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One reminder to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub customer: CustomerId,
    pub step: ReminderStep,
    /// The item the task is reached by: the oldest with a step due.
    pub driver: InvoiceId,
    /// That item's days past its due date (negative before it).
    pub days: i64,
    /// Every item waiting for this same rung; completing the task moves each of them to it.
    pub invoices: Vec<InvoiceId>,
    /// The step was made due by an escalation, not by the days.
    pub escalated: bool,
    /// What is overdue on the items in the ladder (disputed invoices left out).
    pub overdue: Decimal,
    pub currency: Currency,
    pub priority: Priority,
}

/// Where a task stands in the list, and why: the sum of its parts' points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub points: u32,
    pub parts: Vec<PriorityPart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriorityPart {
    /// The overdue amount in the base currency (`None`: no rate, counted as nothing).
    Overdue {
        base: Option<Decimal>,
        points: u32,
    },
    /// The oldest item's days past due.
    Days {
        days: i64,
        points: u32,
    },
    Grade {
        grade: Grade,
        points: u32,
    },
    /// Promises broken or only partly kept.
    BrokenPromises {
        count: u32,
        points: u32,
    },
}

impl PriorityPart {
    pub fn points(&self) -> u32 {
        match self {
            PriorityPart::Overdue { points, .. }
            | PriorityPart::Days { points, .. }
            | PriorityPart::Grade { points, .. }
            | PriorityPart::BrokenPromises { points, .. } => *points,
        }
    }
}

/// Points for the overdue amount in the base currency: up to 1,000 nothing, then 10 per
/// tenfold (10,000: 10; 100,000: 20; 1,000,000: 30 …), at most 60.
fn overdue_points(base: Option<Decimal>) -> u32 {
    let Some(mut amount) = base else { return 0 };
    let mut points = 0;
    let ten = Decimal::TEN;
    while amount >= Decimal::from(10_000) && points < 60 {
        amount /= ten;
        points += 10;
    }
    points
}

/// One point per 3 days past due, at most 60 (180 days).
fn day_points(days: i64) -> u32 {
    (days.clamp(0, 180) / 3) as u32
}

fn grade_points(grade: Grade) -> u32 {
    match grade {
        Grade::A => 0,
        Grade::B => 5,
        Grade::C => 10,
        Grade::D => 20,
        Grade::E => 30,
    }
}

/// 15 points per broken promise, at most 45.
fn broken_points(count: u32) -> u32 {
    count.min(3) * 15
}

/// An item in the ladder as of a date.
#[derive(Clone, Copy)]
struct Item {
    id: InvoiceId,
    days: i64,
    open: Decimal,
}

/// What leaves an invoice out of the ladder on a date: its disputed amount (by invoice
/// position) and the invoices of current payment plans.
struct Paused<'a> {
    disputed: &'a [Decimal],
    planned: &'a HashSet<InvoiceId>,
}

/// The customer's items in the ladder on `as_of`: open, issued by then, not in dispute and
/// not in a current payment plan, oldest due date first (then by id).
fn items(ledger: &Ledger, customer: &Customer, as_of: NaiveDate, paused: &Paused) -> Vec<Item> {
    let disputed = paused.disputed;
    let in_dispute = |invoice: &Invoice| {
        ledger
            .invoice_position(invoice.id)
            .and_then(|position| disputed.get(position))
            .is_some_and(|amount| *amount > Decimal::ZERO)
    };
    let mut items: Vec<(NaiveDate, Item)> = customer_invoices_on(ledger, customer, as_of)
        .into_iter()
        .filter(|(invoice, open)| *open > Decimal::ZERO && !in_dispute(invoice))
        .filter(|(invoice, _)| !paused.planned.contains(&invoice.id))
        .map(|(invoice, open)| {
            let days = (as_of - invoice.due_date).num_days();
            let item = Item {
                id: invoice.id,
                days,
                open,
            };
            (invoice.due_date, item)
        })
        .collect();
    items.sort_by_key(|(due, item)| (*due, item.id));
    items.into_iter().map(|(_, item)| item).collect()
}

/// The customer's items in the ladder on `as_of` (open, not in dispute, not in a current
/// plan), oldest first.
pub fn ladder_items(
    ledger: &Ledger,
    collections: &Collections,
    customer: &Customer,
    as_of: NaiveDate,
) -> Vec<InvoiceId> {
    let disputed = disputed_on(ledger, as_of);
    let planned = planned_invoices(ledger, collections, as_of);
    let paused = Paused {
        disputed: &disputed,
        planned: &planned,
    };
    items(ledger, customer, as_of, &paused)
        .into_iter()
        .map(|item| item.id)
        .collect()
}

/// The rung due for an item, if one is: the first after the last done (a pre-due rung is
/// skipped once the due date has passed), due when the item is that many days past due, or
/// at once when an escalation named it.
fn next_step<'l>(
    ladder: &'l [ReminderStep],
    rungs: &Rungs,
    item: &Item,
) -> Option<(&'l ReminderStep, bool)> {
    let done = rungs.done_for(item.id);
    let after = |rung: &&ReminderStep| done.is_none_or(|done| rung.offset_days > done);
    if let Some(to) = rungs.escalated_for(item.id) {
        if let Some(rung) = ladder.iter().filter(after).find(|r| r.offset_days >= to) {
            return Some((rung, true));
        }
    }
    let rung = ladder
        .iter()
        .filter(after)
        .find(|rung| rung.offset_days >= 0 || item.days < 1)?;
    (i64::from(rung.offset_days) <= item.days).then_some((rung, false))
}

/// Every customer's items in the ladder on `as_of`, customer after customer (in
/// `ledger.customers` order), each oldest first: one pass over the invoices in their order
/// (looking each customer's invoices up by id would cost a cache miss per step of each
/// search through 250,000 records), only the open ones kept, then one sort of those.
struct Ladders {
    items: Vec<Item>,
    /// Customer `c`'s items are `items[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
}

impl Ladders {
    fn of(&self, customer: usize) -> &[Item] {
        let start = self.starts.get(customer).copied().unwrap_or(0) as usize;
        let end = self.starts.get(customer + 1).copied().unwrap_or(0) as usize;
        self.items.get(start..end).unwrap_or(&[])
    }
}

fn items_by_customer(ledger: &Ledger, collections: &Collections, as_of: NaiveDate) -> Ladders {
    let open = open_amounts_on(ledger, as_of);
    let disputed = disputed_on(ledger, as_of);
    let planned = planned_positions(ledger, collections, as_of);
    let positions = CustomerPositions::new(ledger);
    let mut found: Vec<(u32, NaiveDate, Item)> = Vec::new();
    for (position, invoice) in ledger.invoices.iter().enumerate() {
        let open = open.get(position).copied().unwrap_or_default();
        let in_dispute = disputed.get(position).is_some_and(|d| *d > Decimal::ZERO);
        let out = in_dispute || planned.get(position).copied().unwrap_or(false);
        if open <= Decimal::ZERO || out || invoice.issue_date > as_of {
            continue;
        }
        let Some(customer) = positions.of(invoice.customer) else {
            continue;
        };
        let item = Item {
            id: invoice.id,
            days: (as_of - invoice.due_date).num_days(),
            open,
        };
        found.push((customer as u32, invoice.due_date, item));
    }
    found.sort_unstable_by_key(|(customer, due, item)| (*customer, *due, item.id));
    let mut starts = vec![0u32; ledger.customers.len() + 1];
    for (customer, ..) in &found {
        starts[*customer as usize + 1] += 1;
    }
    for index in 1..starts.len() {
        starts[index] += starts[index - 1];
    }
    let items = found.into_iter().map(|(.., item)| item).collect();
    Ladders { items, starts }
}

/// Whether each invoice (by position) is in a current payment plan on `as_of`; empty when
/// none is.
fn planned_positions(ledger: &Ledger, collections: &Collections, as_of: NaiveDate) -> Vec<bool> {
    let planned = planned_invoices(ledger, collections, as_of);
    if planned.is_empty() {
        return Vec::new();
    }
    let mut positions = vec![false; ledger.invoices.len()];
    for position in planned.iter().filter_map(|id| ledger.invoice_position(*id)) {
        positions[position] = true;
    }
    positions
}

/// The promises made by `as_of`, customer after customer (in `ledger.customers` order),
/// each customer's in id order.
fn promises_by_customer<'c>(
    ledger: &Ledger,
    collections: &'c Collections,
    as_of: NaiveDate,
) -> (Vec<&'c Promise>, Vec<u32>) {
    let positions = CustomerPositions::new(ledger);
    let mut found: Vec<(usize, usize, &Promise)> = (collections.promises.iter().enumerate())
        .filter(|(_, promise)| promise.date <= as_of)
        .filter_map(|(index, p)| positions.of(p.customer).map(|at| (at, index, p)))
        .collect();
    found.sort_unstable_by_key(|(at, index, _)| (*at, *index));
    let mut starts = vec![0u32; ledger.customers.len() + 1];
    for (at, ..) in &found {
        starts[at + 1] += 1;
    }
    for index in 1..starts.len() {
        starts[index] += starts[index - 1];
    }
    (found.into_iter().map(|(.., p)| p).collect(), starts)
}

/// The customer's task on `as_of` under `ladder` over its `items`, without its priority;
/// `None` when nothing is due or a promise is pending.
fn task_of(
    ledger: &Ledger,
    (promises, rungs): (&[&Promise], &Rungs),
    customer: &Customer,
    ladder: &[ReminderStep],
    as_of: NaiveDate,
    items: &[Item],
) -> Option<Task> {
    let pending =
        (promises.iter()).any(|p| promise_status(ledger, p, as_of) == PromiseStatus::Pending);
    if pending {
        return None;
    }
    let (driver, (step, escalated)) = items
        .iter()
        .find_map(|item| next_step(ladder, rungs, item).map(|next| (item, next)))?;
    let invoices = items
        .iter()
        .filter(|item| {
            next_step(ladder, rungs, item)
                .is_some_and(|(rung, _)| rung.offset_days == step.offset_days)
        })
        .map(|item| item.id)
        .collect();
    let overdue = items.iter().filter(|i| i.days >= 1).map(|i| i.open).sum();
    Some(Task {
        customer: customer.id,
        step: step.clone(),
        driver: driver.id,
        days: driver.days,
        invoices,
        escalated,
        overdue,
        currency: customer.details.currency,
        priority: Priority {
            points: 0,
            parts: Vec::new(),
        },
    })
}

/// The task of one customer on `as_of`, the ladder chosen by the customer's `grade`, with its
/// priority. `to_base` converts an amount to the base currency (the policy's rates).
pub fn customer_task(
    ledger: &Ledger,
    collections: &Collections,
    policy: &CollectionPolicy,
    customer: &Customer,
    grade: Grade,
    as_of: NaiveDate,
    to_base: &dyn Fn(Decimal, Currency) -> Option<Decimal>,
) -> Option<Task> {
    let disputed = disputed_on(ledger, as_of);
    let ladder = policy.ladder(grade);
    let planned = planned_invoices(ledger, collections, as_of);
    let paused = Paused {
        disputed: &disputed,
        planned: &planned,
    };
    let items = items(ledger, customer, as_of, &paused);
    let rungs = collections.rungs_on(as_of);
    let promises: Vec<&Promise> = collections.promises_by(customer.id, as_of).collect();
    let mut task = task_of(ledger, (&promises, &rungs), customer, ladder, as_of, &items)?;
    task.priority = priority(ledger, &promises, &task, grade, as_of, to_base);
    Some(task)
}

fn priority(
    ledger: &Ledger,
    promises: &[&Promise],
    task: &Task,
    grade: Grade,
    as_of: NaiveDate,
    to_base: &dyn Fn(Decimal, Currency) -> Option<Decimal>,
) -> Priority {
    let base = to_base(task.overdue, task.currency);
    let broken = (promises.iter())
        .filter(|p| promise_status(ledger, p, as_of).is_broken())
        .count() as u32;
    let parts = vec![
        PriorityPart::Overdue {
            base,
            points: overdue_points(base),
        },
        PriorityPart::Days {
            days: task.days,
            points: day_points(task.days),
        },
        PriorityPart::Grade {
            grade,
            points: grade_points(grade),
        },
        PriorityPart::BrokenPromises {
            count: broken,
            points: broken_points(broken),
        },
    ];
    Priority {
        points: parts.iter().map(PriorityPart::points).sum(),
        parts,
    }
}

/// Every customer's task on `as_of`, highest priority first (then by customer). `grade_of`
/// gives each customer's grade, which picks its ladder.
pub fn worklist(
    ledger: &Ledger,
    collections: &Collections,
    policy: &CollectionPolicy,
    as_of: NaiveDate,
    grade_of: &dyn Fn(&Customer) -> Grade,
    to_base: &dyn Fn(Decimal, Currency) -> Option<Decimal>,
) -> Vec<Task> {
    let ladders = items_by_customer(ledger, collections, as_of);
    let rungs = collections.rungs_on(as_of);
    let (promises, starts) = promises_by_customer(ledger, collections, as_of);
    let promises_of = |index: usize| {
        let start = starts.get(index).copied().unwrap_or(0) as usize;
        let end = starts.get(index + 1).copied().unwrap_or(0) as usize;
        promises.get(start..end).unwrap_or(&[])
    };
    let mut tasks: Vec<Task> = (ledger.customers.iter().enumerate())
        .filter_map(|(index, customer)| {
            let items = ladders.of(index);
            if items.is_empty() {
                return None;
            }
            let grade = grade_of(customer);
            let promises = promises_of(index);
            let ladder = policy.ladder(grade);
            let mut task = task_of(ledger, (promises, &rungs), customer, ladder, as_of, items)?;
            task.priority = priority(ledger, promises, &task, grade, as_of, to_base);
            Some(task)
        })
        .collect();
    tasks.sort_by(|a, b| {
        (b.priority.points.cmp(&a.priority.points)).then(a.customer.cmp(&b.customer))
    });
    tasks
}

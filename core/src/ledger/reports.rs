//! Derived figures: aging, balances, exposure, days beyond terms, the portfolio summary and
//! the customer list's ledger figures. All are pure functions of the state and an `as_of` date, returned as
//! plain data; nothing here is stored.

use crate::base::ids::CustomerId;
use crate::base::money::Currency;
use crate::ledger::as_of::*;
use crate::ledger::records::*;
use crate::ledger::state::Ledger;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Aging buckets by days past due: not due, then one bucket up to each bound, then the rest.
/// The default `[30, 60, 90, 180]` gives not due, 1–30, 31–60, 61–90, 91–180, over 180.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingBuckets {
    pub upper_bounds: Vec<u32>,
}

impl Default for AgingBuckets {
    fn default() -> Self {
        AgingBuckets {
            upper_bounds: vec![30, 60, 90, 180],
        }
    }
}

impl AgingBuckets {
    /// Number of buckets, including "not due" and the open-ended last one.
    pub fn len(&self) -> usize {
        self.upper_bounds.len() + 2
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The bucket of an amount that is `days_past_due` days late (≤ 0: not due).
    pub fn bucket_of(&self, days_past_due: i64) -> usize {
        if days_past_due <= 0 {
            return 0;
        }
        match self
            .upper_bounds
            .iter()
            .position(|bound| days_past_due <= i64::from(*bound))
        {
            Some(position) => position + 1,
            None => self.upper_bounds.len() + 1,
        }
    }

    /// Labels such as `not due`, `1–30`, `> 180`, language-neutral (the shell translates 0).
    pub fn labels(&self) -> Vec<String> {
        let mut labels = vec![String::new()];
        let mut lower = 1;
        for bound in &self.upper_bounds {
            labels.push(format!("{lower}–{bound}"));
            lower = bound + 1;
        }
        labels.push(format!("> {}", lower - 1));
        labels
    }
}

/// Open receivables split into aging buckets. `buckets` always sum to `total`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aging {
    pub buckets: Vec<Decimal>,
    pub total: Decimal,
}

impl Aging {
    pub fn empty(buckets: &AgingBuckets) -> Aging {
        Aging {
            buckets: vec![Decimal::ZERO; buckets.len()],
            total: Decimal::ZERO,
        }
    }

    pub fn add(&mut self, bucket: usize, amount: Decimal) {
        self.buckets[bucket] += amount;
        self.total += amount;
    }

    /// Everything past due (all buckets but "not due").
    pub fn overdue(&self) -> Decimal {
        self.total - self.buckets[0]
    }

    fn merge(&mut self, other: &Aging) {
        for (mine, theirs) in self.buckets.iter_mut().zip(&other.buckets) {
            *mine += *theirs;
        }
        self.total += other.total;
    }
}

/// Aging of one customer's open invoices as of a date (what was open on that date).
pub fn customer_aging(
    state: &Ledger,
    customer: &Customer,
    as_of: NaiveDate,
    buckets: &AgingBuckets,
) -> Aging {
    let mut aging = Aging::empty(buckets);
    for (invoice, open) in customer_invoices_on(state, customer, as_of) {
        if !open.is_zero() {
            aging.add(buckets.bucket_of(invoice.days_past_due(as_of)), open);
        }
    }
    aging
}

/// Aging of every customer as of a date, in `state.customers` order, in one pass over the
/// invoices.
pub fn aging_all(state: &Ledger, as_of: NaiveDate, buckets: &AgingBuckets) -> Vec<Aging> {
    agings_of(state, &open_amounts_on(state, as_of), as_of, buckets)
}

/// Aging of every customer from the open amounts on `as_of`, indexed like `state.invoices`.
fn agings_of(
    state: &Ledger,
    open_amounts: &[Decimal],
    as_of: NaiveDate,
    buckets: &AgingBuckets,
) -> Vec<Aging> {
    let mut agings = vec![Aging::empty(buckets); state.customers.len()];
    for (invoice, open) in state.invoices.iter().zip(open_amounts) {
        if open.is_zero() {
            continue;
        }
        if let Some(index) = state.customer_index(invoice.customer) {
            agings[index].add(buckets.bucket_of(invoice.days_past_due(as_of)), *open);
        }
    }
    agings
}

/// A customer's position. `balance` = invoices − payments − credit notes − write-offs, which
/// equals open receivables − unapplied cash − unapplied credit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub currency: Currency,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub open_receivables: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub unapplied_cash: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub unapplied_credit: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub balance: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub overdue: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub disputed: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub open_orders: Decimal,
    /// Open receivables + open orders (ARCHITECTURE.md, Conventions: exposure).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub exposure: Decimal,
    /// Days the oldest overdue open invoice is past due; 0 when nothing is overdue.
    pub days_overdue_max: i64,
}

pub fn customer_balance(state: &Ledger, customer: &Customer, as_of: NaiveDate) -> Balance {
    let mut open_receivables = Decimal::ZERO;
    let mut overdue = Decimal::ZERO;
    let mut days_overdue_max = 0;
    let invoices = customer_invoices_on(state, customer, as_of);
    for (invoice, open) in &invoices {
        open_receivables += *open;
        let days = invoice.days_past_due(as_of);
        if days > 0 && !open.is_zero() {
            overdue += *open;
            days_overdue_max = days_overdue_max.max(days);
        }
    }
    let disputed = disputed_of(state, customer, &invoices, as_of);
    let open_orders = open_order_total(state, customer, as_of);
    let unapplied = unapplied_on(state, customer, as_of);
    let receivables = [open_receivables, overdue, disputed];
    balance_of(
        customer,
        receivables,
        unapplied,
        open_orders,
        days_overdue_max,
    )
}

/// A customer's `Balance` from its parts: what is open (receivables, overdue, disputed),
/// what is unapplied (cash, credit), the open orders and the oldest overdue item's days.
fn balance_of(
    customer: &Customer,
    [open_receivables, overdue, disputed]: [Decimal; 3],
    (unapplied_cash, unapplied_credit): (Decimal, Decimal),
    open_orders: Decimal,
    days_overdue_max: i64,
) -> Balance {
    Balance {
        currency: customer.details.currency,
        open_receivables,
        unapplied_cash,
        unapplied_credit,
        balance: open_receivables - unapplied_cash - unapplied_credit,
        overdue,
        disputed,
        open_orders,
        exposure: open_receivables + open_orders,
        days_overdue_max,
    }
}

/// Every customer's `customer_balance` on `as_of`, in `ledger.customers` order, with one pass
/// over the invoices, payments, credit notes and disputes for all of them (asked one by one,
/// the disputes and the dated reductions are scanned again for each customer).
pub fn balances_all(state: &Ledger, as_of: NaiveDate) -> Vec<Balance> {
    let open = open_amounts_on(state, as_of);
    let disputed = disputed_on(state, as_of);
    let unapplied = unapplied_all(state, as_of);
    (state.customers.iter())
        .zip(unapplied)
        .map(|(customer, unapplied)| {
            let mut figures = [Decimal::ZERO; 3];
            let mut days_overdue_max = 0;
            let issued = (customer.invoices.iter())
                .filter_map(|id| state.invoice_position(*id))
                .filter(|position| state.invoices[*position].issue_date <= as_of);
            for position in issued {
                let [open_receivables, overdue, disputed_total] = &mut figures;
                let open = open[position];
                *open_receivables += open;
                let days = state.invoices[position].days_past_due(as_of);
                if days > 0 && !open.is_zero() {
                    *overdue += open;
                    days_overdue_max = days_overdue_max.max(days);
                }
                *disputed_total += disputed
                    .get(position)
                    .copied()
                    .unwrap_or_default()
                    .min(open);
            }
            let open_orders = open_order_total(state, customer, as_of);
            balance_of(customer, figures, unapplied, open_orders, days_overdue_max)
        })
        .collect()
}

/// Disputed amounts open on `as_of`, each invoice's capped at what was open on it then.
fn disputed_of(
    state: &Ledger,
    customer: &Customer,
    invoices: &[(&Invoice, Decimal)],
    as_of: NaiveDate,
) -> Decimal {
    let mut per_invoice = vec![Decimal::ZERO; customer.invoices.len()];
    for dispute in state.disputes.iter().filter(|d| dispute_open_on(d, as_of)) {
        if let Ok(position) = customer.invoices.binary_search(&dispute.invoice) {
            per_invoice[position] += dispute.amount.value();
        }
    }
    invoices
        .iter()
        .filter_map(|(invoice, open)| {
            let position = customer.invoices.binary_search(&invoice.id).ok()?;
            Some(per_invoice[position].min(*open))
        })
        .sum()
}

fn open_order_total(state: &Ledger, customer: &Customer, as_of: NaiveDate) -> Decimal {
    customer
        .orders
        .iter()
        .filter_map(|id| state.order(*id))
        .filter(|order| order_open_on(order, as_of))
        .map(|order| order.amount.value())
        .sum()
}

/// Amount-weighted days beyond terms of the customer's invoices *settled* in `from..=to`;
/// `None` when none were settled in the window. Not what the product shows as days beyond
/// terms: that is `credit::score::payment_behaviour`, which also counts invoices still unpaid
/// past due. This one is a ledger figure for reconciliations and the stored-journal fixture.
pub fn settled_days_beyond_terms(
    state: &Ledger,
    customer: &Customer,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<Decimal> {
    let mut weighted = Decimal::ZERO;
    let mut weight = Decimal::ZERO;
    for invoice in customer.invoices.iter().filter_map(|id| state.invoice(*id)) {
        let (Some(settled), Some(days)) = (invoice.settled_on, invoice.days_beyond_terms()) else {
            continue;
        };
        if settled < from || settled > to {
            continue;
        }
        weighted += invoice.amount.value() * Decimal::from(days);
        weight += invoice.amount.value();
    }
    if weight.is_zero() {
        return None;
    }
    Some((weighted / weight).round_dp(1))
}

/// The summary of `currency`, added when it is not there yet.
fn summary_for<'a>(
    summaries: &'a mut Vec<CurrencySummary>,
    currency: Currency,
    buckets: &AgingBuckets,
) -> &'a mut CurrencySummary {
    let position = match summaries.iter().position(|s| s.currency == currency) {
        Some(position) => position,
        None => {
            summaries.push(CurrencySummary {
                currency,
                customers: 0,
                customers_overdue: 0,
                aging: Aging::empty(buckets),
                unapplied: Decimal::ZERO,
                open_orders: Decimal::ZERO,
                disputed: Decimal::ZERO,
            });
            summaries.len() - 1
        }
    };
    &mut summaries[position]
}

/// Open orders on `as_of` per customer, in `state.customers` order.
fn open_orders_all(state: &Ledger, as_of: NaiveDate) -> Vec<Decimal> {
    let mut totals = vec![Decimal::ZERO; state.customers.len()];
    for order in state
        .orders
        .iter()
        .filter(|order| order_open_on(order, as_of))
    {
        if let Some(index) = state.customer_index(order.customer) {
            totals[index] += order.amount.value();
        }
    }
    totals
}

/// Totals of the portfolio in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrencySummary {
    pub currency: Currency,
    pub customers: usize,
    pub customers_overdue: usize,
    pub aging: Aging,
    pub unapplied: Decimal,
    pub open_orders: Decimal,
    pub disputed: Decimal,
}

impl CurrencySummary {
    /// Overdue share of open receivables in percent, one decimal; `None` when nothing is open.
    pub fn overdue_share_percent(&self) -> Option<Decimal> {
        if self.aging.total.is_zero() {
            return None;
        }
        Some((self.aging.overdue() * Decimal::ONE_HUNDRED / self.aging.total).round_dp(1))
    }
}

/// Portfolio totals per currency, CNY first, then by code.
pub fn portfolio_summary(
    state: &Ledger,
    as_of: NaiveDate,
    buckets: &AgingBuckets,
) -> Vec<CurrencySummary> {
    let open_amounts = open_amounts_on(state, as_of);
    let agings = agings_of(state, &open_amounts, as_of, buckets);
    let unapplied = unapplied_all(state, as_of);
    let orders = open_orders_all(state, as_of);
    let mut summaries: Vec<CurrencySummary> = Vec::new();
    for (index, (customer, aging)) in state.customers.iter().zip(&agings).enumerate() {
        let summary = summary_for(&mut summaries, customer.details.currency, buckets);
        summary.customers += 1;
        if !aging.overdue().is_zero() {
            summary.customers_overdue += 1;
        }
        summary.aging.merge(aging);
        summary.unapplied += unapplied[index].0 + unapplied[index].1;
        summary.open_orders += orders[index];
    }
    let disputed = disputed_on(state, as_of);
    for ((invoice, open), disputed) in state.invoices.iter().zip(&open_amounts).zip(&disputed) {
        let currency = invoice.amount.currency();
        if let Some(summary) = summaries.iter_mut().find(|s| s.currency == currency) {
            summary.disputed += (*disputed).min(*open);
        }
    }
    summaries.sort_by_key(|s| (s.currency != Currency::CNY, s.currency));
    summaries
}

/// A customer's ledger figures in the customer list, as of a date. The list's other columns
/// (limit, utilisation, grade, hold) are the limits area's: `limits::list`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub id: CustomerId,
    pub number: String,
    pub name: String,
    pub currency: Currency,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub balance: Decimal,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub overdue: Decimal,
    pub days_overdue_max: i64,
    #[serde(with = "crate::base::money::decimal_serde")]
    pub exposure: Decimal,
    /// Open (un-invoiced) orders, part of the exposure.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub open_orders: Decimal,
    /// Disputed amounts, each invoice's capped at what is open on it (as the summary counts).
    #[serde(with = "crate::base::money::decimal_serde")]
    pub disputed: Decimal,
    /// Unapplied cash and unapplied credit.
    #[serde(with = "crate::base::money::decimal_serde")]
    pub unapplied: Decimal,
}

/// Rows for every customer as of a date, computed in one pass over invoices and orders. Per
/// currency they add up to `portfolio_summary`'s figures.
pub fn customer_rows(state: &Ledger, as_of: NaiveDate) -> Vec<CustomerRow> {
    let unapplied = unapplied_all(state, as_of);
    let orders = open_orders_all(state, as_of);
    let mut rows: Vec<CustomerRow> = state
        .customers
        .iter()
        .enumerate()
        .map(|(index, customer)| {
            let unapplied = unapplied[index].0 + unapplied[index].1;
            CustomerRow {
                id: customer.id,
                number: customer.details.number.clone(),
                name: customer.details.name.clone(),
                currency: customer.details.currency,
                // Not `-unapplied`: negating a zero gives -0.00, which the list would show.
                balance: Decimal::ZERO - unapplied,
                overdue: Decimal::ZERO,
                days_overdue_max: 0,
                exposure: orders[index],
                open_orders: orders[index],
                disputed: Decimal::ZERO,
                unapplied,
            }
        })
        .collect();
    let disputed = disputed_on(state, as_of);
    let open_amounts = open_amounts_on(state, as_of);
    for (position, (invoice, open)) in state.invoices.iter().zip(open_amounts).enumerate() {
        let Some(index) = state.customer_index(invoice.customer) else {
            continue;
        };
        if open.is_zero() {
            continue;
        }
        let row = &mut rows[index];
        row.balance += open;
        row.exposure += open;
        row.disputed += disputed
            .get(position)
            .copied()
            .unwrap_or_default()
            .min(open);
        let days = invoice.days_past_due(as_of);
        if days > 0 {
            row.overdue += open;
            row.days_overdue_max = row.days_overdue_max.max(days);
        }
    }
    rows
}

//! The tables, each built from the portfolio as of a date with the core's own figures: the
//! customer list's (`ledger::reports::customer_rows`, the score, the limit in force), the open
//! amounts on the day (`ledger::as_of`), aging (`ledger::reports::aging_all`), the worklist
//! (`decide::worklist_on`), the alerts (`alerts::alerts_on`) and the journal's sentences
//! (`journal::describe`).

use crate::alerts::alerts_on;
use crate::credit::score::score_all;
use crate::decide::worklist_on;
use crate::export::table::{Cell, Column, ExportWords, Table, TableKind};
use crate::journal::{Event, Portfolio, Recall};
use crate::ledger::as_of::{disputed_on, open_amounts_on};
use crate::ledger::reports::{aging_all, customer_rows, AgingBuckets};
use crate::ledger::Customer;
use crate::limits::status::{limit_status, LimitStatus};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The table `kind` as of `as_of`; the journal's needs its events (`journal_table`).
pub fn table_of(
    kind: TableKind,
    state: &Portfolio,
    events: &[Event],
    as_of: NaiveDate,
    words: &dyn ExportWords,
) -> Table {
    match kind {
        TableKind::Customers => customers_table(state, as_of, words),
        TableKind::OpenItems => open_items_table(state, as_of, words),
        TableKind::Aging => aging_table(state, as_of, words),
        TableKind::Worklist => worklist_table(state, as_of, words),
        TableKind::Alerts => alerts_table(state, as_of, words),
        TableKind::Journal => journal_table(state, events, words),
    }
}

fn decimals(customer: &Customer) -> u32 {
    customer.details.currency.minor_units()
}

/// One row per customer: master data, the limit in force, grade, score, open balance,
/// overdue and exposure on the day, in the ledger's order.
pub fn customers_table(state: &Portfolio, as_of: NaiveDate, words: &dyn ExportWords) -> Table {
    use Column::*;
    let columns = vec![
        CustomerNumber,
        CustomerName,
        RegistrationNo,
        Industry,
        Country,
        Contact,
        Group,
        TermsDays,
        Currency,
        Limit,
        Grade,
        Score,
        Balance,
        Overdue,
        Exposure,
    ];
    let mut table = Table::new(TableKind::Customers, columns, words);
    let scores = score_all(&state.ledger, &state.credit, &state.policy_on(as_of), as_of);
    let rows = customer_rows(&state.ledger, as_of);
    for ((customer, row), score) in state.ledger.customers.iter().zip(rows).zip(scores) {
        let d = &customer.details;
        let places = decimals(customer);
        let limit = match limit_status(&state.limits, customer.id, as_of) {
            LimitStatus::InForce(in_force) => Cell::money(in_force.amount, places),
            LimitStatus::None | LimitStatus::Lapsed { .. } => Cell::empty(),
        };
        table.rows.push(vec![
            Cell::text(&d.number),
            Cell::text(&d.name),
            Cell::text(&d.registration_no),
            Cell::text(&d.industry),
            Cell::text(&d.country),
            Cell::text(&d.contact),
            Cell::text(&d.group),
            Cell::Integer(i64::from(d.payment_terms_days)),
            Cell::text(d.currency.code()),
            limit,
            Cell::text(score.grade.letter()),
            Cell::Number(score.score.round_dp(1)),
            Cell::money(row.balance, places),
            Cell::money(row.overdue, places),
            Cell::money(row.exposure, places),
        ]);
    }
    table
}

/// Every invoice open on the day, in the ledger's order: its customer, dates, days overdue
/// (0 before the due date), amount, what is open, currency and the disputed part.
pub fn open_items_table(state: &Portfolio, as_of: NaiveDate, words: &dyn ExportWords) -> Table {
    use Column::*;
    let columns = vec![
        CustomerNumber,
        CustomerName,
        InvoiceNumber,
        IssueDate,
        DueDate,
        DaysOverdue,
        InvoiceAmount,
        OpenAmount,
        Currency,
        Disputed,
    ];
    let mut table = Table::new(TableKind::OpenItems, columns, words);
    let ledger = &state.ledger;
    let disputed = disputed_on(ledger, as_of);
    let open = open_amounts_on(ledger, as_of);
    // `disputed_on` is empty when no dispute is open on the day.
    for (position, (invoice, open)) in ledger.invoices.iter().zip(open).enumerate() {
        let disputed = disputed.get(position).copied().unwrap_or_default();
        let Some(customer) = ledger.customer(invoice.customer) else {
            continue;
        };
        if open.is_zero() {
            continue;
        }
        let places = decimals(customer);
        table.rows.push(vec![
            Cell::text(&customer.details.number),
            Cell::text(&customer.details.name),
            Cell::text(&invoice.number),
            Cell::Date(invoice.issue_date),
            Cell::Date(invoice.due_date),
            Cell::Integer(invoice.days_past_due(as_of).max(0)),
            Cell::money(invoice.amount.value(), places),
            Cell::money(open, places),
            Cell::text(customer.details.currency.code()),
            Cell::money(disputed.min(open), places),
        ]);
    }
    table
}

/// Per customer with anything open, what is open in each default aging bucket and in all;
/// then one total row per currency (in order of first appearance), named `words.total()`.
pub fn aging_table(state: &Portfolio, as_of: NaiveDate, words: &dyn ExportWords) -> Table {
    let buckets = AgingBuckets::default();
    let mut columns = vec![
        Column::CustomerNumber,
        Column::CustomerName,
        Column::Currency,
    ];
    columns.extend(buckets.labels().into_iter().map(Column::Bucket));
    columns.push(Column::Total);
    let mut table = Table::new(TableKind::Aging, columns, words);
    let agings = aging_all(&state.ledger, as_of, &buckets);
    let mut totals: Vec<(crate::base::money::Currency, Vec<Decimal>)> = Vec::new();
    for (customer, aging) in state.ledger.customers.iter().zip(agings) {
        if aging.total.is_zero() {
            continue;
        }
        let currency = customer.details.currency;
        let mut figures = aging.buckets.clone();
        figures.push(aging.total);
        match totals.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, sums)) => sums.iter_mut().zip(&figures).for_each(|(s, f)| *s += f),
            None => totals.push((currency, figures.clone())),
        }
        let d = &customer.details;
        let mut row = vec![
            Cell::text(&d.number),
            Cell::text(&d.name),
            Cell::text(currency.code()),
        ];
        row.extend(
            figures
                .iter()
                .map(|f| Cell::money(*f, currency.minor_units())),
        );
        table.rows.push(row);
    }
    for (currency, sums) in totals {
        let mut row = vec![
            Cell::empty(),
            Cell::text(words.total()),
            Cell::text(currency.code()),
        ];
        row.extend(sums.iter().map(|f| Cell::money(*f, currency.minor_units())));
        table.rows.push(row);
    }
    table
}

/// Today's reminder tasks, highest priority first, as the collections page lists them.
pub fn worklist_table(state: &Portfolio, as_of: NaiveDate, words: &dyn ExportWords) -> Table {
    use Column::*;
    let columns = vec![
        Priority,
        CustomerNumber,
        CustomerName,
        Step,
        DriverInvoice,
        Days,
        Items,
        Overdue,
        Currency,
    ];
    let mut table = Table::new(TableKind::Worklist, columns, words);
    for task in worklist_on(state, as_of) {
        let Some(customer) = state.ledger.customer(task.customer) else {
            continue;
        };
        let driver = state.ledger.invoice(task.driver);
        table.rows.push(vec![
            Cell::Integer(i64::from(task.priority.points)),
            Cell::text(&customer.details.number),
            Cell::text(&customer.details.name),
            Cell::text(words.step(task.step.kind)),
            Cell::text(driver.map_or(String::new(), |invoice| invoice.number.clone())),
            Cell::Integer(task.days),
            Cell::Integer(task.invoices.len() as i64),
            Cell::money(task.overdue, task.currency.minor_units()),
            Cell::text(task.currency.code()),
        ]);
    }
    table
}

/// Every alert on the day (acknowledged and snoozed ones with their status), customer by
/// customer, with its reasons and the figures behind them.
pub fn alerts_table(state: &Portfolio, as_of: NaiveDate, words: &dyn ExportWords) -> Table {
    use Column::*;
    let columns = vec![
        CustomerNumber,
        CustomerName,
        Rule,
        Severity,
        Since,
        Status,
        Holding,
        Reasons,
    ];
    let mut table = Table::new(TableKind::Alerts, columns, words);
    for alert in alerts_on(&state.alert_sources(), as_of) {
        let Some(customer) = state.ledger.customer(alert.customer) else {
            continue;
        };
        table.rows.push(vec![
            Cell::text(&customer.details.number),
            Cell::text(&customer.details.name),
            Cell::text(words.rule(alert.rule)),
            Cell::text(words.severity(alert.severity)),
            Cell::Date(alert.since),
            Cell::text(words.status(&alert.status)),
            Cell::text(words.yes_no(alert.holding)),
            Cell::text(words.reasons(&alert.reasons)),
        ]);
    }
    table
}

/// One row per journal entry, oldest first: its event's sequence number and time (UTC), who
/// acted, its kind, the sentence the journal page shows and the entry as stored (JSON).
/// `state` is the portfolio folded from `events` (for what never changes once recorded).
pub fn journal_table(state: &Portfolio, events: &[Event], words: &dyn ExportWords) -> Table {
    use Column::*;
    let columns = vec![Seq, Time, Who, Kind, Description, EntryJson];
    let mut table = Table::new(TableKind::Journal, columns, words);
    let mut recall = Recall::default();
    for event in events {
        let time = utc_time(event.at.0);
        for entry in &event.entries {
            let facts = recall.read(entry, state);
            let who = facts
                .by
                .as_ref()
                .map_or(event.actor.as_str(), |by| by.name.as_str());
            let json = serde_json::to_string(entry).unwrap_or_default();
            table.rows.push(vec![
                Cell::Integer(event.seq as i64),
                Cell::text(&time),
                Cell::text(who),
                Cell::text(facts.kind().token()),
                Cell::text(words.sentence(&facts, who)),
                Cell::Text(json),
            ]);
        }
    }
    table
}

/// `2026-12-01T08:30:00Z` from milliseconds since the epoch.
fn utc_time(millis: i64) -> String {
    chrono::DateTime::from_timestamp_millis(millis)
        .map(|time| time.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

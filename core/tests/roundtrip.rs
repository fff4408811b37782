//! Export then import (issue 11 §4): demo M's customers and open items, exported as CSV and as
//! .xlsx with an ERP's English headers, imported into an empty portfolio through the guessed
//! mapping (the amount taken from the open amount, as a user maps it), give the same customers
//! (every master-data field, telephone numbers that start with `+` included) and the same
//! receivables: every open item with its dates and open amount, and each customer's aging
//! bucket by bucket. What the two tables do not carry (payments' history, credit files,
//! limits, disputes) is the backup's round trip (`backup.rs`).

use chrono::NaiveDate;
use creditdesk_core::alerts::{AlertReason, AlertStatus};
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::export::*;
use creditdesk_core::import::{plan, preview, Field, Mapping};
use creditdesk_core::journal::EntryFacts;
use creditdesk_core::ledger::reports::{aging_all, AgingBuckets};
use creditdesk_core::policy::{AlertRule, AlertSeverity, StepKind};
use creditdesk_core::Portfolio;
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;
use std::collections::BTreeMap;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// Headers as an English ERP export writes them (the app's English export uses these too).
struct ErpWords;

impl ExportWords for ErpWords {
    fn title(&self, kind: TableKind) -> String {
        kind.token().to_string()
    }

    fn header(&self, column: &Column) -> String {
        let text = match column {
            Column::CustomerNumber => "Customer No.",
            Column::CustomerName => "Customer",
            Column::RegistrationNo => "Registration No.",
            Column::Industry => "Industry",
            Column::Country => "Country",
            Column::Contact => "Contact",
            Column::Group => "Group",
            Column::TermsDays => "Terms (days)",
            Column::Currency => "Currency",
            Column::InvoiceNumber => "Invoice No.",
            Column::IssueDate => "Invoice date",
            Column::DueDate => "Due date",
            Column::InvoiceAmount => "Invoice amount",
            Column::OpenAmount => "Open amount",
            other => return format!("{other:?}"),
        };
        text.to_string()
    }

    fn total(&self) -> String {
        "Total".into()
    }

    fn step(&self, step: StepKind) -> String {
        step.token().into()
    }

    fn rule(&self, rule: AlertRule) -> String {
        rule.token().into()
    }

    fn severity(&self, severity: AlertSeverity) -> String {
        severity.token().into()
    }

    fn status(&self, _: &AlertStatus) -> String {
        String::new()
    }

    fn yes_no(&self, yes: bool) -> String {
        if yes { "yes" } else { "no" }.into()
    }

    fn reasons(&self, reasons: &[AlertReason]) -> String {
        format!("{} reasons", reasons.len())
    }

    fn sentence(&self, facts: &EntryFacts, _: &str) -> String {
        facts.kind().token().into()
    }
}

/// The file's bytes in the format named.
fn written(table: &Table, xlsx: bool) -> Vec<u8> {
    match xlsx {
        true => write_xlsx(Workbook::new(), table).expect("written"),
        false => write_csv(table, true),
    }
}

/// Imports one exported file into `state` with the guessed mapping, the amount read from
/// `amount_header`'s column when given.
fn import(state: &mut Portfolio, bytes: &[u8], name: &str, amount_header: Option<&str>) {
    let preview = preview(bytes, name, None, None).expect("the export reads as a table");
    let mut mapping: Mapping = preview.guess.clone();
    if let Some(header) = amount_header {
        for (column, field) in mapping.columns.iter_mut().enumerate() {
            if *field == Some(Field::Amount) {
                *field = None;
            }
            if preview.headers[column] == header {
                *field = Some(Field::Amount);
            }
        }
    }
    let outcome = plan(bytes, &mapping, state, as_of(), &mut |_, _| {})
        .unwrap_or_else(|rejected| panic!("{name}: {rejected:?}"));
    for entry in &outcome.entries {
        state.apply(entry).expect("planned entries fit the state");
    }
}

/// Each open invoice by number: its customer's number, dates and open amount on the day.
fn open_items(state: &Portfolio) -> BTreeMap<String, (String, NaiveDate, NaiveDate, Decimal)> {
    let table = open_items_table(state, as_of(), &ErpWords);
    let text = |cell: &Cell| match cell {
        Cell::Text(text) => text.clone(),
        other => panic!("text expected, not {other:?}"),
    };
    let date = |cell: &Cell| match cell {
        Cell::Date(date) => *date,
        other => panic!("a date expected, not {other:?}"),
    };
    let open = |cell: &Cell| match cell {
        Cell::Number(amount) => *amount,
        other => panic!("money expected, not {other:?}"),
    };
    (table.rows.iter())
        .map(|row| {
            let item = (text(&row[0]), date(&row[3]), date(&row[4]), open(&row[7]));
            (text(&row[2]), item)
        })
        .collect()
}

/// Each customer's aging on the day by number.
fn agings(state: &Portfolio) -> BTreeMap<String, Vec<Decimal>> {
    let agings = aging_all(&state.ledger, as_of(), &AgingBuckets::default());
    (state.ledger.customers.iter().zip(agings))
        .map(|(customer, aging)| {
            let mut figures = aging.buckets.clone();
            figures.push(aging.total);
            (customer.details.number.clone(), figures)
        })
        .collect()
}

fn round_trip(xlsx: bool) {
    let (_, original) = demo_portfolio(DemoSize::M, DEMO_SEED, as_of()).expect("demo M");
    let customers = written(&customers_table(&original, as_of(), &ErpWords), xlsx);
    let items = written(&open_items_table(&original, as_of(), &ErpWords), xlsx);
    let extension = if xlsx { "xlsx" } else { "csv" };
    let mut imported = Portfolio::default();
    import(
        &mut imported,
        &customers,
        &format!("customers.{extension}"),
        None,
    );
    import(
        &mut imported,
        &items,
        &format!("open-items.{extension}"),
        Some("Open amount"),
    );

    let details = |state: &Portfolio| -> Vec<_> {
        let customers = state.ledger.customers.iter();
        customers.map(|c| c.details.clone()).collect()
    };
    let before = details(&original);
    assert_eq!(before.len(), imported.ledger.customers.len());
    assert!(before.iter().any(|d| d.contact.starts_with('+')));
    assert_eq!(details(&imported), before, "{extension}: customers");

    let items = open_items(&original);
    assert!(items.len() > 100, "demo M has open items: {}", items.len());
    assert_eq!(open_items(&imported), items, "{extension}: open items");
    let agings_before = agings(&original);
    let overdue: Decimal = agings_before.values().map(|a| a[a.len() - 1]).sum();
    assert!(overdue > Decimal::ZERO);
    assert_eq!(agings(&imported), agings_before, "{extension}: aging");
}

#[test]
fn customers_and_open_items_exported_as_csv_import_to_the_same_receivables() {
    round_trip(false);
}

#[test]
fn customers_and_open_items_exported_as_xlsx_import_to_the_same_receivables() {
    round_trip(true);
}

//! A table to export: typed cells under column ids, the headers already worded in the user's
//! language by an [`ExportWords`] the shell passes (the core holds no user-facing text).

use crate::alerts::{AlertReason, AlertStatus};
use crate::journal::EntryFacts;
use crate::policy::{AlertRule, AlertSeverity, StepKind};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One cell. A `Number`'s scale is the number of decimals it is shown with: money is rescaled
/// to its currency's minor units (¥ 12.50 has scale 2, JPY 1000 scale 0), so a writer can
/// pick the number format from the value. Currency always sits in its own column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(Decimal),
    Date(NaiveDate),
    Integer(i64),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    /// An empty cell (a limit the customer does not have).
    pub fn empty() -> Cell {
        Cell::Text(String::new())
    }

    /// Money in a currency with `decimals` minor units: rounded half away from zero, then
    /// held at exactly that scale.
    pub fn money(amount: Decimal, decimals: u32) -> Cell {
        let mut amount = amount.round_dp_with_strategy(
            decimals,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        );
        amount.rescale(decimals);
        Cell::Number(amount)
    }
}

/// The tables that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    Customers,
    OpenItems,
    Aging,
    Worklist,
    Alerts,
    Journal,
}

impl TableKind {
    pub const ALL: [TableKind; 6] = [
        TableKind::Customers,
        TableKind::OpenItems,
        TableKind::Aging,
        TableKind::Worklist,
        TableKind::Alerts,
        TableKind::Journal,
    ];

    /// The table's name in file names: `creditdesk-open-items-2026-12-01.csv`.
    pub fn token(self) -> &'static str {
        match self {
            TableKind::Customers => "customers",
            TableKind::OpenItems => "open-items",
            TableKind::Aging => "aging",
            TableKind::Worklist => "worklist",
            TableKind::Alerts => "alerts",
            TableKind::Journal => "journal",
        }
    }

    pub fn from_token(token: &str) -> Option<TableKind> {
        TableKind::ALL
            .into_iter()
            .find(|kind| kind.token() == token)
    }

    /// `creditdesk-<table>-<as of>.<extension>`.
    pub fn file_name(self, as_of: NaiveDate, extension: &str) -> String {
        format!("creditdesk-{}-{as_of}.{extension}", self.token())
    }
}

/// A column's id; the shell words it ([`ExportWords::header`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
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
    InvoiceNumber,
    IssueDate,
    DueDate,
    DaysOverdue,
    InvoiceAmount,
    OpenAmount,
    Disputed,
    /// An aging bucket by its language-neutral label (`AgingBuckets::labels`: "" for not due,
    /// `1–30`, `> 180`).
    Bucket(String),
    Total,
    Priority,
    Step,
    DriverInvoice,
    Days,
    Items,
    Rule,
    Severity,
    Since,
    Status,
    Holding,
    /// An alert's reasons with the figures behind them.
    Reasons,
    Seq,
    Time,
    Who,
    Kind,
    Description,
    EntryJson,
}

/// A table: a sheet name, column ids with their headers, and rows of cells (each as long as
/// the columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub title: String,
    pub columns: Vec<Column>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(kind: TableKind, columns: Vec<Column>, words: &dyn ExportWords) -> Table {
        Table {
            kind,
            title: words.title(kind),
            headers: columns.iter().map(|column| words.header(column)).collect(),
            columns,
            rows: Vec::new(),
        }
    }
}

/// What a table says in words, in the user's language; the app implements it from its
/// texts tables (`app/src/i18n/export.rs`).
pub trait ExportWords {
    fn title(&self, kind: TableKind) -> String;
    fn header(&self, column: &Column) -> String;
    /// The name column of an aging total row.
    fn total(&self) -> String;
    fn step(&self, step: StepKind) -> String;
    fn rule(&self, rule: AlertRule) -> String;
    fn severity(&self, severity: AlertSeverity) -> String;
    fn status(&self, status: &AlertStatus) -> String;
    fn yes_no(&self, yes: bool) -> String;
    /// An alert's reasons, each with its figures, as one cell.
    fn reasons(&self, reasons: &[AlertReason]) -> String;
    /// A journal entry told as a sentence; `who` acted.
    fn sentence(&self, facts: &EntryFacts, who: &str) -> String;
}

/// Language-neutral words (tokens), for tests and the benchmark.
pub struct TokenWords;

impl ExportWords for TokenWords {
    fn title(&self, kind: TableKind) -> String {
        kind.token().to_string()
    }

    fn header(&self, column: &Column) -> String {
        match column {
            Column::Bucket(label) if label.is_empty() => "not due".to_string(),
            Column::Bucket(label) => label.clone(),
            other => format!("{other:?}"),
        }
    }

    fn total(&self) -> String {
        "Total".to_string()
    }

    fn step(&self, step: StepKind) -> String {
        step.token().to_string()
    }

    fn rule(&self, rule: AlertRule) -> String {
        rule.token().to_string()
    }

    fn severity(&self, severity: AlertSeverity) -> String {
        severity.token().to_string()
    }

    fn status(&self, status: &AlertStatus) -> String {
        match status {
            AlertStatus::Open => "open".to_string(),
            AlertStatus::Acknowledged { on, .. } => format!("acknowledged {on}"),
            AlertStatus::Snoozed { until } => format!("snoozed until {until}"),
        }
    }

    fn yes_no(&self, yes: bool) -> String {
        if yes { "yes" } else { "no" }.to_string()
    }

    /// Each reason as its variant and figures (`ItemOverdue { invoice: "…", days: 45, … }`).
    fn reasons(&self, reasons: &[AlertReason]) -> String {
        let told: Vec<String> = reasons.iter().map(|reason| format!("{reason:?}")).collect();
        told.join("; ")
    }

    fn sentence(&self, facts: &EntryFacts, who: &str) -> String {
        format!("{} by {who}", facts.kind().token())
    }
}

//! The customer list: each customer's ledger figures with the limit in force, the utilisation,
//! the grade and the hold, and the one rule for which customers a view of the list shows and
//! in what order. The overview's figures link to the list through the same filter, so a count
//! on the overview is the number of rows its link opens (`tests/list.rs` checks it).
//!
//! Utilisation here is the check's with no order (exposure ÷ limit × 100, one decimal), and
//! "over limit" is the check's over-limit block with no order: exposure above the limit in
//! force. A customer without a limit (none, lapsed) has neither; the check blocks it for
//! having no limit.

use crate::base::ids::CustomerId;
use crate::base::money::Currency;
use crate::credit::score::{previous_month_end, score_all, Score};
use crate::credit::CreditFiles;
use crate::ledger::reports::{customer_rows, CustomerRow};
use crate::ledger::search::{pinyin_key, pinyin_matches};
use crate::ledger::Ledger;
use crate::limits::state::Limits;
use crate::limits::status::{limit_status, utilisation_exact, LimitStatus};
use crate::policy::{Grade, Policies};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

/// One line of the customer list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRow {
    pub ledger: CustomerRow,
    /// The limit in force on the day; `None` without one (never approved, or lapsed).
    #[serde(with = "crate::base::money::decimal_serde::option")]
    pub limit: Option<Decimal>,
    /// Exposure ÷ limit × 100, one decimal; `None` without a positive limit.
    #[serde(with = "crate::base::money::decimal_serde::option")]
    pub utilisation_percent: Option<Decimal>,
    /// Exposure above the limit in force.
    pub over_limit: bool,
    /// The grade on the day, with the policy in force on it.
    pub grade: Grade,
    /// The grade at the previous month end, when the rows were asked with it
    /// ([`list_rows_with_grade_drops`]); `None` otherwise.
    pub grade_before: Option<Grade>,
    pub on_hold: bool,
}

impl ListRow {
    pub fn id(&self) -> CustomerId {
        self.ledger.id
    }

    /// Worse today than at the last month end: the rule of `credit::score::grade_drops`.
    pub fn grade_dropped(&self) -> bool {
        self.grade_before.is_some_and(|before| self.grade > before)
    }
}

/// The sub-states a list row reads.
#[derive(Clone, Copy)]
pub struct ListSources<'a> {
    pub ledger: &'a Ledger,
    pub credit: &'a CreditFiles,
    pub policies: &'a Policies,
    pub limits: &'a Limits,
}

/// Every customer's row on `as_of`, in `ledger.customers` order, without the month-end grades
/// (a second scoring of every customer, needed only to find grade drops).
pub fn list_rows(sources: ListSources<'_>, as_of: NaiveDate) -> Vec<ListRow> {
    let grades = grades_on(sources, as_of);
    rows_graded(sources, as_of, grades)
}

/// [`list_rows`] with every customer's score on `as_of` already made (`score_all`, in customer
/// order), as a shell keeping the scores has them; scores for another set of customers are
/// not used, and the grades are made again.
pub fn list_rows_scored(
    sources: ListSources<'_>,
    as_of: NaiveDate,
    scores: &[Score],
) -> Vec<ListRow> {
    match scores.len() == sources.ledger.customers.len() {
        true => rows_graded(
            sources,
            as_of,
            scores.iter().map(|score| score.grade).collect(),
        ),
        false => list_rows(sources, as_of),
    }
}

fn rows_graded(sources: ListSources<'_>, as_of: NaiveDate, grades: Vec<Grade>) -> Vec<ListRow> {
    customer_rows(sources.ledger, as_of)
        .into_iter()
        .zip(grades)
        .map(|(row, grade)| list_row(sources.limits, row, grade, as_of))
        .collect()
}

/// [`list_rows`] with each row's grade at the previous month end, so that
/// [`Criterion::GradeDropped`] can select.
pub fn list_rows_with_grade_drops(sources: ListSources<'_>, as_of: NaiveDate) -> Vec<ListRow> {
    let before = grades_on(sources, previous_month_end(as_of));
    with_grades_before(list_rows(sources, as_of), before)
}

/// [`list_rows_with_grade_drops`] with the scores on `as_of` and at the previous month end
/// already made (as [`list_rows_scored`] takes them).
pub fn list_rows_with_grade_drops_scored(
    sources: ListSources<'_>,
    as_of: NaiveDate,
    now: &[Score],
    before: &[Score],
) -> Vec<ListRow> {
    if before.len() != sources.ledger.customers.len() {
        return list_rows_with_grade_drops(sources, as_of);
    }
    let before = before.iter().map(|score| score.grade).collect();
    with_grades_before(list_rows_scored(sources, as_of, now), before)
}

fn with_grades_before(mut rows: Vec<ListRow>, before: Vec<Grade>) -> Vec<ListRow> {
    for (row, before) in rows.iter_mut().zip(before) {
        row.grade_before = Some(before);
    }
    rows
}

fn grades_on(sources: ListSources<'_>, date: NaiveDate) -> Vec<Grade> {
    let policy = sources.policies.on(date);
    score_all(sources.ledger, sources.credit, &policy, date)
        .into_iter()
        .map(|score| score.grade)
        .collect()
}

fn list_row(limits: &Limits, ledger: CustomerRow, grade: Grade, as_of: NaiveDate) -> ListRow {
    let limit = match limit_status(limits, ledger.id, as_of) {
        LimitStatus::InForce(in_force) => Some(in_force.amount),
        LimitStatus::None | LimitStatus::Lapsed { .. } => None,
    };
    let utilisation_percent = limit
        .and_then(|limit| utilisation_exact(ledger.exposure, limit))
        .map(|percent| percent.round_dp(1));
    ListRow {
        over_limit: limit.is_some_and(|limit| ledger.exposure > limit),
        on_hold: limits.hold(ledger.id).is_some(),
        limit,
        utilisation_percent,
        grade,
        grade_before: None,
        ledger,
    }
}

/// A condition a view of the list may require; its token names it in the URL (`?hold=1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Criterion {
    /// Something past due (the overview's "customers overdue").
    Overdue,
    OnHold,
    OverLimit,
    /// A worse grade than at the last month end (rows asked with the month-end grades).
    GradeDropped,
    OpenOrders,
    Disputed,
    /// Unapplied cash or credit.
    Unapplied,
}

impl Criterion {
    pub const ALL: [Criterion; 7] = [
        Criterion::Overdue,
        Criterion::OnHold,
        Criterion::OverLimit,
        Criterion::GradeDropped,
        Criterion::OpenOrders,
        Criterion::Disputed,
        Criterion::Unapplied,
    ];

    pub fn token(self) -> &'static str {
        match self {
            Criterion::Overdue => "overdue",
            Criterion::OnHold => "hold",
            Criterion::OverLimit => "over-limit",
            Criterion::GradeDropped => "grade-drop",
            Criterion::OpenOrders => "orders",
            Criterion::Disputed => "disputed",
            Criterion::Unapplied => "unapplied",
        }
    }

    pub fn from_token(token: &str) -> Option<Criterion> {
        Criterion::ALL
            .into_iter()
            .find(|criterion| criterion.token() == token)
    }

    pub fn holds_for(self, row: &ListRow) -> bool {
        let ledger = &row.ledger;
        match self {
            Criterion::Overdue => ledger.overdue > Decimal::ZERO,
            Criterion::OnHold => row.on_hold,
            Criterion::OverLimit => row.over_limit,
            Criterion::GradeDropped => row.grade_dropped(),
            Criterion::OpenOrders => ledger.open_orders > Decimal::ZERO,
            Criterion::Disputed => ledger.disputed > Decimal::ZERO,
            Criterion::Unapplied => ledger.unapplied > Decimal::ZERO,
        }
    }
}

/// Which customers a view of the list shows: a search text (name or number, case-insensitive,
/// or the name's pinyin: `guangzhou`, `gz`), a currency, and criteria that must all hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFilter {
    pub text: String,
    pub currency: Option<Currency>,
    /// Sorted, without repeats (`with` keeps them so), so equal filters compare equal.
    pub criteria: Vec<Criterion>,
}

impl CustomerFilter {
    /// This filter with `criterion` too.
    pub fn with(mut self, criterion: Criterion) -> CustomerFilter {
        if let Err(at) = self.criteria.binary_search(&criterion) {
            self.criteria.insert(at, criterion);
        }
        self
    }

    /// This filter without `criterion`.
    pub fn without(mut self, criterion: Criterion) -> CustomerFilter {
        self.criteria.retain(|held| *held != criterion);
        self
    }

    pub fn requires(&self, criterion: Criterion) -> bool {
        self.criteria.contains(&criterion)
    }

    /// Whether a row is in this view; `needle` is the text trimmed and lower-cased.
    fn admits(&self, row: &ListRow, needle: &str) -> bool {
        let ledger = &row.ledger;
        self.currency
            .is_none_or(|currency| ledger.currency == currency)
            && self
                .criteria
                .iter()
                .all(|criterion| criterion.holds_for(row))
            && (needle.is_empty()
                || ledger.name.to_lowercase().contains(needle)
                || ledger.number.to_lowercase().contains(needle)
                || pinyin_matches(&ledger.name, needle))
    }

    pub fn matches(&self, row: &ListRow) -> bool {
        self.admits(row, &self.text.trim().to_lowercase())
    }

    /// How many rows this view shows (the overview's counts).
    pub fn count(&self, rows: &[ListRow]) -> usize {
        let needle = self.text.trim().to_lowercase();
        rows.iter().filter(|row| self.admits(row, &needle)).count()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CustomerSort {
    #[default]
    Name,
    Number,
    BalanceDesc,
    OverdueDesc,
    DaysOverdueDesc,
    LimitDesc,
    UtilisationDesc,
    /// The worst grade first (E before A).
    GradeWorst,
}

impl CustomerSort {
    pub const ALL: [CustomerSort; 8] = [
        CustomerSort::Name,
        CustomerSort::Number,
        CustomerSort::BalanceDesc,
        CustomerSort::OverdueDesc,
        CustomerSort::DaysOverdueDesc,
        CustomerSort::LimitDesc,
        CustomerSort::UtilisationDesc,
        CustomerSort::GradeWorst,
    ];

    /// The token used in URLs.
    pub fn token(&self) -> &'static str {
        match self {
            CustomerSort::Name => "name",
            CustomerSort::Number => "number",
            CustomerSort::BalanceDesc => "balance",
            CustomerSort::OverdueDesc => "overdue",
            CustomerSort::DaysOverdueDesc => "days",
            CustomerSort::LimitDesc => "limit",
            CustomerSort::UtilisationDesc => "utilisation",
            CustomerSort::GradeWorst => "grade",
        }
    }

    pub fn from_token(token: &str) -> CustomerSort {
        CustomerSort::ALL
            .into_iter()
            .find(|sort| sort.token() == token)
            .unwrap_or_default()
    }
}

/// The rows `filter` admits, sorted: names by pinyin (青岛 before 郑州), amounts largest first
/// in one currency — `to_base` gives an amount in the base currency (the credit policy's
/// rates), so €5.13 M ranks above ¥5.87 M, and an amount without a rate sorts after every
/// converted one, by its own figure — utilisation highest first, grades worst first; a row
/// without a limit or utilisation comes after those with one. Ties keep customer order.
/// Returns indexes into `rows` so the caller can page without copying.
pub fn select_customers(
    rows: &[ListRow],
    filter: &CustomerFilter,
    sort: CustomerSort,
    to_base: &dyn Fn(Decimal, Currency) -> Option<Decimal>,
) -> Vec<usize> {
    let needle = filter.text.trim().to_lowercase();
    let mut selected: Vec<usize> = (0..rows.len())
        .filter(|index| filter.admits(&rows[*index], &needle))
        .collect();
    // Largest first: converted amounts (descending), then those without a rate (descending),
    // then rows without the figure at all.
    let by_amount = |amount: fn(&ListRow) -> Option<Decimal>| {
        move |index: &usize| {
            let row = &rows[*index];
            match amount(row) {
                Some(figure) => match to_base(figure, row.ledger.currency) {
                    Some(base) => (0, Reverse(base)),
                    None => (1, Reverse(figure)),
                },
                None => (2, Reverse(Decimal::ZERO)),
            }
        }
    };
    let row = |index: &usize| &rows[*index];
    match sort {
        CustomerSort::Name => selected.sort_by_cached_key(|i| pinyin_key(&row(i).ledger.name)),
        CustomerSort::Number => {
            selected.sort_by(|a, b| row(a).ledger.number.cmp(&row(b).ledger.number))
        }
        CustomerSort::BalanceDesc => {
            selected.sort_by_cached_key(by_amount(|r| Some(r.ledger.balance)))
        }
        CustomerSort::OverdueDesc => {
            selected.sort_by_cached_key(by_amount(|r| Some(r.ledger.overdue)))
        }
        CustomerSort::DaysOverdueDesc => {
            selected.sort_by_key(|i| Reverse(row(i).ledger.days_overdue_max))
        }
        CustomerSort::LimitDesc => selected.sort_by_cached_key(by_amount(|r| r.limit)),
        CustomerSort::UtilisationDesc => {
            selected.sort_by_key(|i| match row(i).utilisation_percent {
                Some(percent) => (0, Reverse(percent)),
                None => (1, Reverse(Decimal::ZERO)),
            })
        }
        CustomerSort::GradeWorst => selected.sort_by_key(|i| Reverse(row(i).grade)),
    }
    selected
}

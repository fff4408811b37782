//! Planning an import: every row checked against the file and the portfolio, then the
//! commands decided in one pass (`decide_all`), all or nothing. Nothing is returned to append
//! unless no row is bad; every bad row is reported.
//!
//! Identity, so that importing a file again adds nothing: customers by number, invoices,
//! credit notes and orders by document number, payments by (customer, reference, date,
//! amount). A row whose number is known with the same content is skipped and counted; with
//! other content it is `ChangedKnown`, never applied. Customers created by an import are dated
//! on their first document in it; a known customer with a document dated before its "customer
//! since" has that date moved back to the document's (importing history).

use crate::decide::{decide_all_with, BatchRejection, Rejection};
use crate::import::customers::plan_customers;
use crate::import::documents::plan_documents;
use crate::import::mapping::{Field, FileKind, Mapping, Target};
use crate::import::planner::{Outcome, Planner, Summary};
use crate::import::problem::{FileError, Problem, Rejected, RowError};
use crate::import::rows::Columns;
use crate::import::table::read_table;
use crate::journal::Portfolio;
use chrono::NaiveDate;

/// How often `progress` is called, in rows.
const PROGRESS_EVERY: usize = 5_000;

/// Validates every row (all errors, not the first), then returns the entries to append as
/// ONE event. `recorded_on` is today; ids come from `state.next_ids()`. `progress(done,
/// total)` is called every few thousand rows. Linear in rows in time and memory.
pub fn plan(
    bytes: &[u8],
    mapping: &Mapping,
    state: &Portfolio,
    recorded_on: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, Rejected> {
    let name = match mapping.kind {
        FileKind::Csv => "import.csv",
        FileKind::Xlsx => "import.xlsx",
    };
    let table = read_table(bytes, name, Some(mapping.encoding), Some(mapping.sheet))
        .map_err(Rejected::File)?;
    let columns = Columns::new(mapping, &table.headers);
    check_mapping(&columns).map_err(Rejected::File)?;
    let mut planner = Planner {
        state,
        recorded_on,
        next: state.next_ids(),
        commands: Vec::with_capacity(table.rows.len()),
        errors: Vec::new(),
        summary: Summary::default(),
    };
    let total = table.rows.len() * 2;
    let mut read = |done: usize| {
        if done.is_multiple_of(PROGRESS_EVERY) {
            progress(done, total);
        }
    };
    match mapping.target {
        Target::Customers => plan_customers(&mut planner, &columns, &table.rows, &mut read),
        _ => plan_documents(&mut planner, &columns, &table.rows, &mut read),
    }
    let Planner {
        commands,
        mut errors,
        summary,
        ..
    } = planner;
    let rows: Vec<usize> = commands.iter().map(|(row, _)| *row).collect();
    let decided = decide_all_with(state, commands.into_iter().map(|(_, c)| c), &mut |done| {
        if done.is_multiple_of(PROGRESS_EVERY) {
            progress(total / 2 + done, total);
        }
    });
    let had_errors = !errors.is_empty();
    match decided {
        Ok((entries, _)) if !had_errors => {
            progress(total, total);
            Ok(Outcome { entries, summary })
        }
        Ok(_) => Err(Rejected::Rows(sorted(errors))),
        Err(rejections) => {
            errors.extend(rejected_rows(&columns, &rows, rejections, had_errors));
            Err(Rejected::Rows(sorted(errors)))
        }
    }
}

/// The errors in file order (a row's own problems in the order found).
fn sorted(mut errors: Vec<RowError>) -> Vec<RowError> {
    errors.sort_by_key(|error| error.row);
    errors
}

/// The rules' refusals as row errors. A refused customer or invoice makes the commands that
/// name it refused too ("unknown customer"); those follow from an error already listed and
/// are left out.
fn rejected_rows(
    columns: &Columns,
    rows: &[usize],
    rejections: Vec<BatchRejection>,
    had_errors: bool,
) -> Vec<RowError> {
    let mut follows = had_errors;
    let mut errors = Vec::with_capacity(rejections.len());
    for BatchRejection { index, rejection } in rejections {
        let consequence = matches!(
            rejection,
            Rejection::UnknownCustomer | Rejection::AllocationToUnknownInvoice
        );
        if !(consequence && follows) {
            errors.push(RowError {
                row: rows.get(index).copied().unwrap_or(0),
                column: rejected_field(&rejection, columns.mapping.target)
                    .and_then(|field| columns.header(field)),
                problem: Problem::Rejected(rejection),
            });
        }
        follows = true;
    }
    errors
}

/// The column a refusal is about, where one is.
fn rejected_field(rejection: &Rejection, target: Target) -> Option<Field> {
    let date = match target {
        Target::Payments => Field::PaymentDate,
        _ => Field::IssueDate,
    };
    match rejection {
        Rejection::DateInFuture { .. }
        | Rejection::DateOutOfRange
        | Rejection::DateBeforeCustomerSince { .. } => Some(date),
        Rejection::DueBeforeIssue | Rejection::TermsDisagreeWithDueDate { .. } => {
            Some(Field::DueDate)
        }
        Rejection::CountryInvalid => Some(Field::Country),
        Rejection::TermsOutOfRange { .. } => Some(Field::TermsDays),
        Rejection::CurrencyMismatch { .. } => Some(Field::Currency),
        Rejection::AllocationBeforeIssue { .. } => Some(Field::InvoiceNumber),
        _ => None,
    }
}

/// The mapping names every required field once; customers have a currency.
fn check_mapping(columns: &Columns) -> Result<(), FileError> {
    let mapping = columns.mapping;
    let mut seen = Vec::new();
    for field in mapping.columns.iter().flatten() {
        if seen.contains(field) {
            return Err(FileError::ColumnMappedTwice(*field));
        }
        seen.push(*field);
    }
    let missing: Vec<Field> = (mapping.target.required().iter())
        .filter(|field| !columns.has(**field))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns(missing));
    }
    if mapping.target == Target::Customers
        && !columns.has(Field::Currency)
        && mapping.currency.is_none()
    {
        return Err(FileError::NoCurrency);
    }
    Ok(())
}

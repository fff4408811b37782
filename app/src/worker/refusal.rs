//! The worker's words for a refused file or rows, in the page's language: the page shows the
//! first rows and offers the whole list as a CSV file made here.

use super::protocol::{BadRow, Refusal, ROWS_SHOWN};
use crate::i18n::{import, Lang};
use creditdesk_core::export::csv::write_csv_rows;
use creditdesk_core::export::Cell;
use creditdesk_core::import::{Rejected, RowError};

pub fn refusal(lang: Lang, rejected: &Rejected) -> Refusal {
    match rejected {
        Rejected::File(error) => Refusal::File(import::file_error(lang, error)),
        Rejected::Rows(errors) => Refusal::Rows {
            count: errors.len(),
            shown: errors
                .iter()
                .take(ROWS_SHOWN)
                .map(|error| worded(lang, error))
                .collect(),
            file: String::from_utf8(errors_file(lang, errors)).unwrap_or_default(),
        },
    }
}

fn worded(lang: Lang, error: &RowError) -> BadRow {
    BadRow {
        row: error.row,
        column: error.column.clone().unwrap_or_default(),
        reason: import::problem(lang, &error.problem),
    }
}

/// Every error, one line each, UTF-8 with a BOM (Excel on Chinese Windows then reads it
/// right), neutralised against formulas like every export (a column's header comes from the
/// user's file).
fn errors_file(lang: Lang, errors: &[RowError]) -> Vec<u8> {
    let p = lang.import_page();
    let headers = [p.error_row, p.error_column, p.error_reason].map(str::to_string);
    let rows: Vec<Vec<Cell>> = errors
        .iter()
        .map(|error| {
            let bad = worded(lang, error);
            vec![
                Cell::Integer(bad.row as i64),
                Cell::text(bad.column),
                Cell::text(bad.reason),
            ]
        })
        .collect();
    write_csv_rows(&headers, &rows, true)
}

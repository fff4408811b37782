//! The worker's words for a refused file or rows, in the page's language: the page shows the
//! first rows and offers the whole list as a CSV file made here.

use super::protocol::{BadRow, Refusal, ROWS_SHOWN};
use crate::i18n::{import, Lang};
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
            file: errors_file(lang, errors),
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
/// right). A cell that could start a spreadsheet formula (a column's header comes from the
/// user's file) is neutralised with a leading apostrophe.
fn errors_file(lang: Lang, errors: &[RowError]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(lang.import_page().errors_file_header);
    out.push_str("\r\n");
    for error in errors {
        let BadRow {
            row,
            column,
            reason,
        } = worded(lang, error);
        let cells = [row.to_string(), column, reason];
        let line: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => format!("'{text}"),
        _ => text.to_string(),
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

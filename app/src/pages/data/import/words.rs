//! The page's sentences built from the core's import values: what was found, what was
//! imported, and the reasons (`i18n::import`).

use crate::i18n::import_page::ImportPageTexts;
use crate::i18n::{fill, Lang};
use crate::numbers;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::import::{
    DateFormat, Encoding, Field, FileError, FileKind, Preview, Problem, RowError, Summary, Target,
    Unapplied,
};

pub fn encoding(p: &ImportPageTexts, encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 => p.enc_utf8,
        Encoding::Utf8Bom => p.enc_utf8_bom,
        Encoding::Gb18030 => p.enc_gb18030,
    }
}

pub fn date_format(p: &ImportPageTexts, format: DateFormat) -> &'static str {
    match format {
        DateFormat::Ymd => p.date_ymd,
        DateFormat::Dmy => p.date_dmy,
        DateFormat::Mdy => p.date_mdy,
    }
}

pub fn number_format(p: &ImportPageTexts, format: NumberFormat) -> &'static str {
    match format {
        NumberFormat::Point => p.num_point,
        NumberFormat::Comma => p.num_comma,
    }
}

/// "CSV file, encoding GBK / GB18030, 1,204 data rows."
pub fn detected(p: &ImportPageTexts, preview: &Preview) -> String {
    let rows = preview.row_count.to_string();
    match preview.kind {
        FileKind::Csv => fill(
            p.detected_csv,
            &[("encoding", encoding(p, preview.encoding)), ("rows", &rows)],
        ),
        FileKind::Xlsx => {
            let sheet = preview
                .sheets
                .get(preview.guess.sheet)
                .cloned()
                .unwrap_or_default();
            fill(p.detected_xlsx, &[("sheet", &sheet), ("rows", &rows)])
        }
    }
}

pub fn rows_more(p: &ImportPageTexts, preview: &Preview) -> String {
    fill(
        p.rows_more,
        &[
            ("rows", &preview.row_count.to_string()),
            ("shown", &preview.rows.len().to_string()),
        ],
    )
}

pub fn imported(p: &ImportPageTexts, summary: &Summary) -> String {
    fill(
        p.imported,
        &[
            ("customers", &summary.customers.to_string()),
            ("invoices", &summary.invoices.to_string()),
            ("payments", &summary.payments.to_string()),
            ("credit_notes", &summary.credit_notes.to_string()),
            ("orders", &summary.orders.to_string()),
        ],
    )
}

pub fn unapplied(p: &ImportPageTexts, item: &Unapplied) -> String {
    let amount = numbers::money(item.money.amount, item.money.currency);
    fill(
        p.unapplied_row,
        &[
            ("row", &item.row.to_string()),
            ("customer", &item.customer),
            ("amount", &amount),
        ],
    )
}

pub fn target(lang: Lang, target: Target) -> String {
    crate::i18n::import::target(lang, target).to_string()
}

/// A column's meaning, marked when the target requires it.
pub fn field_label(lang: Lang, field: Field, required: bool) -> String {
    let name = crate::i18n::import::field(lang, field);
    match required {
        true => format!("{name}{}", lang.import_page().required_mark),
        false => name.to_string(),
    }
}

pub fn problem(lang: Lang, problem: &Problem) -> String {
    crate::i18n::import::problem(lang, problem)
}

pub fn file_error(lang: Lang, error: &FileError) -> String {
    crate::i18n::import::file_error(lang, error)
}

/// The downloadable list of errors: one line per error, in the user's language. A cell that
/// could start a spreadsheet formula (a column header comes from the user's file) is
/// neutralised with a leading apostrophe.
pub fn errors_file(lang: Lang, errors: &[RowError]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(lang.import_page().errors_file_header);
    out.push_str("\r\n");
    for error in errors {
        let column = error.column.clone().unwrap_or_default();
        let cells = [error.row.to_string(), column, problem(lang, &error.problem)];
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

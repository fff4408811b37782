//! The page's sentences built from the core's import values: what was found, what was
//! imported, the names of targets and fields (`i18n::import`). The reasons a row is refused are
//! worded in the worker.

use crate::i18n::import_page::ImportPageTexts;
use crate::i18n::{self, fill, Lang};
use crate::numbers;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::import::{Field, FileKind, Preview, Summary, Target, Unapplied};

pub fn number_format(p: &ImportPageTexts, format: NumberFormat) -> &'static str {
    match format {
        NumberFormat::Point => p.num_point,
        NumberFormat::Comma => p.num_comma,
    }
}

/// "CSV file, encoding GBK / GB18030, 1,204 data rows."
pub fn detected(lang: Lang, preview: &Preview) -> String {
    let p = lang.import_page();
    let rows = preview.row_count.to_string();
    match preview.kind {
        FileKind::Csv => fill(
            p.detected_csv,
            &[
                ("encoding", i18n::import::encoding(lang, preview.encoding)),
                ("rows", &rows),
            ],
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

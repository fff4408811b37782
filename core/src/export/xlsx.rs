//! The .xlsx writer (`rust_xlsxwriter`): one sheet named after the table, a bold header row
//! frozen at the top, column widths from the content, amounts as numbers with their
//! currency's decimals as the number format, dates as dates, integers as whole numbers.
//!
//! Text is written as string cells, which Excel and LibreOffice show and never evaluate
//! (a formula is a cell of its own type, `<f>`): `=1+1` stays the text `=1+1`, so text is
//! written exactly as it is, without the CSV writer's `'` prefix (a test reads the file back
//! and finds no formula).
//!
//! **The clock.** `rust_xlsxwriter`'s `Workbook::new()` reads the clock for the document's
//! creation time (`DocProperties::new()`), and `std::time` panics on wasm32-unknown-unknown
//! unless the crate's `wasm` feature reads `js_sys::Date` instead — js-sys, which the core
//! must not depend on. Setting the creation date explicitly does not help: the clock is read
//! in `Workbook::new()`, before anything can be set. So the core never makes a workbook: the
//! caller passes one in, like every other reading of the clock. The app's worker makes it
//! with the `wasm` feature on (app/Cargo.toml); natively the std clock works.

use crate::export::table::{Cell, Table};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The longest text a cell holds (Excel's limit); longer text is cut, ending in `…`.
pub const CELL_TEXT_MAX: usize = 32_767;

/// Rows read to size the columns (the rest are assumed alike).
const WIDTH_SAMPLE: usize = 500;

/// Writes `table` as the only sheet of `workbook` (made by the caller: see the module doc)
/// and returns the file's bytes.
pub fn write_xlsx(mut workbook: Workbook, table: &Table) -> Result<Vec<u8>, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&table.title))?;
    let header = Format::new().set_bold();
    for (col, text) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, text, &header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let formats = Formats::new();
    for (index, row) in table.rows.iter().enumerate() {
        let at = index as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            write_cell(sheet, (at, col as u16), cell, &formats)?;
        }
    }
    for (col, width) in widths(table).into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    workbook.save_to_buffer()
}

struct Formats {
    /// `#,##0`, `#,##0.0`, `#,##0.00`, … by decimals (0 to 4).
    numbers: Vec<Format>,
    integer: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let numbers = (0..=4)
            .map(|places| match places {
                0 => Format::new().set_num_format("#,##0"),
                _ => Format::new().set_num_format(format!("#,##0.{}", "0".repeat(places))),
            })
            .collect();
        Formats {
            numbers,
            integer: Format::new().set_num_format("0"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) if text.is_empty() => {}
        Cell::Text(text) => {
            sheet.write_string(row, col, cut(text))?;
        }
        Cell::Number(number) => {
            let places = (number.scale() as usize).min(formats.numbers.len() - 1);
            let value = number.to_f64().unwrap_or_default();
            sheet.write_number_with_format(row, col, value, &formats.numbers[places])?;
        }
        Cell::Integer(integer) => {
            sheet.write_number_with_format(row, col, *integer as f64, &formats.integer)?;
        }
        Cell::Date(date) => {
            match excel_date(*date) {
                Some(day) => sheet.write_datetime_with_format(row, col, day, &formats.date)?,
                None => sheet.write_string(row, col, date.to_string())?,
            };
        }
    }
    Ok(())
}

/// The date as Excel's, from 1900-03-01 on: before 1900 Excel has no dates, and before
/// March 1900 its serial numbers are off by its phantom 1900-02-29 (the caller writes the ISO
/// text instead).
fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let first = chrono::NaiveDate::from_ymd_opt(1900, 3, 1)?;
    if date < first {
        return None;
    }
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// Text cut to Excel's limit of characters per cell.
fn cut(text: &str) -> String {
    if text.chars().count() <= CELL_TEXT_MAX {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(CELL_TEXT_MAX - 1).collect();
    kept.push('…');
    kept
}

/// A sheet name Excel accepts: at most 31 characters, none of `[ ] : * ? / \`.
fn sheet_name(title: &str) -> String {
    let name: String = title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    match name.trim_matches('\'') {
        "" => "Sheet1".to_string(),
        _ => name,
    }
}

/// Each column's width in characters: the widest of the header and the first rows, a
/// full-width (CJK) character counting two, between 6 and 60.
fn widths(table: &Table) -> Vec<f64> {
    let mut widths: Vec<usize> = table.headers.iter().map(|h| display_width(h)).collect();
    for row in table.rows.iter().take(WIDTH_SAMPLE) {
        for (width, cell) in widths.iter_mut().zip(row) {
            let shown = match cell {
                Cell::Text(text) => display_width(text),
                Cell::Number(number) => number.to_string().len() + 4,
                Cell::Integer(integer) => integer.to_string().len(),
                Cell::Date(_) => 10,
            };
            *width = (*width).max(shown);
        }
    }
    widths
        .into_iter()
        .map(|w| (w + 2).clamp(6, 60) as f64)
        .collect()
}

fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
        .sum()
}

//! The CSV writer: UTF-8 (with a byte-order mark by default, so that Excel on Chinese Windows
//! reads it as UTF-8 and not as GBK), comma separated, CRLF line ends, quoted where needed.
//! Text that a spreadsheet would take for a formula is neutralised; numbers never are.

use crate::base::input::FORMULA_FIRST;
use crate::export::table::{Cell, Table};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `text` as a spreadsheet shows it and never evaluates: prefixed with `'` when it starts with
/// one of `= + - @`, tab, CR or LF (OWASP); otherwise unchanged.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some(first) if FORMULA_FIRST.contains(&first) => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// How a cell is written in CSV: numbers as plain decimals with their scale (`-12.50`, no
/// grouping), dates as `2026-12-01`, text neutralised.
fn field(cell: &Cell) -> std::borrow::Cow<'_, str> {
    match cell {
        Cell::Text(text) => neutralise(text),
        Cell::Number(number) => number.to_string().into(),
        Cell::Date(date) => date.format("%Y-%m-%d").to_string().into(),
        Cell::Integer(integer) => integer.to_string().into(),
    }
}

/// The table as CSV bytes: the header row (neutralised like any text), then each row.
pub fn write_csv(table: &Table, bom: bool) -> Vec<u8> {
    write_csv_rows(&table.headers, &table.rows, bom)
}

/// Headers and rows as CSV bytes, for a list that is no [`Table`] (an import's errors).
pub fn write_csv_rows(headers: &[String], rows: &[Vec<Cell>], bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * (rows.len() + 1));
    if bom {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(out);
    // Writing into a Vec cannot fail, so neither can this.
    let written = write_rows(&mut writer, headers, rows);
    debug_assert!(written.is_ok(), "{written:?}");
    writer.into_inner().unwrap_or_default()
}

fn write_rows(
    writer: &mut csv::Writer<Vec<u8>>,
    headers: &[String],
    rows: &[Vec<Cell>],
) -> csv::Result<()> {
    for header in headers {
        writer.write_field(neutralise(header).as_bytes())?;
    }
    writer.write_record(None::<&[u8]>)?;
    for row in rows {
        for cell in row {
            writer.write_field(field(cell).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    Ok(())
}

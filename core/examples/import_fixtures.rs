//! Writes the .xlsx fixtures of the import tests (`tests/fixtures/import/`): run from the
//! repository root with `cargo run -p creditdesk-core --example import_fixtures`. The text
//! fixtures come from `scripts/import-fixtures.py`. The files are committed; rerun only when
//! one changes.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

const OUT: &str = "tests/fixtures/import";

/// An invoice register for C1003 (USD): date cells, number cells, one settled invoice.
fn invoices(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let headers = [
        "Customer No.",
        "Customer",
        "Invoice No.",
        "Invoice Date",
        "Due Date",
        "Amount",
        "Currency",
        "Settled Date",
    ];
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string(0, column as u16, *header)?;
    }
    let rows = [
        (
            "INV-X-001",
            (2026, 9, 1),
            (2026, 10, 16),
            1234.5,
            Some((2026, 10, 20)),
        ),
        ("INV-X-002", (2026, 10, 1), (2026, 11, 15), 2000.0, None),
    ];
    for (index, (number, issue, due, amount, settled)) in rows.iter().enumerate() {
        let row = index as u32 + 1;
        sheet.write_string(row, 0, "C1003")?;
        sheet.write_string(row, 1, "Acme Trading Ltd")?;
        sheet.write_string(row, 2, *number)?;
        let day = |(y, m, d): (u16, u8, u8)| ExcelDateTime::from_ymd(y, m, d);
        sheet.write_datetime_with_format(row, 3, day(*issue)?, &date)?;
        sheet.write_datetime_with_format(row, 4, day(*due)?, &date)?;
        sheet.write_number(row, 5, *amount)?;
        sheet.write_string(row, 6, "USD")?;
        if let Some(settled) = settled {
            sheet.write_datetime_with_format(row, 7, day(*settled)?, &date)?;
        }
    }
    Ok(())
}

/// Cells of every kind for C1003: a document number written as a number, a date as a bare
/// serial number (no date format), an amount with too many decimals for USD.
fn cells(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (column, header) in ["客户编号", "发票号码", "开票日期", "金额"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *header)?;
    }
    sheet.write_string(1, 0, "C1003")?;
    sheet.write_number(1, 1, 10001)?;
    sheet.write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2026, 9, 1)?, &date)?;
    sheet.write_number(1, 3, 100.125)?;
    sheet.write_string(2, 0, "C1003")?;
    sheet.write_number(2, 1, 10002)?;
    // 46266 is 2026-09-01 counted from Excel's 1899-12-30.
    sheet.write_number(2, 2, 46266)?;
    sheet.write_number(2, 3, 50)?;
    Ok(())
}

fn main() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    invoices(book.add_worksheet().set_name("Invoices")?)?;
    let bytes = book.save_to_buffer()?;
    std::fs::write(format!("{OUT}/invoices.xlsx"), &bytes)?;
    // The same workbook cut in half, as an interrupted download leaves it.
    std::fs::write(format!("{OUT}/truncated.xlsx"), &bytes[..bytes.len() / 2])?;

    let mut book = Workbook::new();
    let cover = book.add_worksheet().set_name("说明")?;
    cover.write_string(0, 0, "发票导出 2026年10月")?;
    invoices(book.add_worksheet().set_name("发票")?)?;
    book.add_worksheet().set_name("空白")?;
    std::fs::write(format!("{OUT}/several-sheets.xlsx"), book.save_to_buffer()?)?;

    let mut book = Workbook::new();
    cells(book.add_worksheet())?;
    std::fs::write(format!("{OUT}/xlsx-cells.xlsx"), book.save_to_buffer()?)?;
    Ok(())
}

//! Export: the tables of demo S as of a date (two rows checked by hand), the CSV writer's
//! neutralisation, and the .xlsx writer read back with calamine.

mod common;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use common::{date, dec};
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::export::*;
use creditdesk_core::{Entry, Portfolio, SealedEvent, Timestamp};
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;
use std::io::Cursor;

fn demo_s() -> (SealedEvent, Portfolio) {
    let (entries, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of()).expect("demo S");
    (
        SealedEvent::seal(None, Timestamp(0), "demo", entries),
        state,
    )
}

fn as_of() -> NaiveDate {
    date("2026-12-01")
}

fn text(value: &str) -> Cell {
    Cell::text(value)
}

fn number(value: &str) -> Cell {
    Cell::Number(dec(value))
}

fn csv_text(table: &Table) -> String {
    String::from_utf8(write_csv(table, false)).expect("UTF-8")
}

fn rows_of<'a>(table: &'a Table, customer: &str) -> Vec<&'a Vec<Cell>> {
    let at = table
        .columns
        .iter()
        .position(|c| *c == Column::CustomerNumber);
    let at = at.expect("a customer number column");
    table
        .rows
        .iter()
        .filter(|row| row[at] == text(customer))
        .collect()
}

#[test]
fn the_customer_and_aging_rows_of_demo_s_add_up_by_hand() {
    let (_, state) = demo_s();
    let customers = customers_table(&state, as_of(), &TokenWords);
    let [row] = rows_of(&customers, "C000041")[..] else {
        panic!("one row for C000041");
    };
    // C000041's open invoices on 2026-12-01 (the open-items table, checked below):
    // overdue INV-2026-0001114 122,294.51 (due 11-18, 13 days) + INV-2026-0001158 86,391.58
    // (due 11-28, 3 days) = 208,686.09; not due 142,489.53 + 58,342.15 + 171,660.27
    // + 50,489.00 + 49,367.13 + 100,977.00 = 573,325.08; balance 782,011.17; exposure adds
    // the open orders 58,341.92 = 840,353.09.
    let expected = vec![
        text("C000041"),
        text("重庆博雅家具股份有限公司"),
        text("915000005551707246"),
        text("家具"),
        text("CN"),
        text("+86 23 8519 4602"),
        text(""),
        Cell::Integer(45),
        text("CNY"),
        number("370000.00"),
        text("B"),
        number("69.3"),
        number("782011.17"),
        number("208686.09"),
        number("840353.09"),
    ];
    assert_eq!(row, &expected);
    let aging = aging_table(&state, as_of(), &TokenWords);
    let [row] = rows_of(&aging, "C000041")[..] else {
        panic!("one aging row for C000041");
    };
    let figures = [
        "573325.08",
        "208686.09",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "782011.17",
    ];
    assert_eq!(row[3..], figures.map(number));
    let headers = [
        "not due", "1–30", "31–60", "61–90", "91–180", "> 180", "Total",
    ];
    assert_eq!(aging.headers[3..], headers.map(String::from));
}

#[test]
fn the_open_items_of_a_customer_are_its_aging_item_by_item() {
    let (_, state) = demo_s();
    let items = open_items_table(&state, as_of(), &TokenWords);
    let rows = rows_of(&items, "C000041");
    assert_eq!(rows.len(), 8);
    // INV-2026-0001114: issued 2026-10-04 on 45 days → due 2026-11-18, 13 days late on 12-01.
    let first = vec![
        text("C000041"),
        text("重庆博雅家具股份有限公司"),
        text("INV-2026-0001114"),
        Cell::Date(date("2026-10-04")),
        Cell::Date(date("2026-11-18")),
        Cell::Integer(13),
        number("122294.51"),
        number("122294.51"),
        text("CNY"),
        number("0.00"),
    ];
    assert_eq!(rows[0], &first);
    let open: Decimal = rows
        .iter()
        .map(|row| match &row[7] {
            Cell::Number(amount) => *amount,
            other => panic!("open amount is a number, not {other:?}"),
        })
        .sum();
    assert_eq!(open, dec("782011.17"));
    let overdue = rows.iter().filter(|row| row[5] != Cell::Integer(0)).count();
    assert_eq!(overdue, 2);
}

#[test]
fn every_table_has_rows_as_wide_as_its_columns_and_money_at_its_decimals() {
    let (sealed, state) = demo_s();
    let events = [sealed.event.clone()];
    for kind in TableKind::ALL {
        let table = table_of(kind, &state, &events, as_of(), &TokenWords);
        assert!(!table.rows.is_empty(), "{kind:?} has rows in demo S");
        assert_eq!(table.headers.len(), table.columns.len());
        for row in &table.rows {
            assert_eq!(row.len(), table.columns.len(), "{kind:?}");
            for cell in row {
                if let Cell::Number(amount) = cell {
                    assert!(amount.scale() <= 2, "{kind:?}: {amount}");
                }
            }
        }
    }
    // One total row per currency, each the sum of that currency's customer rows.
    let aging = aging_table(&state, as_of(), &TokenWords);
    let (totals, customers): (Vec<&Vec<Cell>>, Vec<&Vec<Cell>>) =
        aging.rows.iter().partition(|row| row[1] == text("Total"));
    assert_eq!(totals.len(), 5, "CNY, EUR, GBP, SGD and USD");
    for total in totals {
        assert_eq!(total[0], text(""));
        let sum: Decimal = customers
            .iter()
            .filter(|row| row[2] == total[2])
            .map(|row| amount(&row[9]))
            .sum();
        assert_eq!(amount(&total[9]), sum, "{:?}", total[2]);
        assert!(sum > Decimal::ZERO);
    }
}

fn amount(cell: &Cell) -> Decimal {
    match cell {
        Cell::Number(amount) => *amount,
        other => panic!("a number, not {other:?}"),
    }
}

#[test]
fn the_journal_table_has_one_row_per_entry_with_the_entry_as_stored() {
    let (sealed, state) = demo_s();
    let table = journal_table(&state, std::slice::from_ref(&sealed.event), &TokenWords);
    assert_eq!(table.rows.len(), sealed.event.entries.len());
    let first = &table.rows[0];
    assert_eq!(
        first[..4],
        [
            Cell::Integer(1),
            text("1970-01-01T00:00:00Z"),
            text("demo"),
            text("CustomerRegistered")
        ]
    );
    assert_eq!(first[4], text("CustomerRegistered by demo"));
    let Cell::Text(json) = &first[5] else {
        panic!("the entry is text");
    };
    let entry: Entry = serde_json::from_str(json).expect("the stored JSON");
    assert_eq!(entry, sealed.event.entries[0]);
    assert!(
        sealed.text.contains(json.as_str()),
        "written as the journal stores it"
    );
}

#[test]
fn file_names_say_the_table_and_the_day() {
    let name = TableKind::OpenItems.file_name(date("2026-12-01"), "xlsx");
    assert_eq!(name, "creditdesk-open-items-2026-12-01.xlsx");
    for kind in TableKind::ALL {
        assert_eq!(TableKind::from_token(kind.token()), Some(kind));
    }
    assert_eq!(TableKind::from_token("ledger"), None);
}

/// A small table with every kind of cell and every dangerous start.
fn tricky() -> Table {
    let mut table = Table::new(
        TableKind::Customers,
        vec![
            Column::CustomerName,
            Column::Balance,
            Column::DueDate,
            Column::Days,
        ],
        &TokenWords,
    );
    let names = [
        "=1+1",
        "+86 21 5555",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "\nx",
        "a,b \"q\"",
        "中文",
        "",
    ];
    for (index, name) in names.into_iter().enumerate() {
        table.rows.push(vec![
            text(name),
            Cell::money(dec("-12.5") * Decimal::from(index as i64 + 1), 2),
            Cell::Date(date("2026-02-28")),
            Cell::Integer(-(index as i64)),
        ]);
    }
    table.rows.push(vec![
        text("JPY"),
        Cell::money(dec("1000.4"), 0),
        Cell::Date(date("1899-12-31")),
        Cell::Integer(7),
    ]);
    table
}

#[test]
fn csv_neutralises_each_dangerous_start_and_never_a_number() {
    let cases = [
        ("=1+1", "'=1+1"),
        ("+86 21 5555", "'+86 21 5555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("a=1", "a=1"),
        ("'=1", "'=1"),
        ("中文", "中文"),
        ("12", "12"),
        ("", ""),
    ];
    for (text, shown) in cases {
        assert_eq!(neutralise(text), shown, "{text:?}");
    }
    let csv = csv_text(&tricky());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "CustomerName,Balance,DueDate,Days");
    assert_eq!(lines[1], "'=1+1,-12.50,2026-02-28,0");
    assert_eq!(lines[2], "'+86 21 5555,-25.00,2026-02-28,-1");
    assert_eq!(lines[3], "'-2+3,-37.50,2026-02-28,-2");
    assert_eq!(lines[4], "'@SUM(A1),-50.00,2026-02-28,-3");
    assert_eq!(lines[5], "'\tx,-62.50,2026-02-28,-4");
    // CR and LF inside a field are quoted, so the record stays one record.
    assert_eq!(lines[6], "\"'\rx\",-75.00,2026-02-28,-5");
    assert_eq!(lines[7], "\"'\nx\",-87.50,2026-02-28,-6");
    assert_eq!(lines[8], "\"a,b \"\"q\"\"\",-100.00,2026-02-28,-7");
    assert_eq!(lines[9], "中文,-112.50,2026-02-28,-8");
    assert_eq!(lines[11], "JPY,1000,1899-12-31,7");
    assert_eq!(lines[12], "", "the last record ends in CRLF too");
}

#[test]
fn csv_starts_with_a_bom_only_when_asked() {
    let table = tricky();
    let with = write_csv(&table, true);
    let without = write_csv(&table, false);
    assert_eq!(&with[..3], BOM);
    assert_eq!(&with[3..], &without[..]);
    assert!(without.starts_with(b"CustomerName,"));
    let mut reader = ::csv::ReaderBuilder::new().from_reader(&without[..]);
    assert_eq!(reader.records().count(), table.rows.len());
}

/// The table as the cells calamine reads back, in the writer's terms.
fn read_back(bytes: &[u8], sheet: &str) -> (Vec<String>, Vec<Vec<Cell>>, usize) {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an .xlsx");
    assert_eq!(book.sheet_names(), vec![sheet.to_string()]);
    let range = book.worksheet_range(sheet).expect("the sheet");
    let formulas = book.worksheet_formula(sheet).expect("formulas");
    let formulas = formulas
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .count();
    let mut rows = range.rows();
    let header = rows
        .next()
        .expect("a header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let cells = rows.map(|row| row.iter().map(cell_of).collect()).collect();
    (header, cells, formulas)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => text(""),
        Data::String(s) => text(s),
        Data::Float(f) => Cell::Number(Decimal::try_from(*f).expect("a finite number")),
        Data::Int(i) => Cell::Integer(*i),
        Data::DateTime(day) => {
            let epoch = date("1899-12-30");
            Cell::Date(epoch + chrono::Duration::days(day.as_f64() as i64))
        }
        other => panic!("unexpected cell {other:?}"),
    }
}

/// What the writer wrote, as read back: numbers as the value they stand for (scale aside),
/// integers come back as numbers, dates before March 1900 as their text.
fn comparable(cell: &Cell) -> Cell {
    match cell {
        Cell::Number(n) => Cell::Number(n.normalize()),
        Cell::Integer(i) => Cell::Number(Decimal::from(*i)),
        Cell::Date(d) if *d < date("1900-03-01") => text(&d.to_string()),
        other => other.clone(),
    }
}

#[test]
fn xlsx_reads_back_as_the_same_cells_with_text_never_a_formula() {
    let table = tricky();
    let bytes = write_xlsx(Workbook::new(), &table).expect("written");
    assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip file");
    let (header, cells, formulas) = read_back(&bytes, "customers");
    assert_eq!(header, table.headers);
    assert_eq!(
        formulas, 0,
        "text that looks like a formula is written as text"
    );
    let expected: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(comparable).collect())
        .collect();
    let cells: Vec<Vec<Cell>> = cells
        .iter()
        .map(|r| r.iter().map(comparable).collect())
        .collect();
    assert_eq!(cells, expected);
    assert_eq!(cells[0][0], text("=1+1"), "written exactly, not prefixed");
}

#[test]
fn xlsx_of_demo_s_customers_reads_back_cell_for_cell() {
    let (_, state) = demo_s();
    let table = customers_table(&state, as_of(), &TokenWords);
    let bytes = write_xlsx(Workbook::new(), &table).expect("written");
    let (header, cells, formulas) = read_back(&bytes, "customers");
    assert_eq!((header, formulas), (table.headers.clone(), 0));
    assert_eq!(cells.len(), table.rows.len());
    for (read, written) in cells.iter().zip(&table.rows) {
        let written: Vec<Cell> = written.iter().map(comparable).collect();
        let read: Vec<Cell> = read.iter().map(comparable).collect();
        assert_eq!(read, written);
    }
}

#[test]
fn xlsx_cuts_text_longer_than_a_cell_holds() {
    let mut table = tricky();
    table.rows.truncate(1);
    table.rows[0][0] = Cell::Text("x".repeat(40_000));
    let bytes = write_xlsx(Workbook::new(), &table).expect("written, cut");
    let (_, cells, _) = read_back(&bytes, "customers");
    let Cell::Text(kept) = &cells[0][0] else {
        panic!("text");
    };
    assert_eq!(kept.chars().count(), 32_767);
    assert!(kept.ends_with('…'));
}

/// Each alert's row carries its reasons with the figures behind them, the same reasons the
/// alerts screen shows.
#[test]
fn the_alerts_table_says_why_with_the_figures() {
    let (_, state) = demo_s();
    let table = table_of(TableKind::Alerts, &state, &[], as_of(), &TokenWords);
    let alerts = creditdesk_core::alerts::alerts_on(&state.alert_sources(), as_of());
    assert!(!alerts.is_empty(), "demo S has alerts");
    assert_eq!(table.rows.len(), alerts.len());
    let at = table.columns.iter().position(|c| *c == Column::Reasons);
    let at = at.expect("a reasons column");
    for (row, alert) in table.rows.iter().zip(&alerts) {
        assert!(!alert.reasons.is_empty());
        assert_eq!(row[at], text(&TokenWords.reasons(&alert.reasons)));
    }
    let overdue = alerts.iter().zip(&table.rows).find_map(|(alert, row)| {
        alert.reasons.iter().find_map(|reason| match reason {
            creditdesk_core::alerts::AlertReason::ItemOverdue { invoice, days, .. } => {
                Some((invoice.clone(), *days, row[at].clone()))
            }
            _ => None,
        })
    });
    let (invoice, days, cell) = overdue.expect("an item-overdue alert in demo S");
    let Cell::Text(told) = cell else {
        panic!("reasons are text")
    };
    assert!(
        told.contains(&invoice) && told.contains(&format!("days: {days}")),
        "{told}"
    );
}

//! From a file's bytes to a table: the header's texts and the data rows as cells, each row
//! with its 1-based line (CSV) or row (.xlsx) in the file. The kind is told by the bytes (an
//! .xlsx is a zip; a password-protected one an encrypted OLE container), the name only for a
//! file that claims to be a workbook and is not. Blank rows are skipped and not counted.

use crate::import::decode::decode;
use crate::import::mapping::{Encoding, FileKind};
use crate::import::problem::FileError;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

/// Most data rows one import takes: well above the 250,000 a large ledger exports, and a
/// bound on the memory a worker spends.
pub const ROWS_MAX: usize = 1_000_000;

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// One cell as the file holds it: CSV cells are all text; an .xlsx has numbers and dates.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    /// A number cell, written plainly with a point (`1234.5`).
    Number(String),
    Date(NaiveDate),
    /// An error value (`#REF!`).
    Error(String),
}

impl Cell {
    /// The cell as the preview shows it.
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) | Cell::Number(text) | Cell::Error(text) => text.clone(),
            Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// 1-based line or row in the file; the header's is 1 when it is the first.
    pub line: usize,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Table {
    pub kind: FileKind,
    pub encoding: Encoding,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads the whole file into a table.
pub(crate) fn read_table(
    bytes: &[u8],
    file_name: &str,
    encoding: Option<Encoding>,
    sheet: Option<usize>,
) -> Result<Table, FileError> {
    match kind_of(bytes, file_name)? {
        FileKind::Xlsx => read_xlsx(bytes, sheet.unwrap_or(0)),
        FileKind::Csv => read_csv(bytes, encoding),
    }
}

/// What the bytes are; the refusals that need no reading.
fn kind_of(bytes: &[u8], file_name: &str) -> Result<FileKind, FileError> {
    if bytes.iter().all(|byte| byte.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    if bytes.starts_with(ZIP) {
        return Ok(FileKind::Xlsx);
    }
    if bytes.starts_with(OLE) {
        // An encrypted workbook's container holds the streams `EncryptionInfo` and
        // `EncryptedPackage`, named in UTF-16; any other OLE file is an old binary .xls.
        let name: Vec<u8> = "EncryptionInfo"
            .bytes()
            .flat_map(|byte| [byte, 0])
            .collect();
        if bytes.windows(name.len()).any(|window| window == name) {
            return Err(FileError::XlsxEncrypted);
        }
        return Err(FileError::LegacyXls);
    }
    let lower = file_name.to_lowercase();
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
        return Err(FileError::XlsxDamaged("not a zip archive".to_string()));
    }
    let start = &bytes[..bytes.len().min(4096)];
    if bytes.starts_with(b"%PDF") || start.contains(&0) {
        return Err(FileError::NotSpreadsheet);
    }
    Ok(FileKind::Csv)
}

/// Splits the header and the data rows; refuses a file without both.
fn split(
    mut rows: impl Iterator<Item = Result<Row, FileError>>,
    kind: FileKind,
    encoding: Encoding,
    sheets: Vec<String>,
) -> Result<Table, FileError> {
    let header = loop {
        match rows.next() {
            None => return Err(FileError::Empty),
            Some(row) => {
                let row = row?;
                if !row.cells.iter().all(Cell::is_blank) {
                    break row;
                }
            }
        }
    };
    let mut data = Vec::new();
    for row in rows {
        let row = row?;
        if row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        if data.len() == ROWS_MAX {
            return Err(FileError::TooManyRows { max: ROWS_MAX });
        }
        data.push(row);
    }
    if data.is_empty() {
        return Err(FileError::HeaderOnly);
    }
    let headers = header.cells.iter().map(|c| c.text().trim().to_string());
    Ok(Table {
        kind,
        encoding,
        sheets,
        headers: headers.collect(),
        rows: data,
    })
}

/// The 1-based line of a record's offset, counted forward as the reader goes (offsets only
/// grow), so numbering every row is linear. After a CRLF line end (what Excel and most ERP
/// exports write) the `csv` crate gives a record the offset of the previous line's LF, and its
/// own line numbers run one behind: the offset is moved past any line end first (a record never
/// starts with one; blank lines are skipped), then the line feeds before it are counted.
struct Lines<'a> {
    text: &'a [u8],
    byte: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    fn at(&mut self, byte: u64) -> usize {
        let mut byte = usize::try_from(byte).map_or(self.text.len(), |b| b.min(self.text.len()));
        while matches!(self.text.get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte > self.byte {
            let newlines = self.text[self.byte..byte].iter().filter(|b| **b == b'\n');
            self.line += newlines.count();
            self.byte = byte;
        }
        self.line
    }
}

fn read_csv(bytes: &[u8], encoding: Option<Encoding>) -> Result<Table, FileError> {
    let (text, encoding) = decode(bytes, encoding)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Lines::new(&text);
    let rows = reader.records().map(move |record| {
        // Reading text already decoded, `flexible`, from memory, the reader has no error left
        // to give (no I/O, valid UTF-8, any record width): no file reaches `CsvBroken`, which
        // stays so that a change of settings is an error to show, never a panic.
        let record = record.map_err(|error| FileError::CsvBroken {
            line: lines.at(error.position().map_or(0, |p| p.byte())),
        })?;
        let line = lines.at(record.position().map_or(0, |p| p.byte()));
        let cells = record.iter().map(|text| Cell::Text(text.to_string()));
        Ok(Row {
            line,
            cells: cells.collect(),
        })
    });
    split(rows, FileKind::Csv, encoding, Vec::new())
}

/// The delimiter the header line uses most, outside quotes: `,`, `;` or tab.
fn delimiter(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for character in line.chars() {
        match character {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
    best.map_or(b',', |i| candidates[i])
}

fn read_xlsx(bytes: &[u8], sheet: usize) -> Result<Table, FileError> {
    let damaged = |error: calamine::XlsxError| FileError::XlsxDamaged(error.to_string());
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(damaged)?;
    let sheets = workbook.sheet_names();
    let range = match workbook.worksheet_range_at(sheet) {
        None => {
            return Err(FileError::NoSuchSheet {
                index: sheet,
                sheets: sheets.len(),
            })
        }
        Some(range) => range.map_err(damaged)?,
    };
    let Some((first_row, _)) = range.start() else {
        return Err(FileError::SheetEmpty);
    };
    let rows = range.rows().enumerate().map(move |(index, cells)| {
        Ok(Row {
            line: first_row as usize + index + 1,
            cells: cells.iter().map(xlsx_cell).collect(),
        })
    });
    split(rows, FileKind::Xlsx, Encoding::Utf8, sheets)
}

fn xlsx_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Cell::Text(text.clone())
        }
        Data::Int(value) => Cell::Number(value.to_string()),
        Data::Float(value) if value.is_finite() => Cell::Number(value.to_string()),
        Data::Float(value) => Cell::Error(value.to_string()),
        Data::Bool(value) => Cell::Text(if *value { "TRUE" } else { "FALSE" }.to_string()),
        // Serial days of Excel's range only (to 9999-12-31): calamine's conversion does
        // unchecked arithmetic on the value.
        Data::DateTime(value)
            if value.is_datetime() && (0.0..2_958_466.0).contains(&value.as_f64()) =>
        {
            let (year, month, day, ..) = value.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
                .map_or_else(|| Cell::Number(value.as_f64().to_string()), Cell::Date)
        }
        Data::DateTime(value) => Cell::Number(value.as_f64().to_string()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected_outside_quotes() {
        assert_eq!(delimiter("a;b;\"c,d,e\"\n"), b';');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("a,b"), b',');
        assert_eq!(delimiter("abc"), b',');
    }

    #[test]
    fn rows_carry_their_line_in_the_file_whatever_the_line_end() {
        let lines = |text: &str| {
            let table = read_csv(text.as_bytes(), None).expect("a table");
            table.rows.iter().map(|row| row.line).collect::<Vec<_>>()
        };
        assert_eq!(lines("a,b\r\n1,2\r\n3,4\r\n"), [2, 3]);
        assert_eq!(lines("a,b\n1,2\n3,4\n"), [2, 3]);
        assert_eq!(lines("\u{FEFF}a,b\r\n1,2\r\n"), [2]);
        // A quoted cell over two lines, and a blank line, count as the file's lines.
        assert_eq!(lines("a,b\r\n\"x\r\ny\",2\r\n\r\n3,4\r\n"), [2, 5]);
    }
}

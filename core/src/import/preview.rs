//! The preview: the file's header, its first rows as text and the guessed mapping.

use crate::import::guess::guess;
use crate::import::mapping::{Encoding, FileKind, Mapping};
use crate::import::problem::FileError;
use crate::import::table::{read_table, Cell};
use serde::{Deserialize, Serialize};

/// How many data rows a preview shows.
pub const PREVIEW_ROWS: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub kind: FileKind,
    /// Detected (or the user's override); `Gb18030` when the file is GBK.
    pub encoding: Encoding,
    /// The .xlsx sheet names; empty for CSV.
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    /// The first [`PREVIEW_ROWS`] data rows, as text.
    pub rows: Vec<Vec<String>>,
    /// Data rows (blank rows not counted).
    pub row_count: usize,
    /// The guessed target, columns (by header names, Chinese and English) and date and number
    /// formats (from the values).
    pub guess: Mapping,
}

/// Reads the file's start. `encoding` and `sheet` are the user's overrides; `None` detects
/// (the first sheet).
pub fn preview(
    bytes: &[u8],
    file_name: &str,
    encoding: Option<Encoding>,
    sheet: Option<usize>,
) -> Result<Preview, FileError> {
    let table = read_table(bytes, file_name, encoding, sheet)?;
    let mut guess = guess(&table, file_name);
    guess.sheet = sheet.unwrap_or(0);
    let width = table.headers.len();
    let rows = (table.rows.iter().take(PREVIEW_ROWS))
        .map(|row| {
            let mut cells: Vec<String> = row.cells.iter().map(Cell::text).collect();
            cells.resize(width.max(cells.len()), String::new());
            cells
        })
        .collect();
    Ok(Preview {
        kind: table.kind,
        encoding: table.encoding,
        row_count: table.rows.len(),
        sheets: table.sheets,
        headers: table.headers,
        rows,
        guess,
    })
}

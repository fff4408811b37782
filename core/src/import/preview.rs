//! The preview: the file's header, its first rows as text and the guessed mapping.

use crate::import::mapping::{Encoding, FileKind, Mapping};
use crate::import::problem::FileError;
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
    let _ = (bytes, file_name, encoding, sheet);
    Err(FileError::NotSpreadsheet)
}

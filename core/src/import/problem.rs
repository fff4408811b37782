//! Why a file or a row could not be imported: one variant per reason, each carrying the
//! figures its message names. The app words them (`app/src/i18n/import.rs`).

use crate::base::input::TypedError;
use crate::base::money::Currency;
use crate::decide::Rejection;
use crate::import::mapping::{DateFormat, Encoding, Field};
use serde::{Deserialize, Serialize};

/// What is wrong with the file as a whole; no row is read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileError {
    /// No bytes, or nothing but spaces and empty lines.
    Empty,
    /// A header line and no data row.
    HeaderOnly,
    /// Not text in the chosen encoding: the first line (1-based) that does not decode.
    NotText { encoding: Encoding, line: usize },
    /// Neither a CSV text nor an .xlsx workbook (a PDF, an image, an old binary .xls).
    NotSpreadsheet,
    /// An .xlsx whose container or sheet XML cannot be read (truncated, damaged); the reader's
    /// own words, for support.
    XlsxDamaged(String),
    /// An old binary .xls (an OLE container without encryption): save it as .xlsx or CSV.
    LegacyXls,
    /// A password-protected workbook: Excel stores those as an encrypted OLE container.
    XlsxEncrypted,
    /// The sheet asked for does not exist; `sheets` is how many there are.
    NoSuchSheet { index: usize, sheets: usize },
    /// A sheet with no cells at all.
    SheetEmpty,
    /// The mapping leaves out fields the target requires.
    MissingColumns(Vec<Field>),
    /// Two columns are mapped to one field.
    ColumnMappedTwice(Field),
    /// No currency column and no currency chosen where a record needs one (customers).
    NoCurrency,
    /// More data rows than one import takes.
    TooManyRows { max: usize },
    /// A CSV line the reader cannot split (an unbalanced quote); 1-based.
    CsvBroken { line: usize },
}

/// Why one row cannot be imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Problem {
    /// A required field is empty.
    Missing(Field),
    /// Not a date in the file's date format.
    BadDate { text: String, format: DateFormat },
    /// A date in the right form that does not exist (`2024-02-31`).
    NoSuchDate { text: String },
    /// Not an amount: the number reader's reason (text, the other number format, negative,
    /// zero, too large, a currency mark of another currency …).
    BadAmount { text: String, reason: TypedError },
    /// More decimals than the currency has.
    TooManyDecimals {
        text: String,
        currency: Currency,
        allowed: u32,
    },
    /// Payment terms that are not whole days from 0 to 365.
    BadTerms { text: String, reason: TypedError },
    /// A currency column's text that is no ISO 4217 code Creditdesk knows.
    UnknownCurrency(String),
    /// An amount in another currency than its customer's account.
    MixedCurrency { found: Currency, account: Currency },
    /// A customer number neither in the file nor in the portfolio.
    UnknownCustomer(String),
    /// An invoice number (a payment's or credit note's reference) that is not known.
    UnknownInvoice(String),
    /// The invoice referenced belongs to another customer.
    InvoiceOfOtherCustomer { invoice: String, customer: String },
    /// A document (or customer) number a previous row of the file already has.
    DuplicateNumber { number: String, first_row: usize },
    /// A number the portfolio already has, with different content: not applied.
    ChangedKnown { number: String },
    /// Text that begins like a spreadsheet formula (`=`, `+`, `-`, `@`).
    FormulaText { text: String },
    /// Text longer than the field takes.
    TooLong { length: usize, max: usize },
    /// A settlement date before the invoice's issue date.
    SettledBeforeIssue,
    /// An .xlsx cell holding an error value (`#REF!`, `#DIV/0!`).
    CellError(String),
    /// The rules refused the record (a date in the future, a due date before the issue …).
    Rejected(Rejection),
}

/// One bad row: where and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowError {
    /// 1-based line (CSV) or row (.xlsx) in the file; the header is 1.
    pub row: usize,
    /// The header text of the column at fault, when one is.
    pub column: Option<String>,
    pub problem: Problem,
}

/// Why `plan` returns no entries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rejected {
    File(FileError),
    /// Every bad row, in file order.
    Rows(Vec<RowError>),
}

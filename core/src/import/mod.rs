//! Importing customers, invoices, payments, credit notes and open orders from the files ERP
//! systems and spreadsheets export (CSV in UTF-8 or GBK, .xlsx): from the file's bytes to the
//! entries to append, all or nothing. `preview` reads the first rows and guesses the mapping;
//! `plan` reads every row in the mapping the user confirmed, validates them all (every bad row
//! is reported, not the first) and decides the commands in one linear pass.
//!
//! The steps, one file each: `decode` (bytes → text: BOM, UTF-8, GB18030), `table` (CSV and
//! .xlsx → rows of text cells), `guess` (header names → fields, the target, the date and number
//! formats), `rows` (a row → typed values), `plan` (checks against the file and the portfolio,
//! the commands, `decide_all`), `problem` (the reasons).

mod customers;
mod decode;
mod documents;
mod guess;
mod mapping;
mod plan;
mod planner;
mod preview;
mod problem;
mod rows;
mod table;

pub use mapping::{DateFormat, Encoding, Field, FileKind, Mapping, Target};
pub use plan::plan;
pub use planner::{Outcome, Summary, Unapplied};
pub use preview::{preview, Preview, PREVIEW_ROWS};
pub use problem::{FileError, Problem, Rejected, RowError};
pub use table::ROWS_MAX;

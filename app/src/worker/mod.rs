//! The import worker: a Web Worker binary (`creditdesk-worker`) that reads a file, validates
//! every row against the stored journal and writes the import as one event, so the desk's
//! page stays responsive and the spreadsheet readers stay out of the desk's bundle.
//!
//! - `protocol`: the messages both sides speak (JSON text, plus the file's bytes).
//! - `client`: the desk's side: starts a worker per job, and cancels by terminating it (nothing
//!   is written before the one final transaction, and a transaction of a terminated worker is
//!   aborted, so a cancel leaves nothing behind).
//! - `run`: the worker's side, linked only into the worker's binary.
//! - `export`: the worker's export of a table as CSV or .xlsx (the spreadsheet writer is
//!   linked only here).
//! - `backup`: the whole journal verified and written out as one backup file.
//! - `restore`: a backup file checked, then written in place of the store.
//! - `view`: the check view made for the field check and the widget, and the field check's
//!   orders written.

mod backup;
pub mod client;
mod export;
pub mod protocol;
mod refusal;
mod restore;
pub(crate) mod run;
mod view;

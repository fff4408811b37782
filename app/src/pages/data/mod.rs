//! Data in and out (issue 11): the full backup and its restore, shown in Settings; the import
//! of ERP exports and spreadsheets, run in the worker (`crate::worker`); the export of tables
//! as CSV and .xlsx (`export`).

pub mod backup;
pub mod export;
pub mod import;
mod restore;

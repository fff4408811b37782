//! Data in and out (issue 11): the full backup and its restore, shown in Settings; the import
//! of ERP exports and spreadsheets, run in the worker (`crate::worker`).

pub mod backup;
pub mod import;

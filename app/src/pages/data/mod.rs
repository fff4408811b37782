//! Data in and out (issue 11): the full backup and its restore, shown in Settings. Import and
//! export will live here too.

pub mod backup;

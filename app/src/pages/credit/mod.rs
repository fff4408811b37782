//! The credit pages: a customer's credit file with the score and the what-if panel, the
//! forms that add investigation records, and the credit policy editor.

pub mod alert_thresholds;
pub mod file;
pub mod policy;
pub mod records;

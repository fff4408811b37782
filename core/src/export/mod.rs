//! Export: the portfolio's tables as of a date (customers, open items, aging, the reminder
//! worklist, alerts, the journal) as typed rows, and the writers that turn a table into a
//! CSV file or an .xlsx workbook. Text cells are neutralised against formula injection.

pub mod csv;
pub mod table;
pub mod tables;
pub mod xlsx;

pub use csv::{neutralise, write_csv, BOM};
pub use table::{Cell, Column, ExportWords, Table, TableKind, TokenWords};
pub use tables::{
    aging_table, alerts_table, customers_table, journal_table, open_items_table, table_of,
    worklist_table,
};
pub use xlsx::write_xlsx;

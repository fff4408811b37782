//! The ledger's pages: the customer list, one customer, and the forms that register or edit a
//! customer and record invoices, payments and credit notes.

pub mod customer;
pub mod customers;
mod discount;
pub mod forms;

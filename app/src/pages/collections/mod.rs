//! The collections pages: today's worklist (the collector's home) and a customer's
//! collections (the reminder due, promises, disputes, payment plans, write-offs with four eyes,
//! contact log), and the write-offs waiting for approval.

pub mod actions;
pub mod customer;
pub mod disputes;
mod pick;
pub mod plans;
pub mod worklist;
pub mod write_offs;

//! The collections pages: today's worklist (the collector's home) and a customer's
//! collections (the reminder due, promises, contact log).

pub mod actions;
pub mod customer;
pub mod letters;
pub mod templates;
pub mod worklist;

//! The collections pages: today's worklist (the collector's home) and a customer's
//! collections (the reminder due, promises, contact log); the strategy editor (the ladders).

pub mod actions;
pub mod customer;
pub mod letters;
pub mod strategy;
pub mod templates;
pub mod worklist;

//! The collections pages: today's worklist (the collector's home) and a customer's
//! collections (the reminder due, promises, disputes, payment plans, write-offs with four eyes,
//! letters and messages, contact log), the write-offs waiting for approval, the strategy editor
//! (the ladders) and the templates.

pub mod actions;
pub mod customer;
pub mod disputes;
pub mod letters;
mod pick;
pub mod plans;
pub mod strategy;
pub mod templates;
pub mod worklist;
pub mod write_offs;

//! The collections pages: today's worklist (the collector's home).

pub mod worklist;

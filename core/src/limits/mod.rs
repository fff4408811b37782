//! The limits area: limit requests and decisions, temporary limits that lapse by date, credit
//! holds, orders released past a blocking check, and the widget's allowed origins — their
//! entries (`entry`), records (`records`), sub-state and fold (`state`). The limit in force
//! (`status`), the recommended limit (`recommend`) and the reasons of a check (`reasons`) are
//! pure functions beside them.

pub mod entry;
pub mod origin;
pub mod reasons;
pub mod recommend;
pub mod records;
pub mod state;
pub mod status;

pub use entry::LimitsEntry;
pub use origin::*;
pub use reasons::*;
pub use recommend::*;
pub use records::*;
pub use state::{Known, Limits};
pub use status::*;

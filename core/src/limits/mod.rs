//! The limits area: limit requests and decisions, temporary limits that lapse by date, credit
//! holds, orders released past a blocking check, and the widget's allowed origins — their
//! entries (`entry`), records (`records`), sub-state and fold (`state`). The limit in force
//! (`status`), the recommended limit (`recommend`), the reasons of a check (`reasons`) and the
//! customer list with its limit, utilisation, grade and hold columns (`list`) are pure
//! functions beside them; `list_view` is that list for one day, stored for the desk's cold open.

pub mod entry;
pub mod list;
pub mod list_view;
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

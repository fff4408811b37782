//! Commands are what a user asks for; `decide` checks each against the current state and
//! yields the entries to journal, or the one `Rejection` naming the broken rule. The checks
//! run as a flat sequence of `if … return Err(Rejection::X)`, in the order a user would fix
//! them. Each area's rules are in their own file; `decide` is the one dispatch from a command
//! to its rule, an exhaustive match, so a command nobody decides fails to compile.

mod alerts;
mod collections;
mod command;
mod credit;
mod dispatch;
mod ledger;
mod limits;
mod plans;
mod rejection;
mod rules;

pub use alerts::may_monitor;
pub use collections::{
    grade_on, letter_step_on, letter_subject_on, may_collect, task_on, worklist_on,
    worklist_scored, TOLERANCE_DAYS_MAX,
};
pub use command::*;
pub use dispatch::{decide, decide_all, decide_all_with, decide_batch, BatchRejection};
pub use ledger::currency_locked;
pub use limits::approval_role;
pub use plans::write_off_role;
pub use rejection::*;

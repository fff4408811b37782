//! Alerts and the credit hold they put a customer on (监控预警). Alerts are derived as of a date
//! from the portfolio and never stored: each rule of the policy in force that day (its
//! thresholds and severities live in `policy::alert_policy`) is checked against the ledger,
//! the credit file, the limits and the promises to pay. What is journalled is what people did
//! about them: an acknowledgement (of the run it saw), a snooze until a date, and the release
//! of an alert hold with a reason.
//!
//! **First held.** Each alert carries the date its current unbroken run began, worked out
//! from the dates the rule can change on rather than by deriving every past day: for the
//! overdue rules, each item's due date and the dates of what reduced it (an item is in the
//! days rule from due + N days until the day its open amount fell to the leftover; the
//! overdue total is a step function of due dates and reductions); the file's record dates
//! plus the staleness months; the limit's review date; the signals' dates; a broken
//! promise's deadline. The score rules (grade drop, score drop) compare with the last month
//! end (the point the grade drop already used; a base fixed for the month means the figure
//! does not move by the day the manager looks) and walk back over the days the customer's
//! ledger or file changed within the month; a drop from days overdue growing alone is dated
//! at the first such change day on which it held (never earlier than true). Utilisation walks
//! back over the days its exposure or limit changed. The thresholds of the policy in force on
//! the day asked are used across the run.
//!
//! **Credit hold.** Alerts of a severity the policy names (`hold_on`, default severe) put the
//! customer on credit hold, which the credit check blocks on (`CheckReason::OnAlertHold`). A
//! release names the runs it releases (rule and first-held date): it lasts while those runs
//! do; a new run, or another rule reaching a holding severity, holds again.

pub mod books;
pub mod derive;
pub mod entry;
pub mod reason;
pub mod rules;
pub mod runs;
pub mod state;

pub use derive::{
    alert_hold, alerts_on, alerts_scored, customer_alerts, Alert, AlertHold, AlertStatus,
};
pub use entry::{AlertRef, AlertsEntry};
pub use reason::{AlertReason, AlertSources};
pub use state::Alerts;

//! Collections (催收): the reminder ladder worked item by item, today's worklist, promises to
//! pay. Its entries record what a collector did (a task completed, a step escalated, a
//! promise taken, a collector assigned); what is due next is derived as of a date from the
//! ledger, the entries and the policy's ladder for the customer's grade.
//!
//! The ladder runs per invoice, as dunning levels do: each open item has the offset of the
//! last step done for it by the day asked (tasks and escalations are dated, and only those
//! dated by then count, like promises made by then). An item's next step is the first rung after that; it is due once
//! the item is that many days past its due date (inclusive), so a task moves an item one
//! rung and never skips one. A pre-due rung is not sent for an item already past its due
//! date. A customer's task is the next step of its oldest item that has one due, and covers
//! every item waiting for that same rung. Left out: invoices in dispute; paused: a customer
//! with a promise to pay not yet broken, and the invoices of a payment plan that is current (no
//! instalment missed; `plan_status`). A paid item leaves the ladder; a new overdue item
//! starts at the first rung.

pub mod discount;
pub mod entry;
pub mod interest;
pub mod letters;
pub mod plan_status;
pub mod plans;
pub mod promise;
pub mod state;
pub mod statement;
pub mod worklist;

pub use discount::{discount_offers, DiscountOffer};
pub use entry::{CollectionsEntry, Instalment, Outcome};
pub use interest::{late_interest, rate_on, InterestPeriod, LateInterest};
pub use plan_status::{
    instalment_statuses, missed_instalments, plan_status, planned_invoices, InstalmentStatus,
    MissedInstalment, PlanStatus,
};
pub use plans::{Plan, ProposalDecision, WriteOffProposal};
pub use promise::{promise_status, PromiseStatus};
pub use state::{Collections, Escalation, Promise, Rungs, TaskRecord};
pub use statement::{statement_of_account, CurrencyTotals, StatementItem, StatementOfAccount};
pub use worklist::{customer_task, ladder_items, worklist, Priority, PriorityPart, Task};

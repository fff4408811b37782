//! The one dispatch from a command to the rule that decides it, and the all-or-nothing batch.

use crate::decide::alerts::decide_alerts;
use crate::decide::collections::*;
use crate::decide::command::{CollectionsCommand, Command};
use crate::decide::credit::*;
use crate::decide::ledger::*;
use crate::decide::limits::*;
use crate::decide::plans::{agree_plan, approve_write_off, propose_write_off, reject_write_off};
use crate::decide::rejection::{Decision, Rejection};
use crate::decide::rules::check_not_after;
use crate::journal::{Entry, Portfolio};
use serde::{Deserialize, Serialize};

/// Checks a command against the state and yields the entries that record it. One arm per
/// command: this table is the only function here longer than a screen, by design.
pub fn decide(state: &Portfolio, command: &Command) -> Decision {
    match command {
        Command::RegisterCustomer {
            id,
            date,
            recorded_on,
            details,
        } => register_customer(state, *id, (*date, *recorded_on), details),
        Command::ChangeCustomerSince {
            id,
            since,
            recorded_on,
        } => change_customer_since(state, *id, *since, *recorded_on),
        Command::UpdateCustomer { id, details } => update_customer(state, *id, details),
        Command::IssueInvoice {
            id,
            customer,
            number,
            issue_date,
            terms_days,
            due_date,
            amount,
        } => issue_invoice(
            state,
            *id,
            *customer,
            number,
            *issue_date,
            *terms_days,
            *due_date,
            amount,
        ),
        Command::ReceivePayment {
            id,
            customer,
            date,
            recorded_on,
            amount,
            reference,
            allocation,
        } => check_not_after(*date, *recorded_on).and_then(|()| {
            receive_payment(state, *id, *customer, *date, amount, reference, allocation)
        }),
        Command::IssueCreditNote {
            id,
            customer,
            number,
            date,
            recorded_on,
            amount,
            reason,
            allocation,
        } => check_not_after(*date, *recorded_on).and_then(|()| {
            issue_credit_note(
                state, *id, *customer, number, *date, amount, reason, allocation,
            )
        }),
        Command::WriteOffInvoice {
            invoice,
            date,
            recorded_on,
            amount,
            reason,
        } => check_not_after(*date, *recorded_on)
            .and_then(|()| write_off(state, *invoice, *date, amount.as_ref(), reason)),
        Command::OpenOrder {
            id,
            customer,
            number,
            date,
            amount,
        } => open_order(state, *id, *customer, number, *date, amount),
        Command::CloseOrder { id, date, closure } => close_order(state, *id, *date, *closure),
        Command::OpenDispute {
            id,
            invoice,
            date,
            amount,
            reason,
            details,
        } => open_dispute(
            state,
            *id,
            *invoice,
            *date,
            amount.as_ref(),
            reason,
            details,
        ),
        Command::ResolveDispute { id, date, outcome } => {
            resolve_dispute(state, *id, *date, *outcome)
        }
        Command::AddCreditRecord {
            customer,
            recorded_on,
            record,
        } => add_credit_record(state, *customer, *recorded_on, record),
        Command::ChangePolicy { date, policy, by } => change_policy(state, *date, policy, *by),
        Command::AddUser { id, name, role, by } => add_user(state, *id, name, *role, *by),
        Command::ChangeUser { id, name, role, by } => change_user(state, *id, name, *role, *by),
        Command::RequestLimit {
            id,
            customer,
            date,
            by,
            amount,
            reason,
            until,
        } => request_limit(state, *id, *customer, *date, *by, amount, reason, *until),
        Command::ApproveLimit {
            request,
            date,
            by,
            comment,
        } => approve_limit(state, *request, *date, *by, comment),
        Command::RejectLimit {
            request,
            date,
            by,
            comment,
        } => reject_limit(state, *request, *date, *by, comment),
        Command::RecordLapse { request, date } => record_lapse(state, *request, *date),
        Command::PlaceHold {
            customer,
            date,
            by,
            reason,
        } => change_hold(state, *customer, *date, *by, reason, true),
        Command::ReleaseHold {
            customer,
            date,
            by,
            reason,
        } => change_hold(state, *customer, *date, *by, reason, false),
        Command::PlaceOrder {
            id,
            customer,
            number,
            date,
            amount,
            by,
            release_reason,
        } => place_order(
            state,
            *id,
            *customer,
            number,
            *date,
            amount,
            *by,
            release_reason.as_deref(),
        ),
        Command::SetWidgetOrigins { date, by, origins } => {
            set_widget_origins(state, *date, *by, origins)
        }
        Command::SetCompanyDetails { details, by } => set_company_details(state, details, *by),
        Command::Collections(command) => decide_collections(state, command),
        Command::Alerts(command) => decide_alerts(state, command),
    }
}

/// The collections' commands (a match of its own, exhaustive over them).
fn decide_collections(state: &Portfolio, command: &CollectionsCommand) -> Decision {
    match command {
        CollectionsCommand::CompleteTask {
            customer,
            date,
            recorded_on,
            by,
            channel,
            outcome,
            notes,
        } => complete_task(
            state,
            *customer,
            (*date, *recorded_on),
            *by,
            *channel,
            *outcome,
            notes,
        ),
        CollectionsCommand::EscalateStep {
            customer,
            date,
            recorded_on,
            by,
            offset_days,
            reason,
        } => escalate(
            state,
            *customer,
            (*date, *recorded_on),
            *by,
            *offset_days,
            reason,
        ),
        CollectionsCommand::RecordPromise {
            id,
            customer,
            date,
            recorded_on,
            by,
            amount,
            due,
            tolerance_days,
        } => record_promise(
            state,
            *id,
            *customer,
            (*date, *recorded_on),
            *by,
            amount,
            *due,
            *tolerance_days,
        ),
        CollectionsCommand::ChangeStrategy { date, strategy, by } => {
            change_strategy(state, *date, strategy, *by)
        }
        CollectionsCommand::SetTemplate { date, template, by } => {
            set_template(state, *date, template, *by)
        }
        CollectionsCommand::AssignCollector {
            customer,
            date,
            by,
            collector,
        } => assign_collector(state, *customer, *date, *by, *collector),
        CollectionsCommand::ProposeWriteOff {
            id,
            invoice,
            date,
            recorded_on,
            by,
            amount,
            reason,
        } => propose_write_off(
            state,
            *id,
            *invoice,
            (*date, *recorded_on),
            *by,
            amount.as_ref(),
            reason,
        ),
        CollectionsCommand::ApproveWriteOff {
            proposal,
            date,
            recorded_on,
            by,
        } => approve_write_off(state, *proposal, (*date, *recorded_on), *by),
        CollectionsCommand::RejectWriteOff {
            proposal,
            date,
            recorded_on,
            by,
            reason,
        } => reject_write_off(state, *proposal, (*date, *recorded_on), *by, reason),
        CollectionsCommand::AgreePlan {
            id,
            customer,
            date,
            recorded_on,
            by,
            invoices,
            instalments,
            tolerance_days,
        } => agree_plan(
            state,
            *id,
            *customer,
            (*date, *recorded_on),
            *by,
            (invoices, instalments, *tolerance_days),
        ),
    }
}

/// A command of a batch that was rejected: its position (0-based) and the rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRejection {
    pub index: usize,
    pub rejection: Rejection,
}

/// Decides a batch all or nothing (an import, a demo load): each command sees the effect of
/// those before it. Returns the entries and the state after them; `state` is untouched.
pub fn decide_batch(
    state: &Portfolio,
    commands: impl IntoIterator<Item = Command>,
) -> Result<(Vec<Entry>, Portfolio), BatchRejection> {
    let mut working = state.clone();
    let mut entries = Vec::new();
    for (index, command) in commands.into_iter().enumerate() {
        let decided =
            decide(&working, &command).map_err(|rejection| BatchRejection { index, rejection })?;
        for entry in &decided {
            // Entries `decide` just made from this state always fit it.
            working.apply(entry).map_err(|error| BatchRejection {
                index,
                rejection: Rejection::StateInconsistent(error),
            })?;
        }
        entries.extend(decided);
    }
    Ok((entries, working))
}

/// Decides a batch and keeps going after a rejection: a refused command is skipped (its
/// entries are not applied, so later commands see the state without it) and reported with
/// its index, and every refusal is returned. The state is cloned once, so checking `n`
/// commands costs `n` decides, not `n` clones (an import validates 250,000 rows this way).
/// Returns the entries and the state after them only when no command was refused.
pub fn decide_all(
    state: &Portfolio,
    commands: impl IntoIterator<Item = Command>,
) -> Result<(Vec<Entry>, Portfolio), Vec<BatchRejection>> {
    decide_all_with(state, commands, &mut |_| {})
}

/// [`decide_all`], calling `progress` with the number of commands decided before each one.
pub fn decide_all_with(
    state: &Portfolio,
    commands: impl IntoIterator<Item = Command>,
    progress: &mut dyn FnMut(usize),
) -> Result<(Vec<Entry>, Portfolio), Vec<BatchRejection>> {
    let mut working = state.clone();
    let mut entries = Vec::new();
    let mut rejections = Vec::new();
    for (index, command) in commands.into_iter().enumerate() {
        progress(index);
        let decided = match decide(&working, &command) {
            Ok(decided) => decided,
            Err(rejection) => {
                rejections.push(BatchRejection { index, rejection });
                continue;
            }
        };
        for entry in &decided {
            if let Err(error) = working.apply(entry) {
                // Entries `decide` just made from this state always fit it; should one not,
                // the command is reported and the rest of the batch is not trusted.
                rejections.push(BatchRejection {
                    index,
                    rejection: Rejection::StateInconsistent(error),
                });
                return Err(rejections);
            }
        }
        if rejections.is_empty() {
            entries.extend(decided);
        }
    }
    if rejections.is_empty() {
        Ok((entries, working))
    } else {
        Err(rejections)
    }
}

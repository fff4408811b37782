//! `decide` for collections: completing the reminder due, escalating past rungs, promises to
//! pay and collectors' lists.

use crate::base::ids::{CustomerId, PromiseId, UserId};
use crate::base::input::NOTES_LEN_MAX;
use crate::base::money::Amount;
use crate::collections::{customer_task, ladder_items, worklist, CollectionsEntry, Outcome, Task};
use crate::credit::score::{score, score_all, score_inputs, Score};
use crate::decide::limits::{user, user_with};
use crate::decide::rejection::{Decision, Field, Rejection};
use crate::decide::rules::check_text_max;
use crate::decide::rules::{
    check_currency, check_customer_since, check_date, check_not_after, check_text,
};
use crate::journal::Portfolio;
use crate::ledger::Customer;
use crate::policy::{
    parse_template, validate_strategy, Channel, CollectionPolicy, Grade, PolicyEntry, Template,
    TemplateError,
};
use crate::team::{Role, User};
use chrono::NaiveDate;

/// The longest tolerance a promise may have.
pub const TOLERANCE_DAYS_MAX: u32 = 30;

/// Collectors, managers and directors work collections; sales and analysts do not.
pub fn may_collect(role: Role) -> bool {
    role == Role::Collector || role.covers(Role::Manager)
}

pub(super) fn collector(state: &Portfolio, id: UserId) -> Result<&User, Rejection> {
    let user = user(state, id)?;
    if !may_collect(user.role) {
        return Err(Rejection::NotCollecting { role: user.role });
    }
    Ok(user)
}

/// The customer's grade on `date` under the policy then in force, which picks its ladder.
pub fn grade_on(state: &Portfolio, customer: &Customer, date: NaiveDate) -> Grade {
    let inputs = score_inputs(&state.ledger, &state.credit, customer, date);
    score(&inputs, &state.policy_on(date)).grade
}

/// The customer's reminder due on `date`, as the worklist shows it.
pub fn task_on(state: &Portfolio, customer: &Customer, date: NaiveDate) -> Option<Task> {
    let policy = state.policy_on(date);
    let grade = grade_on(state, customer, date);
    let to_base = |amount, currency| policy.limits.to_base(amount, currency);
    customer_task(
        &state.ledger,
        &state.collections,
        &state.strategy_on(date),
        customer,
        grade,
        date,
        &to_base,
    )
}

/// The rung a letter to the customer is written for on `date`: the task due's, else the last
/// rung its oldest overdue item has reached (the first rung when none is overdue).
pub fn letter_step_on(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
) -> Option<crate::policy::ReminderStep> {
    if let Some(task) = task_on(state, customer, date) {
        return Some(task.step);
    }
    let days = crate::ledger::as_of::customer_invoices_on(&state.ledger, customer, date)
        .into_iter()
        .filter(|(_, open)| *open > rust_decimal::Decimal::ZERO)
        .map(|(invoice, _)| invoice.days_past_due(date))
        .max()
        .unwrap_or(i64::MIN);
    let strategy = state.strategy_on(date);
    let ladder = strategy.ladder(grade_on(state, customer, date));
    crate::collections::letters::step_for_days(ladder, days).cloned()
}

/// Today's worklist: every customer's reminder due on `date`, highest priority first, each
/// customer's ladder picked by its grade on `date` (scored once for all).
pub fn worklist_on(state: &Portfolio, date: NaiveDate) -> Vec<Task> {
    let scores = score_all(&state.ledger, &state.credit, &state.policy_on(date), date);
    worklist_scored(state, date, &scores)
}

/// `worklist_on` with the customers' scores on `date` already made (`score_all`, in the order
/// of `state.ledger.customers`), for a caller that keeps them.
pub fn worklist_scored(state: &Portfolio, date: NaiveDate, scores: &[Score]) -> Vec<Task> {
    let policy = state.policy_on(date);
    let first = state.ledger.customers.first().map_or(0, |c| c.id.0);
    let grade_of = |customer: &Customer| {
        let position = customer.id.0.wrapping_sub(first) as usize;
        (state.ledger.customers.get(position))
            .filter(|at| at.id == customer.id)
            .and_then(|_| scores.get(position))
            .map_or_else(|| grade_on(state, customer, date), |score| score.grade)
    };
    let to_base = |amount, currency| policy.limits.to_base(amount, currency);
    worklist(
        &state.ledger,
        &state.collections,
        &state.strategy_on(date),
        date,
        &grade_of,
        &to_base,
    )
}

fn customer(state: &Portfolio, id: CustomerId) -> Result<&Customer, Rejection> {
    state.ledger.customer(id).ok_or(Rejection::UnknownCustomer)
}

/// The day a collection entry is dated: a real date, not after it is entered, not before
/// the customer was taken on.
fn check_day(
    customer: &Customer,
    date: NaiveDate,
    recorded_on: NaiveDate,
) -> Result<(), Rejection> {
    check_date(date)?;
    check_not_after(date, recorded_on)?;
    check_customer_since(customer, date)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn complete_task(
    state: &Portfolio,
    customer_id: CustomerId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    by: UserId,
    channel: Channel,
    outcome: Outcome,
    notes: &str,
) -> Decision {
    let customer = customer(state, customer_id)?;
    collector(state, by)?;
    check_day(customer, date, recorded_on)?;
    check_text(notes, Field::Comment)?;
    let task = task_on(state, customer, date).ok_or(Rejection::NoTaskDue)?;
    if !task.step.channels.contains(&channel) {
        return Err(Rejection::ChannelNotInStep {
            allowed: task.step.channels.clone(),
        });
    }
    Ok(vec![CollectionsEntry::TaskCompleted {
        customer: customer_id,
        date,
        by,
        offset_days: task.step.offset_days,
        step: task.step.kind,
        channel,
        outcome,
        notes: notes.trim().to_string(),
        invoices: task.invoices,
    }
    .into()])
}

pub(super) fn escalate(
    state: &Portfolio,
    customer_id: CustomerId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    by: UserId,
    offset_days: i32,
    reason: &str,
) -> Decision {
    let customer = customer(state, customer_id)?;
    user_with(state, by, Role::Manager)?;
    check_day(customer, date, recorded_on)?;
    if reason.trim().is_empty() {
        return Err(Rejection::ReasonEmpty);
    }
    check_text(reason, Field::Reason)?;
    let strategy = state.strategy_on(date);
    let ladder = strategy.ladder(grade_on(state, customer, date));
    if !ladder.iter().any(|rung| rung.offset_days == offset_days) {
        return Err(Rejection::StepNotInLadder);
    }
    let rungs = state.collections.rungs_on(date);
    let invoices: Vec<_> = ladder_items(&state.ledger, &state.collections, customer, date)
        .into_iter()
        .filter(|id| rungs.done_for(*id).is_none_or(|done| done < offset_days))
        .collect();
    if invoices.is_empty() {
        return Err(Rejection::NothingToEscalate);
    }
    Ok(vec![CollectionsEntry::StepEscalated {
        customer: customer_id,
        date,
        by,
        offset_days,
        reason: reason.trim().to_string(),
        invoices,
    }
    .into()])
}

#[allow(clippy::too_many_arguments)]
pub(super) fn record_promise(
    state: &Portfolio,
    id: PromiseId,
    customer_id: CustomerId,
    (date, recorded_on): (NaiveDate, NaiveDate),
    by: UserId,
    amount: &Amount,
    due: NaiveDate,
    tolerance_days: u32,
) -> Decision {
    let customer = customer(state, customer_id)?;
    if id < state.collections.next_promise() {
        return Err(Rejection::IdAlreadyUsed);
    }
    collector(state, by)?;
    check_day(customer, date, recorded_on)?;
    check_currency(amount.currency(), customer.details.currency)?;
    check_date(due)?;
    if due < date {
        return Err(Rejection::PromiseDueBeforeDate);
    }
    if tolerance_days > TOLERANCE_DAYS_MAX {
        return Err(Rejection::ToleranceTooLong {
            max: TOLERANCE_DAYS_MAX,
        });
    }
    Ok(vec![CollectionsEntry::PromiseRecorded {
        id,
        customer: customer_id,
        date,
        by,
        amount: *amount,
        due,
        tolerance_days,
    }
    .into()])
}

pub(super) fn assign_collector(
    state: &Portfolio,
    customer_id: CustomerId,
    date: NaiveDate,
    by: UserId,
    assigned: Option<UserId>,
) -> Decision {
    let customer = customer(state, customer_id)?;
    user_with(state, by, Role::Manager)?;
    check_date(date)?;
    check_customer_since(customer, date)?;
    if let Some(assigned) = assigned {
        collector(state, assigned)?;
    }
    Ok(vec![CollectionsEntry::CollectorAssigned {
        customer: customer_id,
        date,
        by,
        collector: assigned,
    }
    .into()])
}

pub(super) fn change_strategy(
    state: &Portfolio,
    date: NaiveDate,
    strategy: &CollectionPolicy,
    by: UserId,
) -> Decision {
    check_date(date)?;
    validate_strategy(strategy).map_err(Rejection::StrategyInvalid)?;
    user_with(state, by, Role::Manager)?;
    Ok(vec![PolicyEntry::StrategyChanged {
        date,
        strategy: strategy.clone(),
        by,
    }
    .into()])
}

fn check_template_text(text: &str, field: Field) -> Result<(), Rejection> {
    parse_template(text).map_err(|error| match error {
        TemplateError::UnknownPlaceholder { name } => Rejection::UnknownPlaceholder { field, name },
        TemplateError::UnclosedBrace { at } => Rejection::UnclosedBrace { field, at },
    })?;
    Ok(())
}

/// One template saved: the newest strategy with this template in place of the one for the
/// same step kind, channel and language, as a new version in force from `date`.
pub(super) fn set_template(
    state: &Portfolio,
    date: NaiveDate,
    template: &Template,
    by: UserId,
) -> Decision {
    check_date(date)?;
    check_text(&template.subject, Field::TemplateSubject)?;
    check_text_max(&template.body, Field::TemplateBody, NOTES_LEN_MAX)?;
    if template.body.trim().is_empty() {
        return Err(Rejection::TemplateEmpty);
    }
    check_template_text(&template.subject, Field::TemplateSubject)?;
    check_template_text(&template.body, Field::TemplateBody)?;
    user_with(state, by, Role::Manager)?;
    let mut strategy = state.policies.current_strategy();
    let same = |t: &Template| {
        (t.kind, t.channel, t.language) == (template.kind, template.channel, template.language)
    };
    strategy.templates.retain(|t| !same(t));
    strategy.templates.push(template.clone());
    Ok(vec![
        PolicyEntry::StrategyChanged { date, strategy, by }.into()
    ])
}

/// The subject of the letter or message for the customer's step on `date`, as rendered from
/// the strategy's template: what the contact log's notes say was sent.
pub fn letter_subject_on(
    state: &Portfolio,
    customer: &Customer,
    date: NaiveDate,
    channel: Channel,
    (language, format): (crate::policy::Language, crate::base::input::NumberFormat),
) -> Option<String> {
    use crate::collections::letters::{letter_values, render_text};
    let step = letter_step_on(state, customer, date)?;
    let strategy = state.strategy_on(date);
    let template = strategy.template(step.kind, channel, language)?;
    let buckets = crate::ledger::reports::AgingBuckets::default();
    let statement = crate::collections::statement_of_account(
        &state.ledger,
        customer,
        &strategy.interest_rates,
        &buckets,
        date,
    );
    let company = state.team.company.as_ref();
    let values = letter_values(
        &statement,
        customer,
        company,
        Some(&step),
        (language, format),
    );
    let subject: String = render_text(&template.subject, &values);
    Some(
        subject
            .chars()
            .take(crate::base::input::TEXT_LEN_MAX)
            .collect(),
    )
}

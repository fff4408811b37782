//! `decide` for users, limit requests and approvals, holds, orders through the credit check
//! and the widget's origins. The authority rules live here: no approval or release above the
//! user's role, and never an approval of one's own request (four eyes).

use crate::base::ids::*;
use crate::base::money::{Amount, Money, NonNegative};
use crate::check::check_with_grade;
use crate::credit::score::{score, score_inputs};
use crate::decide::ledger::open_order;
use crate::decide::rejection::{Decision, Field, Rejection};
use crate::decide::rules::{check_currency, check_date, check_text, check_text_max};
use crate::journal::Portfolio;
use crate::ledger::Customer;
use crate::limits::{parse_origin, review_date, LimitsEntry, RequestStatus, Verdict};
use crate::team::{CompanyDetails, Role, TeamEntry, User};
use chrono::NaiveDate;

pub(super) fn user(state: &Portfolio, id: UserId) -> Result<&User, Rejection> {
    state.team.user(id).ok_or(Rejection::UnknownUser)
}

/// The user, when their role covers `required`.
pub(super) fn user_with(state: &Portfolio, id: UserId, required: Role) -> Result<&User, Rejection> {
    let user = user(state, id)?;
    if !user.role.covers(required) {
        return Err(Rejection::AboveAuthority { required });
    }
    Ok(user)
}

pub(super) fn check_user_name(
    state: &Portfolio,
    id: UserId,
    name: &str,
) -> Result<String, Rejection> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Rejection::NameEmpty);
    }
    check_text(name, Field::Name)?;
    let taken = state
        .team
        .users
        .iter()
        .any(|user| user.id != id && user.name.trim().eq_ignore_ascii_case(name));
    if taken {
        return Err(Rejection::UserNameTaken {
            name: name.to_string(),
        });
    }
    Ok(name.to_string())
}

/// Who may give `role`: `granter`, when they are a manager or a director and `role` is not
/// above their own (internal control: nobody hands out more authority than they hold).
fn check_grant(state: &Portfolio, granter: UserId, role: Role) -> Result<(), Rejection> {
    let granter = user_with(state, granter, Role::Manager)?;
    if role.authority_rank() > granter.role.authority_rank() {
        return Err(Rejection::GrantAboveOwn { role });
    }
    Ok(())
}

pub(super) fn add_user(
    state: &Portfolio,
    id: UserId,
    name: &str,
    role: Role,
    by: Option<UserId>,
) -> Decision {
    if id < state.next_ids().user {
        return Err(Rejection::IdAlreadyUsed);
    }
    // The first profile sets the team up; every later one is added by someone on it.
    match by {
        None if state.team.users.is_empty() => {}
        None => return Err(Rejection::ProfileRequired),
        Some(by) if role == Role::Sales => {
            user(state, by)?;
        }
        Some(by) => check_grant(state, by, role)?,
    }
    let name = check_user_name(state, id, name)?;
    Ok(vec![TeamEntry::UserAdded { id, name, role, by }.into()])
}

pub(super) fn change_user(
    state: &Portfolio,
    id: UserId,
    name: &str,
    role: Role,
    by: UserId,
) -> Decision {
    let current = user(state, id)?.role;
    user(state, by)?;
    if role != current {
        if by == id {
            return Err(Rejection::OwnRole);
        }
        // Both the role taken away and the role given must be within the granter's own.
        check_grant(state, by, current)?;
        check_grant(state, by, role)?;
    } else if by != id {
        user_with(state, by, Role::Manager)?;
    }
    let name = check_user_name(state, id, name)?;
    Ok(vec![TeamEntry::UserChanged {
        id,
        name,
        role,
        by: Some(by),
    }
    .into()])
}

pub(super) fn required_text(
    text: &str,
    field: Field,
    empty: Rejection,
) -> Result<String, Rejection> {
    let text = text.trim();
    if text.is_empty() {
        return Err(empty);
    }
    check_text(text, field)?;
    Ok(text.to_string())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn request_limit(
    state: &Portfolio,
    id: RequestId,
    customer_id: CustomerId,
    date: NaiveDate,
    by: UserId,
    amount: &Amount<NonNegative>,
    reason: &str,
    until: Option<NaiveDate>,
) -> Decision {
    let customer = state
        .ledger
        .customer(customer_id)
        .ok_or(Rejection::UnknownCustomer)?;
    if id < state.next_ids().request {
        return Err(Rejection::IdAlreadyUsed);
    }
    user(state, by)?;
    check_date(date)?;
    // Zero or more, within the bound and the currency's decimals: the amount's type says so.
    check_currency(amount.currency(), customer.details.currency)?;
    let reason = required_text(reason, Field::Reason, Rejection::ReasonEmpty)?;
    if let Some(until) = until {
        check_date(until).map_err(|_| Rejection::UntilNotAfterDate)?;
        if until <= date {
            return Err(Rejection::UntilNotAfterDate);
        }
    }
    let pending = crate::limits::requests_of(&state.limits, customer_id)
        .any(|request| request.status == RequestStatus::Pending);
    if pending {
        return Err(Rejection::RequestPending);
    }
    Ok(vec![LimitsEntry::LimitRequested {
        id,
        customer: customer_id,
        date,
        by,
        amount: *amount,
        reason,
        until,
    }
    .into()])
}

/// The pending request and its customer, when `by` may decide it on `date`.
pub(super) fn decidable(
    state: &Portfolio,
    request_id: RequestId,
    date: NaiveDate,
    by: UserId,
) -> Result<(&crate::limits::LimitRequest, &Customer), Rejection> {
    let request = state
        .limits
        .request(request_id)
        .ok_or(Rejection::UnknownRequest)?;
    if request.status != RequestStatus::Pending {
        return Err(Rejection::RequestDecided);
    }
    user(state, by)?;
    check_date(date)?;
    if date < request.date {
        return Err(Rejection::DecisionBeforeRequest);
    }
    if request.by == by {
        return Err(Rejection::OwnRequest);
    }
    let customer = state
        .ledger
        .customer(request.customer)
        .ok_or(Rejection::UnknownCustomer)?;
    Ok((request, customer))
}

/// The lowest role that may approve `amount` for a customer of `grade`: the authority matrix's
/// band for the amount in the base currency, and a director above the grade's maximum or when
/// the policy has no exchange rate for the currency.
pub fn approval_role(
    policy: &crate::policy::CreditPolicy,
    amount: &Money,
    grade: crate::policy::Grade,
) -> Role {
    let limits = &policy.limits;
    let base = limits.to_base(amount.amount, amount.currency);
    let role = limits.approver_role(base);
    match base {
        Some(base) if base <= limits.terms(grade).limit_max => role,
        _ => role.max(Role::Director),
    }
}

pub(super) fn approve_limit(
    state: &Portfolio,
    request_id: RequestId,
    date: NaiveDate,
    by: UserId,
    comment: &str,
) -> Decision {
    let (request, customer) = decidable(state, request_id, date, by)?;
    // The grade, the authority matrix and the review interval are those of the policy in force
    // on the approval date, like everything else the approval reads: a version that takes
    // effect later must not lower (or raise) the authority an approval dated before it needs.
    let policy = state.policy_on(date);
    let grade = score(
        &score_inputs(&state.ledger, &state.credit, customer, date),
        &policy,
    )
    .grade;
    user_with(
        state,
        by,
        approval_role(&policy, &request.amount.money(), grade),
    )?;
    check_text(comment, Field::Comment)?;
    if request.until.is_some_and(|until| until < date) {
        return Err(Rejection::UntilNotAfterDate);
    }
    Ok(vec![LimitsEntry::LimitApproved {
        request: request_id,
        date,
        by,
        comment: comment.trim().to_string(),
        review_on: review_date(date, policy.limits.terms(grade).review_months),
        grade,
    }
    .into()])
}

pub(super) fn reject_limit(
    state: &Portfolio,
    request_id: RequestId,
    date: NaiveDate,
    by: UserId,
    comment: &str,
) -> Decision {
    decidable(state, request_id, date, by)?;
    // Saying no needs no authority beyond an analyst's, but it needs a reason on record.
    user_with(state, by, Role::Analyst)?;
    let comment = required_text(comment, Field::Comment, Rejection::CommentEmpty)?;
    Ok(vec![LimitsEntry::LimitRejected {
        request: request_id,
        date,
        by,
        comment,
    }
    .into()])
}

pub(super) fn record_lapse(state: &Portfolio, request_id: RequestId, date: NaiveDate) -> Decision {
    let request = state
        .limits
        .request(request_id)
        .ok_or(Rejection::UnknownRequest)?;
    check_date(date)?;
    if request.approved_on().is_none() || !request.lapsed(date) {
        return Err(Rejection::LapseNotDue);
    }
    if request.lapse_recorded.is_some() {
        return Err(Rejection::LapseRecorded);
    }
    Ok(vec![LimitsEntry::LimitLapsed {
        request: request_id,
        date,
    }
    .into()])
}

pub(super) fn change_hold(
    state: &Portfolio,
    customer_id: CustomerId,
    date: NaiveDate,
    by: UserId,
    reason: &str,
    place: bool,
) -> Decision {
    if state.ledger.customer(customer_id).is_none() {
        return Err(Rejection::UnknownCustomer);
    }
    // Anyone in the credit team may stop credit; lifting a hold is a manager's call.
    user_with(state, by, if place { Role::Analyst } else { Role::Manager })?;
    check_date(date)?;
    let reason = required_text(reason, Field::Reason, Rejection::ReasonEmpty)?;
    match (place, state.limits.hold(customer_id).is_some()) {
        (true, true) => return Err(Rejection::AlreadyOnHold),
        (false, false) => return Err(Rejection::NotOnHold),
        _ => {}
    }
    Ok(vec![if place {
        LimitsEntry::HoldPlaced {
            customer: customer_id,
            date,
            by,
            reason,
        }
        .into()
    } else {
        LimitsEntry::HoldReleased {
            customer: customer_id,
            date,
            by,
            reason,
        }
        .into()
    }])
}

#[allow(clippy::too_many_arguments)]
pub(super) fn place_order(
    state: &Portfolio,
    id: OrderId,
    customer_id: CustomerId,
    number: &str,
    date: NaiveDate,
    amount: &Amount,
    by: UserId,
    release_reason: Option<&str>,
) -> Decision {
    user(state, by)?;
    let mut entries = open_order(state, id, customer_id, number, date, amount)?;
    let customer = state
        .ledger
        .customer(customer_id)
        .ok_or(Rejection::UnknownCustomer)?;
    // Checked as of the order's date throughout: its exposure, its limit and the policy then.
    let policy = state.policy_on(date);
    let grade = score(
        &score_inputs(&state.ledger, &state.credit, customer, date),
        &policy,
    )
    .grade;
    let check = check_with_grade(state, &policy, customer, grade, amount.value(), date);
    if check.verdict != Verdict::Block {
        return Ok(entries);
    }
    let Some(reason) = release_reason
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
    else {
        return Err(Rejection::OrderBlocked);
    };
    check_text(reason, Field::Reason)?;
    user_with(state, by, check.release_role.unwrap_or(Role::Director))?;
    entries.push(
        LimitsEntry::OrderReleased {
            order: id,
            date,
            by,
            reason: reason.to_string(),
            blocked_for: check.reasons,
        }
        .into(),
    );
    Ok(entries)
}

pub(super) fn set_widget_origins(
    state: &Portfolio,
    date: NaiveDate,
    by: UserId,
    origins: &[String],
) -> Decision {
    user_with(state, by, Role::Manager)?;
    check_date(date)?;
    let mut exact = Vec::new();
    for origin in origins.iter().filter(|origin| !origin.trim().is_empty()) {
        let parsed = parse_origin(origin).map_err(|error| Rejection::OriginInvalid {
            origin: origin.trim().to_string(),
            error,
        })?;
        if !exact.contains(&parsed) {
            exact.push(parsed);
        }
    }
    Ok(vec![LimitsEntry::WidgetOriginsSet {
        date,
        by,
        origins: exact,
    }
    .into()])
}

/// The longest address or bank details, in characters (several lines).
pub const COMPANY_BLOCK_MAX: usize = 500;

/// The company's details for the letterhead: a name, the other parts optional and bounded;
/// set by a manager or director.
pub(super) fn set_company_details(
    state: &Portfolio,
    details: &CompanyDetails,
    by: UserId,
) -> Decision {
    let name = details.name.trim();
    if name.is_empty() {
        return Err(Rejection::CompanyNameEmpty);
    }
    check_text(name, Field::CompanyName)?;
    check_text_max(
        details.address.trim(),
        Field::CompanyAddress,
        COMPANY_BLOCK_MAX,
    )?;
    check_text_max(
        details.bank_details.trim(),
        Field::BankDetails,
        COMPANY_BLOCK_MAX,
    )?;
    check_text(details.registration_no.trim(), Field::CompanyRegistration)?;
    check_text(details.tax_no.trim(), Field::CompanyTaxNo)?;
    user_with(state, by, Role::Manager)?;
    let details = CompanyDetails {
        name: name.to_string(),
        address: details.address.trim().to_string(),
        bank_details: details.bank_details.trim().to_string(),
        registration_no: details.registration_no.trim().to_string(),
        tax_no: details.tax_no.trim().to_string(),
    };
    Ok(vec![TeamEntry::CompanyDetailsSet { details, by }.into()])
}

//! `decide` for the credit file and the credit policy.

use crate::base::ids::{CustomerId, UserId};
use crate::base::input::NOTES_LEN_MAX;
use crate::base::money::amount_max;
use crate::credit::{CreditEntry, CreditRecord, FinancialStatement};
use crate::decide::limits::user_with;
use crate::decide::rejection::{Decision, Field, Rejection};
use crate::decide::rules::*;
use crate::journal::Portfolio;
use crate::policy::{validate_policy, CreditPolicy, PolicyEntry};
use crate::team::Role;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub(super) fn add_credit_record(
    state: &Portfolio,
    customer_id: CustomerId,
    recorded_on: NaiveDate,
    record: &CreditRecord,
) -> Decision {
    let Some(customer) = state.ledger.customer(customer_id) else {
        return Err(Rejection::UnknownCustomer);
    };
    check_date(recorded_on)?;
    check_date(record.date())?;
    let record = match record {
        CreditRecord::Report(report) => {
            if report.agency.trim().is_empty() {
                return Err(Rejection::AgencyEmpty);
            }
            if report.rating.trim().is_empty() {
                return Err(Rejection::RatingEmpty);
            }
            check_text(&report.agency, Field::Name)?;
            check_text(&report.rating, Field::Rating)?;
            check_text_max(&report.notes, Field::Reason, NOTES_LEN_MAX)?;
            if let Some(limit) = &report.recommended_limit {
                check_currency(limit.currency(), customer.details.currency)?;
            }
            CreditRecord::Report(crate::credit::CreditReport {
                agency: report.agency.trim().to_string(),
                rating: report.rating.trim().to_string(),
                notes: report.notes.trim().to_string(),
                ..report.clone()
            })
        }
        CreditRecord::Statement(statement) => {
            check_statement(statement)?;
            record.clone()
        }
        CreditRecord::Reference(reference) => {
            check_text(&reference.source, Field::Name)?;
            check_text_max(&reference.findings, Field::Reason, NOTES_LEN_MAX)?;
            record.clone()
        }
        CreditRecord::Visit(visit) => {
            check_text(&visit.who, Field::Name)?;
            check_text_max(&visit.findings, Field::Reason, NOTES_LEN_MAX)?;
            record.clone()
        }
        CreditRecord::Signal(signal) => {
            check_text(&signal.source, Field::Name)?;
            check_text_max(&signal.notes, Field::Reason, NOTES_LEN_MAX)?;
            record.clone()
        }
    };
    Ok(vec![CreditEntry::CreditRecordAdded {
        customer: customer_id,
        recorded_on,
        record,
    }
    .into()])
}

/// Statement lines may carry up to 2 decimals and lie within ± `amount_max`, which keeps every
/// ratio and Z″ product far from Decimal's limits. Balance is only warned about
/// (`credit::statement_warnings`), never refused: published figures do not always add up.
pub(super) fn check_statement(statement: &FinancialStatement) -> Result<(), Rejection> {
    if statement
        .total_assets
        .is_some_and(|assets| assets < Decimal::ZERO)
    {
        return Err(Rejection::NegativeTotalAssets);
    }
    let lines = [
        ("current_assets", statement.current_assets, false),
        ("total_assets", statement.total_assets, false),
        ("current_liabilities", statement.current_liabilities, false),
        ("total_liabilities", statement.total_liabilities, false),
        ("equity", statement.equity, true),
        ("retained_earnings", statement.retained_earnings, true),
        ("inventory", statement.inventory, false),
        ("cash", statement.cash, false),
        ("revenue", statement.revenue, false),
        ("ebit", statement.ebit, true),
        ("net_profit", statement.net_profit, true),
        ("interest_expense", statement.interest_expense, false),
    ];
    for (line, value, may_be_negative) in lines {
        let Some(value) = value else { continue };
        if !may_be_negative && value < Decimal::ZERO {
            return Err(Rejection::StatementLineNegative {
                line: line.to_string(),
            });
        }
        if value.normalize().scale() > 2 {
            return Err(Rejection::TooManyDecimals { allowed: 2 });
        }
        if value.abs() > amount_max() {
            return Err(Rejection::AmountTooLarge);
        }
    }
    Ok(())
}

pub(super) fn change_policy(
    state: &Portfolio,
    date: NaiveDate,
    policy: &CreditPolicy,
    by: UserId,
) -> Decision {
    check_date(date)?;
    validate_policy(policy).map_err(Rejection::PolicyInvalid)?;
    let expected = state.policy().version.saturating_add(1);
    if policy.version != expected {
        return Err(Rejection::PolicyVersionNotNext { expected });
    }
    // Last, so that whoever drafts a policy sees every problem in it before being told that a
    // manager or director must save it.
    user_with(state, by, Role::Manager)?;
    Ok(vec![PolicyEntry::PolicyChanged {
        date,
        policy: Box::new(policy.clone()),
        by: Some(by),
    }
    .into()])
}

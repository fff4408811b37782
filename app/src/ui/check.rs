//! The credit check as the field check and the widget both show it: what typed text gives,
//! the customer's standing, the verdict's word and the reasons. The core decides; this reads.

use crate::i18n::{vocab, FieldTexts, VocabTexts};
use chrono::NaiveDate;
use creditdesk_core::check::{check_order, CheckError, CreditCheck};
use creditdesk_core::limits::Verdict;
use creditdesk_core::{AmountError, CustomerId, Money, Portfolio};
use leptos::prelude::*;

use super::form::read_amount;
use super::use_app;

/// What the amount field gives: nothing typed, unreadable text, an order the core could not
/// check, or the core's check.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Standing,
    BadAmount(AmountError),
    Refused(CheckError),
    Checked(Box<CreditCheck>),
}

/// The customer's standing: the check of an order of zero.
pub fn standing(
    portfolio: &Portfolio,
    customer: CustomerId,
    as_of: NaiveDate,
) -> Result<CreditCheck, CheckError> {
    let currency = portfolio
        .ledger
        .customer(customer)
        .ok_or(CheckError::UnknownCustomer)?
        .details
        .currency;
    check_order(
        portfolio,
        &portfolio.policy_on(as_of),
        customer,
        &Money::zero(currency),
        as_of,
    )
}

/// Reads typed amount text in the customer's currency, as every form reads an amount (in
/// the user's number format, `form::read_amount`), and checks it.
pub fn check_typed(
    portfolio: &Portfolio,
    customer: CustomerId,
    text: &str,
    as_of: NaiveDate,
) -> Outcome {
    let Some(account) = portfolio.ledger.customer(customer) else {
        return Outcome::Refused(CheckError::UnknownCustomer);
    };
    if text.trim().is_empty() {
        return Outcome::Standing;
    }
    let amount = match read_amount(text, account.details.currency) {
        Ok(amount) => amount.money(),
        Err(error) => return Outcome::BadAmount(error),
    };
    match check_order(
        portfolio,
        &portfolio.policy_on(as_of),
        customer,
        &amount,
        as_of,
    ) {
        Ok(check) => Outcome::Checked(Box::new(check)),
        Err(error) => Outcome::Refused(error),
    }
}

/// The verdict's word with a symbol, so the colour is never the only signal.
pub fn verdict_label(f: &FieldTexts, v: &VocabTexts, verdict: Verdict) -> String {
    let icon = match verdict {
        Verdict::Pass => f.icon_pass,
        Verdict::Warn => f.icon_warn,
        Verdict::Block => f.icon_block,
    };
    format!("{icon} {}", vocab::verdict(v, verdict))
}

/// Every reason of a check as a sentence.
#[component]
pub fn Reasons(check: CreditCheck, testid: &'static str) -> impl IntoView {
    let state = use_app();
    let v = state.lang.get().vocab();
    let f = state.lang.get().field();
    if check.reasons.is_empty() {
        return view! { <p class="muted" data-testid=testid>{f.no_reasons}</p> }.into_any();
    }
    let items = check
        .reasons
        .iter()
        .map(|reason| {
            let tone = reason.verdict().token();
            let text = vocab::check_reason(v, reason, check.currency);
            view! { <li class=format!("reason {tone}") data-code=reason.code()>{text}</li> }
        })
        .collect_view();
    view! { <ul class="reasons" data-testid=testid>{items}</ul> }.into_any()
}

/// The customer's standing and the check of the typed amount as of the app's today, each
/// following the portfolio, the date and the text (the field check and the widget show both).
pub fn follow_check(
    id: CustomerId,
    amount: RwSignal<String>,
) -> (Memo<Result<CreditCheck, CheckError>>, Memo<Outcome>) {
    let state = use_app();
    let current = Memo::new(move |_| {
        let today = state.today.get();
        state.portfolio.with(|p| standing(p, id, today))
    });
    // `check_typed` reads in the user's number format, which the memo follows too.
    let outcome = Memo::new(move |_| {
        let today = state.today.get();
        let text = amount.get();
        state.portfolio.with(|p| check_typed(p, id, &text, today))
    });
    (current, outcome)
}

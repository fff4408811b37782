//! The credit check as the field check and the widget both show it: what typed text gives,
//! the customer's standing, the verdict's word and the reasons. The core decides; this reads.

use crate::check_view::use_view;
use crate::i18n::{vocab, FieldTexts, VocabTexts};
use creditdesk_core::check::view::CheckView;
use creditdesk_core::check::{CheckError, CreditCheck};
use creditdesk_core::limits::Verdict;
use creditdesk_core::{AmountError, CustomerId};
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

/// Reads typed amount text in the customer's currency, as every form reads an amount (in
/// the user's number format, `form::read_amount`), and checks it against the view.
pub fn check_typed(view: &CheckView, customer: CustomerId, text: &str) -> Outcome {
    let Some(account) = view.customer(customer) else {
        return Outcome::Refused(CheckError::UnknownCustomer);
    };
    if text.trim().is_empty() {
        return Outcome::Standing;
    }
    let amount = match read_amount(text, account.currency()) {
        Ok(amount) => amount.money(),
        Err(error) => return Outcome::BadAmount(error),
    };
    match view.check(customer, &amount) {
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

/// The customer's standing and the check of the typed amount on the view's day, each
/// following the view (a new day or another tab's write brings a new one) and the text (the
/// field check and the widget show both).
pub fn follow_check(
    id: CustomerId,
    amount: RwSignal<String>,
) -> (Memo<Result<CreditCheck, CheckError>>, Memo<Outcome>) {
    let view = use_view().view;
    let unknown = || Err(CheckError::UnknownCustomer);
    let current = Memo::new(move |_| {
        view.with(|view| view.as_ref().map_or_else(unknown, |v| v.check_standing(id)))
    });
    // `check_typed` reads in the user's number format, which the memo follows too.
    let outcome = Memo::new(move |_| {
        let text = amount.get();
        view.with(|view| match view {
            Some(view) => check_typed(view, id, &text),
            None => Outcome::Refused(CheckError::UnknownCustomer),
        })
    });
    (current, outcome)
}

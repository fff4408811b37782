//! The printed documents' shared pieces: the company letterhead, the open-items table with
//! its totals, the document's language (the customer's, not the user's). The statement of
//! account and the letter draw them; the figures are the core's (`collections::statement`,
//! `collections::letters`). (`ui/statement.rs` is a financial statement's lines — the
//! balance sheet of a credit file — not a statement of account.)

use crate::i18n::{fill, Lang, LettersTexts};
use crate::ui::figures::bucket_labels;
use crate::ui::money;
use creditdesk_core::collections::letters::LetterTotal;
use creditdesk_core::collections::StatementOfAccount;
use creditdesk_core::ledger::reports::AgingBuckets;
use creditdesk_core::policy::Language;
use creditdesk_core::team::CompanyDetails;
use leptos::prelude::*;

/// The app's language for a document language.
pub fn doc_lang(language: Language) -> Lang {
    match language {
        Language::ZhCn => Lang::Zh,
        Language::En => Lang::En,
    }
}

/// The company's name, address, bank and numbers at the top of a document; a notice when
/// they are not set (the notice is not printed).
pub fn letterhead(company: Option<&CompanyDetails>, l: &'static LettersTexts) -> AnyView {
    let Some(company) = company.cloned() else {
        return view! { <p class="notice no-print" data-testid="company-missing">{l.company_missing}</p> }
            .into_any();
    };
    let registration = (!company.registration_no.is_empty())
        .then(|| view! { <p>{fill(l.registration_line, &[("no", &company.registration_no)])}</p> });
    let tax = (!company.tax_no.is_empty())
        .then(|| view! { <p>{fill(l.tax_line, &[("no", &company.tax_no)])}</p> });
    view! {
        <header class="letterhead" data-testid="letterhead">
            <p class="letterhead-name">{company.name.clone()}</p>
            <p class="lines">{company.address.clone()}</p>
            <p class="lines" data-testid="letterhead-bank">{company.bank_details.clone()}</p>
            {registration}
            {tax}
        </header>
    }
    .into_any()
}

/// The open items of a statement: invoice, dates, amounts, days overdue, aging and interest.
pub fn open_items_table(statement: &StatementOfAccount, doc: Lang) -> AnyView {
    let l = doc.letters();
    let labels = bucket_labels(doc.texts(), &AgingBuckets::default());
    if statement.items.is_empty() {
        return view! { <p data-testid="no-items">{l.no_items}</p> }.into_any();
    }
    let rows = (statement.items.iter())
        .map(|item| {
            let days = (item.days_overdue > 0).then(|| item.days_overdue.to_string());
            view! {
                <tr data-testid="item" data-overdue=(item.days_overdue > 0).to_string()>
                    <td>{item.number.clone()}</td>
                    <td>{item.issue_date.to_string()}</td>
                    <td>{item.due_date.to_string()}</td>
                    <td class="num">{money(item.amount, item.currency)}</td>
                    <td class="num" data-testid="item-open" data-value=item.open.to_string()>{money(item.open, item.currency)}</td>
                    <td class="num">{days.unwrap_or_else(|| l.not_due.to_string())}</td>
                    <td>{labels.get(item.bucket).cloned().unwrap_or_default()}</td>
                    <td class="num" data-testid="item-interest" data-value=item.interest.total.to_string()>{money(item.interest.total, item.currency)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="list document-table" data-testid="open-items">
                <thead><tr>
                    <th scope="col">{l.col_invoice}</th>
                    <th scope="col">{l.col_issued}</th>
                    <th scope="col">{l.col_due}</th>
                    <th scope="col" class="num">{l.col_amount}</th>
                    <th scope="col" class="num">{l.col_open}</th>
                    <th scope="col" class="num">{l.col_days}</th>
                    <th scope="col">{l.col_bucket}</th>
                    <th scope="col" class="num">{l.col_interest}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A statement's totals per currency: open, overdue, late interest and the aging buckets.
pub fn statement_totals(statement: &StatementOfAccount, doc: Lang) -> impl IntoView {
    let l = doc.letters();
    let labels = bucket_labels(doc.texts(), &AgingBuckets::default());
    (statement.totals.iter())
        .map(|totals| {
            let currency = totals.currency;
            let buckets = (totals.aging.buckets.iter().zip(&labels))
                .map(|(amount, label)| view! { <tr><th scope="row">{label.clone()}</th><td class="num">{money(*amount, currency)}</td></tr> })
                .collect_view();
            view! {
                <table class="totals" data-testid="totals" data-currency=currency.code().to_string()>
                    <tr><th scope="row">{l.total_open}</th><td class="num" data-testid="total-open">{money(totals.aging.total, currency)}</td></tr>
                    <tr><th scope="row">{l.total_overdue}</th><td class="num" data-testid="total-overdue">{money(totals.aging.overdue(), currency)}</td></tr>
                    <tr><th scope="row">{l.total_interest}</th><td class="num" data-testid="total-interest">{money(totals.interest, currency)}</td></tr>
                    {buckets}
                </table>
            }
        })
        .collect_view()
}

/// A letter's totals per currency: overdue, interest and fee when stated, the total due.
pub fn letter_totals_view(totals: &[LetterTotal], doc: Lang) -> impl IntoView {
    let l = doc.letters();
    (totals.iter())
        .map(|line| {
            let currency = line.currency;
            let interest = line.interest.map(|value| view! { <tr><th scope="row">{l.total_interest}</th><td class="num" data-testid="letter-interest" data-value=value.to_string()>{money(value, currency)}</td></tr> });
            let fee = line.fee.map(|value| view! { <tr><th scope="row">{l.total_fee}</th><td class="num" data-testid="letter-fee" data-value=value.to_string()>{money(value, currency)}</td></tr> });
            view! {
                <table class="totals" data-testid="letter-totals" data-currency=currency.code().to_string()>
                    <tr><th scope="row">{l.total_overdue}</th><td class="num" data-testid="letter-overdue" data-value=line.overdue.to_string()>{money(line.overdue, currency)}</td></tr>
                    {interest}
                    {fee}
                    <tr class="grand"><th scope="row">{l.total_due}</th><td class="num" data-testid="letter-total" data-value=line.total.to_string()>{money(line.total, currency)}</td></tr>
                </table>
            }
        })
        .collect_view()
}

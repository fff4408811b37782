//! A customer's disputes, on its collections page: the disputed amount shown apart (each
//! invoice's disputed amount capped at what is open, as the balance counts it), every dispute
//! with its category, owner and state, resolving one (credit note, rejected, paid), and
//! opening one on all or part of an open invoice. The core decides; refusals show beside the
//! field they name.

use crate::i18n::fill;
use crate::i18n::plans::{self as words, PlansTexts};
use crate::pages::collections::pick::{open_invoices, profiles, InvoiceSelect};
use crate::ui::form::{ErrorSlot, Form, FormError, SelectField, TextField};
use crate::ui::{money, use_app, user_name, Figure};
use chrono::NaiveDate;
use creditdesk_core::decide::{Command, DisputeDetails, Field};
use creditdesk_core::ledger::reports::customer_balance;
use creditdesk_core::ledger::{DisputeCategory, DisputeOutcome};
use creditdesk_core::{Customer, DisputeId, InvoiceId, Portfolio, UserId};
use leptos::prelude::*;
use leptos::text_prop::TextProp;

/// The disputed figure, the disputes and the form to open one.
pub fn disputes(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let p = use_app().lang.get().plans();
    let currency = customer.details.currency;
    let disputed = customer_balance(&portfolio.ledger, customer, today).disputed;
    let options = open_invoices(portfolio, customer, today);
    view! {
        <h2>{p.disputes_title}</h2>
        <div class="figures">
            <Figure label=p.disputed_apart.into() value=money(disputed, currency) testid="disputed-total" />
        </div>
        {dispute_table(portfolio, customer, p)}
        {(!options.is_empty()).then(|| {
            view! { <OpenDispute options profiles=profiles(portfolio, p.owner_nobody) currency=currency /> }
        })}
    }
}

fn dispute_table(
    portfolio: &Portfolio,
    customer: &Customer,
    p: &'static PlansTexts,
) -> impl IntoView {
    let ledger = &portfolio.ledger;
    let form = Form::new();
    let rows: Vec<_> = (ledger.disputes.iter())
        .filter_map(|d| ledger.invoice(d.invoice).map(|invoice| (d, invoice)))
        .filter(|(_, invoice)| invoice.customer == customer.id)
        .map(|(d, invoice)| {
            let status = match d.resolved {
                Some((date, outcome)) => fill(
                    p.dispute_resolved,
                    &[("date", &date.to_string()), ("outcome", words::outcome(p, outcome))],
                ),
                None => p.dispute_open.to_string(),
            };
            let owner = d.owner.map(|id| user_name(portfolio, id)).unwrap_or_default();
            let open = d.resolved.is_none();
            view! {
                <tr data-testid="dispute">
                    <td>{invoice.number.clone()}</td>
                    <td class="num">{money(d.amount.value(), invoice.amount.currency())}</td>
                    <td data-testid="dispute-category">{words::category(p, d.category)}</td>
                    <td>{d.reason.clone()}{(!d.notes.is_empty()).then(|| format!(" · {}", d.notes))}</td>
                    <td>{owner}</td>
                    <td data-testid="dispute-status">{status}</td>
                    <td>{open.then(|| resolve_buttons(d.id, form, p))}</td>
                </tr>
            }
        })
        .collect();
    let empty = rows.is_empty();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="disputes">
                <thead><tr>
                    <th scope="col">{p.col_invoice}</th>
                    <th scope="col" class="num">{p.col_amount}</th>
                    <th scope="col">{p.col_category}</th>
                    <th scope="col">{p.col_reason}</th>
                    <th scope="col">{p.col_owner}</th>
                    <th scope="col">{p.col_status}</th>
                    <th scope="col">{p.resolve_as}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <FormError form testid="dispute-table-error" />
        {empty.then(|| view! { <p>{p.no_disputes}</p> })}
    }
}

fn resolve_buttons(id: DisputeId, form: Form, p: &'static PlansTexts) -> impl IntoView {
    let state = use_app();
    DisputeOutcome::ALL
        .into_iter()
        .map(|outcome| {
            let testid = match outcome {
                DisputeOutcome::Accepted => "resolve-accepted",
                DisputeOutcome::Rejected => "resolve-rejected",
                DisputeOutcome::Paid => "resolve-paid",
            };
            let resolve = move |_| {
                let command = Command::ResolveDispute {
                    id,
                    date: state.today.get_untracked(),
                    outcome,
                };
                form.submit(command, || {});
            };
            view! { <button type="button" data-testid=testid on:click=resolve>{words::outcome(p, outcome)}</button> }
        })
        .collect_view()
}

/// The category select's options, by token.
fn category_options(p: &'static PlansTexts) -> Vec<(&'static str, TextProp)> {
    DisputeCategory::ALL
        .into_iter()
        .map(|c| (c.token(), TextProp::from(words::category(p, c))))
        .collect()
}

#[component]
fn OpenDispute(
    options: Vec<(u32, String)>,
    profiles: Vec<(String, String)>,
    currency: creditdesk_core::Currency,
) -> impl IntoView {
    let state = use_app();
    let p = state.lang.get().plans();
    let form = Form::new();
    let (invoice, amount, reason, notes) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (category, owner) = (
        RwSignal::new("other".to_string()),
        RwSignal::new(String::new()),
    );
    let owners = profiles
        .into_iter()
        .map(|(value, label)| view! { <option value=value>{label}</option> })
        .collect_view();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|r| {
            let text = amount.get_untracked();
            let amount = if text.trim().is_empty() {
                Some(None)
            } else {
                r.amount(&text, currency).map(Some)
            }?;
            Some(amount)
        });
        let Some(amount) = read else { return };
        let details = DisputeDetails {
            category: DisputeCategory::from_token(&category.get_untracked()).unwrap_or_default(),
            notes: notes.get_untracked(),
            owner: owner.get_untracked().parse().ok().map(UserId),
        };
        let command = Command::OpenDispute {
            id: state.portfolio.with_untracked(|p| p.next_ids().dispute),
            invoice: InvoiceId(invoice.get_untracked().parse().unwrap_or(0)),
            date: state.today.get_untracked(),
            amount,
            reason: reason.get_untracked(),
            details,
        };
        form.submit(command, || {});
    };
    view! {
        <form class="form" data-testid="dispute-form" on:submit=on_submit novalidate>
            <h3>{p.open_dispute_title}</h3>
            <InvoiceSelect label=p.invoice_label options chosen=invoice form testid="dispute-invoice" />
            <TextField label=p.dispute_amount field=Field::Amount value=amount form testid="dispute-amount" hint=p.dispute_amount_hint decimal=true />
            <SelectField label=p.category_label value=category options=category_options(p) testid="dispute-category-select" />
            <TextField label=p.reason_label field=Field::Reason value=reason form testid="dispute-reason" />
            <TextField label=p.notes_label field=Field::Comment value=notes form testid="dispute-notes" />
            <div class="field">
                <label for="f-dispute-owner">{p.owner_label}</label>
                <select id="f-dispute-owner" data-testid="dispute-owner" aria-describedby="f-dispute-owner-error"
                    on:change=move |event| owner.set(event_target_value(&event))>{owners}</select>
                <ErrorSlot form field=Field::User id="f-dispute-owner-error" testid="dispute-owner-error" />
            </div>
            <FormError form />
            <div class="actions"><button type="submit" class="primary" data-testid="dispute-save" disabled=move || state.saving.get()>{p.open_dispute_save}</button></div>
        </form>
    }
}

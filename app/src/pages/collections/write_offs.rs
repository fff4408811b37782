//! Write-offs with four eyes: on a customer's collections page, proposing one (invoice,
//! amount, reason) and the customer's proposals; on `/collections/write-offs`, every proposal
//! waiting, to approve or reject with a reason. Who may approve is the core's call (never the
//! proposer; the authority matrix's role for the amount); the page shows the role needed.

use crate::i18n::fill;
use crate::i18n::plans::PlansTexts;
use crate::pages::collections::pick::{open_invoices, InvoiceSelect};
use crate::ui::form::{Form, FormError, TextField};
use crate::ui::route::to;
use crate::ui::{money, use_app, user_name};
use chrono::NaiveDate;
use creditdesk_core::collections::WriteOffProposal;
use creditdesk_core::decide::{write_off_role, CollectionsCommand, Command, Field};
use creditdesk_core::{Currency, Customer, InvoiceId, Portfolio, ProposalId};
use leptos::prelude::*;
use leptos_router::components::A;

/// The customer's write-offs: the form to propose one and the customer's proposals.
pub fn write_offs(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let p = use_app().lang.get().plans();
    let options = open_invoices(portfolio, customer, today);
    let id = customer.id;
    view! {
        <h2>{p.write_offs_title}</h2>
        <p class="hint">{p.propose_hint}</p>
        {proposal_table(portfolio, today, p, &|proposal| proposal.customer == id)}
        {(!options.is_empty()).then(|| view! { <ProposeWriteOff options currency=customer.details.currency /> })}
        <p><A href=to("/collections/write-offs") attr:data-testid="all-proposals">{p.all_proposals}</A></p>
    }
}

/// Every write-off waiting for a decision (`/collections/write-offs`).
#[component]
pub fn WriteOffApprovals() -> impl IntoView {
    let state = use_app();
    move || {
        let p = state.lang.get().plans();
        let today = state.today.get();
        state.portfolio.with(|portfolio| {
            view! {
                <section data-testid="write-off-approvals">
                    <h1>{p.proposals_title}</h1>
                    <p class="hint">{p.proposals_intro}</p>
                    {proposal_table(portfolio, today, p, &WriteOffProposal::is_pending)}
                </section>
            }
        })
    }
}

fn proposal_table(
    portfolio: &Portfolio,
    today: NaiveDate,
    p: &'static PlansTexts,
    shown: &dyn Fn(&WriteOffProposal) -> bool,
) -> impl IntoView {
    let rows: Vec<_> = (portfolio.collections.write_offs.iter())
        .filter(|proposal| shown(proposal))
        .map(|proposal| proposal_row(portfolio, today, p, proposal))
        .collect();
    let empty = rows.is_empty();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="proposals">
                <thead><tr>
                    <th scope="col">{p.col_customer}</th>
                    <th scope="col">{p.col_invoice}</th>
                    <th scope="col" class="num">{p.col_amount}</th>
                    <th scope="col">{p.col_reason}</th>
                    <th scope="col">{p.col_proposed_by}</th>
                    <th scope="col">{p.col_needs}</th>
                    <th scope="col">{p.col_status}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p data-testid="no-proposals">{p.no_proposals}</p> })}
    }
}

fn proposal_row(
    portfolio: &Portfolio,
    today: NaiveDate,
    p: &'static PlansTexts,
    proposal: &WriteOffProposal,
) -> impl IntoView {
    let v = use_app().lang.get().vocab();
    let customer = portfolio.ledger.customer(proposal.customer);
    let invoice = portfolio.ledger.invoice(proposal.invoice);
    let needs = write_off_role(&portfolio.policy_on(today), &proposal.amount.money());
    let status = match &proposal.decision {
        None => decide_buttons(proposal.id, p).into_any(),
        Some(decision) => {
            let name = user_name(portfolio, decision.by);
            let values = [
                ("name", name.as_str()),
                ("date", &decision.date.to_string()),
            ];
            let text = if decision.approved {
                fill(p.proposal_approved, &values)
            } else {
                let reason = [("reason", decision.reason.as_str())];
                fill(&fill(p.proposal_rejected, &values), &reason)
            };
            view! { <span data-testid="proposal-status">{text}</span> }.into_any()
        }
    };
    view! {
        <tr data-testid="proposal">
            <td>{customer.map(|c| c.details.name.clone()).unwrap_or_default()}</td>
            <td>{invoice.map(|i| i.number.clone()).unwrap_or_default()}</td>
            <td class="num">{money(proposal.amount.value(), proposal.amount.currency())}</td>
            <td>{proposal.reason.clone()}</td>
            <td>{user_name(portfolio, proposal.by)}</td>
            <td>{crate::i18n::vocab::role(v, needs)}</td>
            <td>{status}</td>
        </tr>
    }
}

/// Approve, or reject with a reason; a refusal (own proposal, authority) shows below.
fn decide_buttons(proposal: ProposalId, p: &'static PlansTexts) -> impl IntoView {
    let state = use_app();
    let form = Form::new();
    let reason = RwSignal::new(String::new());
    let send = move |approve: bool| {
        let (date, by) = (state.today.get_untracked(), state.acting());
        let command = if approve {
            CollectionsCommand::ApproveWriteOff {
                proposal,
                date,
                recorded_on: date,
                by,
            }
        } else {
            CollectionsCommand::RejectWriteOff {
                proposal,
                date,
                recorded_on: date,
                by,
                reason: reason.get_untracked(),
            }
        };
        form.submit(Command::Collections(command), || {});
    };
    let id = format!("f-reject-reason-{}", proposal.0);
    view! {
        <div class="actions">
            <button type="button" class="primary" data-testid="approve" on:click=move |_| send(true)>{p.approve}</button>
            <label class="visually-hidden" for=id.clone()>{p.reject_reason}</label>
            <input id=id data-testid="reject-reason" placeholder=p.reject_reason
                prop:value=move || reason.get() on:input=move |event| reason.set(event_target_value(&event)) />
            <button type="button" data-testid="reject" on:click=move |_| send(false)>{p.reject}</button>
        </div>
        <FormError form testid="proposal-error" />
    }
}

#[component]
fn ProposeWriteOff(options: Vec<(u32, String)>, currency: Currency) -> impl IntoView {
    let state = use_app();
    let p = state.lang.get().plans();
    let form = Form::new();
    let (invoice, amount, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|r| {
            let text = amount.get_untracked();
            if text.trim().is_empty() {
                Some(None)
            } else {
                r.amount(&text, currency).map(Some)
            }
        });
        let Some(amount) = read else { return };
        let today = state.today.get_untracked();
        let command = CollectionsCommand::ProposeWriteOff {
            id: state.portfolio.with_untracked(|p| p.next_ids().proposal),
            invoice: InvoiceId(invoice.get_untracked().parse().unwrap_or(0)),
            date: today,
            recorded_on: today,
            by: state.acting(),
            amount,
            reason: reason.get_untracked(),
        };
        form.submit(Command::Collections(command), || {});
    };
    view! {
        <form class="form" data-testid="propose-form" on:submit=on_submit novalidate>
            <h3>{p.propose_title}</h3>
            <InvoiceSelect label=p.invoice_label options chosen=invoice form testid="propose-invoice" />
            <TextField label=p.write_off_amount field=Field::Amount value=amount form testid="propose-amount" hint=p.write_off_amount_hint decimal=true />
            <TextField label=p.reason_label field=Field::Reason value=reason form testid="propose-reason" />
            <FormError form />
            <div class="actions"><button type="submit" class="primary" data-testid="propose-save" disabled=move || state.saving.get()>{p.propose_save}</button></div>
        </form>
    }
}

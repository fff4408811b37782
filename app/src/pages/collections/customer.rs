//! A customer's collections (`/customers/:id/collections`): the reminder due today, the
//! promises to pay with what became of them, disputes, payment plans, write-offs, the contact
//! log and the collector.

use crate::i18n::collections::{self as words, CollectionsTexts};
use crate::i18n::fill;
use crate::pages::collections::actions::{AssignCollector, EscalateStep};
use crate::pages::collections::disputes::disputes;
use crate::pages::collections::letters::Messages;
use crate::pages::collections::plans::plans;
use crate::pages::collections::write_offs::write_offs;
use crate::ui::route::{to, with_route_customer};
use crate::ui::{money, use_app, user_name};
use chrono::NaiveDate;
use creditdesk_core::collections::{promise_status, PromiseStatus};
use creditdesk_core::decide::task_on;
use creditdesk_core::{Customer, Portfolio};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CustomerCollections() -> impl IntoView {
    with_route_customer(|portfolio, customer, today| {
        collections_view(portfolio, customer, today).into_any()
    })
}

fn collections_view(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let state = use_app();
    let c = state.lang.get().collections();
    let task = task_on(portfolio, customer, today);
    let next = match &task {
        Some(task) => fill(
            c.next_due,
            &[
                ("step", words::step(c, task.step.kind)),
                ("count", &task.invoices.len().to_string()),
            ],
        ),
        None => c.next_none.to_string(),
    };
    let due_invoices: Vec<String> = (task.iter().flat_map(|task| &task.invoices))
        .filter_map(|id| portfolio.ledger.invoice(*id).map(|i| i.number.clone()))
        .collect();
    let separator = state.lang.get().journal().list_separator;
    let collector = match portfolio.collections.collector_of(customer.id) {
        Some(id) => fill(c.collector_label, &[("name", &user_name(portfolio, id))]),
        None => c.collector_none.to_string(),
    };
    view! {
        <section data-testid="customer-collections">
            <div class="title-row">
                <h1>{format!("{} · {}", c.customer_collections, customer.details.name)}</h1>
                <span class="muted">{customer.details.number.clone()}</span>
            </div>
            <p data-testid="next-due">{next}</p>
            <p class="muted" data-testid="next-due-invoices">{due_invoices.join(separator)}</p>
            <p class="muted" data-testid="collector">{collector}</p>
            <p><A href=to("/collections")>{c.open_worklist}</A></p>
            <Messages customer=customer.clone() />
            {promises(portfolio, customer, today, c)}
            {disputes(portfolio, customer, today)}
            {plans(portfolio, customer, today)}
            {write_offs(portfolio, customer, today)}
            {contact_log(portfolio, customer, c)}
            <AssignCollector customer=customer.id />
            <EscalateStep customer=customer.id />
        </section>
    }
}

fn status_text(c: &CollectionsTexts, status: PromiseStatus, customer: &Customer) -> String {
    match status {
        PromiseStatus::Pending => c.status_pending.to_string(),
        PromiseStatus::Kept { on } => fill(c.status_kept, &[("date", &on.to_string())]),
        PromiseStatus::PartlyKept { paid } => fill(
            c.status_partly,
            &[("amount", &money(paid, customer.details.currency))],
        ),
        PromiseStatus::Broken => c.status_broken.to_string(),
    }
}

fn promises(
    portfolio: &Portfolio,
    customer: &Customer,
    today: NaiveDate,
    c: &'static CollectionsTexts,
) -> impl IntoView {
    let rows: Vec<_> = portfolio
        .collections
        .promises_of(customer.id)
        .map(|promise| {
            let status = promise_status(&portfolio.ledger, promise, today);
            view! {
                <tr data-testid="promise">
                    <td>{promise.date.to_string()}</td>
                    <td class="num">{money(promise.amount.value(), promise.amount.currency())}</td>
                    <td>{promise.due.to_string()}</td>
                    <td data-testid="promise-status">{status_text(c, status, customer)}</td>
                </tr>
            }
        })
        .collect();
    let empty = rows.is_empty();
    view! {
        <h2>{c.promises_title}</h2>
        <div class="table-wrap">
            <table class="list" data-testid="promises">
                <thead><tr>
                    <th scope="col">{c.col_made}</th>
                    <th scope="col" class="num">{c.col_amount}</th>
                    <th scope="col">{c.col_due}</th>
                    <th scope="col">{c.col_status}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p>{c.no_promises}</p> })}
    }
}

fn contact_log(
    portfolio: &Portfolio,
    customer: &Customer,
    c: &'static CollectionsTexts,
) -> impl IntoView {
    let mut tasks: Vec<_> = portfolio.collections.tasks_of(customer.id).collect();
    tasks.reverse();
    let empty = tasks.is_empty();
    let rows = tasks
        .into_iter()
        .map(|task| {
            view! {
                <tr data-testid="contact">
                    <td>{task.date.to_string()}</td>
                    <td>{words::step(c, task.step)}</td>
                    <td>{words::channel(c, task.channel)}</td>
                    <td>{words::outcome(c, task.outcome)}</td>
                    <td>{user_name(portfolio, task.by)}</td>
                    <td>{task.notes.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{c.log_title}</h2>
        <div class="table-wrap">
            <table class="list" data-testid="contact-log">
                <thead><tr>
                    <th scope="col">{c.col_date}</th>
                    <th scope="col">{c.col_step}</th>
                    <th scope="col">{c.col_channel}</th>
                    <th scope="col">{c.col_outcome}</th>
                    <th scope="col">{c.col_by}</th>
                    <th scope="col">{c.col_notes}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p>{c.no_log}</p> })}
    }
}

//! Payment plans on a customer's collections page: each plan with its state and its
//! instalments' (on time, late, missed, as of today), and the form to agree one: the open
//! invoices it covers, the instalments (date and amount, rows added as needed) and the days
//! of tolerance. The core checks that the instalments add up to what is open, in increasing
//! order; a refusal shows beside the instalments or the invoices.

use crate::i18n::plans::{self as words, PlansTexts};
use crate::i18n::{self, fill};
use crate::pages::collections::pick::open_invoices;
use crate::ui::form::{ErrorSlot, Form, FormError, Reader, TextField};
use crate::ui::{money, use_app};
use chrono::NaiveDate;
use creditdesk_core::base::input::{read_count, read_date};
use creditdesk_core::collections::{instalment_statuses, plan_status, Plan};
use creditdesk_core::decide::{CollectionsCommand, Command, Field, InstalmentInput};
use creditdesk_core::{Amount, Currency, Customer, CustomerId, InvoiceId, Portfolio};
use leptos::prelude::*;

/// The customer's plans and the form to agree one.
pub fn plans(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let p = use_app().lang.get().plans();
    let shown: Vec<_> = (portfolio.collections.plans_of(customer.id))
        .map(|plan| plan_view(portfolio, plan, today, p))
        .collect();
    let empty = shown.is_empty();
    let options = open_invoices(portfolio, customer, today);
    view! {
        <h2>{p.plan_title}</h2>
        {shown}
        {empty.then(|| view! { <p>{p.no_plan}</p> })}
        {(!options.is_empty()).then(|| view! { <NewPlan customer=customer.id currency=customer.details.currency options /> })}
    }
}

fn plan_view(
    portfolio: &Portfolio,
    plan: &Plan,
    today: NaiveDate,
    p: &'static PlansTexts,
) -> impl IntoView {
    let ledger = &portfolio.ledger;
    let numbers: Vec<String> = (plan.invoices.iter())
        .filter_map(|id| ledger.invoice(*id).map(|i| i.number.clone()))
        .collect();
    let currency = plan
        .instalments
        .first()
        .map_or(Currency::CNY, |i| i.amount.currency());
    let total = plan.instalments.iter().map(|i| i.amount.value()).sum();
    let summary = fill(
        p.plan_summary,
        &[
            ("date", &plan.date.to_string()),
            (
                "invoices",
                &numbers.join(use_app().lang.get().journal().list_separator),
            ),
            ("amount", &money(total, currency)),
            ("tolerance", &plan.tolerance_days.to_string()),
        ],
    );
    let statuses = instalment_statuses(ledger, plan, today);
    let rows = (plan.instalments.iter().zip(statuses).enumerate())
        .map(|(index, (instalment, status))| {
            view! {
                <tr data-testid="instalment">
                    <td>{index + 1}</td>
                    <td>{instalment.due.to_string()}</td>
                    <td class="num">{money(instalment.amount.value(), currency)}</td>
                    <td data-testid="instalment-status">{words::instalment(p, status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div data-testid="plan">
            <p>{summary}</p>
            <p data-testid="plan-status"><strong>{words::plan(p, plan_status(ledger, plan, today))}</strong></p>
            <div class="table-wrap">
                <table class="list">
                    <thead><tr>
                        <th scope="col">{p.col_instalment}</th>
                        <th scope="col">{p.col_due}</th>
                        <th scope="col" class="num">{p.col_amount}</th>
                        <th scope="col">{p.col_status}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

/// One instalment row of the form: its typed date and amount.
type Row = (RwSignal<String>, RwSignal<String>);

/// The instalments typed, read in the user's number format; what does not read is named by
/// its instalment beside the instalments.
fn read_rows(
    r: &mut Reader,
    rows: &[Row],
    currency: Currency,
    p: &PlansTexts,
) -> Option<Vec<InstalmentInput>> {
    let mut read = Vec::new();
    for (index, (due, amount)) in rows.iter().enumerate() {
        let n = (index + 1).to_string();
        let (due, amount) = (due.get_untracked(), amount.get_untracked());
        if due.trim().is_empty() && amount.trim().is_empty() {
            continue;
        }
        let label = |text: &str| fill(text, &[("n", &n)]);
        let due = read_date(&due).map_err(|error| {
            let message = i18n::typed_error(r.t, &error);
            r.refuse(
                Field::Instalments,
                fill(
                    r.t.err_named,
                    &[("name", &label(p.instalment_date)), ("message", &message)],
                ),
            );
        });
        let amount = Amount::read_positive(&amount, currency, r.format).map_err(|error| {
            let message = i18n::amount_error(r.t, &error);
            r.refuse(
                Field::Instalments,
                fill(
                    r.t.err_named,
                    &[("name", &label(p.instalment_amount)), ("message", &message)],
                ),
            );
        });
        if let (Ok(due), Ok(amount)) = (due, amount) {
            read.push(InstalmentInput { due, amount });
        }
    }
    Some(read)
}

#[component]
fn NewPlan(customer: CustomerId, currency: Currency, options: Vec<(u32, String)>) -> impl IntoView {
    let state = use_app();
    let p = state.lang.get().plans();
    let form = Form::new();
    let chosen = RwSignal::new(Vec::<u32>::new());
    let rows = RwSignal::new(vec![
        (RwSignal::new(String::new()), RwSignal::new(String::new())),
        (RwSignal::new(String::new()), RwSignal::new(String::new())),
    ]);
    let tolerance = RwSignal::new("5".to_string());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|r| {
            let instalments = read_rows(r, &rows.get_untracked(), currency, p);
            let tolerance = r.take(
                Field::Tolerance,
                read_count(&tolerance.get_untracked(), r.format, 10_000),
            );
            Some((instalments?, tolerance?))
        });
        let Some((instalments, tolerance_days)) = read else {
            return;
        };
        let today = state.today.get_untracked();
        let command = CollectionsCommand::AgreePlan {
            id: state.portfolio.with_untracked(|p| p.next_ids().plan),
            customer,
            date: today,
            recorded_on: today,
            by: state.acting(),
            invoices: chosen.get_untracked().into_iter().map(InvoiceId).collect(),
            instalments,
            tolerance_days,
        };
        form.submit(Command::Collections(command), || {});
    };
    view! {
        <form class="form" data-testid="plan-form" on:submit=on_submit novalidate>
            <h3>{p.new_plan_title}</h3>
            <p class="hint">{p.new_plan_hint}</p>
            {invoice_boxes(options, chosen, form, p)}
            {instalment_rows(rows, form, p)}
            <TextField label=p.tolerance_label field=Field::Tolerance value=tolerance form testid="plan-tolerance" decimal=true />
            <FormError form />
            <div class="actions"><button type="submit" class="primary" data-testid="plan-save" disabled=move || state.saving.get()>{p.plan_save}</button></div>
        </form>
    }
}

fn invoice_boxes(
    options: Vec<(u32, String)>,
    chosen: RwSignal<Vec<u32>>,
    form: Form,
    p: &'static PlansTexts,
) -> impl IntoView {
    let boxes = options
        .into_iter()
        .map(|(id, label)| {
            let toggle = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                chosen.update(|ids| {
                    ids.retain(|at| *at != id);
                    if on {
                        ids.push(id);
                    }
                });
            };
            let box_id = format!("f-plan-invoice-{id}");
            view! {
                <div class="check">
                    <input type="checkbox" id=box_id.clone() data-testid="plan-invoice" on:change=toggle />
                    <label for=box_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" aria-describedby="f-plan-invoices-error">
            <legend>{p.plan_invoices}</legend>
            {boxes}
            <ErrorSlot form field=Field::Invoice id="f-plan-invoices-error" testid="plan-invoices-error" />
        </fieldset>
    }
}

fn instalment_rows(rows: RwSignal<Vec<Row>>, form: Form, p: &'static PlansTexts) -> impl IntoView {
    let lines = move || {
        (rows.get().into_iter().enumerate())
            .map(|(index, (due, amount))| {
                let n = (index + 1).to_string();
                let (due_id, amount_id) = (format!("f-instalment-due-{n}"), format!("f-instalment-amount-{n}"));
                view! {
                    <div class="field instalment" data-testid="instalment-row">
                        <label for=due_id.clone()>{fill(p.instalment_date, &[("n", &n)])}</label>
                        <input id=due_id type="date" data-testid="instalment-due" aria-describedby="f-plan-instalments-error"
                            prop:value=move || due.get() on:input=move |event| due.set(event_target_value(&event)) />
                        <label for=amount_id.clone()>{fill(p.instalment_amount, &[("n", &n)])}</label>
                        <input id=amount_id inputmode="decimal" data-testid="instalment-amount" aria-describedby="f-plan-instalments-error"
                            prop:value=move || amount.get() on:input=move |event| amount.set(event_target_value(&event)) />
                    </div>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        rows.update(|rows| rows.push((RwSignal::new(String::new()), RwSignal::new(String::new()))))
    };
    view! {
        {lines}
        <ErrorSlot form field=Field::Instalments id="f-plan-instalments-error" testid="plan-instalments-error" />
        <div class="actions"><button type="button" data-testid="add-instalment" on:click=add>{p.add_instalment}</button></div>
    }
}

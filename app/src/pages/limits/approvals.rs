//! Pending limit requests across the portfolio, with the role each needs and whether the
//! acting profile may approve it. Grades are computed for pending requests only, so the page
//! stays fast with many customers.

use crate::i18n::{vocab, DeskTexts, VocabTexts};
use crate::ui::route::to;
use crate::ui::use_app;
use crate::ui::{money, user_name};
use chrono::NaiveDate;
use creditdesk_core::credit::score::{score, score_inputs};
use creditdesk_core::decide::approval_role;
use creditdesk_core::limits::RequestStatus;
use creditdesk_core::team::User;
use creditdesk_core::Portfolio;
use leptos::prelude::*;
use leptos_router::components::A;

/// One pending request as shown.
#[derive(Clone, PartialEq)]
struct Row {
    customer: u32,
    customer_name: String,
    amount: String,
    requester: String,
    date: String,
    role: creditdesk_core::team::Role,
    may: bool,
}

/// The pending requests, each with the role it needs under the policy in force on `today`
/// and whether `acting` may decide it (the core's rules; four eyes included).
fn pending_rows(portfolio: &Portfolio, today: NaiveDate, acting: Option<&User>) -> Vec<Row> {
    let policy = portfolio.policy_on(today);
    portfolio
        .limits
        .requests
        .iter()
        .filter(|request| request.status == RequestStatus::Pending)
        .filter_map(|request| {
            let customer = portfolio.ledger.customer(request.customer)?;
            let inputs = score_inputs(&portfolio.ledger, &portfolio.credit, customer, today);
            let grade = score(&inputs, &policy).grade;
            let role = approval_role(&policy, &request.amount.money(), grade);
            let may = acting.is_some_and(|user| user.role.covers(role) && user.id != request.by);
            Some(Row {
                customer: customer.id.0,
                customer_name: customer.details.name.clone(),
                amount: money(request.amount.value(), request.amount.currency()),
                requester: user_name(portfolio, request.by),
                date: request.date.to_string(),
                role,
                may,
            })
        })
        .collect()
}

#[component]
pub fn Approvals() -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let only_mine = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        let acting = state.current_user();
        state
            .portfolio
            .with(|portfolio| pending_rows(portfolio, today, acting.as_ref()))
    });
    let body = move || {
        let shown: Vec<Row> = rows
            .get()
            .into_iter()
            .filter(|row| !only_mine.get() || row.may)
            .collect();
        approvals_table(shown, d(), state.lang.get().vocab())
    };
    view! {
        <section data-testid="approvals">
            <h1>{move || d().approvals_title}</h1>
            <p class="hint">{move || d().four_eyes_hint}</p>
            <label class="check">
                <input type="checkbox" data-testid="only-mine" prop:checked=move || only_mine.get()
                    on:change=move |event| only_mine.set(event_target_checked(&event)) />
                {move || d().only_mine}
            </label>
            {body}
        </section>
    }
}

fn approvals_table(
    shown: Vec<Row>,
    d: &'static DeskTexts,
    v: &'static VocabTexts,
) -> impl IntoView {
    let empty = shown.is_empty();
    let lines = shown
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <td><A href=to(&format!("/customers/{}/limit", row.customer))>{row.customer_name}</A></td>
                    <td class="num">{row.amount}</td>
                    <td>{row.requester}</td>
                    <td>{row.date}</td>
                    <td>{vocab::role(v, row.role)}</td>
                    <td data-testid="may-approve">{if row.may { d.yes } else { d.no }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="approvals-table">
                <thead><tr>
                    <th scope="col">{d.col_customer}</th>
                    <th scope="col" class="num">{d.col_amount}</th>
                    <th scope="col">{d.requester}</th>
                    <th scope="col">{d.col_date}</th>
                    <th scope="col">{d.required_role}</th>
                    <th scope="col">{d.col_may_approve}</th>
                </tr></thead>
                <tbody>{lines}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p data-testid="approvals-empty">{d.approvals_empty}</p> })}
    }
}

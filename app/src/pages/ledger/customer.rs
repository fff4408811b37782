//! One customer: master data, balance and exposure, aging, open invoices, payments,
//! credit notes and days beyond terms. Every figure comes from `creditdesk_core::reports`.

use crate::i18n::fill;
use crate::ui::alerts::CustomerAlerts;
use crate::ui::route::to;
use crate::ui::route::with_route_customer;
use crate::ui::{decimal, money, use_app, AgingBar, Figure};
use chrono::NaiveDate;
use creditdesk_core::credit::score::{self, payment_behaviour};
use creditdesk_core::ledger::reports::{customer_aging, customer_balance, AgingBuckets};
use creditdesk_core::limits::LimitStatus;
use creditdesk_core::{Customer, Portfolio};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CustomerPage() -> impl IntoView {
    with_route_customer(|portfolio, customer, today| {
        customer_view(portfolio, customer, today).into_any()
    })
}

fn customer_view(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let state = use_app();
    let t = state.texts();
    let currency = customer.details.currency;
    let aging = customer_aging(&portfolio.ledger, customer, today, &AgingBuckets::default());
    let base = format!("/customers/{}", customer.id.0);
    let details = &customer.details;
    let journal = format!(
        "/journal?customer={}",
        js_sys::encode_uri_component(&details.number)
    );
    let policy = portfolio.policy_on(today);
    let inputs = score::score_inputs(&portfolio.ledger, &portfolio.credit, customer, today);
    let score = score::score(&inputs, &policy);
    let drop = score::grade_drop(&score::score_history(
        &portfolio.ledger,
        &portfolio.credit,
        &portfolio.policies,
        customer,
        today,
        2,
    ));
    view! {
        <section data-testid="customer-page">
            <div class="title-row">
                <h1 data-testid="customer-name">{details.name.clone()}</h1>
                <span class="muted">{details.number.clone()}</span>
            </div>
            <div class="actions">
                <A href=to(&format!("{base}/invoice")) attr:class="button" attr:data-testid="action-invoice">{t.issue_invoice}</A>
                <A href=to(&format!("{base}/payment")) attr:class="button primary" attr:data-testid="action-payment">{t.record_payment}</A>
                <A href=to(&format!("{base}/credit-note")) attr:class="button" attr:data-testid="action-credit-note">{t.issue_credit_note}</A>
                <A href=to(&format!("{base}/edit")) attr:class="button" attr:data-testid="action-edit">{t.edit_customer}</A>
                <A href=to(&format!("{base}/credit")) attr:class="button" attr:data-testid="action-credit-file">{format!("{} · {} {}", t.credit_file, t.grade, score.grade.letter())}</A>
                <A href=to(&format!("{base}/collections")) attr:class="button" attr:data-testid="action-collections">{state.lang.get().collections().customer_collections}</A>
                <A href=to(&journal) attr:class="button" attr:data-testid="action-journal">{state.lang.get().journal().customer_journal}</A>
            </div>
            {limit_line(portfolio, customer, today)}
            <CustomerAlerts customer=customer.id />
            {drop.map(|(before, now)| view! {
                <p class="banner" role="alert" data-testid="grade-drop">{crate::i18n::fill(t.grade_dropped, &[("from", before.letter()), ("to", now.letter())])}</p>
            })}
            {balance_figures(portfolio, customer, today)}
            <p class="hint">{t.dbt_help}</p>
            <h2>{t.aging}</h2>
            <AgingBar aging=aging currency=currency />
            {open_invoices(portfolio, customer, today)}
            {payments(portfolio, customer)}
            {credit_notes(portfolio, customer)}
            <h2>{t.master_data}</h2>
            {master_data(customer)}
        </section>
    }
}

/// Balance, receivables, overdue, exposure, orders, disputes, unapplied cash and credit, DBT.
fn balance_figures(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let t = use_app().texts();
    let currency = customer.details.currency;
    let balance = customer_balance(&portfolio.ledger, customer, today);
    let dbt = payment_behaviour(&portfolio.ledger, customer, today).dbt_weighted;
    let overdue_tone = if balance.overdue.is_zero() {
        ""
    } else {
        "warn"
    };
    view! {
    <div class="figures">
        <Figure label=t.balance.into() value=money(balance.balance, currency) testid="balance" />
        <Figure label=t.open_receivables.into() value=money(balance.open_receivables, currency) testid="open-receivables" />
        <Figure label=t.overdue_amount.into() value=money(balance.overdue, currency) testid="customer-overdue" tone=overdue_tone />
        <Figure label=t.days_overdue_max.into() value=balance.days_overdue_max.to_string() tone=overdue_tone />
        <Figure label=t.exposure.into() value=money(balance.exposure, currency) testid="exposure" />
        <Figure label=t.open_orders.into() value=money(balance.open_orders, currency) />
        <Figure label=t.disputed.into() value=money(balance.disputed, currency) />
        <Figure label=t.unapplied_cash.into() value=money(balance.unapplied_cash, currency) testid="unapplied-cash" />
        <Figure label=t.unapplied_credit.into() value=money(balance.unapplied_credit, currency) />
        <Figure label=t.dbt_12m.into() value=dbt.map_or(t.not_available.to_string(), |days| decimal(days, 1)) testid="dbt" />
    </div>
    }
}

fn master_data(customer: &Customer) -> impl IntoView {
    let t = use_app().texts();
    let details = &customer.details;
    let currency = details.currency;
    view! {
    <dl class="master">
        <dt>{t.customer_number}</dt><dd>{details.number.clone()}</dd>
        <dt>{t.registration_no}</dt><dd>{details.registration_no.clone()}</dd>
        <dt>{t.industry}</dt><dd>{details.industry.clone()}</dd>
        <dt>{t.country}</dt><dd>{details.country.clone()}</dd>
        <dt>{t.currency}</dt><dd>{currency.code().to_string()}</dd>
        <dt>{t.payment_terms}</dt><dd>{fill(t.days_suffix, &[("days", &details.payment_terms_days.to_string())])}</dd>
        <dt>{t.contact}</dt><dd>{details.contact.clone()}</dd>
        <dt>{t.group}</dt><dd>{details.group.clone()}</dd>
        <dt>{t.registered_on}</dt><dd>{customer.registered_on.to_string()}</dd>
    </dl>
    }
}

/// A compact limit line (limit, available, verdict) linking to the limit page.
fn limit_line(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let state = use_app();
    let (d, v) = (state.lang.get().desk(), state.lang.get().vocab());
    let currency = customer.details.currency;
    let policy = portfolio.policy_on(today);
    let check = creditdesk_core::check::check_order(
        portfolio,
        &policy,
        customer.id,
        &creditdesk_core::Money::zero(currency),
        today,
    )
    .ok();
    check.map(|check| {
        let limit = match &check.limit {
            LimitStatus::InForce(limit) => money(limit.amount, currency),
            LimitStatus::Lapsed { .. } => v.limit_lapsed.to_string(),
            LimitStatus::None => v.limit_none.to_string(),
        };
        let available = check
            .available
            .map_or("—".to_string(), |value| money(value, currency));
        view! {
            <p class="limit-line" data-testid="limit-line">
                <span data-testid="limit-line-text">{fill(d.limit_line, &[("limit", &limit), ("available", &available)])}</span>
                " "
                <span class=format!("chip verdict-{}", check.verdict.token()) data-testid="verdict">{crate::i18n::vocab::verdict(v, check.verdict)}</span>
                " "
                <A href=to(&format!("/customers/{}/limit", customer.id.0)) attr:data-testid="open-limit">{d.open_limit}</A>
            </p>
        }
    })
}

fn open_invoices(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let t = use_app().texts();
    let mut open: Vec<_> = customer
        .invoices
        .iter()
        .filter_map(|id| portfolio.ledger.invoice(*id))
        .filter(|invoice| !invoice.open().is_zero())
        .collect();
    open.sort_by_key(|invoice| (invoice.due_date, invoice.id));
    let settled = customer.invoices.len() - open.len();
    let rows = open
        .iter()
        .map(|invoice| {
            let days = invoice.days_past_due(today).max(0);
            let class = if days > 0 { "num warn" } else { "num" };
            view! {
                <tr>
                    <td>{invoice.number.clone()}</td>
                    <td class="hide-narrow">{invoice.issue_date.to_string()}</td>
                    <td>{invoice.due_date.to_string()}</td>
                    <td class="num hide-narrow">{money(invoice.amount.value(), invoice.amount.currency())}</td>
                    <td class="num">{money(invoice.open(), invoice.amount.currency())}</td>
                    <td class=class>{days}</td>
                    <td class="num hide-narrow">{money(invoice.disputed.min(invoice.open()), invoice.amount.currency())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t.open_invoices}</h2>
        <div class="table-wrap">
            <table class="list" data-testid="open-invoices">
                <thead><tr>
                    <th scope="col">{t.invoice_number}</th>
                    <th scope="col" class="hide-narrow">{t.issue_date}</th>
                    <th scope="col">{t.due_date}</th>
                    <th scope="col" class="num hide-narrow">{t.amount}</th>
                    <th scope="col" class="num">{t.open_amount}</th>
                    <th scope="col" class="num">{t.days_past_due}</th>
                    <th scope="col" class="num hide-narrow">{t.disputed}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {open.is_empty().then(|| view! { <p>{t.no_open_invoices}</p> })}
        <p class="muted">{fill(t.paid_invoices_count, &[("count", &settled.to_string())])}</p>
    }
}

fn payments(portfolio: &Portfolio, customer: &Customer) -> impl IntoView {
    let t = use_app().texts();
    let mut list: Vec<_> = customer
        .payments
        .iter()
        .filter_map(|id| portfolio.ledger.payment(*id))
        .collect();
    list.sort_by_key(|payment| std::cmp::Reverse((payment.date, payment.id)));
    let empty = list.is_empty();
    let rows = list
        .iter()
        .take(50)
        .map(|payment| {
            view! {
                <tr>
                    <td>{payment.date.to_string()}</td>
                    <td>{payment.reference.clone()}</td>
                    <td class="num">{money(payment.amount.value(), payment.amount.currency())}</td>
                    <td class="num">{money(payment.unapplied(), payment.amount.currency())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t.payments}</h2>
        <div class="table-wrap">
            <table class="list" data-testid="payments">
                <thead><tr>
                    <th scope="col">{t.payment_date}</th>
                    <th scope="col">{t.reference}</th>
                    <th scope="col" class="num">{t.amount}</th>
                    <th scope="col" class="num">{t.unallocated}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p>{t.no_payments}</p> })}
    }
}

fn credit_notes(portfolio: &Portfolio, customer: &Customer) -> impl IntoView {
    let t = use_app().texts();
    let list: Vec<_> = customer
        .credit_notes
        .iter()
        .rev()
        .filter_map(|id| portfolio.ledger.credit_note(*id))
        .take(50)
        .collect();
    let empty = list.is_empty();
    let rows = list
        .iter()
        .map(|note| {
            view! {
                <tr>
                    <td>{note.date.to_string()}</td>
                    <td>{note.number.clone()}</td>
                    <td class="num">{money(note.amount.value(), note.amount.currency())}</td>
                    <td>{note.reason.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t.credit_notes}</h2>
        <div class="table-wrap">
            <table class="list" data-testid="credit-notes">
                <thead><tr>
                    <th scope="col">{t.date_label}</th>
                    <th scope="col">{t.credit_number}</th>
                    <th scope="col" class="num">{t.amount}</th>
                    <th scope="col">{t.reason}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p>{t.no_credit_notes}</p> })}
    }
}

//! Portfolio home: the first-visit welcome, then totals, overdue share and aging per currency.

use crate::state::{self, AppState};
use crate::ui::route::to;
use crate::ui::{money, percent, use_app, AgingBar, Figure};
use creditdesk_core::credit::score::grade_drops;
use creditdesk_core::demo::DemoSize;
use creditdesk_core::ledger::reports::{portfolio_summary, AgingBuckets, CurrencySummary};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_app();
    move || {
        if state.started.get() {
            view! { <Overview /> }.into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let error = RwSignal::new(None::<String>);
    let load = move |size: DemoSize| {
        leptos::task::spawn_local(async move {
            if let Err(failure) = state::load_demo(state, size).await {
                error.set(Some(crate::ui::submit_message(state.texts(), &failure)));
            }
        })
    };
    let start_empty = move |_| {
        crate::browser::store(state::KEY_STARTED, "1");
        state.started.set(true);
    };
    view! {
        <section class="welcome" data-testid="welcome">
            <h1>{move || t().welcome_title}</h1>
            <p>{move || t().welcome_body}</p>
            <div class="actions column">
                <button class="primary" data-testid="load-demo-S" disabled=move || state.saving.get() on:click=move |_| load(DemoSize::S)>{move || t().load_demo_s}</button>
                <button data-testid="load-demo-M" disabled=move || state.saving.get() on:click=move |_| load(DemoSize::M)>{move || t().load_demo_m}</button>
                <button data-testid="load-demo-L" disabled=move || state.saving.get() on:click=move |_| load(DemoSize::L)>{move || t().load_demo_l}</button>
                <p class="hint">{move || t().demo_size_hint}</p>
                <button class="link" data-testid="start-empty" on:click=start_empty>{move || t().start_empty}</button>
            </div>
            <Show when=move || state.saving.get()>
                <p role="status" class="loading">{move || t().loading_demo}</p>
            </Show>
            {move || error.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
        </section>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let summaries = Memo::new(move |_| {
        let today = state.today.get();
        state
            .portfolio
            .with(|portfolio| portfolio_summary(&portfolio.ledger, today, &AgingBuckets::default()))
    });
    view! {
        <section data-testid="home">
            <h1>{move || t().home_title}</h1>
            <p class="muted">{move || format!("{} {}", t().as_of, state.today.get())}</p>
            {move || {
                let summaries = summaries.get();
                if summaries.is_empty() {
                    return view! {
                        <p>{t().empty_portfolio}" "<A href=to("/customers/new")>{t().add_first_customer}</A></p>
                    }.into_any();
                }
                summaries.into_iter().map(|summary| view! { <CurrencyCard summary=summary /> }).collect_view().into_any()
            }}
            <GradeDrops />
        </section>
    }
}

#[component]
fn CurrencyCard(summary: CurrencySummary) -> impl IntoView {
    let state: AppState = use_app();
    let t = state.texts();
    let currency = summary.currency;
    let share = summary
        .overdue_share_percent()
        .map_or(t.not_available.to_string(), percent);
    let tone = if summary.aging.overdue().is_zero() {
        ""
    } else {
        "warn"
    };
    view! {
        <article class="card" data-testid=format!("summary-{}", currency.code())>
            <h2>{currency.code().to_string()}</h2>
            <div class="figures">
                <Figure label=t.total_receivables.into() value=money(summary.aging.total, currency) testid="total-receivables" />
                <Figure label=t.overdue_amount.into() value=money(summary.aging.overdue(), currency) testid="overdue-amount" tone=tone />
                <Figure label=t.overdue_share.into() value=share testid="overdue-share" tone=tone />
                <Figure label=t.customers_count.into() value=count(summary.customers) />
                <Figure label=t.customers_overdue.into() value=count(summary.customers_overdue) />
                <Figure label=t.open_orders.into() value=money(summary.open_orders, currency) />
                <Figure label=t.disputed.into() value=money(summary.disputed, currency) />
                <Figure label=t.unapplied.into() value=money(summary.unapplied, currency) />
            </div>
            <AgingBar aging=summary.aging.clone() currency=currency />
            <p class="muted">{crate::i18n::customers_count(t, summary.customers)}</p>
        </article>
    }
}

/// Customers whose grade is worse today than at the last month end.
#[component]
fn GradeDrops() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let drops = Memo::new(move |_| {
        let today = state.today.get();
        state.portfolio.with(|portfolio| {
            let drops = grade_drops(
                &portfolio.ledger,
                &portfolio.credit,
                &portfolio.policies,
                today,
            );
            drops
                .into_iter()
                .filter_map(|drop| {
                    let customer = portfolio.ledger.customer(drop.customer)?;
                    Some((
                        customer.id,
                        customer.details.name.clone(),
                        drop.before,
                        drop.now,
                    ))
                })
                .take(20)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <article class="card" data-testid="grade-drops">
            <h2>{move || t().grade_drops_title}</h2>
            {move || {
                let drops = drops.get();
                if drops.is_empty() {
                    return view! { <p>{t().no_grade_drops}</p> }.into_any();
                }
                view! {
                    <ul>{drops.into_iter().map(|(id, name, before, now)| view! {
                        <li><A href=to(&format!("/customers/{}/credit", id.0))>{name}</A>{format!(" · {} → {}", before.letter(), now.letter())}</li>
                    }).collect_view()}</ul>
                }.into_any()
            }}
        </article>
    }
}

/// A count of customers, grouped in the user's number format (10,000, not 10000).
fn count(value: usize) -> String {
    crate::ui::decimal(rust_decimal::Decimal::from(value), 0)
}

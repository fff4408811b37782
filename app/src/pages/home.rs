//! Portfolio home: the first-visit welcome, then totals, overdue share, holds, customers over
//! limit and aging per currency, and the grade drops. Every figure links to the customer list
//! filtered to what it counts (`ui::list_query`), and counts what that view shows.

use crate::state::{self, AppState};
use crate::ui::list_query::ListQuery;
use crate::ui::route::to;
use crate::ui::{money, percent, use_app, AgingBar, Figure};
use creditdesk_core::demo::DemoSize;
use creditdesk_core::ledger::reports::{portfolio_summary, AgingBuckets, CurrencySummary};
use creditdesk_core::limits::list::{
    list_rows_with_grade_drops_scored, Criterion, CustomerFilter, CustomerSort, ListRow,
};
use creditdesk_core::policy::AlertSeverity;
use creditdesk_core::Currency;
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
                <A href=to("/data/import") attr:data-testid="welcome-import">{move || state.lang.get().import_page().open}</A>
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
    // The list's rows, with the month-end grades for the grade drops: the counts below are
    // the number of rows each figure's link opens.
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        let (now, before) = (state.scores.get(), state.month_end_scores.get());
        state.portfolio.with(|portfolio| {
            list_rows_with_grade_drops_scored(portfolio.list_sources(), today, &now, &before)
        })
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
                summaries.into_iter().map(|summary| {
                    let standing = rows.with(|rows| Standing::of(rows, summary.currency));
                    view! { <CurrencyCard summary=summary standing=standing /> }
                }).collect_view().into_any()
            }}
            <AlertCounts />
            <GradeDrops rows />
        </section>
    }
}

/// How many customers of one currency are on hold and over their limit.
#[derive(Clone, Copy)]
struct Standing {
    on_hold: usize,
    over_limit: usize,
}

impl Standing {
    fn of(rows: &[ListRow], currency: Currency) -> Standing {
        let count = |criterion| in_currency(currency).with(criterion).count(rows);
        Standing {
            on_hold: count(Criterion::OnHold),
            over_limit: count(Criterion::OverLimit),
        }
    }
}

fn in_currency(currency: Currency) -> CustomerFilter {
    CustomerFilter {
        currency: Some(currency),
        ..CustomerFilter::default()
    }
}

/// The href of the customer list showing `currency`'s customers that meet `criterion`.
fn list_of(currency: Currency, criterion: Option<Criterion>, sort: CustomerSort) -> String {
    let filter = match criterion {
        Some(criterion) => in_currency(currency).with(criterion),
        None => in_currency(currency),
    };
    to(&ListQuery::of(filter, sort).to_url())
}

/// One currency's totals; every figure opens the customer list filtered to what it counts.
#[component]
fn CurrencyCard(summary: CurrencySummary, standing: Standing) -> impl IntoView {
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
    let link = |criterion, sort| list_of(currency, criterion, sort);
    let (overdue, by_overdue) = (Some(Criterion::Overdue), CustomerSort::OverdueDesc);
    view! {
        <article class="card" data-testid=format!("summary-{}", currency.code())>
            <h2>{currency.code().to_string()}</h2>
            <div class="figures">
                <Figure label=t.total_receivables.into() value=money(summary.aging.total, currency) testid="total-receivables" href=link(None, CustomerSort::BalanceDesc) />
                <Figure label=t.overdue_amount.into() value=money(summary.aging.overdue(), currency) testid="overdue-amount" tone=tone href=link(overdue, by_overdue) />
                <Figure label=t.overdue_share.into() value=share testid="overdue-share" tone=tone href=link(overdue, by_overdue) />
                <Figure label=t.customers_count.into() value=count(summary.customers) testid="customers" href=link(None, CustomerSort::Name) />
                <Figure label=t.customers_overdue.into() value=count(summary.customers_overdue) testid="customers-overdue" href=link(overdue, CustomerSort::DaysOverdueDesc) />
                <Figure label=t.customers_on_hold.into() value=count(standing.on_hold) testid="customers-on-hold" href=link(Some(Criterion::OnHold), CustomerSort::BalanceDesc) />
                <Figure label=t.customers_over_limit.into() value=count(standing.over_limit) testid="customers-over-limit" href=link(Some(Criterion::OverLimit), CustomerSort::UtilisationDesc) />
                <Figure label=t.open_orders.into() value=money(summary.open_orders, currency) testid="open-orders" href=link(Some(Criterion::OpenOrders), CustomerSort::BalanceDesc) />
                <Figure label=t.disputed.into() value=money(summary.disputed, currency) testid="disputed" href=link(Some(Criterion::Disputed), CustomerSort::BalanceDesc) />
                <Figure label=t.unapplied.into() value=money(summary.unapplied, currency) testid="unapplied" href=link(Some(Criterion::Unapplied), CustomerSort::Name) />
            </div>
            <AgingBar aging=summary.aging.clone() currency=currency />
            <p class="muted">{crate::i18n::customers_count(t, summary.customers)}</p>
        </article>
    }
}

/// Customers whose grade is worse today than at the last month end (the first 20), and a
/// link to all of them in the customer list.
#[component]
fn GradeDrops(rows: Memo<Vec<ListRow>>) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let drops = Memo::new(move |_| {
        rows.with(|rows| {
            rows.iter()
                .filter(|row| row.grade_dropped())
                .filter_map(|row| {
                    Some((
                        row.id(),
                        row.ledger.name.clone(),
                        row.grade_before?,
                        row.grade,
                    ))
                })
                .take(20)
                .collect::<Vec<_>>()
        })
    });
    let all = ListQuery::of(
        CustomerFilter::default().with(Criterion::GradeDropped),
        CustomerSort::GradeWorst,
    );
    let all = to(&all.to_url());
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
                    <p><A href=all.clone() attr:data-testid="grade-drops-all">{t().grade_drops_all}</A></p>
                }.into_any()
            }}
        </article>
    }
}

/// Today's open alerts by severity, each count opening the alerts list at that severity.
#[component]
fn AlertCounts() -> impl IntoView {
    let state = use_app();
    let a = move || state.lang.get().alerts();
    let alerts = crate::ui::alerts::portfolio_alerts();
    let counts = Memo::new(move |_| {
        alerts.with(|alerts| {
            AlertSeverity::ALL.map(|severity| {
                let open = alerts
                    .iter()
                    .filter(|alert| crate::ui::alerts::is_open(alert));
                (
                    severity,
                    open.filter(|alert| alert.severity == severity).count(),
                )
            })
        })
    });
    view! {
        <article class="card" data-testid="home-alerts">
            <h2>{move || a().home_title}</h2>
            <div class="figures">
                {move || counts.get().into_iter().rev().map(|(severity, n)| {
                    let label = crate::i18n::alerts::severity(a(), severity).to_string();
                    let href = to(&format!("/alerts?severity={}", severity.token()));
                    let testid = match severity {
                        AlertSeverity::Info => "alerts-info",
                        AlertSeverity::Warning => "alerts-warning",
                        AlertSeverity::Severe => "alerts-severe",
                    };
                    let tone = if severity == AlertSeverity::Severe && n > 0 { "warn" } else { "" };
                    view! { <Figure label=label value=count(n) testid=testid tone=tone href=href /> }
                }).collect_view()}
            </div>
            <p><A href=to("/alerts") attr:data-testid="alerts-all">{move || a().home_all}</A></p>
        </article>
    }
}

/// A count of customers, grouped in the user's number format (10,000, not 10000).
fn count(value: usize) -> String {
    crate::ui::decimal(rust_decimal::Decimal::from(value), 0)
}

//! The customer list: search, sort, "overdue only" and paging, all held in the URL so a link
//! or a reload shows the same view. Paginated (50 rows) so 10,000 customers stay responsive.

use crate::i18n::fill;
use crate::ui::route::to;
use crate::ui::{money, use_app};
use creditdesk_core::ledger::reports::{
    customer_rows, select_customers, CustomerRow, CustomerSort,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

const PAGE_SIZE: usize = 50;

#[derive(Clone, Debug, PartialEq)]
struct ListQuery {
    text: String,
    overdue_only: bool,
    sort: CustomerSort,
    page: usize,
}

impl ListQuery {
    fn from_map(map: &leptos_router::params::ParamsMap) -> ListQuery {
        ListQuery {
            text: map.get("q").unwrap_or_default(),
            overdue_only: map.get("overdue").as_deref() == Some("1"),
            sort: CustomerSort::from_token(&map.get("sort").unwrap_or_default()),
            page: map
                .get("page")
                .and_then(|page| page.parse().ok())
                .unwrap_or(1)
                .max(1),
        }
    }

    fn to_url(&self) -> String {
        let mut parts = Vec::new();
        if !self.text.is_empty() {
            parts.push(format!("q={}", js_sys::encode_uri_component(&self.text)));
        }
        if self.overdue_only {
            parts.push("overdue=1".to_string());
        }
        if self.sort != CustomerSort::default() {
            parts.push(format!("sort={}", self.sort.token()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            "/customers".to_string()
        } else {
            format!("/customers?{}", parts.join("&"))
        }
    }
}

/// Shows another view of the list: replaces the URL (no history entry per keystroke).
fn go() -> impl Fn(ListQuery) + Clone + 'static {
    let navigate = use_navigate();
    move |next: ListQuery| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&next.to_url(), options)
    }
}

/// The selection's pages (at least one).
fn page_count(selected: Memo<Vec<usize>>) -> usize {
    selected.with(|selected| selected.len().div_ceil(PAGE_SIZE).max(1))
}

#[component]
pub fn CustomerList() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(ListQuery::from_map));
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        state
            .portfolio
            .with(|portfolio| customer_rows(&portfolio.ledger, today))
    });
    // Amounts sort in the base currency through the rates of the policy in force today.
    let limits = Memo::new(move |_| {
        let today = state.today.get();
        state.portfolio.with(|p| p.policy_on(today).limits)
    });
    let selected = Memo::new(move |_| {
        let query = query.get();
        limits.with(|limits| {
            let to_base = |amount, currency| limits.to_base(amount, currency);
            rows.with(|rows| {
                select_customers(rows, &query.text, query.overdue_only, query.sort, &to_base)
            })
        })
    });
    // For the cold-open benchmark: the first render of a non-empty list.
    Effect::new(move |_| {
        if selected.with(|selected| !selected.is_empty()) {
            crate::browser::mark("creditdesk:customer-list-rendered");
        }
    });
    view! {
        <section data-testid="customer-list">
            <div class="title-row">
                <h1>{move || t().customers_title}</h1>
                <A href=to("/customers/new") attr:class="button primary" attr:data-testid="new-customer">{move || t().new_customer}</A>
            </div>
            <Filters query />
            <p class="muted" data-testid="results-count">{move || crate::i18n::customers_count(t(), selected.with(Vec::len))}</p>
            <CustomerTable query rows selected limits />
            <Show when=move || selected.with(Vec::is_empty)>
                <p>{move || t().no_customers_match}</p>
            </Show>
            <Pager query selected />
        </section>
    }
}

/// Search, "overdue only" and the sort; each change goes back to the first page.
#[component]
fn Filters(query: Memo<ListQuery>) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let (go_search, go_overdue, go_sort) = (go(), go(), go());
    view! {
        <div class="filters">
            <label class="grow">
                <span>{move || t().search_label}</span>
                <input type="search" data-testid="search" placeholder=move || t().search_placeholder
                    prop:value=move || query.get().text
                    on:input=move |event| go_search(ListQuery { text: event_target_value(&event), page: 1, ..query.get_untracked() }) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="overdue-only" prop:checked=move || query.get().overdue_only
                    on:change=move |event| go_overdue(ListQuery { overdue_only: event_target_checked(&event), page: 1, ..query.get_untracked() }) />
                <span>{move || t().overdue_only}</span>
            </label>
            <label>
                <span>{move || t().sort_label}</span>
                <select data-testid="sort" prop:value=move || query.get().sort.token().to_string()
                    on:change=move |event| go_sort(ListQuery { sort: CustomerSort::from_token(&event_target_value(&event)), page: 1, ..query.get_untracked() })>
                    {move || CustomerSort::ALL.iter().map(|sort| {
                        let label = match sort {
                            CustomerSort::Name => t().sort_name,
                            CustomerSort::Number => t().sort_number,
                            CustomerSort::BalanceDesc => t().sort_balance,
                            CustomerSort::OverdueDesc => t().sort_overdue,
                            CustomerSort::DaysOverdueDesc => t().sort_days,
                        };
                        view! { <option value=sort.token() selected=query.get_untracked().sort == *sort>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The current page of the selection.
#[component]
fn CustomerTable(
    query: Memo<ListQuery>,
    rows: Memo<Vec<CustomerRow>>,
    selected: Memo<Vec<usize>>,
    limits: Memo<creditdesk_core::policy::LimitPolicy>,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="customer-table">
                <thead><tr>
                    <th scope="col">{move || t().col_number}</th>
                    <th scope="col">{move || t().col_name}</th>
                    <th scope="col" class="num">{move || t().col_balance}</th>
                    <th scope="col" class="num">{move || t().col_overdue}</th>
                    <th scope="col" class="num hide-narrow">{move || t().col_days_overdue}</th>
                    <th scope="col" class="num hide-narrow">{move || t().col_exposure}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let page = query.get().page.min(page_count(selected));
                        let indexes: Vec<usize> = selected.with(|selected| selected.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).copied().collect());
                        rows.with(|rows| indexes.iter().map(|index| {
                            let row = rows[*index].clone();
                            let overdue_class = if row.overdue.is_zero() { "num" } else { "num warn" };
                            view! {
                                <tr>
                                    <td>{row.number.clone()}</td>
                                    <td><A href=to(&format!("/customers/{}", row.id.0))>{row.name.clone()}</A></td>
                                    <td class="num">{money(row.balance, row.currency)}{in_base(limits, row.balance, row.currency)}</td>
                                    <td class=overdue_class>{money(row.overdue, row.currency)}</td>
                                    <td class="num hide-narrow">{row.days_overdue_max}</td>
                                    <td class="num hide-narrow">{money(row.exposure, row.currency)}</td>
                                </tr>
                            }
                        }).collect_view())
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// An amount's base-currency equivalent under it, for a customer in another currency: what
/// the list sorts by. Nothing for the base currency itself or a currency without a rate.
fn in_base(
    limits: Memo<creditdesk_core::policy::LimitPolicy>,
    amount: rust_decimal::Decimal,
    currency: creditdesk_core::Currency,
) -> Option<impl IntoView> {
    let (base, converted) = limits.with_untracked(|limits| {
        let converted = (currency != limits.base_currency)
            .then(|| limits.to_base(amount, currency))
            .flatten();
        (limits.base_currency, converted)
    });
    converted.map(|value| view! { <br /><small class="muted" data-testid="in-base">{format!("≈ {}", money(value, base))}</small> })
}

#[component]
fn Pager(query: Memo<ListQuery>, selected: Memo<Vec<usize>>) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let pages = move || page_count(selected);
    let (go_prev, go_next) = (go(), go());
    view! {
        // Comparisons inside attribute values must be in braces: `view!` would end the
        // attribute at a bare `<` or `>`.
        <nav class="pager" aria-label=move || t().pagination>
            <button disabled={move || query.get().page <= 1}
                on:click=move |_| { let current = query.get_untracked(); go_prev(ListQuery { page: current.page.saturating_sub(1).max(1), ..current }) }>
                {move || t().previous}
            </button>
            <span data-testid="page">{move || fill(t().page_of, &[("page", &query.get().page.min(pages()).to_string()), ("pages", &pages().to_string())])}</span>
            <button disabled={move || query.get().page >= pages()}
                on:click=move |_| { let current = query.get_untracked(); go_next(ListQuery { page: current.page + 1, ..current }) }>
                {move || t().next}
            </button>
        </nav>
    }
}

//! The customer list: search, currency and criteria (overdue, on hold, over limit, grade
//! dropped, open orders, disputed, unapplied), sort and paging, all held in the URL
//! (`ui::list_query`) so a link from the overview, a reload or the back button shows the same
//! view. The filters in force are shown above the table, each removable. Paginated (50 rows)
//! so 10,000 customers stay responsive.

use crate::i18n::fill;
use crate::ui::list_query::{criterion_label, currency_label, ListQuery};
use crate::ui::route::to;
use crate::ui::{money, percent, use_app};
use creditdesk_core::limits::list::{
    list_rows_scored, list_rows_with_grade_drops_scored, select_customers, Criterion,
    CustomerFilter, CustomerSort, ListRow,
};
use creditdesk_core::policy::LimitPolicy;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

const PAGE_SIZE: usize = 50;

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
    // Month-end grades cost a second scoring of everyone: only for the grade-drop view.
    let with_drops = Memo::new(move |_| query.with(|q| q.filter.requires(Criterion::GradeDropped)));
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        let with_drops = with_drops.get();
        let now = state.scores.get();
        state.portfolio.with(|portfolio| match with_drops {
            true => state.month_end_scores.with(|before| {
                list_rows_with_grade_drops_scored(portfolio.list_sources(), today, &now, before)
            }),
            false => list_rows_scored(portfolio.list_sources(), today, &now),
        })
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
            rows.with(|rows| select_customers(rows, &query.filter, query.sort, &to_base))
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
            <ActiveFilters query />
            <p class="muted" data-testid="results-count">{move || crate::i18n::customers_count(t(), selected.with(Vec::len))}</p>
            <CustomerTable query rows selected limits />
            <Show when=move || selected.with(Vec::is_empty)>
                <p>{move || t().no_customers_match}</p>
            </Show>
            <Pager query selected />
        </section>
    }
}

/// The sort's label in the current language.
fn sort_label(t: &crate::i18n::Texts, sort: CustomerSort) -> &'static str {
    match sort {
        CustomerSort::Name => t.sort_name,
        CustomerSort::Number => t.sort_number,
        CustomerSort::BalanceDesc => t.sort_balance,
        CustomerSort::OverdueDesc => t.sort_overdue,
        CustomerSort::DaysOverdueDesc => t.sort_days,
        CustomerSort::LimitDesc => t.sort_limit,
        CustomerSort::UtilisationDesc => t.sort_utilisation,
        CustomerSort::GradeWorst => t.sort_grade,
    }
}

/// This view with another filter, from its first page.
fn refiltered(
    query: &ListQuery,
    change: impl FnOnce(CustomerFilter) -> CustomerFilter,
) -> ListQuery {
    ListQuery::of(change(query.filter.clone()), query.sort)
}

/// Search, "overdue only" and the sort; each change goes back to the first page.
#[component]
fn Filters(query: Memo<ListQuery>) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let (go_search, go_overdue, go_sort) = (go(), go(), go());
    let overdue = move |on: bool| {
        let current = query.get_untracked();
        go_overdue(refiltered(&current, |filter| match on {
            true => filter.with(Criterion::Overdue),
            false => filter.without(Criterion::Overdue),
        }))
    };
    view! {
        <div class="filters">
            <label class="grow">
                <span>{move || t().search_label}</span>
                <input type="search" data-testid="search" placeholder=move || t().search_placeholder
                    prop:value=move || query.get().filter.text
                    on:input=move |event| { let text = event_target_value(&event); go_search(refiltered(&query.get_untracked(), |filter| CustomerFilter { text, ..filter })) } />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="overdue-only" prop:checked=move || query.get().filter.requires(Criterion::Overdue)
                    on:change=move |event| overdue(event_target_checked(&event)) />
                <span>{move || t().overdue_only}</span>
            </label>
            <label>
                <span>{move || t().sort_label}</span>
                <select data-testid="sort" prop:value=move || query.get().sort.token().to_string()
                    on:change=move |event| go_sort(ListQuery { sort: CustomerSort::from_token(&event_target_value(&event)), page: 1, ..query.get_untracked() })>
                    {move || CustomerSort::ALL.iter().map(|sort| {
                        view! { <option value=sort.token() selected=query.get_untracked().sort == *sort>{sort_label(t(), *sort)}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The filters in force besides the search and "overdue only" (which show in their own
/// controls): the currency and each criterion, as buttons that take it off, and one that
/// takes them all off. Nothing when there are none.
#[component]
fn ActiveFilters(query: Memo<ListQuery>) -> impl IntoView {
    let state = use_app();
    let navigate = go();
    let chips = move || {
        let t = state.texts();
        let current = query.get();
        let mut chips: Vec<(String, ListQuery)> = Vec::new();
        if let Some(currency) = current.filter.currency {
            let without = refiltered(&current, |filter| CustomerFilter {
                currency: None,
                ..filter
            });
            chips.push((currency_label(t, currency), without));
        }
        for criterion in current
            .filter
            .criteria
            .iter()
            .filter(|c| **c != Criterion::Overdue)
        {
            let without = refiltered(&current, |filter| filter.without(*criterion));
            chips.push((criterion_label(t, *criterion).to_string(), without));
        }
        chips
    };
    view! {
        {move || {
            let t = state.texts();
            let chips = chips();
            (!chips.is_empty()).then(|| {
                let clear = refiltered(&query.get_untracked(), |filter| CustomerFilter { text: filter.text, ..CustomerFilter::default() });
                let (navigate, clear_all) = (navigate.clone(), navigate.clone());
                view! {
                    <div class="active-filters" role="group" aria-label=t.filters_label data-testid="active-filters">
                        <span class="muted">{t.filters_label}</span>
                        {chips.into_iter().map(|(label, without)| {
                            let navigate = navigate.clone();
                            let remove = fill(t.remove_filter, &[("filter", &label)]);
                            view! {
                                <button type="button" class="chip filter-chip" data-testid="filter-chip" aria-label=remove
                                    on:click=move |_| navigate(without.clone())>{label}" ✕"</button>
                            }
                        }).collect_view()}
                        <button type="button" class="link" data-testid="clear-filters" on:click=move |_| clear_all(clear.clone())>{t.clear_filters}</button>
                    </div>
                }
            })
        }}
    }
}

/// The current page of the selection.
#[component]
fn CustomerTable(
    query: Memo<ListQuery>,
    rows: Memo<Vec<ListRow>>,
    selected: Memo<Vec<usize>>,
    limits: Memo<LimitPolicy>,
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
                    <th scope="col" class="num hide-narrow">{move || t().col_limit}</th>
                    <th scope="col" class="num">{move || t().col_utilisation}</th>
                    <th scope="col">{move || t().col_grade}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let page = query.get().page.min(page_count(selected));
                        let indexes: Vec<usize> = selected.with(|selected| selected.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).copied().collect());
                        rows.with(|rows| indexes.iter().map(|index| line(rows[*index].clone(), limits)).collect_view())
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// One customer's line. "—" where there is no limit or no utilisation.
fn line(row: ListRow, limits: Memo<LimitPolicy>) -> impl IntoView {
    let ledger = &row.ledger;
    let currency = ledger.currency;
    let overdue_class = if ledger.overdue.is_zero() {
        "num"
    } else {
        "num warn"
    };
    let utilisation_class = if row.over_limit { "num warn" } else { "num" };
    let limit = row
        .limit
        .map_or("—".to_string(), |limit| money(limit, currency));
    let utilisation = row.utilisation_percent.map_or("—".to_string(), percent);
    let (href, name) = (
        to(&format!("/customers/{}", ledger.id.0)),
        ledger.name.clone(),
    );
    view! {
        <tr>
            <td>{ledger.number.clone()}</td>
            <td><A href=href>{name}</A></td>
            <td class="num">{money(ledger.balance, currency)}{in_base(limits, ledger.balance, currency)}</td>
            <td class=overdue_class>{money(ledger.overdue, currency)}</td>
            <td class="num hide-narrow">{ledger.days_overdue_max}</td>
            <td class="num hide-narrow">{money(ledger.exposure, currency)}</td>
            <td class="num hide-narrow">{limit}</td>
            <td class=utilisation_class>{utilisation}</td>
            <td>{row.grade.letter()}</td>
        </tr>
    }
}

/// An amount's base-currency equivalent under it, for a customer in another currency: what
/// the list sorts by. Nothing for the base currency itself or a currency without a rate.
fn in_base(
    limits: Memo<LimitPolicy>,
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

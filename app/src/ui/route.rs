//! In-app links, and the customer named in the route (`/customers/:id/...`): its id, and
//! rendering it or a "not found" message; every customer page reads it the same way.

use crate::browser;
use crate::ui::use_app;
use chrono::NaiveDate;
use creditdesk_core::{Currency, Customer, CustomerId, Portfolio};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The href of an in-app path such as `/customers/42`, under the folder the app is served
/// from (`/tools/creditdesk/customers/42`). Leptos's `<A>` takes an absolute path as it is;
/// only navigation adds the router's base, so every `<A>` of the desk goes through this.
pub fn to(path: &str) -> String {
    format!("{}{path}", browser::app_base().trim_end_matches('/'))
}

/// The customer id in the current route, if it is a number.
pub fn route_customer_id() -> Memo<Option<CustomerId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params.with(|map| map.get("id").and_then(|id| id.parse().ok()).map(CustomerId))
    })
}

/// Renders the route's customer with `render`, re-rendering when the portfolio changes; a
/// "not found" message when the id names no customer.
pub fn with_route_customer(
    render: fn(&Portfolio, &Customer, NaiveDate) -> AnyView,
) -> impl IntoView {
    let state = use_app();
    let id = route_customer_id();
    move || {
        let t = state.texts();
        let today = state.today.get();
        state.portfolio.with(|portfolio| {
            match id.get().and_then(|id| portfolio.ledger.customer(id)) {
                Some(customer) => render(portfolio, customer, today),
                None => view! { <p role="alert">{t.customer_not_found}</p> }.into_any(),
            }
        })
    }
}

/// The customer in the route with its currency, or a "not found" message.
pub fn with_customer(
    render: impl Fn(CustomerId, Currency, String) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let id = route_customer_id();
    move || {
        let found = id.get().and_then(|id| {
            state.portfolio.with_untracked(|p| {
                p.ledger
                    .customer(id)
                    .map(|c| (c.id, c.details.currency, c.details.name.clone()))
            })
        });
        match found {
            Some((id, currency, name)) => render(id, currency, name),
            None => view! { <p role="alert">{state.texts().customer_not_found}</p> }.into_any(),
        }
    }
}

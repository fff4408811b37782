//! What the forms of a customer's collections pick from: the customer's open invoices (number
//! and what is open on it today) and the team's profiles.

use crate::ui::form::{ErrorSlot, Form};
use crate::ui::money;
use chrono::NaiveDate;
use creditdesk_core::decide::Field;
use creditdesk_core::ledger::as_of::customer_invoices_on;
use creditdesk_core::{Customer, Portfolio};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The customer's invoices open on `today`, oldest due first: (id, "INV-1 · ¥600.00").
pub fn open_invoices(
    portfolio: &Portfolio,
    customer: &Customer,
    today: NaiveDate,
) -> Vec<(u32, String)> {
    let mut open: Vec<_> = customer_invoices_on(&portfolio.ledger, customer, today)
        .into_iter()
        .filter(|(_, open)| *open > Decimal::ZERO)
        .collect();
    open.sort_by_key(|(invoice, _)| (invoice.due_date, invoice.id));
    open.into_iter()
        .map(|(invoice, open)| {
            let label = format!(
                "{} · {}",
                invoice.number,
                money(open, invoice.amount.currency())
            );
            (invoice.id.0, label)
        })
        .collect()
}

/// A labelled select of the customer's open invoices, with the invoice's error line; its
/// first option is chosen to begin with.
#[component]
pub fn InvoiceSelect(
    label: &'static str,
    options: Vec<(u32, String)>,
    chosen: RwSignal<String>,
    form: Form,
    testid: &'static str,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    if let Some((first, _)) = options.first() {
        chosen.set(first.to_string());
    }
    let options = options
        .into_iter()
        .map(|(value, text)| view! { <option value=value.to_string()>{text}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id data-testid=testid aria-describedby=error_id.clone()
                on:change=move |event| chosen.set(event_target_value(&event))>{options}</select>
            <ErrorSlot form field=Field::Invoice id=error_id testid=format!("{testid}-error") />
        </div>
    }
}

/// The team's profiles as (id, name) options, after "nobody".
pub fn profiles(portfolio: &Portfolio, nobody: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), nobody.to_string())];
    options.extend(
        (portfolio.team.users.iter()).map(|user| (user.id.0.to_string(), user.name.clone())),
    );
    options
}

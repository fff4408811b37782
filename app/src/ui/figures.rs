//! Figures as the desk shows them: money, the aging bar, one headline figure, a profile's name.
//! Numbers are written in the user's number format (`crate::numbers`): pages call `money`
//! and `decimal` and never pass the format themselves.

use crate::i18n::{self, fill};
use creditdesk_core::base::display::format_decimal;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::ledger::reports::{Aging, AgingBuckets};
use creditdesk_core::{Currency, Portfolio, UserId};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use super::use_app;

pub use crate::numbers::{decimal, percent};

/// An amount with its currency's symbol and minor units, in the user's number format.
pub fn money(amount: Decimal, currency: Currency) -> String {
    crate::numbers::money(amount, currency)
}

/// A share of 100 as a CSS length (`width:12.5%`): CSS writes a decimal point whatever the
/// user's number format, and never groups.
pub fn css_percent(part: Decimal, whole: Decimal) -> String {
    if whole <= Decimal::ZERO {
        return "0".to_string();
    }
    let share = (part * Decimal::ONE_HUNDRED / whole).max(Decimal::ZERO);
    format_decimal(share, 2, NumberFormat::Point).replace(',', "")
}

/// Labels of the aging buckets in the current language.
pub fn bucket_labels(t: &i18n::Texts, buckets: &AgingBuckets) -> Vec<String> {
    buckets
        .labels()
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            if index == 0 {
                t.aging_not_due.to_string()
            } else {
                fill(t.aging_days, &[("range", &label)])
            }
        })
        .collect()
}

/// A horizontal stacked bar of aging buckets with a legend table (the numbers on demand).
#[component]
pub fn AgingBar(aging: Aging, currency: Currency) -> impl IntoView {
    let state = use_app();
    let t = state.texts();
    let labels = bucket_labels(t, &AgingBuckets::default());
    let total = aging.total;
    // The legend's share, in the user's format; the bar's width in CSS's.
    let share = move |amount: Decimal| -> String {
        if total <= Decimal::ZERO {
            return percent(Decimal::ZERO);
        }
        percent((amount * Decimal::ONE_HUNDRED / total).max(Decimal::ZERO))
    };
    let segments = aging
        .buckets
        .iter()
        .enumerate()
        .map(|(index, amount)| {
            let style = format!("width:{}%", css_percent(*amount, total));
            view! { <span class=format!("seg b{index}") style=style title=labels[index].clone()></span> }
        })
        .collect_view();
    let rows = aging
        .buckets
        .iter()
        .enumerate()
        .map(|(index, amount)| {
            view! {
                <tr>
                    <th scope="row"><span class=format!("key b{index}")></span>{labels[index].clone()}</th>
                    <td class="num">{money(*amount, currency)}</td>
                    <td class="num">{share(*amount)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="aging" data-testid="aging">
            <div class="bar" role="img" aria-label=t.aging>{segments}</div>
            <table class="legend">
                <caption>{t.aging}</caption>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

/// One headline figure; with `href`, a link to what it counts (the overview's figures open
/// the customer list filtered to them).
#[component]
pub fn Figure(
    label: String,
    value: String,
    #[prop(optional)] testid: &'static str,
    #[prop(optional)] tone: &'static str,
    #[prop(optional)] href: Option<String>,
) -> impl IntoView {
    match href {
        Some(href) => view! {
            <A href=href attr:class=format!("figure link {tone}") attr:data-testid=testid>
                <span class="label">{label}</span>
                <span class="value">{value}</span>
            </A>
        }
        .into_any(),
        None => view! {
            <div class=format!("figure {tone}") data-testid=testid>
                <div class="label">{label}</div>
                <div class="value">{value}</div>
            </div>
        }
        .into_any(),
    }
}

/// A profile's name, or its number when the profile is unknown.
pub fn user_name(portfolio: &Portfolio, id: UserId) -> String {
    portfolio
        .team
        .user(id)
        .map_or_else(|| format!("#{}", id.0), |user| user.name.clone())
}

//! The early-payment discount on the forms: its two fields on the customer form (read into
//! `DiscountTerms`, both or neither), and on the payment form the offer for the payment's date
//! (`core::collections::discount_offers`) with the choice to issue it as a credit note, which
//! is decided with the payment as one event (the credit note first, so that it settles the
//! discounted part and the payment the rest).

use crate::i18n::fill;
use crate::ui::form::Reader;
use crate::ui::{money, use_app};
use chrono::NaiveDate;
use creditdesk_core::base::input::{read_count, read_date, read_optional_figure};
use creditdesk_core::collections::{discount_offers, DiscountOffer};
use creditdesk_core::decide::{AllocationChoice, Command, Field};
use creditdesk_core::{Allocation, Amount, Currency, CustomerId, DiscountTerms, InvoiceId};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Reads the discount's percent and days: both empty is `Some(None)`; one without the other is
/// refused beside the days.
pub fn read_discount(r: &mut Reader, percent: &str, days: &str) -> Option<Option<DiscountTerms>> {
    let p = use_app().lang.get().plans();
    let percent = r.take(
        Field::DiscountPercent,
        read_optional_figure(percent, r.format),
    )?;
    let days = if days.trim().is_empty() {
        None
    } else {
        Some(r.take(Field::DiscountDays, read_count(days, r.format, 10_000))?)
    };
    match (percent, days) {
        (None, None) => Some(None),
        (Some(percent), Some(days)) => Some(Some(DiscountTerms { percent, days })),
        _ => {
            r.refuse(Field::DiscountDays, p.discount_both.to_string());
            None
        }
    }
}

/// The offers for a payment from `customer` on the typed `date` (none when it does not read),
/// for `only` that invoice when the payment is allocated to one.
fn offers_on(customer: CustomerId, date: &str, only: Option<InvoiceId>) -> Vec<DiscountOffer> {
    let Ok(date) = read_date(date) else {
        return Vec::new();
    };
    use_app().portfolio.with(|p| {
        p.ledger
            .customer(customer)
            .map(|c| discount_offers(&p.ledger, c, date, only))
            .unwrap_or_default()
    })
}

/// The offer on the payment form, with its "issue as a credit note" box; nothing without one.
#[component]
pub fn DiscountOfferBox(
    customer: CustomerId,
    currency: Currency,
    date: RwSignal<String>,
    only: Signal<Option<InvoiceId>>,
    accept: RwSignal<bool>,
) -> impl IntoView {
    let p = move || use_app().lang.get().plans();
    move || {
        let offers = offers_on(customer, &date.get(), only.get());
        (!offers.is_empty()).then(|| {
            let items: Vec<String> = (offers.iter())
                .map(|o| format!("{} {}", o.number, money(o.amount, currency)))
                .collect();
            let total: Decimal = offers.iter().map(|o| o.amount).sum();
            let text = fill(
                p().discount_offer,
                &[("items", &items.join(use_app().lang.get().journal().list_separator)), ("total", &money(total, currency))],
            );
            view! {
                <div class="field" data-testid="discount-offer">
                    <p>{text}</p>
                    <div class="check">
                        <input type="checkbox" id="f-discount-accept" data-testid="discount-accept"
                            prop:checked=move || accept.get() on:change=move |event| accept.set(event_target_checked(&event)) />
                        <label for="f-discount-accept">{p().discount_accept}</label>
                    </div>
                </div>
            }
        })
    }
}

/// The credit note that gives the discount offered for a payment on `date`, if any.
pub fn discount_note(
    customer: CustomerId,
    currency: Currency,
    (date, today): (NaiveDate, NaiveDate),
    only: Option<InvoiceId>,
) -> Option<Command> {
    let offers = offers_on(customer, &date.to_string(), only);
    let allocations: Vec<Allocation<Amount>> = (offers.iter())
        .filter_map(|o| {
            Amount::try_new(o.amount, currency)
                .ok()
                .map(|amount| Allocation {
                    invoice: o.invoice,
                    amount,
                })
        })
        .collect();
    let total = offers.iter().map(|o| o.amount).sum();
    let amount = Amount::try_new(total, currency).ok()?;
    let id = use_app()
        .portfolio
        .with_untracked(|p| p.next_ids().credit_note);
    Some(Command::IssueCreditNote {
        id,
        customer,
        number: format!("DISC-{}", id.0),
        date,
        recorded_on: today,
        amount,
        reason: use_app().lang.get().plans().discount_reason.to_string(),
        allocation: AllocationChoice::Manual(allocations),
    })
}

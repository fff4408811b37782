//! The field-sales credit check: find a customer, type an amount, see the decision.

use leptos::prelude::*;

#[component]
pub fn FieldCheck() -> impl IntoView {
    view! { <section></section> }
}

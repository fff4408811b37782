//! The limit part of the credit policy: per-grade terms, the authority matrix, exchange rates.

use leptos::prelude::*;

#[component]
pub fn LimitPolicyPage() -> impl IntoView {
    view! { <section></section> }
}

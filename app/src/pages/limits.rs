//! A customer's credit limit: the limit in force, the recommended limit with its methods, requests and decisions, holds.

use leptos::prelude::*;

#[component]
pub fn LimitPage() -> impl IntoView {
    view! { <section></section> }
}

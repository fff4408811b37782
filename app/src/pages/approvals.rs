//! Limit requests waiting for a decision, and who may decide each.

use leptos::prelude::*;

#[component]
pub fn Approvals() -> impl IntoView {
    view! { <section></section> }
}

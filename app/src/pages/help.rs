//! In-app help in both languages: what Creditdesk does, the conventions behind the figures,
//! offline use, storage and the integrity check.

use crate::components::use_app;
use leptos::prelude::*;

#[component]
pub fn Help() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        <section class="help" data-testid="help">
            <h1>{move || t().help_title}</h1>
            <p>{move || t().help_body_intro}</p>
            <h2>{move || t().nav_customers}</h2>
            <p>{move || t().help_body_ledger}</p>
            <h2>{move || t().aging}</h2>
            <p>{move || t().help_body_aging}</p>
            <h2>{move || t().score}</h2>
            <p>{move || t().help_body_score}</p>
            <h2>{move || t().policy_title}</h2>
            <p>{move || t().help_body_policy}</p>
            <h2>{move || t().offline_badge}</h2>
            <p>{move || t().help_body_offline}</p>
            <h2>{move || t().storage}</h2>
            <p>{move || t().help_body_storage}</p>
            <h2>{move || t().journal_title}</h2>
            <p>{move || t().help_body_integrity}</p>
        </section>
    }
}

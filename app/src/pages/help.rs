//! In-app help in both languages: what Creditdesk does, the customer list and the overview's
//! links into it, the conventions behind the figures,
//! limits, approvals, temporary limits, holds, the credit check and roles, the widget (its
//! own page), typing numbers and dates, offline use,
//! storage, reading and filtering the journal, and the integrity check.

use crate::ui::route::to;
use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn Help() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let d = move || state.lang.get().desk();
    let j = move || state.lang.get().journal();
    view! {
        <section class="help" data-testid="help">
            <h1>{move || t().help_title}</h1>
            <p>{move || t().help_body_intro}</p>
            <h2>{move || t().nav_customers}</h2>
            <p data-testid="help-ledger">{move || t().help_body_ledger}</p>
            <p data-testid="help-list">{move || t().help_body_list}</p>
            <h2>{move || t().aging}</h2>
            <p>{move || t().help_body_aging}</p>
            <h2>{move || t().score}</h2>
            <p>{move || t().help_body_score}</p>
            <h2>{move || t().policy_title}</h2>
            <p>{move || t().help_body_policy}</p>
            <h2>{move || d().help_limits_title}</h2>
            <p>{move || d().help_limits}</p>
            <h2>{move || d().help_approvals_title}</h2>
            <p>{move || d().help_approvals}</p>
            <h2>{move || d().help_temporary_title}</h2>
            <p>{move || d().help_temporary}</p>
            <h2>{move || d().help_holds_title}</h2>
            <p>{move || d().help_holds}</p>
            <h2>{move || d().help_check_title}</h2>
            <p>{move || d().help_check}</p>
            <h2>{move || state.lang.get().collections().nav_collections}</h2>
            <p data-testid="help-collections">{move || state.lang.get().collections().help_collections}</p>
            <h2>{move || state.lang.get().letters().messages_title}</h2>
            <p data-testid="help-letters">{move || state.lang.get().letters().help_letters}</p>
            <h2>{move || state.lang.get().alerts().nav_alerts}</h2>
            <p data-testid="help-alerts">{move || state.lang.get().alerts().help_alerts}</p>
            <h2>{move || state.lang.get().plans().help_plans_title}</h2>
            <p data-testid="help-plans">{move || state.lang.get().plans().help_plans}</p>
            <h2>{move || d().help_roles_title}</h2>
            <p data-testid="help-roles">{move || d().help_roles}</p>
            <p>
                <leptos_router::components::A href=to("/help/widget")>
                    {move || state.lang.get().field().help_title}
                </leptos_router::components::A>
            </p>
            <h2>{move || t().help_numbers_title}</h2>
            <p data-testid="help-numbers">{move || t().help_body_numbers}</p>
            <h2>{move || t().offline_badge}</h2>
            <p>{move || t().help_body_offline}</p>
            <h2>{move || t().storage}</h2>
            <p>{move || t().help_body_storage}</p>
            <h2>{move || state.lang.get().backup().title}</h2>
            <p data-testid="help-backup">{move || state.lang.get().backup().help}</p>
            <h2>{move || state.lang.get().import_page().title}</h2>
            <p data-testid="help-import">{move || state.lang.get().import_page().help}</p>
            <h2>{move || state.lang.get().export().title}</h2>
            <p data-testid="help-export">{move || state.lang.get().export().help}</p>
            <h2>{move || j().help_journal_title}</h2>
            <p data-testid="help-journal">{move || j().help_journal}</p>
            <h2>{move || t().journal_title}</h2>
            <p>{move || t().help_body_integrity}</p>
        </section>
    }
}

//! What a manager does from a customer's collections: put the customer on a collector's list,
//! and escalate its reminders past rungs with a reason. The core decides who may (a manager or
//! a director; only someone who collects may be assigned); refusals show beside the field.

use crate::i18n::collections::{self as words};
use crate::ui::form::{ErrorSlot, Form, FormError, TextField};
use crate::ui::use_app;
use creditdesk_core::decide::{grade_on, may_collect, CollectionsCommand, Command, Field};
use creditdesk_core::CustomerId;
use leptos::prelude::*;

/// The profiles who may collect, as (id, "name · role") options, and "nobody".
fn collector_options() -> Vec<(String, String)> {
    let state = use_app();
    let v = state.lang.get().vocab();
    let mut options = vec![(
        String::new(),
        state.lang.get().collections().assign_nobody.to_string(),
    )];
    state.portfolio.with_untracked(|p| {
        for user in p.team.users.iter().filter(|u| may_collect(u.role)) {
            let role = crate::i18n::vocab::role(v, user.role);
            options.push((user.id.0.to_string(), format!("{} · {role}", user.name)));
        }
    });
    options
}

#[component]
pub fn AssignCollector(customer: CustomerId) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let form = Form::new();
    let current = state
        .portfolio
        .with_untracked(|p| p.collections.collector_of(customer))
        .map_or(String::new(), |id| id.0.to_string());
    let chosen = RwSignal::new(current);
    let options = collector_options()
        .into_iter()
        .map(|(value, label)| {
            let selected = chosen.get_untracked() == value;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let collector = chosen
            .get_untracked()
            .parse()
            .ok()
            .map(creditdesk_core::UserId);
        let command = Command::Collections(CollectionsCommand::AssignCollector {
            customer,
            date: state.today.get_untracked(),
            by: state.acting(),
            collector,
        });
        form.submit_all(vec![command], || {});
    };
    view! {
        <form class="form" data-testid="assign-form" on:submit=on_submit novalidate>
            <h2>{move || c().assign_title}</h2>
            <div class="field">
                <label for="f-assign">{move || c().assign_label}</label>
                <select id="f-assign" data-testid="assign" aria-describedby="f-assign-error"
                    on:change=move |event| chosen.set(event_target_value(&event))>{options}</select>
                <ErrorSlot form field=Field::User id="f-assign-error" testid="assign-error" />
            </div>
            <FormError form />
            <div class="actions"><button type="submit" data-testid="assign-save">{move || c().assign_save}</button></div>
        </form>
    }
}

#[component]
pub fn EscalateStep(customer: CustomerId) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let form = Form::new();
    let today = state.today.get_untracked();
    let ladder = state.portfolio.with_untracked(|p| {
        let grade = p
            .ledger
            .customer(customer)
            .map(|account| grade_on(p, account, today));
        grade
            .map(|grade| p.strategy_on(today).ladder(grade).to_vec())
            .unwrap_or_default()
    });
    let rung = RwSignal::new(
        ladder
            .last()
            .map(|r| r.offset_days.to_string())
            .unwrap_or_default(),
    );
    let reason = RwSignal::new(String::new());
    let options = ladder
        .iter()
        .map(|step| {
            let (kind, value) = (step.kind, step.offset_days.to_string());
            let selected = rung.get_untracked() == value;
            let label = format!("{} · {:+}", words::step(c(), kind), step.offset_days);
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let offset_days = rung.get_untracked().parse().unwrap_or(0);
        let command = Command::Collections(CollectionsCommand::EscalateStep {
            customer,
            date: today,
            recorded_on: today,
            by: state.acting(),
            offset_days,
            reason: reason.get_untracked(),
        });
        form.submit_all(vec![command], || {});
    };
    view! {
        <form class="form" data-testid="escalate-form" on:submit=on_submit novalidate>
            <h2>{move || c().escalate_title}</h2>
            <p class="hint">{move || c().escalate_hint}</p>
            <div class="field">
                <label for="f-escalate-step">{move || c().escalate_step}</label>
                <select id="f-escalate-step" data-testid="escalate-step" aria-describedby="f-escalate-step-error"
                    on:change=move |event| rung.set(event_target_value(&event))>{options}</select>
                <ErrorSlot form field=Field::Step id="f-escalate-step-error" testid="escalate-step-error" />
            </div>
            <TextField label=move || c().escalate_reason field=Field::Reason value=reason form testid="escalate-reason" />
            <ErrorSlot form field=Field::User id="f-escalate-user-error" testid="escalate-user-error" />
            <FormError form />
            <div class="actions"><button type="submit" data-testid="escalate-save">{move || c().escalate_save}</button></div>
        </form>
    }
}

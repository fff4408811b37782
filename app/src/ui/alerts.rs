//! The alerts as the desk shows them: the portfolio's alerts for today (scores kept until an
//! entry that can move one is saved), one alert with its reasons and its actions
//! (acknowledge, snooze until a day), and the customer's alert hold with its release.
//! The core derives every alert and decides every action; this only shows and asks.

use crate::i18n::alerts::{self as words, AlertsTexts};
use crate::ui::form::{ErrorSlot, Form, FormError, TextField};
use crate::ui::route::to;
use crate::ui::use_app;
use chrono::Duration;
use creditdesk_core::alerts::{alert_hold, alerts_scored, customer_alerts, Alert, AlertStatus};
use creditdesk_core::decide::{AlertsCommand, Command, Field};
use creditdesk_core::policy::AlertSeverity;
use creditdesk_core::team::Role;
use creditdesk_core::CustomerId;
use leptos::prelude::*;
use leptos_router::components::A;

/// Every customer's alerts today, in customer order, from the scores today and at the month
/// end the state keeps (`AppState::scores`).
pub fn portfolio_alerts() -> Memo<Vec<Alert>> {
    let state = use_app();
    Memo::new(move |_| {
        let today = state.today.get();
        (state.scores).with(|now| {
            (state.month_end_scores).with(|before| {
                (state.portfolio).with(|p| alerts_scored(&p.alert_sources(), today, now, before))
            })
        })
    })
}

/// Shown in the open list: not acknowledged, not snoozed.
pub fn is_open(alert: &Alert) -> bool {
    alert.status == AlertStatus::Open
}

pub fn severity_class(severity: AlertSeverity) -> &'static str {
    match severity {
        AlertSeverity::Info => "sev-info",
        AlertSeverity::Warning => "sev-warning",
        AlertSeverity::Severe => "sev-severe",
    }
}

/// One alert: rule, severity, first day, reasons with their figures, status and actions.
#[component]
pub fn AlertItem(
    alert: Alert,
    #[prop(optional)] customer_name: Option<String>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let a = state.lang.get_untracked().alerts();
    let t = state.texts();
    let reasons = (alert.reasons.iter())
        .map(|reason| view! { <li>{words::reason(a, t, reason)}</li> })
        .collect_view();
    let customer = customer_name.map(|name| {
        let href = to(&format!("/customers/{}", alert.customer.0));
        view! { <A href=href attr:data-testid="alert-customer">{name}</A> }
    });
    let tag = if alert.holding {
        Some(a.holding)
    } else if alert.released {
        Some(a.released)
    } else {
        None
    };
    let status = words::status(a, &alert.status);
    let since = crate::i18n::fill(a.since, &[("date", &alert.since.to_string())]);
    let (rule_token, severity) = (alert.rule.token(), alert.severity);
    view! {
        <li class=format!("card alert {}", severity_class(severity)) data-testid="alert"
            data-rule=rule_token data-severity=severity.token()>
            <div class="alert-head">
                {customer}
                <strong data-testid="alert-rule">{words::rule(a, alert.rule)}</strong>
                <span class="badge">{words::severity(a, alert.severity)}</span>
                {tag.map(|tag| view! { <span class="badge" data-testid="alert-hold-tag">{tag}</span> })}
                <span class="muted">{since}</span>
                {status.map(|status| view! { <span class="muted" data-testid="alert-status">{status}</span> })}
            </div>
            <ul class="why" data-testid="alert-reasons">{reasons}</ul>
            <AlertActions alert saved />
        </li>
    }
}

/// Acknowledge in one click; snooze until a day (a week ahead, editable).
#[component]
fn AlertActions(alert: Alert, saved: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let a = move || state.lang.get().alerts();
    let form = Form::new();
    let until = RwSignal::new((state.today.get_untracked() + Duration::days(7)).to_string());
    let (customer, rule) = (alert.customer, alert.rule);
    let name = state.portfolio.with_untracked(|p| {
        (p.ledger.customer(customer)).map_or(String::new(), |c| c.details.name.clone())
    });
    let named = name.clone();
    let acknowledge = move |_| {
        let command = Command::Alerts(AlertsCommand::AcknowledgeAlert {
            customer,
            rule,
            date: state.today.get_untracked(),
            by: state.acting(),
        });
        let message = done_message(a().acknowledged_msg, &named, a(), rule, None);
        form.submit(command, move || saved.set(Some(message)));
    };
    let snooze = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(day) = form.read(|reader| reader.date(Field::Until, &until.get_untracked()))
        else {
            return;
        };
        let command = Command::Alerts(AlertsCommand::SnoozeAlert {
            customer,
            rule,
            date: state.today.get_untracked(),
            by: state.acting(),
            until: day,
        });
        let message = done_message(a().snoozed_msg, &name, a(), rule, Some(day));
        form.submit(command, move || saved.set(Some(message)));
    };
    let id = format!("{}-{}", customer.0, rule.token());
    view! {
        <form class="alert-actions" on:submit=snooze novalidate>
            {(alert.status == AlertStatus::Open).then(|| view! {
                <button type="button" data-testid="acknowledge" on:click=acknowledge>{move || a().acknowledge}</button>
            })}
            <SnoozeDay id=id.clone() until form />
            <button type="submit" data-testid="snooze">{move || a().snooze}</button>
            <ErrorSlot form field=Field::Alert or=Field::User id=format!("f-alert-error-{id}") testid="alert-error" />
            <FormError form />
        </form>
    }
}

/// The snooze day with its error line; ids unique per alert (a list shows many).
#[component]
fn SnoozeDay(id: String, until: RwSignal<String>, form: Form) -> impl IntoView {
    let state = use_app();
    let (input, error) = (format!("f-snooze-{id}"), format!("f-snooze-{id}-error"));
    let message = form.message(Field::Until, None);
    view! {
        <div class="field">
            <label for=input.clone()>{move || state.lang.get().alerts().snooze_until}</label>
            <input id=input type="date" data-testid="snooze-until" aria-describedby=error.clone()
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                prop:value=move || until.get() on:input=move |event| until.set(event_target_value(&event)) />
            <ErrorSlot form field=Field::Until id=error testid="snooze-until-error" />
        </div>
    }
}

fn done_message(
    template: &str,
    customer: &str,
    a: &AlertsTexts,
    rule: creditdesk_core::policy::AlertRule,
    until: Option<chrono::NaiveDate>,
) -> String {
    let until = until.map(|day| day.to_string()).unwrap_or_default();
    crate::i18n::fill(
        template,
        &[
            ("customer", customer),
            ("rule", words::rule(a, rule)),
            ("date", &until),
        ],
    )
}

/// The customer's alerts today (every status), with the hold banner above them.
#[component]
pub fn CustomerAlerts(customer: CustomerId) -> impl IntoView {
    let state = use_app();
    let a = move || state.lang.get().alerts();
    let saved = RwSignal::new(None::<String>);
    let alerts = Memo::new(move |_| {
        let today = state.today.get();
        state.portfolio.with(|p| {
            (p.ledger.customer(customer))
                .map(|c| customer_alerts(&p.alert_sources(), c, today))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" data-testid="customer-alerts">
            <h2>{move || a().customer_title}</h2>
            <HoldBanner customer />
            <p role="status" data-testid="alert-saved">{move || saved.get()}</p>
            {move || {
                let alerts = alerts.get();
                if alerts.is_empty() {
                    return view! { <p>{a().customer_none}</p> }.into_any();
                }
                let items = alerts.into_iter().map(|alert| view! { <AlertItem alert saved /> }).collect_view();
                view! { <ul class="alerts">{items}</ul> }.into_any()
            }}
        </section>
    }
}

/// The alert hold on the customer today, and its release (a reason) for a manager or
/// director; others see the banner alone.
#[component]
pub fn HoldBanner(customer: CustomerId) -> impl IntoView {
    let state = use_app();
    let a = move || state.lang.get().alerts();
    let hold = Memo::new(move |_| {
        let today = state.today.get();
        state.portfolio.with(|p| {
            p.ledger
                .customer(customer)
                .and_then(|c| alert_hold(&p.alert_sources(), c, today))
        })
    });
    let may_release = move || {
        state
            .current_user()
            .is_some_and(|user| user.role.covers(Role::Manager))
    };
    move || {
        hold.get().map(|hold| {
            let rules: Vec<_> = hold.alerts.iter().map(|run| run.rule).collect();
            let text = crate::i18n::fill(
                a().hold_banner,
                &[
                    ("date", &hold.since.to_string()),
                    ("rules", &words::rules(a(), &rules)),
                ],
            );
            view! {
                <div class="banner warn" role="status" data-testid="alert-hold-banner">
                    <p>{text}</p>
                    <Show when=may_release><ReleaseForm customer /></Show>
                </div>
            }
        })
    }
}

#[component]
fn ReleaseForm(customer: CustomerId) -> impl IntoView {
    let state = use_app();
    let a = move || state.lang.get().alerts();
    let form = Form::new();
    let reason = RwSignal::new(String::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let command = Command::Alerts(AlertsCommand::ReleaseAlertHold {
            customer,
            date: state.today.get_untracked(),
            by: state.acting(),
            reason: reason.get_untracked(),
        });
        form.submit(command, move || reason.set(String::new()));
    };
    view! {
        <form class="form" data-testid="release-hold-form" on:submit=on_submit novalidate>
            <TextField label=move || a().release_reason field=Field::Reason value=reason form testid="release-reason" />
            <ErrorSlot form field=Field::Customer or=Field::User id="f-release-error" testid="release-error" />
            <FormError form />
            <button type="submit" class="primary" data-testid="release-hold">{move || a().release}</button>
        </form>
    }
}

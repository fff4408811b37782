//! The alerts list: today's alerts of every customer (the core's `alerts_scored`), filtered
//! by severity and rule (`?severity=severe` from the overview), worked in place: acknowledge,
//! snooze until a day. Acknowledged and snoozed alerts leave the list unless asked for.

use crate::i18n::alerts::{self as words, AlertsTexts};
use crate::ui::alerts::{is_open, portfolio_alerts, AlertItem};
use crate::ui::form::SelectField;
use crate::ui::use_app;
use creditdesk_core::alerts::Alert;
use creditdesk_core::policy::{AlertRule, AlertSeverity};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AlertsPage() -> impl IntoView {
    let state = use_app();
    let a = move || state.lang.get().alerts();
    let query = use_query_map();
    let severity = RwSignal::new(
        query
            .with_untracked(|q| q.get("severity"))
            .unwrap_or_default(),
    );
    let rule = RwSignal::new(query.with_untracked(|q| q.get("rule")).unwrap_or_default());
    let show_hidden = RwSignal::new(false);
    let saved = RwSignal::new(None::<String>);
    let alerts = portfolio_alerts();
    let shown = move || {
        let (severity, rule, hidden) = (severity.get(), rule.get(), show_hidden.get());
        alerts.with(|alerts| {
            (alerts.iter())
                .filter(|alert| hidden || is_open(alert))
                .filter(|alert| severity.is_empty() || alert.severity.token() == severity)
                .filter(|alert| rule.is_empty() || alert.rule.token() == rule)
                .take(200)
                .cloned()
                .collect::<Vec<Alert>>()
        })
    };
    view! {
        <section data-testid="alerts-page">
            <h1>{move || a().title}</h1>
            <p class="hint">{move || a().intro}</p>
            <div class="grid-fields">
                <SelectField label=move || a().filter_severity value=severity testid="filter-severity" options=severity_options() />
                <SelectField label=move || a().filter_rule value=rule testid="filter-rule" options=rule_options() />
            </div>
            <label class="check">
                <input type="checkbox" data-testid="show-hidden" prop:checked=move || show_hidden.get()
                    on:change=move |event| show_hidden.set(event_target_checked(&event)) />
                {move || a().show_hidden}
            </label>
            <p role="status" data-testid="alert-saved">{move || saved.get()}</p>
            {move || {
                let shown = shown();
                if shown.is_empty() {
                    return view! { <p data-testid="alerts-empty">{a().empty}</p> }.into_any();
                }
                let items = shown.into_iter().map(|alert| {
                    let name = state.portfolio.with_untracked(|p| {
                        (p.ledger.customer(alert.customer)).map_or(String::new(), |c| c.details.name.clone())
                    });
                    view! { <AlertItem alert customer_name=name saved /> }
                }).collect_view();
                view! { <ul class="alerts" data-testid="alerts-list">{items}</ul> }.into_any()
            }}
        </section>
    }
}

/// "All" and one option per value, labelled in the current language.
fn options<K: Copy + Send + Sync + 'static>(
    values: Vec<(&'static str, K)>,
    label: fn(&AlertsTexts, K) -> &'static str,
) -> Vec<(&'static str, TextProp)> {
    let state = use_app();
    let mut options = vec![(
        "",
        TextProp::from(move || state.lang.get().alerts().filter_all),
    )];
    for (code, value) in values {
        options.push((
            code,
            TextProp::from(move || label(state.lang.get().alerts(), value)),
        ));
    }
    options
}

fn severity_options() -> Vec<(&'static str, TextProp)> {
    let values = AlertSeverity::ALL
        .iter()
        .rev()
        .map(|s| (s.token(), *s))
        .collect();
    options(values, words::severity)
}

fn rule_options() -> Vec<(&'static str, TextProp)> {
    options(
        AlertRule::ALL.iter().map(|r| (r.token(), *r)).collect(),
        |t, rule| words::rule(t, rule),
    )
}

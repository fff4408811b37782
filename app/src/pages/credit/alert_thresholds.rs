//! The alert thresholds of the credit policy editor: the main figures of each rule and
//! whether severe alerts stop credit. The severities per rule keep their values.

use crate::i18n::alerts::AlertsTexts;
use crate::ui::form::{plain, Cell, Reader};
use crate::ui::use_app;
use creditdesk_core::policy::{AlertPolicy, AlertSeverity};
use leptos::prelude::*;

/// The cells, in the form's order.
#[derive(Clone)]
pub struct AlertCells {
    overdue_days: Cell,
    overdue_days_severe: Cell,
    leftover: Cell,
    overdue_amount: Cell,
    utilisation: Cell,
    score_drop: Cell,
    signal_days: Cell,
    promise_days: Cell,
    hold_on_severe: RwSignal<bool>,
}

impl AlertCells {
    pub fn new(policy: &AlertPolicy) -> AlertCells {
        let text = |value: String| RwSignal::new(value);
        AlertCells {
            overdue_days: text(policy.overdue_days.to_string()),
            overdue_days_severe: text(policy.overdue_days_severe.to_string()),
            leftover: text(plain(policy.leftover_max)),
            overdue_amount: text(plain(policy.overdue_amount)),
            utilisation: text(plain(policy.utilisation_percent)),
            score_drop: text(plain(policy.score_drop_points)),
            signal_days: text(policy.signal_days.to_string()),
            promise_days: text(policy.promise_days.to_string()),
            hold_on_severe: RwSignal::new(policy.holds(AlertSeverity::Severe)),
        }
    }

    /// The thresholds read over `current` (its severities per rule kept).
    pub fn read(&self, reader: &mut Reader, a: &AlertsTexts, current: &AlertPolicy) -> AlertPolicy {
        let mut hold_on: Vec<AlertSeverity> = (current.hold_on.iter())
            .copied()
            .filter(|severity| *severity != AlertSeverity::Severe)
            .collect();
        if self.hold_on_severe.get_untracked() {
            hold_on.push(AlertSeverity::Severe);
        }
        AlertPolicy {
            overdue_days: reader.count(&self.overdue_days, a.p_overdue_days),
            overdue_days_severe: reader.count(&self.overdue_days_severe, a.p_overdue_days_severe),
            leftover_max: reader.number(&self.leftover, a.p_leftover),
            overdue_amount: reader.number(&self.overdue_amount, a.p_overdue_amount),
            utilisation_percent: reader.number(&self.utilisation, a.p_utilisation),
            score_drop_points: reader.number(&self.score_drop, a.p_score_drop),
            signal_days: reader.count(&self.signal_days, a.p_signal_days),
            promise_days: reader.count(&self.promise_days, a.p_promise_days),
            severities: current.severities,
            instalment_missed: current.instalment_missed,
            hold_on,
        }
    }
}

fn threshold(label: &'static str, value: Cell, testid: &'static str) -> impl IntoView {
    view! {
        <div class="field"><label>{label}
            <input class="cell" inputmode="decimal" data-testid=testid prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
        </label></div>
    }
}

#[component]
pub fn AlertThresholds(cells: AlertCells) -> impl IntoView {
    let state = use_app();
    let a = state.lang.get_untracked().alerts();
    let hold = cells.hold_on_severe;
    view! {
        <fieldset class="field" data-testid="alert-thresholds">
            <legend>{a.policy_title}</legend>
            <p class="hint">{a.policy_hint}</p>
            <div class="grid-fields">
                {threshold(a.p_overdue_days, cells.overdue_days, "alert-overdue-days")}
                {threshold(a.p_overdue_days_severe, cells.overdue_days_severe, "alert-overdue-days-severe")}
                {threshold(a.p_leftover, cells.leftover, "alert-leftover")}
                {threshold(a.p_overdue_amount, cells.overdue_amount, "alert-overdue-amount")}
                {threshold(a.p_utilisation, cells.utilisation, "alert-utilisation")}
                {threshold(a.p_score_drop, cells.score_drop, "alert-score-drop")}
                {threshold(a.p_signal_days, cells.signal_days, "alert-signal-days")}
                {threshold(a.p_promise_days, cells.promise_days, "alert-promise-days")}
            </div>
            <label class="check">
                <input type="checkbox" data-testid="alert-hold-severe" prop:checked=move || hold.get()
                    on:change=move |event| hold.set(event_target_checked(&event)) />
                {a.p_hold_on_severe}
            </label>
        </fieldset>
    }
}

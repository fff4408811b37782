//! The credit file and the score card: investigation records with staleness, the explainable
//! score (contributions, Z″ and zone, ratios, payment behaviour, trend, data-quality flags)
//! and the what-if panel, which re-scores an edited copy of the inputs without saving.

use crate::i18n::{self, factor_name, fill, Texts};
use crate::ui::figures::css_percent;
use crate::ui::form::{plain, read_figure, SelectField};
use crate::ui::route::to;
use crate::ui::route::with_route_customer;
use crate::ui::statement::lines;
use crate::ui::{decimal, money, use_app};
use chrono::NaiveDate;
use creditdesk_core::base::display::format_decimal;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::credit::score::{self, RatioKind, Score, ScoreInputs, ZZone};
use creditdesk_core::credit::{CreditFiles, CreditRecord, FinancialStatement};
use creditdesk_core::policy::CreditPolicy;
use creditdesk_core::{Customer, Portfolio};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

/// A contribution's bar as a CSS width: half the chart for the largest contribution.
fn percent_width(value: Decimal, scale: Decimal) -> String {
    css_percent(value.abs().min(scale) / Decimal::TWO, scale)
}

fn figure(value: Option<Decimal>, decimals: u32, t: &Texts) -> String {
    value.map_or(t.not_available.to_string(), |value| {
        decimal(value, decimals)
    })
}

/// A ratio shown as a percentage, e.g. `60.0%`; "not available" without a sign.
fn percent(value: Option<Decimal>, t: &Texts) -> String {
    value.map_or(t.not_available.to_string(), |value| {
        crate::ui::percent(value * Decimal::ONE_HUNDRED)
    })
}

/// A contribution with its sign and one decimal, e.g. `+10.0` or `-35.0`.
fn signed(value: Decimal) -> String {
    let sign = if value.is_sign_negative() && !value.is_zero() {
        ""
    } else {
        "+"
    };
    format!("{sign}{}", decimal(value, 1))
}

fn zone_name(t: &Texts, zone: ZZone) -> &'static str {
    match zone {
        ZZone::Safe => t.zone_safe,
        ZZone::Grey => t.zone_grey,
        ZZone::Distress => t.zone_distress,
    }
}

#[component]
pub fn CreditFilePage() -> impl IntoView {
    with_route_customer(|portfolio, customer, today| {
        credit_view(portfolio, customer, today).into_any()
    })
}

fn credit_view(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let t = use_app().texts();
    let policy = portfolio.policy_on(today);
    let inputs = score::score_inputs(&portfolio.ledger, &portfolio.credit, customer, today);
    let current = score::score(&inputs, &policy);
    let history = score::score_history(
        &portfolio.ledger,
        &portfolio.credit,
        &portfolio.policies,
        customer,
        today,
        12,
    );
    let drop = score::grade_drop(&history);
    let base = format!("/customers/{}", customer.id.0);
    view! {
        <section data-testid="credit-file">
            <div class="title-row">
                <h1>{t.credit_file}" · "{customer.details.name.clone()}</h1>
                <A href=to(&base) attr:class="button">{t.back_to_customer}</A>
            </div>
            {drop.map(|(before, now)| view! {
                <p class="banner" role="alert" data-testid="grade-drop">{fill(t.grade_dropped, &[("from", before.letter()), ("to", now.letter())])}</p>
            })}
            <ScoreCard score=current policy=policy.clone() />
            <Trend history=history />
            <WhatIf inputs=inputs policy=policy.clone() />
            {records_view(&portfolio.credit, customer, today, &policy, &base)}
        </section>
    }
}

#[component]
pub fn ScoreCard(score: Score, policy: CreditPolicy) -> impl IntoView {
    let t = use_app().texts();
    let scale = score
        .contributions
        .iter()
        .map(|c| c.contribution.abs())
        .max()
        .unwrap_or_default();
    let bars = score
        .contributions
        .iter()
        .map(|contribution| {
            let width = percent_width(contribution.contribution, scale);
            let negative = contribution.contribution < Decimal::ZERO;
            let style = if negative { format!("width:{width}%;right:50%") } else { format!("width:{width}%;left:50%") };
            let points = contribution.points.map_or(t.not_available.to_string(), |p| decimal(p, 0));
            view! {
                <tr>
                    <th scope="row">{factor_name(t, contribution.factor)}</th>
                    <td class="num">{crate::ui::percent(contribution.weight_percent)}</td>
                    <td class="num">{points}</td>
                    <td class="chart-cell"><span class="axis"></span><span class=if negative { "bar neg" } else { "bar pos" } style=style></span></td>
                    <td class="num" data-testid=format!("contribution-{:?}", contribution.factor)>{signed(contribution.contribution)}</td>
                </tr>
            }
        })
        .collect_view();
    let flags = score
        .flags
        .iter()
        .map(|flag| view! { <li>{i18n::quality_flag(t, flag)}</li> })
        .collect_view();
    let has_flags = !score.flags.is_empty();
    view! {
        <article class="card" data-testid="score-card">
            <div class="figures">
                <div class="figure"><div class="label">{t.score}</div><div class="value" data-testid="score">{decimal(score.score, 1)}</div></div>
                <div class=format!("figure grade-{}", score.grade.letter())><div class="label">{t.grade}</div><div class="value" data-testid="grade">{score.grade.letter()}</div></div>
                <div class="figure"><div class="label">{t.pd}</div><div class="value" data-testid="pd">{crate::ui::percent(score.pd_percent)}</div></div>
                <div class="figure"><div class="label">{t.policy_version}</div><div class="value" data-testid="policy-version">{format!("v{}", score.policy_version)}</div></div>
            </div>
            <h2>{t.contributions}</h2>
            <p class="hint">{fill(t.contributions_help, &[("base", &decimal(score::base(), 0))])}</p>
            <div class="table-wrap">
                <table class="list contributions" data-testid="contributions">
                    <thead><tr><th scope="col">{t.factor}</th><th scope="col" class="num">{t.weight}</th><th scope="col" class="num">{t.points}</th><th scope="col">{t.chart}</th><th scope="col" class="num">{t.contribution}</th></tr></thead>
                    <tbody>{bars}</tbody>
                </table>
            </div>
            {has_flags.then(|| view! { <h2>{t.data_quality}</h2><ul class="flags" data-testid="quality-flags">{flags}</ul> })}
            {financials_view(&score, &policy)}
            {payment_view(&score)}
        </article>
    }
}

fn financials_view(score: &Score, policy: &CreditPolicy) -> impl IntoView {
    let t = use_app().texts();
    let z = score.z.clone();
    let ratio_rows = score::ratio_checks(&score.ratios, &policy.ratio_limits)
        .into_iter()
        .map(|check| {
            let (label, testid, as_percent) = match check.kind {
                RatioKind::DebtRatio => (t.debt_ratio, "ratio-debt", true),
                RatioKind::CurrentRatio => (t.current_ratio, "ratio-current", false),
                RatioKind::QuickRatio => (t.quick_ratio, "ratio-quick", false),
                RatioKind::NetMargin => (t.net_margin, "ratio-net-margin", true),
                RatioKind::InterestCover => (t.interest_cover, "ratio-interest-cover", false),
            };
            let show = |value: Option<Decimal>| if as_percent { percent(value, t) } else { figure(value, 2, t) };
            let limit = format!("{} {}", if check.limit_is_max { "≤" } else { "≥" }, show(Some(check.limit)));
            let class = if check.breached { "num warn" } else { "num" };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class=class data-testid=testid>{show(check.value)}</td>
                    <td class="num">{limit}{check.breached.then(|| view! { <span class="badge stale-badge" data-testid="ratio-breach">{t.beyond_limit}</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    let bands = policy
        .z_bands
        .iter()
        .map(|band| {
            let upper = band.upper.map_or("∞".to_string(), |upper| decimal(upper, 2));
            view! { <tr><td class="num">{format!("≤ {upper}")}</td><td class="num">{decimal(band.points, 0)}</td></tr> }
        })
        .collect_view();
    view! {
        <h2>{t.financial_strength}</h2>
        {match z {
            Some(z) => view! {
                <p data-testid="z-score">{format!("Z″ = {} · {}", decimal(z.z, 2), zone_name(t, z.zone))}
                    <span class="muted">{format!(" (X1 {} · X2 {} · X3 {} · X4 {})", decimal(z.x1, 3), decimal(z.x2, 3), decimal(z.x3, 3), decimal(z.x4, 3))}</span></p>
            }.into_any(),
            None => view! { <p data-testid="z-score">{format!("Z″: {}", t.not_available)}</p> }.into_any(),
        }}
        <div class="two-col">
            <table class="list" data-testid="ratios">
                <caption>{t.ratios}</caption>
                <thead><tr>
                    <th scope="col">{t.ratio}</th>
                    <th scope="col" class="num">{t.value}</th>
                    <th scope="col" class="num">{t.policy_limit}</th>
                </tr></thead>
                <tbody>{ratio_rows}</tbody>
            </table>
            <table class="list" data-testid="z-bands">
                <caption>{t.z_bands}</caption>
                <thead><tr><th scope="col" class="num">"Z″"</th><th scope="col" class="num">{t.points}</th></tr></thead>
                <tbody>{bands}</tbody>
            </table>
        </div>
    }
}

fn payment_view(score: &Score) -> impl IntoView {
    let t = use_app().texts();
    let payment = score.payment.clone();
    view! {
        <h2>{t.payment_behaviour}</h2>
        <dl class="master">
            <dt>{t.dbt_12m}</dt><dd>{figure(payment.dbt_weighted, 1, t)}</dd>
            <dt>{t.late_share}</dt><dd>{payment.late_share_percent.map_or(t.not_available.to_string(), crate::ui::percent)}</dd>
            <dt>{t.longest_overdue}</dt><dd>{payment.overdue_days_max}</dd>
            <dt>{t.trend_3_9}</dt><dd>{format!("{} / {}", figure(payment.dbt_recent_3m, 1, t), figure(payment.dbt_prior_9m, 1, t))}</dd>
            <dt>{t.relationship_months}</dt><dd>{score.relationship_months}</dd>
            <dt>{t.signal_penalty}</dt><dd>{decimal(score.signal_penalty, 1)}</dd>
        </dl>
    }
}

#[component]
fn Trend(history: Vec<(NaiveDate, Score)>) -> impl IntoView {
    let t = use_app().texts();
    let count = history.len().max(2) - 1;
    let points: Vec<String> = history
        .iter()
        .enumerate()
        .map(|(index, (_, score))| {
            format!(
                "{},{}",
                index * 300 / count,
                format_decimal(Decimal::ONE_HUNDRED - score.score, 1, NumberFormat::Point)
            )
        })
        .collect();
    let rows = history
        .iter()
        .map(|(date, score)| view! { <tr><td>{date.to_string()}</td><td class="num">{decimal(score.score, 1)}</td><td>{score.grade.letter()}</td></tr> })
        .collect_view();
    view! {
        <h2>{t.score_trend}</h2>
        <svg class="trend" viewBox="0 0 300 100" preserveAspectRatio="none" role="img" aria-label=t.score_trend data-testid="trend">
            <polyline fill="none" stroke="#1f4e79" stroke-width="2" points=points.join(" ") />
        </svg>
        <details>
            <summary>{t.show_numbers}</summary>
            <table class="list" data-testid="trend-table"><tbody>{rows}</tbody></table>
        </details>
    }
}

/// The what-if copy of the inputs: the typed statement lines over the stored statement (a
/// statement dated today when there was none) and the invoices marked paid today.
fn edited_inputs(
    inputs: &ScoreInputs,
    values: &[RwSignal<String>],
    overdue: &[usize],
    paid: &[RwSignal<bool>],
    t: &Texts,
) -> ScoreInputs {
    let mut changed = inputs.clone();
    let mut statement = changed.statement.clone().unwrap_or_default();
    for ((_, _, line), value) in lines(t).iter().zip(values) {
        if let Ok(parsed) = read_figure(&value.get()) {
            *line(&mut statement) = parsed;
        }
    }
    if changed.statement.is_some() || statement != FinancialStatement::default() {
        if changed.statement.is_none() {
            statement.period_end = changed.as_of;
        }
        changed.statement = Some(statement);
    }
    let paid: Vec<usize> = overdue
        .iter()
        .zip(paid)
        .filter(|(_, flag)| flag.get())
        .map(|(index, _)| *index)
        .collect();
    changed.with_paid_today(&paid)
}

#[component]
fn WhatIf(inputs: ScoreInputs, policy: CreditPolicy) -> impl IntoView {
    let state = use_app();
    let t = state.texts();
    let statement = inputs.statement.clone().unwrap_or_default();
    let values: Vec<RwSignal<String>> = lines(t)
        .iter()
        .map(|(_, _, line)| {
            let mut copy = statement.clone();
            RwSignal::new(line(&mut copy).map(plain).unwrap_or_default())
        })
        .collect();
    let overdue: Vec<usize> = inputs.overdue_invoices();
    let paid: Vec<RwSignal<bool>> = overdue.iter().map(|_| RwSignal::new(false)).collect();
    let horizon = RwSignal::new("0".to_string());
    let days = move || horizon.get().parse::<u32>().unwrap_or(0);
    let (inputs_for, values_for, paid_for, overdue_for) = (
        inputs.clone(),
        values.clone(),
        paid.clone(),
        overdue.clone(),
    );
    let scores = Memo::new(move |_| {
        let changed = edited_inputs(
            &inputs_for,
            &values_for,
            &overdue_for,
            &paid_for,
            state.texts(),
        );
        let ahead = days();
        let original = score::score(&inputs_for.ahead(ahead), &policy);
        (score::score(&changed.ahead(ahead), &policy), original)
    });
    let any_paid = {
        let paid = paid.clone();
        move || paid.iter().any(|flag| flag.get())
    };
    view! {
        <details class="card whatif" data-testid="what-if">
            <summary><h2 class="inline">{t.what_if}</h2></summary>
            <p class="hint">{t.what_if_help}</p>
            <HorizonSelect horizon />
            <p role="status" data-testid="whatif-result">{move || whatif_result(state.texts(), days(), &scores.get())}</p>
            <Show when=move || any_paid() && days() == 0>
                <p class="hint" data-testid="whatif-paid-note">{move || state.texts().whatif_paid_note}</p>
            </Show>
            <div class="grid-fields">{line_inputs(t, &values)}</div>
            <fieldset class="field"><legend>{t.whatif_invoices}</legend>{paid_boxes(t, &inputs, &overdue, &paid)}</fieldset>
        </details>
    }
}

/// The day the what-if scores are taken on: today, or 30 or 90 days on.
#[component]
fn HorizonSelect(horizon: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let options: Vec<(&'static str, TextProp)> = vec![
        ("0", TextProp::from(move || state.texts().whatif_today)),
        ("30", TextProp::from(move || state.texts().whatif_in_30)),
        ("90", TextProp::from(move || state.texts().whatif_in_90)),
    ];
    view! { <SelectField label=move || state.texts().whatif_horizon value=horizon options testid="whatif-horizon" /> }
}

/// "What-if score … now …", or, looked at later, the two scores on that day.
fn whatif_result(t: &Texts, days: u32, (now, original): &(Score, Score)) -> String {
    let text = if days == 0 {
        t.whatif_result
    } else {
        t.whatif_result_ahead
    };
    fill(
        text,
        &[
            ("days", &days.to_string()),
            ("score", &decimal(now.score, 1)),
            ("grade", now.grade.letter()),
            ("was", &decimal(original.score, 1)),
            ("was_grade", original.grade.letter()),
        ],
    )
}

/// The statement lines of the what-if panel, each marked invalid while it is not a number.
fn line_inputs(t: &Texts, values: &[RwSignal<String>]) -> impl IntoView {
    lines(t)
        .iter()
        .zip(values.iter())
        .enumerate()
        .map(|(index, ((_, label, _), value))| {
            let value = *value;
            let invalid = move || read_figure(&value.get()).is_err();
            view! {
                <div class="field">
                    <label for=format!("whatif-{index}")>{*label}</label>
                    <input id=format!("whatif-{index}") data-testid=format!("whatif-line-{index}") inputmode="decimal"
                        aria-invalid=move || if invalid() { "true" } else { "false" }
                        prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
                </div>
            }
        })
        .collect_view()
}

/// One "paid today" box per overdue invoice.
fn paid_boxes(
    t: &Texts,
    inputs: &ScoreInputs,
    overdue: &[usize],
    paid: &[RwSignal<bool>],
) -> impl IntoView {
    overdue
        .iter()
        .zip(paid.iter())
        .map(|(index, flag)| {
            let invoice = inputs.invoices[*index].clone();
            let flag = *flag;
            view! {
                <label class="check">
                    <input type="checkbox" data-testid="whatif-paid" prop:checked=move || flag.get() on:change=move |event| flag.set(event_target_checked(&event)) />
                    <span>{fill(t.whatif_mark_paid, &[("due", &invoice.due_date.to_string()), ("amount", &decimal(invoice.open, 2))])}</span>
                </label>
            }
        })
        .collect_view()
}

fn records_view(
    files: &CreditFiles,
    customer: &Customer,
    today: NaiveDate,
    policy: &CreditPolicy,
    base: &str,
) -> impl IntoView {
    let t = use_app().texts();
    let mut records: Vec<(NaiveDate, CreditRecord)> = files.of(customer.id).to_vec();
    records.sort_by_key(|(recorded, record)| std::cmp::Reverse((record.date(), *recorded)));
    let kind_of = |record: &CreditRecord| match record {
        CreditRecord::Statement(_) => "statement",
        CreditRecord::Report(_) => "report",
        CreditRecord::Reference(_) => "reference",
        CreditRecord::Visit(_) => "visit",
        CreditRecord::Signal(_) => "signal",
    };
    let sections = [
        ("statement", t.kind_statement, t.add_statement),
        ("report", t.kind_report, t.add_report),
        ("reference", t.kind_reference, t.add_reference),
        ("visit", t.kind_visit, t.add_visit),
        ("signal", t.kind_signal, t.add_signal),
    ]
    .into_iter()
    .map(|(kind, title, add)| {
        let rows: Vec<_> = records.iter().filter(|(_, record)| kind_of(record) == kind).collect();
        let empty = rows.is_empty();
        let rows = rows
            .into_iter()
            .map(|(recorded_on, record)| {
                let stale = score::stale_months(record, policy, today).is_some();
                view! {
                    <tr class=if stale { "stale" } else { "" }>
                        <td>{record.date().to_string()}</td>
                        <td>{i18n::record_kind(t, record)}</td>
                        <td>{i18n::record_summary(t, record, money)}</td>
                        <td>{stale.then(|| view! { <span class="badge stale-badge" data-testid="stale">{t.stale}</span> })}</td>
                        <td class="muted hide-narrow">{recorded_on.to_string()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="record-section" data-testid=format!("records-{kind}")>
                <div class="title-row">
                    <h3>{title}</h3>
                    <A href=to(&format!("{base}/credit/add/{kind}")) attr:class="button" attr:data-testid=format!("add-{kind}")>{add}</A>
                </div>
                {if empty {
                    view! { <p class="muted">{t.no_credit_records}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="list">
                                <thead><tr><th scope="col">{t.date_label}</th><th scope="col">{t.record_kind}</th><th scope="col">{t.details}</th><th scope="col">{t.status}</th><th scope="col" class="hide-narrow">{t.recorded_on}</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
        }
    })
    .collect_view();
    view! {
        <h2>{t.credit_records}</h2>
        <div data-testid="credit-records">{sections}</div>
    }
}

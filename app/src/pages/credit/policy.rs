//! The credit policy editor: factor weights, grade floors, PD per grade, staleness limits,
//! signal penalties, the Z″ / DBT / relationship bands and the external-rating mapping.
//! Saving proposes the next version; the core validates it and journals it, and every score
//! then shows the version it used.

use super::alert_thresholds::AlertThresholds;
use crate::i18n::{factor_name, fill, Texts};
use crate::ui::form::{plain, Cell, ErrorSlot, Form, FormError, Reader};
use crate::ui::route::to;
use crate::ui::use_app;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::policy::{Band, CreditPolicy, Factor, Grade, RatingPoints, RatioLimits};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

fn cell(value: Option<Decimal>) -> Cell {
    RwSignal::new(value.map(plain).unwrap_or_default())
}

fn cells(values: &[Decimal]) -> Vec<Cell> {
    values.iter().map(|value| cell(Some(*value))).collect()
}

/// Rows of a band table: (upper bound, points).
type BandRows = RwSignal<Vec<(Cell, Cell)>>;

/// Rows of the rating map: (agency, rating, points).
type RatingRows = RwSignal<Vec<(Cell, Cell, Cell)>>;

/// Reads numbered cells, each named "section · label" in its message.
fn numbers<const N: usize>(
    reader: &mut Reader,
    cells: &[Cell],
    labels: [&str; N],
    section: &str,
) -> [Decimal; N] {
    let mut values = [Decimal::ZERO; N];
    for (index, (value, label)) in values.iter_mut().zip(labels).enumerate() {
        *value = reader.number(&cells[index], &format!("{section} · {label}"));
    }
    values
}

fn bands(reader: &mut Reader, rows: &BandRows, section: &str) -> Vec<Band> {
    let (upper_word, points_word) = (reader.t.band_upper, reader.t.points);
    rows.get_untracked()
        .iter()
        .enumerate()
        .map(|(index, (upper, points))| Band {
            upper: reader.optional(upper, &format!("{section} · {upper_word} {}", index + 1)),
            points: reader.number(points, &format!("{section} · {points_word} {}", index + 1)),
        })
        .collect()
}

fn ratings(reader: &mut Reader, rows: &RatingRows) -> Vec<RatingPoints> {
    let t = reader.t;
    rows.get_untracked()
        .iter()
        .enumerate()
        .map(|(index, (agency, rating, points))| RatingPoints {
            agency: agency.get_untracked().trim().to_string(),
            rating: rating.get_untracked().trim().to_string(),
            points: reader.number(
                points,
                &format!("{} · {} {}", t.rating_map, t.points, index + 1),
            ),
        })
        .collect()
}

/// The policy form's cells, one per value of the scoring part of the policy.
#[derive(Clone)]
struct PolicyCells {
    weights: Vec<Cell>,
    floors: Vec<Cell>,
    pds: Vec<Cell>,
    penalties: Vec<Cell>,
    ratio_limits: Vec<Cell>,
    stale_statement: Cell,
    stale_report: Cell,
    fade: Cell,
    z_rows: BandRows,
    dbt_rows: BandRows,
    relationship_rows: BandRows,
    ratings: RatingRows,
    alerts: super::alert_thresholds::AlertCells,
}

impl PolicyCells {
    fn new(current: &CreditPolicy) -> PolicyCells {
        let limits = &current.ratio_limits;
        let rating_row = |r: &RatingPoints| {
            let text = |value: &str| RwSignal::new(value.to_string());
            (text(&r.agency), text(&r.rating), cell(Some(r.points)))
        };
        PolicyCells {
            weights: cells(&current.weights),
            floors: cells(&current.grade_floors),
            pds: cells(&current.pd_percent),
            penalties: cells(&current.signal_penalty),
            ratio_limits: cells(&[
                limits.debt_ratio_max,
                limits.current_ratio_min,
                limits.quick_ratio_min,
                limits.net_margin_min,
                limits.interest_cover_min,
            ]),
            stale_statement: RwSignal::new(current.statement_stale_months.to_string()),
            stale_report: RwSignal::new(current.report_stale_months.to_string()),
            fade: RwSignal::new(current.signal_fade_months.to_string()),
            z_rows: band_rows(&current.z_bands),
            dbt_rows: band_rows(&current.dbt_bands),
            relationship_rows: band_rows(&current.relationship_bands),
            ratings: RwSignal::new(current.rating_map.iter().map(rating_row).collect()),
            alerts: super::alert_thresholds::AlertCells::new(&current.alerts),
        }
    }

    /// The next version: the cells read over `current`, whose limit part (edited on its own
    /// form) is kept as it is.
    fn read(&self, reader: &mut Reader, current: CreditPolicy) -> CreditPolicy {
        let t = reader.t;
        let factor_labels = Factor::ALL.map(|factor| factor_name(t, factor));
        let ratio_labels = [
            t.debt_ratio,
            t.current_ratio,
            t.quick_ratio,
            t.net_margin,
            t.interest_cover,
        ];
        let severity_labels = [t.severity_low, t.severity_medium, t.severity_high];
        // Read in the form's order, so the messages come in the order of the cells.
        let weights = numbers(reader, &self.weights, factor_labels, t.weights);
        let grade_floors = numbers(reader, &self.floors, ["A", "B", "C", "D"], t.grade_floors);
        let pd_percent = numbers(reader, &self.pds, ["A", "B", "C", "D", "E"], t.pd_per_grade);
        let ratio = numbers(reader, &self.ratio_limits, ratio_labels, t.ratio_limits);
        let signal_penalty = numbers(reader, &self.penalties, severity_labels, t.signal_penalties);
        let a = crate::i18n::alerts_for(t);
        let alerts = self.alerts.read(reader, a, &current.alerts);
        CreditPolicy {
            version: current.version + 1,
            weights,
            grade_floors,
            pd_percent,
            signal_penalty,
            statement_stale_months: reader.count(&self.stale_statement, t.stale_statement_months),
            report_stale_months: reader.count(&self.stale_report, t.stale_report_months),
            signal_fade_months: reader.count(&self.fade, t.signal_fade),
            z_bands: bands(reader, &self.z_rows, t.z_bands),
            dbt_bands: bands(reader, &self.dbt_rows, t.dbt_bands),
            relationship_bands: bands(reader, &self.relationship_rows, t.relationship_bands),
            rating_map: ratings(reader, &self.ratings),
            ratio_limits: RatioLimits {
                debt_ratio_max: ratio[0],
                current_ratio_min: ratio[1],
                quick_ratio_min: ratio[2],
                net_margin_min: ratio[3],
                interest_cover_min: ratio[4],
            },
            limits: current.limits,
            alerts,
        }
    }
}

#[component]
fn NumberCell(value: Cell, label: String, testid: String) -> impl IntoView {
    view! { <input class="cell" inputmode="decimal" aria-label=label data-testid=testid prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) /> }
}

/// Rows of (upper bound, points); an empty upper bound means "no bound" (the last row).
#[component]
fn BandsEditor(title: &'static str, rows: BandRows, testid: &'static str) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        <fieldset class="field" data-testid=testid>
            <legend>{title}</legend>
            <table class="list compact">
                <thead><tr><th scope="col">{move || t().band_upper}</th><th scope="col">{move || t().points}</th><th></th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().enumerate().map(|(index, (upper, points))| view! {
                        <tr>
                            <td><NumberCell value=upper label=format!("{title} {} {}", t().band_upper, index + 1) testid=format!("{testid}-upper-{index}") /></td>
                            <td><NumberCell value=points label=format!("{title} {} {}", t().points, index + 1) testid=format!("{testid}-points-{index}") /></td>
                            <td><button type="button" on:click=move |_| rows.update(|rows| { rows.remove(index); })>{move || t().remove}</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" on:click=move |_| rows.update(|rows| rows.push((cell(None), cell(None))))>{move || t().add_row}</button>
        </fieldset>
    }
}

fn band_rows(bands: &[Band]) -> BandRows {
    RwSignal::new(
        bands
            .iter()
            .map(|band| (cell(band.upper), cell(Some(band.points))))
            .collect(),
    )
}

/// Rebuilt whenever the policy changes, so a saved version shows its own values at once.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let state = use_app();
    move || {
        let current = state.portfolio.with(|portfolio| portfolio.policy());
        view! { <PolicyForm current=current /> }
    }
}

#[component]
fn PolicyForm(current: CreditPolicy) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let cells = PolicyCells::new(&current);
    let form = Form::new();
    let cells_for_submit = cells.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // Read over the newest version, which is the one this form proposes to follow.
        let newest = state
            .portfolio
            .with_untracked(|portfolio| portfolio.policy());
        let Some(policy) = form.read(|reader| Some(cells_for_submit.read(reader, newest))) else {
            return;
        };
        let command = Command::ChangePolicy {
            date: state.today.get_untracked(),
            policy: Box::new(policy),
            by: state.acting(),
        };
        form.send(command, "/policy".to_string());
    };
    view! {
        <section data-testid="policy">
            <h1>{move || t().policy_title}</h1>
            <p>{move || fill(t().policy_current, &[("version", &current.version.to_string())])}</p>
            <p class="hint">{move || t().policy_help}</p>
            <p><A href=to("/policy/limits") attr:data-testid="open-limit-policy">{move || state.lang.get().desk().open_limit_policy}</A></p>
            <p><A href=to("/policy/collections") attr:data-testid="open-strategy">{move || state.lang.get().collections().open_strategy}</A></p>
            <p><A href=to("/policy/templates") attr:data-testid="open-templates">{move || state.lang.get().letters().templates_link}</A></p>
            <form class="form wide" data-testid="policy-form" on:submit=on_submit novalidate>
                <ScoringSections cells=cells.clone() />
                <BandsEditor title=t().z_bands rows=cells.z_rows testid="z-bands" />
                <BandsEditor title=t().dbt_bands rows=cells.dbt_rows testid="dbt-bands" />
                <BandsEditor title=t().relationship_bands rows=cells.relationship_rows testid="relationship-bands" />
                <RatingMap rows=cells.ratings />
                <AlertThresholds cells=cells.alerts.clone() />
                <ErrorSlot form field=Field::Policy id="f-policy-error" testid="policy-error" />
                <FormError form />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="save" disabled=move || state.saving.get()>{move || t().save_policy}</button>
                </div>
            </form>
        </section>
    }
}

/// One labelled number cell of a section.
fn row(label: String, value: Cell, testid: String) -> impl IntoView {
    view! {
        <div class="field"><label>{label.clone()}<NumberCell value=value label=label.clone() testid=testid /></label></div>
    }
}

/// Numbered cells under their labels: `{prefix}-{index}` test ids.
fn rows(labels: Vec<String>, cells: Vec<Cell>, prefix: &'static str) -> impl IntoView {
    labels
        .into_iter()
        .zip(cells)
        .enumerate()
        .map(|(i, (label, value))| row(label, value, format!("{prefix}-{i}")))
        .collect_view()
}

/// Weights, grade floors, PD, staleness, signal penalties and ratio limits.
#[component]
fn ScoringSections(cells: PolicyCells) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let texts: &Texts = state.texts();
    let names = |labels: &[&str]| {
        labels
            .iter()
            .map(|label| label.to_string())
            .collect::<Vec<_>>()
    };
    let factors = Factor::ALL
        .map(|factor| factor_name(texts, factor).to_string())
        .to_vec();
    let grades = Grade::ALL.map(|grade| grade.letter().to_string()).to_vec();
    let severities = names(&[
        texts.severity_low,
        texts.severity_medium,
        texts.severity_high,
    ]);
    let ratios = names(&[
        texts.debt_ratio,
        texts.current_ratio,
        texts.quick_ratio,
        texts.net_margin,
        texts.interest_cover,
    ]);
    view! {
        <fieldset class="field"><legend>{move || t().weights}</legend>
            <div class="grid-fields">{rows(factors, cells.weights, "weight")}</div>
        </fieldset>
        <fieldset class="field"><legend>{move || t().grade_floors}</legend>
            <div class="grid-fields">{rows(grades.clone(), cells.floors, "floor")}</div>
        </fieldset>
        <fieldset class="field"><legend>{move || t().pd_per_grade}</legend>
            <div class="grid-fields">{rows(grades, cells.pds, "pd")}</div>
        </fieldset>
        <fieldset class="field"><legend>{move || t().staleness}</legend>
            <div class="grid-fields">
                {row(texts.stale_statement_months.to_string(), cells.stale_statement, "stale-statement".into())}
                {row(texts.stale_report_months.to_string(), cells.stale_report, "stale-report".into())}
            </div>
        </fieldset>
        <fieldset class="field"><legend>{move || t().signal_penalties}</legend>
            <div class="grid-fields">
                {rows(severities, cells.penalties, "penalty")}
                {row(texts.signal_fade.to_string(), cells.fade, "fade".into())}
            </div>
        </fieldset>
        <fieldset class="field"><legend>{move || t().ratio_limits}</legend>
            <p class="hint">{move || t().ratio_limits_help}</p>
            <div class="grid-fields">{rows(ratios, cells.ratio_limits, "limit")}</div>
        </fieldset>
    }
}

/// The external-rating mapping: (agency, rating, points) rows; `*` matches any agency.
#[component]
fn RatingMap(rows: RatingRows) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        <fieldset class="field" data-testid="rating-map">
            <legend>{move || t().rating_map}</legend>
            <table class="list compact">
                <thead><tr><th scope="col">{move || t().agency}</th><th scope="col">{move || t().rating}</th><th scope="col">{move || t().points}</th><th></th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().enumerate().map(|(index, (agency, rating, points))| view! {
                        <tr>
                            <td><input class="cell" aria-label=format!("{} {}", t().agency, index + 1) prop:value=move || agency.get() on:input=move |e| agency.set(event_target_value(&e)) /></td>
                            <td><input class="cell" aria-label=format!("{} {}", t().rating, index + 1) prop:value=move || rating.get() on:input=move |e| rating.set(event_target_value(&e)) /></td>
                            <td><NumberCell value=points label=format!("{} {}", t().points, index + 1) testid=format!("rating-points-{index}") /></td>
                            <td><button type="button" on:click=move |_| rows.update(|rows| { rows.remove(index); })>{move || t().remove}</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" on:click=move |_| rows.update(|rows| rows.push((RwSignal::new("*".into()), RwSignal::new(String::new()), cell(None))))>{move || t().add_row}</button>
        </fieldset>
    }
}

//! The credit policy editor: factor weights, grade floors, PD per grade, staleness limits,
//! signal penalties, the Z″ / DBT / relationship bands and the external-rating mapping.
//! Saving proposes the next version; the core validates it and journals it, and every score
//! then shows the version it used.

use super::credit::factor_name;
use super::forms::{send, Errors, FormError};
use crate::i18n::{fill, Texts};
use crate::ui::use_app;
use creditdesk_core::base::input::parse_optional_figure;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::policy::{Band, CreditPolicy, Factor, Grade, RatingPoints, RatioLimits};
use leptos::prelude::*;
use rust_decimal::Decimal;

pub(super) type Cell = RwSignal<String>;

fn cell(value: Option<Decimal>) -> Cell {
    RwSignal::new(value.map(|v| v.normalize().to_string()).unwrap_or_default())
}

/// Reads the policy form's cells, collecting one message per cell that is not a number, so
/// the message names the cell instead of a rule the typo happened to break.
pub(super) struct CellReader<'a> {
    pub(super) t: &'a Texts,
    pub(super) problems: Vec<String>,
}

impl CellReader<'_> {
    fn complain(&mut self, label: &str) {
        self.problems
            .push(fill(self.t.err_policy_cell, &[("cell", label)]));
    }

    pub(super) fn number(&mut self, cell: &Cell, label: &str) -> Decimal {
        match parse_optional_figure(&cell.get_untracked()) {
            Ok(Some(value)) => value,
            _ => {
                self.complain(label);
                Decimal::ZERO
            }
        }
    }

    /// An empty cell is `None` (an unbounded band); anything else must be a number.
    pub(super) fn optional(&mut self, cell: &Cell, label: &str) -> Option<Decimal> {
        parse_optional_figure(&cell.get_untracked()).unwrap_or_else(|_| {
            self.complain(label);
            None
        })
    }

    pub(super) fn months(&mut self, cell: &Cell, label: &str) -> u32 {
        cell.get_untracked().trim().parse().unwrap_or_else(|_| {
            self.complain(label);
            0
        })
    }

    /// Exchange rates may carry more decimals than money (JPY 0.047).
    pub(super) fn rate(&mut self, cell: &Cell, label: &str) -> Decimal {
        let text: String = cell
            .get_untracked()
            .trim()
            .chars()
            .filter(|c| *c != ',')
            .collect();
        Decimal::from_str_exact(&text).unwrap_or_else(|_| {
            self.complain(label);
            Decimal::ZERO
        })
    }

    fn numbers<const N: usize>(
        &mut self,
        cells: &[Cell],
        labels: [&str; N],
        section: &str,
    ) -> [Decimal; N] {
        let mut values = [Decimal::ZERO; N];
        for (index, (value, label)) in values.iter_mut().zip(labels).enumerate() {
            *value = self.number(&cells[index], &format!("{section} · {label}"));
        }
        values
    }

    fn bands(&mut self, rows: &RwSignal<Vec<(Cell, Cell)>>, section: &str) -> Vec<Band> {
        rows.get_untracked()
            .iter()
            .enumerate()
            .map(|(index, (upper, points))| Band {
                upper: self.optional(
                    upper,
                    &format!("{section} · {} {}", self.t.band_upper, index + 1),
                ),
                points: self.number(
                    points,
                    &format!("{section} · {} {}", self.t.points, index + 1),
                ),
            })
            .collect()
    }
}

#[component]
fn NumberCell(value: Cell, label: String, testid: String) -> impl IntoView {
    view! { <input class="cell" inputmode="decimal" aria-label=label data-testid=testid prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) /> }
}

/// Rows of (upper bound, points); an empty upper bound means "no bound" (the last row).
#[component]
fn BandsEditor(
    title: &'static str,
    rows: RwSignal<Vec<(Cell, Cell)>>,
    testid: &'static str,
) -> impl IntoView {
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

fn band_rows(bands: &[Band]) -> RwSignal<Vec<(Cell, Cell)>> {
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
    let weights: Vec<Cell> = current.weights.iter().map(|w| cell(Some(*w))).collect();
    let floors: Vec<Cell> = current
        .grade_floors
        .iter()
        .map(|f| cell(Some(*f)))
        .collect();
    let pds: Vec<Cell> = current.pd_percent.iter().map(|p| cell(Some(*p))).collect();
    let penalties: Vec<Cell> = current
        .signal_penalty
        .iter()
        .map(|p| cell(Some(*p)))
        .collect();
    let stale_statement = RwSignal::new(current.statement_stale_months.to_string());
    let stale_report = RwSignal::new(current.report_stale_months.to_string());
    let fade = RwSignal::new(current.signal_fade_months.to_string());
    let limits = &current.ratio_limits;
    let limit_cells: Vec<Cell> = [
        limits.debt_ratio_max,
        limits.current_ratio_min,
        limits.quick_ratio_min,
        limits.net_margin_min,
        limits.interest_cover_min,
    ]
    .iter()
    .map(|value| cell(Some(*value)))
    .collect();
    let z_rows = band_rows(&current.z_bands);
    let dbt_rows = band_rows(&current.dbt_bands);
    let relationship_rows = band_rows(&current.relationship_bands);
    let ratings = RwSignal::new(
        current
            .rating_map
            .iter()
            .map(|r| {
                (
                    RwSignal::new(r.agency.clone()),
                    RwSignal::new(r.rating.clone()),
                    cell(Some(r.points)),
                )
            })
            .collect::<Vec<_>>(),
    );
    let errors: Errors = RwSignal::new(Vec::new());
    let form_error = RwSignal::new(None);
    let (w, f, p, pen) = (
        weights.clone(),
        floors.clone(),
        pds.clone(),
        penalties.clone(),
    );
    let limit_cells_for = limit_cells.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form_error.set(None);
        let texts = state.texts();
        let mut reader = CellReader {
            t: texts,
            problems: Vec::new(),
        };
        let factor_labels = Factor::ALL.map(|factor| factor_name(texts, factor));
        let weights = reader.numbers(&w, factor_labels, texts.weights);
        let floors = reader.numbers(&f, ["A", "B", "C", "D"], texts.grade_floors);
        let pds = reader.numbers(&p, ["A", "B", "C", "D", "E"], texts.pd_per_grade);
        let limit_values = reader.numbers(
            &limit_cells_for,
            [
                texts.debt_ratio,
                texts.current_ratio,
                texts.quick_ratio,
                texts.net_margin,
                texts.interest_cover,
            ],
            texts.ratio_limits,
        );
        let penalties = reader.numbers(
            &pen,
            [
                texts.severity_low,
                texts.severity_medium,
                texts.severity_high,
            ],
            texts.signal_penalties,
        );
        let statement_stale_months = reader.months(&stale_statement, texts.stale_statement_months);
        let report_stale_months = reader.months(&stale_report, texts.stale_report_months);
        let signal_fade_months = reader.months(&fade, texts.signal_fade);
        let z_bands = reader.bands(&z_rows, texts.z_bands);
        let dbt_bands = reader.bands(&dbt_rows, texts.dbt_bands);
        let relationship_bands = reader.bands(&relationship_rows, texts.relationship_bands);
        let rating_map: Vec<RatingPoints> = ratings
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(index, (agency, rating, points))| RatingPoints {
                agency: agency.get_untracked().trim().to_string(),
                rating: rating.get_untracked().trim().to_string(),
                points: reader.number(
                    points,
                    &format!("{} · {} {}", texts.rating_map, texts.points, index + 1),
                ),
            })
            .collect();
        if !reader.problems.is_empty() {
            errors.set(vec![(Field::Policy, reader.problems.join(" "))]);
            return;
        }
        let next = state
            .portfolio
            .with_untracked(|portfolio| portfolio.policy().version + 1);
        let policy = CreditPolicy {
            version: next,
            weights,
            grade_floors: floors,
            pd_percent: pds,
            statement_stale_months,
            report_stale_months,
            z_bands,
            dbt_bands,
            relationship_bands,
            signal_penalty: penalties,
            signal_fade_months,
            rating_map,
            ratio_limits: RatioLimits {
                debt_ratio_max: limit_values[0],
                current_ratio_min: limit_values[1],
                quick_ratio_min: limit_values[2],
                net_margin_min: limit_values[3],
                interest_cover_min: limit_values[4],
            },
            // The limit part is edited on its own form; this form keeps it as it is.
            limits: state
                .portfolio
                .with_untracked(|portfolio| portfolio.policy().limits),
        };
        send(
            Command::ChangePolicy {
                date: state.today.get_untracked(),
                policy: Box::new(policy),
            },
            errors,
            form_error,
            "/policy".to_string(),
        );
    };
    let policy_error = move || {
        errors.with(|e| {
            e.iter()
                .map(|(_, m)| m.clone())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let row = |label: String, value: Cell, testid: String| {
        view! {
            <div class="field"><label>{label.clone()}<NumberCell value=value label=label.clone() testid=testid /></label></div>
        }
    };
    let texts = state.texts();
    view! {
        <section data-testid="policy">
            <h1>{move || t().policy_title}</h1>
            <p>{move || crate::i18n::fill(t().policy_current, &[("version", &current.version.to_string())])}</p>
            <p class="hint">{move || t().policy_help}</p>
            <p><leptos_router::components::A href="/policy/limits" attr:data-testid="open-limit-policy">{move || state.lang.get().desk().open_limit_policy}</leptos_router::components::A></p>
            <form class="form wide" data-testid="policy-form" on:submit=on_submit novalidate>
                <fieldset class="field"><legend>{move || t().weights}</legend>
                    <div class="grid-fields">{Factor::ALL.iter().zip(weights).enumerate().map(|(i, (factor, value))| row(factor_name(texts, *factor).to_string(), value, format!("weight-{i}"))).collect_view()}</div>
                </fieldset>
                <fieldset class="field"><legend>{move || t().grade_floors}</legend>
                    <div class="grid-fields">{Grade::ALL.iter().zip(floors).enumerate().map(|(i, (grade, value))| row(grade.letter().to_string(), value, format!("floor-{i}"))).collect_view()}</div>
                </fieldset>
                <fieldset class="field"><legend>{move || t().pd_per_grade}</legend>
                    <div class="grid-fields">{Grade::ALL.iter().zip(pds).enumerate().map(|(i, (grade, value))| row(grade.letter().to_string(), value, format!("pd-{i}"))).collect_view()}</div>
                </fieldset>
                <fieldset class="field"><legend>{move || t().staleness}</legend>
                    <div class="grid-fields">
                        {row(texts.stale_statement_months.to_string(), stale_statement, "stale-statement".into())}
                        {row(texts.stale_report_months.to_string(), stale_report, "stale-report".into())}
                    </div>
                </fieldset>
                <fieldset class="field"><legend>{move || t().signal_penalties}</legend>
                    <div class="grid-fields">
                        {[texts.severity_low, texts.severity_medium, texts.severity_high].into_iter().zip(penalties).enumerate().map(|(i, (label, value))| row(label.to_string(), value, format!("penalty-{i}"))).collect_view()}
                        {row(texts.signal_fade.to_string(), fade, "fade".into())}
                    </div>
                </fieldset>
                <fieldset class="field"><legend>{move || t().ratio_limits}</legend>
                    <p class="hint">{move || t().ratio_limits_help}</p>
                    <div class="grid-fields">
                        {[texts.debt_ratio, texts.current_ratio, texts.quick_ratio, texts.net_margin, texts.interest_cover]
                            .into_iter()
                            .zip(limit_cells)
                            .enumerate()
                            .map(|(i, (label, value))| row(label.to_string(), value, format!("limit-{i}")))
                            .collect_view()}
                    </div>
                </fieldset>
                <BandsEditor title=texts.z_bands rows=z_rows testid="z-bands" />
                <BandsEditor title=texts.dbt_bands rows=dbt_rows testid="dbt-bands" />
                <BandsEditor title=texts.relationship_bands rows=relationship_rows testid="relationship-bands" />
                <fieldset class="field" data-testid="rating-map">
                    <legend>{move || t().rating_map}</legend>
                    <table class="list compact">
                        <thead><tr><th scope="col">{move || t().agency}</th><th scope="col">{move || t().rating}</th><th scope="col">{move || t().points}</th><th></th></tr></thead>
                        <tbody>
                            {move || ratings.get().into_iter().enumerate().map(|(index, (agency, rating, points))| view! {
                                <tr>
                                    <td><input class="cell" aria-label=format!("{} {}", t().agency, index + 1) prop:value=move || agency.get() on:input=move |e| agency.set(event_target_value(&e)) /></td>
                                    <td><input class="cell" aria-label=format!("{} {}", t().rating, index + 1) prop:value=move || rating.get() on:input=move |e| rating.set(event_target_value(&e)) /></td>
                                    <td><NumberCell value=points label=format!("{} {}", t().points, index + 1) testid=format!("rating-points-{index}") /></td>
                                    <td><button type="button" on:click=move |_| ratings.update(|rows| { rows.remove(index); })>{move || t().remove}</button></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <button type="button" on:click=move |_| ratings.update(|rows| rows.push((RwSignal::new("*".into()), RwSignal::new(String::new()), cell(None))))>{move || t().add_row}</button>
                </fieldset>
                <small class="field-error" data-testid="policy-error" role="alert">{policy_error}</small>
                <FormError error=form_error />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="save" disabled=move || state.saving.get()>{move || t().save_policy}</button>
                </div>
            </form>
        </section>
    }
}

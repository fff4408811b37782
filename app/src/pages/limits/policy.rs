//! The limit policy editor: per-grade terms (maximum limit, terms, security, review, overdue
//! tolerance, warning utilisation, capacity shares), the authority matrix, exchange rates, how
//! methods combine, grace days and the rounding step. Saving proposes the next policy version
//! with the rest of the policy unchanged; the core validates it.

use crate::i18n::{fill, vocab, DeskTexts};
use crate::ui::form::{plain, Cell, ErrorSlot, Form, FormError, Reader};
use crate::ui::use_app;
use creditdesk_core::base::money::KNOWN_CURRENCIES;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::policy::Grade;
use creditdesk_core::policy::{
    AuthorityBand, Combination, FxRate, GradeTerms, LimitPolicy, Security,
};
use creditdesk_core::team::Role;
use creditdesk_core::Currency;
use leptos::prelude::*;

fn cell(text: String) -> Cell {
    RwSignal::new(text)
}

/// The cells of one grade's row, in column order.
type GradeCells = [Cell; 8];

fn grade_cells(terms: &GradeTerms) -> GradeCells {
    let security = Security::ALL
        .iter()
        .position(|s| *s == terms.security)
        .unwrap_or(0);
    [
        cell(plain(terms.limit_max)),
        cell(terms.terms_days_max.to_string()),
        cell(security.to_string()),
        cell(terms.review_months.to_string()),
        cell(terms.overdue_tolerance_days.to_string()),
        cell(plain(terms.warning_utilisation_percent)),
        cell(plain(terms.net_worth_percent)),
        cell(plain(terms.working_capital_percent)),
    ]
}

fn column_labels(d: &DeskTexts) -> [&'static str; 8] {
    [
        d.pol_limit_max,
        d.pol_terms_max,
        d.pol_security,
        d.pol_review_months,
        d.pol_tolerance,
        d.pol_warning,
        d.pol_net_worth,
        d.pol_working_capital,
    ]
}

fn read_grade(reader: &mut Reader, d: &DeskTexts, grade: Grade, cells: &GradeCells) -> GradeTerms {
    let labels = column_labels(d);
    let label = |index: usize| format!("{} {} · {}", d.grade_word, grade.letter(), labels[index]);
    let security_index: usize = cells[2].get_untracked().parse().unwrap_or(0);
    GradeTerms {
        limit_max: reader.number(&cells[0], &label(0)),
        terms_days_max: reader.count(&cells[1], &label(1)),
        security: Security::ALL
            .get(security_index)
            .copied()
            .unwrap_or(Security::None),
        review_months: reader.count(&cells[3], &label(3)),
        overdue_tolerance_days: reader.count(&cells[4], &label(4)),
        warning_utilisation_percent: reader.number(&cells[5], &label(5)),
        net_worth_percent: reader.number(&cells[6], &label(6)),
        working_capital_percent: reader.number(&cells[7], &label(7)),
    }
}

#[component]
pub fn LimitPolicyPage() -> impl IntoView {
    let state = use_app();
    move || {
        let current = state.portfolio.with(|portfolio| portfolio.policy());
        view! { <LimitPolicyForm version=current.version limits=current.limits /> }
    }
}

#[component]
fn Cells(cells: GradeCells, grade: Grade) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let letter = grade.letter();
    let [c0, c1, c2, c3, c4, c5, c6, c7] = cells;
    let input = move |value: Cell, index: usize| {
        view! {
            <td><input class="cell" inputmode="decimal" data-testid=format!("grade-{letter}-{index}")
                aria-label=move || format!("{} {letter} · {}", d().grade_word, column_labels(d())[index])
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) /></td>
        }
    };
    view! {
        <tr>
            <th scope="row">{letter}</th>
            {input(c0, 0)}
            {input(c1, 1)}
            <td>
                <select data-testid=format!("grade-{letter}-2") aria-label=move || format!("{} {letter} · {}", d().grade_word, d().pol_security)
                    prop:value=move || c2.get() on:change=move |e| c2.set(event_target_value(&e))>
                    {move || {
                        let v = state.lang.get().vocab();
                        Security::ALL.iter().enumerate().map(|(index, security)| view! {
                            <option value=index.to_string() selected={c2.get_untracked() == index.to_string()}>{vocab::security(v, *security)}</option>
                        }).collect_view()
                    }}
                </select>
            </td>
            {input(c3, 3)}
            {input(c4, 4)}
            {input(c5, 5)}
            {input(c6, 6)}
            {input(c7, 7)}
        </tr>
    }
}

/// Rows of (cell, cell): the authority matrix (up to, role) and the rates (currency, rate).
type PairRows = RwSignal<Vec<(Cell, Cell)>>;

/// The limit policy form's cells.
#[derive(Clone)]
struct LimitCells {
    grades: Vec<GradeCells>,
    authority: PairRows,
    rates: PairRows,
    combination: Cell,
    grace: Cell,
    step: Cell,
}

impl LimitCells {
    fn new(limits: &LimitPolicy) -> LimitCells {
        let authority = limits.authority.iter().map(|band| {
            let up_to = band.up_to.map(plain).unwrap_or_default();
            (cell(up_to), cell(band.role.token().to_string()))
        });
        let rates = limits.fx_rates.iter().map(|rate| {
            (
                cell(rate.currency.code().to_string()),
                cell(plain(rate.rate)),
            )
        });
        LimitCells {
            grades: limits.grades.iter().map(grade_cells).collect(),
            authority: RwSignal::new(authority.collect()),
            rates: RwSignal::new(rates.collect()),
            combination: cell(match limits.combination {
                Combination::Lowest => "lowest".into(),
                Combination::Average => "average".into(),
            }),
            grace: cell(limits.grace_days.to_string()),
            step: cell(plain(limits.rounding_step)),
        }
    }

    fn read(
        &self,
        reader: &mut Reader,
        d: &DeskTexts,
        base_currency: Currency,
    ) -> Option<LimitPolicy> {
        let terms: Vec<GradeTerms> = Grade::ALL
            .iter()
            .zip(&self.grades)
            .map(|(grade, cells)| read_grade(reader, d, *grade, cells))
            .collect();
        let authority = read_authority(reader, d, &self.authority);
        let fx_rates = read_rates(reader, d, &self.rates);
        let grace_days = reader.count(&self.grace, d.pol_grace);
        let rounding_step = reader.number(&self.step, d.pol_step);
        Some(LimitPolicy {
            base_currency,
            fx_rates,
            grades: <[GradeTerms; 5]>::try_from(terms).ok()?,
            authority,
            combination: if self.combination.get_untracked() == "average" {
                Combination::Average
            } else {
                Combination::Lowest
            },
            grace_days,
            rounding_step,
        })
    }
}

fn read_authority(reader: &mut Reader, d: &DeskTexts, rows: &PairRows) -> Vec<AuthorityBand> {
    rows.get_untracked()
        .iter()
        .enumerate()
        .map(|(index, (up_to, role))| AuthorityBand {
            up_to: reader.optional(
                up_to,
                &format!("{} {} · {}", d.pol_authority, index + 1, d.pol_up_to),
            ),
            role: Role::from_token(&role.get_untracked()).unwrap_or(Role::Director),
        })
        .collect()
}

/// A rate whose currency is not known is left out (the select offers only known ones).
fn read_rates(reader: &mut Reader, d: &DeskTexts, rows: &PairRows) -> Vec<FxRate> {
    rows.get_untracked()
        .iter()
        .enumerate()
        .filter_map(|(index, (code, rate))| {
            let label = format!("{} {} · {}", d.pol_fx, index + 1, d.pol_rate);
            let value = reader.rate(rate, &label);
            Currency::parse(&code.get_untracked()).map(|currency| FxRate {
                currency,
                rate: value,
            })
        })
        .collect()
}

#[component]
fn LimitPolicyForm(version: u32, limits: LimitPolicy) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let cells = LimitCells::new(&limits);
    let form = Form::new();
    let saved = RwSignal::new(false);
    let base_currency = limits.base_currency;
    let cells_for_submit = cells.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        let read = |reader: &mut Reader| cells_for_submit.read(reader, d(), base_currency);
        let Some(limits) = form.read(read) else {
            return;
        };
        let mut policy = state
            .portfolio
            .with_untracked(|portfolio| portfolio.policy());
        policy.version = version.saturating_add(1);
        policy.limits = limits;
        let command = Command::ChangePolicy {
            date: state.today.get_untracked(),
            policy: Box::new(policy),
            by: state.acting(),
        };
        form.submit(command, move || {
            saved.try_set(true);
        });
    };
    view! {
        <section data-testid="limit-policy">
            <h1>{move || d().limit_policy_title}</h1>
            <p data-testid="limit-policy-version">{move || fill(state.texts().policy_current, &[("version", &version.to_string())])}</p>
            <p class="hint">{move || fill(d().limit_policy_help, &[("base", base_currency.code())])}</p>
            <form class="form wide" data-testid="limit-policy-form" on:submit=on_submit novalidate>
                <GradeTable grades=cells.grades.clone() />
                <AuthorityEditor rows=cells.authority />
                <RatesEditor rows=cells.rates />
                <MethodSection combination=cells.combination grace=cells.grace step=cells.step />
                <ErrorSlot form field=Field::Policy id="f-policy-error" testid="policy-error" />
                <FormError form />
                {move || saved.get().then(|| view! { <p role="status" data-testid="policy-saved">{d().policy_saved}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" data-testid="save" disabled=move || state.saving.get()>{move || state.texts().save_policy}</button>
                </div>
            </form>
        </section>
    }
}

/// Each grade's terms, one row per grade.
#[component]
fn GradeTable(grades: Vec<GradeCells>) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let grade_rows = Grade::ALL
        .iter()
        .zip(grades)
        .map(|(grade, cells)| view! { <Cells cells=cells grade=*grade /> })
        .collect_view();
    view! {
        <fieldset class="field"><legend>{move || d().pol_grades}</legend>
            <div class="table-wrap">
                <table class="list compact" data-testid="grade-terms">
                    <thead><tr>
                        <th scope="col">{move || d().grade_word}</th>
                        {move || column_labels(d()).into_iter().map(|label| view! { <th scope="col">{label}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{grade_rows}</tbody>
                </table>
            </div>
        </fieldset>
    }
}

/// How the methods combine, the grace days and the rounding step.
#[component]
fn MethodSection(combination: Cell, grace: Cell, step: Cell) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    view! {
        <fieldset class="field"><legend>{move || d().pol_method}</legend>
            <div class="grid-fields">
                <div class="field"><label>{move || d().pol_combination}
                    <select data-testid="combination" prop:value=move || combination.get() on:change=move |e| combination.set(event_target_value(&e))>
                        {move || {
                            let v = state.lang.get().vocab();
                            [("lowest", Combination::Lowest), ("average", Combination::Average)].into_iter().map(|(token, which)| view! {
                                <option value=token selected={combination.get_untracked() == token}>{vocab::combination(v, which)}</option>
                            }).collect_view()
                        }}
                    </select>
                </label></div>
                <div class="field"><label>{move || d().pol_grace}
                    <input class="cell" inputmode="numeric" data-testid="grace" prop:value=move || grace.get() on:input=move |e| grace.set(event_target_value(&e)) />
                </label></div>
                <div class="field"><label>{move || d().pol_step}
                    <input class="cell" inputmode="decimal" data-testid="step" prop:value=move || step.get() on:input=move |e| step.set(event_target_value(&e)) />
                </label></div>
            </div>
        </fieldset>
    }
}

#[component]
fn AuthorityEditor(rows: PairRows) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let t = move || state.texts();
    view! {
        <fieldset class="field" data-testid="authority">
            <legend>{move || d().pol_authority}</legend>
            <p class="hint">{move || d().pol_authority_help}</p>
            <table class="list compact">
                <thead><tr><th scope="col">{move || d().pol_up_to}</th><th scope="col">{move || d().col_role}</th><th></th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().enumerate().map(|(index, (up_to, role))| view! {
                        <tr>
                            <td><input class="cell" inputmode="decimal" data-testid=format!("authority-up-to-{index}")
                                aria-label=format!("{} {} · {}", d().pol_authority, index + 1, d().pol_up_to)
                                prop:value=move || up_to.get() on:input=move |e| up_to.set(event_target_value(&e)) /></td>
                            <td><select data-testid=format!("authority-role-{index}") aria-label=format!("{} {} · {}", d().pol_authority, index + 1, d().col_role)
                                prop:value=move || role.get() on:change=move |e| role.set(event_target_value(&e))>
                                {Role::ALL.iter().map(|r| view! {
                                    <option value=r.token() selected={role.get_untracked() == r.token()}>{vocab::role(state.lang.get_untracked().vocab(), *r)}</option>
                                }).collect_view()}
                            </select></td>
                            <td><button type="button" data-testid=format!("authority-remove-{index}") on:click=move |_| rows.update(|rows| { rows.remove(index); })>{move || t().remove}</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" data-testid="authority-add" on:click=move |_| rows.update(|rows| rows.push((cell(String::new()), cell(Role::Director.token().into()))))>{move || t().add_row}</button>
        </fieldset>
    }
}

#[component]
fn RatesEditor(rows: PairRows) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let t = move || state.texts();
    view! {
        <fieldset class="field" data-testid="fx-rates">
            <legend>{move || d().pol_fx}</legend>
            <table class="list compact">
                <thead><tr><th scope="col">{move || t().currency}</th><th scope="col">{move || d().pol_rate}</th><th></th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().enumerate().map(|(index, (code, rate))| view! {
                        <tr>
                            <td><select data-testid=format!("fx-currency-{index}") aria-label=format!("{} {} · {}", d().pol_fx, index + 1, t().currency)
                                prop:value=move || code.get() on:change=move |e| code.set(event_target_value(&e))>
                                {KNOWN_CURRENCIES.iter().map(|(c, _)| view! { <option value=*c selected={code.get_untracked() == *c}>{*c}</option> }).collect_view()}
                            </select></td>
                            <td><input class="cell" inputmode="decimal" data-testid=format!("fx-rate-{index}")
                                aria-label=format!("{} {} · {}", d().pol_fx, index + 1, d().pol_rate)
                                prop:value=move || rate.get() on:input=move |e| rate.set(event_target_value(&e)) /></td>
                            <td><button type="button" on:click=move |_| rows.update(|rows| { rows.remove(index); })>{move || t().remove}</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" data-testid="fx-add" on:click=move |_| rows.update(|rows| rows.push((cell("USD".into()), cell(String::new()))))>{move || t().add_row}</button>
        </fieldset>
    }
}

//! The collection strategy editor: the reminder ladder of each grade, one table per grade with
//! a row per step (its day from the due date, what it says, the channels it goes by, whether
//! its letter states late interest, its fee). Saving
//! journals the next strategy with everything else in it unchanged; the core checks it
//! (offsets strictly increasing within range, one channel at least, none twice) and who may.

use crate::i18n::collections::{self as words, CollectionsTexts};
use crate::i18n::fill;
use crate::numbers;
use crate::ui::form::{Cell, ErrorSlot, Form, FormError, Reader};
use crate::ui::route::to;
use crate::ui::use_app;
use creditdesk_core::decide::{CollectionsCommand, Command, Field};
use creditdesk_core::policy::{Channel, CollectionPolicy, Grade, ReminderStep, StepKind};
use creditdesk_core::Currency;
use leptos::prelude::*;
use leptos_router::components::A;

/// The largest number of days a step's offset may be typed with; the strategy's own range
/// (−60 to 365) is the core's rule, named in its message.
const DAYS_TYPED_MAX: u32 = 9_999;

/// One step's cells: the offset as typed, the kind's index in `StepKind::ALL`, a box per channel,
/// whether its letter states late interest, and its fee as typed (empty: none) in
/// `fee_currency` (the fee's own, or the policy's base currency for a step without one).
#[derive(Clone, Copy)]
struct StepCells {
    offset: Cell,
    kind: RwSignal<usize>,
    channels: [RwSignal<bool>; 4],
    states_interest: RwSignal<bool>,
    fee: Cell,
    fee_currency: Currency,
}

impl StepCells {
    fn new(step: &ReminderStep, base: Currency) -> StepCells {
        StepCells {
            offset: RwSignal::new(step.offset_days.to_string()),
            kind: RwSignal::new(
                StepKind::ALL
                    .iter()
                    .position(|k| *k == step.kind)
                    .unwrap_or(0),
            ),
            channels: Channel::ALL.map(|channel| RwSignal::new(step.channels.contains(&channel))),
            states_interest: RwSignal::new(step.states_interest),
            fee: RwSignal::new(step.fee.map_or_else(String::new, |fee| {
                numbers::decimal(fee.value(), fee.currency().minor_units())
            })),
            fee_currency: step.fee.map_or(base, |fee| fee.currency()),
        }
    }

    fn read(&self, reader: &mut Reader, (day, fee): (&str, &str)) -> ReminderStep {
        let offset_days = reader.days(&self.offset, day, DAYS_TYPED_MAX);
        let channels = Channel::ALL
            .iter()
            .zip(self.channels)
            .filter(|(_, chosen)| chosen.get_untracked())
            .map(|(channel, _)| *channel)
            .collect();
        ReminderStep {
            offset_days,
            kind: StepKind::ALL[self.kind.get_untracked().min(StepKind::ALL.len() - 1)],
            channels,
            fee: reader.optional_positive(&self.fee, fee, self.fee_currency),
            states_interest: self.states_interest.get_untracked(),
        }
    }
}

/// A grade's ladder as rows of cells.
type LadderCells = RwSignal<Vec<StepCells>>;

fn ladder_cells(strategy: &CollectionPolicy, base: Currency) -> [LadderCells; 5] {
    Grade::ALL.map(|grade| {
        let steps = strategy.ladder(grade).iter();
        RwSignal::new(steps.map(|step| StepCells::new(step, base)).collect())
    })
}

/// "Grade A, step 2 · day" and "… · fee": the cells named in a message about them.
fn step_labels(c: &CollectionsTexts, grade: Grade, step: usize) -> (String, String) {
    let named = fill(
        c.strategy_step_named,
        &[("grade", grade.letter()), ("step", &step.to_string())],
    );
    (
        format!("{named} · {}", c.strategy_day),
        format!("{named} · {}", c.strategy_fee),
    )
}

fn read_ladders(
    reader: &mut Reader,
    c: &CollectionsTexts,
    cells: &[LadderCells; 5],
) -> Vec<Vec<ReminderStep>> {
    Grade::ALL
        .iter()
        .zip(cells)
        .map(|(grade, ladder)| {
            let rows = ladder.get_untracked();
            let steps = rows.iter().enumerate();
            steps
                .map(|(index, row)| {
                    let (day, fee) = step_labels(c, *grade, index + 1);
                    row.read(reader, (&day, &fee))
                })
                .collect()
        })
        .collect()
}

#[component]
pub fn StrategyPage() -> impl IntoView {
    let state = use_app();
    // Outside the form: a save re-renders the form from the strategy now in force.
    let saved = RwSignal::new(false);
    move || {
        let (current, base) = state.portfolio.with(|p| {
            let base = p.policy().limits.base_currency;
            (p.policies.current_strategy(), base)
        });
        view! { <StrategyForm strategy=current base saved /> }
    }
}

#[component]
fn StrategyForm(
    strategy: CollectionPolicy,
    base: Currency,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let cells = ladder_cells(&strategy, base);
    let form = Form::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        let Some(ladders) = form.read(|reader| Some(read_ladders(reader, c(), &cells))) else {
            return;
        };
        let mut strategy = state
            .portfolio
            .with_untracked(|p| p.policies.current_strategy());
        let Ok(ladders) = <[Vec<ReminderStep>; 5]>::try_from(ladders) else {
            return;
        };
        strategy.ladders = ladders;
        let command = Command::Collections(CollectionsCommand::ChangeStrategy {
            date: state.today.get_untracked(),
            strategy,
            by: state.acting(),
        });
        form.submit(command, move || {
            saved.try_set(true);
        });
    };
    let ladders = Grade::ALL
        .into_iter()
        .zip(cells)
        .map(|(grade, rows)| view! { <LadderTable grade rows base /> })
        .collect_view();
    view! {
        <section data-testid="strategy">
            <h1>{move || c().strategy_title}</h1>
            <p class="hint">{move || c().strategy_help}</p>
            <p><A href=to("/collections") attr:data-testid="open-worklist">{move || c().open_worklist}</A></p>
            <form class="form wide" data-testid="strategy-form" on:submit=on_submit novalidate>
                {ladders}
                <ErrorSlot form field=Field::Policy id="f-strategy-cells-error" testid="strategy-cells-error" />
                <ErrorSlot form field=Field::Step id="f-strategy-error" testid="strategy-error" />
                <FormError form />
                {move || saved.get().then(|| view! { <p role="status" data-testid="strategy-saved">{c().strategy_saved}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" data-testid="strategy-save" disabled=move || state.saving.get()>{move || c().strategy_save}</button>
                </div>
            </form>
        </section>
    }
}

/// One grade's ladder: a row per step, and a button that adds one after the last.
#[component]
fn LadderTable(grade: Grade, rows: LadderCells, base: Currency) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let letter = grade.letter();
    let add = move |_| {
        let next = rows.with_untracked(|rows| rows.last().map(|r| r.offset.get_untracked()));
        let step = ReminderStep {
            offset_days: next
                .and_then(|day| day.trim().parse::<i32>().ok())
                .map_or(1, |day| day + 1),
            kind: StepKind::Friendly,
            channels: vec![Channel::Email],
            fee: None,
            states_interest: false,
        };
        rows.update(|rows| rows.push(StepCells::new(&step, base)));
    };
    view! {
        <fieldset class="field" data-testid=format!("ladder-{letter}")>
            <legend>{move || fill(c().strategy_ladder, &[("grade", letter)])}</legend>
            <div class="table-wrap">
                <table class="list compact">
                    <thead><tr>
                        <th scope="col">{move || c().strategy_day}</th>
                        <th scope="col">{move || c().strategy_kind}</th>
                        <th scope="col">{move || c().strategy_channels}</th>
                        <th scope="col">{move || c().strategy_interest}</th>
                        <th scope="col">{move || c().strategy_fee}</th>
                        <th scope="col"><span class="visually-hidden">{move || c().strategy_remove}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().enumerate().map(|(index, row)| view! { <StepRow grade index row rows /> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="button" data-testid=format!("ladder-{letter}-add") on:click=add>{move || c().strategy_add}</button>
        </fieldset>
    }
}

#[component]
fn StepRow(grade: Grade, index: usize, row: StepCells, rows: LadderCells) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let letter = grade.letter();
    let id = format!("ladder-{letter}-{}", index + 1);
    let named = move || {
        fill(
            c().strategy_step_named,
            &[("grade", letter), ("step", &(index + 1).to_string())],
        )
    };
    let kinds = move || {
        StepKind::ALL.iter().enumerate().map(|(position, kind)| view! {
            <option value=position.to_string() selected=row.kind.get_untracked() == position>{words::step(c(), *kind)}</option>
        }).collect_view()
    };
    let boxes = Channel::ALL
        .iter()
        .zip(row.channels)
        .map(|(channel, chosen)| {
            let channel = *channel;
            let testid = format!("{id}-{}", format!("{channel:?}").to_lowercase());
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=testid prop:checked=move || chosen.get()
                        on:change=move |e| chosen.set(event_target_checked(&e)) />
                    {move || words::channel(c(), channel)}
                </label>
            }
        })
        .collect_view();
    let remove = move |_| {
        rows.update(|rows| {
            if index < rows.len() {
                rows.remove(index);
            }
        })
    };
    view! {
        <tr>
            <td><input class="cell" inputmode="numeric" data-testid=format!("{id}-day") aria-label=move || format!("{} · {}", named(), c().strategy_day)
                prop:value=move || row.offset.get() on:input=move |e| row.offset.set(event_target_value(&e)) /></td>
            <td><select data-testid=format!("{id}-kind") aria-label=move || format!("{} · {}", named(), c().strategy_kind)
                on:change=move |e| row.kind.set(event_target_value(&e).parse().unwrap_or(0))>{kinds}</select></td>
            <td><div class="checks" role="group" aria-label=move || format!("{} · {}", named(), c().strategy_channels)>{boxes}</div></td>
            <td><input type="checkbox" data-testid=format!("{id}-interest") aria-label=move || format!("{} · {}", named(), c().strategy_interest)
                prop:checked=move || row.states_interest.get() on:change=move |e| row.states_interest.set(event_target_checked(&e)) /></td>
            <td><span class="amount-cell"><input class="cell" inputmode="decimal" data-testid=format!("{id}-fee") aria-label=move || format!("{} · {}", named(), c().strategy_fee)
                prop:value=move || row.fee.get() on:input=move |e| row.fee.set(event_target_value(&e)) />
                <span class="muted">{row.fee_currency.code().to_string()}</span></span></td>
            <td><button type="button" class="link" data-testid=format!("{id}-remove") on:click=remove>{move || c().strategy_remove}</button></td>
        </tr>
    }
}

//! Today's worklist: each customer's reminder due today (the core's `worklist_on`), with why
//! it stands where it does, filters by step and channel, and a task done in two clicks: the
//! channel it went by, then Save (with the outcome, notes and, for a promise, its terms).

use crate::i18n::collections::{self as words, CollectionsTexts};
use crate::ui::form::{ErrorSlot, Form, FormError, SelectField, TextField};
use crate::ui::route::to;
use crate::ui::{money, use_app};
use chrono::Duration;
use creditdesk_core::collections::{Outcome, PriorityPart, Task};
use creditdesk_core::decide::{worklist_scored, CollectionsCommand, Command, Field};
use creditdesk_core::policy::{Channel, StepKind};
use leptos::prelude::*;
use leptos_router::components::A;

fn step_code(kind: StepKind) -> &'static str {
    match kind {
        StepKind::PreDue => "pre-due",
        StepKind::DueNotice => "due-notice",
        StepKind::Friendly => "friendly",
        StepKind::FormalDemand => "formal-demand",
        StepKind::FinalNotice => "final-notice",
        StepKind::Handover => "handover",
    }
}

fn channel_code(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Phone => "phone",
        Channel::Letter => "letter",
        Channel::Sms => "sms",
    }
}

#[component]
pub fn Worklist() -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let step = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<String>);
    let only_mine = RwSignal::new(false);
    // Every customer's grade picks its ladder: the scores the state keeps (`AppState::scores`),
    // so a task done re-reads the list alone.
    let tasks = Memo::new(move |_| {
        let today = state.today.get();
        (state.scores).with(|scores| state.portfolio.with(|p| worklist_scored(p, today, scores)))
    });
    let shown = move || {
        let (step, channel) = (step.get(), channel.get());
        tasks
            .get()
            .into_iter()
            .filter(|task| step.is_empty() || step_code(task.step.kind) == step)
            .filter(|task| {
                channel.is_empty()
                    || task
                        .step
                        .channels
                        .iter()
                        .any(|c| channel_code(*c) == channel)
            })
            .filter(|task| !only_mine.get() || assigned_to_me(task))
            .collect::<Vec<Task>>()
    };
    view! {
        <section data-testid="worklist">
            <h1>{move || c().worklist_title}</h1>
            <p class="hint">{move || c().worklist_intro}</p>
            <div class="grid-fields">
                <SelectField label=move || c().filter_step value=step testid="filter-step"
                    options=filter_options(StepKind::ALL.iter().map(|k| (step_code(*k), *k)).collect(), words::step) />
                <SelectField label=move || c().filter_channel value=channel testid="filter-channel"
                    options=filter_options(Channel::ALL.iter().map(|k| (channel_code(*k), *k)).collect(), words::channel) />
            </div>
            <label class="check">
                <input type="checkbox" data-testid="only-mine" prop:checked=move || only_mine.get()
                    on:change=move |event| only_mine.set(event_target_checked(&event)) />
                {move || c().only_mine}
            </label>
            <p role="status" data-testid="task-saved">{move || saved.get()}</p>
            {move || {
                let shown = shown();
                if shown.is_empty() {
                    view! { <p data-testid="worklist-empty">{c().worklist_empty}</p> }.into_any()
                } else {
                    view! { <TaskTable tasks=shown saved /> }.into_any()
                }
            }}
        </section>
    }
}

/// Whether the task's customer is on the acting profile's list.
fn assigned_to_me(task: &Task) -> bool {
    let state = use_app();
    let me = state.user.get();
    me.is_some()
        && state
            .portfolio
            .with(|p| p.collections.collector_of(task.customer))
            == me
}

/// "All" and one option per value, labelled in the current language.
fn filter_options<K: Copy + Send + Sync + 'static>(
    values: Vec<(&'static str, K)>,
    label: fn(&CollectionsTexts, K) -> &'static str,
) -> Vec<(&'static str, TextProp)> {
    let state = use_app();
    let mut options = vec![(
        "",
        TextProp::from(move || state.lang.get().collections().filter_all),
    )];
    for (code, value) in values {
        options.push((
            code,
            TextProp::from(move || label(state.lang.get().collections(), value)),
        ));
    }
    options
}

#[component]
fn TaskTable(tasks: Vec<Task>, saved: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let c = state.lang.get().collections();
    let rows = tasks
        .into_iter()
        .map(|task| view! { <TaskRow task saved /> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="worklist-table">
                <thead><tr>
                    <th scope="col" class="num">{c.col_priority}</th>
                    <th scope="col">{c.col_customer}</th>
                    <th scope="col">{c.col_step}</th>
                    <th scope="col" class="num">{c.col_days}</th>
                    <th scope="col" class="num">{c.col_overdue}</th>
                    <th scope="col">{c.col_done}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One priority part in words.
fn part_text(c: &CollectionsTexts, part: &PriorityPart) -> String {
    use crate::i18n::fill;
    match part {
        PriorityPart::Overdue {
            base: Some(base),
            points,
        } => fill(
            c.part_overdue,
            &[
                ("amount", &crate::numbers::plain(*base)),
                ("points", &points.to_string()),
            ],
        ),
        PriorityPart::Overdue { base: None, .. } => c.part_overdue_no_rate.to_string(),
        PriorityPart::Days { days, points } => fill(
            c.part_days,
            &[("days", &days.to_string()), ("points", &points.to_string())],
        ),
        PriorityPart::Grade { grade, points } => fill(
            c.part_grade,
            &[("grade", grade.letter()), ("points", &points.to_string())],
        ),
        PriorityPart::BrokenPromises { count, points } => fill(
            c.part_broken,
            &[
                ("count", &count.to_string()),
                ("points", &points.to_string()),
            ],
        ),
    }
}

#[component]
fn TaskRow(task: Task, saved: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let c = state.lang.get().collections();
    let open = RwSignal::new(None::<Channel>);
    let name = state.portfolio.with_untracked(|p| {
        p.ledger
            .customer(task.customer)
            .map(|customer| customer.details.name.clone())
            .unwrap_or_default()
    });
    let why = task
        .priority
        .parts
        .iter()
        .map(|part| view! { <li>{part_text(c, part)}</li> })
        .collect_view();
    let step = format!(
        "{} · {}",
        words::step(c, task.step.kind),
        crate::i18n::fill(
            c.step_day,
            &[("offset", &format!("{:+}", task.step.offset_days))]
        )
    );
    let buttons = task.step.channels.iter().map(|channel| {
        let channel = *channel;
        let label = crate::i18n::fill(c.done_by, &[("channel", words::channel(c, channel))]);
        view! { <button type="button" data-testid=format!("done-{}", channel_code(channel)) on:click=move |_| open.set(Some(channel))>{label}</button> }
    }).collect_view();
    let overdue = money(task.overdue, task.currency);
    let customer = task.customer;
    let letters = task_letters(&task);
    let shown_name = name.clone();
    view! {
        <tr data-testid="task" data-step=step_code(task.step.kind)>
            <td class="num"><details><summary data-testid="priority">{task.priority.points}</summary><ul class="why">{why}</ul></details></td>
            <td><A href=to(&format!("/customers/{}", customer.0)) attr:data-testid="task-customer">{shown_name}</A></td>
            <td data-testid="task-step">{step}</td>
            <td class="num">{task.days}</td>
            <td class="num">{overdue}</td>
            <td class="actions">{buttons}{letters}</td>
        </tr>
        {move || open.get().map(|channel| view! {
            <tr class="task-form-row"><td colspan="6"><TaskForm task=task.clone() channel open name=name.clone() saved /></td></tr>
        })}
    }
}

/// The task's letter page and, for an email or SMS step, the customer's messages (the mailto
/// draft and the text to copy), in the customer's language.
fn task_letters(task: &Task) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked().letters();
    let id = task.customer.0;
    let letter = task.step.channels.contains(&Channel::Letter).then(|| {
        let href = to(&format!("/customers/{id}/letter?step={}", task.step.kind.token()));
        view! { <A href=href attr:class="button" attr:data-testid="task-letter">{l.letter_link}</A> }
    });
    let messages = (task.step.channels.iter().any(|c| matches!(c, Channel::Email | Channel::Sms))).then(|| {
        let href = to(&format!("/customers/{id}/collections#messages"));
        view! { <A href=href attr:class="button" attr:data-testid="task-messages">{l.messages_title}</A> }
    });
    view! { {letter}{messages} }
}

fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Reached => "reached",
        Outcome::NoAnswer => "no-answer",
        Outcome::Promise => "promise",
        Outcome::Dispute => "dispute",
        Outcome::Paid => "paid",
        Outcome::WrongContact => "wrong-contact",
    }
}

/// The promise's typed terms.
#[derive(Clone, Copy)]
struct PromiseFields {
    amount: RwSignal<String>,
    due: RwSignal<String>,
    tolerance: RwSignal<String>,
}

/// The commands a saved task makes: the task, and a promise when that was the outcome.
fn task_commands(
    form: Form,
    task: &Task,
    channel: Channel,
    (outcome, notes): (Outcome, String),
    promise: PromiseFields,
) -> Option<Vec<Command>> {
    let state = use_app();
    let (today, by) = (state.today.get_untracked(), state.acting());
    let mut commands = vec![Command::Collections(CollectionsCommand::CompleteTask {
        customer: task.customer,
        date: today,
        recorded_on: today,
        by,
        channel,
        outcome,
        notes,
    })];
    if outcome == Outcome::Promise {
        let read = form.read(|reader| {
            let amount = reader.amount(&promise.amount.get_untracked(), task.currency);
            let due = reader.date(Field::DueDate, &promise.due.get_untracked());
            let tolerance = reader.terms(Field::Tolerance, &promise.tolerance.get_untracked());
            Some((amount?, due?, tolerance?.unwrap_or(0)))
        })?;
        let (amount, due, tolerance_days) = read;
        commands.push(Command::Collections(CollectionsCommand::RecordPromise {
            id: state.portfolio.with_untracked(|p| p.next_ids().promise),
            customer: task.customer,
            date: today,
            recorded_on: today,
            by,
            amount,
            due,
            tolerance_days,
        }));
    }
    Some(commands)
}

fn outcome_options() -> Vec<(&'static str, TextProp)> {
    let state = use_app();
    Outcome::ALL
        .into_iter()
        .map(|o| {
            let label = move || words::outcome(state.lang.get().collections(), o);
            (outcome_code(o), TextProp::from(label))
        })
        .collect()
}

/// A letter, email or SMS task's notes start as the subject sent (rendered from the step's
/// template in the customer's language), so the contact log shows what went out.
fn sent_note(task: &Task, channel: Channel) -> String {
    if channel == Channel::Phone {
        return String::new();
    }
    let state = use_app();
    let today = state.today.get_untracked();
    state
        .portfolio
        .with_untracked(|p| {
            let customer = p.ledger.customer(task.customer)?;
            let language =
                creditdesk_core::policy::Language::for_country(&customer.details.country);
            creditdesk_core::decide::letter_subject_on(
                p,
                customer,
                today,
                channel,
                (language, crate::numbers::current()),
            )
        })
        .unwrap_or_default()
}

#[component]
fn TaskForm(
    task: Task,
    channel: Channel,
    open: RwSignal<Option<Channel>>,
    name: String,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let form = Form::new();
    let outcome = RwSignal::new(outcome_code(Outcome::Reached).to_string());
    let notes = RwSignal::new(sent_note(&task, channel));
    let promise = PromiseFields {
        amount: RwSignal::new(crate::numbers::plain(task.overdue)),
        due: RwSignal::new((state.today.get_untracked() + Duration::days(7)).to_string()),
        tolerance: RwSignal::new("3".to_string()),
    };
    let chosen = move || {
        Outcome::ALL
            .into_iter()
            .find(|o| outcome_code(*o) == outcome.get())
            .unwrap_or(Outcome::Reached)
    };
    let step_name = words::step(c(), task.step.kind);
    let on_submit = {
        let task = task.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let Some(commands) = task_commands(
                form,
                &task,
                channel,
                (chosen(), notes.get_untracked()),
                promise,
            ) else {
                return;
            };
            let message =
                crate::i18n::fill(c().task_saved, &[("customer", &name), ("step", step_name)]);
            form.submit_all(commands, move || {
                saved.set(Some(message));
                open.set(None);
            });
        }
    };
    let options = outcome_options();
    view! {
        <form class="form task-form" data-testid="task-form" on:submit=on_submit novalidate>
            <p class="muted">{crate::i18n::fill(c().done_by, &[("channel", words::channel(c(), channel))])}</p>
            <SelectField label=move || c().outcome_label value=outcome options testid="outcome" />
            <TextField label=move || c().notes_label field=Field::Comment value=notes form testid="notes" />
            <Show when=move || chosen() == Outcome::Promise>
                <TextField label=move || c().promise_amount field=Field::Amount value=promise.amount form testid="promise-amount" decimal=true />
                <TextField label=move || c().promise_due field=Field::DueDate value=promise.due form testid="promise-due" kind="date" />
                <TextField label=move || c().promise_tolerance field=Field::Tolerance value=promise.tolerance form testid="promise-tolerance" decimal=true />
            </Show>
            <ErrorSlot form field=Field::Customer or=Field::Channel id="f-task-error" testid="task-error" />
            <FormError form />
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-task">{move || c().save_task}</button>
                <button type="button" on:click=move |_| open.set(None)>{move || c().cancel_task}</button>
            </div>
        </form>
    }
}

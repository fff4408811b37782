//! The letter and message templates (`/policy/templates`): every reminder step × channel ×
//! language listed, one edited at a time. Saving makes a new version of the strategy
//! (`SetTemplate`); the core checks the placeholders and a refusal (an unknown placeholder,
//! named; an unclosed brace, placed) shows beside the subject or the body, nothing saved.

use crate::i18n::collections::{self as words};
use crate::i18n::{fill, letters::placeholder_list};
use crate::ui::form::{ErrorSlot, Form, FormError, TextAreaField, TextField};
use crate::ui::use_app;
use creditdesk_core::base::input::read_rate;
use creditdesk_core::decide::{CollectionsCommand, Command, Field};
use creditdesk_core::policy::{
    default_template, Channel, InterestRate, Language, StepKind, Template,
};
use leptos::prelude::*;

/// The template being edited: which one, and its text.
#[derive(Clone, Copy)]
struct Editing {
    which: RwSignal<(StepKind, Channel, Language)>,
    subject: RwSignal<String>,
    body: RwSignal<String>,
}

fn stored(which: (StepKind, Channel, Language)) -> Template {
    let state = use_app();
    let (kind, channel, language) = which;
    state
        .portfolio
        .with_untracked(|p| {
            p.policies
                .current_strategy()
                .template(kind, channel, language)
                .cloned()
        })
        .unwrap_or_else(|| default_template(kind, channel, language))
}

impl Editing {
    fn open(self, which: (StepKind, Channel, Language)) {
        let template = stored(which);
        self.which.set(which);
        self.subject.set(template.subject);
        self.body.set(template.body);
    }
}

#[component]
pub fn TemplateEditor() -> impl IntoView {
    let state = use_app();
    let l = move || state.lang.get().letters();
    let first = (StepKind::FinalNotice, Channel::Letter, Language::ZhCn);
    let template = stored(first);
    let editing = Editing {
        which: RwSignal::new(first),
        subject: RwSignal::new(template.subject),
        body: RwSignal::new(template.body),
    };
    let placeholders = placeholder_list()
        .into_iter()
        .map(|p| view! { <li><code>{p}</code></li> })
        .collect_view();
    view! {
        <section data-testid="templates-page">
            <h1>{move || l().templates_title}</h1>
            <p class="hint">{move || l().templates_intro}</p>
            <RatesForm />
            <TemplateList editing />
            <TemplateForm editing />
            <h2>{move || l().placeholders_title}</h2>
            <ul class="placeholders" data-testid="placeholders">{placeholders}</ul>
        </section>
    }
}

/// Every step × channel × language, each a button that opens it in the form.
#[component]
fn TemplateList(editing: Editing) -> impl IntoView {
    let state = use_app();
    let c = move || state.lang.get().collections();
    let rows = StepKind::ALL.iter().map(|kind| {
        let kind = *kind;
        let cells = Channel::ALL.iter().flat_map(|channel| Language::ALL.map(|language| (*channel, language))).map(|(channel, language)| {
            let which = (kind, channel, language);
            let testid = format!("edit-{}-{}-{}", kind.token(), channel.token(), language.token());
            let label = move || format!("{} · {}", words::channel(c(), channel), language.token());
            let current = move || editing.which.get() == which;
            view! {
                <button type="button" data-testid=testid aria-pressed=move || current().to_string()
                    on:click=move |_| editing.open(which)>{label}</button>
            }
        }).collect_view();
        view! { <tr><th scope="row">{move || words::step(c(), kind)}</th><td class="template-cells">{cells}</td></tr> }
    }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="template-list"><tbody>{rows}</tbody></table>
        </div>
    }
}

#[component]
fn TemplateForm(editing: Editing) -> impl IntoView {
    let state = use_app();
    let l = move || state.lang.get().letters();
    let c = move || state.lang.get().collections();
    let form = Form::new();
    let saved = RwSignal::new(None::<String>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(None);
        let (kind, channel, language) = editing.which.get_untracked();
        let today = state.today.get_untracked();
        let template = Template {
            kind,
            channel,
            language,
            subject: editing.subject.get_untracked(),
            body: editing.body.get_untracked(),
        };
        let command = Command::Collections(CollectionsCommand::SetTemplate {
            date: today,
            template,
            by: state.acting(),
        });
        let message = fill(l().template_saved, &[("date", &today.to_string())]);
        form.submit(command, move || saved.set(Some(message)));
    };
    let heading = move || {
        let (kind, channel, language) = editing.which.get();
        format!(
            "{} · {} · {}",
            words::step(c(), kind),
            words::channel(c(), channel),
            language.token()
        )
    };
    view! {
        <form class="form" data-testid="template-form" on:submit=on_submit novalidate>
            <h2 data-testid="template-heading">{heading}</h2>
            <TextField label=move || l().template_subject field=Field::TemplateSubject value=editing.subject form testid="template-subject" />
            <TextAreaField label=move || l().template_body field=Field::TemplateBody value=editing.body form testid="template-body" rows=12 />
            <ErrorSlot form field=Field::User id="f-template-user-error" testid="template-user-error" />
            <FormError form />
            <div class="actions">
                <button type="submit" class="primary" data-testid="template-save" disabled=move || state.saving.get()>{move || l().template_save}</button>
            </div>
            <p role="status" data-testid="template-saved">{move || saved.get()}</p>
        </form>
    }
}

/// One row of the rates' form: the date and the annual percent as typed.
#[derive(Clone, Copy)]
struct RateRow {
    from: RwSignal<String>,
    percent: RwSignal<String>,
}

/// The rows typed, read: a row left empty is dropped; a date or rate that does not read is
/// refused beside the table.
fn read_rates(form: Form, rows: &[RateRow]) -> Option<Vec<InterestRate>> {
    form.read(|reader| {
        let mut rates = Vec::new();
        for row in rows {
            let (from, percent) = (row.from.get_untracked(), row.percent.get_untracked());
            if from.trim().is_empty() && percent.trim().is_empty() {
                continue;
            }
            let from = reader.date(Field::Step, &from);
            let percent = reader.take(Field::Step, read_rate(&percent, reader.format));
            if let (Some(from), Some(percent)) = (from, percent) {
                rates.push(InterestRate { from, percent });
            }
        }
        Some(rates)
    })
}

/// The late-interest rate table of the newest strategy, edited as rows (one empty row to add
/// a rate); saved as a new strategy version, which the core checks (dates in order, 0–100 %).
#[component]
fn RatesForm() -> impl IntoView {
    let state = use_app();
    let l = move || state.lang.get().letters();
    let form = Form::new();
    let saved = RwSignal::new(None::<String>);
    let current = state
        .portfolio
        .with_untracked(|p| p.policies.current_strategy());
    let mut rows: Vec<RateRow> = (current.interest_rates.iter())
        .map(|rate| RateRow {
            from: RwSignal::new(rate.from.to_string()),
            percent: RwSignal::new(crate::numbers::plain(rate.percent)),
        })
        .collect();
    rows.push(RateRow {
        from: RwSignal::new(String::new()),
        percent: RwSignal::new(String::new()),
    });
    let cells = rows.iter().enumerate().map(|(index, row)| {
        let row = *row;
        view! {
            <tr data-testid="rate-row">
                <td><input type="date" aria-label=move || format!("{} {}", l().rate_from, index + 1) data-testid=format!("rate-from-{index}")
                    prop:value=move || row.from.get() on:input=move |event| row.from.set(event_target_value(&event)) /></td>
                <td><input class="cell" inputmode="decimal" aria-label=move || format!("{} {}", l().rate_percent, index + 1) data-testid=format!("rate-percent-{index}")
                    prop:value=move || row.percent.get() on:input=move |event| row.percent.set(event_target_value(&event)) /></td>
            </tr>
        }
    }).collect_view();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(None);
        let Some(rates) = read_rates(form, &rows) else {
            return;
        };
        let mut strategy = state
            .portfolio
            .with_untracked(|p| p.policies.current_strategy());
        strategy.interest_rates = rates;
        let date = state.today.get_untracked();
        let message = fill(l().rates_saved, &[("date", &date.to_string())]);
        let command = Command::Collections(CollectionsCommand::ChangeStrategy {
            date,
            strategy,
            by: state.acting(),
        });
        form.submit(command, move || saved.set(Some(message)));
    };
    view! {
        <form class="form" data-testid="rates-form" on:submit=on_submit novalidate>
            <h2>{move || l().rates_title}</h2>
            <p class="hint">{move || l().rates_intro}</p>
            <table class="list compact" data-testid="rates">
                <thead><tr><th scope="col">{move || l().rate_from}</th><th scope="col">{move || l().rate_percent}</th></tr></thead>
                <tbody>{cells}</tbody>
            </table>
            <ErrorSlot form field=Field::Step id="f-rates-error" testid="rates-error" />
            <ErrorSlot form field=Field::User id="f-rates-user-error" testid="rates-user-error" />
            <FormError form />
            <div class="actions">
                <button type="submit" class="primary" data-testid="rates-save" disabled=move || state.saving.get()>{move || l().rates_save}</button>
            </div>
            <p role="status" data-testid="rates-saved">{move || saved.get()}</p>
        </form>
    }
}

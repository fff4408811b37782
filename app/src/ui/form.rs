//! The one form kit: a form's messages (`Form`), the field components (label, input, hint and
//! an error slot whose `id` the input names in `aria-describedby`), reading typed text into a
//! value or a message (`Reader`), and placing a refused submission: a core `Rejection` beside
//! the field it names when the form shows that field, otherwise as the form's own message.
//! Forms parse with `core::base::input` and send a `Command`; what is allowed is `decide`'s call.
//!
//! Every typed number is read in the user's number format (`crate::numbers`, the Settings
//! choice): `Reader` takes it when the form is read, and the inputs checked as they are typed
//! outside a form (the field check's and widget's amount, the limit page's expected monthly
//! purchases) read through `read_amount` / `read_figure` here, so they say the same things.

use crate::i18n::{self, fill, Texts};
use crate::numbers;
use crate::state::{self, SubmitError};
use crate::ui::route::to;
use crate::ui::{submit_message, use_app};
use chrono::NaiveDate;
use creditdesk_core::base::input::{
    self, read_count, read_days, read_optional_figure, read_rate, NumberFormat, TypedError,
};
use creditdesk_core::base::money::KNOWN_CURRENCIES;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::{Amount, AmountError, Currency};
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use rust_decimal::Decimal;

/// A label taken from the language table, for lists of options and titles.
pub type Label = fn(&Texts) -> &'static str;

/// One editable cell of a table form (the policy editors), holding the typed text.
pub type Cell = RwSignal<String>;

/// A form's messages: one per field from reading or from the core, the form's own message,
/// and the fields the form shows (the field components register them), so a rejection about
/// a field that is not on screen goes to the form's message instead of nowhere.
#[derive(Clone, Copy)]
pub struct Form {
    errors: RwSignal<Vec<(Field, String)>>,
    top: RwSignal<Option<String>>,
    shown: StoredValue<Vec<Field>>,
}

impl Default for Form {
    fn default() -> Form {
        Form::new()
    }
}

impl Form {
    pub fn new() -> Form {
        Form {
            errors: RwSignal::new(Vec::new()),
            top: RwSignal::new(None),
            shown: StoredValue::new(Vec::new()),
        }
    }

    /// Says that the form shows the messages about `field`.
    pub fn shows(self, field: Field) {
        self.shown.update_value(|shown| {
            if !shown.contains(&field) {
                shown.push(field);
            }
        });
    }

    /// The messages about `field` (or `or`), joined, or `None`.
    pub fn message(self, field: Field, or: Option<Field>) -> impl Fn() -> Option<String> + Copy {
        move || {
            let texts: Vec<String> = self.errors.with(|errors| {
                errors
                    .iter()
                    .filter(|(about, _)| *about == field || Some(*about) == or)
                    .map(|(_, message)| message.clone())
                    .collect()
            });
            (!texts.is_empty()).then(|| texts.join(" "))
        }
    }

    /// Reads the form with `read`; shows what could not be read beside its field and gives
    /// the value only when every field read.
    pub fn read<T>(self, read: impl FnOnce(&mut Reader) -> Option<T>) -> Option<T> {
        let mut reader = Reader::new(use_app().texts(), numbers::current());
        self.top.set(None);
        let value = read(&mut reader);
        let clean = reader.errors.is_empty();
        self.errors.set(reader.errors);
        value.filter(|_| clean)
    }

    /// Places a refused submission (see `placement`).
    pub fn place(self, t: &Texts, error: &SubmitError) {
        let shown = self.shown.get_value();
        match placement(t, error, &shown) {
            (Some(field), message) => self.errors.set(vec![(field, message)]),
            (None, message) => self.top.set(Some(message)),
        }
    }

    /// Submits `command`; `done` runs only after the commit, otherwise the outcome is placed.
    pub fn submit(self, command: Command, done: impl FnOnce() + 'static) {
        let state = use_app();
        self.errors.set(Vec::new());
        self.top.set(None);
        leptos::task::spawn_local(async move {
            match state::submit(state, command).await {
                Ok(()) => done(),
                Err(error) => self.place(state.texts(), &error),
            }
        });
    }

    /// Submits `command` and goes to `done` once it is saved.
    pub fn send(self, command: Command, done: String) {
        let navigate = use_navigate();
        self.submit(command, move || navigate(&done, NavigateOptions::default()));
    }

    /// Submits `commands` as one event, all or nothing, and goes to `done` once it is saved.
    pub fn send_all(self, commands: Vec<Command>, done: String) {
        let navigate = use_navigate();
        self.submit_all(commands, move || {
            navigate(&done, NavigateOptions::default())
        });
    }

    /// Submits `commands` as one event, all or nothing; `done` runs only after the commit,
    /// otherwise the outcome is placed.
    pub fn submit_all(self, commands: Vec<Command>, done: impl FnOnce() + 'static) {
        let state = use_app();
        self.errors.set(Vec::new());
        self.top.set(None);
        leptos::task::spawn_local(async move {
            match state::submit_batch(state, commands).await {
                Ok(()) => done(),
                Err(error) => self.place(state.texts(), &error),
            }
        });
    }
}

/// Where a refused submission's message goes: beside the field the core's `Rejection` names
/// when that field is in `shown`, otherwise (no field, `Field::Record`, or any other failure)
/// to the form's message (`None`).
pub fn placement(
    t: &i18n::RejectionTexts,
    error: &SubmitError,
    shown: &[Field],
) -> (Option<Field>, String) {
    match error {
        SubmitError::Rejected(rejection) => {
            let field = rejection.field();
            let beside = field != Field::Record && shown.contains(&field);
            (beside.then_some(field), i18n::rejection(t, rejection))
        }
        other => (None, submit_message(t, other)),
    }
}

/// Reads a typed amount in `currency` as every form reads one, in the user's number format:
/// the field check and the widget check it as it is typed.
pub fn read_amount(text: &str, currency: Currency) -> Result<Amount, AmountError> {
    Amount::read_positive(text, currency, numbers::current())
}

/// Reads an optional figure (empty is `None`) in the user's number format, for a figure
/// checked as it is typed.
pub fn read_figure(text: &str) -> Result<Option<Decimal>, TypedError> {
    read_optional_figure(text, numbers::current())
}

/// A count past this is a typing mistake whatever it counts (27 years of days).
const COUNT_MAX: u32 = 10_000;

/// Collects one message per field that could not be read, while reading a form.
pub struct Reader<'a> {
    pub t: &'a Texts,
    /// The user's number format: every number on the form is read in it.
    pub format: NumberFormat,
    errors: Vec<(Field, String)>,
}

impl<'a> Reader<'a> {
    pub fn new(t: &'a Texts, format: NumberFormat) -> Reader<'a> {
        Reader {
            t,
            format,
            errors: Vec::new(),
        }
    }

    /// The value, or `None` with the reason's message placed beside `field`.
    pub fn take<T>(&mut self, field: Field, result: Result<T, TypedError>) -> Option<T> {
        result
            .map_err(|error| self.refuse(field, i18n::typed_error(self.t, &error)))
            .ok()
    }

    /// Text that must not be empty, trimmed.
    pub fn text(&mut self, field: Field, text: &str) -> Option<String> {
        self.take(field, input::required(text))
    }

    /// A required date.
    pub fn date(&mut self, field: Field, text: &str) -> Option<NaiveDate> {
        self.take(field, input::read_date(text))
    }

    /// An optional date: empty is `Some(None)`.
    pub fn optional_date(&mut self, field: Field, text: &str) -> Option<Option<NaiveDate>> {
        self.take(field, input::read_optional_date(text))
    }

    /// Payment terms in days; empty is `Some(None)` (the customer's terms).
    pub fn terms(&mut self, field: Field, text: &str) -> Option<Option<u32>> {
        input::read_terms(text, self.format)
            .map_err(|error| self.refuse(field, i18n::terms_error(self.t, &error)))
            .ok()
    }

    /// An optional figure in a currency (a statement line) named `label` on a form that has
    /// one message line for many: empty is `Some(None)`; the message is an amount's (the
    /// figure is one), after the figure's name.
    pub fn figure(&mut self, field: Field, label: &str, text: &str) -> Option<Option<Decimal>> {
        read_optional_figure(text, self.format)
            .map_err(|error| {
                let reason = i18n::amount_error(self.t, &error);
                let message = fill(self.t.err_named, &[("name", label), ("message", &reason)]);
                self.refuse(field, message);
            })
            .ok()
    }

    /// An optional amount whose sign is the core's to judge (a requested limit): empty is
    /// `Some(None)`; the messages are an amount's.
    pub fn optional_amount(&mut self, field: Field, text: &str) -> Option<Option<Decimal>> {
        read_optional_figure(text, self.format)
            .map_err(|error| self.refuse(field, i18n::amount_error(self.t, &error)))
            .ok()
    }

    /// A positive amount in `currency` (the amount field of most forms).
    pub fn amount(&mut self, text: &str, currency: Currency) -> Option<Amount> {
        Amount::read_positive(text, currency, self.format)
            .map_err(|error| self.refuse(Field::Amount, i18n::amount_error(self.t, &error)))
            .ok()
    }

    /// Places a message the form composed beside `field`.
    pub fn refuse(&mut self, field: Field, message: String) {
        self.errors.push((field, message));
    }

    /// A table cell that must hold a number; the message names the cell. Cells report to
    /// `Field::Policy`, the table forms' one error line.
    pub fn number(&mut self, cell: &Cell, label: &str) -> Decimal {
        match read_optional_figure(&cell.get_untracked(), self.format) {
            Ok(Some(value)) => value,
            Ok(None) => self.cell_refused(label, TypedError::Empty, Decimal::ZERO),
            Err(error) => self.cell_refused(label, error, Decimal::ZERO),
        }
    }

    /// An empty cell is `None` (an unbounded band); anything else must be a number.
    pub fn optional(&mut self, cell: &Cell, label: &str) -> Option<Decimal> {
        read_optional_figure(&cell.get_untracked(), self.format)
            .unwrap_or_else(|error| self.cell_refused(label, error, None))
    }

    /// An optional positive amount in `currency` in a table cell (a reminder step's fee):
    /// empty is `None`; the message is an amount's, after the cell's name.
    pub fn optional_positive(
        &mut self,
        cell: &Cell,
        label: &str,
        currency: Currency,
    ) -> Option<Amount> {
        let text = cell.get_untracked();
        if text.trim().is_empty() {
            return None;
        }
        Amount::read_positive(&text, currency, self.format)
            .map_err(|error| {
                let reason = i18n::amount_error(self.t, &error);
                let message = fill(self.t.err_named, &[("name", label), ("message", &reason)]);
                self.refuse(Field::Policy, message);
            })
            .ok()
    }

    /// A whole count (months, days); the policy's own rules bound it further.
    pub fn count(&mut self, cell: &Cell, label: &str) -> u32 {
        read_count(&cell.get_untracked(), self.format, COUNT_MAX)
            .unwrap_or_else(|error| self.cell_refused(label, error, 0))
    }

    /// Signed whole days (a reminder step's offset from the due date), at most `limit` either
    /// way; the strategy's own range is the core's rule.
    pub fn days(&mut self, cell: &Cell, label: &str, limit: u32) -> i32 {
        read_days(&cell.get_untracked(), self.format, limit)
            .unwrap_or_else(|error| self.cell_refused(label, error, 0))
    }

    /// An exchange rate, which may carry more decimals than money (JPY 0.0473).
    pub fn rate(&mut self, cell: &Cell, label: &str) -> Decimal {
        read_rate(&cell.get_untracked(), self.format)
            .unwrap_or_else(|error| self.cell_refused(label, error, Decimal::ZERO))
    }

    /// "`label`: not a number" for text that is none; any other reason named after the cell.
    fn cell_refused<T>(&mut self, label: &str, error: TypedError, placeholder: T) -> T {
        let message = match error {
            TypedError::NotANumber => fill(self.t.err_policy_cell, &[("cell", label)]),
            other => {
                let reason = i18n::typed_error(self.t, &other);
                fill(self.t.err_named, &[("name", label), ("message", &reason)])
            }
        };
        self.refuse(Field::Policy, message);
        placeholder
    }
}

/// A decimal as typed into a form to edit: plain, no grouping, no trailing zeros, in the
/// user's number format (so it reads back as it was).
pub fn plain(value: Decimal) -> String {
    numbers::plain(value)
}

/// The error line of `field` (and `or`), with the `id` the inputs name in `aria-describedby`.
#[component]
pub fn ErrorSlot(
    form: Form,
    field: Field,
    #[prop(optional)] or: Option<Field>,
    #[prop(into)] id: String,
    #[prop(into)] testid: String,
) -> impl IntoView {
    form.shows(field);
    or.into_iter().for_each(|field| form.shows(field));
    view! { <small class="field-error" id=id data-testid=testid role="alert">{form.message(field, or)}</small> }
}

/// A labelled text input with its hint and error line; ids `f-{testid}`, `f-{testid}-error`.
#[component]
pub fn TextField(
    #[prop(into)] label: TextProp,
    field: Field,
    value: RwSignal<String>,
    form: Form,
    testid: &'static str,
    #[prop(optional)] kind: &'static str,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(optional)] decimal: bool,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    let message = form.message(field, None);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type=if kind.is_empty() { "text" } else { kind } data-testid=testid list=list
                inputmode=if decimal { "decimal" } else { "text" }
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
            {hint.map(|hint| view! { <small class="hint">{move || hint.get()}</small> })}
            <ErrorSlot form field id=error_id testid=format!("{testid}-error") />
        </div>
    }
}

/// A labelled text area (several lines) with its error line; ids as for `TextField`.
#[component]
pub fn TextAreaField(
    #[prop(into)] label: TextProp,
    field: Field,
    value: RwSignal<String>,
    form: Form,
    testid: &'static str,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    let message = form.message(field, None);
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <textarea id=id data-testid=testid rows=rows.unwrap_or(4)
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event))></textarea>
            <ErrorSlot form field id=error_id testid=format!("{testid}-error") />
        </div>
    }
}

/// A labelled select over (value, label) options; with `field`, also its error line.
#[component]
pub fn SelectField(
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    options: Vec<(&'static str, TextProp)>,
    testid: &'static str,
    #[prop(optional)] errors: Option<(Form, Field)>,
) -> impl IntoView {
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    let options = options
        .into_iter()
        .map(|(key, text)| view! { <option value=key selected={value.get_untracked() == key}>{move || text.get()}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id data-testid=testid aria-describedby=errors.map(|_| error_id.clone())
                prop:value=move || value.get() on:change=move |event| value.set(event_target_value(&event))>
                {options}
            </select>
            {errors.map(|(form, field)| view! { <ErrorSlot form field id=error_id testid=format!("{testid}-error") /> })}
        </div>
    }
}

/// The currency select of the money forms, with the currency's error line.
#[component]
pub fn CurrencySelect(value: RwSignal<String>, form: Form, testid: &'static str) -> impl IntoView {
    let state = use_app();
    let options = KNOWN_CURRENCIES
        .iter()
        .map(|(code, _)| (*code, TextProp::from(*code)))
        .collect();
    let errors = (form, Field::Currency);
    view! { <SelectField label=move || state.texts().currency value options testid errors /> }
}

/// The form's own message: a refusal that names no field shown on the form.
#[component]
pub fn FormError(form: Form, #[prop(optional)] testid: Option<&'static str>) -> impl IntoView {
    let testid = testid.unwrap_or("form-error");
    move || {
        form.top
            .get()
            .map(|message| view! { <p class="error" role="alert" data-testid=testid>{message}</p> })
    }
}

/// Save and Cancel, the same on every page form; Save is disabled while a write is in flight.
#[component]
pub fn FormActions(#[prop(into)] cancel: String) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="actions">
            <button type="submit" class="primary" data-testid="save" disabled=move || state.saving.get()>{move || state.texts().save}</button>
            <A href=to(&cancel) attr:class="button">{move || state.texts().cancel}</A>
        </div>
    }
}

/// Options whose labels come from the language table, for `SelectField`.
pub fn labelled(options: &[(&'static str, Label)]) -> Vec<(&'static str, TextProp)> {
    let state = use_app();
    options
        .iter()
        .map(|(key, label)| {
            let label = *label;
            (*key, TextProp::from(move || label(state.texts())))
        })
        .collect()
}

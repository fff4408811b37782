//! Forms that turn typed input into core commands: register or edit a customer, issue an
//! invoice, record a payment, issue a credit note. Parsing errors and the core's rejections
//! are shown beside the field they concern; nothing is saved unless the whole command is.

use super::customer::route_customer_id;
use crate::i18n::{self, fill, Texts};
use crate::state::{self, SubmitError};
use crate::ui::{submit_message, use_app};
use creditdesk_core::base::input::{self, InputError};
use creditdesk_core::base::money::KNOWN_CURRENCIES;
use creditdesk_core::decide::{currency_locked, AllocationChoice, Command, Field};
use creditdesk_core::{Allocation, Currency, CustomerDetails, CustomerId, InvoiceId, Money};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

pub(super) type Errors = RwSignal<Vec<(Field, String)>>;
pub(super) type Label = fn(&Texts) -> &'static str;

pub(super) fn input_message(t: &Texts, error: InputError, field: Field) -> String {
    match (error, field) {
        (InputError::Required, _) => t.err_required.to_string(),
        (InputError::NotADate, _) => t.err_date.to_string(),
        (InputError::TermsInvalid, _) => t.err_terms.to_string(),
        (InputError::NotANumber, _) => t.err_amount_nan.to_string(),
        (InputError::TooLarge, _) => t.err_amount_large.to_string(),
        (InputError::TooManyDecimals, _) => fill(t.err_amount_decimals, &[("allowed", "2")]),
    }
}

/// Collects field errors while reading a form.
pub(super) struct Reader<'a> {
    pub t: &'a Texts,
    pub errors: Vec<(Field, String)>,
}

impl Reader<'_> {
    pub fn take<T>(&mut self, field: Field, result: Result<T, InputError>) -> Option<T> {
        result
            .map_err(|error| {
                self.errors
                    .push((field, input_message(self.t, error, field)))
            })
            .ok()
    }
    pub fn amount(&mut self, text: &str, currency: Currency) -> Option<Money> {
        Money::parse_positive(text, currency)
            .map_err(|error| {
                self.errors
                    .push((Field::Amount, i18n::amount_error(self.t, &error)))
            })
            .ok()
    }
}

#[component]
pub(super) fn TextField(
    label: Label,
    field: Field,
    value: RwSignal<String>,
    errors: Errors,
    testid: &'static str,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] hint: Option<Label>,
    #[prop(optional)] decimal: bool,
) -> impl IntoView {
    let state = use_app();
    let id = format!("f-{testid}");
    let error_id = format!("{id}-error");
    let message = move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(state.texts())}</label>
            <input id=id type=if kind.is_empty() { "text" } else { kind } data-testid=testid
                inputmode=if decimal { "decimal" } else { "text" }
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
            {move || hint.map(|hint| view! { <small class="hint">{hint(state.texts())}</small> })}
            <small class="field-error" id=error_id.clone() data-testid=format!("{testid}-error") role="alert">{message}</small>
        </div>
    }
}

/// Save and Cancel, the same on every form; Save is disabled while a write is in flight.
#[component]
pub(super) fn FormActions(#[prop(into)] cancel: String) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="actions">
            <button type="submit" class="primary" data-testid="save" disabled=move || state.saving.get()>{move || state.texts().save}</button>
            <A href=cancel attr:class="button">{move || state.texts().cancel}</A>
        </div>
    }
}

#[component]
pub(super) fn FormError(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| view! { <p class="error" role="alert" data-testid="form-error">{message}</p> })
    }
}

/// Submits a command; on success goes to `done`, otherwise places the message.
pub(super) fn send(
    command: Command,
    errors: Errors,
    form_error: RwSignal<Option<String>>,
    done: String,
) {
    let state = use_app();
    let navigate = use_navigate();
    leptos::task::spawn_local(async move {
        match state::submit(state, command).await {
            Ok(()) => navigate(&done, NavigateOptions::default()),
            Err(SubmitError::Rejected(rejection)) if rejection.field() != Field::Record => {
                errors.set(vec![(
                    rejection.field(),
                    i18n::rejection(state.texts(), &rejection),
                )]);
            }
            Err(other) => form_error.set(Some(submit_message(state.texts(), &other))),
        }
    });
}

/// The form's signals; `Copy`, so the submit closure and the view can both hold them.
#[derive(Clone, Copy)]
struct CustomerFields {
    number: RwSignal<String>,
    name: RwSignal<String>,
    registration_no: RwSignal<String>,
    industry: RwSignal<String>,
    country: RwSignal<String>,
    currency: RwSignal<String>,
    terms: RwSignal<String>,
    contact: RwSignal<String>,
    group: RwSignal<String>,
}

impl CustomerFields {
    fn from(details: &CustomerDetails) -> CustomerFields {
        CustomerFields {
            number: RwSignal::new(details.number.clone()),
            name: RwSignal::new(details.name.clone()),
            registration_no: RwSignal::new(details.registration_no.clone()),
            industry: RwSignal::new(details.industry.clone()),
            country: RwSignal::new(details.country.clone()),
            currency: RwSignal::new(details.currency.code().to_string()),
            terms: RwSignal::new(details.payment_terms_days.to_string()),
            contact: RwSignal::new(details.contact.clone()),
            group: RwSignal::new(details.group.clone()),
        }
    }

    fn read(&self, reader: &mut Reader) -> Option<CustomerDetails> {
        let number = reader.take(Field::Number, input::required(&self.number.get_untracked()));
        let name = reader.take(Field::Name, input::required(&self.name.get_untracked()));
        let terms = reader.take(
            Field::Terms,
            input::required(&self.terms.get_untracked()).and_then(|text| input::parse_terms(&text)),
        );
        let currency = Currency::parse(&self.currency.get_untracked());
        Some(CustomerDetails {
            number: number?,
            name: name?,
            registration_no: self.registration_no.get_untracked(),
            industry: self.industry.get_untracked(),
            country: self.country.get_untracked().trim().to_ascii_uppercase(),
            currency: currency?,
            payment_terms_days: terms??,
            contact: self.contact.get_untracked(),
            group: self.group.get_untracked(),
        })
    }
}

#[component]
pub(super) fn CurrencySelect(
    value: RwSignal<String>,
    errors: Errors,
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    let message = move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|(field, _)| *field == Field::Currency)
                .map(|(_, m)| m.clone())
        })
    };
    view! {
        <div class="field">
            <label for=format!("f-{testid}")>{move || state.texts().currency}</label>
            <select id=format!("f-{testid}") data-testid=testid aria-describedby=format!("f-{testid}-error") prop:value=move || value.get()
                on:change=move |event| value.set(event_target_value(&event))>
                {KNOWN_CURRENCIES.iter().map(|(code, _)| view! { <option value=*code selected={value.get_untracked() == *code}>{*code}</option> }).collect_view()}
            </select>
            <small class="field-error" id=format!("f-{testid}-error") data-testid=format!("{testid}-error") role="alert">{message}</small>
        </div>
    }
}

#[component]
fn CustomerForm(
    title: Label,
    fields: CustomerFields,
    existing: Option<CustomerId>,
    currency_editable: bool,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let errors: Errors = RwSignal::new(Vec::new());
    let form_error = RwSignal::new(None);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form_error.set(None);
        let mut reader = Reader {
            t: state.texts(),
            errors: Vec::new(),
        };
        let details = fields.read(&mut reader);
        errors.set(reader.errors);
        let Some(details) = details else { return };
        let command = match existing {
            Some(id) => Command::UpdateCustomer { id, details },
            None => Command::RegisterCustomer {
                id: state.portfolio.with_untracked(|p| p.next_ids().customer),
                date: state.today.get_untracked(),
                details,
            },
        };
        let id = match &command {
            Command::UpdateCustomer { id, .. } | Command::RegisterCustomer { id, .. } => *id,
            _ => CustomerId(0),
        };
        send(command, errors, form_error, format!("/customers/{}", id.0));
    };
    let back = existing.map_or("/customers".to_string(), |id| {
        format!("/customers/{}", id.0)
    });
    view! {
        <section>
            <h1>{move || title(t())}</h1>
            <form class="form" data-testid="customer-form" on:submit=on_submit novalidate>
                <TextField label=|t| t.customer_number field=Field::Number value=fields.number errors=errors testid="number" />
                <TextField label=|t| t.name field=Field::Name value=fields.name errors=errors testid="name" />
                <TextField label=|t| t.registration_no field=Field::Record value=fields.registration_no errors=errors testid="registration" />
                <TextField label=|t| t.industry field=Field::Record value=fields.industry errors=errors testid="industry" />
                <TextField label=|t| t.country field=Field::Country value=fields.country errors=errors testid="country" />
                {currency_editable.then(|| view! { <CurrencySelect value=fields.currency errors=errors testid="currency" /> })}
                <TextField label=|t| t.payment_terms field=Field::Terms value=fields.terms errors=errors testid="terms" decimal=true />
                <TextField label=|t| t.contact field=Field::Reason value=fields.contact errors=errors testid="contact" />
                <TextField label=|t| t.group field=Field::Customer value=fields.group errors=errors testid="group" />
                <FormError error=form_error />
                <FormActions cancel=back />
            </form>
        </section>
    }
}

#[component]
pub fn NewCustomer() -> impl IntoView {
    let state = use_app();
    let number = state
        .portfolio
        .with_untracked(|p| p.ledger.next_customer_number());
    let details = CustomerDetails {
        number,
        name: String::new(),
        registration_no: String::new(),
        industry: String::new(),
        country: "CN".into(),
        currency: Currency::CNY,
        payment_terms_days: 30,
        contact: String::new(),
        group: String::new(),
    };
    view! { <CustomerForm title=|t| t.form_new_customer fields=CustomerFields::from(&details) existing=None currency_editable=true /> }
}

#[component]
pub fn EditCustomer() -> impl IntoView {
    let state = use_app();
    let id = route_customer_id();
    move || {
        let found = id.get().and_then(|id| {
            state.portfolio.with_untracked(|p| {
                p.ledger
                    .customer(id)
                    .map(|c| (c.details.clone(), !currency_locked(p, c)))
            })
        });
        match found {
            Some((details, editable)) => view! { <CustomerForm title=|t| t.form_edit_customer fields=CustomerFields::from(&details) existing=id.get() currency_editable=editable /> }.into_any(),
            None => view! { <p role="alert">{state.texts().customer_not_found}</p> }.into_any(),
        }
    }
}

/// The customer in the route with its currency, or a "not found" message.
pub(super) fn with_customer(
    render: impl Fn(CustomerId, Currency, String) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let id = route_customer_id();
    move || {
        let found = id.get().and_then(|id| {
            state.portfolio.with_untracked(|p| {
                p.ledger
                    .customer(id)
                    .map(|c| (c.id, c.details.currency, c.details.name.clone()))
            })
        });
        match found {
            Some((id, currency, name)) => render(id, currency, name),
            None => view! { <p role="alert">{state.texts().customer_not_found}</p> }.into_any(),
        }
    }
}

#[component]
pub fn InvoiceForm() -> impl IntoView {
    with_customer(|customer, currency, name| {
        view! { <InvoiceFormFor customer=customer currency=currency name=name /> }.into_any()
    })
}

#[component]
fn InvoiceFormFor(customer: CustomerId, currency: Currency, name: String) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let today = state.today.get_untracked();
    let next = state.portfolio.with_untracked(|p| p.next_ids().invoice);
    let number = RwSignal::new(format!("INV-{}-{:07}", today.format("%Y"), next.0));
    let issue = RwSignal::new(today.to_string());
    let terms = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let currency_text = RwSignal::new(currency.code().to_string());
    let errors: Errors = RwSignal::new(Vec::new());
    let form_error = RwSignal::new(None);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form_error.set(None);
        let mut reader = Reader {
            t: state.texts(),
            errors: Vec::new(),
        };
        let number = reader.take(Field::Number, input::required(&number.get_untracked()));
        let issue_date = reader.take(Field::Date, input::parse_date(&issue.get_untracked()));
        let terms_days = reader.take(Field::Terms, input::parse_terms(&terms.get_untracked()));
        let due_date = reader.take(
            Field::DueDate,
            input::parse_optional_date(&due.get_untracked()),
        );
        let chosen = Currency::parse(&currency_text.get_untracked()).unwrap_or(currency);
        let amount = reader.amount(&amount.get_untracked(), chosen);
        errors.set(reader.errors);
        let (Some(number), Some(issue_date), Some(terms_days), Some(due_date), Some(amount)) =
            (number, issue_date, terms_days, due_date, amount)
        else {
            return;
        };
        let id = state.portfolio.with_untracked(|p| p.next_ids().invoice);
        let command = Command::IssueInvoice {
            id,
            customer,
            number,
            issue_date,
            terms_days,
            due_date,
            amount,
        };
        send(
            command,
            errors,
            form_error,
            format!("/customers/{}", customer.0),
        );
    };
    view! {
        <section>
            <h1>{move || t().form_invoice}</h1>
            <p class="muted">{name}</p>
            <form class="form" data-testid="invoice-form" on:submit=on_submit novalidate>
                <TextField label=|t| t.invoice_number field=Field::Number value=number errors=errors testid="number" />
                <TextField label=|t| t.issue_date field=Field::Date value=issue errors=errors testid="issue-date" kind="date" />
                <TextField label=|t| t.payment_terms field=Field::Terms value=terms errors=errors testid="terms" hint=|t| t.terms_hint />
                <TextField label=|t| t.due_date field=Field::DueDate value=due errors=errors testid="due-date" kind="date" hint=|t| t.due_date_hint />
                <CurrencySelect value=currency_text errors=errors testid="currency" />
                <TextField label=|t| t.amount field=Field::Amount value=amount errors=errors testid="amount" decimal=true />
                <FormError error=form_error />
                <FormActions cancel=format!("/customers/{}", customer.0) />
            </form>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum AllocationMode {
    OldestFirst,
    ToInvoice,
    Unapplied,
}

#[component]
fn AllocationPicker(
    customer: CustomerId,
    mode: RwSignal<AllocationMode>,
    invoice: RwSignal<String>,
    errors: Errors,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let open_invoices = state.portfolio.with_untracked(|p| {
        p.ledger
            .customer(customer)
            .map(|c| {
                c.invoices
                    .iter()
                    .filter_map(|id| p.ledger.invoice(*id))
                    .filter(|i| !i.open().is_zero())
                    .map(|i| {
                        (
                            i.id.0,
                            format!(
                                "{} · {} · {}",
                                i.number,
                                i.due_date,
                                Money::new(i.open(), i.amount.currency)
                            ),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let radio = move |value: AllocationMode, label: Label, testid: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="allocation" data-testid=testid prop:checked=move || mode.get() == value on:change=move |_| mode.set(value) />
                <span>{move || label(t())}</span>
            </label>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{move || t().allocation}</legend>
            {radio(AllocationMode::OldestFirst, |t| t.allocation_oldest_first, "alloc-oldest")}
            {radio(AllocationMode::ToInvoice, |t| t.allocation_to_invoice, "alloc-invoice")}
            {radio(AllocationMode::Unapplied, |t| t.allocation_unapplied, "alloc-unapplied")}
            <Show when=move || mode.get() == AllocationMode::ToInvoice>
                <select data-testid="alloc-invoice-select" aria-describedby="f-allocation-error" aria-label=move || t().choose_invoice prop:value=move || invoice.get() on:change=move |event| invoice.set(event_target_value(&event))>
                    <option value="">{move || t().choose_invoice}</option>
                    {open_invoices.iter().map(|(id, label)| view! { <option value=id.to_string()>{label.clone()}</option> }).collect_view()}
                </select>
            </Show>
            <small class="field-error" id="f-allocation-error" data-testid="allocation-error" role="alert">{move || errors.with(|e| e.iter().find(|(f, _)| matches!(f, Field::Allocation | Field::Invoice)).map(|(_, m)| m.clone()))}</small>
        </fieldset>
    }
}

fn allocation_choice(
    reader: &mut Reader,
    mode: AllocationMode,
    invoice: &str,
    amount: Option<Money>,
) -> Option<AllocationChoice> {
    match mode {
        AllocationMode::OldestFirst => Some(AllocationChoice::OldestFirst),
        AllocationMode::Unapplied => Some(AllocationChoice::Unapplied),
        AllocationMode::ToInvoice => match invoice.parse::<u32>() {
            Ok(id) => amount.map(|amount| {
                AllocationChoice::Manual(vec![Allocation {
                    invoice: InvoiceId(id),
                    amount: amount.amount,
                }])
            }),
            Err(_) => {
                reader
                    .errors
                    .push((Field::Allocation, reader.t.err_choose_invoice.to_string()));
                None
            }
        },
    }
}

#[component]
pub fn PaymentForm() -> impl IntoView {
    with_customer(|customer, currency, name| {
        view! { <PaymentFormFor customer=customer currency=currency name=name /> }.into_any()
    })
}

#[component]
fn PaymentFormFor(customer: CustomerId, currency: Currency, name: String) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let date = RwSignal::new(state.today.get_untracked().to_string());
    let amount = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let mode = RwSignal::new(AllocationMode::OldestFirst);
    let invoice = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let form_error = RwSignal::new(None);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form_error.set(None);
        let mut reader = Reader {
            t: state.texts(),
            errors: Vec::new(),
        };
        let date = reader.take(Field::Date, input::parse_date(&date.get_untracked()));
        let amount = reader.amount(&amount.get_untracked(), currency);
        let allocation = allocation_choice(
            &mut reader,
            mode.get_untracked(),
            &invoice.get_untracked(),
            amount,
        );
        errors.set(reader.errors);
        let (Some(date), Some(amount), Some(allocation)) = (date, amount, allocation) else {
            return;
        };
        let id = state.portfolio.with_untracked(|p| p.next_ids().payment);
        let command = Command::ReceivePayment {
            id,
            customer,
            date,
            amount,
            reference: reference.get_untracked(),
            allocation,
        };
        send(
            command,
            errors,
            form_error,
            format!("/customers/{}", customer.0),
        );
    };
    view! {
        <section>
            <h1>{move || t().form_payment}</h1>
            <p class="muted">{name}" · "{currency.code().to_string()}</p>
            <form class="form" data-testid="payment-form" on:submit=on_submit novalidate>
                <TextField label=|t| t.payment_date field=Field::Date value=date errors=errors testid="date" kind="date" />
                <TextField label=|t| t.amount field=Field::Amount value=amount errors=errors testid="amount" decimal=true />
                <TextField label=|t| t.reference field=Field::Reason value=reference errors=errors testid="reference" />
                <AllocationPicker customer=customer mode=mode invoice=invoice errors=errors />
                <FormError error=form_error />
                <FormActions cancel=format!("/customers/{}", customer.0) />
            </form>
        </section>
    }
}

#[component]
pub fn CreditNoteForm() -> impl IntoView {
    with_customer(|customer, currency, name| {
        view! { <CreditNoteFormFor customer=customer currency=currency name=name /> }.into_any()
    })
}

#[component]
fn CreditNoteFormFor(customer: CustomerId, currency: Currency, name: String) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let today = state.today.get_untracked();
    let next = state.portfolio.with_untracked(|p| p.next_ids().credit_note);
    let number = RwSignal::new(format!("CN-{}-{:06}", today.format("%Y"), next.0));
    let date = RwSignal::new(today.to_string());
    let amount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let mode = RwSignal::new(AllocationMode::OldestFirst);
    let invoice = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let form_error = RwSignal::new(None);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form_error.set(None);
        let mut reader = Reader {
            t: state.texts(),
            errors: Vec::new(),
        };
        let number = reader.take(Field::Number, input::required(&number.get_untracked()));
        let date = reader.take(Field::Date, input::parse_date(&date.get_untracked()));
        let amount = reader.amount(&amount.get_untracked(), currency);
        let reason = reader.take(Field::Reason, input::required(&reason.get_untracked()));
        let allocation = allocation_choice(
            &mut reader,
            mode.get_untracked(),
            &invoice.get_untracked(),
            amount,
        );
        errors.set(reader.errors);
        let (Some(number), Some(date), Some(amount), Some(reason), Some(allocation)) =
            (number, date, amount, reason, allocation)
        else {
            return;
        };
        let id = state.portfolio.with_untracked(|p| p.next_ids().credit_note);
        let command = Command::IssueCreditNote {
            id,
            customer,
            number,
            date,
            amount,
            reason,
            allocation,
        };
        send(
            command,
            errors,
            form_error,
            format!("/customers/{}", customer.0),
        );
    };
    view! {
        <section>
            <h1>{move || t().form_credit_note}</h1>
            <p class="muted">{name}" · "{currency.code().to_string()}</p>
            <form class="form" data-testid="credit-note-form" on:submit=on_submit novalidate>
                <TextField label=|t| t.credit_number field=Field::Number value=number errors=errors testid="number" />
                <TextField label=|t| t.date_label field=Field::Date value=date errors=errors testid="date" kind="date" />
                <TextField label=|t| t.amount field=Field::Amount value=amount errors=errors testid="amount" decimal=true />
                <TextField label=|t| t.reason field=Field::Reason value=reason errors=errors testid="reason" />
                <AllocationPicker customer=customer mode=mode invoice=invoice errors=errors />
                <FormError error=form_error />
                <FormActions cancel=format!("/customers/{}", customer.0) />
            </form>
        </section>
    }
}

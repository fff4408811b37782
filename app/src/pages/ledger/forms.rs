//! Forms that turn typed input into core commands: register or edit a customer, issue an
//! invoice, record a payment, issue a credit note. Parsing errors and the core's rejections
//! are shown beside the field they concern; nothing is saved unless the whole command is.

use crate::i18n::fill;
use crate::pages::ledger::discount::{discount_note, read_discount, DiscountOfferBox};
use crate::ui::form::{
    CurrencySelect, ErrorSlot, Form, FormActions, FormError, Label, Reader, TextField,
};
use crate::ui::route::{route_customer_id, with_customer};
use crate::ui::{money, use_app};
use chrono::NaiveDate;
use creditdesk_core::decide::{currency_locked, AllocationChoice, Command, Field};
use creditdesk_core::{Allocation, Amount, Currency, CustomerDetails, CustomerId, InvoiceId};
use leptos::prelude::*;

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
    discount_percent: RwSignal<String>,
    discount_days: RwSignal<String>,
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
            discount_percent: RwSignal::new(
                (details.discount).map_or(String::new(), |d| crate::ui::form::plain(d.percent)),
            ),
            discount_days: RwSignal::new(
                (details.discount).map_or(String::new(), |d| d.days.to_string()),
            ),
        }
    }

    fn read(&self, reader: &mut Reader) -> Option<CustomerDetails> {
        let number = reader.text(Field::Number, &self.number.get_untracked());
        let name = reader.text(Field::Name, &self.name.get_untracked());
        // The customer's own terms are required: empty is not "the customer's terms" here.
        let terms_text = self.terms.get_untracked();
        let terms = match reader.text(Field::Terms, &terms_text) {
            Some(text) => reader.terms(Field::Terms, &text),
            None => None,
        };
        let currency = Currency::parse(&self.currency.get_untracked());
        let (percent, days) = (
            self.discount_percent.get_untracked(),
            self.discount_days.get_untracked(),
        );
        let discount = read_discount(reader, &percent, &days);
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
            discount: discount?,
        })
    }
}

/// The commands a customer form's submission makes: the registration, or the update and,
/// when "customer since" moved, its change.
fn customer_commands(
    existing: Option<(CustomerId, NaiveDate)>,
    next: CustomerId,
    details: CustomerDetails,
    since: NaiveDate,
    today: NaiveDate,
) -> (CustomerId, Vec<Command>) {
    let Some((id, was)) = existing else {
        let command = Command::RegisterCustomer {
            id: next,
            date: since,
            recorded_on: today,
            details,
        };
        return (next, vec![command]);
    };
    let mut commands = vec![Command::UpdateCustomer { id, details }];
    if since != was {
        commands.push(Command::ChangeCustomerSince {
            id,
            since,
            recorded_on: today,
        });
    }
    (id, commands)
}

#[component]
fn CustomerForm(
    title: Label,
    fields: CustomerFields,
    /// The customer edited and its "customer since" date; `None` registers a new one.
    existing: Option<(CustomerId, NaiveDate)>,
    currency_editable: bool,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let form = Form::new();
    let today = state.today.get_untracked();
    let since = RwSignal::new(existing.map_or(today, |(_, was)| was).to_string());
    let p = move || state.lang.get().plans();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|reader| {
            let date = reader.date(Field::Date, &since.get_untracked());
            Some((fields.read(reader)?, date?))
        });
        let Some((details, since)) = read else {
            return;
        };
        let next = state.portfolio.with_untracked(|p| p.next_ids().customer);
        let today = state.today.get_untracked();
        let (id, commands) = customer_commands(existing, next, details, since, today);
        form.send_all(commands, format!("/customers/{}", id.0));
    };
    let back = existing.map_or("/customers".to_string(), |(id, _)| {
        format!("/customers/{}", id.0)
    });
    view! {
        <section>
            <h1>{move || title(t())}</h1>
            <form class="form" data-testid="customer-form" on:submit=on_submit novalidate>
                <TextField label=move || t().customer_number field=Field::Number value=fields.number form=form testid="number" />
                <TextField label=move || t().name field=Field::Name value=fields.name form=form testid="name" />
                <TextField label=move || t().registered_on field=Field::Date value=since form=form testid="since" kind="date" hint=move || t().since_hint />
                <TextField label=move || t().registration_no field=Field::Record value=fields.registration_no form=form testid="registration" />
                <TextField label=move || t().industry field=Field::Record value=fields.industry form=form testid="industry" />
                <TextField label=move || t().country field=Field::Country value=fields.country form=form testid="country" />
                {currency_editable.then(|| view! { <CurrencySelect value=fields.currency form=form testid="currency" /> })}
                <TextField label=move || t().payment_terms field=Field::Terms value=fields.terms form=form testid="terms" decimal=true />
                <TextField label=move || t().contact field=Field::Reason value=fields.contact form=form testid="contact" />
                <TextField label=move || t().group field=Field::Customer value=fields.group form=form testid="group" />
                <TextField label=move || p().discount_percent field=Field::DiscountPercent value=fields.discount_percent form=form testid="discount-percent" decimal=true hint=move || p().discount_hint />
                <TextField label=move || p().discount_days field=Field::DiscountDays value=fields.discount_days form=form testid="discount-days" decimal=true />
                <FormError form />
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
        discount: None,
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
                    .map(|c| (c.details.clone(), c.registered_on, !currency_locked(p, c)))
            })
        });
        match found {
            Some((details, since, editable)) => view! { <CustomerForm title=|t| t.form_edit_customer fields=CustomerFields::from(&details) existing=id.get().map(|id| (id, since)) currency_editable=editable /> }.into_any(),
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
    let form = Form::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|reader| {
            let number = reader.text(Field::Number, &number.get_untracked());
            let issue_date = reader.date(Field::Date, &issue.get_untracked());
            let terms_days = reader.terms(Field::Terms, &terms.get_untracked());
            let due_text = due.get_untracked();
            let due_date = reader.optional_date(Field::DueDate, &due_text);
            let chosen = Currency::parse(&currency_text.get_untracked()).unwrap_or(currency);
            let amount = reader.amount(&amount.get_untracked(), chosen);
            Some((number?, issue_date?, terms_days?, due_date?, amount?))
        });
        let Some((number, issue_date, terms_days, due_date, amount)) = read else {
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
        form.send(command, format!("/customers/{}", customer.0));
    };
    view! {
        <section>
            <h1>{move || t().form_invoice}</h1>
            <p class="muted">{name}</p>
            {hold_warning(customer)}
            <form class="form" data-testid="invoice-form" on:submit=on_submit novalidate>
                <TextField label=move || t().invoice_number field=Field::Number value=number form=form testid="number" />
                <TextField label=move || t().issue_date field=Field::Date value=issue form=form testid="issue-date" kind="date" />
                <TextField label=move || t().payment_terms field=Field::Terms value=terms form=form testid="terms" hint=move || t().terms_hint />
                <TextField label=move || t().due_date field=Field::DueDate value=due form=form testid="due-date" kind="date" hint=move || t().due_date_hint />
                <CurrencySelect value=currency_text form=form testid="currency" />
                <TextField label=move || t().amount field=Field::Amount value=amount form=form testid="amount" decimal=true />
                <FormError form />
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
    form: Form,
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
                                money(i.open(), i.amount.currency())
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
            <ErrorSlot form field=Field::Allocation or=Field::Invoice id="f-allocation-error" testid="allocation-error" />
        </fieldset>
    }
}

fn allocation_choice(
    reader: &mut Reader,
    mode: AllocationMode,
    invoice: &str,
    amount: Option<Amount>,
) -> Option<AllocationChoice> {
    match mode {
        AllocationMode::OldestFirst => Some(AllocationChoice::OldestFirst),
        AllocationMode::Unapplied => Some(AllocationChoice::Unapplied),
        AllocationMode::ToInvoice => match invoice.parse::<u32>() {
            Ok(id) => amount.map(|amount| {
                AllocationChoice::Manual(vec![Allocation {
                    invoice: InvoiceId(id),
                    amount,
                }])
            }),
            Err(_) => {
                reader.refuse(Field::Allocation, reader.t.err_choose_invoice.to_string());
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
    let accept = RwSignal::new(false);
    // The invoice a payment "to one invoice" settles: the discount is offered on it alone.
    let only = Signal::derive(move || {
        (mode.get() == AllocationMode::ToInvoice)
            .then(|| invoice.get().parse().ok().map(InvoiceId))
            .flatten()
    });
    let form = Form::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|reader| {
            let date = reader.date(Field::Date, &date.get_untracked());
            let amount = reader.amount(&amount.get_untracked(), currency);
            let (mode, invoice) = (mode.get_untracked(), invoice.get_untracked());
            let allocation = allocation_choice(reader, mode, &invoice, amount);
            Some((date?, amount?, allocation?))
        });
        let Some((date, amount, allocation)) = read else {
            return;
        };
        let id = state.portfolio.with_untracked(|p| p.next_ids().payment);
        let command = Command::ReceivePayment {
            id,
            customer,
            date,
            recorded_on: state.today.get_untracked(),
            amount,
            reference: reference.get_untracked(),
            allocation,
        };
        let today = state.today.get_untracked();
        let note = accept
            .get_untracked()
            .then(|| discount_note(customer, currency, (date, today), only.get_untracked()));
        let commands = note.flatten().into_iter().chain([command]).collect();
        form.send_all(commands, format!("/customers/{}", customer.0));
    };
    view! {
        <section>
            <h1>{move || t().form_payment}</h1>
            <p class="muted">{name}" · "{currency.code().to_string()}</p>
            <form class="form" data-testid="payment-form" on:submit=on_submit novalidate>
                <TextField label=move || t().payment_date field=Field::Date value=date form=form testid="date" kind="date" />
                <TextField label=move || t().amount field=Field::Amount value=amount form=form testid="amount" decimal=true />
                <TextField label=move || t().reference field=Field::Reason value=reference form=form testid="reference" />
                <AllocationPicker customer=customer mode=mode invoice=invoice form=form />
                <DiscountOfferBox customer currency date only accept />
                <FormError form />
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
    let form = Form::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|reader| {
            let number = reader.text(Field::Number, &number.get_untracked());
            let date = reader.date(Field::Date, &date.get_untracked());
            let amount = reader.amount(&amount.get_untracked(), currency);
            let reason = reader.text(Field::Reason, &reason.get_untracked());
            let (mode, invoice) = (mode.get_untracked(), invoice.get_untracked());
            let allocation = allocation_choice(reader, mode, &invoice, amount);
            Some((number?, date?, amount?, reason?, allocation?))
        });
        let Some((number, date, amount, reason, allocation)) = read else {
            return;
        };
        let id = state.portfolio.with_untracked(|p| p.next_ids().credit_note);
        let command = Command::IssueCreditNote {
            id,
            customer,
            number,
            date,
            recorded_on: state.today.get_untracked(),
            amount,
            reason,
            allocation,
        };
        form.send(command, format!("/customers/{}", customer.0));
    };
    view! {
        <section>
            <h1>{move || t().form_credit_note}</h1>
            <p class="muted">{name}" · "{currency.code().to_string()}</p>
            <form class="form" data-testid="credit-note-form" on:submit=on_submit novalidate>
                <TextField label=move || t().credit_number field=Field::Number value=number form=form testid="number" />
                <TextField label=move || t().date_label field=Field::Date value=date form=form testid="date" kind="date" />
                <TextField label=move || t().amount field=Field::Amount value=amount form=form testid="amount" decimal=true />
                <TextField label=move || t().reason field=Field::Reason value=reason form=form testid="reason" />
                <AllocationPicker customer=customer mode=mode invoice=invoice form=form />
                <FormError form />
                <FormActions cancel=format!("/customers/{}", customer.0) />
            </form>
        </section>
    }
}

/// Invoicing a customer on credit hold is allowed (the goods may have left under a release),
/// but never unnoticed: the hold, since when, by whom and why.
fn hold_warning(customer: CustomerId) -> Option<impl IntoView> {
    let state = use_app();
    let text = state.portfolio.with_untracked(|p| {
        let hold = p.limits.hold(customer)?;
        let by = p
            .team
            .user(hold.by)
            .map_or_else(String::new, |user| user.name.clone());
        let d = state.lang.get_untracked().desk();
        let date = hold.date.to_string();
        Some(fill(
            d.on_hold_since,
            &[("date", &date), ("by", &by), ("reason", &hold.reason)],
        ))
    })?;
    Some(view! { <p class="warn" role="alert" data-testid="invoice-hold">{text}</p> })
}

//! Forms that add a record to a customer's credit file: a financial statement, an external
//! credit report, a bank or supplier reference, a site visit or interview, a risk signal.
//! Parsing errors and the core's rejections appear beside the field; an unbalanced balance
//! sheet is a warning, not a rejection.

use crate::i18n::fill;
use crate::ui::decimal;
use crate::ui::form::{
    labelled, read_figure, CurrencySelect, ErrorSlot, Form, FormActions, FormError, Label, Reader,
    SelectField, TextField,
};
use crate::ui::route::with_customer;
use crate::ui::statement::lines;
use crate::ui::use_app;
use creditdesk_core::credit::{
    statement_warnings, Assessment, CreditRecord, CreditReport, FinancialStatement, Reference,
    ReferenceKind, RiskSignal, Severity, SignalKind, StatementWarning, Visit, VisitKind,
};
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::{Currency, CustomerId};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CreditRecordForm() -> impl IntoView {
    let params = use_params_map();
    with_customer(move |customer, currency, name| {
        let kind = params.with_untracked(|map| map.get("kind").unwrap_or_default());
        view! { <RecordFormFor customer=customer currency=currency name=name kind=kind /> }
            .into_any()
    })
}

/// The form's signals; the kinds share them (`text_a` is the agency, source or who).
#[derive(Clone)]
struct Fields {
    date: RwSignal<String>,
    text_a: RwSignal<String>,
    text_b: RwSignal<String>,
    text_c: RwSignal<String>,
    choice_a: RwSignal<String>,
    choice_b: RwSignal<String>,
    currency: RwSignal<String>,
    lines: Vec<RwSignal<String>>,
}

impl Fields {
    fn new(today: String, currency: Currency) -> Fields {
        let text = || RwSignal::new(String::new());
        Fields {
            date: RwSignal::new(today),
            text_a: text(),
            text_b: text(),
            text_c: text(),
            choice_a: text(),
            choice_b: text(),
            currency: RwSignal::new(currency.code().to_string()),
            lines: (0..12).map(|_| text()).collect(),
        }
    }

    fn date(&self, reader: &mut Reader) -> Option<chrono::NaiveDate> {
        reader.date(Field::Date, &self.date.get_untracked())
    }

    fn required(
        &self,
        reader: &mut Reader,
        field: Field,
        text: RwSignal<String>,
    ) -> Option<String> {
        reader.text(field, &text.get_untracked())
    }
}

fn read_statement(
    fields: &Fields,
    reader: &mut Reader,
    customer_currency: Currency,
) -> Option<FinancialStatement> {
    let period_end = fields.date(reader);
    let chosen = Currency::parse(&fields.currency.get_untracked()).unwrap_or(customer_currency);
    let mut statement = FinancialStatement {
        currency: Some(chosen),
        ..FinancialStatement::default()
    };
    let mut ok = true;
    for ((_, label, line), value) in lines(reader.t).iter().zip(&fields.lines) {
        match reader.figure(Field::Statement, label, &value.get_untracked()) {
            Some(parsed) => *line(&mut statement) = parsed,
            None => ok = false,
        }
    }
    statement.period_end = period_end?;
    ok.then_some(statement)
}

fn read_report(fields: &Fields, reader: &mut Reader, currency: Currency) -> Option<CreditReport> {
    let agency = fields.required(reader, Field::Name, fields.text_a);
    let report_date = fields.date(reader);
    let rating = fields.required(reader, Field::Rating, fields.text_b);
    let limit_text = fields.text_c.get_untracked();
    let recommended_limit = if limit_text.trim().is_empty() {
        Some(None)
    } else {
        reader.amount(&limit_text, currency).map(Some)
    };
    Some(CreditReport {
        agency: agency?,
        report_date: report_date?,
        rating: rating?,
        recommended_limit: recommended_limit?,
        notes: fields.choice_b.get_untracked(),
    })
}

fn read_reference(fields: &Fields, reader: &mut Reader) -> Option<Reference> {
    let date = fields.date(reader);
    let source = fields.required(reader, Field::Name, fields.text_a);
    Some(Reference {
        kind: match fields.choice_a.get_untracked().as_str() {
            "supplier" => ReferenceKind::Supplier,
            _ => ReferenceKind::Bank,
        },
        date: date?,
        source: source?,
        assessment: match fields.choice_b.get_untracked().as_str() {
            "positive" => Assessment::Positive,
            "negative" => Assessment::Negative,
            _ => Assessment::Neutral,
        },
        findings: fields.text_b.get_untracked(),
    })
}

fn read_visit(fields: &Fields, reader: &mut Reader) -> Option<Visit> {
    let date = fields.date(reader);
    let who = fields.required(reader, Field::Name, fields.text_a);
    Some(Visit {
        kind: match fields.choice_a.get_untracked().as_str() {
            "interview" => VisitKind::Interview,
            _ => VisitKind::SiteVisit,
        },
        date: date?,
        who: who?,
        findings: fields.text_b.get_untracked(),
    })
}

fn read_signal(fields: &Fields, reader: &mut Reader) -> Option<RiskSignal> {
    let date = fields.date(reader);
    Some(RiskSignal {
        kind: match fields.choice_a.get_untracked().as_str() {
            "management" => SignalKind::ManagementChange,
            "news" => SignalKind::NegativeNews,
            "lawsuit" => SignalKind::Lawsuit,
            "downturn" => SignalKind::IndustryDownturn,
            _ => SignalKind::Other,
        },
        date: date?,
        severity: match fields.choice_b.get_untracked().as_str() {
            "high" => Severity::High,
            "low" => Severity::Low,
            _ => Severity::Medium,
        },
        source: fields.text_a.get_untracked(),
        notes: fields.text_b.get_untracked(),
    })
}

fn read_record(
    kind: &str,
    fields: &Fields,
    reader: &mut Reader,
    currency: Currency,
) -> Option<CreditRecord> {
    match kind {
        "statement" => read_statement(fields, reader, currency).map(CreditRecord::Statement),
        "report" => read_report(fields, reader, currency).map(CreditRecord::Report),
        "reference" => read_reference(fields, reader).map(CreditRecord::Reference),
        "visit" => read_visit(fields, reader).map(CreditRecord::Visit),
        _ => read_signal(fields, reader).map(CreditRecord::Signal),
    }
}

fn title(kind: &str) -> Label {
    match kind {
        "statement" => |t| t.add_statement,
        "report" => |t| t.add_report,
        "reference" => |t| t.add_reference,
        "visit" => |t| t.add_visit,
        _ => |t| t.add_signal,
    }
}

#[component]
fn RecordFormFor(
    customer: CustomerId,
    currency: Currency,
    name: String,
    kind: String,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let fields = Fields::new(state.today.get_untracked().to_string(), currency);
    let form = Form::new();
    let (kind_for_submit, fields_for_submit) = (kind.clone(), fields.clone());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = |reader: &mut Reader| {
            read_record(&kind_for_submit, &fields_for_submit, reader, currency)
        };
        let Some(record) = form.read(read) else {
            return;
        };
        let command = Command::AddCreditRecord {
            customer,
            recorded_on: state.today.get_untracked(),
            record,
        };
        form.send(command, format!("/customers/{}/credit", customer.0));
    };
    let title = title(&kind);
    let body = match kind.as_str() {
        "statement" => view! { <StatementFields fields form /> }.into_any(),
        "report" => view! { <ReportFields fields form /> }.into_any(),
        "reference" => view! { <ReferenceFields fields form /> }.into_any(),
        "visit" => view! { <VisitFields fields form /> }.into_any(),
        _ => view! { <SignalFields fields form /> }.into_any(),
    };
    view! {
        <section>
            <h1>{move || title(t())}</h1>
            <p class="muted">{name}</p>
            <form class="form" data-testid="credit-record-form" on:submit=on_submit novalidate>
                {body}
                <FormError form />
                <FormActions cancel=format!("/customers/{}/credit", customer.0) />
            </form>
        </section>
    }
}

/// The period, the currency and the twelve lines, with the live balance-sheet warning.
#[component]
fn StatementFields(fields: Fields, form: Form) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let statement_lines = fields.lines.clone();
    let warning = Memo::new(move |_| {
        let mut statement = FinancialStatement::default();
        for ((_, _, line), value) in lines(state.texts()).iter().zip(&statement_lines) {
            *line(&mut statement) = read_figure(&value.get()).ok().flatten();
        }
        statement_warnings(&statement).into_iter().next()
    });
    let line_fields = lines(state.texts())
        .into_iter()
        .zip(fields.lines)
        .map(|((testid, label, _), value)| view! {
            <div class="field">
                <label for=format!("f-{testid}")>{label}</label>
                <input id=format!("f-{testid}") data-testid=testid inputmode="decimal" aria-describedby="f-statement-error"
                    aria-invalid=move || if read_figure(&value.get()).is_err() { "true" } else { "false" }
                    prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
            </div>
        })
        .collect_view();
    view! {
        <TextField label=move || t().period_end field=Field::Date value=fields.date form testid="date" kind="date" />
        <CurrencySelect value=fields.currency form testid="currency" />
        <p class="hint">{move || t().statement_hint}</p>
        <div class="grid-fields">{line_fields}</div>
        <ErrorSlot form field=Field::Statement id="f-statement-error" testid="statement-error" />
        {move || warning.get().map(|StatementWarning::Unbalanced { assets, liabilities_and_equity }| view! {
            <p class="warn-box" role="status" data-testid="statement-warning">{fill(t().statement_unbalanced, &[("assets", &decimal(assets, 2)), ("sum", &decimal(liabilities_and_equity, 2))])}</p>
        })}
    }
}

#[component]
fn ReportFields(fields: Fields, form: Form) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        <TextField label=move || t().agency field=Field::Name value=fields.text_a form testid="agency" />
        <TextField label=move || t().report_date field=Field::Date value=fields.date form testid="date" kind="date" />
        <TextField label=move || t().rating field=Field::Rating value=fields.text_b form testid="rating" />
        <TextField label=move || t().recommended_limit field=Field::Amount value=fields.text_c form testid="amount" decimal=true />
        <TextField label=move || t().notes field=Field::Reason value=fields.choice_b form testid="notes" />
    }
}

#[component]
fn ReferenceFields(fields: Fields, form: Form) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let kinds: [(&str, Label); 2] = [
        ("bank", |t| t.reference_bank),
        ("supplier", |t| t.reference_supplier),
    ];
    let assessments: [(&str, Label); 3] = [
        ("positive", |t| t.assessment_positive),
        ("neutral", |t| t.assessment_neutral),
        ("negative", |t| t.assessment_negative),
    ];
    view! {
        <SelectField label=move || t().reference_kind value=fields.choice_a options=labelled(&kinds) testid="reference-kind" />
        <TextField label=move || t().date_label field=Field::Date value=fields.date form testid="date" kind="date" />
        <TextField label=move || t().source field=Field::Name value=fields.text_a form testid="source" />
        <SelectField label=move || t().assessment value=fields.choice_b options=labelled(&assessments) testid="assessment" />
        <TextField label=move || t().findings field=Field::Reason value=fields.text_b form testid="findings" />
    }
}

#[component]
fn VisitFields(fields: Fields, form: Form) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let kinds: [(&str, Label); 2] = [
        ("site", |t| t.visit_site),
        ("interview", |t| t.visit_interview),
    ];
    view! {
        <SelectField label=move || t().visit_kind value=fields.choice_a options=labelled(&kinds) testid="visit-kind" />
        <TextField label=move || t().date_label field=Field::Date value=fields.date form testid="date" kind="date" />
        <TextField label=move || t().who field=Field::Name value=fields.text_a form testid="who" />
        <TextField label=move || t().findings field=Field::Reason value=fields.text_b form testid="findings" />
    }
}

#[component]
fn SignalFields(fields: Fields, form: Form) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let kinds: [(&str, Label); 5] = [
        ("management", |t| t.signal_management),
        ("news", |t| t.signal_news),
        ("lawsuit", |t| t.signal_lawsuit),
        ("downturn", |t| t.signal_downturn),
        ("other", |t| t.signal_other),
    ];
    let severities: [(&str, Label); 3] = [
        ("medium", |t| t.severity_medium),
        ("low", |t| t.severity_low),
        ("high", |t| t.severity_high),
    ];
    view! {
        <SelectField label=move || t().signal_kind value=fields.choice_a options=labelled(&kinds) testid="signal-kind" />
        <TextField label=move || t().date_label field=Field::Date value=fields.date form testid="date" kind="date" />
        <SelectField label=move || t().severity value=fields.choice_b options=labelled(&severities) testid="severity" />
        <TextField label=move || t().source field=Field::Name value=fields.text_a form testid="source" />
        <TextField label=move || t().notes field=Field::Reason value=fields.text_b form testid="notes" />
    }
}

//! Forms that add a record to a customer's credit file: a financial statement, an external
//! credit report, a bank or supplier reference, a site visit or interview, a risk signal.
//! Parsing errors and the core's rejections appear beside the field; an unbalanced balance
//! sheet is a warning, not a rejection.

use super::forms::{
    send, CurrencySelect, Errors, FormActions, FormError, Label, Reader, TextField,
};
use crate::i18n::Texts;
use crate::ui::use_app;
use creditdesk_core::base::input::{self, parse_optional_figure};
use creditdesk_core::base::money::format_grouped;
use creditdesk_core::credit::{
    statement_warnings, Assessment, CreditRecord, CreditReport, FinancialStatement, Reference,
    ReferenceKind, RiskSignal, Severity, SignalKind, StatementWarning, Visit, VisitKind,
};
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::{Currency, CustomerId};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;

#[component]
pub fn CreditRecordForm() -> impl IntoView {
    let params = use_params_map();
    super::forms::with_customer(move |customer, currency, name| {
        let kind = params.with_untracked(|map| map.get("kind").unwrap_or_default());
        view! { <RecordFormFor customer=customer currency=currency name=name kind=kind /> }
            .into_any()
    })
}

/// A select whose options are (value, label) with labels from the language table.
#[component]
fn Choice(
    label: Label,
    value: RwSignal<String>,
    options: Vec<(&'static str, Label)>,
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="field">
            <label for=format!("f-{testid}")>{move || label(state.texts())}</label>
            <select id=format!("f-{testid}") data-testid=testid prop:value=move || value.get() on:change=move |event| value.set(event_target_value(&event))>
                {options.into_iter().map(|(key, text)| view! { <option value=key selected={value.get_untracked() == key}>{move || text(state.texts())}</option> }).collect_view()}
            </select>
        </div>
    }
}

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

/// One statement line: test id, label, and access to its value.
pub(super) type StatementLine = (
    &'static str,
    &'static str,
    fn(&mut FinancialStatement) -> &mut Option<Decimal>,
);

/// The statement lines in display order (used by the form and the what-if panel).
pub(super) fn lines(t: &Texts) -> [StatementLine; 12] {
    [
        ("current-assets", t.line_current_assets, |s| {
            &mut s.current_assets
        }),
        ("total-assets", t.line_total_assets, |s| &mut s.total_assets),
        ("current-liabilities", t.line_current_liabilities, |s| {
            &mut s.current_liabilities
        }),
        ("total-liabilities", t.line_total_liabilities, |s| {
            &mut s.total_liabilities
        }),
        ("equity", t.line_equity, |s| &mut s.equity),
        ("retained-earnings", t.line_retained_earnings, |s| {
            &mut s.retained_earnings
        }),
        ("inventory", t.line_inventory, |s| &mut s.inventory),
        ("cash", t.line_cash, |s| &mut s.cash),
        ("revenue", t.line_revenue, |s| &mut s.revenue),
        ("ebit", t.line_ebit, |s| &mut s.ebit),
        ("net-profit", t.line_net_profit, |s| &mut s.net_profit),
        ("interest-expense", t.line_interest_expense, |s| {
            &mut s.interest_expense
        }),
    ]
}

fn read_statement(
    fields: &Fields,
    reader: &mut Reader,
    customer_currency: Currency,
) -> Option<FinancialStatement> {
    let period_end = reader.take(Field::Date, input::parse_date(&fields.date.get_untracked()));
    let mut statement = FinancialStatement {
        currency: Some(
            Currency::parse(&fields.currency.get_untracked()).unwrap_or(customer_currency),
        ),
        ..FinancialStatement::default()
    };
    let mut ok = true;
    for ((_, label, line), value) in lines(reader.t).iter().zip(&fields.lines) {
        match parse_optional_figure(&value.get_untracked()) {
            Ok(parsed) => *line(&mut statement) = parsed,
            Err(error) => {
                ok = false;
                let message = super::forms::input_message(reader.t, error, Field::Statement);
                let named = crate::i18n::fill(
                    reader.t.err_named,
                    &[("name", label), ("message", &message)],
                );
                reader.errors.push((Field::Statement, named));
            }
        }
    }
    statement.period_end = period_end?;
    ok.then_some(statement)
}

fn read_record(
    kind: &str,
    fields: &Fields,
    reader: &mut Reader,
    currency: Currency,
) -> Option<CreditRecord> {
    match kind {
        "statement" => read_statement(fields, reader, currency).map(CreditRecord::Statement),
        "report" => {
            let agency = reader.take(Field::Name, input::required(&fields.text_a.get_untracked()));
            let report_date =
                reader.take(Field::Date, input::parse_date(&fields.date.get_untracked()));
            let rating = reader.take(
                Field::Rating,
                input::required(&fields.text_b.get_untracked()),
            );
            let limit_text = fields.text_c.get_untracked();
            let recommended_limit = if limit_text.trim().is_empty() {
                Some(None)
            } else {
                reader.amount(&limit_text, currency).map(Some)
            };
            Some(CreditRecord::Report(CreditReport {
                agency: agency?,
                report_date: report_date?,
                rating: rating?,
                recommended_limit: recommended_limit?,
                notes: fields.choice_b.get_untracked(),
            }))
        }
        "reference" => {
            let date = reader.take(Field::Date, input::parse_date(&fields.date.get_untracked()));
            let source = reader.take(Field::Name, input::required(&fields.text_a.get_untracked()));
            Some(CreditRecord::Reference(Reference {
                kind: if fields.choice_a.get_untracked() == "supplier" {
                    ReferenceKind::Supplier
                } else {
                    ReferenceKind::Bank
                },
                date: date?,
                source: source?,
                assessment: match fields.choice_b.get_untracked().as_str() {
                    "positive" => Assessment::Positive,
                    "negative" => Assessment::Negative,
                    _ => Assessment::Neutral,
                },
                findings: fields.text_b.get_untracked(),
            }))
        }
        "visit" => {
            let date = reader.take(Field::Date, input::parse_date(&fields.date.get_untracked()));
            let who = reader.take(Field::Name, input::required(&fields.text_a.get_untracked()));
            Some(CreditRecord::Visit(Visit {
                kind: if fields.choice_a.get_untracked() == "interview" {
                    VisitKind::Interview
                } else {
                    VisitKind::SiteVisit
                },
                date: date?,
                who: who?,
                findings: fields.text_b.get_untracked(),
            }))
        }
        _ => {
            let date = reader.take(Field::Date, input::parse_date(&fields.date.get_untracked()));
            Some(CreditRecord::Signal(RiskSignal {
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
            }))
        }
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
    let fields = Fields {
        date: RwSignal::new(state.today.get_untracked().to_string()),
        text_a: RwSignal::new(String::new()),
        text_b: RwSignal::new(String::new()),
        text_c: RwSignal::new(String::new()),
        choice_a: RwSignal::new(String::new()),
        choice_b: RwSignal::new(String::new()),
        currency: RwSignal::new(currency.code().to_string()),
        lines: (0..12).map(|_| RwSignal::new(String::new())).collect(),
    };
    let errors: Errors = RwSignal::new(Vec::new());
    let form_error = RwSignal::new(None);
    let kind_for_submit = kind.clone();
    let Fields {
        date,
        text_a,
        text_b,
        text_c,
        choice_a,
        choice_b,
        currency: currency_text,
        lines: line_values,
    } = fields;
    let fields = Fields {
        date,
        text_a,
        text_b,
        text_c,
        choice_a,
        choice_b,
        currency: currency_text,
        lines: line_values.clone(),
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form_error.set(None);
        let mut reader = Reader {
            t: state.texts(),
            errors: Vec::new(),
        };
        let record = read_record(&kind_for_submit, &fields, &mut reader, currency);
        errors.set(reader.errors);
        let Some(record) = record else { return };
        let command = Command::AddCreditRecord {
            customer,
            recorded_on: state.today.get_untracked(),
            record,
        };
        send(
            command,
            errors,
            form_error,
            format!("/customers/{}/credit", customer.0),
        );
    };
    let statement_lines = line_values.clone();
    let warning = Memo::new(move |_| {
        let mut statement = FinancialStatement::default();
        for ((_, _, line), value) in lines(state.texts()).iter().zip(&statement_lines) {
            *line(&mut statement) = parse_optional_figure(&value.get()).ok().flatten();
        }
        statement_warnings(&statement).into_iter().next()
    });
    let title: Label = match kind.as_str() {
        "statement" => |t| t.add_statement,
        "report" => |t| t.add_report,
        "reference" => |t| t.add_reference,
        "visit" => |t| t.add_visit,
        _ => |t| t.add_signal,
    };
    let body = match kind.as_str() {
        "statement" => {
            let line_fields = lines(state.texts())
                .into_iter()
                .zip(line_values)
                .map(|((testid, label, _), value)| view! {
                    <div class="field">
                        <label for=format!("f-{testid}")>{label}</label>
                        <input id=format!("f-{testid}") data-testid=testid inputmode="decimal" aria-describedby="f-statement-error"
                            aria-invalid=move || if parse_optional_figure(&value.get()).is_err() { "true" } else { "false" }
                            prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
                    </div>
                })
                .collect_view();
            view! {
                <TextField label=|t| t.period_end field=Field::Date value=date errors=errors testid="date" kind="date" />
                <CurrencySelect value=currency_text errors=errors testid="currency" />
                <p class="hint">{move || t().statement_hint}</p>
                <div class="grid-fields">{line_fields}</div>
                <small class="field-error" id="f-statement-error" data-testid="statement-error" role="alert">{move || errors.with(|e| e.iter().filter(|(f, _)| *f == Field::Statement).map(|(_, m)| m.clone()).collect::<Vec<_>>().join(" "))}</small>
                {move || warning.get().map(|StatementWarning::Unbalanced { assets, liabilities_and_equity }| view! {
                    <p class="warn-box" role="status" data-testid="statement-warning">{crate::i18n::fill(t().statement_unbalanced, &[("assets", &format_grouped(assets, 2)), ("sum", &format_grouped(liabilities_and_equity, 2))])}</p>
                })}
            }.into_any()
        }
        "report" => view! {
            <TextField label=|t| t.agency field=Field::Name value=text_a errors=errors testid="agency" />
            <TextField label=|t| t.report_date field=Field::Date value=date errors=errors testid="date" kind="date" />
            <TextField label=|t| t.rating field=Field::Rating value=text_b errors=errors testid="rating" />
            <TextField label=|t| t.recommended_limit field=Field::Amount value=text_c errors=errors testid="amount" decimal=true />
            <TextField label=|t| t.notes field=Field::Reason value=choice_b errors=errors testid="notes" />
        }.into_any(),
        "reference" => view! {
            <Choice label=|t| t.reference_kind value=choice_a options=vec![("bank", |t: &Texts| t.reference_bank), ("supplier", |t: &Texts| t.reference_supplier)] testid="reference-kind" />
            <TextField label=|t| t.date_label field=Field::Date value=date errors=errors testid="date" kind="date" />
            <TextField label=|t| t.source field=Field::Name value=text_a errors=errors testid="source" />
            <Choice label=|t| t.assessment value=choice_b options=vec![("positive", |t: &Texts| t.assessment_positive), ("neutral", |t: &Texts| t.assessment_neutral), ("negative", |t: &Texts| t.assessment_negative)] testid="assessment" />
            <TextField label=|t| t.findings field=Field::Reason value=text_b errors=errors testid="findings" />
        }.into_any(),
        "visit" => view! {
            <Choice label=|t| t.visit_kind value=choice_a options=vec![("site", |t: &Texts| t.visit_site), ("interview", |t: &Texts| t.visit_interview)] testid="visit-kind" />
            <TextField label=|t| t.date_label field=Field::Date value=date errors=errors testid="date" kind="date" />
            <TextField label=|t| t.who field=Field::Name value=text_a errors=errors testid="who" />
            <TextField label=|t| t.findings field=Field::Reason value=text_b errors=errors testid="findings" />
        }.into_any(),
        _ => view! {
            <Choice label=|t| t.signal_kind value=choice_a options=vec![("management", |t: &Texts| t.signal_management), ("news", |t: &Texts| t.signal_news), ("lawsuit", |t: &Texts| t.signal_lawsuit), ("downturn", |t: &Texts| t.signal_downturn), ("other", |t: &Texts| t.signal_other)] testid="signal-kind" />
            <TextField label=|t| t.date_label field=Field::Date value=date errors=errors testid="date" kind="date" />
            <Choice label=|t| t.severity value=choice_b options=vec![("medium", |t: &Texts| t.severity_medium), ("low", |t: &Texts| t.severity_low), ("high", |t: &Texts| t.severity_high)] testid="severity" />
            <TextField label=|t| t.source field=Field::Name value=text_a errors=errors testid="source" />
            <TextField label=|t| t.notes field=Field::Reason value=text_b errors=errors testid="notes" />
        }.into_any(),
    };
    view! {
        <section>
            <h1>{move || title(t())}</h1>
            <p class="muted">{name}</p>
            <form class="form" data-testid="credit-record-form" on:submit=on_submit novalidate>
                {body}
                <FormError error=form_error />
                <FormActions cancel=format!("/customers/{}/credit", customer.0) />
            </form>
        </section>
    }
}

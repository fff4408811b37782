//! The printable documents and messages of collections: the statement of account
//! (`/customers/:id/statement?as_of=YYYY-MM-DD&lang=en`), the letter
//! (`/customers/:id/letter?step=final-notice&as_of=…&lang=…`), and on the customer's
//! collections page the letter link, the `mailto:` draft and the SMS text to copy. Documents
//! are in the customer's language (from its country unless chosen); what they state is the
//! core's (`collections::statement`, `collections::letters`).

use crate::i18n::{fill, Lang};
use crate::ui::letterhead::{
    doc_lang, letter_totals_view, letterhead, open_items_table, statement_totals,
};
use crate::ui::route::{route_customer_id, to};
use crate::ui::{money, use_app};
use chrono::NaiveDate;
use creditdesk_core::collections::letters::{
    contact_email, letter_totals, letter_values, mailto_href, render, render_text, LetterValues,
    Piece,
};
use creditdesk_core::collections::{statement_of_account, StatementOfAccount};
use creditdesk_core::decide::letter_step_on;
use creditdesk_core::ledger::reports::AgingBuckets;
use creditdesk_core::policy::{
    default_template, Channel, Language, ReminderStep, StepKind, Template,
};
use creditdesk_core::{Customer, Portfolio};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// What a document's address asks for: the date, the language and (a letter) the step.
#[derive(Clone, Copy)]
struct DocQuery {
    as_of: NaiveDate,
    language: Option<Language>,
    step: Option<StepKind>,
}

fn doc_query(today: NaiveDate) -> DocQuery {
    let query = use_query_map();
    query.with(|q| DocQuery {
        as_of: (q.get("as_of").and_then(|d| d.parse().ok())).unwrap_or(today),
        language: q.get("lang").and_then(|l| Language::from_token(&l)),
        step: q.get("step").and_then(|s| StepKind::from_token(&s)),
    })
}

fn statement_on(
    portfolio: &Portfolio,
    customer: &Customer,
    as_of: NaiveDate,
) -> StatementOfAccount {
    let rates = portfolio.strategy_on(as_of).interest_rates;
    statement_of_account(
        &portfolio.ledger,
        customer,
        &rates,
        &AgingBuckets::default(),
        as_of,
    )
}

/// Renders the route's customer's document; "not found" for an id that names none.
fn with_document(render: fn(&Portfolio, &Customer, DocQuery) -> AnyView) -> impl IntoView {
    let state = use_app();
    let id = route_customer_id();
    move || {
        let query = doc_query(state.today.get());
        state.portfolio.with(|portfolio| {
            match id.get().and_then(|id| portfolio.ledger.customer(id)) {
                Some(customer) => render(portfolio, customer, query),
                None => view! { <p role="alert">{state.texts().customer_not_found}</p> }.into_any(),
            }
        })
    }
}

/// The date and language of a document, and Print; not printed.
#[component]
fn DocControls(
    path: String,
    query: DocQuery,
    language: Language,
    step: Option<StepKind>,
) -> impl IntoView {
    let state = use_app();
    let l = move || state.lang.get().letters();
    let as_of = RwSignal::new(query.as_of.to_string());
    let chosen = RwSignal::new(language.token().to_string());
    let navigate = use_navigate();
    let show = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let step = step
            .map(|s| format!("&step={}", s.token()))
            .unwrap_or_default();
        let href = format!(
            "{path}?as_of={}&lang={}{step}",
            as_of.get_untracked(),
            chosen.get_untracked()
        );
        navigate(&to(&href), Default::default());
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <form class="doc-controls no-print" data-testid="doc-controls" on:submit=show novalidate>
            <div class="field">
                <label for="f-as-of">{move || l().as_of_label}</label>
                <input id="f-as-of" type="date" data-testid="as-of" prop:value=move || as_of.get()
                    on:input=move |event| as_of.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label for="f-doc-lang">{move || l().language_label}</label>
                <select id="f-doc-lang" data-testid="doc-lang" on:change=move |event| chosen.set(event_target_value(&event))>
                    <option value="zh-CN" selected=language == Language::ZhCn>"中文（简体）"</option>
                    <option value="en" selected=language == Language::En>"English"</option>
                </select>
            </div>
            <div class="actions">
                <button type="submit" data-testid="doc-show">{move || l().show}</button>
                <button type="button" class="primary" data-testid="print" on:click=print>{move || l().print}</button>
            </div>
        </form>
    }
}

#[component]
pub fn StatementPage() -> impl IntoView {
    with_document(statement_view)
}

fn statement_view(portfolio: &Portfolio, customer: &Customer, query: DocQuery) -> AnyView {
    let language = query
        .language
        .unwrap_or_else(|| Language::for_country(&customer.details.country));
    let doc = doc_lang(language);
    let l = doc.letters();
    let statement = statement_on(portfolio, customer, query.as_of);
    let currency = customer.details.currency;
    let unapplied = fill(
        l.unapplied,
        &[
            ("cash", &money(statement.unapplied_cash, currency)),
            ("credit", &money(statement.unapplied_credit, currency)),
        ],
    );
    let path = format!("/customers/{}/statement", customer.id.0);
    view! {
        <section data-testid="statement-page">
            <DocControls path query language step=None />
            {country_note(customer)}
            <article class="document a4" lang=language.token() data-testid="statement">
                {letterhead(portfolio.team.company.as_ref(), l)}
                <h1>{l.statement_title}</h1>
                {addressee(customer, doc)}
                <p data-testid="statement-as-of">{fill(l.as_of_line, &[("date", &query.as_of.to_string())])}</p>
                {open_items_table(&statement, doc)}
                {statement_totals(&statement, doc)}
                <p>{unapplied}</p>
                <p class="hint">{l.interest_note}</p>
            </article>
        </section>
    }
    .into_any()
}

/// Where the document's language came from, in the user's language; not printed.
fn country_note(customer: &Customer) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked().letters();
    let country = customer.details.country.clone();
    view! { <p class="hint no-print">{fill(l.language_from_country, &[("country", &country)])}</p> }
}

fn addressee(customer: &Customer, doc: Lang) -> impl IntoView {
    let l = doc.letters();
    view! {
        <div class="addressee" data-testid="addressee">
            <p>{format!("{} {}", l.to_label, customer.details.name)}</p>
            <p class="muted">{customer.details.number.clone()}</p>
            <p>{customer.details.contact.clone()}</p>
        </div>
    }
}

/// The template of the strategy in force for a step, channel and language (the default when
/// the strategy has none).
fn template_for(
    portfolio: &Portfolio,
    as_of: NaiveDate,
    kind: StepKind,
    channel: Channel,
    language: Language,
) -> Template {
    portfolio
        .strategy_on(as_of)
        .template(kind, channel, language)
        .cloned()
        .unwrap_or_else(|| default_template(kind, channel, language))
}

/// The step a letter is for: the address's, else the core's (the task due, or the rung the
/// oldest item reached).
fn letter_step(
    portfolio: &Portfolio,
    customer: &Customer,
    query: DocQuery,
) -> Option<ReminderStep> {
    let step = letter_step_on(portfolio, customer, query.as_of)?;
    match query.step {
        Some(kind) if kind != step.kind => {
            let grade = creditdesk_core::decide::grade_on(portfolio, customer, query.as_of);
            let strategy = portfolio.strategy_on(query.as_of);
            strategy
                .ladder(grade)
                .iter()
                .find(|s| s.kind == kind)
                .cloned()
                .or(Some(step))
        }
        _ => Some(step),
    }
}

fn values_for(
    portfolio: &Portfolio,
    customer: &Customer,
    statement: &StatementOfAccount,
    step: Option<&ReminderStep>,
    language: Language,
) -> LetterValues {
    let company = portfolio.team.company.as_ref();
    letter_values(
        statement,
        customer,
        company,
        step,
        (language, crate::numbers::current()),
    )
}

#[component]
pub fn LetterPage() -> impl IntoView {
    with_document(letter_view)
}

fn letter_view(portfolio: &Portfolio, customer: &Customer, query: DocQuery) -> AnyView {
    let language = query
        .language
        .unwrap_or_else(|| Language::for_country(&customer.details.country));
    let doc = doc_lang(language);
    let l = doc.letters();
    let statement = statement_on(portfolio, customer, query.as_of);
    let step = letter_step(portfolio, customer, query);
    let kind = step.as_ref().map_or(StepKind::FormalDemand, |s| s.kind);
    let template = template_for(portfolio, query.as_of, kind, Channel::Letter, language);
    let values = values_for(portfolio, customer, &statement, step.as_ref(), language);
    let subject = render_text(&template.subject, &values);
    let body = letter_body(&render(&template.body, &values), &statement, doc);
    let totals = letter_totals(&statement, step.as_ref());
    let path = format!("/customers/{}/letter", customer.id.0);
    view! {
        <section data-testid="letter-page">
            <DocControls path query language step=Some(kind) />
            {country_note(customer)}
            <article class="document a4" lang=language.token() data-testid="letter" data-step=kind.token()>
                {letterhead(portfolio.team.company.as_ref(), l)}
                {addressee(customer, doc)}
                <p class="doc-date" data-testid="letter-date">{query.as_of.to_string()}</p>
                <h1 data-testid="letter-subject">{subject}</h1>
                {body}
                {letter_totals_view(&totals, doc)}
            </article>
        </section>
    }
    .into_any()
}

/// The rendered body: its text as written (line breaks kept), the open items as the table.
fn letter_body(pieces: &[Piece], statement: &StatementOfAccount, doc: Lang) -> impl IntoView {
    (pieces.iter())
        .map(|piece| match piece {
            Piece::Text(text) => {
                view! { <div class="letter-text" data-testid="letter-text">{text.clone()}</div> }
                    .into_any()
            }
            Piece::OpenItems => open_items_table(statement, doc),
        })
        .collect_view()
}

/// On the customer's collections page: the statement, the letter for the step due, the
/// email draft and the SMS text, each in the customer's language.
#[component]
pub fn Messages(customer: Customer) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked().letters();
    let c = state.lang.get_untracked().collections();
    let today = state.today.get_untracked();
    let language = Language::for_country(&customer.details.country);
    let (step, due, email, sms) = state.portfolio.with_untracked(|p| {
        let query = DocQuery {
            as_of: today,
            language: Some(language),
            step: None,
        };
        let step = letter_step(p, &customer, query);
        let due = creditdesk_core::decide::task_on(p, &customer, today).is_some();
        let statement = statement_on(p, &customer, today);
        let values = values_for(p, &customer, &statement, step.as_ref(), language);
        let kind = step.as_ref().map_or(StepKind::FormalDemand, |s| s.kind);
        let mail = template_for(p, today, kind, Channel::Email, language);
        let text = template_for(p, today, kind, Channel::Sms, language);
        let email = mailto_href(
            contact_email(&customer.details.contact),
            &render_text(&mail.subject, &values),
            &render_text(&mail.body, &values),
        );
        (step, due, email, render_text(&text.body, &values))
    });
    let kind = step.as_ref().map_or(StepKind::FormalDemand, |s| s.kind);
    let step_name = crate::i18n::collections::step(c, kind);
    let line = if due {
        fill(l.messages_step, &[("step", step_name)])
    } else {
        fill(l.messages_no_task, &[("step", step_name)])
    };
    let id = customer.id.0;
    let letter = format!(
        "/customers/{id}/letter?step={}&lang={}",
        kind.token(),
        language.token()
    );
    let statement = format!("/customers/{id}/statement?lang={}", language.token());
    view! {
        <section id="messages" data-testid="messages">
            <h2>{l.messages_title}</h2>
            <p data-testid="messages-step">{line}</p>
            <p class="actions">
                <A href=to(&letter) attr:data-testid="letter-link" attr:class="button">{l.letter_link}</A>
                <a href=email class="button" data-testid="email-link">{l.email_link}</a>
                <A href=to(&statement) attr:data-testid="statement-link" attr:class="button">{l.statement_link}</A>
            </p>
            <SmsText text=sms />
        </section>
    }
}

/// The SMS text, shown on request, with a button that copies it.
#[component]
fn SmsText(text: String) -> impl IntoView {
    let state = use_app();
    let l = move || state.lang.get().letters();
    let copied = RwSignal::new(false);
    let copy_text = text.clone();
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&copy_text);
            copied.set(true);
        }
    };
    view! {
        <details data-testid="sms">
            <summary data-testid="sms-show">{move || l().sms_show}</summary>
            <label for="f-sms">{move || l().sms_title}</label>
            <textarea id="f-sms" readonly rows="4" data-testid="sms-text">{text}</textarea>
            <button type="button" data-testid="sms-copy" on:click=copy>{move || l().copy}</button>
            <span role="status" data-testid="sms-copied">{move || copied.get().then(|| l().copied)}</span>
        </details>
    }
}

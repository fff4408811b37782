//! The embeddable credit-check widget (`widget.html`, without chrome, with a `postMessage`
//! API for allowed host origins). Its help is a desk page (`pages/widget_help.rs`).
//!
//! The origin rule: a message is answered only when `event.origin` is exactly one of
//! `portfolio.limits.widget_origins`, and the reply goes to that origin only (never `"*"`). Anything
//! else is ignored without a reply, so a page that is not allowed learns nothing, not even
//! that the widget exists.
//!
//! Numbers: the protocol's amounts are machine text, the same for every host page and user,
//! so they are plain decimals with a decimal point, whatever anyone's number format: a
//! request's `amount` is read in the `1,234.56` format (`50000`, `50000.00`, `50,000.00`) and
//! the reply's amounts are exact strings such as `50000.00`. The widget is part of another
//! site's page, so what it shows, its amount box and its `?amount=` parameter follow the
//! number format of its language (`?lang=`; `1,234.56` for zh and en), not the desk's
//! Settings: the URL a host page writes then reads the same for every user.

use crate::browser;
use crate::i18n::{self, fill, vocab, Lang};
use crate::numbers;
use crate::state::{AppState, Phase};
use crate::ui::check::{follow_check, verdict_label, Outcome, Reasons};
use crate::ui::query::Query;
use crate::ui::{money, use_app};
use chrono::NaiveDate;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::check::{check_order, CheckError, CreditCheck};
use creditdesk_core::limits::LimitStatus;
use creditdesk_core::{Currency, Money, Portfolio};
use js_sys::Reflect;
use leptos::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

const REQUEST_TYPE: &str = "creditdesk:check";
const RESULT_TYPE: &str = "creditdesk:result";
const READY_TYPE: &str = "creditdesk:ready";
/// How the protocol writes numbers, whatever the user's number format (see the module doc).
const PROTOCOL_FORMAT: NumberFormat = NumberFormat::Point;

/// The language of the widget: `?lang=en|zh` when given, else the app's.
fn widget_lang(param: Option<String>, app: Lang) -> Lang {
    match param.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some(code) if code.starts_with("en") => Lang::En,
        Some(code) if code.starts_with("zh") => Lang::Zh,
        _ => app,
    }
}

/// A request's fields as received; each may be missing or of the wrong type.
#[derive(Debug, Default, PartialEq)]
struct Request {
    customer: Option<String>,
    /// `None` when absent; `Some(Err(()))` when present but not a string.
    amount: Option<Result<String, ()>>,
    currency: Option<String>,
}

fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    // `Reflect::get` throws (an `Err` here) when `data` is not an object.
    Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

fn read_request(data: &JsValue) -> Request {
    Request {
        customer: field(data, "customer").and_then(|value| value.as_string()),
        amount: field(data, "amount").map(|value| value.as_string().ok_or(())),
        currency: field(data, "currency").and_then(|value| value.as_string()),
    }
}

/// An amount as an exact decimal string with the currency's minor units, e.g. `50000.00`:
/// the protocol's format, never the user's.
fn exact(value: Decimal, currency: Currency) -> String {
    let mut value = value;
    value.rescale(currency.minor_units());
    value.to_string()
}

fn failure(code: &str, text: String) -> Value {
    json!({ "type": RESULT_TYPE, "ok": false, "error": { "code": code, "text": text } })
}

fn success(portfolio: &Portfolio, check: &CreditCheck, lang: Lang) -> Value {
    let v = lang.vocab();
    let currency = check.currency;
    let account = portfolio.ledger.customer(check.customer);
    let (limit, limit_status) = match &check.limit {
        LimitStatus::None => (Value::Null, "none"),
        LimitStatus::Lapsed { .. } => (Value::Null, "lapsed"),
        LimitStatus::InForce(limit) => (json!(exact(limit.amount, currency)), "in_force"),
    };
    let reasons: Vec<Value> = check
        .reasons
        .iter()
        .map(|reason| {
            json!({
                "code": reason.code(),
                "severity": reason.verdict().token(),
                "text": vocab::check_reason(v, reason, currency),
            })
        })
        .collect();
    json!({
        "type": RESULT_TYPE,
        "ok": true,
        "customer": account.map(|a| a.details.number.clone()),
        "name": account.map(|a| a.details.name.clone()),
        "decision": check.verdict.token(),
        "currency": currency.code(),
        "limit": limit,
        "limit_status": limit_status,
        "exposure": exact(check.exposure, currency),
        "order": exact(check.order, currency),
        "available": check.available.map(|a| exact(a, currency)),
        "available_after": check.available_after.map(|a| exact(a, currency)),
        "shortfall": exact(check.shortfall, currency),
        "reasons": reasons,
        "release_role": check.release_role.map(|role| role.token()),
    })
}

fn check_error_code(error: &CheckError) -> &'static str {
    match error {
        CheckError::UnknownCustomer => "unknown_customer",
        CheckError::CurrencyMismatch { .. } => "currency_mismatch",
        CheckError::AmountNegative | CheckError::TooManyDecimals { .. } => "bad_amount",
    }
}

/// The reply to a check request: the core's check, or a failure naming what is wrong.
fn answer(portfolio: &Portfolio, request: &Request, lang: Lang, as_of: NaiveDate) -> Value {
    let f = lang.field();
    let v = lang.vocab();
    if portfolio.ledger.customers.is_empty() {
        return failure("no_data", f.api_no_data.into());
    }
    let Some(number) = request
        .customer
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    else {
        return failure("bad_request", f.api_bad_request.into());
    };
    let Some(id) = portfolio.ledger.customer_by_number(number) else {
        return failure(
            "unknown_customer",
            fill(f.api_no_customer, &[("number", number)]),
        );
    };
    let Some(account) = portfolio.ledger.customer(id) else {
        return failure(
            "unknown_customer",
            fill(f.api_no_customer, &[("number", number)]),
        );
    };
    let expected = account.details.currency;
    let currency = match request.currency.as_deref() {
        None => expected,
        Some(code) => match Currency::parse(code) {
            Some(currency) => currency,
            None => {
                let text = fill(f.api_currency_unknown, &[("currency", code)]);
                return failure("unknown_currency", text);
            }
        },
    };
    let amount = match &request.amount {
        None => Money::zero(currency),
        Some(Err(())) => return failure("bad_amount", f.api_amount_string.into()),
        Some(Ok(text)) => match Money::read_positive(text, currency, PROTOCOL_FORMAT) {
            Ok(amount) => amount,
            Err(error) => return failure("bad_amount", i18n::amount_error(lang.texts(), &error)),
        },
    };
    match check_order(portfolio, &portfolio.policy_on(as_of), id, &amount, as_of) {
        Ok(check) => success(portfolio, &check, lang),
        Err(error) => failure(check_error_code(&error), vocab::check_error(v, &error)),
    }
}

/// A JSON value as a plain JS object for `postMessage`.
fn to_js(value: &Value) -> Option<JsValue> {
    js_sys::JSON::parse(&value.to_string()).ok()
}

/// Answers one `message` event, or ignores it when its origin is not allowed or it is not a
/// check request.
fn on_message(state: AppState, lang: Lang, event: web_sys::Event) {
    let Ok(event) = event.dyn_into::<web_sys::MessageEvent>() else {
        return;
    };
    let origin = event.origin();
    let allowed = state
        .portfolio
        .with_untracked(|p| p.limits.widget_origins.contains(&origin));
    if !allowed {
        return;
    }
    let data = event.data();
    if field(&data, "type").and_then(|t| t.as_string()).as_deref() != Some(REQUEST_TYPE) {
        return;
    }
    let request = read_request(&data);
    let today = state.today.get_untracked();
    let reply = state
        .portfolio
        .with_untracked(|p| answer(p, &request, lang, today));
    let Some(reply) = to_js(&reply) else {
        return;
    };
    let id = field(&data, "id").unwrap_or(JsValue::NULL);
    let _ = Reflect::set(&reply, &JsValue::from_str("id"), &id);
    let Some(source) = event.source() else {
        return;
    };
    // The source of a window message is a WindowProxy (cross-origin, so not `instanceof
    // Window`); postMessage is callable on it. Any other source fails harmlessly.
    let source: web_sys::Window = source.unchecked_into();
    let _ = source.post_message(&reply, &origin);
}

/// Tells the parent page the widget is ready: once per allowed origin, each as the target
/// origin, so the browser delivers it only to a parent that is one of them.
fn post_ready(origins: &[String]) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let Some(message) = to_js(&json!({ "type": READY_TYPE })) else {
        return;
    };
    for origin in origins {
        let _ = parent.post_message(&message, origin);
    }
}

#[component]
pub fn WidgetCheck() -> impl IntoView {
    let state = use_app();
    let query = Query::follow();
    let lang = Memo::new(move |_| widget_lang(query.get("lang"), state.lang.get()));
    // The widget's language's number format, not the desk's setting (see the module doc).
    numbers::follow(Signal::derive(move || lang.get().number_format()));
    let handle = window_event_listener_untyped("message", move |event| {
        on_message(state, lang.get_untracked(), event)
    });
    on_cleanup(move || handle.remove());
    let ready_sent = StoredValue::new(false);
    Effect::new(move |_| {
        if state.phase.get() == Phase::Ready && !ready_sent.get_value() {
            ready_sent.set_value(true);
            state
                .portfolio
                .with_untracked(|p| post_ready(&p.limits.widget_origins));
        }
    });
    let amount = RwSignal::new(query.get_untracked("amount").unwrap_or_default());
    let number = move || query.get("customer").unwrap_or_default();
    let customer = Memo::new(move |_| {
        state
            .portfolio
            .with(|p| p.ledger.customer_by_number(number().trim()))
    });
    let empty = move || state.portfolio.with(|p| p.ledger.customers.is_empty());
    view! {
        <section class="widget-check" data-testid="widget" lang=move || lang.get().code()>
            {move || {
                let f = lang.get().field();
                if empty() {
                    view! {
                        <p class="widget-empty" role="alert" data-testid="widget-empty">{f.widget_empty}" "
                            <a href=format!("{}help/widget", browser::app_base()) target="_blank" rel="noopener">{f.widget_help_link}</a>
                        </p>
                    }.into_any()
                } else {
                    match customer.get() {
                        None => view! {
                            <p class="error" role="alert" data-testid="widget-unknown">{fill(f.widget_no_customer, &[("number", &number())])}</p>
                        }.into_any(),
                        Some(id) => view! { <WidgetBody id lang amount /> }.into_any(),
                    }
                }
            }}
        </section>
    }
}

#[component]
fn WidgetBody(
    id: creditdesk_core::CustomerId,
    lang: Memo<Lang>,
    amount: RwSignal<String>,
) -> impl IntoView {
    let state = use_app();
    let (current, outcome) = follow_check(id, amount);
    let name = state
        .portfolio
        .with_untracked(|p| p.ledger.customer(id).map(|c| c.details.name.clone()))
        .unwrap_or_default();
    let available = move || {
        let f = lang.get().field();
        match current.get() {
            Ok(check) => check
                .available
                .map_or(f.available_none.to_string(), |a| money(a, check.currency)),
            Err(error) => vocab::check_error(lang.get().vocab(), &error),
        }
    };
    // The widget shows the standing until an amount is typed, then the order's check.
    let shown = move || match outcome.get() {
        Outcome::Checked(check) => Ok(*check),
        Outcome::Standing => current
            .get()
            .map_err(|e| vocab::check_error(lang.get().vocab(), &e)),
        Outcome::BadAmount(error) => Err(i18n::amount_error(lang.get().texts(), &error)),
        Outcome::Refused(error) => Err(vocab::check_error(lang.get().vocab(), &error)),
    };
    view! {
        <h1 class="widget-name" data-testid="widget-name">{name}</h1>
        <p class="widget-available">{move || lang.get().field().widget_available}": "
            <strong data-testid="widget-available">{available}</strong></p>
        <label class="widget-amount">
            <span>{move || lang.get().field().widget_amount}</span>
            <input data-testid="widget-amount" inputmode="decimal" autocomplete="off"
                prop:value=move || amount.get() on:input=move |event| amount.set(event_target_value(&event)) />
        </label>
        {move || match shown() {
            Ok(check) => {
                let f = lang.get().field();
                let v = lang.get().vocab();
                let tone = check.verdict.token();
                view! {
                    <div class=format!("widget-verdict {tone}") role="status" data-testid="widget-verdict" data-verdict=tone>
                        <strong>{verdict_label(f, v, check.verdict)}</strong>
                        <Reasons check=check.clone() testid="widget-reasons" />
                    </div>
                }.into_any()
            }
            Err(text) => view! { <p class="field-error" role="alert" data-testid="widget-error">{text}</p> }.into_any(),
        }}
    }
}

//! The widget's `postMessage` protocol: reading a check request strictly, and the reply. A
//! request is `{"type": "creditdesk:check", "id": …, "customer": "C000123", "amount":
//! "50000.00", "currency": "CNY"}`; `currency` is optional, everything else but `id` is
//! required, and a field the protocol does not know is refused (a misspelt `amout` must not
//! read as an order of nothing). Every malformed request gets `ok: false` with a code of its
//! own, listed in the widget help.

use crate::i18n::{self, fill, vocab, Lang};
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::check::view::CheckView;
use creditdesk_core::check::{CheckError, CreditCheck};
use creditdesk_core::limits::LimitStatus;
use creditdesk_core::{Amount, Currency};
use js_sys::Reflect;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

pub const REQUEST_TYPE: &str = "creditdesk:check";
pub const RESULT_TYPE: &str = "creditdesk:result";
pub const READY_TYPE: &str = "creditdesk:ready";

/// How the protocol writes numbers, whatever the user's number format (see `check.rs`).
const PROTOCOL_FORMAT: NumberFormat = NumberFormat::Point;

/// The fields a check request may carry.
const FIELDS: [&str; 5] = ["type", "id", "customer", "amount", "currency"];

/// A check request whose fields are all there and of the right kind.
#[derive(Debug, PartialEq)]
pub struct Request {
    customer: String,
    amount: String,
    currency: Option<String>,
}

/// Why a request cannot be read, each with its protocol code.
#[derive(Debug, PartialEq)]
pub enum Malformed {
    UnknownField(String),
    MissingCustomer,
    CustomerNotText,
    MissingAmount,
    AmountNotText,
    CurrencyNotText,
}

impl Malformed {
    fn code(&self) -> &'static str {
        match self {
            Malformed::UnknownField(_) => "unknown_field",
            Malformed::MissingCustomer => "missing_customer",
            Malformed::CustomerNotText => "bad_customer",
            Malformed::MissingAmount => "missing_amount",
            Malformed::AmountNotText => "bad_amount",
            Malformed::CurrencyNotText => "bad_currency",
        }
    }

    fn text(&self, lang: Lang) -> String {
        let f = lang.field();
        match self {
            Malformed::UnknownField(name) => fill(f.api_unknown_field, &[("field", name)]),
            Malformed::MissingCustomer => f.api_missing_customer.to_string(),
            Malformed::CustomerNotText => f.api_customer_string.to_string(),
            Malformed::MissingAmount => f.api_missing_amount.to_string(),
            Malformed::AmountNotText => f.api_amount_string.to_string(),
            Malformed::CurrencyNotText => f.api_currency_string.to_string(),
        }
    }
}

/// A field of the message, when present (`undefined` and `null` count as absent).
pub fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    // `Reflect::get` throws (an `Err` here) when `data` is not an object.
    Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// A required text field: absent, or present but not a string.
fn text(
    data: &JsValue,
    name: &str,
    missing: Malformed,
    not_text: Malformed,
) -> Result<String, Malformed> {
    let value = field(data, name).ok_or(missing)?;
    value.as_string().ok_or(not_text)
}

/// Reads a message whose `type` is a check request.
pub fn read_request(data: &JsValue) -> Result<Request, Malformed> {
    if let Some(object) = data.dyn_ref::<js_sys::Object>() {
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !FIELDS.contains(&key.as_str()) {
                return Err(Malformed::UnknownField(key));
            }
        }
    }
    let customer = text(
        data,
        "customer",
        Malformed::MissingCustomer,
        Malformed::CustomerNotText,
    )?;
    if customer.trim().is_empty() {
        return Err(Malformed::MissingCustomer);
    }
    let amount = text(
        data,
        "amount",
        Malformed::MissingAmount,
        Malformed::AmountNotText,
    )?;
    let currency = match field(data, "currency") {
        None => None,
        Some(value) => Some(value.as_string().ok_or(Malformed::CurrencyNotText)?),
    };
    Ok(Request {
        customer,
        amount,
        currency,
    })
}

/// An amount as an exact decimal string with the currency's minor units, e.g. `50000.00`.
fn exact(value: Decimal, currency: Currency) -> String {
    let mut value = value;
    value.rescale(currency.minor_units());
    value.to_string()
}

pub fn failure(code: &str, text: String) -> Value {
    json!({ "type": RESULT_TYPE, "ok": false, "error": { "code": code, "text": text } })
}

/// The reply to a request that could not be read.
pub fn malformed(error: &Malformed, lang: Lang) -> Value {
    failure(error.code(), error.text(lang))
}

fn success(view: &CheckView, check: &CreditCheck, lang: Lang) -> Value {
    let v = lang.vocab();
    let currency = check.currency;
    let account = view.customer(check.customer);
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
        "customer": account.map(|a| a.number.clone()),
        "name": account.map(|a| a.name.clone()),
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

/// The reply to a check request read from an allowed origin: the core's check on the view's
/// day, or a failure naming what is wrong.
pub fn answer(view: &CheckView, request: &Request, lang: Lang) -> Value {
    let f = lang.field();
    let number = request.customer.trim();
    let no_customer = || {
        failure(
            "unknown_customer",
            fill(f.api_no_customer, &[("number", number)]),
        )
    };
    let Some(account) = view.customer_by_number(number) else {
        return no_customer();
    };
    let currency = match request.currency.as_deref() {
        None => account.currency(),
        Some(code) => match Currency::parse(code) {
            Some(currency) => currency,
            None => {
                let text = fill(f.api_currency_unknown, &[("currency", code)]);
                return failure("unknown_currency", text);
            }
        },
    };
    let amount = match Amount::read_positive(&request.amount, currency, PROTOCOL_FORMAT) {
        Ok(amount) => amount.money(),
        Err(error) => return failure("bad_amount", i18n::amount_error(lang.common(), &error)),
    };
    match view.check(account.id, &amount) {
        Ok(check) => success(view, &check, lang),
        Err(error) => failure(
            check_error_code(&error),
            vocab::check_error(lang.vocab(), &error),
        ),
    }
}

/// A JSON value as a plain JS object for `postMessage`.
pub fn to_js(value: &Value) -> Option<JsValue> {
    js_sys::JSON::parse(&value.to_string()).ok()
}

//! The embeddable credit-check widget (`widget.html`, without chrome, with a `postMessage`
//! API for allowed host origins). Its help is a desk page (`pages/widget_help.rs`).
//!
//! The origin rule: while there is credit data here, a message is answered only when
//! `event.origin` is exactly one of the check view's `widget_origins`, and the reply goes to
//! that origin only (never `"*"`). Anything else is ignored without a reply, so a page that is
//! not allowed learns nothing, not even that the widget exists. The same holds for what the
//! widget shows: inside a page whose origin is not allowed (or not yet known) it shows a
//! notice that names no customer and no figure. Only without data to protect (storage not
//! open, refused by the browser, or empty) is any page told so.
//!
//! Numbers: the protocol's amounts are machine text, the same for every host page and user,
//! so they are plain decimals with a decimal point, whatever anyone's number format: a
//! request's `amount` is read in the `1,234.56` format (`50000`, `50000.00`, `50,000.00`) and
//! the reply's amounts are exact strings such as `50000.00`. The widget is part of another
//! site's page, so what it shows, its amount box and its `?amount=` parameter follow the
//! number format of its language (`?lang=`; `1,234.56` for zh and en), not the desk's
//! Settings: the URL a host page writes then reads the same for every user.

use super::protocol::{
    answer, failure, field, malformed, read_request, to_js, READY_TYPE, REQUEST_TYPE,
};
use crate::browser;
use crate::check_view::{use_view, ViewState};
use crate::i18n::{self, fill, vocab, Lang};
use crate::numbers;
use crate::state::{AppState, Phase};
use crate::ui::check::{follow_check, verdict_label, Outcome, Reasons};
use crate::ui::query::Query;
use crate::ui::{money, storage_message, use_app};
use creditdesk_core::check::view::CheckView;
use js_sys::Reflect;
use leptos::prelude::*;
use serde_json::{json, Value};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The language of the widget: `?lang=en|zh` when given, else the app's.
fn widget_lang(param: Option<String>, app: Lang) -> Lang {
    match param.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some(code) if code.starts_with("en") => Lang::En,
        Some(code) if code.starts_with("zh") => Lang::Zh,
        _ => app,
    }
}

/// Who sees the widget: its own tab (not framed), or the page that frames it, whose origin
/// is known from `location.ancestorOrigins` where the browser has it, else from the first
/// valid request its window sends (`None` until then).
#[derive(Clone, Debug, PartialEq)]
enum Viewer {
    Own,
    Parent(Option<String>),
}

impl Viewer {
    fn at_start() -> Viewer {
        if browser::is_framed() {
            Viewer::Parent(browser::parent_origin())
        } else {
            Viewer::Own
        }
    }

    /// Whether the widget may show credit data to this viewer.
    fn may_see(&self, view: &CheckView) -> bool {
        match self {
            Viewer::Own => true,
            Viewer::Parent(Some(origin)) => view.widget_origins.contains(origin),
            Viewer::Parent(None) => false,
        }
    }
}

/// Answers one `message` event that is a check request, or ignores it: not a check request,
/// or from an origin that is not allowed while there is data to protect.
fn on_message(
    (state, view): (AppState, ViewState),
    lang: Lang,
    viewer: RwSignal<Viewer>,
    event: web_sys::Event,
) {
    let Ok(event) = event.dyn_into::<web_sys::MessageEvent>() else {
        return;
    };
    let data = event.data();
    if field(&data, "type").and_then(|t| t.as_string()).as_deref() != Some(REQUEST_TYPE) {
        return;
    }
    let origin = event.origin();
    let Some(reply) =
        reply_to((state, view), lang, viewer, &event, &origin).and_then(|r| to_js(&r))
    else {
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

/// The reply to a check request from `origin`; `None` for an origin that is not allowed,
/// which learns nothing. Without data to protect (storage not open, refused, or empty) any
/// page is told so: that reveals no credit data.
fn reply_to(
    (state, view): (AppState, ViewState),
    lang: Lang,
    viewer: RwSignal<Viewer>,
    event: &web_sys::MessageEvent,
    origin: &str,
) -> Option<Value> {
    let f = lang.field();
    match state.phase.get_untracked() {
        Phase::Loading => return Some(failure("not_ready", f.api_not_ready.into())),
        Phase::Failed(_) => return Some(failure("storage_unavailable", f.api_storage.into())),
        Phase::Ready => {}
    }
    let view = view.view.get_untracked()?;
    let allowed = view.widget_origins.iter().any(|known| known == origin);
    let empty = view.customers.is_empty();
    if empty {
        return Some(failure("no_data", f.api_no_data.into()));
    }
    if !allowed {
        return None;
    }
    let request = match read_request(&event.data()) {
        Ok(request) => request,
        Err(error) => return Some(malformed(&error, lang)),
    };
    if viewer.get_untracked() == Viewer::Parent(None) && browser::is_from_parent(event) {
        viewer.set(Viewer::Parent(Some(origin.to_string())));
    }
    Some(answer(&view, &request, lang))
}

/// Tells the parent page the widget is ready: once per allowed origin, each as the target
/// origin, so the browser delivers it only to a parent that is one of them. Without data (an
/// empty or refused store) the parent is told why, when the browser names its origin.
fn announce(state: AppState, view: ViewState, lang: Lang) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let f = lang.field();
    let (message, origins) = match state.phase.get_untracked() {
        Phase::Loading => return,
        Phase::Failed(_) => (unready("storage_unavailable", f.api_storage), None),
        Phase::Ready => match view.view.get_untracked() {
            Some(view) if !view.customers.is_empty() => (
                json!({ "type": READY_TYPE, "ok": true }),
                Some(view.widget_origins.clone()),
            ),
            _ => (unready("no_data", f.api_no_data), None),
        },
    };
    let origins = origins.unwrap_or_else(|| browser::parent_origin().into_iter().collect());
    let Some(message) = to_js(&message) else {
        return;
    };
    for origin in origins {
        let _ = parent.post_message(&message, &origin);
    }
}

fn unready(code: &str, text: &str) -> Value {
    json!({ "type": READY_TYPE, "ok": false, "error": { "code": code, "text": text } })
}

#[component]
pub fn WidgetCheck() -> impl IntoView {
    let state = use_app();
    let view = use_view();
    let query = Query::follow();
    let lang = Memo::new(move |_| widget_lang(query.get("lang"), state.lang.get()));
    // The widget's language's number format, not the desk's setting (see the module doc).
    numbers::follow(Signal::derive(move || lang.get().number_format()));
    let viewer = RwSignal::new(Viewer::at_start());
    let handle = window_event_listener_untyped("message", move |event| {
        on_message((state, view), lang.get_untracked(), viewer, event)
    });
    on_cleanup(move || handle.remove());
    let announced = StoredValue::new(false);
    Effect::new(move |_| {
        if state.phase.get() != Phase::Loading && !announced.get_value() {
            announced.set_value(true);
            announce(state, view, lang.get_untracked());
        }
    });
    let amount = RwSignal::new(query.get_untracked("amount").unwrap_or_default());
    view! {
        <section class="widget-check" data-testid="widget" lang=move || lang.get().code()>
            {move || widget_view(state, lang, viewer.get(), query.get("customer"), amount)}
        </section>
    }
}

/// What the widget shows: its data only to a viewer that may see it, else a notice that
/// names no customer and no figure.
fn widget_view(
    state: AppState,
    lang: Memo<Lang>,
    viewer: Viewer,
    number: Option<String>,
    amount: RwSignal<String>,
) -> AnyView {
    let f = lang.get().field();
    let error = |testid: &'static str, text: String| {
        view! { <p class="error" role="alert" data-testid=testid>{text}</p> }.into_any()
    };
    match state.phase.get() {
        Phase::Loading => {
            return view! { <p class="loading" role="status">{lang.get().common().loading}</p> }
                .into_any()
        }
        Phase::Failed(_) if browser::is_framed() => {
            return error("widget-storage", f.widget_storage.into())
        }
        Phase::Failed(failed) => {
            return error(
                "widget-storage",
                storage_message(lang.get().common(), &failed),
            )
        }
        Phase::Ready => {}
    }
    let number = number.unwrap_or_default();
    let view: Option<Arc<CheckView>> = use_view().view.get();
    let Some(p) = view else {
        return ().into_any();
    };
    {
        if p.customers.is_empty() {
            view! {
                <p class="widget-empty" role="alert" data-testid="widget-empty">{f.widget_empty}" "
                    <a href=format!("{}help/widget", browser::app_base()) target="_blank" rel="noopener">{f.widget_help_link}</a>
                </p>
            }.into_any()
        } else if !viewer.may_see(&p) {
            view! { <p class="widget-closed" role="status" data-testid="widget-closed">{f.widget_closed}</p> }.into_any()
        } else {
            match p.customer_by_number(number.trim()).map(|c| c.id) {
                None => error(
                    "widget-unknown",
                    fill(f.widget_no_customer, &[("number", &number)]),
                ),
                Some(id) => view! { <WidgetBody id lang amount /> }.into_any(),
            }
        }
    }
}

#[component]
fn WidgetBody(
    id: creditdesk_core::CustomerId,
    lang: Memo<Lang>,
    amount: RwSignal<String>,
) -> impl IntoView {
    let (current, outcome) = follow_check(id, amount);
    let name = use_view()
        .view
        .with_untracked(|v| v.as_ref()?.customer(id).map(|c| c.name.clone()))
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
        Outcome::BadAmount(error) => Err(i18n::amount_error(lang.get().common(), &error)),
        Outcome::Refused(error) => Err(vocab::check_error(lang.get().vocab(), &error)),
    };
    view! {
        <h1 class="widget-name" data-testid="widget-name">{name}</h1>
        <p class="widget-available">{move || lang.get().field().widget_available}{move || lang.get().common().colon}
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

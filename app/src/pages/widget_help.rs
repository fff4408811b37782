//! The widget's help page on the desk (`/help/widget`): how to embed `widget.html`, the
//! `postMessage` protocol, the origin rule and what browsers do with a framed page's storage.

use crate::browser;
use crate::ui::route::to;
use crate::ui::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

const HOST_EXAMPLE: &str = r#"<script>
  const widget = document.querySelector('#creditdesk');
  const widgetOrigin = new URL(widget.src).origin;
  window.addEventListener('message', (event) => {
    if (event.origin !== widgetOrigin) return;           // only trust the widget
    if (event.data.type === 'creditdesk:ready') askCredit();
    if (event.data.type === 'creditdesk:result') console.log(event.data);
  });
  function askCredit() {
    widget.contentWindow.postMessage({
      type: 'creditdesk:check', id: 1,
      customer: 'C000123', amount: '50000.00', currency: 'CNY',
    }, widgetOrigin);                                    // never '*'
  }
</script>"#;

const REQUEST_EXAMPLE: &str = r#"{ "type": "creditdesk:check", "id": 1,
  "customer": "C000123", "amount": "50000.00", "currency": "CNY" }"#;

const REPLY_EXAMPLE: &str = r#"{ "type": "creditdesk:result", "id": 1, "ok": true,
  "customer": "C000123", "name": "…", "decision": "pass" | "warn" | "block",
  "currency": "CNY", "limit": "500000.00", "exposure": "320000.00",
  "available": "180000.00", "available_after": "130000.00", "shortfall": "0.00",
  "reasons": [{ "code": "utilisation_high", "severity": "warn", "text": "…" }],
  "release_role": null | "analyst" | "manager" | "director" }"#;

const ERROR_EXAMPLE: &str = r#"{ "type": "creditdesk:result", "id": 1, "ok": false,
  "error": { "code": "unknown_customer" | "currency_mismatch" | "unknown_currency"
                   | "missing_customer" | "bad_customer" | "missing_amount"
                   | "bad_amount" | "bad_currency" | "unknown_field"
                   | "not_ready" | "no_data" | "storage_unavailable", "text": "…" } }"#;

/// The iframe snippet for this deployment: the app's own origin and base path.
fn embed_snippet() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let src = format!(
        "{origin}{}widget.html?customer=C000123",
        browser::app_base()
    );
    format!(
        "<iframe id=\"creditdesk\" src=\"{src}\"\n        width=\"320\" height=\"260\" style=\"border:0\" title=\"Creditdesk\"></iframe>"
    )
}

#[component]
pub fn WidgetHelp() -> impl IntoView {
    let state = use_app();
    let f = move || state.lang.get().field();
    let snippet = embed_snippet();
    view! {
        <section class="widget-help" data-testid="widget-help">
            <h1>{move || f().help_title}</h1>
            <p>{move || f().help_intro}</p>
            <h2>{move || f().help_embed_title}</h2>
            <p>{move || f().help_embed_body}</p>
            <pre class="code" data-testid="embed-snippet"><code>{snippet}</code></pre>
            <h2>{move || f().help_protocol_title}</h2>
            <p>{move || f().help_protocol_body}</p>
            <p>{move || f().help_request}</p>
            <pre class="code"><code>{REQUEST_EXAMPLE}</code></pre>
            <p>{move || f().help_reply}</p>
            <pre class="code"><code>{REPLY_EXAMPLE}</code></pre>
            <p>{move || f().help_errors}</p>
            <pre class="code"><code>{ERROR_EXAMPLE}</code></pre>
            <p>{move || f().help_example}</p>
            <pre class="code"><code>{HOST_EXAMPLE}</code></pre>
            <h2>{move || f().help_origin_title}</h2>
            <ul>
                <li>{move || f().help_origin_1}</li>
                <li>{move || f().help_origin_2}</li>
                <li>{move || f().help_origin_3}</li>
            </ul>
            <p data-testid="help-framing">{move || f().help_framing}</p>
            <h2>{move || f().help_storage_title}</h2>
            <p data-testid="help-storage">{move || f().help_storage_1}</p>
            <p>{move || f().help_storage_2}</p>
            <p>{move || f().help_storage_3}</p>
            <p class="muted">{move || f().help_storage_4}</p>
            <p><A href=to("/settings")>{move || f().help_settings_link}</A></p>
        </section>
    }
}

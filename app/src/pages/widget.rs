//! The embeddable credit-check widget (an iframe route without chrome, with a `postMessage`
//! API for allowed host origins) and its help page.

use leptos::prelude::*;

#[component]
pub fn WidgetCheck() -> impl IntoView {
    view! { <section></section> }
}

#[component]
pub fn WidgetHelp() -> impl IntoView {
    view! { <section></section> }
}

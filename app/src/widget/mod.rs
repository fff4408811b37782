//! The widget bundle (`widget.html`): the credit check for an iframe on another page, with a
//! `postMessage` API for allowed origins. No chrome and no router.

mod check;
mod protocol;

use crate::ui::layout::Bare;
use leptos::prelude::*;

#[component]
pub fn Widget() -> impl IntoView {
    view! {
        <Bare>
            <check::WidgetCheck />
        </Bare>
    }
}

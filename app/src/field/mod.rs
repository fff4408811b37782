//! The field-sales bundle (`check.html`): the credit check on a phone, in the common frame
//! with a plain link back to the desk. No router: the selected customer is the query string.

mod check;

use crate::check_view::use_view;
use crate::ui::layout::Frame;
use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn Field() -> impl IntoView {
    let users = use_view().users();
    view! {
        <Frame top=FieldNav users>
            <check::FieldCheck />
        </Frame>
    }
}

/// The brand and one link: the desk is another page (`./`, resolved against this folder).
#[component]
fn FieldNav() -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().common();
    let field = move || state.lang.get().field();
    view! {
        <a href="./" class="brand">{move || t().app_name}</a>
        <nav aria-label=move || t().app_name>
            <a href="./" data-testid="nav-desk">{move || field().nav_desk}</a>
        </nav>
    }
}

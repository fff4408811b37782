//! The app's pages, one module each; routes are declared in `desk.rs`.

pub mod approvals;
pub mod bench;
pub mod credit;
pub mod credit_forms;
pub mod customer;
pub mod customers;
pub mod forms;
pub mod help;
pub mod home;
pub mod journal;
pub mod limit_policy;
pub mod limits;
pub mod policy;
pub mod settings;
pub mod users;
pub mod widget_help;

use crate::ui::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_app();
    view! {
        <section>
            <h1>"404"</h1>
            <p><A href="/">{move || state.texts().nav_home}</A></p>
        </section>
    }
}

//! The desk's pages, grouped by the core's areas (`ledger`, `credit`, `limits`, `team`, `collections`), with
//! the pages of no one area at the top; routes are declared in `desk.rs`. Pages import shared
//! pieces from `crate::ui`, never from another page.

pub mod alerts;
pub mod bench;
pub mod collections;
pub mod credit;
pub mod data;
pub mod help;
pub mod home;
pub mod journal;
pub mod ledger;
pub mod limits;
pub mod settings;
pub mod team;
pub mod widget_help;

use crate::ui::route::to;
use crate::ui::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_app();
    view! {
        <section>
            <h1>"404"</h1>
            <p><A href=to("/")>{move || state.texts().nav_home}</A></p>
        </section>
    }
}

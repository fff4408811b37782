//! Creditdesk's browser shell: a Leptos client-side app that renders the core's derived
//! figures, turns user input into core commands, and stores the journal in IndexedDB.
//! Business rules live in `creditdesk-core`; this crate only shows and sends.

pub mod browser;
mod components;
pub mod db;
pub mod i18n;
mod pages;
pub mod state;

use components::Layout;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use state::AppState;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    browser::set_document_lang(state.lang.get_untracked().code());
    leptos::task::spawn_local(state::start(state));
    browser::register_service_worker();
    watch_online(state);
    leptos::task::spawn_local(state::follow_today(state));
    let base = browser::app_base().trim_end_matches('/').to_string();
    view! {
        <Router base=base>
            <Layout>
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/customers") view=pages::customers::CustomerList />
                    <Route path=path!("/customers/new") view=pages::forms::NewCustomer />
                    <Route path=path!("/customers/:id") view=pages::customer::CustomerPage />
                    <Route path=path!("/customers/:id/edit") view=pages::forms::EditCustomer />
                    <Route path=path!("/customers/:id/invoice") view=pages::forms::InvoiceForm />
                    <Route path=path!("/customers/:id/payment") view=pages::forms::PaymentForm />
                    <Route path=path!("/customers/:id/credit-note") view=pages::forms::CreditNoteForm />
                    <Route path=path!("/customers/:id/credit") view=pages::credit::CreditFilePage />
                    <Route path=path!("/customers/:id/credit/add/:kind") view=pages::credit_forms::CreditRecordForm />
                    <Route path=path!("/customers/:id/limit") view=pages::limits::LimitPage />
                    <Route path=path!("/policy") view=pages::policy::PolicyPage />
                    <Route path=path!("/policy/limits") view=pages::limit_policy::LimitPolicyPage />
                    <Route path=path!("/approvals") view=pages::approvals::Approvals />
                    <Route path=path!("/users") view=pages::users::Users />
                    <Route path=path!("/check") view=pages::field::FieldCheck />
                    <Route path=path!("/widget/check") view=pages::widget::WidgetCheck />
                    <Route path=path!("/help/widget") view=pages::widget::WidgetHelp />
                    <Route path=path!("/journal") view=pages::journal::Journal />
                    <Route path=path!("/settings") view=pages::settings::Settings />
                    <Route path=path!("/help") view=pages::help::Help />
                    <Route path=path!("/bench") view=pages::bench::Bench />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Keeps the offline badge true to the browser's online state.
fn watch_online(state: AppState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    for (name, online) in [("online", true), ("offline", false)] {
        let handler =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || state.online.set(online));
        let _ = window.add_event_listener_with_callback(
            name,
            wasm_bindgen::JsCast::unchecked_ref(handler.as_ref()),
        );
        handler.forget();
    }
}

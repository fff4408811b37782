//! The desk bundle: the router, its routes and the top navigation. The field check and the
//! widget are their own pages (`check.html`, `widget.html`), linked with plain links.

use crate::browser;
use crate::pages;
use crate::ui::layout::Frame;
use crate::ui::route::to;
use crate::ui::use_app;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn Desk() -> impl IntoView {
    let base = browser::app_base().trim_end_matches('/').to_string();
    let state = use_app();
    let users = Signal::derive(move || state.portfolio.with(|p| p.team.users.clone()));
    view! {
        <Router base=base>
            <Frame top=DeskNav users>
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/customers") view=pages::ledger::customers::CustomerList />
                    <Route path=path!("/customers/new") view=pages::ledger::forms::NewCustomer />
                    <Route path=path!("/customers/:id") view=pages::ledger::customer::CustomerPage />
                    <Route path=path!("/customers/:id/edit") view=pages::ledger::forms::EditCustomer />
                    <Route path=path!("/customers/:id/invoice") view=pages::ledger::forms::InvoiceForm />
                    <Route path=path!("/customers/:id/payment") view=pages::ledger::forms::PaymentForm />
                    <Route path=path!("/customers/:id/credit-note") view=pages::ledger::forms::CreditNoteForm />
                    <Route path=path!("/customers/:id/credit") view=pages::credit::file::CreditFilePage />
                    <Route path=path!("/customers/:id/credit/add/:kind") view=pages::credit::records::CreditRecordForm />
                    <Route path=path!("/customers/:id/limit") view=pages::limits::limit::LimitPage />
                    <Route path=path!("/customers/:id/collections") view=pages::collections::customer::CustomerCollections />
                    <Route path=path!("/customers/:id/statement") view=pages::collections::letters::StatementPage />
                    <Route path=path!("/customers/:id/letter") view=pages::collections::letters::LetterPage />
                    <Route path=path!("/policy/templates") view=pages::collections::templates::TemplateEditor />
                    <Route path=path!("/policy") view=pages::credit::policy::PolicyPage />
                    <Route path=path!("/policy/limits") view=pages::limits::policy::LimitPolicyPage />
                    <Route path=path!("/policy/collections") view=pages::collections::strategy::StrategyPage />
                    <Route path=path!("/approvals") view=pages::limits::approvals::Approvals />
                    <Route path=path!("/collections") view=pages::collections::worklist::Worklist />
                    <Route path=path!("/alerts") view=pages::alerts::AlertsPage />
                    <Route path=path!("/collections/write-offs") view=pages::collections::write_offs::WriteOffApprovals />
                    <Route path=path!("/users") view=pages::team::users::Users />
                    <Route path=path!("/help/widget") view=pages::widget_help::WidgetHelp />
                    <Route path=path!("/journal") view=pages::journal::Journal />
                    <Route path=path!("/settings") view=pages::settings::Settings />
                    <Route path=path!("/data") view=pages::data::backup::DataPage />
                    <Route path=path!("/data/import") view=pages::data::import::ImportPage />
                    <Route path=path!("/settings/company") view=pages::team::company::CompanyPage />
                    <Route path=path!("/help") view=pages::help::Help />
                    <Route path=path!("/bench") view=pages::bench::Bench />
                </Routes>
            </Frame>
        </Router>
    }
}

/// The brand and the desk's navigation. The check is another page: a plain link
/// (`rel="external"` keeps the router from handling it), resolved against the `<base>`.
#[component]
fn DeskNav() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let desk = move || state.lang.get().desk();
    let field = move || state.lang.get().field();
    view! {
        <A href=to("/") attr:class="brand">{move || t().app_name}</A>
        <nav aria-label=move || t().app_name>
            <A href=to("/")>{move || t().nav_home}</A>
            <A href=to("/customers")>{move || t().nav_customers}</A>
            <a href="check.html" rel="external" data-testid="nav-check">{move || field().nav_check}</a>
            <A href=to("/collections")>{move || state.lang.get().collections().nav_collections}</A>
            <A href=to("/alerts") attr:data-testid="nav-alerts">{move || state.lang.get().alerts().nav_alerts}</A>
            <A href=to("/approvals")>{move || desk().nav_approvals}</A>
            <A href=to("/policy")>{move || t().nav_policy}</A>
            <A href=to("/journal")>{move || t().nav_journal}</A>
            <A href=to("/users")>{move || desk().nav_users}</A>
            <A href=to("/settings")>{move || t().nav_settings}</A>
            <A href=to("/help")>{move || t().nav_help}</A>
        </nav>
    }
}

//! The company's details for the letterhead (`/settings/company`): name, address, bank
//! details, registration and tax numbers. Shared company data, journalled through
//! `SetCompanyDetails`; the core refuses a missing name, over-long text and a profile
//! without a manager's authority, each beside its field.

use crate::ui::form::{ErrorSlot, Form, FormError, TextAreaField, TextField};
use crate::ui::route::to;
use crate::ui::use_app;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::team::CompanyDetails;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CompanyPage() -> impl IntoView {
    let state = use_app();
    let l = move || state.lang.get().letters();
    let form = Form::new();
    let current = state
        .portfolio
        .with_untracked(|p| p.team.company.clone())
        .unwrap_or_default();
    let name = RwSignal::new(current.name);
    let address = RwSignal::new(current.address);
    let bank = RwSignal::new(current.bank_details);
    let registration = RwSignal::new(current.registration_no);
    let tax = RwSignal::new(current.tax_no);
    let saved = RwSignal::new(false);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        saved.set(false);
        let details = CompanyDetails {
            name: name.get_untracked(),
            address: address.get_untracked(),
            bank_details: bank.get_untracked(),
            registration_no: registration.get_untracked(),
            tax_no: tax.get_untracked(),
        };
        let command = Command::SetCompanyDetails {
            details,
            by: state.acting(),
        };
        form.submit(command, move || saved.set(true));
    };
    view! {
        <section data-testid="company-page">
            <h1>{move || l().company_title}</h1>
            <p class="hint">{move || l().company_intro}</p>
            <form class="form" data-testid="company-form" on:submit=on_submit novalidate>
                <TextField label=move || l().company_name field=Field::CompanyName value=name form testid="company-name" />
                <TextAreaField label=move || l().company_address field=Field::CompanyAddress value=address form testid="company-address" rows=3 />
                <TextAreaField label=move || l().company_bank field=Field::BankDetails value=bank form testid="company-bank" rows=3 />
                <TextField label=move || l().company_registration field=Field::CompanyRegistration value=registration form testid="company-registration" />
                <TextField label=move || l().company_tax field=Field::CompanyTaxNo value=tax form testid="company-tax" />
                <ErrorSlot form field=Field::User id="f-company-user-error" testid="company-user-error" />
                <FormError form />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="company-save" disabled=move || state.saving.get()>{move || state.texts().save}</button>
                    <A href=to("/settings") attr:class="button">{move || state.texts().cancel}</A>
                </div>
                <p role="status" data-testid="company-saved">{move || saved.get().then(|| l().company_saved)}</p>
            </form>
        </section>
    }
}

//! While an import runs: what it is doing, how far, and the cancel button. After it: what was
//! imported, or every error by row and column (downloadable), or why it stopped.

use super::{words, Failure, Import, Step};
use crate::browser;
use crate::i18n::fill;
use crate::ui::use_app;
use crate::worker::protocol::Stage;
use creditdesk_core::import::{Rejected, RowError, Summary};
use leptos::prelude::*;

/// Errors shown on the page; the downloaded list has them all.
const ERRORS_SHOWN: usize = 100;

#[component]
pub fn Progress(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let stage = move || match import.step.get() {
        Step::Running(stage) => Some(stage),
        Step::Reading => None,
        _ => None,
    };
    let label = move || {
        stage().map(|stage| match stage {
            Stage::Loading => p().loading.to_string(),
            Stage::Checking { done, total } => fill(
                p().checking_rows,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            ),
            Stage::Writing => p().writing.to_string(),
        })
    };
    let figures = move || match stage() {
        Some(Stage::Checking { done, total }) => Some((done, total.max(1))),
        Some(Stage::Writing) => Some((1, 1)),
        _ => None,
    };
    move || {
        if import.step.get() == Step::Reading {
            return view! { <p role="status" data-testid="import-reading">{p().reading}</p> }
                .into_any();
        }
        stage().map(|_| view! {
            <div class="progress" data-testid="import-progress">
                <label for="import-bar">{label}</label>
                <progress id="import-bar" max=move || figures().map_or(0, |f| f.1) value=move || figures().map(|f| f.0)></progress>
                <button type="button" data-testid="import-cancel" on:click=move |_| import.cancel()>{p().cancel}</button>
            </div>
        }).into_any()
    }
}

#[component]
pub fn Outcome(import: Import) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    move || {
        match import.step.get() {
        Step::Done(summary) => view! { <Imported summary /> }.into_any(),
        Step::Rejected(Rejected::Rows(errors)) => view! { <RowErrors errors /> }.into_any(),
        Step::Rejected(Rejected::File(error)) => {
            let detail = words::file_error(state.lang.get(), &error);
            view! { <p class="error" role="alert" data-testid="import-error">{fill(p().file_error, &[("detail", &detail)])}</p> }.into_any()
        }
        Step::Failed(failure) => view! { <p class="error" role="alert" data-testid="import-error">{failure_message(state, &failure)}</p> }.into_any(),
        Step::Cancelled => view! { <p role="status" data-testid="import-cancelled">{p().cancelled}</p> }.into_any(),
        _ => ().into_any(),
    }
    }
}

fn failure_message(state: crate::state::AppState, failure: &Failure) -> String {
    let lang = state.lang.get();
    let p = lang.import_page();
    match failure {
        Failure::Start(crate::worker::client::StartError::NotBuilt) => p.not_built.to_string(),
        Failure::Start(crate::worker::client::StartError::Refused(detail))
        | Failure::Garbled(detail) => fill(p.garbled, &[("detail", detail)]),
        Failure::Storage(error) => {
            let detail = crate::ui::storage_message(lang.common(), error);
            fill(p.storage_error, &[("detail", &detail)])
        }
        Failure::Read(detail) => fill(p.file_error, &[("detail", detail)]),
    }
}

#[component]
fn Imported(summary: Summary) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let added = summary.customers
        + summary.invoices
        + summary.payments
        + summary.credit_notes
        + summary.orders;
    let counts = {
        let summary = summary.clone();
        move || match added {
            0 => p().nothing_new.to_string(),
            _ => words::imported(p(), &summary),
        }
    };
    let known = summary.already_known;
    let unapplied = summary.unapplied.clone();
    view! {
        <div role="status" data-testid="import-done">
            <p>{counts}</p>
            {(known > 0 && added > 0).then(|| view! { <p>{move || fill(p().already_known, &[("count", &known.to_string())])}</p> })}
        </div>
        {(!unapplied.is_empty()).then(|| view! {
            <h2>{move || p().unapplied_title}</h2>
            <ul data-testid="import-unapplied">
                {unapplied.iter().map(|item| { let item = item.clone(); view! { <li>{move || words::unapplied(p(), &item)}</li> } }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn RowErrors(errors: Vec<RowError>) -> impl IntoView {
    let state = use_app();
    let p = move || state.lang.get().import_page();
    let count = errors.len();
    let shown: Vec<RowError> = errors.iter().take(ERRORS_SHOWN).cloned().collect();
    let rows = move || {
        let lang = state.lang.get();
        shown
            .iter()
            .map(|error| {
                view! {
                    <tr>
                        <td class="num">{error.row}</td>
                        <td>{error.column.clone().unwrap_or_default()}</td>
                        <td>{words::problem(lang, &error.problem)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let download = StoredValue::new(errors);
    let save = move |_| {
        let lang = state.lang.get_untracked();
        let file = download.with_value(|errors| words::errors_file(lang, errors));
        browser::download(
            "creditdesk-import-errors.csv",
            "text/csv;charset=utf-8",
            file.as_bytes(),
        );
    };
    view! {
        <p class="error" role="alert" data-testid="import-rejected">{move || fill(p().rejected_rows, &[("count", &count.to_string())])}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || p().error_reason>
            <table class="list" data-testid="import-errors">
                <thead><tr><th scope="col">{move || p().error_row}</th><th scope="col">{move || p().error_column}</th><th scope="col">{move || p().error_reason}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(count > ERRORS_SHOWN).then(|| view! { <p class="hint">{move || fill(p().more_errors, &[("count", &(count - ERRORS_SHOWN).to_string())])}</p> })}
        <div class="actions"><button type="button" data-testid="import-errors-download" on:click=save>{move || p().download_errors}</button></div>
    }
}

//! Backup and restore, the page `/data`: download the whole journal as one file (the core
//! verifies the chain before writing it), and restore one after the core has read and checked
//! it, asking first when this device holds a journal; the store is replaced all or nothing.
//! When the last backup was made and the reminder are `ui::backup`, shown in Settings too.

use crate::browser;
use crate::db;
use crate::i18n::{backup::backup_error, chain_break, fill};
use crate::state::{self, AppState};
use crate::ui::backup::{last_backup, BackupStatus, KEY_LAST_BACKUP};
use crate::ui::route::to;
use crate::ui::{storage_message, submit_message, use_app};
use creditdesk_core::journal::{read_backup, write_backup, Backup, BackupError};
use creditdesk_core::Timestamp;
use leptos::prelude::*;
use leptos_router::components::A;

/// The page `/data`: the backup and the restore.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    let b = move || state.lang.get().backup();
    view! {
        <section data-testid="backup">
            <h1>{move || b().title}</h1>
            <p class="hint">{move || b().intro}</p>
            <p><A href=to("/data/import") attr:data-testid="open-import">{move || state.lang.get().import_page().open}</A></p>
            <BackupDownload />
            <h2>{move || b().restore_label}</h2>
            <BackupRestore />
        </section>
        <super::export::ExportSection />
    }
}

/// Reads, verifies and writes out the journal; the message says what happened.
async fn download_backup(state: AppState) -> Result<String, String> {
    let (b, t) = (
        state.lang.get_untracked().backup(),
        state.lang.get_untracked().common(),
    );
    let (texts, recorded) = db::journal_texts()
        .await
        .map_err(|error| storage_message(t, &error))?;
    let head = recorded.ok_or_else(|| b.err_no_events.to_string())?;
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let file = write_backup(&borrowed, head, Timestamp(browser::now_ms()))
        .map_err(|broken| fill(b.err_broken, &[("detail", &chain_break(t, &broken))]))?;
    let today = state.today.get_untracked();
    let name = format!("creditdesk-backup-{today}.jsonl");
    if !browser::download(&name, "application/x-ndjson", file.as_bytes()) {
        return Err(fill(b.err_read, &[("detail", "download")]));
    }
    browser::store(KEY_LAST_BACKUP, &today.to_string());
    Ok(fill(b.downloaded, &[("events", &texts.len().to_string())]))
}

#[component]
fn BackupDownload() -> impl IntoView {
    let state = use_app();
    let b = move || state.lang.get().backup();
    let message = RwSignal::new(None::<String>);
    let last = RwSignal::new(last_backup());
    let empty = move || state.portfolio.with(|p| p.head.is_none());
    let download = move |_| {
        message.set(Some(b().downloading.to_string()));
        leptos::task::spawn_local(async move {
            let outcome = download_backup(state).await;
            last.set(last_backup());
            message.set(Some(outcome.unwrap_or_else(|error| error)));
        });
    };
    view! {
        <BackupStatus last />
        <div class="actions">
            <button type="button" data-testid="backup-download" disabled=move || empty() || state.saving.get() on:click=download>{move || b().download}</button>
        </div>
        {move || message.get().map(|text| view! { <p role="status" data-testid="backup-message">{text}</p> })}
    }
}

/// The chosen file's bytes read and checked by the core.
async fn check_file(
    state: AppState,
    input: web_sys::HtmlInputElement,
) -> Option<Result<Backup, String>> {
    let (b, t) = (
        state.lang.get_untracked().backup(),
        state.lang.get_untracked().common(),
    );
    let bytes = match browser::chosen_file(&input).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return None,
        Err(detail) => return Some(Err(fill(b.err_read, &[("detail", &detail)]))),
    };
    // Let the "checking" message paint: reading a large backup takes seconds.
    browser::next_frame().await;
    let text = String::from_utf8(bytes).map_err(|_| BackupError::NotABackup);
    Some(
        text.and_then(|text| read_backup(&text))
            .map_err(|error| backup_error(b, t, &error)),
    )
}

#[component]
fn BackupRestore() -> impl IntoView {
    let state = use_app();
    let b = move || state.lang.get().backup();
    let message = RwSignal::new(None::<(bool, String)>);
    let pending = StoredValue::new_local(None::<Backup>);
    let asking = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let chosen = move |_| {
        let Some(element) = input.get() else { return };
        asking.set(None);
        message.set(Some((false, b().checking.to_string())));
        leptos::task::spawn_local(async move {
            match check_file(state, element).await {
                None => message.set(None),
                Some(Err(error)) => message.set(Some((true, error))),
                Some(Ok(backup)) => {
                    message.set(None);
                    asking.set(Some(confirmation(state, &backup)));
                    pending.set_value(Some(backup));
                }
            }
        });
    };
    let finish = move |restore: bool| {
        asking.set(None);
        if let Some(element) = input.get_untracked() {
            element.set_value("");
        }
        let Some(backup) = pending.try_update_value(Option::take).flatten() else {
            return;
        };
        if !restore {
            return message.set(Some((false, b().cancelled.to_string())));
        }
        let events = backup.events.len().to_string();
        leptos::task::spawn_local(async move {
            let outcome = state::restore(state, backup).await;
            message.set(Some(match outcome {
                Ok(()) => (false, fill(b().restored, &[("events", &events)])),
                Err(error) => (
                    true,
                    submit_message(state.lang.get_untracked().rejections(), &error),
                ),
            }));
        });
    };
    view! {
        <div class="field">
            <label for="f-restore">{move || b().restore_file}</label>
            <input id="f-restore" type="file" accept=".jsonl,application/x-ndjson,text/plain" data-testid="restore-file"
                node_ref=input on:change=chosen disabled=move || state.saving.get() />
        </div>
        {move || asking.get().map(|question| view! {
            <div class="confirm" role="alertdialog" aria-labelledby="restore-question" data-testid="restore-confirm">
                <p id="restore-question">{question}</p>
                <div class="actions">
                    <button type="button" class="danger" data-testid="restore-yes" on:click=move |_| finish(true)>{b().restore}</button>
                    <button type="button" data-testid="restore-no" on:click=move |_| finish(false)>{b().cancel}</button>
                </div>
            </div>
        })}
        {move || message.get().map(|(error, text)| match error {
            true => view! { <p class="error" role="alert" data-testid="restore-message">{text}</p> }.into_any(),
            false => view! { <p role="status" data-testid="restore-message">{text}</p> }.into_any(),
        })}
    }
}

/// "Restoring replaces the N events on this device with the backup's M events (written on …)."
fn confirmation(state: AppState, backup: &Backup) -> String {
    let b = state.lang.get_untracked().backup();
    let current = state
        .portfolio
        .with_untracked(|p| p.head.map_or(0, |head| head.seq));
    let events = backup.events.len().to_string();
    let date = browser::format_timestamp(backup.written.0);
    match current {
        0 => fill(b.confirm_empty, &[("events", &events), ("date", &date)]),
        current => fill(
            b.confirm,
            &[
                ("events", &events),
                ("date", &date),
                ("current", &current.to_string()),
            ],
        ),
    }
}

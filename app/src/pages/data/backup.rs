//! Backup and restore, the page `/data`: download the whole journal as one file (the core
//! verifies the chain before writing it), and restore one (`restore.rs`: checked in the
//! worker, asking first when this device holds a journal; the store is replaced all or nothing).
//! When the last backup was made and the reminder are `ui::backup`, shown in Settings too.

use crate::browser;
use crate::db;
use crate::i18n::{chain_break, fill};
use crate::state::AppState;
use crate::ui::backup::{last_backup, BackupStatus, KEY_LAST_BACKUP};
use crate::ui::route::to;
use crate::ui::{storage_message, use_app};
use creditdesk_core::journal::write_backup;
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
            <super::restore::BackupRestore />
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

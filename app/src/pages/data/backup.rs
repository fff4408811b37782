//! Backup and restore, the page `/data`: download the whole journal as one file (made in the
//! worker, where the core verifies the chain before writing it), and restore one
//! (`restore.rs`: checked in the worker, asking first when this device holds a journal; the
//! store is replaced all or nothing).
//! When the last backup was made and the reminder are `ui::backup`, shown in Settings too.

use crate::browser;
use crate::i18n::fill;
use crate::state::AppState;
use crate::ui::backup::{last_backup, BackupStatus, KEY_LAST_BACKUP};
use crate::ui::route::to;
use crate::ui::use_app;
use crate::worker::client::{self, Job, StartError};
use crate::worker::protocol::{Exported, Reply, Request};
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

/// The backup's job: the worker reads, verifies and writes out the journal (seconds and
/// hundreds of megabytes for a large one, off the page's thread); the page offers the file.
#[derive(Clone, Copy)]
struct Download {
    state: AppState,
    message: RwSignal<Option<String>>,
    last: RwSignal<Option<chrono::NaiveDate>>,
    busy: RwSignal<bool>,
    job: StoredValue<Option<Job>, LocalStorage>,
}

impl Download {
    fn start(self) {
        let lang = self.state.lang.get_untracked();
        self.message
            .set(Some(lang.backup().downloading.to_string()));
        let request = Request::Backup {
            today: self.state.today.get_untracked(),
            lang,
        };
        match client::start(&request, &[], move |reply| self.on_reply(reply)) {
            Ok(job) => {
                self.busy.set(true);
                self.job.set_value(Some(job));
            }
            Err(StartError::NotBuilt) => self.say(lang.import_page().not_built.to_string()),
            Err(StartError::Refused(detail)) => self.failed(&detail),
        }
    }

    fn say(self, text: String) {
        self.message.set(Some(text));
    }

    fn failed(self, detail: &str) {
        let b = self.state.lang.get_untracked().backup();
        self.say(fill(b.err_read, &[("detail", detail)]));
    }

    fn on_reply(self, reply: Reply) {
        match reply {
            Reply::Progress(_) => return,
            Reply::BackedUp(Ok(Exported {
                file_name,
                rows,
                file: Some(file),
            })) => self.offer(&file_name, &file, rows),
            Reply::BackedUp(Err(message)) => self.say(message),
            Reply::Garbled(detail) => self.failed(&detail),
            other => self.failed(&format!("{other:?}")),
        }
        self.busy.set(false);
        // The worker ends after the handler that ended the job has returned.
        leptos::task::spawn_local(async move { self.job.set_value(None) });
    }

    fn offer(self, name: &str, file: &web_sys::Blob, events: usize) {
        if !browser::download_blob(name, file) {
            return self.failed("download");
        }
        browser::store(
            KEY_LAST_BACKUP,
            &self.state.today.get_untracked().to_string(),
        );
        self.last.set(last_backup());
        let b = self.state.lang.get_untracked().backup();
        self.say(fill(b.downloaded, &[("events", &events.to_string())]));
    }
}

#[component]
fn BackupDownload() -> impl IntoView {
    let state = use_app();
    let b = move || state.lang.get().backup();
    let message = RwSignal::new(None::<String>);
    let last = RwSignal::new(last_backup());
    let busy = RwSignal::new(false);
    let backup = Download {
        state,
        message,
        last,
        busy,
        job: StoredValue::new_local(None),
    };
    let empty = move || state.portfolio.with(|p| p.head.is_none());
    let download = move |_| backup.start();
    view! {
        <BackupStatus last />
        <div class="actions">
            <button type="button" data-testid="backup-download" disabled=move || empty() || state.saving.get() || busy.get() on:click=download>{move || b().download}</button>
        </div>
        {move || message.get().map(|text| view! { <p role="status" data-testid="backup-message">{text}</p> })}
    }
}

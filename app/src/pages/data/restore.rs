//! The restore on the page `/data`: the chosen backup is read and its chain verified in the
//! worker (seconds for a large journal, off the page's thread); the page asks first, then the
//! worker reads it again and writes it in place of the store, all or nothing, and the page
//! reads the store back as an open does.

use crate::browser;
use crate::i18n::{backup::BackupTexts, fill};
use crate::state::{self, AppState, SubmitError};
use crate::ui::{storage_message, submit_message, use_app};
use crate::worker::client::{self, Job, StartError};
use crate::worker::protocol::{BackupFacts, Reply, Request};
use leptos::prelude::*;
use web_sys::HtmlInputElement;

/// The restore's state: the message under it, the question asked and the worker's job (kept
/// between the check and the answer: the worker holds the checked backup).
#[derive(Clone, Copy)]
struct Restore {
    state: AppState,
    message: RwSignal<Option<(bool, String)>>,
    asking: RwSignal<Option<String>>,
    job: StoredValue<Option<Job>, LocalStorage>,
}

impl Restore {
    fn new(state: AppState) -> Restore {
        Restore {
            state,
            message: RwSignal::new(None),
            asking: RwSignal::new(None),
            job: StoredValue::new_local(None),
        }
    }

    fn b(self) -> &'static BackupTexts {
        self.state.lang.get_untracked().backup()
    }

    fn say(self, error: bool, text: String) {
        self.message.set(Some((error, text)));
    }

    /// Reads the chosen file and has the worker check it.
    fn chosen(self, input: HtmlInputElement) {
        self.asking.set(None);
        self.job.set_value(None);
        self.say(false, self.b().checking.to_string());
        leptos::task::spawn_local(async move {
            let bytes = match browser::chosen_file_array(&input).await {
                Ok(Some(bytes)) => bytes,
                Ok(None) => return self.message.set(None),
                Err(detail) => {
                    return self.say(true, fill(self.b().err_read, &[("detail", &detail)]))
                }
            };
            let lang = self.state.lang.get_untracked();
            self.start(&Request::CheckBackup { lang }, bytes);
        });
    }

    /// The user's answer to the question: restore, or leave the store as it is.
    fn answer(self, restore: bool, input: Option<HtmlInputElement>) {
        self.asking.set(None);
        if let Some(input) = input {
            input.set_value("");
        }
        // The job that checked the file; dropping it (a "no") ends the worker and its backup.
        let Some(job) = self.job.try_update_value(Option::take).flatten() else {
            return;
        };
        if !restore {
            return self.say(false, self.b().cancelled.to_string());
        }
        if self.state.saving.get_untracked() {
            let r = self.state.lang.get_untracked().rejections();
            return self.say(true, submit_message(r, &SubmitError::Busy));
        }
        let lang = self.state.lang.get_untracked();
        if let Err(error) = job.send(&Request::Restore { lang }) {
            return self.failed(error);
        }
        self.state.saving.set(true);
        self.say(false, self.b().restoring.to_string());
        self.job.set_value(Some(job));
    }

    /// Starts the worker's job for the check; the file goes to it as it is in JS.
    fn start(self, request: &Request, bytes: js_sys::Uint8Array) {
        match client::start_with(request, bytes, move |reply| self.on_reply(reply)) {
            Ok(job) => self.job.set_value(Some(job)),
            Err(error) => self.failed(error),
        }
    }

    fn failed(self, error: StartError) {
        let lang = self.state.lang.get_untracked();
        let message = match error {
            StartError::NotBuilt => lang.import_page().not_built.to_string(),
            StartError::Refused(detail) => fill(self.b().err_read, &[("detail", &detail)]),
        };
        self.say(true, message);
    }

    fn on_reply(self, reply: Reply) {
        match reply {
            Reply::Progress(_) => return,
            Reply::BackupChecked(Ok(facts)) => {
                self.message.set(None);
                // The worker keeps the checked backup until the answer.
                return self.asking.set(Some(confirmation(self.state, &facts)));
            }
            Reply::BackupChecked(Err(message)) => {
                self.state.saving.set(false);
                self.say(true, message);
            }
            Reply::Restored { events } => self.show_restored(events),
            Reply::Storage(error) => {
                self.state.saving.set(false);
                let t = self.state.lang.get_untracked().common();
                self.say(true, storage_message(t, &error));
            }
            other => {
                self.state.saving.set(false);
                let detail = match other {
                    Reply::Garbled(detail) => detail,
                    other => format!("{other:?}"),
                };
                self.say(true, fill(self.b().err_read, &[("detail", &detail)]));
            }
        }
        // The worker ends after the handler that ended the job has returned.
        leptos::task::spawn_local(async move { self.job.set_value(None) });
    }

    /// The store now holds the backup: read back and shown, as an open does.
    fn show_restored(self, events: usize) {
        leptos::task::spawn_local(async move {
            let outcome = state::restored(self.state).await;
            self.state.saving.set(false);
            match outcome {
                Ok(()) => self.say(
                    false,
                    fill(self.b().restored, &[("events", &events.to_string())]),
                ),
                Err(error) => {
                    let t = self.state.lang.get_untracked().common();
                    self.say(true, storage_message(t, &error));
                }
            }
        });
    }
}

#[component]
pub fn BackupRestore() -> impl IntoView {
    let state = use_app();
    let b = move || state.lang.get().backup();
    let restore = Restore::new(state);
    let input = NodeRef::<leptos::html::Input>::new();
    let chosen = move |_| {
        if let Some(element) = input.get() {
            restore.chosen(element);
        }
    };
    let answer = move |yes: bool| restore.answer(yes, input.get_untracked());
    view! {
        <div class="field">
            <label for="f-restore">{move || b().restore_file}</label>
            <input id="f-restore" type="file" accept=".jsonl,application/x-ndjson,text/plain" data-testid="restore-file"
                node_ref=input on:change=chosen disabled=move || state.saving.get() />
        </div>
        {move || restore.asking.get().map(|question| view! {
            <div class="confirm" role="alertdialog" aria-labelledby="restore-question" data-testid="restore-confirm">
                <p id="restore-question">{question}</p>
                <div class="actions">
                    <button type="button" class="danger" data-testid="restore-yes" on:click=move |_| answer(true)>{b().restore}</button>
                    <button type="button" data-testid="restore-no" on:click=move |_| answer(false)>{b().cancel}</button>
                </div>
            </div>
        })}
        {move || restore.message.get().map(|(error, text)| match error {
            true => view! { <p class="error" role="alert" data-testid="restore-message">{text}</p> }.into_any(),
            false => view! { <p role="status" data-testid="restore-message">{text}</p> }.into_any(),
        })}
    }
}

/// "Restoring replaces the N events on this device with the backup's M events (written on …)."
fn confirmation(state: AppState, facts: &BackupFacts) -> String {
    let b = state.lang.get_untracked().backup();
    let current = state
        .portfolio
        .with_untracked(|p| p.head.map_or(0, |head| head.seq));
    let events = facts.events.to_string();
    let date = browser::format_timestamp(facts.written.0);
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

//! The import page, `/data/import`: choose or drop a file, check the worker's preview and the
//! guessed mapping (every guess changeable, presets by name), then import: every row is
//! checked in the worker and written all or nothing, with progress and a cancel that leaves
//! nothing behind. The rules (what a column means, what a bad row is) are the core's
//! `import`; this page shows them.

mod mapping;
mod outcome;
mod presets;
mod words;

use crate::browser;
use crate::db;
use crate::state::{self, AppState};
use crate::ui::use_app;
use crate::worker::client::{self, Job, StartError};
use crate::worker::protocol::{Refusal, Reply, Request, Stage};
use creditdesk_core::import::{Encoding, Mapping, Preview, Summary};
use futures::channel::oneshot;
use leptos::prelude::*;

/// Where the page is.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Idle,
    Reading,
    Previewed,
    Running(Stage),
    Done(Summary),
    Rejected(Refusal),
    Failed(Failure),
    Cancelled,
}

/// Why an import did not run to its end, beside bad rows.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Start(StartError),
    Garbled(String),
    Storage(crate::db::StorageError),
    Read(String),
    /// Another tab holds the import lock.
    Busy,
}

/// The Web Lock one import at a time holds, across this device's tabs.
const IMPORT_LOCK: &str = "creditdesk-import";

/// The room an import asks for, as a multiple of its file's size: an entry's journal text is
/// about three times its CSV row, and the snapshot written with it about one more.
const ROOM_PER_FILE_BYTE: u64 = 4;

/// The page's state: the chosen file (its bytes stay in this tab until the worker gets a
/// copy), the preview, the mapping as the user has it now, and the worker of the job running.
#[derive(Clone, Copy)]
pub struct Import {
    pub name: RwSignal<Option<String>>,
    pub bytes: StoredValue<Option<Vec<u8>>, LocalStorage>,
    pub preview: RwSignal<Option<Preview>>,
    pub mapping: RwSignal<Option<Mapping>>,
    pub step: RwSignal<Step>,
    job: StoredValue<Option<Job>, LocalStorage>,
    /// The app's state, for the language of the worker's words (a job may start inside a
    /// task, where the context cannot be read).
    app: AppState,
    /// Ends the import lock's hold when the import's job ends (or the page goes).
    ended: StoredValue<Option<oneshot::Sender<()>>, LocalStorage>,
}

impl Import {
    fn new(app: AppState) -> Import {
        Import {
            app,
            name: RwSignal::new(None),
            bytes: StoredValue::new_local(None),
            preview: RwSignal::new(None),
            mapping: RwSignal::new(None),
            step: RwSignal::new(Step::Idle),
            job: StoredValue::new_local(None),
            ended: StoredValue::new_local(None),
        }
    }

    pub fn running(self) -> bool {
        matches!(self.step.get(), Step::Running(_) | Step::Reading)
    }

    /// Ends the job's worker, after the reply that ended it has been handled (a handler must
    /// not drop the closure it runs in).
    fn end_job(self) {
        leptos::task::spawn_local(async move {
            self.job.set_value(None);
            self.release();
        });
    }

    /// Lets the import lock go.
    fn release(self) {
        if let Some(ended) = self.ended.try_update_value(Option::take).flatten() {
            let _ = ended.send(());
        }
    }

    /// Starts a worker for `request` with the chosen file; its replies go to `on_reply`.
    fn start(self, request: Request, on_reply: impl Fn(Reply) + 'static) {
        let started = self.bytes.with_value(|bytes| {
            client::start(&request, bytes.as_deref().unwrap_or_default(), on_reply)
        });
        match started {
            Ok(job) => self.job.set_value(Some(job)),
            Err(error) => {
                self.step.set(Step::Failed(Failure::Start(error)));
                self.release();
            }
        }
    }

    /// Asks the worker for the file's preview, with the user's encoding or sheet when chosen.
    pub fn preview(self, encoding: Option<Encoding>, sheet: Option<usize>) {
        let file_name = self.name.get_untracked().unwrap_or_default();
        self.step.set(Step::Reading);
        let request = Request::Preview {
            file_name,
            encoding,
            sheet,
            lang: self.app.lang.get_untracked(),
        };
        self.start(request, move |reply| {
            match reply {
                Reply::Preview(Ok(preview)) => {
                    self.mapping.set(Some(preview.guess.clone()));
                    self.preview.set(Some(preview));
                    self.step.set(Step::Previewed);
                }
                Reply::Preview(Err(error)) => {
                    self.preview.set(None);
                    self.step.set(Step::Rejected(error));
                }
                other => return self.on_failure(other),
            }
            self.end_job();
        });
    }

    /// Replies that end a job badly, whatever it was.
    fn on_failure(self, reply: Reply) {
        let failure = match reply {
            Reply::Garbled(detail) => Failure::Garbled(detail),
            Reply::Storage(error) => Failure::Storage(error),
            _ => return,
        };
        self.step.set(Step::Failed(failure));
        self.end_job();
    }

    /// Checks and writes every row in the worker, holding the import lock (one tab imports at
    /// a time) after the store says it has room; the state on screen is read again after, and
    /// the other tabs are told.
    pub fn run(self, state: AppState) {
        let Some(mapping) = self.mapping.get_untracked() else {
            return;
        };
        let request = Request::Import {
            mapping,
            recorded_on: state.today.get_untracked(),
            sealer: state.sealer(),
            lang: state.lang.get_untracked(),
        };
        let size = self
            .bytes
            .with_value(|bytes| bytes.as_ref().map_or(0, Vec::len)) as u64;
        self.step.set(Step::Running(Stage::Loading));
        let (ended, until_ended) = oneshot::channel();
        self.ended.set_value(Some(ended));
        leptos::task::spawn_local(async move {
            let held = browser::with_lock(IMPORT_LOCK, async move {
                if let Err(error) = db::room_for(size * ROOM_PER_FILE_BYTE).await {
                    return self.step.set(Step::Failed(Failure::Storage(error)));
                }
                self.start(request, move |reply| self.on_import_reply(state, reply));
                let _ = until_ended.await;
            });
            if held.await.is_err() {
                self.step.set(Step::Failed(Failure::Busy));
            }
        });
    }

    fn on_import_reply(self, state: AppState, reply: Reply) {
        match reply {
            Reply::Progress(stage) => self.step.set(Step::Running(stage)),
            Reply::Imported(summary) => {
                self.end_job();
                leptos::task::spawn_local(async move {
                    match state::reload(state).await {
                        Ok(()) => {
                            state::announce(state.portfolio.with_untracked(|p| p.head));
                            self.step.set(Step::Done(summary))
                        }
                        Err(error) => self.step.set(Step::Failed(Failure::Storage(error))),
                    }
                });
            }
            Reply::Rejected(rejected) => {
                self.step.set(Step::Rejected(rejected));
                self.end_job();
            }
            other => self.on_failure(other),
        }
    }

    /// Terminates the worker: nothing is written before its one final transaction, and a
    /// terminated worker's transaction is aborted.
    pub fn cancel(self) {
        self.job.set_value(None);
        self.release();
        self.step.set(Step::Cancelled);
    }
}

/// The page `/data/import`.
#[component]
pub fn ImportPage() -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().import_page();
    let import = Import::new(state);
    view! {
        <section data-testid="import">
            <h1>{move || t().title}</h1>
            <p class="hint">{move || t().intro}</p>
            <FilePicker import />
            {move || import.preview.get().is_some().then(|| view! {
                <mapping::MappingEditor import />
                <presets::Presets import />
            })}
            <outcome::Progress import />
            <outcome::Outcome import />
        </section>
    }
}

/// Reads a chosen or dropped file into the page and asks for its preview.
fn take_file(import: Import, file: web_sys::File) {
    import.name.set(Some(file.name()));
    import.preview.set(None);
    import.mapping.set(None);
    import.step.set(Step::Reading);
    leptos::task::spawn_local(async move {
        match browser::file_bytes(&file).await {
            Ok(bytes) => {
                import.bytes.set_value(Some(bytes));
                import.preview(None, None);
            }
            Err(detail) => import.step.set(Step::Failed(Failure::Read(detail))),
        }
    });
}

#[component]
fn FilePicker(import: Import) -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().import_page();
    let over = RwSignal::new(false);
    let chosen = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            take_file(import, file);
        }
        input.set_value("");
    };
    let dropped = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        over.set(false);
        let file = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            take_file(import, file);
        }
    };
    view! {
        <div class="drop" class:over=move || over.get() data-testid="import-drop"
            on:dragover=move |e: leptos::ev::DragEvent| { e.prevent_default(); over.set(true) }
            on:dragleave=move |_| over.set(false) on:drop=dropped>
            <label for="f-import">{move || t().file_label}</label>
            <input id="f-import" type="file" data-testid="import-file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled=move || import.running() on:change=chosen />
            <p class="hint">{move || t().drop}</p>
        </div>
    }
}

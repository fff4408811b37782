//! The export section of the data page: choose a table, a format and the day it is as of,
//! and download the file. The tables and writers are the core's (`creditdesk_core::export`);
//! the words are `i18n::export`. A CSV of any table but the journal is made here, on the main
//! thread (the figures the screens already show); the journal (540,000 entries in portfolio
//! L) and every .xlsx are made in the worker, so the page never freezes and the spreadsheet
//! writer stays out of the desk's bundle.

use crate::browser;
use crate::i18n::export::{table_name, Words};
use crate::i18n::{fill, Lang};
use crate::state::AppState;
use crate::ui::form::{Form, SelectField, TextField};
use crate::ui::use_app;
use crate::worker::client::{self, Job, StartError};
use crate::worker::protocol::{ExportFormat, Exported, Reply, Request};
use chrono::NaiveDate;
use creditdesk_core::decide::Field;
use creditdesk_core::export::{table_of, write_csv, TableKind};
use leptos::prelude::*;
use leptos::text_prop::TextProp;

/// Up to this many customers (demo M), a CSV of any table but the journal is made on the main
/// thread; above it in the worker like the rest (L's alerts alone take 255–450 ms in wasm).
const MAIN_THREAD_CUSTOMERS: usize = 1_000;

/// What the section says: `(is an error, text)`.
type Message = RwSignal<Option<(bool, String)>>;

/// The export's choices and its worker, while one runs.
#[derive(Clone, Copy)]
struct Export {
    state: AppState,
    message: Message,
    busy: RwSignal<bool>,
    job: StoredValue<Option<Job>, LocalStorage>,
}

#[component]
pub fn ExportSection() -> impl IntoView {
    let state = use_app();
    let e = move || state.lang.get().export();
    let table = RwSignal::new(TableKind::Customers.token().to_string());
    let format = RwSignal::new(ExportFormat::CsvBom.token().to_string());
    let as_of = RwSignal::new(state.today.get_untracked().to_string());
    let form = Form::new();
    let export = Export {
        state,
        message: RwSignal::new(None),
        busy: RwSignal::new(false),
        job: StoredValue::new_local(None),
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let day = form.read(|reader| reader.date(Field::Date, &as_of.get_untracked()));
        let kind = TableKind::from_token(&table.get_untracked());
        let chosen = ExportFormat::from_token(&format.get_untracked());
        match (day, kind, chosen) {
            (Some(day), Some(kind), Some(chosen)) => export.start(kind, chosen, day),
            _ => export.message.set(None),
        }
    };
    let empty = move || state.portfolio.with(|p| p.head.is_none());
    view! {
        <section data-testid="export">
            <h2>{move || e().title}</h2>
            <p class="hint">{move || e().intro}</p>
            <form on:submit=submit novalidate>
                <SelectField label=move || e().table_label value=table options=table_options(state) testid="export-table" />
                <SelectField label=move || e().format_label value=format options=format_options(state) testid="export-format" />
                <TextField label=move || e().as_of_label field=Field::Date value=as_of form testid="export-as-of" hint="YYYY-MM-DD" />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="export-download" disabled=move || empty() || export.busy.get()>{move || e().download}</button>
                    <Show when=move || export.busy.get()>
                        <button type="button" data-testid="export-cancel" on:click=move |_| export.cancel()>{move || e().cancel}</button>
                    </Show>
                </div>
            </form>
            {move || export.message.get().map(|(error, text)| view! {
                <p class=if error { "error" } else { "" } role=if error { "alert" } else { "status" } data-testid="export-message">{text}</p>
            })}
        </section>
    }
}

fn table_options(state: AppState) -> Vec<(&'static str, TextProp)> {
    TableKind::ALL
        .map(|kind| {
            let label = move || table_name(state.lang.get().export(), kind);
            (kind.token(), TextProp::from(label))
        })
        .to_vec()
}

fn format_options(state: AppState) -> Vec<(&'static str, TextProp)> {
    ExportFormat::ALL
        .map(|format| {
            let label = move || {
                let e = state.lang.get().export();
                match format {
                    ExportFormat::CsvBom => e.format_csv_bom,
                    ExportFormat::Csv => e.format_csv,
                    ExportFormat::Xlsx => e.format_xlsx,
                }
            };
            (format.token(), TextProp::from(label))
        })
        .to_vec()
}

/// `12.3 KB`, `4.5 MB`: a file's size for the message.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

impl Export {
    fn lang(self) -> Lang {
        self.state.lang.get_untracked()
    }

    fn start(self, kind: TableKind, format: ExportFormat, as_of: NaiveDate) {
        let lang = self.lang();
        let small = (self.state.portfolio).with_untracked(|p| p.ledger.customers.len())
            <= MAIN_THREAD_CUSTOMERS;
        if format != ExportFormat::Xlsx && kind != TableKind::Journal && small {
            let table = (self.state.portfolio)
                .with_untracked(|p| table_of(kind, p, &[], as_of, &Words(lang)));
            let bytes = write_csv(&table, format == ExportFormat::CsvBom);
            let name = kind.file_name(as_of, format.extension());
            return match browser::blob_of(&bytes, format.mime()) {
                Some(file) => self.offer(&name, &file, table.rows.len()),
                None => self.fail("download".to_string()),
            };
        }
        self.busy.set(true);
        self.message
            .set(Some((false, lang.export().making.to_string())));
        let request = Request::Export {
            table: kind.token().to_string(),
            format,
            as_of,
            lang: lang.code().to_string(),
        };
        match client::start(&request, &[], move |reply| self.on_reply(reply)) {
            Ok(job) => self.job.set_value(Some(job)),
            Err(error) => self.fail(match error {
                StartError::NotBuilt => lang.import_page().not_built.to_string(),
                StartError::Refused(detail) => detail,
            }),
        }
    }

    fn on_reply(self, reply: Reply) {
        match reply {
            Reply::Progress(_) => return,
            Reply::Exported(Ok(Exported {
                file_name,
                rows,
                file: Some(file),
            })) => self.offer(&file_name, &file, rows),
            Reply::Exported(Ok(_)) => self.fail("no file".to_string()),
            Reply::Exported(Err(message)) => self.message.set(Some((true, message))),
            Reply::Garbled(detail) => self.fail(detail),
            other => self.fail(format!("{other:?}")),
        }
        self.busy.set(false);
        // The worker ends after the handler that ended the job has returned.
        leptos::task::spawn_local(async move { self.job.set_value(None) });
    }

    fn offer(self, name: &str, file: &web_sys::Blob, rows: usize) {
        let e = self.lang().export();
        if !browser::download_blob(name, file) {
            return self.fail("download".to_string());
        }
        let size = size(file.size() as usize);
        let rows = rows.to_string();
        let text = fill(e.made, &[("file", name), ("rows", &rows), ("size", &size)]);
        self.message.set(Some((false, text)));
    }

    /// Ends the worker: nothing is downloaded (it writes nothing to the store).
    fn cancel(self) {
        self.job.set_value(None);
        self.busy.set(false);
        let text = self.lang().export().cancelled.to_string();
        self.message.set(Some((false, text)));
    }

    fn fail(self, detail: String) {
        self.busy.set(false);
        let text = fill(self.lang().export().err_failed, &[("detail", &detail)]);
        self.message.set(Some((true, text)));
    }
}

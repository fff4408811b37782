//! The worker's export: loads the stored journal (verified, as on every open), builds the
//! table the desk asked for with the core's `export` and writes it as CSV or .xlsx. The file
//! goes back as a transferred buffer beside the reply's JSON, so a large journal costs the
//! desk's page neither the work nor a copy.

use super::protocol::{ExportFormat, Exported, Reply, Stage};
use super::run::{open_and_load, post, scope};
use crate::db;
use crate::i18n::{export::Words, fill, Lang};
use crate::ui::storage_message;
use chrono::NaiveDate;
use creditdesk_core::export::{table_of, write_csv, write_xlsx, TableKind};
use creditdesk_core::journal::{parse_event, Event};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag};

/// Makes the file and posts it (or why not).
pub(super) async fn run(table: &str, format: ExportFormat, as_of: NaiveDate, lang: &str) {
    let lang = Lang::detect(Some(lang), &[]);
    let Some(kind) = TableKind::from_token(table) else {
        return post(&Reply::Garbled(format!("no table {table:?}")));
    };
    post(&Reply::Progress(Stage::Loading));
    match make(kind, format, as_of, lang).await {
        Ok((exported, bytes)) => post_file(&Reply::Exported(Ok(exported)), &bytes, format.mime()),
        Err(detail) => {
            let message = fill(lang.export().err_failed, &[("detail", &detail)]);
            post(&Reply::Exported(Err(message)))
        }
    }
}

async fn make(
    kind: TableKind,
    format: ExportFormat,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<(Exported, Vec<u8>), String> {
    let common = lang.common();
    let state = open_and_load()
        .await
        .map_err(|e| storage_message(common, &e))?;
    let events = match kind {
        TableKind::Journal => journal_events()
            .await
            .map_err(|e| storage_message(common, &e))?,
        _ => Vec::new(),
    };
    post(&Reply::Progress(Stage::Writing));
    let table = table_of(kind, &state, &events, as_of, &Words(lang));
    drop(events);
    let bytes = match format {
        ExportFormat::CsvBom => write_csv(&table, true),
        ExportFormat::Csv => write_csv(&table, false),
        // The workbook reads the clock when made: here, in the app, with the crate's `wasm`
        // feature (app/Cargo.toml), never in the core.
        ExportFormat::Xlsx => write_xlsx(rust_xlsxwriter::Workbook::new(), &table)
            .map_err(|error| error.to_string())?,
    };
    let exported = Exported {
        file_name: kind.file_name(as_of, format.extension()),
        rows: table.rows.len(),
        file: None,
    };
    Ok((exported, bytes))
}

/// Every stored event, oldest first (`load` verified the chain just before).
async fn journal_events() -> Result<Vec<Event>, db::StorageError> {
    let (texts, _) = db::journal_texts().await?;
    texts
        .iter()
        .map(|text| parse_event(text).map_err(db::StorageError::Integrity))
        .collect()
}

/// Posts `{ reply, file }`: the bytes made into a `Blob` of type `mime` here, so the page
/// neither copies nor holds them (a 224 MB file cost it a 200 ms task).
pub(super) fn post_file(reply: &Reply, bytes: &[u8], mime: &str) {
    let text = serde_json::to_string(reply).unwrap_or_default();
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    // A view of the wasm memory, read by the Blob's constructor before anything allocates.
    let view = unsafe { Uint8Array::view(bytes) };
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(&view), &options);
    let message = Object::new();
    let _ = Reflect::set(
        &message,
        &JsValue::from_str("reply"),
        &JsValue::from_str(&text),
    );
    match blob {
        Ok(blob) => {
            let _ = Reflect::set(&message, &JsValue::from_str("file"), &blob);
        }
        Err(_) => {
            let failed = Reply::Garbled("the file could not be made".to_string());
            return post(&failed);
        }
    }
    let _ = scope().post_message(&message);
}

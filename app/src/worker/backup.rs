//! The worker's backup: every stored event read and its chain verified by the core, then
//! written out as one file, off the page's thread (seconds and hundreds of megabytes for a
//! large journal). The file goes back as a transferred buffer, like an export's.

use super::export::post_file;
use super::protocol::{Exported, Reply};
use super::run::{open_own, post};
use crate::browser;
use crate::db;
use crate::i18n::{chain_break, fill, Lang};
use crate::ui::storage_message;
use chrono::NaiveDate;
use creditdesk_core::journal::write_backup;
use creditdesk_core::Timestamp;

/// The type a backup file is offered as.
const BACKUP_MIME: &str = "application/x-ndjson";

/// Makes the backup and posts it (or why not, worded in `lang`).
pub(super) async fn run(today: NaiveDate, lang: Lang) {
    match make(today, lang).await {
        Ok((made, bytes)) => post_file(&Reply::BackedUp(Ok(made)), &bytes, BACKUP_MIME),
        Err(message) => post(&Reply::BackedUp(Err(message))),
    }
}

async fn make(today: NaiveDate, lang: Lang) -> Result<(Exported, Vec<u8>), String> {
    let (b, t) = (lang.backup(), lang.common());
    open_own()
        .await
        .map_err(|error| storage_message(t, &error))?;
    let (texts, recorded) = db::journal_texts()
        .await
        .map_err(|error| storage_message(t, &error))?;
    let head = recorded.ok_or_else(|| b.err_no_events.to_string())?;
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let file = write_backup(&borrowed, head, Timestamp(browser::now_ms()))
        .map_err(|broken| fill(b.err_broken, &[("detail", &chain_break(t, &broken))]))?;
    let made = Exported {
        file_name: format!("creditdesk-backup-{today}.jsonl"),
        rows: texts.len(),
        file: None,
    };
    Ok((made, file.into_bytes()))
}

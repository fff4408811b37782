//! The restore's work in the worker: a backup file read and its chain verified off the page's
//! thread (seconds for a large journal) and kept, then, once the user has said yes, written
//! in place of the store, all or nothing (`db::replace_all`, with its room check).

use super::protocol::{BackupFacts, Reply};
use super::run::open_own;
use crate::db;
use crate::i18n::{backup::backup_error, Lang};
use creditdesk_core::encode_snapshot;
use creditdesk_core::journal::{read_backup, Backup, BackupError};
use std::cell::RefCell;

/// The file read and checked by the core; why not, worded in `lang`.
fn read(bytes: &[u8], lang: Lang) -> Result<Backup, String> {
    std::str::from_utf8(bytes)
        .map_err(|_| BackupError::NotABackup)
        .and_then(read_backup)
        .map_err(|error| backup_error(lang.backup(), lang.common(), &error))
}

thread_local! {
    /// The backup the last `CheckBackup` of this worker read and verified, kept for the
    /// `Restore` the page posts to the same worker once the user has said yes.
    static CHECKED: RefCell<Option<Backup>> = const { RefCell::new(None) };
}

/// What the page asks about before a restore: how many events, and when the backup was made.
pub(super) fn check(bytes: &[u8], lang: Lang) -> Reply {
    let backup = read(bytes, lang);
    let facts = match &backup {
        Ok(backup) => Ok(BackupFacts {
            events: backup.events.len(),
            written: backup.written,
        }),
        Err(message) => Err(message.clone()),
    };
    CHECKED.with(|checked| *checked.borrow_mut() = backup.ok());
    Reply::BackupChecked(facts)
}

/// Replaces the store with the backup's journal and its snapshot: the one this worker checked,
/// or the file sent with the request, read and checked now. The store is opened without
/// reading it: a restore is also how a damaged journal is replaced.
pub(super) async fn restore(bytes: &[u8], lang: Lang) -> Reply {
    let backup = match CHECKED.with(|checked| checked.borrow_mut().take()) {
        Some(backup) => backup,
        None => match read(bytes, lang) {
            Ok(backup) => backup,
            Err(message) => return Reply::BackupChecked(Err(message)),
        },
    };
    if let Err(error) = open_own().await {
        return Reply::Storage(error);
    }
    let snapshot = encode_snapshot(&backup.portfolio);
    match db::replace_all(&backup.events, snapshot).await {
        Ok(()) => Reply::Restored {
            events: backup.events.len(),
        },
        Err(error) => Reply::Storage(error),
    }
}

//! The full backup: the whole journal in one file, to keep or to carry to another device (a
//! field-sales phone gets its portfolio this way). Lines of UTF-8 text: first a header naming
//! the format, its version, when it was written, how many events follow and the head they end
//! at; then each event's stored text on a line of its own, exactly as stored (the texts are
//! JSON without line breaks, and their hashes are the chain). Nothing in it is trusted on
//! reading: the header must be this format in a version this build reads, the events as many
//! as it says, their chain intact from the first event to the stated head, and every event
//! must fold. Only then is the journal handed back, with the state it folds to.

use crate::base::dates::Timestamp;
use crate::journal::chain::{parse_event, verify, ChainBreak, ChainHead, Hash, SealedEvent};
use crate::journal::portfolio::Portfolio;
use serde::{Deserialize, Serialize};

/// The header's `format`: says the file is a Creditdesk backup.
pub const BACKUP_FORMAT: &str = "creditdesk-backup";
/// The version written. Readers refuse a newer one: it may hold what they cannot check.
pub const BACKUP_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    /// Milliseconds since 1970 when the backup was written, by the writer's clock.
    written: Timestamp,
    events: u64,
    head: ChainHead,
}

/// A backup read and checked: its events (texts as stored, parsed, hashed), the head they end
/// at and the state they fold to.
#[derive(Clone, Debug)]
pub struct Backup {
    pub written: Timestamp,
    pub head: ChainHead,
    pub events: Vec<SealedEvent>,
    pub portfolio: Portfolio,
}

/// Why a file is not a backup this build can restore, in terms a message can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Nothing in the file.
    Empty,
    /// The first line is not a Creditdesk backup's header.
    NotABackup,
    /// Written by a newer Creditdesk, in a version this one does not read.
    NewerVersion { found: u32 },
    /// The header's count of events and the lines that follow differ: the file was cut short
    /// (or had lines added).
    CountDiffers { stated: u64, found: u64 },
    /// A backup of an empty journal: there is nothing to restore.
    NoEvents,
    /// The events do not form the journal the header says, or one does not fold: the break
    /// names the event (positions count from 0).
    Broken(ChainBreak),
}

/// Writes the backup of a journal whose stored texts are `texts`, in order, ending at the
/// recorded `head`. The chain is verified first: a broken journal is not copied into a file
/// that would pass it on.
pub fn write_backup(
    texts: &[&str],
    head: ChainHead,
    written: Timestamp,
) -> Result<String, ChainBreak> {
    verify(texts, None, Some(head))?;
    let header = Header {
        format: BACKUP_FORMAT.to_string(),
        version: BACKUP_VERSION,
        written,
        events: texts.len() as u64,
        head,
    };
    // A struct of strings and numbers always serialises.
    let mut out = serde_json::to_string(&header).expect("the header serialises");
    out.reserve(texts.iter().map(|text| text.len() + 1).sum());
    for text in texts {
        out.push('\n');
        out.push_str(text);
    }
    out.push('\n');
    Ok(out)
}

/// Reads and checks a backup (see the module's doc). Lines may end in `\r\n` (a file copied
/// through a Windows tool); anything else that differs from what was written is refused.
pub fn read_backup(file: &str) -> Result<Backup, BackupError> {
    let file = file.strip_prefix('\u{feff}').unwrap_or(file);
    if file.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let mut lines = file
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let header = read_header(lines.next().unwrap_or_default())?;
    let texts: Vec<&str> = lines.filter(|line| !line.is_empty()).collect();
    if texts.len() as u64 != header.events {
        return Err(BackupError::CountDiffers {
            stated: header.events,
            found: texts.len() as u64,
        });
    }
    if texts.is_empty() {
        return Err(BackupError::NoEvents);
    }
    verify(&texts, None, Some(header.head)).map_err(BackupError::Broken)?;
    let (events, portfolio) = fold(&texts).map_err(BackupError::Broken)?;
    Ok(Backup {
        written: header.written,
        head: header.head,
        events,
        portfolio,
    })
}

fn read_header(line: &str) -> Result<Header, BackupError> {
    #[derive(Deserialize)]
    struct Format {
        format: String,
        version: u32,
    }
    let format: Format = serde_json::from_str(line).map_err(|_| BackupError::NotABackup)?;
    if format.format != BACKUP_FORMAT {
        return Err(BackupError::NotABackup);
    }
    if format.version > BACKUP_VERSION {
        return Err(BackupError::NewerVersion {
            found: format.version,
        });
    }
    serde_json::from_str(line).map_err(|_| BackupError::NotABackup)
}

/// Parses and folds verified texts, keeping each event sealed as it was stored.
fn fold(texts: &[&str]) -> Result<(Vec<SealedEvent>, Portfolio), ChainBreak> {
    let mut portfolio = Portfolio::default();
    let mut events = Vec::with_capacity(texts.len());
    for (position, text) in texts.iter().enumerate() {
        let event = parse_event(text).map_err(|_| ChainBreak::Unreadable { position })?;
        let hash = Hash::of(text.as_bytes());
        portfolio.apply_event(&event, hash)?;
        events.push(SealedEvent {
            event,
            text: (*text).to_string(),
            hash,
        });
    }
    Ok((events, portfolio))
}

/// Whether a backup is due on `today`: none made yet (on a journal with events), or the last
/// one `every_days` days old or more.
pub fn backup_due(
    last: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
    every_days: u32,
) -> bool {
    match last {
        None => true,
        Some(last) => (today - last).num_days() >= i64::from(every_days),
    }
}

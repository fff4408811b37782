//! The messages between the desk and the worker. A request is posted as `{ request, bytes }`:
//! `request` the JSON of a [`Request`], `bytes` the file as a `Uint8Array`. Every reply is the
//! JSON of a [`Reply`]; an export's or a backup's reply is posted as `{ reply, bytes }` like a request. The
//! worker words an import's refusals in the page's language, so the desk links neither the
//! reasons' readers nor their texts (the download of every error is a finished CSV). The
//! check-view pages speak [`ViewRequest`] and [`ViewReply`] as postcard bytes (`{ view }` one
//! way, a `Uint8Array` back), so those pages link no JSON reader of the storage errors.

use crate::db::StorageError;
use crate::i18n::Lang;
use chrono::NaiveDate;
use creditdesk_core::decide::Command;
use creditdesk_core::import::{Encoding, Mapping, Preview, Summary};
use creditdesk_core::journal::ChainHead;
use creditdesk_core::{Amount, CustomerId, OrderId, Timestamp, UserId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Reads the file's start: its kind, encoding, sheets, headers, first rows and the guessed
    /// mapping. `encoding` and `sheet` are the user's overrides.
    Preview {
        file_name: String,
        encoding: Option<Encoding>,
        sheet: Option<usize>,
        lang: Lang,
    },
    /// Validates every row against the stored journal and, when none is bad, writes them as
    /// one event sealed by `sealer`.
    Import {
        mapping: Mapping,
        recorded_on: NaiveDate,
        sealer: String,
        lang: Lang,
    },
    /// Makes the file of one table (`TableKind::token`) as of a day from the stored journal,
    /// with the words of `lang` (`Lang::code`); the reply carries the bytes.
    Export {
        table: String,
        format: ExportFormat,
        as_of: NaiveDate,
        lang: String,
    },
    /// Reads every stored event, verifies the chain and writes them as one backup file named
    /// for `today`; the reply carries the bytes.
    Backup { today: NaiveDate, lang: Lang },
    /// Reads the backup file (the bytes) and verifies its chain; nothing is written.
    CheckBackup { lang: Lang },
    /// Reads the backup file again and writes its journal in place of the store.
    Restore { lang: Lang },
}

/// What a restore asks about: the backup's count of events and when it was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFacts {
    pub events: usize,
    pub written: Timestamp,
}

/// The file an export makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// UTF-8 with a byte-order mark: Excel on Chinese Windows opens it as UTF-8.
    CsvBom,
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] =
        [ExportFormat::CsvBom, ExportFormat::Csv, ExportFormat::Xlsx];

    pub fn token(self) -> &'static str {
        match self {
            ExportFormat::CsvBom => "csv-bom",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    pub fn from_token(token: &str) -> Option<ExportFormat> {
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.token() == token)
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::CsvBom | ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::CsvBom | ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// A file an export or a backup made. The file travels beside the reply's JSON as a `Blob`
/// made in the worker (the page only offers it), never inside it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Exported {
    pub file_name: String,
    pub rows: usize,
    #[serde(skip)]
    pub file: Option<web_sys::Blob>,
}

/// Two replies about the same file are equal whatever blob holds it.
impl PartialEq for Exported {
    fn eq(&self, other: &Exported) -> bool {
        (&self.file_name, self.rows) == (&other.file_name, other.rows)
    }
}

/// One bad row, worded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadRow {
    /// 1-based line in the file; the header is 1.
    pub row: usize,
    /// The header text of the column at fault, or empty.
    pub column: String,
    pub reason: String,
}

/// Why nothing was imported, worded in the request's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    /// The file as a whole (its encoding, its kind, a missing column …).
    File(String),
    /// Every bad row: how many, the first [`ROWS_SHOWN`], and all of them as a CSV file.
    Rows {
        count: usize,
        shown: Vec<BadRow>,
        file: String,
    },
}

/// Bad rows sent for the page; the CSV file has them all.
pub const ROWS_SHOWN: usize = 100;

/// How far an import is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Opening the store and reading the journal the rows are checked against.
    Loading,
    /// Rows read and checked so far, of all.
    Checking { done: usize, total: usize },
    /// Writing the one event (and the snapshot after it).
    Writing,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker is listening; the client posts its request only after this.
    Ready,
    Preview(Result<Preview, Refusal>),
    Progress(Stage),
    /// Written (or nothing new to write: every row was already known).
    Imported(Summary),
    /// The file or some rows are bad: nothing was written.
    Rejected(Refusal),
    /// The store failed or refused: nothing was written.
    Storage(StorageError),
    /// The export's file (its bytes beside the JSON), or why it could not be made.
    Exported(Result<Exported, String>),
    /// The backup file made (its bytes beside the JSON; `rows` counts the events), or why
    /// not (worded).
    BackedUp(Result<Exported, String>),
    /// The backup file checked: what it holds, or why it cannot be restored (worded).
    BackupChecked(Result<BackupFacts, String>),
    /// The backup's journal is now the store's.
    Restored {
        events: usize,
    },
    /// A message the worker could not read (a build mismatch); nothing was done.
    Garbled(String),
}

/// The requests of the pages that read the check view (the field check, the widget), posted as
/// `{ view }` (its postcard bytes, `to_bytes`) beside the desk's `{ request }`: a type of their
/// own, so those pages link the writer of these two and not of every request (nor of every
/// command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ViewRequest {
    /// Loads the stored journal (verified), journals the lapses due on `as_of` when
    /// `record_lapses` (the field check; never the widget, which only reads), and stores the
    /// check view for `as_of` (`db::view`). Answered with `ViewReply::View`.
    Refresh {
        as_of: NaiveDate,
        record_lapses: bool,
        sealer: String,
    },
    /// Decides the order through the check against the stored journal, writes its event sealed
    /// by `sealer`, and stores the check view after it. Answered with `ViewReply::Order`; a
    /// refusal is worded in `lang`.
    PlaceOrder {
        order: OrderInput,
        sealer: String,
        lang: Lang,
    },
}

/// An order as the field check places it: `Command::PlaceOrder`'s fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderInput {
    pub id: OrderId,
    pub customer: CustomerId,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Amount,
    pub by: UserId,
    pub release_reason: Option<String>,
}

impl OrderInput {
    pub fn command(self) -> Command {
        Command::PlaceOrder {
            id: self.id,
            customer: self.customer,
            number: self.number,
            date: self.date,
            amount: self.amount,
            by: self.by,
            release_reason: self.release_reason,
        }
    }
}

/// Why the core refused an order, worded by the worker in the page's language (so the page
/// links neither the rejections' reader nor their texts). `blocked`: the check blocks it and
/// it was not released.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderRefusal {
    pub blocked: bool,
    pub message: String,
}

/// The worker's answers to a [`ViewRequest`], posted as their postcard bytes (its first message
/// is `Reply::Ready`, as always).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ViewReply {
    /// The check view is stored for the journal ending at `head`.
    View { head: Option<ChainHead> },
    /// The order's event is written (the journal now ends at the head) and the view after it
    /// stored; or why the core refused it, and nothing was written.
    Order(Result<Option<ChainHead>, OrderRefusal>),
    /// The store failed or refused: nothing was written.
    Storage(StorageError),
    /// A message the worker could not read (a build mismatch); nothing was done.
    Garbled(String),
}

/// A check-view message as postcard bytes: the format the view itself is stored in, so the
/// small pages link one compact writer and reader instead of JSON's for every error type.
pub fn to_bytes(message: &impl Serialize) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(message).map_err(|error| error.to_string())
}

/// Reads a check-view message's postcard bytes; a message of another build is an error.
pub fn from_bytes<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|error| error.to_string())
}

// Run by the wasm step of the test command, in Chromium (a plain `#[test]` there is not run).
#[cfg(test)]
mod tests {
    use super::*;
    use creditdesk_core::base::fold::{FoldError, RecordKind};
    use creditdesk_core::journal::ChainBreak;
    use creditdesk_core::Currency;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    /// Postcard refuses some serde shapes only when a value is written or read (a field
    /// skipped when empty, a type read by what it looks like), so every answer the small pages
    /// can receive goes through it here.
    #[wasm_bindgen_test]
    fn every_view_message_reads_back_as_written() {
        let head = Some(ChainHead {
            seq: 7,
            hash: creditdesk_core::journal::Hash([9; 32]),
        });
        let broken = ChainBreak::DoesNotApply {
            seq: 3,
            entry: 1,
            error: FoldError::DuplicateNumber {
                record: RecordKind::Invoice,
                number: "INV-1".into(),
            },
        };
        let replies = [
            ViewReply::View { head },
            ViewReply::View { head: None },
            ViewReply::Order(Ok(head)),
            ViewReply::Order(Err(OrderRefusal {
                blocked: true,
                message: "超出信用额度".into(),
            })),
            ViewReply::Storage(StorageError::Integrity(broken)),
            ViewReply::Storage(StorageError::NoRoom {
                used: 1,
                quota: 2,
                needed: 3,
            }),
            ViewReply::Storage(StorageError::Conflict),
            ViewReply::Garbled("another build".into()),
        ];
        for reply in replies {
            let bytes = to_bytes(&reply).expect("written");
            assert_eq!(from_bytes::<ViewReply>(&bytes), Ok(reply));
        }
        let request = ViewRequest::PlaceOrder {
            order: OrderInput {
                id: OrderId(4),
                customer: CustomerId(2),
                number: "SO-1".into(),
                date: NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date"),
                amount: Amount::parse_positive("50000.10", Currency::CNY).expect("an amount"),
                by: UserId(1),
                release_reason: Some("付款已到".into()),
            },
            sealer: "王".into(),
            lang: Lang::Zh,
        };
        let bytes = to_bytes(&request).expect("written");
        assert_eq!(from_bytes::<ViewRequest>(&bytes), Ok(request));
        assert!(from_bytes::<ViewReply>(&[200, 1]).is_err());
    }
}

//! The messages between the desk and the worker. A request is posted as `{ request, bytes }`:
//! `request` the JSON of a [`Request`], `bytes` the file as a `Uint8Array`. Every reply is the
//! JSON of a [`Reply`].

use crate::db::StorageError;
use chrono::NaiveDate;
use creditdesk_core::import::{Encoding, FileError, Mapping, Preview, Rejected, Summary};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Reads the file's start: its kind, encoding, sheets, headers, first rows and the guessed
    /// mapping. `encoding` and `sheet` are the user's overrides.
    Preview {
        file_name: String,
        encoding: Option<Encoding>,
        sheet: Option<usize>,
    },
    /// Validates every row against the stored journal and, when none is bad, writes them as
    /// one event sealed by `sealer`.
    Import {
        mapping: Mapping,
        recorded_on: NaiveDate,
        sealer: String,
    },
}

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
    Preview(Result<Preview, FileError>),
    Progress(Stage),
    /// Written (or nothing new to write: every row was already known).
    Imported(Summary),
    /// The file or some rows are bad: nothing was written.
    Rejected(Rejected),
    /// The store failed or refused: nothing was written.
    Storage(StorageError),
    /// A message the worker could not read (a build mismatch); nothing was done.
    Garbled(String),
}

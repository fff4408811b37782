//! Storage: the journal, its head and the state snapshot in IndexedDB. The only module that
//! touches IndexedDB. Schema versions are explicit; each version step has one migration
//! function. A command's event is written in one readwrite transaction with strict
//! durability and counts as saved only when the commit succeeds. Nothing read back is
//! trusted: the chain, the recorded head and the snapshot's seal are checked, and a break
//! stops writing until a load succeeds again. Every `StorageError` of a write means nothing of
//! it was saved (quota, no room, a lost connection and a conflict each have their own).

pub mod records;
mod room;
mod tabs;
pub mod view;

use crate::browser;
use creditdesk_core::journal::{audit, parse_event, require_head, verify, Audit, SnapshotSeal};
use creditdesk_core::journal::{ChainBreak, ChainHead, SealedEvent};
use creditdesk_core::journal::{SnapshotError, SnapshotReader};
use creditdesk_core::{Hash, Portfolio};
use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

use records::StoredSnapshot;
pub use records::{EventRecord, EventSummary};
pub use room::{pretend_estimate, room_for, room_in, ROOM_FACTOR};
pub use tabs::{events_after, on_close};

pub const DB_NAME: &str = "creditdesk";
/// The current schema version. v1: `events`, `meta`. v2: adds `snapshots` and `chunks`.
/// v3: a snapshot record carries its seal (see `records::snapshot_record`).
pub const SCHEMA_VERSION: u32 = 3;

pub const STORE_EVENTS: &str = "events";
pub const STORE_META: &str = "meta";
pub const STORE_SNAPSHOTS: &str = "snapshots";
/// Large values split into chunks: long event texts and the snapshot (see `records`).
pub const STORE_CHUNKS: &str = "chunks";
const ALL_STORES: [&str; 4] = [STORE_EVENTS, STORE_META, STORE_SNAPSHOTS, STORE_CHUNKS];
const META_HEAD: &str = "head";
const SNAPSHOT_KEY: &str = "latest";

/// Write a snapshot with any event of at least this many entries (imports, demo loads)…
const SNAPSHOT_ENTRIES_MIN: usize = 2_000;
/// …and otherwise after this many events since the last snapshot.
const SNAPSHOT_EVENTS_MAX: u64 = 200;

/// What went wrong in storage, in terms the shell can explain to a credit manager.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum StorageError {
    /// IndexedDB is missing or refused (private mode, disabled storage).
    Unavailable(String),
    /// An upgrade waits for other tabs of Creditdesk to close.
    Blocked,
    /// Opening the database neither succeeded nor failed within `OPEN_WAIT_MS` (another
    /// tab's upgrade holds it, or the browser's profile is broken).
    OpenHung,
    /// The browser refused the write: this site is out of its storage quota.
    QuotaExceeded,
    /// A large write was not started: the browser's estimate leaves too little room
    /// (`room_for`). Bytes: in use, the site's quota, and what the write needs.
    NoRoom { used: u64, quota: u64, needed: u64 },
    /// The connection to the database is gone (closed, the database deleted from the
    /// developer tools, or the browser's storage failed: `InvalidStateError`, `UnknownError`,
    /// a transaction aborted under us). Reloading the page opens a new one.
    ConnectionLost(String),
    /// Another tab wrote to the journal first (the add of this sequence number failed);
    /// the state has been read again, and the user repeats the action.
    Conflict,
    /// The journal failed verification: shown, never silently repaired.
    Integrity(ChainBreak),
    /// Any other failure, with the browser's message.
    Failed(String),
}

impl From<indexed_db_futures::error::Error> for StorageError {
    fn from(error: indexed_db_futures::error::Error) -> Self {
        use indexed_db_futures::error::{Error, UnexpectedDataError};
        match &error {
            Error::DomException(exception) => {
                let name = wasm_bindgen::JsCast::unchecked_ref::<web_sys::DomException>(
                    exception.as_ref(),
                )
                .name();
                StorageError::from_dom_name(&name, error.to_string())
            }
            Error::MissingData(UnexpectedDataError::TransactionAborted) => {
                StorageError::ConnectionLost(error.to_string())
            }
            _ => StorageError::Failed(error.to_string()),
        }
    }
}

impl StorageError {
    /// The error for a `DOMException` of this name: quota, conflict and a lost connection
    /// each their own, any other with the browser's message.
    pub fn from_dom_name(name: &str, detail: String) -> StorageError {
        match name {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "ConstraintError" => StorageError::Conflict,
            "InvalidStateError" | "UnknownError" | "AbortError" | "TransactionInactiveError" => {
                StorageError::ConnectionLost(detail)
            }
            _ => StorageError::Failed(detail),
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StorageError {
    fn from(error: indexed_db_futures::error::OpenDbError) -> Self {
        match error {
            indexed_db_futures::error::OpenDbError::Base(base) => base.into(),
            other => StorageError::Unavailable(other.to_string()),
        }
    }
}

/// Commits `tx`. indexed_db_futures reports every abort alike; the transaction's own error
/// says why (a write past the quota aborts it with a `QuotaExceededError`), so it is named.
async fn commit(tx: indexed_db_futures::transaction::Transaction<'_>) -> Result<(), StorageError> {
    use indexed_db_futures::internals::SystemRepr;
    let raw: web_sys::IdbTransaction = tx.as_sys().clone().into();
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(error) => Err(match raw.error() {
            Some(exception) => StorageError::from_dom_name(&exception.name(), exception.message()),
            None => error.into(),
        }),
    }
}

thread_local! {
    /// The open database. CSR runs on one thread; the handle is a JS object and not `Send`.
    static DATABASE: RefCell<Option<Database>> = const { RefCell::new(None) };
    /// Head of the last snapshot written, to decide when the next one is due.
    static SNAPSHOT_SEQ: RefCell<u64> = const { RefCell::new(0) };
    /// The last load replayed events without a usable snapshot (none yet, or one in another
    /// format version): write one with the next save.
    static SNAPSHOT_STALE: RefCell<bool> = const { RefCell::new(false) };
    /// The break the last load or verification found: appends are refused while it stands,
    /// so storage itself stops writing on a broken journal, not only the app's banner.
    static WRITES_STOPPED: RefCell<Option<ChainBreak>> = const { RefCell::new(None) };
}

pub(crate) fn database() -> Result<Database, StorageError> {
    DATABASE
        .with(|cell| cell.borrow().clone())
        .ok_or_else(|| StorageError::Unavailable("database not open".into()))
}

/// Migration v0 → v1: the journal and its metadata.
fn migrate_to_v1(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_EVENTS)
        .with_key_path("seq".into())
        .build()?;
    db.create_object_store(STORE_META).build()?;
    Ok(())
}

/// Migration v1 → v2: the snapshot store and the chunk store for values too large for one
/// IndexedDB record. v1 events keep their inline texts; existing journals replay on first
/// open and get a snapshot with their next large write.
fn migrate_to_v2(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_SNAPSHOTS).build()?;
    db.create_object_store(STORE_CHUNKS).build()?;
    Ok(())
}

/// Migration v2 → v3: a snapshot record now carries its seal, the hash of the event it
/// follows and the SHA-256 of its bytes. A v2 snapshot has no seal to check, so it is dropped
/// as the stale cache it is, with the store, inside the upgrade. Verifying it by a replay
/// instead would cost that same replay and still leave it unsealed. The first open replays
/// the journal (verified event by event) and the next write seals a new snapshot, which also
/// overwrites the old one's chunks: they stay until then, because the chunk store holds
/// event texts too and indexed_db_futures does not hand out the upgrade transaction.
fn migrate_to_v3(db: &Database) -> indexed_db_futures::Result<()> {
    db.delete_object_store(STORE_SNAPSHOTS)?;
    db.create_object_store(STORE_SNAPSHOTS).build()?;
    Ok(())
}

/// Opens (and migrates) the database named `name` up to `version`. `on_blocked` runs when
/// other tabs hold an older version open; `on_version_change` when another tab upgrades.
pub async fn open(
    name: &str,
    version: u32,
    on_blocked: impl Fn() + 'static,
    on_version_change: impl Fn() + 'static,
) -> Result<Database, StorageError> {
    let db = Database::open(name)
        .with_version(version)
        .with_on_blocked(move |_event| {
            on_blocked();
            Ok(())
        })
        .with_on_upgrade_needed(move |event, db| {
            let old = event.old_version() as u32;
            let new = event.new_version().map_or(old, |v| v as u32);
            for step in (old + 1)..=new {
                match step {
                    1 => migrate_to_v1(&db)?,
                    2 => migrate_to_v2(&db)?,
                    3 => migrate_to_v3(&db)?,
                    _ => {}
                }
            }
            Ok(())
        })
        .await?;
    records::on_version_change(&db, on_version_change);
    Ok(db)
}

/// Makes `db` the database the app reads and writes.
pub fn install(db: Database) {
    DATABASE.with(|cell| *cell.borrow_mut() = Some(db));
    stop_writing(None);
}

/// Refuses (with the break) or again allows appends.
fn stop_writing(broken: Option<ChainBreak>) {
    WRITES_STOPPED.with(|cell| *cell.borrow_mut() = broken);
}

/// The recorded head, if any. One that is there but unreadable is an integrity error, never
/// "no head": that would let a journal shortened at its end pass as complete.
pub(crate) async fn read_recorded_head(
    meta: &ObjectStore<'_>,
) -> Result<Option<ChainHead>, StorageError> {
    let stored: Option<JsValue> = meta.get(META_HEAD).primitive()?.await?;
    let Some(stored) = stored else {
        return Ok(None);
    };
    stored
        .as_string()
        .and_then(|text| serde_json::from_str::<ChainHead>(&text).ok())
        .map(Some)
        .ok_or(StorageError::Integrity(ChainBreak::HeadUnreadable))
}

/// The snapshot record and its bytes, unchecked, if there is one.
async fn read_stored_snapshot(
    snapshots: &ObjectStore<'_>,
    chunk_store: &ObjectStore<'_>,
) -> Result<Option<StoredSnapshot>, StorageError> {
    let record: Option<JsValue> = snapshots.get(SNAPSHOT_KEY).primitive()?.await?;
    match record {
        Some(record) => Ok(Some(records::read_snapshot(&record, chunk_store).await?)),
        None => Ok(None),
    }
}

/// The state a stored snapshot may start from; `None` for a stale cache (another format
/// version). `at_seq` is the journal's hash for the event the snapshot says it follows. Before
/// decoding: a snapshot means the journal had events, so the head must be recorded, and the
/// snapshot must follow this journal's event. Its bytes must match the seal: the browser takes
/// their SHA-256 while the core decodes them, and that verdict is given before the decode's.
async fn open_snapshot(
    stored: &StoredSnapshot,
    at_seq: Option<Hash>,
    recorded: Option<ChainHead>,
) -> Result<Option<Portfolio>, ChainBreak> {
    let recorded = recorded.ok_or(ChainBreak::HeadMissing)?;
    stored.seal.check_place(at_seq, recorded)?;
    browser::mark("creditdesk:snapshot-read");
    // The browser hashes while the core decodes; the hash's verdict comes first.
    let hashing = digest(&stored.bytes);
    let decoded = stored.seal.decoded(decode_in_steps(&stored.bytes).await);
    browser::mark("creditdesk:snapshot-decoded");
    let digest = hashing.await;
    browser::mark("creditdesk:snapshot-hashed");
    stored.seal.check_digest(digest)?;
    decoded
}

/// A run of decoding steps lasts at most about this long before the page may handle input.
const DECODE_SLICE_MS: i64 = 40;

/// Decodes a snapshot a step at a time (`SnapshotReader`: a piece of records per step),
/// letting the page handle input whenever a run of steps has taken `DECODE_SLICE_MS`: reading
/// back portfolio L after an import or a restore would otherwise freeze the page for 200–500 ms.
async fn decode_in_steps(bytes: &[u8]) -> Result<Portfolio, SnapshotError> {
    let mut reader = SnapshotReader::new(bytes)?;
    let mut since = browser::now_ms();
    loop {
        if let Some(portfolio) = reader.step()? {
            return Ok(portfolio);
        }
        if browser::now_ms() - since >= DECODE_SLICE_MS {
            browser::yield_to_page().await;
            since = browser::now_ms();
        }
    }
}

/// The SHA-256 of a snapshot's bytes: the browser's when it has one, else the core's.
/// Started at once (not an `async fn`), so the caller may work while the browser hashes.
fn digest(bytes: &[u8]) -> impl std::future::Future<Output = Hash> + '_ {
    let hashing = browser::sha256(bytes);
    async move {
        match hashing.await {
            Some(digest) => Hash(digest),
            None => Hash::of(bytes),
        }
    }
}

/// Reads the stored snapshot and the journal's hash for the event it says it follows. Opening
/// it (hash and decode) waits until the transaction is over: an await on anything but
/// IndexedDB inside one would let it commit under the reads that follow.
async fn read_snapshot(
    events: &ObjectStore<'_>,
    snapshots: &ObjectStore<'_>,
    chunk_store: &ObjectStore<'_>,
) -> Result<Option<(StoredSnapshot, Option<Hash>)>, StorageError> {
    let Some(stored) = read_stored_snapshot(snapshots, chunk_store).await? else {
        return Ok(None);
    };
    let at_seq = records::stored_event_hash(events, stored.seal.head.seq).await?;
    Ok(Some((stored, at_seq)))
}

/// Opens a snapshot read by `read_snapshot`: its state when usable, `None` when there is none
/// or it is a stale cache.
async fn open_read_snapshot(
    read: &Option<(StoredSnapshot, Option<Hash>)>,
    recorded: Option<ChainHead>,
) -> Result<Option<Portfolio>, StorageError> {
    match read {
        Some((stored, at_seq)) => open_snapshot(stored, *at_seq, recorded)
            .await
            .map_err(StorageError::Integrity),
        None => Ok(None),
    }
}

/// The stored events from `from` on, with their texts, in a transaction of their own: what
/// loading reads after the snapshot, and what the journal page reads to tell the entries.
pub async fn events_from(from: u64) -> Result<Vec<records::EventRecord>, StorageError> {
    let db = database()?;
    let tx = db.transaction([STORE_EVENTS, STORE_CHUNKS]).build()?;
    let events = tx.object_store(STORE_EVENTS)?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    records::read_events(&events, &chunk_store, from).await
}

/// Loads the state: the snapshot (if any, sealed and bound to this journal), then the newer
/// events, verifying the chain from the snapshot's head to the recorded head. A break is
/// named, and appends are refused until a later load succeeds.
pub async fn load() -> Result<Portfolio, StorageError> {
    let loaded = load_checked().await;
    match &loaded {
        Ok(_) => stop_writing(None),
        Err(StorageError::Integrity(broken)) => stop_writing(Some(broken.clone())),
        Err(_) => {}
    }
    loaded
}

async fn load_checked() -> Result<Portfolio, StorageError> {
    let db = database()?;
    let tx = db.transaction(ALL_STORES).build()?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    let events = tx.object_store(STORE_EVENTS)?;
    let recorded = read_recorded_head(&tx.object_store(STORE_META)?).await?;
    let snapshots = tx.object_store(STORE_SNAPSHOTS)?;
    let read = read_snapshot(&events, &snapshots, &chunk_store).await?;
    let after = read.as_ref().map_or(0, |(stored, _)| stored.seal.head.seq);
    let mut newer = records::read_events(&events, &chunk_store, after + 1).await?;
    drop((events, snapshots, chunk_store));
    drop(tx);
    let snapshot_stored = read.is_some();
    let opened = open_read_snapshot(&read, recorded).await?;
    drop(read);
    if snapshot_stored && opened.is_none() {
        // A stale cache (another build's format): replay from the first event.
        newer = events_from(1).await?;
    }
    let mut portfolio = opened.unwrap_or_default();
    let from = portfolio.head.map_or(1, |head| head.seq + 1);
    let recorded = require_head(recorded, snapshot_stored || !newer.is_empty())
        .map_err(StorageError::Integrity)?;
    let texts: Vec<&str> = newer.iter().map(|record| record.text.as_str()).collect();
    verify(&texts, portfolio.head, recorded).map_err(StorageError::Integrity)?;
    for record in &newer {
        let event = parse_event(&record.text).map_err(StorageError::Integrity)?;
        portfolio
            .apply_event(&event, Hash::of(record.text.as_bytes()))
            .map_err(StorageError::Integrity)?;
    }
    // Events replayed from the start mean no usable snapshot: the next save writes one.
    SNAPSHOT_STALE.with(|cell| *cell.borrow_mut() = from == 1 && !newer.is_empty());
    SNAPSHOT_SEQ.with(|cell| *cell.borrow_mut() = from.saturating_sub(1));
    Ok(portfolio)
}

/// The full audit ("Verify integrity"): the checks of a load, then every event from the first
/// verified to the recorded head and replayed, and the replay compared with the snapshot,
/// which a load trusts once its seal and place are right. A break also stops writing.
pub async fn verify_all() -> Result<Audit, StorageError> {
    let audited = audit_all().await;
    if let Err(StorageError::Integrity(broken)) = &audited {
        stop_writing(Some(broken.clone()));
    }
    audited
}

async fn audit_all() -> Result<Audit, StorageError> {
    let db = database()?;
    let tx = db.transaction(ALL_STORES).build()?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    let events = tx.object_store(STORE_EVENTS)?;
    let recorded = read_recorded_head(&tx.object_store(STORE_META)?).await?;
    let snapshots = tx.object_store(STORE_SNAPSHOTS)?;
    let read = read_snapshot(&events, &snapshots, &chunk_store).await?;
    let all = records::read_events(&events, &chunk_store, 1).await?;
    drop((events, snapshots, chunk_store));
    drop(tx);
    let snapshot_stored = read.is_some();
    let snapshot = open_read_snapshot(&read, recorded).await?;
    let recorded = require_head(recorded, snapshot_stored || !all.is_empty())
        .map_err(StorageError::Integrity)?;
    let texts: Vec<&str> = all.iter().map(|record| record.text.as_str()).collect();
    audit(&texts, recorded, snapshot.as_ref()).map_err(StorageError::Integrity)
}

/// Whether the state after `sealed` should be snapshotted with it: large events (imports,
/// demo loads) and every `SNAPSHOT_EVENTS_MAX` events, so opening replays few events.
pub fn snapshot_due(sealed: &SealedEvent) -> bool {
    sealed.event.entries.len() >= SNAPSHOT_ENTRIES_MIN
        || SNAPSHOT_STALE.with(|cell| *cell.borrow())
        || sealed.event.seq >= SNAPSHOT_SEQ.with(|cell| *cell.borrow()) + SNAPSHOT_EVENTS_MAX
}

/// Appends one sealed event, with the new head and, when given, the encoded snapshot of the
/// state after it, in one readwrite transaction with strict durability. Saved only when the
/// commit succeeds; on any error nothing of it is kept.
pub async fn append(sealed: &SealedEvent, snapshot: Option<Vec<u8>>) -> Result<(), StorageError> {
    if let Some(broken) = WRITES_STOPPED.with(|cell| cell.borrow().clone()) {
        return Err(StorageError::Integrity(broken));
    }
    let db = database()?;
    // Everything is serialised before the transaction opens: no foreign await may happen
    // between opening and commit, or the browser commits early.
    let (record, text_chunks) = records::event_record(sealed);
    let head = serde_json::to_string(&sealed.head())
        .map_err(|error| StorageError::Failed(error.to_string()))?;
    let snapshot_written = snapshot.is_some();
    let snapshot = match snapshot {
        Some(bytes) => {
            let seal = SnapshotSeal {
                head: sealed.head(),
                sha256: digest(&bytes).await,
            };
            Some(records::snapshot_record(&seal, &bytes))
        }
        None => None,
    };
    let tx = db
        .transaction(ALL_STORES)
        .with_mode(TransactionMode::Readwrite)
        .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
        .build()?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    // `add`, not `put`: if another tab wrote this sequence number first, the add fails with
    // a ConstraintError and nothing of this transaction is kept.
    tx.object_store(STORE_EVENTS)?.add(record).primitive()?;
    records::put_chunks(
        &chunk_store,
        records::OWNER_EVENT,
        sealed.event.seq,
        text_chunks,
    )?;
    tx.object_store(STORE_META)?
        .put(head)
        .with_key(META_HEAD)
        .primitive()?;
    if let Some((snapshot, snapshot_chunks)) = snapshot {
        let count = snapshot_chunks.len() as u32;
        records::put_chunks(&chunk_store, records::OWNER_SNAPSHOT, 0, snapshot_chunks)?;
        records::delete_chunks_from(&chunk_store, records::OWNER_SNAPSHOT, 0, count)?;
        tx.object_store(STORE_SNAPSHOTS)?
            .put(snapshot)
            .with_key(SNAPSHOT_KEY)
            .primitive()?;
    }
    drop(chunk_store);
    commit(tx).await?;
    if snapshot_written {
        SNAPSHOT_SEQ.with(|cell| *cell.borrow_mut() = sealed.event.seq);
        SNAPSHOT_STALE.with(|cell| *cell.borrow_mut() = false);
    }
    Ok(())
}

/// Every stored event text from the first, and the recorded head: what a backup copies. The
/// caller's core verifies them before anything is written out.
pub async fn journal_texts() -> Result<(Vec<String>, Option<ChainHead>), StorageError> {
    let db = database()?;
    let tx = db
        .transaction([STORE_EVENTS, STORE_META, STORE_CHUNKS])
        .build()?;
    let recorded = read_recorded_head(&tx.object_store(STORE_META)?).await?;
    let events = tx.object_store(STORE_EVENTS)?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    let records = records::read_events(&events, &chunk_store, 1).await?;
    Ok((
        records.into_iter().map(|record| record.text).collect(),
        recorded,
    ))
}

/// Replaces the whole store with a verified journal (a restored backup) and the snapshot of
/// the state it folds to, in one readwrite transaction with strict durability: either the old
/// journal stays whole or the new one is there whole. Writing is allowed again afterwards,
/// since what is stored is then the journal just verified.
pub async fn replace_all(events: &[SealedEvent], snapshot: Vec<u8>) -> Result<(), StorageError> {
    let Some(last) = events.last() else {
        return Err(StorageError::Failed("nothing to restore".into()));
    };
    // Before anything is built: a restore that cannot fit is refused naming the figures,
    // rather than failing half-way with the browser's quota error.
    let bytes: usize = events.iter().map(|sealed| sealed.text.len()).sum();
    room_for((bytes + snapshot.len()) as u64).await?;
    let db = database()?;
    let head = serde_json::to_string(&last.head())
        .map_err(|error| StorageError::Failed(error.to_string()))?;
    let seal = SnapshotSeal {
        head: last.head(),
        sha256: digest(&snapshot).await,
    };
    let (snapshot_record, snapshot_chunks) = records::snapshot_record(&seal, &snapshot);
    let event_records: Vec<(u64, JsValue, Vec<JsValue>)> = events
        .iter()
        .map(|sealed| {
            let (record, chunks) = records::event_record(sealed);
            (sealed.event.seq, record, chunks)
        })
        .collect();
    let tx = db
        .transaction(ALL_STORES)
        .with_mode(TransactionMode::Readwrite)
        .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
        .build()?;
    for store in ALL_STORES {
        tx.object_store(store)?.clear()?;
    }
    let event_store = tx.object_store(STORE_EVENTS)?;
    let chunk_store = tx.object_store(STORE_CHUNKS)?;
    for (seq, record, chunks) in event_records {
        event_store.add(record).primitive()?;
        records::put_chunks(&chunk_store, records::OWNER_EVENT, seq, chunks)?;
    }
    records::put_chunks(&chunk_store, records::OWNER_SNAPSHOT, 0, snapshot_chunks)?;
    tx.object_store(STORE_SNAPSHOTS)?
        .put(snapshot_record)
        .with_key(SNAPSHOT_KEY)
        .primitive()?;
    tx.object_store(STORE_META)?
        .put(head)
        .with_key(META_HEAD)
        .primitive()?;
    drop((event_store, chunk_store));
    commit(tx).await?;
    SNAPSHOT_SEQ.with(|cell| *cell.borrow_mut() = last.event.seq);
    SNAPSHOT_STALE.with(|cell| *cell.borrow_mut() = false);
    stop_writing(None);
    Ok(())
}

/// The newest `limit` journal events at or below `before` (from the recorded head when
/// `None`), newest first, without their texts.
pub async fn recent_events(
    before: Option<u64>,
    limit: u32,
) -> Result<Vec<EventSummary>, StorageError> {
    let db = database()?;
    let tx = db.transaction([STORE_EVENTS, STORE_META]).build()?;
    let upper = match before {
        Some(seq) => seq,
        None => match read_recorded_head(&tx.object_store(STORE_META)?).await? {
            Some(head) => head.seq,
            None => return Ok(Vec::new()),
        },
    };
    records::read_recent(&tx.object_store(STORE_EVENTS)?, upper, limit).await
}

/// Removes everything: used by "start over" in settings and by tests.
pub async fn clear_all() -> Result<(), StorageError> {
    let db = database()?;
    let tx = db
        .transaction(ALL_STORES)
        .with_mode(TransactionMode::Readwrite)
        .build()?;
    tx.object_store(STORE_EVENTS)?.clear()?;
    tx.object_store(STORE_META)?.clear()?;
    tx.object_store(STORE_SNAPSHOTS)?.clear()?;
    tx.object_store(STORE_CHUNKS)?.clear()?;
    commit(tx).await?;
    SNAPSHOT_SEQ.with(|cell| *cell.borrow_mut() = 0);
    // Starting over is the user's explicit choice: with nothing left, there is nothing broken.
    stop_writing(None);
    Ok(())
}

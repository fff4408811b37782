//! Storage tests in headless Chromium (wasm-bindgen-test): the journal round trip with and
//! without a snapshot, migration from the first schemas, that a failed or aborted transaction
//! leaves nothing behind, and that whatever is wrong with what is read back (an edited or
//! foreign snapshot, a removed head, a shortened journal, an event that does not apply) is
//! named exactly, repaired never, and stops writing. Each test uses its own database name.

use creditdesk_app::db::STORE_SNAPSHOTS;
use creditdesk_app::db::{self, records, StorageError, STORE_CHUNKS, STORE_EVENTS, STORE_META};
use creditdesk_core::base::fold::{FoldError, RecordKind};
use creditdesk_core::decide::{decide, AllocationChoice, Command};
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::journal::SNAPSHOT_VERSION;
use creditdesk_core::journal::{encode_snapshot, ChainBreak, ChainHead, SnapshotSeal};
use creditdesk_core::{
    Amount, Currency, CustomerId, Entry, InvoiceId, LedgerEntry, Portfolio, Positive, SealedEvent,
    Timestamp,
};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect, Uint8Array};
use rust_decimal::Decimal;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod common;
use common::{cny, commands, date, fresh};

wasm_bindgen_test_configure!(run_in_browser);

/// Decides and seals each command in memory: the events and the state after each of them.
fn seal_all(commands: &[Command]) -> (Vec<SealedEvent>, Vec<Portfolio>) {
    let mut state = Portfolio::default();
    let mut sealed_events = Vec::new();
    let mut states = Vec::new();
    for (index, command) in commands.iter().enumerate() {
        let entries = decide(&state, command).expect("command is valid");
        let sealed = SealedEvent::seal(state.head, Timestamp(index as i64), "test", entries);
        state
            .apply_event(&sealed.event, sealed.hash)
            .expect("the event fits");
        sealed_events.push(sealed);
        states.push(state.clone());
    }
    (sealed_events, states)
}

/// Appends each command's event, with the snapshot of the state after the event at index
/// `snapshot_at`; returns the state after them all.
async fn append_with(commands: Vec<Command>, snapshot_at: Option<usize>) -> Portfolio {
    let (sealed_events, states) = seal_all(&commands);
    for (index, sealed) in sealed_events.iter().enumerate() {
        let snapshot = (snapshot_at == Some(index)).then(|| encode_snapshot(&states[index]));
        db::append(sealed, snapshot).await.expect("append commits");
    }
    states.last().cloned().unwrap_or_default()
}

/// Decides, seals and appends each command; returns the state after them.
async fn append_all(commands: Vec<Command>) -> Portfolio {
    append_with(commands, None).await
}

/// Puts one record into `store` in its own transaction, as someone with devtools could.
async fn put_raw(database: &Database, store: &str, key: Option<JsValue>, value: JsValue) {
    let tx = database
        .transaction(store)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    let object_store = tx.object_store(store).expect("store");
    match key {
        Some(key) => drop(
            object_store
                .put(value)
                .with_key(key)
                .primitive()
                .expect("put"),
        ),
        None => drop(object_store.put(value).primitive().expect("put")),
    }
    tx.commit().await.expect("commit");
}

async fn delete_raw(database: &Database, store: &str, key: JsValue) {
    let tx = database
        .transaction(store)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    tx.object_store(store)
        .expect("store")
        .delete(key)
        .primitive()
        .expect("delete");
    tx.commit().await.expect("commit");
}

async fn get_raw(database: &Database, store: &str, key: JsValue) -> Option<JsValue> {
    let tx = database.transaction(store).build().expect("tx");
    let object_store = tx.object_store(store).expect("store");
    object_store
        .get(key)
        .primitive()
        .expect("get")
        .await
        .expect("read")
}

/// Writes a snapshot record and its chunks raw, sealed as the app seals them.
async fn put_snapshot(database: &Database, head: ChainHead, bytes: &[u8]) {
    let (record, chunks) = records::snapshot_record(&SnapshotSeal::of(head, bytes), bytes);
    let tx = database
        .transaction([STORE_SNAPSHOTS, STORE_CHUNKS])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    let chunk_store = tx.object_store(STORE_CHUNKS).expect("store");
    records::put_chunks(&chunk_store, records::OWNER_SNAPSHOT, 0, chunks).expect("chunks");
    drop(chunk_store);
    tx.object_store(STORE_SNAPSHOTS)
        .expect("store")
        .put(record)
        .with_key("latest")
        .primitive()
        .expect("put");
    tx.commit().await.expect("commit");
}

/// Every record of every store as text, to show that a failed load changed nothing.
async fn dump(database: &Database) -> Vec<String> {
    let stores = [STORE_EVENTS, STORE_META, STORE_SNAPSHOTS, STORE_CHUNKS];
    let tx = database.transaction(stores).build().expect("tx");
    let json = |value: &JsValue| String::from(js_sys::JSON::stringify(value).expect("json"));
    let mut lines = Vec::new();
    for name in stores {
        let store = tx.object_store(name).expect("store");
        let keys = store.get_all_keys::<JsValue>().primitive().expect("keys");
        let keys: Vec<JsValue> = keys.await.expect("read").map(|k| k.expect("key")).collect();
        let values = store.get_all::<JsValue>().primitive().expect("values");
        let values = values.await.expect("read").map(|v| v.expect("value"));
        for (key, value) in keys.iter().zip(values) {
            lines.push(format!("{name} {} {}", json(key), json(&value)));
        }
    }
    lines
}

/// Loading names `broken`, an append after it is refused with the same break, the full
/// audit names `audited`, and afterwards every stored record is as it was: found, never
/// repaired. `head` is the head the next event would be sealed on.
async fn assert_found_not_repaired(
    database: &Database,
    head: Option<ChainHead>,
    broken: ChainBreak,
    audited: ChainBreak,
) {
    let before = dump(database).await;
    assert_eq!(
        db::load().await,
        Err(StorageError::Integrity(broken.clone()))
    );
    let next = SealedEvent::seal(head, Timestamp(99), "test", Vec::new());
    assert_eq!(
        db::append(&next, None).await,
        Err(StorageError::Integrity(broken)),
        "writing stops"
    );
    assert_eq!(
        db::verify_all().await,
        Err(StorageError::Integrity(audited))
    );
    assert_eq!(dump(database).await, before, "nothing is repaired");
}

#[wasm_bindgen_test]
async fn journal_round_trip_without_snapshot() {
    db::install(fresh("test-round-trip", db::SCHEMA_VERSION).await);
    let written = append_all(commands()).await;
    let loaded = db::load().await.expect("loads");
    assert_eq!(loaded, written);
    assert_eq!(loaded.ledger.invoices[0].open(), Decimal::new(60000, 2));
    assert_eq!(db::verify_all().await.expect("intact").head, written.head);
    let recent = db::recent_events(None, 10).await.expect("lists");
    assert_eq!(
        recent.iter().map(|r| r.seq).collect::<Vec<_>>(),
        vec![3, 2, 1]
    );
    assert_eq!(recent[0].entries, "PaymentReceived×1");
    let older = db::recent_events(Some(2), 1).await.expect("lists");
    assert_eq!(older.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![2]);
}

#[wasm_bindgen_test]
async fn snapshot_then_newer_events_round_trip() {
    db::install(fresh("test-snapshot", db::SCHEMA_VERSION).await);
    let (entries, mut demo) =
        demo_portfolio(DemoSize::S, DEMO_SEED, date("2026-11-23")).expect("demo is valid");
    let sealed = SealedEvent::seal(None, Timestamp(1), "test", entries);
    demo.head = Some(sealed.head());
    assert!(
        db::snapshot_due(&sealed),
        "a demo load is large enough to snapshot"
    );
    db::append(&sealed, Some(encode_snapshot(&demo)))
        .await
        .expect("demo commits");
    // One more small event after the snapshot: load must replay it on top.
    let customer = demo.ledger.customers[0].id;
    let command = Command::ReceivePayment {
        id: demo.next_ids().payment,
        customer,
        date: date("2026-11-23"),
        recorded_on: date("2026-11-23"),
        amount: Amount::try_new(
            Decimal::new(12345, 2),
            demo.ledger.customers[0].details.currency,
        )
        .expect("an amount"),
        reference: "after snapshot".into(),
        allocation: AllocationChoice::Unapplied,
    };
    let after = decide(&demo, &command).expect("valid");
    let next = SealedEvent::seal(demo.head, Timestamp(2), "test", after);
    db::append(&next, None).await.expect("commits");
    demo.apply_event(&next.event, next.hash)
        .expect("the event fits");
    let loaded = db::load().await.expect("loads");
    assert_eq!(loaded, demo);
    assert_eq!(loaded.head.map(|h| h.seq), Some(2));
}

#[wasm_bindgen_test]
async fn migrates_a_first_schema_journal() {
    let name = "test-migration";
    let v1 = fresh(name, 1).await;
    let names: Vec<String> = v1.object_store_names().collect();
    assert_eq!(
        names,
        vec![STORE_EVENTS.to_string(), STORE_META.to_string()]
    );
    // Write a journal the way schema v1 stored it: event records and the head, no snapshots.
    let mut state = Portfolio::default();
    let mut sealed_events = Vec::new();
    for command in commands() {
        let entries = decide(&state, &command).expect("valid");
        let sealed = SealedEvent::seal(state.head, Timestamp(0), "v1", entries);
        state
            .apply_event(&sealed.event, sealed.hash)
            .expect("the event fits");
        sealed_events.push(sealed);
    }
    let tx = v1
        .transaction([STORE_EVENTS, STORE_META])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    for sealed in &sealed_events {
        tx.object_store(STORE_EVENTS)
            .expect("store")
            .add(records::event_record(sealed).0)
            .primitive()
            .expect("add");
    }
    let head = serde_json::to_string(&state.head.expect("head")).expect("json");
    tx.object_store(STORE_META)
        .expect("store")
        .put(head)
        .with_key("head")
        .primitive()
        .expect("put");
    tx.commit().await.expect("v1 commit");
    v1.close();
    // Open with the current schema: the migration adds the snapshot store, data is intact.
    let current = db::open(name, db::SCHEMA_VERSION, || {}, || {})
        .await
        .expect("upgrades");
    let names: Vec<String> = current.object_store_names().collect();
    assert!(
        names.contains(&db::STORE_SNAPSHOTS.to_string())
            && names.contains(&STORE_CHUNKS.to_string()),
        "v2 adds snapshots and chunks: {names:?}"
    );
    db::install(current);
    assert_eq!(db::load().await.expect("loads after migration"), state);
    assert_eq!(db::verify_all().await.expect("intact").head, state.head);
}

#[wasm_bindgen_test]
async fn a_failed_transaction_leaves_nothing_behind() {
    db::install(fresh("test-abort", db::SCHEMA_VERSION).await);
    let state = append_all(commands()).await;
    // A second writer seals event 3 again on top of event 2: its add of seq 3 must fail with
    // a conflict, and its head and snapshot (in the same transaction) must not be kept.
    let mut stale = Portfolio::default();
    let cmds = commands();
    for command in &cmds[..2] {
        let entries = decide(&stale, command).expect("valid");
        for entry in &entries {
            stale.apply(entry).expect("the entry fits");
        }
    }
    let stale_head = db::recent_events(Some(2), 1).await.expect("lists")[0].clone();
    let stale_head = creditdesk_core::ChainHead {
        seq: 2,
        hash: stale_head.hash.clone().try_into().expect("hash"),
    };
    let entries = decide(&stale, &cmds[2]).expect("valid");
    let conflicting = SealedEvent::seal(Some(stale_head), Timestamp(99), "other tab", entries);
    let result = db::append(&conflicting, Some(encode_snapshot(&stale))).await;
    assert_eq!(result, Err(StorageError::Conflict));
    assert_eq!(
        db::load().await.expect("loads"),
        state,
        "nothing of the failed write is kept"
    );
    assert_eq!(db::verify_all().await.expect("intact").head, state.head);
}

#[wasm_bindgen_test]
async fn a_dropped_transaction_is_rolled_back() {
    let database = fresh("test-drop", db::SCHEMA_VERSION).await;
    {
        let tx = database
            .transaction(STORE_META)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .expect("tx");
        tx.object_store(STORE_META)
            .expect("store")
            .put("x".to_string())
            .with_key("head")
            .primitive()
            .expect("put");
        // Dropped without commit: indexed_db_futures aborts it.
    }
    let tx = database.transaction(STORE_META).build().expect("tx");
    let head: Option<String> = tx
        .object_store(STORE_META)
        .expect("store")
        .get("head")
        .primitive()
        .expect("get")
        .await
        .expect("read");
    assert_eq!(head, None);
}

#[wasm_bindgen_test]
async fn a_tampered_journal_is_reported_not_repaired() {
    let name = "test-tamper";
    let database = fresh(name, db::SCHEMA_VERSION).await;
    db::install(database.clone());
    append_all(commands()).await;
    // Edit the amount inside event 2's stored text, as someone with devtools could.
    let tx = database
        .transaction([STORE_EVENTS, STORE_CHUNKS])
        .build()
        .expect("tx");
    let store = tx.object_store(STORE_EVENTS).expect("store");
    let chunks = tx.object_store(STORE_CHUNKS).expect("store");
    let stored = records::read_events(&store, &chunks, 2)
        .await
        .expect("reads");
    drop((store, chunks));
    drop(tx);
    let second = stored.first().expect("event 2").clone();
    let mut sealed_like = SealedEvent::seal(None, Timestamp(0), "x", Vec::new());
    sealed_like.event.seq = 2;
    sealed_like.text = second.text.replace("1000.00", "100.00");
    sealed_like.hash = creditdesk_core::Hash::of(sealed_like.text.as_bytes());
    let tx = database
        .transaction(STORE_EVENTS)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    tx.object_store(STORE_EVENTS)
        .expect("store")
        .put(records::event_record(&sealed_like).0)
        .primitive()
        .expect("put");
    tx.commit().await.expect("commit");
    let broken = creditdesk_core::ChainBreak::Edited { seq: 2 };
    assert_eq!(
        db::load().await,
        Err(StorageError::Integrity(broken.clone()))
    );
    assert_eq!(db::verify_all().await, Err(StorageError::Integrity(broken)));
}

#[wasm_bindgen_test]
async fn a_large_event_is_stored_in_chunks_and_round_trips() {
    // Chromium refuses single values over ~133 MB serialised; portfolio L's event text is
    // 106 MB (212 MB as UTF-16). Demo M's text is over one chunk, which exercises the same path.
    let database = fresh("test-chunks", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let (entries, mut demo) =
        demo_portfolio(DemoSize::M, DEMO_SEED, date("2026-11-23")).expect("demo is valid");
    let sealed = SealedEvent::seal(None, Timestamp(1), "test", entries);
    assert!(
        sealed.text.len() > records::CHUNK_BYTES,
        "M's text spans chunks: {}",
        sealed.text.len()
    );
    demo.head = Some(sealed.head());
    db::append(&sealed, Some(encode_snapshot(&demo)))
        .await
        .expect("commits");
    let tx = database.transaction(STORE_CHUNKS).build().expect("tx");
    let count = tx
        .object_store(STORE_CHUNKS)
        .expect("store")
        .count()
        .primitive()
        .expect("count")
        .await
        .expect("counts");
    drop(tx);
    let expected = sealed.text.len().div_ceil(records::CHUNK_BYTES)
        + encode_snapshot(&demo).len().div_ceil(records::CHUNK_BYTES);
    assert_eq!(count as usize, expected);
    assert_eq!(db::load().await.expect("loads"), demo);
    assert_eq!(db::verify_all().await.expect("intact").head, demo.head);
}

#[wasm_bindgen_test]
async fn a_snapshot_in_another_format_version_is_replaced_by_a_replay() {
    // A snapshot an older (or newer) build wrote, its seal intact: a stale cache, not tampering.
    let database = fresh("test-stale-snapshot", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_all(commands()).await;
    let head = state.head.expect("head");
    put_snapshot(&database, head, &[255, 1, 2, 3]).await;
    assert_eq!(db::load().await.expect("replays"), state);
    let next = SealedEvent::seal(state.head, Timestamp(9), "test", Vec::new());
    assert!(
        db::snapshot_due(&next),
        "the next save writes a fresh snapshot"
    );
    let audit = db::verify_all().await.expect("intact");
    assert_eq!((audit.head, audit.snapshot), (state.head, None));
}

#[wasm_bindgen_test]
async fn credit_records_and_policy_changes_round_trip() {
    use creditdesk_core::credit::{CreditRecord, FinancialStatement};
    use creditdesk_core::policy::CreditPolicy;
    db::install(fresh("test-credit", db::SCHEMA_VERSION).await);
    let statement = FinancialStatement {
        period_end: date("2025-12-31"),
        currency: Some(Currency::CNY),
        total_assets: Some(Decimal::new(1_000_000, 0)),
        total_liabilities: Some(Decimal::new(600_000, 0)),
        equity: Some(Decimal::new(400_000, 0)),
        ..FinancialStatement::default()
    };
    let policy = CreditPolicy {
        version: 2,
        statement_stale_months: 18,
        ..CreditPolicy::default()
    };
    let mut all = commands();
    all.push(Command::AddCreditRecord {
        customer: CustomerId(1),
        recorded_on: date("2026-03-01"),
        record: CreditRecord::Statement(statement),
    });
    all.push(Command::AddUser {
        id: creditdesk_core::UserId(1),
        name: "Director".into(),
        role: creditdesk_core::team::Role::Director,
        by: None,
    });
    all.push(Command::ChangePolicy {
        date: date("2026-03-02"),
        policy: Box::new(policy.clone()),
        by: creditdesk_core::UserId(1),
    });
    let state = append_all(all).await;
    assert_eq!(state.policy(), policy);
    assert_eq!(state.credit.of(state.ledger.customers[0].id).len(), 1);
    assert_eq!(db::load().await.expect("replays"), state);
    // Through a snapshot too: the credit file and policies are part of the folded state.
    let next = SealedEvent::seal(state.head, Timestamp(7), "test", Vec::new());
    let mut after = state.clone();
    after
        .apply_event(&next.event, next.hash)
        .expect("the event fits");
    db::append(&next, Some(encode_snapshot(&after)))
        .await
        .expect("commits");
    assert_eq!(db::load().await.expect("loads from snapshot"), after);
}

/// Users, a limit request and its approval, a temporary limit and its recorded lapse, a hold,
/// an order released past a block and the widget's origins: all of it survives a replay of the
/// journal and a load from a snapshot, and the limit in force reads the same either way.
#[wasm_bindgen_test]
async fn limits_approvals_holds_and_releases_round_trip() {
    use creditdesk_core::check::check_order;
    use creditdesk_core::limits::Verdict;
    use creditdesk_core::limits::{limit_status, LimitStatus};
    use creditdesk_core::team::Role;
    use creditdesk_core::OrderId;
    use creditdesk_core::{RequestId, UserId};
    db::install(fresh("test-limits", db::SCHEMA_VERSION).await);
    let mut all = commands();
    // A director approves: the grade of a two-month-old customer with one invoice, and so the
    // authority it needs, is not what this test is about.
    for (id, name, role) in [
        (1, "Director", Role::Director),
        (2, "Analyst", Role::Analyst),
    ] {
        all.push(Command::AddUser {
            id: UserId(id),
            name: name.into(),
            role,
            by: (id > 1).then_some(UserId(1)),
        });
    }
    all.extend([
        Command::RequestLimit {
            id: RequestId(1),
            customer: CustomerId(1),
            date: date("2026-02-02"),
            by: UserId(2),
            amount: cny("2000.00"),
            reason: "First limit".into(),
            until: None,
        },
        Command::ApproveLimit {
            request: RequestId(1),
            date: date("2026-02-03"),
            by: UserId(1),
            comment: "ok".into(),
        },
        Command::RequestLimit {
            id: RequestId(2),
            customer: CustomerId(1),
            date: date("2026-02-04"),
            by: UserId(2),
            amount: cny("5000.00"),
            reason: "Season".into(),
            until: Some(date("2026-02-28")),
        },
        Command::ApproveLimit {
            request: RequestId(2),
            date: date("2026-02-05"),
            by: UserId(1),
            comment: String::new(),
        },
        Command::RecordLapse {
            request: RequestId(2),
            date: date("2026-03-01"),
        },
        Command::PlaceHold {
            customer: CustomerId(1),
            date: date("2026-03-02"),
            by: UserId(2),
            reason: "Cheque bounced".into(),
        },
        Command::PlaceOrder {
            id: OrderId(1),
            customer: CustomerId(1),
            number: "SO-1".into(),
            date: date("2026-03-03"),
            amount: cny("100.00"),
            by: UserId(1),
            release_reason: Some("Cash in transit".into()),
        },
        Command::SetWidgetOrigins {
            date: date("2026-03-03"),
            by: UserId(1),
            origins: vec!["https://ERP.example.com/".into()],
        },
    ]);
    let state = append_all(all).await;
    let customer = &state.ledger.customers[0];
    let LimitStatus::InForce(in_force) =
        limit_status(&state.limits, customer.id, date("2026-03-03"))
    else {
        panic!("the standing limit is back after the temporary one lapsed");
    };
    assert_eq!(in_force.amount, Decimal::new(200_000, 2));
    assert!(state.limits.requests[1].lapse_recorded.is_some());
    assert!(state.limits.hold(customer.id).is_some());
    assert!(state.limits.release(state.ledger.orders[0].id).is_some());
    assert_eq!(
        state.limits.widget_origins,
        vec!["https://erp.example.com".to_string()]
    );
    let check = check_order(
        &state,
        &state.policy(),
        CustomerId(1),
        &cny::<Positive>("1.00").money(),
        date("2026-03-03"),
    )
    .expect("checks");
    assert_eq!(check.verdict, Verdict::Block, "the hold blocks");
    assert_eq!(db::load().await.expect("replays"), state);
    let next = SealedEvent::seal(state.head, Timestamp(99), "test", Vec::new());
    let mut after = state.clone();
    after
        .apply_event(&next.event, next.hash)
        .expect("the event fits");
    db::append(&next, Some(encode_snapshot(&after)))
        .await
        .expect("commits");
    assert_eq!(db::load().await.expect("loads from snapshot"), after);
}

/// The commands of `commands()` for a customer of another name: every event hash differs.
fn other_journal_commands() -> Vec<Command> {
    let mut other = commands();
    if let Command::RegisterCustomer { details, .. } = &mut other[0] {
        details.name = "深圳另一家贸易有限公司".into();
    }
    other
}

#[wasm_bindgen_test]
async fn an_edited_snapshot_is_named_not_replaced() {
    let database = fresh("test-snapshot-edited", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_with(commands(), Some(1)).await;
    // One byte of the snapshot's only chunk changed, as a disk fault or an edit would.
    let key = records::chunk_key(records::OWNER_SNAPSHOT, 0, 0);
    let chunk = get_raw(&database, STORE_CHUNKS, key.clone())
        .await
        .expect("the snapshot has a chunk")
        .dyn_into::<Uint8Array>()
        .expect("bytes");
    let mut bytes = chunk.to_vec();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let edited = Uint8Array::from(&bytes[..]).into();
    put_raw(&database, STORE_CHUNKS, Some(key), edited).await;
    let broken = ChainBreak::SnapshotEdited { seq: 2 };
    assert_found_not_repaired(&database, state.head, broken.clone(), broken).await;
}

#[wasm_bindgen_test]
async fn a_snapshot_from_another_journal_is_named() {
    let database = fresh("test-snapshot-foreign", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_all(commands()).await;
    // The state after event 2 of another journal, sealed as its own build sealed it.
    let (_, other_states) = seal_all(&other_journal_commands());
    let other = &other_states[1];
    put_snapshot(
        &database,
        other.head.expect("head"),
        &encode_snapshot(other),
    )
    .await;
    let broken = ChainBreak::SnapshotForeign { seq: 2 };
    assert_found_not_repaired(&database, state.head, broken.clone(), broken).await;
}

#[wasm_bindgen_test]
async fn a_sealed_snapshot_that_does_not_decode_is_named() {
    // This build's format version and a matching seal, yet not a portfolio: not a stale cache.
    let database = fresh("test-snapshot-unreadable", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_all(commands()).await;
    let head = state.head.expect("head");
    put_snapshot(&database, head, &[SNAPSHOT_VERSION, 0xff, 0xff, 0xff]).await;
    let broken = ChainBreak::SnapshotUnreadable { seq: 3 };
    assert_found_not_repaired(&database, state.head, broken.clone(), broken).await;
}

#[wasm_bindgen_test]
async fn an_unreadable_or_removed_head_is_named() {
    let database = fresh("test-head", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_all(commands()).await;
    let not_a_head = JsValue::from_str("{\"seq\":3}");
    put_raw(&database, STORE_META, Some("head".into()), not_a_head).await;
    let broken = ChainBreak::HeadUnreadable;
    assert_found_not_repaired(&database, state.head, broken.clone(), broken).await;
    delete_raw(&database, STORE_META, "head".into()).await;
    let broken = ChainBreak::HeadMissing;
    assert_found_not_repaired(&database, state.head, broken.clone(), broken).await;
}

#[wasm_bindgen_test]
async fn a_journal_shortened_at_its_end_is_named() {
    // Events 2 and 3 deleted, the head and the snapshot after event 1 left in place.
    let database = fresh("test-truncated", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_with(commands(), Some(0)).await;
    for seq in [2.0, 3.0] {
        delete_raw(&database, STORE_EVENTS, JsValue::from_f64(seq)).await;
    }
    let broken = ChainBreak::Missing { from: 2, to: 3 };
    assert_found_not_repaired(&database, state.head, broken.clone(), broken).await;
}

#[wasm_bindgen_test]
async fn an_event_that_does_not_apply_is_named() {
    let database = fresh("test-does-not-apply", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_all(commands()).await;
    // A payment to invoice 99, which was never issued, sealed onto the chain and written with
    // its head exactly as the app writes: every hash is right, only the fold can tell.
    let payment = Command::ReceivePayment {
        id: state.next_ids().payment,
        customer: CustomerId(1),
        date: date("2026-02-02"),
        recorded_on: date("2026-02-02"),
        amount: cny("100"),
        reference: "forged".into(),
        allocation: AllocationChoice::OldestFirst,
    };
    let mut entries = decide(&state, &payment).expect("valid");
    let Entry::Ledger(LedgerEntry::PaymentReceived { allocations, .. }) = &mut entries[0] else {
        panic!("a payment's entry is PaymentReceived");
    };
    allocations[0].invoice = InvoiceId(99);
    let forged = SealedEvent::seal(state.head, Timestamp(9), "forger", entries);
    put_raw(
        &database,
        STORE_EVENTS,
        None,
        records::event_record(&forged).0,
    )
    .await;
    let head = serde_json::to_string(&forged.head()).expect("json");
    put_raw(&database, STORE_META, Some("head".into()), head.into()).await;
    let broken = ChainBreak::DoesNotApply {
        seq: 4,
        entry: 0,
        error: FoldError::Unknown {
            record: RecordKind::Invoice,
            id: 99,
        },
    };
    assert_found_not_repaired(&database, Some(forged.head()), broken.clone(), broken).await;
}

#[wasm_bindgen_test]
async fn verify_all_replays_the_journal_against_the_snapshot() {
    let database = fresh("test-audit", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let state = append_with(commands(), Some(1)).await;
    let audit = db::verify_all().await.expect("intact");
    assert_eq!((audit.head, audit.snapshot), (state.head, Some(2)));
    // A forger rewrites the snapshot in place and recomputes its seal: opening trusts a sealed
    // snapshot in its place (that is what makes it fast), the full audit replays and finds it.
    let (_, states) = seal_all(&commands());
    let mut forged = states[1].clone();
    forged.ledger.customers[0].details.name = "另一家公司".into();
    put_snapshot(
        &database,
        forged.head.expect("head"),
        &encode_snapshot(&forged),
    )
    .await;
    let loaded = db::load().await.expect("a sealed snapshot in place opens");
    assert_eq!(loaded.ledger.customers[0].details.name, "另一家公司");
    let before = dump(&database).await;
    let broken = ChainBreak::SnapshotDiffers { seq: 2 };
    assert_eq!(
        db::verify_all().await,
        Err(StorageError::Integrity(broken.clone()))
    );
    let next = SealedEvent::seal(state.head, Timestamp(99), "test", Vec::new());
    assert_eq!(
        db::append(&next, None).await,
        Err(StorageError::Integrity(broken)),
        "writing stops after a failed audit too"
    );
    assert_eq!(dump(&database).await, before, "nothing is repaired");
}

#[wasm_bindgen_test]
async fn migrates_a_second_schema_snapshot_by_dropping_it() {
    let name = "test-migration-v2";
    let v2 = fresh(name, 2).await;
    db::install(v2.clone());
    // Events and head as v2 wrote them (unchanged since), then a v2 snapshot: no seal.
    let state = append_all(commands()).await;
    let bytes = encode_snapshot(&state);
    let record = Object::new();
    for (key, value) in [("seq", 3.0), ("chunks", 1.0)] {
        Reflect::set(&record, &key.into(), &value.into()).expect("plain object");
    }
    let chunk = records::chunk_key(records::OWNER_SNAPSHOT, 0, 0);
    put_raw(
        &v2,
        STORE_CHUNKS,
        Some(chunk.clone()),
        records::chunks(&bytes)[0].clone(),
    )
    .await;
    put_raw(&v2, STORE_SNAPSHOTS, Some("latest".into()), record.into()).await;
    v2.close();
    let current = db::open(name, db::SCHEMA_VERSION, || {}, || {})
        .await
        .expect("upgrades");
    db::install(current.clone());
    assert_eq!(
        get_raw(&current, STORE_SNAPSHOTS, "latest".into()).await,
        None
    );
    assert_eq!(db::load().await.expect("replays"), state);
    // The next save seals a new snapshot; it takes the old one's chunk key, so none is left over.
    let next = SealedEvent::seal(state.head, Timestamp(9), "test", Vec::new());
    assert!(db::snapshot_due(&next), "the next save writes a snapshot");
    let mut after = state.clone();
    after.apply_event(&next.event, next.hash).expect("fits");
    db::append(&next, Some(encode_snapshot(&after)))
        .await
        .expect("commits");
    let stored = get_raw(&current, STORE_CHUNKS, chunk).await.expect("chunk");
    let stored = stored.dyn_into::<Uint8Array>().expect("bytes").to_vec();
    assert_eq!(stored, encode_snapshot(&after));
    assert_eq!(db::load().await.expect("loads from the snapshot"), after);
    let audit = db::verify_all().await.expect("intact");
    assert_eq!((audit.head, audit.snapshot), (after.head, Some(4)));
}

/// A backup restored over another journal (issue 11, §2): written from one store, read back by
/// the core, it replaces the other store whole; loading gives the backup's state and head, and
/// "Verify integrity" passes on it.
#[wasm_bindgen_test]
async fn a_backup_restores_over_another_journal_whole() {
    use creditdesk_core::journal::{read_backup, write_backup};
    db::install(fresh("test-backup-source", db::SCHEMA_VERSION).await);
    let state = append_with(commands(), Some(1)).await;
    let (texts, recorded) = db::journal_texts().await.expect("reads");
    assert_eq!(recorded, state.head);
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let file = write_backup(&borrowed, recorded.expect("a head"), Timestamp(7)).expect("intact");

    db::install(fresh("test-backup-target", db::SCHEMA_VERSION).await);
    let other = append_all(other_journal_commands()).await;
    assert_ne!(other.head, state.head);
    let backup = read_backup(&file).expect("the backup reads");
    db::replace_all(&backup.events, encode_snapshot(&backup.portfolio))
        .await
        .expect("restores");
    assert_eq!(db::load().await.expect("loads"), state);
    let audit = db::verify_all().await.expect("intact");
    assert_eq!(audit.head, state.head);
    let (restored, head) = db::journal_texts().await.expect("reads");
    assert_eq!(
        (restored, head),
        (texts, state.head),
        "the same texts and head"
    );
}

/// A restore that fails inside its transaction (two events with one sequence number: the
/// second add is refused) leaves the journal that was there whole, snapshot and head included.
#[wasm_bindgen_test]
async fn a_failed_restore_leaves_the_journal_as_it_was() {
    db::install(fresh("test-backup-failed", db::SCHEMA_VERSION).await);
    let state = append_with(commands(), Some(1)).await;
    let (other_events, other_states) = seal_all(&other_journal_commands());
    let mut clashing = other_events.clone();
    clashing.push(other_events[0].clone());
    let snapshot = encode_snapshot(other_states.last().expect("a state"));
    let result = db::replace_all(&clashing, snapshot).await;
    assert_eq!(result, Err(StorageError::Conflict));
    assert_eq!(
        db::load().await.expect("loads"),
        state,
        "nothing of it is kept"
    );
    assert_eq!(db::verify_all().await.expect("intact").head, state.head);
}

/// The stored check view: read back only for the recorded head and today; one for another
/// day or head is out of date; the empty store's needs no worker; an edited text, or a text
/// that is another view than its seal says, is named and never used.
#[wasm_bindgen_test]
async fn the_check_view_is_used_only_for_its_head_and_day_and_intact() {
    let set_bytes = |record: &JsValue, name: &str, bytes: &[u8]| {
        Reflect::set(record, &name.into(), &Uint8Array::from(bytes)).unwrap();
    };
    use creditdesk_app::db::view::{read_view, write_view, ViewRead, ViewSeal, VIEW_KEY};
    use creditdesk_core::check::view::CheckView;
    let database = fresh("test-check-view", db::SCHEMA_VERSION).await;
    db::install(database.clone());
    let today = date("2026-03-01");
    match read_view(today).await.expect("reads") {
        ViewRead::Current(view) => assert_eq!(*view, CheckView::empty(today)),
        other => panic!("an empty store has the empty view: {other:?}"),
    }
    let state = append_all(commands()).await;
    assert!(matches!(read_view(today).await, Ok(ViewRead::OutOfDate)));
    let view = CheckView::of(&state, today);
    assert!(write_view(&view).await.expect("writes"));
    match read_view(today).await.expect("reads") {
        ViewRead::Current(read) => assert_eq!(*read, view),
        other => panic!("the view just written is current: {other:?}"),
    }
    // Another day, or a journal that moved on, makes it out of date; a view made before the
    // journal moved is not stored.
    assert!(matches!(
        read_view(date("2026-03-02")).await,
        Ok(ViewRead::OutOfDate)
    ));
    let seq = state.head.expect("head").seq;
    let record = get_raw(&database, STORE_SNAPSHOTS, VIEW_KEY.into())
        .await
        .expect("stored");
    let bytes_of = |name: &str| {
        let value = Reflect::get(&record, &name.into()).unwrap();
        value.dyn_into::<Uint8Array>().unwrap().to_vec()
    };
    let bytes = bytes_of("view");
    let later = CheckView::of(&state, date("2026-03-02"));
    let mut stale = later.clone();
    stale.head = None;
    assert!(!write_view(&stale).await.expect("refused without error"));
    // Edited bytes under the old seal (a name changed, of the same length): named, not used,
    // nothing rewritten.
    let (from, to) = ("上海华信".as_bytes(), "上海华億".as_bytes());
    let at = (bytes.windows(from.len()))
        .position(|window| window == from)
        .expect("the view holds the name");
    let mut edited = bytes.clone();
    edited[at..at + to.len()].copy_from_slice(to);
    set_bytes(&record, "view", &edited);
    put_raw(
        &database,
        STORE_SNAPSHOTS,
        Some(VIEW_KEY.into()),
        record.clone(),
    )
    .await;
    let broken = ChainBreak::CheckViewEdited { seq };
    assert_eq!(
        read_view(today).await.err(),
        Some(StorageError::Integrity(broken.clone()))
    );
    // Another view's bytes with a seal taken of them, for a head they were not made for: the
    // bytes match their hash yet are not the view the seal says.
    let foreign = later.encode();
    let mut seal: ViewSeal = postcard::from_bytes(&bytes_of("seal")).unwrap();
    assert_eq!((seal.head, seal.as_of), (state.head, today));
    seal.sha256 = creditdesk_core::Hash::of(&foreign);
    set_bytes(&record, "seal", &postcard::to_allocvec(&seal).unwrap());
    set_bytes(&record, "view", &foreign);
    put_raw(&database, STORE_SNAPSHOTS, Some(VIEW_KEY.into()), record).await;
    assert_eq!(
        read_view(today).await.err(),
        Some(StorageError::Integrity(broken))
    );
    // The journal itself is untouched: it loads.
    assert_eq!(db::load().await.expect("loads"), state);
}

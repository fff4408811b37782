//! Storage safety in headless Chromium (wasm-bindgen-test): quota and lost-connection errors
//! are their own and leave the state on screen as it was; a write behind another
//! connection's is refused, named, and the state read again; the Web Lock admits one holder.
//! Each test uses its own database name.

use creditdesk_app::browser::{with_lock, LockBusy};
use creditdesk_app::db::{self, StorageError};
use creditdesk_app::i18n::Lang;
use creditdesk_app::state::{self, AppState, Banner, SubmitError};
use creditdesk_app::storage_message;
use creditdesk_core::decide::{decide, Command};
use creditdesk_core::journal::encode_snapshot;
use creditdesk_core::{Portfolio, SealedEvent, Timestamp};
use indexed_db_futures::database::Database;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::{commands, payment};

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> Database {
    common::fresh(name, db::SCHEMA_VERSION).await
}

/// Decides, seals and appends each command on top of `state` through the installed
/// connection; returns the state after them.
async fn append_on(mut state: Portfolio, commands: &[Command]) -> Portfolio {
    for (index, command) in commands.iter().enumerate() {
        let entries = decide(&state, command).expect("command is valid");
        let sealed = SealedEvent::seal(state.head, Timestamp(index as i64), "test", entries);
        db::append(&sealed, None).await.expect("append commits");
        state
            .apply_event(&sealed.event, sealed.hash)
            .expect("the event fits");
    }
    state
}

/// The app's state showing `portfolio`, as a tab has it after loading.
fn showing(portfolio: Portfolio) -> AppState {
    let app = AppState::new();
    app.portfolio.set(portfolio);
    app.phase.set(state::Phase::Ready);
    app
}

fn dom_error(name: &str) -> StorageError {
    let exception =
        web_sys::DomException::new_with_message_and_name("test", name).expect("a DOMException");
    indexed_db_futures::error::Error::from(JsValue::from(exception)).into()
}

#[wasm_bindgen_test]
fn browser_errors_map_to_their_own_variants() {
    assert_eq!(dom_error("QuotaExceededError"), StorageError::QuotaExceeded);
    assert_eq!(dom_error("ConstraintError"), StorageError::Conflict);
    for lost in ["UnknownError", "InvalidStateError", "AbortError"] {
        assert!(
            matches!(dom_error(lost), StorageError::ConnectionLost(_)),
            "{lost} is a lost connection"
        );
    }
    assert!(matches!(dom_error("DataError"), StorageError::Failed(_)));
    for lang in [Lang::En, Lang::Zh] {
        let texts = lang.common();
        for error in [
            StorageError::QuotaExceeded,
            StorageError::ConnectionLost("x".into()),
        ] {
            let message = storage_message(texts, &error);
            assert!(
                ["nothing was saved", "was not saved", "未保存"]
                    .iter()
                    .any(|phrase| message.contains(phrase)),
                "{message} says nothing was saved"
            );
        }
    }
}

/// The room check: usage + 2 × bytes against the quota, and a refusal names the figures.
#[wasm_bindgen_test]
fn room_for_a_write_counts_twice_its_bytes() {
    // 800 + 2 × 100 = 1,000: exactly the quota fits; one byte more does not.
    assert_eq!(db::room_in(Some((800.0, 1_000.0)), 100), Ok(()));
    let refused = db::room_in(Some((801.0, 1_000.0)), 100);
    assert_eq!(
        refused,
        Err(StorageError::NoRoom {
            used: 801,
            quota: 1_000,
            needed: 100
        })
    );
    // No estimate from the browser: the write is tried (its own quota error still tells).
    assert_eq!(db::room_in(None, u64::MAX), Ok(()));
    // 2.0 GB used of 2.1 GB; a restore of 80 MB needs 160 MB free: 2.16 GB > 2.1 GB.
    let error = db::room_in(Some((2_000_000_000.0, 2_100_000_000.0)), 80_000_000).unwrap_err();
    let en = storage_message(Lang::En.common(), &error);
    for figure in [
        "2.0 GB",
        "2.1 GB",
        "80.0 MB",
        "160.0 MB",
        "nothing was written",
    ] {
        assert!(en.contains(figure), "{en} names {figure}");
    }
    let zh = storage_message(Lang::Zh.common(), &error);
    for figure in ["2.0 GB", "2.1 GB", "80.0 MB", "160.0 MB", "数据未更改"] {
        assert!(zh.contains(figure), "{zh} names {figure}");
    }
}

/// A restore that the estimate says cannot fit is refused before anything is written.
#[wasm_bindgen_test]
async fn a_restore_without_room_is_refused_and_changes_nothing() {
    db::install(fresh("test-no-room").await);
    let before = append_on(Portfolio::default(), &commands()[..2]).await;
    let mut other = Portfolio::default();
    let mut events = Vec::new();
    for command in &commands() {
        let entries = decide(&other, command).expect("valid");
        let sealed = SealedEvent::seal(other.head, Timestamp(7), "backup", entries);
        other.apply_event(&sealed.event, sealed.hash).expect("fits");
        events.push(sealed);
    }
    db::pretend_estimate(Some((999_000.0, 1_000_000.0)));
    let result = db::replace_all(&events, encode_snapshot(&other)).await;
    db::pretend_estimate(None);
    assert!(
        matches!(
            result,
            Err(StorageError::NoRoom {
                used: 999_000,
                quota: 1_000_000,
                ..
            })
        ),
        "{result:?}"
    );
    assert_eq!(
        db::load().await.expect("loads"),
        before,
        "nothing was replaced"
    );
}

/// The connection closed under the app (as when the database is deleted from the developer
/// tools): the write fails as a lost connection, the state on screen stays as it was, writing
/// stops with a banner, and the store holds what it held.
#[wasm_bindgen_test]
async fn a_write_on_a_closed_connection_changes_nothing() {
    let database = fresh("test-closed").await;
    db::install(database.clone());
    let before = append_on(Portfolio::default(), &commands()[..2]).await;
    let app = showing(before.clone());
    database.close();
    let result = state::submit(app, payment(1, "400.00")).await;
    assert!(
        matches!(
            result,
            Err(SubmitError::Storage(StorageError::ConnectionLost(_)))
        ),
        "{result:?}"
    );
    assert_eq!(
        app.portfolio.get_untracked(),
        before,
        "the state on screen is unchanged"
    );
    assert_eq!(app.banner.get_untracked(), Some(Banner::ConnectionLost));
    assert!(app.read_only(), "writing stops until a reload");
    db::install(
        db::open("test-closed", db::SCHEMA_VERSION, || {}, || {})
            .await
            .expect("reopens"),
    );
    assert_eq!(
        db::load().await.expect("loads"),
        before,
        "nothing was saved"
    );
}

/// Another tab (another connection) saved event 3 first. This tab, still at event 2, writes:
/// the add of sequence number 3 is refused, the error names the other tab, and this tab now
/// shows the other's event (read after its head, without a reload).
#[wasm_bindgen_test]
async fn a_write_behind_another_tabs_is_refused_and_the_tab_refreshed() {
    let ours = fresh("test-two-tabs").await;
    db::install(ours.clone());
    let at_two = append_on(Portfolio::default(), &commands()[..2]).await;
    let app = showing(at_two.clone());
    let theirs = db::open("test-two-tabs", db::SCHEMA_VERSION, || {}, || {})
        .await
        .expect("a second connection");
    db::install(theirs);
    let at_three = append_on(at_two.clone(), &commands()[2..]).await;
    db::install(ours);
    let newer = db::events_after(at_two.head).await.expect("reads");
    assert_eq!(
        newer.map(|events| events.len()),
        Some(1),
        "one event is newer"
    );
    let result = state::submit(app, payment(2, "100.00")).await;
    assert_eq!(result, Err(SubmitError::Storage(StorageError::Conflict)));
    let message = storage_message(Lang::En.common(), &StorageError::Conflict);
    assert!(message.contains("Another tab saved first"), "{message}");
    assert!(message.contains("refreshed"), "{message}");
    assert_eq!(
        app.portfolio.get_untracked(),
        at_three,
        "the other tab's event is shown"
    );
    assert_eq!(
        db::load().await.expect("loads"),
        at_three,
        "ours was not kept"
    );
    // Repeated, it is saved on top of the other tab's event.
    state::submit(app, payment(2, "100.00"))
        .await
        .expect("saved on the refreshed state");
    assert_eq!(
        app.portfolio.get_untracked().head.map(|head| head.seq),
        Some(4)
    );
}

/// A journal that no longer continues from this tab's head (another tab restored or deleted)
/// is not read "after the head": the caller loads it whole.
#[wasm_bindgen_test]
async fn a_rewritten_journal_is_not_read_after_a_foreign_head() {
    db::install(fresh("test-rewritten").await);
    let mine = append_on(Portfolio::default(), &commands()[..2]).await;
    db::clear_all().await.expect("clears");
    assert_eq!(db::events_after(mine.head).await.expect("reads"), None);
    let other = append_on(Portfolio::default(), &[commands()[0].clone()]).await;
    let foreign = creditdesk_core::ChainHead {
        seq: 0,
        hash: creditdesk_core::Hash::of(b"elsewhere"),
    };
    assert_eq!(db::events_after(Some(foreign)).await.expect("reads"), None);
    assert_eq!(
        db::events_after(other.head).await.expect("reads"),
        Some(Vec::new())
    );
}

/// Web Locks: while one holder has the lock a second request is refused at once (nothing of
/// its work runs), and once the first is done the lock is free again.
#[wasm_bindgen_test]
async fn a_held_lock_refuses_a_second_holder() {
    let navigator = web_sys::window().expect("a window").navigator();
    assert!(
        js_sys::Reflect::has(&navigator, &"locks".into()).unwrap_or(false),
        "the test page has Web Locks (else with_lock runs unguarded and proves nothing)"
    );
    let ran = std::cell::Cell::new(false);
    let nested = with_lock("creditdesk-test-lock", async {
        with_lock("creditdesk-test-lock", async { ran.set(true) }).await
    })
    .await;
    assert_eq!(nested, Ok(Err(LockBusy)));
    assert!(!ran.get(), "the refused work did not run");
    assert_eq!(with_lock("creditdesk-test-lock", async { 7 }).await, Ok(7));
    assert_eq!(
        with_lock("creditdesk-test-lock", async { 8 }).await,
        Ok(8),
        "released again"
    );
}

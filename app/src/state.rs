//! The app's shared state and the one path by which anything is written: decide in the core,
//! seal the event, commit it to IndexedDB, and only then fold it into the state on screen.

use crate::browser;
use crate::db::{self, StorageError};
use crate::i18n::Lang;
use crate::numbers;
use chrono::NaiveDate;
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::credit::score::{previous_month_end, score_all, Score};
use creditdesk_core::decide::{decide, decide_batch, Command, Rejection};
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::journal::encode_snapshot;
use creditdesk_core::journal::ChainBreak;
use creditdesk_core::limits::lapses_due;
use creditdesk_core::team::User;
use creditdesk_core::UserId;
use creditdesk_core::{Entry, Portfolio, SealedEvent, Timestamp};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    Ready,
    Failed(StorageError),
}

/// Conditions shown in a banner above every page until resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum Banner {
    Blocked,
    VersionChanged,
    Integrity(ChainBreak),
    /// The browser closed the connection (the database deleted from the developer tools, or
    /// its storage failed): nothing more can be saved until the page is reloaded.
    ConnectionLost,
}

/// A short message shown for a few seconds (`NOTICE_MS`), then gone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Notice {
    /// Another tab saved: this page now shows its changes.
    OtherTabSaved,
}

/// How long a notice stays.
const NOTICE_MS: u32 = 6_000;

/// How long opening the database may take before the page says so (`StorageError::OpenHung`).
pub const OPEN_WAIT_MS: u32 = 10_000;

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The number format chosen in Settings on this device; `None` until one is chosen (the
    /// language's default applies: see `number_format`).
    pub numbers: RwSignal<Option<NumberFormat>>,
    pub portfolio: RwSignal<Portfolio>,
    /// Moves whenever the portfolio changes in a way that can change a score (the core's
    /// `Entry::moves_scores`): pages that keep every customer's score recompute on it alone.
    pub scores_epoch: RwSignal<u64>,
    /// Every customer's score today and at the last month end, in customer order: made when
    /// a screen first asks, kept until `scores_epoch` or the day moves, and shared by the
    /// screens (the list, the overview, the worklist and the alerts score once between them).
    pub scores: Memo<Arc<Vec<Score>>>,
    pub month_end_scores: Memo<Arc<Vec<Score>>>,
    pub today: RwSignal<NaiveDate>,
    pub phase: RwSignal<Phase>,
    pub banner: RwSignal<Option<Banner>>,
    pub notice: RwSignal<Option<Notice>>,
    pub saving: RwSignal<bool>,
    pub persisted: RwSignal<Option<bool>>,
    /// The local profile acting on this device (chosen explicitly; see `set_user`).
    pub user: RwSignal<Option<UserId>>,
    /// The user chose "start empty" (or the journal has events): skip the welcome screen.
    pub started: RwSignal<bool>,
    pub online: RwSignal<bool>,
}

pub const KEY_LANG: &str = "creditdesk.lang";
pub const KEY_NUMBERS: &str = "creditdesk.numbers";
pub const KEY_STARTED: &str = "creditdesk.started";
pub const KEY_USER: &str = "creditdesk.user";

impl AppState {
    /// The desk's state: `base`, with every customer's score kept (`scores`).
    pub fn new() -> AppState {
        let base = AppState::base();
        let (portfolio, scores_epoch, today) = (base.portfolio, base.scores_epoch, base.today);
        let scored = move |day: fn(NaiveDate) -> NaiveDate| {
            Memo::new(move |_| {
                let (_, day) = (scores_epoch.get(), day(today.get()));
                let scores = portfolio
                    .with_untracked(|p| score_all(&p.ledger, &p.credit, &p.policy_on(day), day));
                Arc::new(scores)
            })
        };
        AppState {
            scores: scored(|today| today),
            month_end_scores: scored(previous_month_end),
            ..base
        }
    }

    /// The state every bundle shares, without the scores (empty): the bundles that read the
    /// check view never score, so their code holds no scoring (`shell::mount_view`).
    pub fn base() -> AppState {
        let lang = Lang::detect(
            browser::stored(KEY_LANG).as_deref(),
            &browser::browser_languages(),
        );
        let none = || Memo::new(|_| Arc::new(Vec::new()));
        AppState {
            scores: none(),
            month_end_scores: none(),
            lang: RwSignal::new(lang),
            numbers: RwSignal::new(
                browser::stored(KEY_NUMBERS).and_then(|code| numbers::from_code(&code)),
            ),
            portfolio: RwSignal::new(Portfolio::default()),
            scores_epoch: RwSignal::new(0),
            today: RwSignal::new(browser::today()),
            phase: RwSignal::new(Phase::Loading),
            banner: RwSignal::new(None),
            notice: RwSignal::new(None),
            saving: RwSignal::new(false),
            persisted: RwSignal::new(None),
            user: RwSignal::new(
                browser::stored(KEY_USER)
                    .and_then(|id| id.parse().ok())
                    .map(UserId),
            ),
            started: RwSignal::new(browser::stored(KEY_STARTED).is_some()),
            online: RwSignal::new(browser::is_online()),
        }
    }

    pub fn texts(&self) -> &'static crate::i18n::Texts {
        self.lang.get().texts()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        browser::store(KEY_LANG, lang.code());
        browser::set_document_lang(lang.code());
    }

    /// The number format every form reads and every figure is written in: the one chosen on
    /// this device, else the language's default.
    pub fn number_format(&self) -> NumberFormat {
        self.numbers
            .get()
            .unwrap_or_else(|| self.lang.get().number_format())
    }

    /// Chooses the number format on this device (remembered like the language).
    pub fn set_number_format(&self, format: NumberFormat) {
        self.numbers.set(Some(format));
        browser::store(KEY_NUMBERS, numbers::code(format));
    }

    /// Switches the acting profile (remembered on this device). `None` acts as nobody, which
    /// the core refuses for anything that needs a role.
    pub fn set_user(&self, user: Option<UserId>) {
        self.user.set(user);
        match user {
            Some(UserId(id)) => browser::store(KEY_USER, &id.to_string()),
            None => browser::forget(KEY_USER),
        }
    }

    /// The acting profile, when it still exists in the portfolio.
    pub fn current_user(&self) -> Option<User> {
        let id = self.user.get()?;
        self.portfolio
            .with(|portfolio| portfolio.team.user(id).cloned())
    }

    /// The acting profile's id for a command; an id no profile has when none is chosen, so
    /// the core answers with its "choose a profile" rejection.
    pub fn acting(&self) -> UserId {
        self.user.get_untracked().unwrap_or(UserId(0))
    }

    /// Who seals an event: the acting profile's name, the one identity a person has here.
    /// With no profile acting (an empty store's first steps, the demo load) it is empty, and
    /// the journal says "no profile".
    pub fn sealer(&self) -> String {
        let id = self.user.get_untracked();
        id.and_then(|id| {
            self.portfolio
                .with_untracked(|portfolio| portfolio.team.user(id).map(|user| user.name.clone()))
        })
        .unwrap_or_default()
    }

    /// Writing is stopped while the journal fails verification, another tab upgraded, or the
    /// connection is gone.
    pub fn read_only(&self) -> bool {
        matches!(
            self.banner.get_untracked(),
            Some(Banner::Integrity(_))
                | Some(Banner::VersionChanged)
                | Some(Banner::ConnectionLost)
        )
    }

    /// Shows `notice` for `NOTICE_MS`, unless a newer one replaced it.
    pub fn notify(&self, notice: Notice) {
        let notices = self.notice;
        notices.set(Some(notice));
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(NOTICE_MS).await;
            if notices.get_untracked() == Some(notice) {
                notices.set(None);
            }
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SubmitError {
    Rejected(Rejection),
    Storage(StorageError),
    ReadOnly,
    Busy,
}

/// Opens storage and loads the journal into the state. An open that neither succeeds nor
/// fails within `OPEN_WAIT_MS` is reported (`StorageError::OpenHung`, with a retry) while it
/// goes on: it is not abandoned, because an open dropped half-way whose upgrade then ran would
/// create the new schema version without its migration. If it completes late, the page loads.
pub async fn start(state: AppState) {
    if !open_storage(state).await {
        return;
    }
    browser::mark("creditdesk:load-start");
    let loaded = db::load().await;
    browser::mark("creditdesk:load-done");
    show_loaded(state, loaded);
    browser::channel::listen(move |head| {
        leptos::task::spawn_local(on_other_tab(state, head));
    });
    state
        .persisted
        .set(browser::is_persisted().await.filter(|granted| *granted));
}

/// Opens (and migrates) the database and makes it the one the page uses, reporting a blocked
/// upgrade, another tab's upgrade, a lost connection and an open that hangs; `false` when it
/// could not be opened (the phase says why). Every bundle opens storage this way.
pub async fn open_storage(state: AppState) -> bool {
    state.phase.set(Phase::Loading);
    let opened = std::rc::Rc::new(std::cell::Cell::new(false));
    let waiting = opened.clone();
    leptos::task::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(OPEN_WAIT_MS).await;
        if !waiting.get() && state.phase.get_untracked() == Phase::Loading {
            state.phase.set(Phase::Failed(StorageError::OpenHung));
        }
    });
    let blocked = move || state.banner.set(Some(Banner::Blocked));
    let changed = move || state.banner.set(Some(Banner::VersionChanged));
    let result = db::open(db::DB_NAME, db::SCHEMA_VERSION, blocked, changed).await;
    opened.set(true);
    let db = match result {
        Ok(db) => db,
        Err(error) => {
            state.phase.set(Phase::Failed(error));
            return false;
        }
    };
    if state.banner.get_untracked() == Some(Banner::Blocked) {
        state.banner.set(None);
    }
    db::on_close(&db, move || state.banner.set(Some(Banner::ConnectionLost)));
    db::install(db);
    true
}

/// Shows what a load read: the state, a broken journal's banner, or the storage error.
fn show_loaded(state: AppState, loaded: Result<Portfolio, StorageError>) {
    match loaded {
        Ok(portfolio) => {
            if portfolio.head.is_some() {
                state.started.set(true);
            }
            state.portfolio.set(portfolio);
            state.scores_epoch.update(|epoch| *epoch += 1);
            state.phase.set(Phase::Ready);
        }
        Err(StorageError::Integrity(broken)) => {
            state.banner.set(Some(Banner::Integrity(broken)));
            state.phase.set(Phase::Ready);
        }
        Err(error) => state.phase.set(Phase::Failed(error)),
    }
}

/// Another tab committed and posted its head: read what is newer, and say so briefly. A tab
/// writing right now skips it (its own commit then meets the other's event and refreshes).
async fn on_other_tab(state: AppState, posted: Option<(u64, String)>) {
    let ours = state
        .portfolio
        .with_untracked(|portfolio| portfolio.head.map(|head| (head.seq, head.hash.to_hex())));
    if ours == posted || state.saving.get_untracked() || state.phase.get_untracked() != Phase::Ready
    {
        return;
    }
    if let Ok(true) = refresh(state).await {
        state.notify(Notice::OtherTabSaved);
    }
}

/// Reads what other tabs committed after this state's head and folds it in (the cheap way),
/// or loads the journal whole when it no longer continues from this head (a restore or a
/// delete elsewhere) or the events do not fold. `true` when the state changed. A state that
/// moved meanwhile (this tab saved) is left as it is.
pub async fn refresh(state: AppState) -> Result<bool, StorageError> {
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    if let Some(newer) = db::events_after(head).await? {
        if newer.is_empty() {
            return Ok(false);
        }
        let mut next = state.portfolio.get_untracked();
        let folded = newer.iter().try_for_each(|record| {
            let event = creditdesk_core::journal::parse_event(&record.text)?;
            next.apply_event(&event, creditdesk_core::Hash::of(record.text.as_bytes()))
        });
        if folded.is_ok() && state.portfolio.with_untracked(|p| p.head) == head {
            state.portfolio.set(next);
            state.scores_epoch.update(|epoch| *epoch += 1);
            state.started.set(true);
            return Ok(true);
        }
    }
    let loaded = db::load().await;
    let changed = loaded
        .as_ref()
        .map_or(true, |portfolio| portfolio.head != head);
    if state.portfolio.with_untracked(|p| p.head) == head {
        // A break found before is found again if it is still there.
        if matches!(state.banner.get_untracked(), Some(Banner::Integrity(_))) {
            state.banner.set(None);
        }
        show_loaded(state, loaded);
    }
    Ok(changed)
}

/// Tells the other tabs where the journal now ends: after every commit of the write path, and
/// for a write made elsewhere (the import worker's) once this tab has folded it.
pub fn announce(head: Option<creditdesk_core::journal::ChainHead>) {
    browser::channel::post_head(head.map(|head| (head.seq, head.hash.to_hex())));
}

/// Deletes every stored record and starts over: the one other write path beside `submit`,
/// so it waits for a write under way and changes the state only once the store is empty.
pub async fn delete_all_data(state: AppState) -> Result<(), SubmitError> {
    if state.saving.get_untracked() {
        return Err(SubmitError::Busy);
    }
    state.saving.set(true);
    let cleared = db::clear_all().await;
    state.saving.set(false);
    cleared.map_err(SubmitError::Storage)?;
    announce(None);
    state.portfolio.set(Portfolio::default());
    state.scores_epoch.update(|epoch| *epoch += 1);
    state.banner.set(None);
    state.started.set(false);
    browser::forget(KEY_STARTED);
    Ok(())
}

/// Shows a journal the worker restored in place of the store: read back and verified as an
/// open does, an earlier break's banner cleared, the other tabs told.
pub async fn restored(state: AppState) -> Result<(), StorageError> {
    state.banner.set(None);
    reload(state).await?;
    state.started.set(true);
    browser::store(KEY_STARTED, "1");
    announce(state.portfolio.with_untracked(|p| p.head));
    Ok(())
}

/// Reads the stored journal again and shows it: after the import worker wrote an event this
/// tab did not fold. Verified as on every open; a break is shown like one found at start.
pub async fn reload(state: AppState) -> Result<(), StorageError> {
    match db::load().await {
        Ok(portfolio) => {
            state
                .started
                .set(portfolio.head.is_some() || state.started.get_untracked());
            state.portfolio.set(portfolio);
            state.scores_epoch.update(|epoch| *epoch += 1);
            Ok(())
        }
        Err(StorageError::Integrity(broken)) => {
            state.banner.set(Some(Banner::Integrity(broken.clone())));
            Err(StorageError::Integrity(broken))
        }
        Err(error) => Err(error),
    }
}

/// How often an open app looks at the clock. Timers are paused while a device sleeps; the
/// first tick after waking sees the new date.
const TODAY_CHECK_MS: u32 = 30_000;

/// Keeps `today` true to the device's calendar while the app stays open: past midnight (or
/// after sleep) every figure moves to the new date (and, in the bundles that write, limits that
/// lapsed are journalled: see `shell.rs`).
pub async fn follow_today(state: AppState) {
    loop {
        gloo_timers::future::TimeoutFuture::new(TODAY_CHECK_MS).await;
        let now = browser::today();
        if now != state.today.get_untracked() {
            state.today.set(now);
        }
    }
}

/// Journals the lapse of every temporary limit that ran out before today. The lapse applies by
/// date regardless (the core derives it from `as_of`); the event puts it on the record. The
/// bundles that write call it once storage is ready and on every new day (`shell.rs`).
pub async fn record_lapses(state: AppState) {
    let today = state.today.get_untracked();
    let due = state
        .portfolio
        .with_untracked(|portfolio| lapses_due(&portfolio.limits, today));
    if due.is_empty() {
        return;
    }
    let commands = due
        .into_iter()
        .map(|request| Command::RecordLapse {
            request,
            date: today,
        })
        .collect();
    // On failure (read-only, storage trouble) the banner already says so, and the lapses still
    // apply by date; the next start tries again.
    let _ = submit_batch(state, commands).await;
}

/// Decides commands all or nothing and commits them as one event.
pub async fn submit_batch(state: AppState, commands: Vec<Command>) -> Result<(), SubmitError> {
    if state.read_only() {
        return Err(SubmitError::ReadOnly);
    }
    if state.saving.get_untracked() {
        return Err(SubmitError::Busy);
    }
    let (entries, _) = state
        .portfolio
        .with_untracked(|portfolio| decide_batch(portfolio, commands))
        .map_err(|rejected| SubmitError::Rejected(rejected.rejection))?;
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    let sealed = SealedEvent::seal(head, Timestamp(browser::now_ms()), &state.sealer(), entries);
    commit(state, sealed, None).await
}

/// Decides a command, commits its event and folds it in. Nothing changes on any error.
pub async fn submit(state: AppState, command: Command) -> Result<(), SubmitError> {
    if state.read_only() {
        return Err(SubmitError::ReadOnly);
    }
    if state.saving.get_untracked() {
        return Err(SubmitError::Busy);
    }
    let entries = state
        .portfolio
        .with_untracked(|portfolio| decide(portfolio, &command))
        .map_err(SubmitError::Rejected)?;
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    let sealed = SealedEvent::seal(head, Timestamp(browser::now_ms()), &state.sealer(), entries);
    commit(state, sealed, None).await
}

/// Generates a demo portfolio as one event and commits it (only into an empty journal).
pub async fn load_demo(state: AppState, size: DemoSize) -> Result<(), SubmitError> {
    if state.saving.get_untracked() {
        return Err(SubmitError::Busy);
    }
    state.saving.set(true);
    browser::next_frame().await;
    browser::mark("creditdesk:demo-start");
    let generated = demo_portfolio(size, DEMO_SEED, state.today.get_untracked());
    browser::mark("creditdesk:demo-generated");
    state.saving.set(false);
    let (entries, after) =
        generated.map_err(|rejected| SubmitError::Rejected(rejected.rejection))?;
    let head = state.portfolio.with_untracked(|portfolio| portfolio.head);
    let sealed = SealedEvent::seal(head, Timestamp(browser::now_ms()), &state.sealer(), entries);
    browser::mark("creditdesk:demo-sealed");
    let result = commit(state, sealed, Some(after)).await;
    browser::mark("creditdesk:demo-saved");
    if result.is_ok() {
        record_lapses(state).await;
    }
    result
}

/// After a write that failed (nothing of it was kept, and the state on screen is as before):
/// another tab's event at this sequence number means this tab was behind, so it reads what
/// the other saved; a lost connection stops writing until a reload.
async fn after_failed_write(state: AppState, error: StorageError) -> StorageError {
    match &error {
        StorageError::Conflict => {
            if let Err(refresh_error) = refresh(state).await {
                return refresh_error;
            }
        }
        StorageError::ConnectionLost(_) => state.banner.set(Some(Banner::ConnectionLost)),
        _ => {}
    }
    error
}

/// Commits a sealed event, then folds it into the state. `after` is the state after the
/// event when the caller already has it (a demo load); otherwise the event is applied in place.
async fn commit(
    state: AppState,
    sealed: SealedEvent,
    after: Option<Portfolio>,
) -> Result<(), SubmitError> {
    let after = after.map(|mut portfolio| {
        portfolio.head = Some(sealed.head());
        portfolio
    });
    // A state the event does not fit gets no snapshot; folding it below reports why.
    let snapshot = db::snapshot_due(&sealed)
        .then(|| match &after {
            Some(portfolio) => Some(encode_snapshot(portfolio)),
            None => state.portfolio.with_untracked(|current| {
                let mut next = current.clone();
                let folded = next.apply_event(&sealed.event, sealed.hash);
                folded.ok().map(|()| encode_snapshot(&next))
            }),
        })
        .flatten();
    state.saving.set(true);
    let written = db::append(&sealed, snapshot).await;
    state.saving.set(false);
    if let Err(error) = written {
        return Err(SubmitError::Storage(after_failed_write(state, error).await));
    }
    announce(Some(sealed.head()));
    match after {
        Some(portfolio) => state.portfolio.set(portfolio),
        None => {
            // `decide` checked the entries against this very state, so folding them cannot
            // fail unless the state itself is broken; then writing stops, as for a bad chain.
            let mut folded = Ok(());
            state.portfolio.update(|portfolio| {
                folded = portfolio.apply_event(&sealed.event, sealed.hash);
            });
            if let Err(broken) = folded {
                state.banner.set(Some(Banner::Integrity(broken.clone())));
                return Err(SubmitError::Storage(StorageError::Integrity(broken)));
            }
        }
    }
    if sealed.event.entries.iter().any(Entry::moves_scores) {
        state.scores_epoch.update(|epoch| *epoch += 1);
    }
    state.started.set(true);
    if state.persisted.get_untracked().is_none() {
        state.persisted.set(browser::request_persistence().await);
    }
    Ok(())
}

//! The state of the bundles that read the check view (the field check and the widget) instead
//! of the journal: their pages link neither the fold nor the snapshot reader (ARCHITECTURE.md,
//! "Bundles"). The view stored for the recorded head and today is read and checked
//! (`db::view`); when there is none, or it is out of date (another tab wrote, a new day), the
//! worker loads the verified journal and stores a new one, and the page reads that.

use crate::browser;
use crate::db::view::{read_view, ViewRead};
use crate::db::StorageError;
use crate::state::{open_storage, AppState, Banner, Phase};
use crate::worker::client::{self, StartError};
use crate::worker::protocol::{OrderInput, OrderRefusal, ViewReply, ViewRequest};
use creditdesk_core::check::view::CheckView;
use creditdesk_core::journal::ChainHead;
use creditdesk_core::team::User;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

/// How many times a view is made again when the journal moved while it was being made.
const REMAKE_TRIES: usize = 3;

#[derive(Clone, Copy)]
pub struct ViewState {
    /// The current view; `None` until one is read.
    pub view: RwSignal<Option<Arc<CheckView>>>,
    /// Whether this bundle writes (the field check journals lapses and records orders).
    writes: bool,
    /// A refresh under way, and whether another was asked for meanwhile.
    busy: StoredValue<(bool, bool)>,
}

pub fn use_view() -> ViewState {
    expect_context::<ViewState>()
}

impl ViewState {
    pub fn new(writes: bool) -> ViewState {
        ViewState {
            view: RwSignal::new(None),
            writes,
            busy: StoredValue::new((false, false)),
        }
    }

    /// The local profiles of the view (the frame's profile switch).
    pub fn users(self) -> Signal<Vec<User>> {
        let view = self.view;
        Signal::derive(move || {
            view.with(|v| v.as_ref().map(|v| v.users.clone()).unwrap_or_default())
        })
    }

    /// The acting profile, when it exists in the view.
    pub fn current_user(self, state: AppState) -> Option<User> {
        let id = state.user.get()?;
        self.view.with(|view| view.as_ref()?.user(id).cloned())
    }

    fn head(self) -> Option<ChainHead> {
        self.view
            .with_untracked(|view| view.as_ref().and_then(|view| view.head))
    }
}

/// Who seals what the page writes: the acting profile's name, or no one.
fn sealer(state: AppState, view: ViewState) -> String {
    view.current_user(state)
        .map(|user| user.name)
        .unwrap_or_default()
}

/// Opens storage and shows the view; then follows the other tabs' writes and the date.
pub async fn start(state: AppState, view: ViewState) {
    if !open_storage(state).await {
        return;
    }
    browser::mark("creditdesk:load-start");
    refresh(state, view).await;
    browser::mark("creditdesk:load-done");
    browser::channel::listen(move |posted| {
        let ours = view.head().map(|head| (head.seq, head.hash.to_hex()));
        if ours != posted {
            leptos::task::spawn_local(refresh(state, view));
        }
    });
}

/// Brings the view up to date with the stored journal and today. One refresh runs at a time;
/// one asked for meanwhile runs after it.
pub async fn refresh(state: AppState, view: ViewState) {
    let (busy, _) = view.busy.get_value();
    if busy {
        view.busy.set_value((true, true));
        return;
    }
    loop {
        view.busy.set_value((true, false));
        refresh_once(state, view).await;
        let (_, again) = view.busy.get_value();
        if !again {
            break;
        }
    }
    view.busy.set_value((false, false));
}

async fn refresh_once(state: AppState, view: ViewState) {
    for _ in 0..REMAKE_TRIES {
        match read_view(state.today.get_untracked()).await {
            Ok(ViewRead::Current(current)) => return show(state, view, *current),
            Ok(ViewRead::OutOfDate) => {}
            Err(StorageError::Integrity(broken)) => {
                // Named, and not used: the view is made again from the verified journal.
                state.banner.set(Some(Banner::Integrity(broken)));
            }
            Err(error) => return fail(state, error),
        }
        browser::mark("creditdesk:view-remake-start");
        if let Err(error) = remake(state, view).await {
            return fail(state, error);
        }
        browser::mark("creditdesk:view-remade");
    }
    // Each view made was out of date again at once: other tabs keep writing.
    fail(state, StorageError::Conflict);
}

fn show(state: AppState, view: ViewState, current: CheckView) {
    if current.head.is_some() {
        state.started.set(true);
    }
    view.view.set(Some(Arc::new(current)));
    state.phase.set(Phase::Ready);
}

/// A failure before any view was shown stops the page; after, the last view stays and the
/// banner or the next refresh says more.
fn fail(state: AppState, error: StorageError) {
    match error {
        StorageError::Integrity(broken) => {
            state.banner.set(Some(Banner::Integrity(broken.clone())));
            if state.phase.get_untracked() == Phase::Loading {
                state
                    .phase
                    .set(Phase::Failed(StorageError::Integrity(broken)));
            }
        }
        StorageError::ConnectionLost(_) => state.banner.set(Some(Banner::ConnectionLost)),
        other if state.phase.get_untracked() == Phase::Loading => {
            state.phase.set(Phase::Failed(other))
        }
        _ => {}
    }
}

/// Has the worker store a new view for today.
async fn remake(state: AppState, view: ViewState) -> Result<(), StorageError> {
    let request = ViewRequest::Refresh {
        as_of: state.today.get_untracked(),
        record_lapses: view.writes && !state.read_only(),
        sealer: sealer(state, view),
    };
    match ask(&request).await? {
        ViewReply::View { head } => {
            crate::state::announce(head);
            Ok(())
        }
        ViewReply::Storage(error) => Err(error),
        other => Err(unexpected(other)),
    }
}

/// Records an order through the worker, which decides it against the stored journal; then the
/// view after it is shown and the other tabs are told.
pub async fn place_order(
    state: AppState,
    view: ViewState,
    order: OrderInput,
) -> Result<(), OrderError> {
    if state.read_only() {
        return Err(OrderError::ReadOnly);
    }
    if state.saving.get_untracked() {
        return Err(OrderError::Busy);
    }
    state.saving.set(true);
    let request = ViewRequest::PlaceOrder {
        order,
        sealer: sealer(state, view),
        lang: state.lang.get_untracked(),
    };
    let reply = ask(&request).await;
    state.saving.set(false);
    match reply.map_err(OrderError::Storage)? {
        ViewReply::Order(Ok(head)) => {
            crate::state::announce(head);
            refresh(state, view).await;
            Ok(())
        }
        ViewReply::Order(Err(refusal)) => Err(OrderError::Refused(refusal)),
        ViewReply::Storage(error) => {
            if error == StorageError::Conflict {
                // Another tab wrote first: show what it wrote; the user checks again.
                refresh(state, view).await;
            }
            Err(OrderError::Storage(error))
        }
        other => Err(OrderError::Storage(unexpected(other))),
    }
}

/// Why an order was not recorded: the core refused it (worded by the worker), storage, or the
/// page may not write now.
#[derive(Clone, Debug, PartialEq)]
pub enum OrderError {
    Refused(OrderRefusal),
    Storage(StorageError),
    ReadOnly,
    Busy,
}

/// A reply that does not answer the request: the worker's own words when it could not read
/// it (another build's page), else that it answered something else. Not `Debug`-formatted:
/// that would link the formatting of every reply into these small pages.
fn unexpected(reply: ViewReply) -> StorageError {
    StorageError::Failed(match reply {
        ViewReply::Garbled(message) => message,
        _ => "the worker answered another request".into(),
    })
}

/// Starts a worker for `request` and waits for its answer; the worker ends with it.
async fn ask(request: &ViewRequest) -> Result<ViewReply, StorageError> {
    let (send, receive) = futures::channel::oneshot::channel();
    let send = RefCell::new(Some(send));
    let job = client::start_view(request, move |reply| {
        if let Some(send) = send.borrow_mut().take() {
            let _ = send.send(reply);
        }
    })
    .map_err(|error| match error {
        StartError::NotBuilt => StorageError::Failed("the worker is not built".into()),
        StartError::Refused(message) => StorageError::Failed(message),
    })?;
    let reply = receive
        .await
        .unwrap_or_else(|_| ViewReply::Garbled("the worker ended".into()));
    drop(job);
    Ok(reply)
}

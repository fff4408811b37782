//! What every bundle does on start: the shared state, storage, the service worker, the online
//! badge and today's date. The bundle passes its own root component.

use crate::browser;
use crate::check_view::{self, ViewState};
use crate::numbers;
use crate::state::{self, AppState, Phase};
use leptos::prelude::*;

/// Mounts the desk on `<body>` after providing the app's state and starting storage: once
/// storage is ready, and on every new day after, the lapses of temporary limits are journalled.
pub fn mount_writing<V: IntoView + 'static>(root: fn() -> V) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(move || {
        let state = boot();
        Effect::new(move |_| {
            state.today.track();
            if state.phase.get() == Phase::Ready {
                leptos::task::spawn_local(state::record_lapses(state));
            }
        });
        root()
    });
}

/// Mounts a bundle that reads the check view instead of the journal (`check_view`): the field
/// check (`writes`: it journals lapses and records orders, through the worker) and the widget.
/// The view is brought up to date on every new day.
pub fn mount_view<V: IntoView + 'static>(root: fn() -> V, writes: bool) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(move || {
        let state = AppState::base();
        let view = ViewState::new(writes);
        provide_context(view);
        boot_with(state, check_view::start(state, view));
        Effect::new(move |previous: Option<chrono::NaiveDate>| {
            let today = state.today.get();
            if previous.is_some_and(|previous| previous != today) {
                leptos::task::spawn_local(check_view::refresh(state, view));
            }
            today
        });
        root()
    })
}

fn boot() -> AppState {
    let state = AppState::new();
    boot_with(state, state::start(state));
    state
}

/// Provides `state`, starts storage with `start`, and follows the number format, the
/// language, the network and the date.
fn boot_with(state: AppState, start: impl std::future::Future<Output = ()> + 'static) {
    provide_context(state);
    numbers::follow(Signal::derive(move || state.number_format()));
    browser::set_document_lang(state.lang.get_untracked().code());
    leptos::task::spawn_local(start);
    browser::register_service_worker();
    watch_online(state);
    leptos::task::spawn_local(state::follow_today(state));
}

/// Keeps the offline badge true to the browser's online state.
fn watch_online(state: AppState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    for (name, online) in [("online", true), ("offline", false)] {
        let handler =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || state.online.set(online));
        let _ = window.add_event_listener_with_callback(
            name,
            wasm_bindgen::JsCast::unchecked_ref(handler.as_ref()),
        );
        handler.forget();
    }
}

//! What every bundle does on start: the shared state, storage, the service worker, the online
//! badge and today's date. The bundle passes its own root component.

use crate::browser;
use crate::numbers;
use crate::state::{self, AppState, Phase};
use leptos::prelude::*;

/// Mounts `root` on `<body>` after providing the app's state and starting storage. A bundle
/// mounted this way only reads the journal (the widget: it never writes from inside another
/// site's page, and its code then holds none of the write path).
pub fn mount<V: IntoView + 'static>(root: fn() -> V) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(move || {
        boot();
        root()
    });
}

/// `mount` for the bundles that write (desk, field check): once storage is ready, and on every
/// new day after, the lapses of temporary limits are journalled.
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

fn boot() -> AppState {
    let state = AppState::new();
    provide_context(state);
    numbers::follow(Signal::derive(move || state.number_format()));
    browser::set_document_lang(state.lang.get_untracked().code());
    leptos::task::spawn_local(state::start(state));
    browser::register_service_worker();
    watch_online(state);
    leptos::task::spawn_local(state::follow_today(state));
    state
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

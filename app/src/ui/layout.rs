//! The frame of every page: skip link, top bar, banners, and the page once storage is open.
//! Each bundle (desk, field check, widget) passes its own navigation; the widget has none.

use crate::browser;
use crate::i18n::{self, fill, Lang};
use crate::state::{Banner, Notice, Phase};
use creditdesk_core::team::User;
use leptos::prelude::*;

use super::messages::storage_message;
use super::use_app;

/// The widget's frame (an iframe on another page): no chrome at all, and no storage message
/// of its own: the widget says what storage means for its host (`widget/check.rs`).
#[component]
pub fn Bare(children: Children) -> impl IntoView {
    view! {
        <main id="main" class="widget">
            {children()}
        </main>
    }
}

/// Shows its children once storage is open; a loading line or the storage error before that.
#[component]
fn Ready(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().common();
    view! {
        {move || match state.phase.get() {
            Phase::Loading => view! { <p class="loading" role="status">{t().loading}</p> }.into_any(),
            Phase::Failed(error) => {
                // A hung open: retrying is a fresh page, whose open starts over.
                let retry = error == crate::db::StorageError::OpenHung;
                view! {
                    <p class="error" role="alert" data-testid="storage-failed">{storage_message(t(), &error)}</p>
                    <Show when=move || retry>
                        <button data-testid="storage-retry" on:click=|_| browser::reload()>{move || t().retry}</button>
                    </Show>
                }.into_any()
            }
            Phase::Ready => ().into_any(),
        }}
        <Show when=move || state.phase.get() == Phase::Ready>
            {children()}
        </Show>
    }
}

/// The acting profile, one of `users`: chosen explicitly, remembered on this device.
#[component]
fn UserSwitch(users: Signal<Vec<User>>) -> impl IntoView {
    let state = use_app();
    let desk = move || state.lang.get().desk();
    let vocab = move || state.lang.get().vocab();
    let acting_known = move || {
        let acting = state.user.get();
        users.with(|users| users.iter().any(|user| Some(user.id) == acting))
    };
    let options = move || {
        users.with(|users| {
            users
                .iter()
                .map(|user| {
                    let selected = state.user.get() == Some(user.id);
                    let label =
                        format!("{} · {}", user.name, i18n::vocab::role(vocab(), user.role));
                    view! { <option value=user.id.0.to_string() selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let change = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        state.set_user(value.parse().ok().map(creditdesk_core::UserId));
    };
    view! {
        <label class="user-switch">
            <span class="visually-hidden">{move || desk().acting_as}</span>
            <select data-testid="user-switch" on:change=change aria-label=move || desk().acting_as>
                <option value="" selected=move || !acting_known()>{move || desk().no_profile}</option>
                {options}
            </select>
        </label>
    }
}

/// The frame of the desk and the field check. `top` is the brand and the navigation: the desk
/// links with the router, the field check with plain links (it has no router).
#[component]
pub fn Frame(
    #[prop(into)] top: ViewFn,
    users: Signal<Vec<User>>,
    children: ChildrenFn,
) -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().common();
    let switch = move |_| {
        state.set_lang(if state.lang.get() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        })
    };
    view! {
        <a class="skip" href="#main">{move || t().skip_to_content}</a>
        <header class="topbar">
            {top.run()}
            <span class="status">
                <Show when=move || !state.online.get()>
                    <span class="badge offline" data-testid="offline-badge">{move || t().offline_badge}</span>
                </Show>
                <Show when=move || state.saving.get()>
                    <span class="badge" role="status">{move || t().saving}</span>
                </Show>
            </span>
            <UserSwitch users />
            <button class="lang" data-testid="switch-language" on:click=switch>{move || t().switch_language}</button>
        </header>
        <Banners />
        <Notices />
        <main id="main">
            <Ready>{children()}</Ready>
        </main>
    }
}

/// A short notice (another tab saved), gone after a few seconds: a status, not an alert.
#[component]
fn Notices() -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().common();
    view! {
        <div class="notice" role="status" data-testid="notice">
            {move || state.notice.get().map(|notice| match notice {
                Notice::OtherTabSaved => t().notice_other_tab_saved,
            })}
        </div>
    }
}

#[component]
fn Banners() -> impl IntoView {
    let state = use_app();
    let t = move || state.lang.get().common();
    move || {
        state.banner.get().map(|banner| {
            let text = match &banner {
                Banner::Blocked => t().storage_blocked.to_string(),
                Banner::VersionChanged => t().storage_version_change.to_string(),
                Banner::ConnectionLost => t().storage_connection_lost.to_string(),
                Banner::Integrity(broken) => fill(
                    t().integrity_banner,
                    &[("detail", &i18n::chain_break(t(), broken))],
                ),
            };
            let reload = matches!(banner, Banner::VersionChanged | Banner::ConnectionLost);
            view! {
                <div class="banner" role="alert" data-testid="banner">
                    <span>{text}</span>
                    <Show when=move || reload>
                        <button on:click=|_| browser::reload()>{move || t().reload}</button>
                    </Show>
                </div>
            }
        })
    }
}

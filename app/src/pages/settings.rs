//! Settings: language, the name recorded with each event, persistent storage and usage, and
//! deleting all local data.

use crate::browser;
use crate::components::{storage_message, use_app};
use crate::db;
use crate::i18n::{fill, Lang};
use crate::state::{KEY_ACTOR, KEY_STARTED};
use creditdesk_core::Portfolio;
use leptos::prelude::*;

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let usage = RwSignal::new(None::<(f64, f64)>);
    let message = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move { usage.set(browser::storage_estimate().await) });
    let request = move |_| {
        leptos::task::spawn_local(async move {
            state.persisted.set(browser::request_persistence().await)
        });
    };
    let delete_all = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(state.texts().delete_all_confirm)
                    .ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        leptos::task::spawn_local(async move {
            match db::clear_all().await {
                Ok(()) => {
                    state.portfolio.set(Portfolio::default());
                    state.banner.set(None);
                    state.started.set(false);
                    if let Some(storage) =
                        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
                    {
                        let _ = storage.remove_item(KEY_STARTED);
                    }
                    message.set(Some(state.texts().deleted.to_string()));
                }
                Err(error) => message.set(Some(storage_message(state.texts(), &error))),
            }
        });
    };
    view! {
        <section data-testid="settings">
            <h1>{move || t().settings_title}</h1>
            <div class="field">
                <label for="f-language">{move || t().language}</label>
                <select id="f-language" data-testid="language" on:change=move |event| state.set_lang(if event_target_value(&event) == "en" { Lang::En } else { Lang::Zh })>
                    <option value="zh-CN" selected=move || state.lang.get() == Lang::Zh>"中文（简体）"</option>
                    <option value="en" selected=move || state.lang.get() == Lang::En>"English"</option>
                </select>
            </div>
            <div class="field">
                <label for="f-actor">{move || t().user_name}</label>
                <input id="f-actor" data-testid="actor" prop:value=move || state.actor.get()
                    on:change=move |event| { let name = event_target_value(&event).trim().to_string(); if !name.is_empty() { browser::store(KEY_ACTOR, &name); state.actor.set(name); } } />
                <small class="hint">{move || t().user_name_hint}</small>
            </div>
            <h2>{move || t().storage}</h2>
            <p data-testid="persistence">{move || match state.persisted.get() {
                Some(true) => t().persistent_yes,
                Some(false) => t().persistent_no,
                None => t().persistent_unknown,
            }}</p>
            <Show when=move || state.persisted.get() != Some(true)>
                <button on:click=request>{move || t().request_persistence}</button>
            </Show>
            {move || usage.get().map(|(used, quota)| view! { <p class="muted">{fill(t().storage_usage, &[("used", &megabytes(used)), ("quota", &megabytes(quota))])}</p> })}
            <div class="actions">
                <button class="danger" data-testid="delete-all" on:click=delete_all>{move || t().delete_all}</button>
            </div>
            {move || message.get().map(|text| view! { <p role="status">{text}</p> })}
        </section>
    }
}

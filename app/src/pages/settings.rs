//! Settings: language, number format, persistent storage
//! and usage, when the last backup was made (the backup itself is `/data`), deleting all local data, and the
//! widget's allowed host origins.

use crate::browser;
use crate::i18n::{fill, Lang, Texts};
use crate::numbers;
use crate::state;
use crate::ui::backup::{last_backup, BackupStatus};
use crate::ui::form::{Form, FormError};
use crate::ui::route::to;
use crate::ui::{submit_message, use_app};
use creditdesk_core::base::input::NumberFormat;
use creditdesk_core::decide::Command;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let message = RwSignal::new(None::<String>);
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
            match state::delete_all_data(state).await {
                Ok(()) => message.set(Some(state.texts().deleted.to_string())),
                Err(error) => message.set(Some(submit_message(state.texts(), &error))),
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
            <NumberFormatField />
            <h2>{move || state.lang.get().letters().company_title}</h2>
            <p><A href=to("/settings/company") attr:data-testid="open-company">{move || state.lang.get().letters().company_link}</A></p>
            <StorageStatus />
            <h2>{move || state.lang.get().backup().title}</h2>
            <BackupStatus last=RwSignal::new(last_backup()) />
            <p><A href=to("/data") attr:data-testid="open-backup">{move || state.lang.get().backup().open}</A></p>
            <div class="actions">
                <button class="danger" data-testid="delete-all" on:click=delete_all>{move || t().delete_all}</button>
            </div>
            {move || message.get().map(|text| view! { <p role="status">{text}</p> })}
            <WidgetOrigins />
        </section>
    }
}

/// Whether the browser keeps this site's data (persistent storage), with a button to ask again
/// while it is not granted, and the browser's estimate of usage and quota ("12.4 MB of
/// 2.1 GB"). Read on open, after asking, and after each commit (the head moves: a write, not
/// a keystroke).
#[component]
fn StorageStatus() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let usage = RwSignal::new(None::<(f64, f64)>);
    let estimate = move || {
        leptos::task::spawn_local(async move { usage.set(browser::storage_estimate().await) })
    };
    Effect::new(move |_| {
        state
            .portfolio
            .with(|portfolio| portfolio.head.map(|head| head.seq));
        estimate();
    });
    leptos::task::spawn_local(async move {
        if browser::is_persisted().await == Some(true) {
            state.persisted.set(Some(true));
        }
    });
    let request = move |_| {
        leptos::task::spawn_local(async move {
            state.persisted.set(browser::request_persistence().await);
            usage.set(browser::storage_estimate().await);
        });
    };
    let figures = move |(used, quota): (f64, f64)| {
        let (used, quota) = (numbers::bytes(used as u64), numbers::bytes(quota as u64));
        fill(t().storage_usage, &[("used", &used), ("quota", &quota)])
    };
    view! {
        <h2>{move || t().storage}</h2>
        <p data-testid="persistence">{move || match state.persisted.get() {
            Some(true) => t().persistent_yes,
            Some(false) => t().persistent_no,
            None => t().persistent_unknown,
        }}</p>
        <Show when=move || state.persisted.get() != Some(true)>
            <button data-testid="request-persistence" on:click=request>{move || t().request_persistence}</button>
        </Show>
        <p class="muted" data-testid="storage-usage">
            {move || usage.get().map_or_else(|| t().storage_usage_unknown.to_string(), figures)}
        </p>
    }
}

/// How numbers are typed and shown on this device: `1,234.56` or `1.234,56`. Until one is
/// chosen, the language's default is selected (and followed when the language changes).
#[component]
fn NumberFormatField() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let option = move |format: NumberFormat, label: fn(&Texts) -> &'static str| {
        view! {
            <option value=numbers::code(format) selected=move || state.number_format() == format>
                {move || label(t())}
            </option>
        }
    };
    let choose = move |event: leptos::ev::Event| {
        if let Some(format) = numbers::from_code(&event_target_value(&event)) {
            state.set_number_format(format);
        }
    };
    view! {
        <div class="field">
            <label for="f-number-format">{move || t().number_format}</label>
            <select id="f-number-format" data-testid="number-format" aria-describedby="f-number-format-hint"
                prop:value=move || numbers::code(state.number_format()) on:change=choose>
                {option(NumberFormat::Point, |t| t.number_format_point)}
                {option(NumberFormat::Comma, |t| t.number_format_comma)}
            </select>
            <small class="hint" id="f-number-format-hint">{move || t().number_format_hint}</small>
        </div>
    }
}

/// The embeddable widget's allowed host origins: typed one per line, checked and saved by the
/// core (`SetWidgetOrigins`, manager or above); nothing is saved when any line is refused.
#[component]
fn WidgetOrigins() -> impl IntoView {
    let state = use_app();
    let f = move || state.lang.get().field();
    let saved_text = move || {
        state
            .portfolio
            .with_untracked(|p| p.limits.widget_origins.join("\n"))
    };
    let text = RwSignal::new(saved_text());
    let form = Form::new();
    let saved = RwSignal::new(false);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let origins = text.get_untracked().lines().map(str::to_string).collect();
        let command = Command::SetWidgetOrigins {
            date: state.today.get_untracked(),
            by: state.acting(),
            origins,
        };
        saved.set(false);
        form.submit(command, move || {
            text.set(saved_text());
            saved.set(true);
        });
    };
    view! {
        <form class="widget-origins" data-testid="widget-origins" on:submit=save>
            <h2>{move || f().origins_title}</h2>
            <p class="muted">{move || f().origins_intro}</p>
            <div class="field">
                <label for="f-widget-origins">{move || f().origins_label}</label>
                <textarea id="f-widget-origins" data-testid="origins-input" rows="4" spellcheck="false"
                    aria-describedby="f-widget-origins-hint"
                    prop:value=move || text.get() on:input=move |event| text.set(event_target_value(&event))></textarea>
                <small class="hint" id="f-widget-origins-hint">{move || f().origins_hint}</small>
            </div>
            <div class="actions">
                <button type="submit" data-testid="save-origins" disabled=move || state.saving.get()>{move || f().origins_save}</button>
            </div>
            {move || saved.get().then(|| view! { <p role="status" data-testid="origins-saved">{f().origins_saved}</p> })}
            <FormError form testid="origins-error" />
            <OriginsList />
            <p><A href=to("/help/widget")>{move || f().origins_help}</A></p>
        </form>
    }
}

/// The origins in force, as journalled.
#[component]
fn OriginsList() -> impl IntoView {
    let state = use_app();
    let f = move || state.lang.get().field();
    let current = move || state.portfolio.with(|p| p.limits.widget_origins.clone());
    view! {
        <h3>{move || f().origins_current}</h3>
        {move || {
            let origins = current();
            if origins.is_empty() {
                view! { <p class="muted" data-testid="origins-list-empty">{f().origins_none}</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="origins-list">
                        {origins.into_iter().map(|origin| view! { <li><code>{origin}</code></li> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

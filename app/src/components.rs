//! Pieces shared by pages: the layout with navigation and banners, the aging bar, figures.

use crate::browser;
use crate::i18n::{self, fill, Lang};
use crate::state::{AppState, Banner, Phase};
use creditdesk_core::base::money::format_grouped;
use creditdesk_core::ledger::reports::{Aging, AgingBuckets};
use creditdesk_core::{Currency, Money};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

pub fn money(amount: Decimal, currency: Currency) -> String {
    Money::new(amount, currency).format()
}

/// The page frame. Widget routes (for an iframe on another page) get no chrome at all.
#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let bare = move || location.pathname.get().contains("/widget/");
    let children = StoredValue::new(children);
    view! {
        <Show
            when=bare
            fallback=move || view! { <Chrome>{children.read_value()()}</Chrome> }
        >
            <main id="main" class="widget">
                <Ready>{children.read_value()()}</Ready>
            </main>
        </Show>
    }
}

/// Shows its children once storage is open; a loading line or the storage error before that.
#[component]
fn Ready(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        {move || match state.phase.get() {
            Phase::Loading => view! { <p class="loading" role="status">{t().loading}</p> }.into_any(),
            Phase::Failed(error) => view! {
                <p class="error" role="alert">{storage_message(t(), &error)}</p>
            }.into_any(),
            Phase::Ready => ().into_any(),
        }}
        <Show when=move || state.phase.get() == Phase::Ready>
            {children()}
        </Show>
    }
}

/// The acting profile: chosen explicitly, remembered on this device.
#[component]
fn UserSwitch() -> impl IntoView {
    let state = use_app();
    let desk = move || state.lang.get().desk();
    let vocab = move || state.lang.get().vocab();
    let options = move || {
        state.portfolio.with(|portfolio| {
            portfolio
                .team
                .users
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
                <option value="" selected=move || state.current_user().is_none()>{move || desk().no_profile}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn Chrome(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let desk = move || state.lang.get().desk();
    let field = move || state.lang.get().field();
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
            <A href="/" attr:class="brand">{move || t().app_name}</A>
            <nav aria-label=move || t().app_name>
                <A href="/">{move || t().nav_home}</A>
                <A href="/customers">{move || t().nav_customers}</A>
                <A href="/check">{move || field().nav_check}</A>
                <A href="/approvals">{move || desk().nav_approvals}</A>
                <A href="/policy">{move || t().nav_policy}</A>
                <A href="/journal">{move || t().nav_journal}</A>
                <A href="/users">{move || desk().nav_users}</A>
                <A href="/settings">{move || t().nav_settings}</A>
                <A href="/help">{move || t().nav_help}</A>
            </nav>
            <span class="status">
                <Show when=move || !state.online.get()>
                    <span class="badge offline" data-testid="offline-badge">{move || t().offline_badge}</span>
                </Show>
                <Show when=move || state.saving.get()>
                    <span class="badge" role="status">{move || t().saving}</span>
                </Show>
            </span>
            <UserSwitch />
            <button class="lang" data-testid="switch-language" on:click=switch>{move || t().switch_language}</button>
        </header>
        <Banners />
        <main id="main">
            <Ready>{children()}</Ready>
        </main>
    }
}

#[component]
fn Banners() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    move || {
        state.banner.get().map(|banner| {
            let text = match &banner {
                Banner::Blocked => t().storage_blocked.to_string(),
                Banner::VersionChanged => t().storage_version_change.to_string(),
                Banner::Integrity(broken) => fill(
                    t().integrity_banner,
                    &[("detail", &i18n::chain_break(t(), broken))],
                ),
            };
            let reload = matches!(banner, Banner::VersionChanged);
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

pub fn storage_message(t: &i18n::Texts, error: &crate::db::StorageError) -> String {
    use crate::db::StorageError;
    match error {
        StorageError::Unavailable(detail) => fill(t.storage_unavailable, &[("detail", detail)]),
        StorageError::Blocked => t.storage_blocked.to_string(),
        StorageError::QuotaExceeded => t.storage_quota.to_string(),
        StorageError::Conflict => t.storage_conflict.to_string(),
        StorageError::Integrity(broken) => fill(
            t.integrity_banner,
            &[("detail", &i18n::chain_break(t, broken))],
        ),
        StorageError::Failed(detail) => fill(t.storage_failed, &[("detail", detail)]),
    }
}

/// The message for any failed submission.
pub fn submit_message(t: &i18n::Texts, error: &crate::state::SubmitError) -> String {
    use crate::state::SubmitError;
    match error {
        SubmitError::Rejected(rejection) => i18n::rejection(t, rejection),
        SubmitError::Storage(error) => storage_message(t, error),
        SubmitError::ReadOnly => format!("{} — {}", t.read_only, t.saved_not),
        SubmitError::Busy => t.saving.to_string(),
    }
}

/// Labels of the aging buckets in the current language.
pub fn bucket_labels(t: &i18n::Texts, buckets: &AgingBuckets) -> Vec<String> {
    buckets
        .labels()
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            if index == 0 {
                t.aging_not_due.to_string()
            } else {
                fill(t.aging_days, &[("range", &label)])
            }
        })
        .collect()
}

/// A horizontal stacked bar of aging buckets with a legend table (the numbers on demand).
#[component]
pub fn AgingBar(aging: Aging, currency: Currency) -> impl IntoView {
    let state = use_app();
    let t = state.texts();
    let labels = bucket_labels(t, &AgingBuckets::default());
    let total = aging.total;
    let share = move |amount: Decimal| -> String {
        if total <= Decimal::ZERO {
            return "0".to_string();
        }
        format_grouped(
            (amount * Decimal::ONE_HUNDRED / total).max(Decimal::ZERO),
            2,
        )
        .replace(',', "")
    };
    let segments = aging
        .buckets
        .iter()
        .enumerate()
        .map(|(index, amount)| {
            let style = format!("width:{}%", share(*amount));
            view! { <span class=format!("seg b{index}") style=style title=labels[index].clone()></span> }
        })
        .collect_view();
    let rows = aging
        .buckets
        .iter()
        .enumerate()
        .map(|(index, amount)| {
            view! {
                <tr>
                    <th scope="row"><span class=format!("key b{index}")></span>{labels[index].clone()}</th>
                    <td class="num">{money(*amount, currency)}</td>
                    <td class="num">{format!("{}%", share(*amount))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="aging" data-testid="aging">
            <div class="bar" role="img" aria-label=t.aging>{segments}</div>
            <table class="legend">
                <caption>{t.aging}</caption>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

/// One headline figure.
#[component]
pub fn Figure(
    label: String,
    value: String,
    #[prop(optional)] testid: &'static str,
    #[prop(optional)] tone: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("figure {tone}") data-testid=testid>
            <div class="label">{label}</div>
            <div class="value">{value}</div>
        </div>
    }
}

//! The audit journal: recent events (newest first) and the "verify integrity" action, which
//! re-hashes every stored event, names the first one that does not fit the chain, replays
//! the journal and compares it with the snapshot. A break found there stops writing, as one
//! found on opening does.

use crate::browser::format_timestamp;
use crate::db::{self, EventSummary};
use crate::i18n::{self, fill};
use crate::state::Banner;
use crate::ui::{storage_message, use_app};
use creditdesk_core::journal::Audit;
use leptos::prelude::*;

const PAGE: u32 = 50;

#[derive(Clone, PartialEq)]
enum Verification {
    Idle,
    Running,
    Done(Result<Audit, String>),
}

#[component]
pub fn Journal() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let records = RwSignal::new(Vec::<EventSummary>::new());
    let load_error = RwSignal::new(None::<String>);
    let load_more = move |before: Option<u64>| {
        leptos::task::spawn_local(async move {
            match db::recent_events(before, PAGE).await {
                Ok(more) => records.update(|list| list.extend(more)),
                Err(error) => load_error.set(Some(storage_message(state.texts(), &error))),
            }
        })
    };
    // Reload the list whenever the journal grows.
    Effect::new(move |_| {
        state.portfolio.with(|p| p.head);
        records.set(Vec::new());
        load_more(None);
    });
    let older =
        move |_| load_more(records.with_untracked(|list| list.last().map(|last| last.seq - 1)));
    view! {
        <section data-testid="journal">
            <h1>{move || t().journal_title}</h1>
            <p>{move || t().journal_intro}</p>
            <VerifyPanel />
            {move || load_error.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
            <EventTable records />
            <Show when=move || records.with(Vec::is_empty)>
                <p>{move || t().no_events}</p>
            </Show>
            <Show when=move || records.with(|list| list.last().is_some_and(|last| last.seq > 1))>
                <button on:click=older>{move || t().older}</button>
            </Show>
        </section>
    }
}

/// "Verify integrity" and its result; a break it finds raises the integrity banner.
#[component]
fn VerifyPanel() -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    let verification = RwSignal::new(Verification::Idle);
    let verify = move |_| {
        verification.set(Verification::Running);
        leptos::task::spawn_local(async move {
            crate::browser::next_frame().await;
            let outcome = db::verify_all().await.map_err(|error| match error {
                db::StorageError::Integrity(broken) => {
                    let detail = i18n::chain_break(state.texts(), &broken);
                    state.banner.set(Some(Banner::Integrity(broken)));
                    detail
                }
                other => storage_message(state.texts(), &other),
            });
            verification.set(Verification::Done(outcome));
        })
    };
    view! {
        <div class="actions">
            <button class="primary" data-testid="verify" disabled=move || verification.get() == Verification::Running on:click=verify>
                {move || t().verify_integrity}
            </button>
        </div>
        <p role="status" data-testid="verify-result">{move || match verification.get() {
            Verification::Idle => String::new(),
            Verification::Running => t().verifying.to_string(),
            Verification::Done(Ok(audit)) => {
                let count = audit.head.map_or(0, |head| head.seq).to_string();
                fill(t().verify_ok, &[("count", &count)])
            }
            Verification::Done(Err(detail)) => fill(t().verify_failed, &[("detail", &detail)]),
        }}</p>
        // A line of its own: the result line reads the same with or without a snapshot.
        {move || match verification.get() {
            Verification::Done(Ok(Audit { snapshot: Some(seq), .. })) => Some(view! {
                <p data-testid="verify-snapshot">{fill(t().verify_snapshot_ok, &[("seq", &seq.to_string())])}</p>
            }),
            _ => None,
        }}
    }
}

#[component]
fn EventTable(records: RwSignal<Vec<EventSummary>>) -> impl IntoView {
    let state = use_app();
    let t = move || state.texts();
    view! {
        <div class="table-wrap">
            <table class="list" data-testid="journal-table">
                <thead><tr>
                    <th scope="col" class="num">{move || t().seq}</th>
                    <th scope="col">{move || t().time}</th>
                    <th scope="col">{move || t().actor}</th>
                    <th scope="col">{move || t().entries}</th>
                    <th scope="col" class="hide-narrow">{move || t().hash}</th>
                </tr></thead>
                <tbody>
                    {move || records.get().into_iter().map(|record| view! {
                        <tr>
                            <td class="num">{record.seq}</td>
                            <td>{format_timestamp(record.at)}</td>
                            <td>{if record.actor.is_empty() { state.lang.get().desk().no_profile.to_string() } else { record.actor.clone() }}</td>
                            <td class="summary">{record.entries.clone()}</td>
                            <td class="hide-narrow mono" title=record.hash.clone()>{record.hash[..12.min(record.hash.len())].to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

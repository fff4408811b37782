//! The audit journal: every entry told as a sentence (who, when, what, which customer, how
//! much), newest first, filtered by customer, actor, kind and dates through the address, each
//! naming its customer as a link; and the "verify integrity" action, which re-hashes every
//! stored event, names the first one that does not fit the chain, replays the journal and
//! compares it with the snapshot. A break found there stops writing, as one found on opening
//! does. What an entry says is the core's (`journal::describe`); words are `i18n::journal`'s.

mod filter;
mod list;
mod reading;

use crate::db;
use crate::i18n::{self, fill};
use crate::state::Banner;
use crate::ui::{decimal, storage_message, use_app};
use creditdesk_core::journal::{select, Audit};
use filter::{FilterForm, JournalQuery};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use list::EntryList;
use reading::with_rows;
use rust_decimal::Decimal;

/// How many entries a page shows, and how many more "older" adds.
const PAGE: usize = 50;

#[derive(Clone, PartialEq)]
enum Verification {
    Idle,
    Running,
    Done(Result<Audit, String>),
}

/// Where reading the journal stands: `Read` counts the reads, so what depends on the rows
/// is worked out again after each.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Progress {
    Reading,
    Read(u64),
    Failed,
}

#[component]
pub fn Journal() -> impl IntoView {
    let state = use_app();
    let (t, j) = (move || state.texts(), move || state.lang.get().journal());
    let progress = RwSignal::new(Progress::Reading);
    let failure = RwSignal::new(None::<String>);
    // Read what the journal gained whenever its head moves (and on opening the page).
    Effect::new(move |_| {
        if !reading::up_to_date(state) {
            progress.set(Progress::Reading);
        }
        reading::catch_up(state, move |outcome| match outcome {
            Ok(()) => {
                let count = match progress.try_get_untracked() {
                    Some(Progress::Read(count)) => count + 1,
                    _ => 1,
                };
                progress.try_set(Progress::Read(count));
            }
            Err(error) => {
                failure.try_set(Some(storage_message(state.texts(), &error)));
                progress.try_set(Progress::Failed);
            }
        });
    });
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(JournalQuery::from_map));
    let lang = move || state.lang.get();
    let filter = Memo::new(move |_| {
        let query = query.get();
        state
            .portfolio
            .with(|portfolio| query.filter(lang(), &portfolio.ledger))
    });
    let selected = Memo::new(move |_| {
        progress.track();
        filter.with(|filter| match filter {
            Ok(filter) => with_rows(|rows| select(rows, filter)),
            Err(_) => Vec::new(),
        })
    });
    let actors = Memo::new(move |_| {
        progress.track();
        with_rows(|rows| rows.actors())
    });
    let shown = RwSignal::new(PAGE);
    let applied = Callback::new(move |_| shown.set(PAGE));
    view! {
        <section data-testid="journal">
            <h1>{move || t().journal_title}</h1>
            <p>{move || t().journal_intro}</p>
            <VerifyPanel />
            {move || view! { <FilterForm query=query.get() actors applied /> }}
            <ReadingStatus progress failure selected shown />
            {move || filter.get().err().map(|message| view! { <p class="error" role="alert" data-testid="filter-error">{message}</p> })}
            <EntryList selected shown />
            <Show when=move || matches!(progress.get(), Progress::Read(_)) && selected.with(Vec::is_empty)>
                <p data-testid="journal-empty">{move || match query.with(JournalQuery::is_empty) {
                    true => t().no_events,
                    false => j().no_match,
                }}</p>
            </Show>
            <Show when=move || { selected.with(Vec::len) > shown.get() }>
                <button data-testid="older" on:click=move |_| shown.update(|shown| *shown += PAGE)>{move || j().older}</button>
            </Show>
        </section>
    }
}

/// "Reading the journal…", or how many events and entries it holds and how many match; a
/// storage failure while reading, as such.
#[component]
fn ReadingStatus(
    progress: RwSignal<Progress>,
    failure: RwSignal<Option<String>>,
    selected: Memo<Vec<usize>>,
    shown: RwSignal<usize>,
) -> impl IntoView {
    let state = use_app();
    let j = move || state.lang.get().journal();
    let count = |value: usize| decimal(Decimal::from(value), 0);
    let counts = move || {
        let (events, entries) = with_rows(|rows| (rows.events().len(), rows.rows().len()));
        let matching = selected.with(Vec::len);
        let shown = matching.min(shown.get());
        let counts = fill(
            j().counts,
            &[("events", &count(events)), ("entries", &count(entries))],
        );
        let matched = fill(
            j().matching,
            &[("count", &count(matching)), ("shown", &count(shown))],
        );
        (counts, matched)
    };
    move || match progress.get() {
        Progress::Reading => {
            view! { <p role="status" data-testid="journal-reading">{j().reading}</p> }.into_any()
        }
        Progress::Failed => view! { <p class="error" role="alert">{failure.get()}</p> }.into_any(),
        Progress::Read(_) => {
            let (counts, matched) = counts();
            view! {
                <p class="muted" data-testid="journal-counts">{counts}</p>
                <p role="status" data-testid="journal-matching">{matched}</p>
            }
            .into_any()
        }
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

//! The journal's entries as sentences, newest first: when each was recorded, who acted, what
//! happened — the customer a link to its page — and the event it came in, with its hash.

use super::reading::with_rows;
use crate::browser::format_timestamp;
use crate::i18n::journal::sentence;
use crate::i18n::{fill, Lang};
use crate::ui::route::to;
use crate::ui::use_app;
use creditdesk_core::journal::{JournalRows, Row};
use leptos::prelude::*;
use leptos_router::components::A;

/// The first `shown` of the `selected` rows (positions in the rows read, newest first).
#[component]
pub fn EntryList(selected: Memo<Vec<usize>>, shown: RwSignal<usize>) -> impl IntoView {
    let state = use_app();
    let j = move || state.lang.get().journal();
    let rows = move || {
        let lang = state.lang.get();
        let count = shown.get();
        selected.with(|positions| {
            with_rows(|rows| {
                positions
                    .iter()
                    .take(count)
                    .filter_map(|position| rows.rows().get(*position))
                    .map(|row| entry_row(lang, rows, row))
                    .collect_view()
            })
        })
    };
    view! {
        <div class="table-wrap">
            <table class="list journal" data-testid="journal-table">
                <thead><tr>
                    <th scope="col">{move || j().col_when}</th>
                    <th scope="col">{move || j().col_who}</th>
                    <th scope="col">{move || j().col_what}</th>
                    <th scope="col" class="hide-narrow">{move || j().col_event}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One entry: its sentence, with the customer it names as a link to the customer's page.
fn entry_row(lang: Lang, rows: &JournalRows, row: &Row) -> impl IntoView {
    let j = lang.journal();
    let event = rows.event_of(row);
    // An event sealed with no profile acting (the demo load, an empty store's first steps).
    let who = match rows.who(row) {
        "" => lang.desk().no_profile,
        who => who,
    };
    let told = sentence(lang, &row.facts, who);
    let customer = told.customer.map(|customer| {
        let href = to(&format!("/customers/{}", customer.id.0));
        view! { <A href=href attr:data-testid="entry-customer">{customer.name}</A> }
    });
    let hash = event.hash.to_hex();
    let number = fill(j.event_number, &[("seq", &event.seq.to_string())]);
    let title = fill(j.event_hash, &[("hash", &hash)]);
    view! {
        <tr data-testid="journal-entry">
            <td class="nowrap">{format_timestamp(event.at.0)}</td>
            <td>{who.to_string()}</td>
            <td class="sentence" data-testid="entry-sentence">{told.before}{customer}{told.after}</td>
            <td class="hide-narrow" title=title>{number}" "<span class="mono">{hash[..12].to_string()}</span></td>
        </tr>
    }
}

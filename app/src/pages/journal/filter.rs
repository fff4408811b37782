//! The journal's filter: what the address asks for
//! (`/journal?customer=C0001&actor=Li%20Wei&kind=InvoiceIssued&from=2026-01-01&to=2026-01-31`),
//! read strictly into the core's `JournalFilter`, and the form that writes it. The form reads
//! through the form kit, so a date that is none or a customer that names no one is said
//! beside its field; the address only ever holds what the form read, but a hand-edited one
//! is read as strictly and its fault named.

use crate::i18n::journal::{kind_name, pick_error, JournalTexts};
use crate::i18n::{self, fill, Lang};
use crate::ui::form::{Form, Reader, SelectField, TextField};
use crate::ui::route::to;
use crate::ui::use_app;
use chrono::NaiveDate;
use creditdesk_core::base::input::read_optional_date;
use creditdesk_core::decide::Field;
use creditdesk_core::journal::{EntryKind, FilterError, JournalFilter};
use creditdesk_core::ledger::search::{pick, SearchIndex};
use creditdesk_core::ledger::Ledger;
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// How many customers the customer field suggests.
const SUGGESTIONS_MAX: usize = 12;

/// The filter as the address holds it: the customer's number, the actor's name, the kind's
/// tag and the days as `YYYY-MM-DD`; an empty part filters nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalQuery {
    pub customer: String,
    pub actor: String,
    pub kind: String,
    pub from: String,
    pub to: String,
}

impl JournalQuery {
    pub fn from_map(map: &ParamsMap) -> JournalQuery {
        let part = |name: &str| map.get(name).unwrap_or_default();
        JournalQuery {
            customer: part("customer"),
            actor: part("actor"),
            kind: part("kind"),
            from: part("from"),
            to: part("to"),
        }
    }

    pub fn to_url(&self) -> String {
        let parts: Vec<String> = [
            ("customer", &self.customer),
            ("actor", &self.actor),
            ("kind", &self.kind),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", js_sys::encode_uri_component(value)))
        .collect();
        match parts.is_empty() {
            true => "/journal".to_string(),
            false => format!("/journal?{}", parts.join("&")),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == JournalQuery::default()
    }

    /// The filter the address asks for, or what in it cannot be read.
    pub fn filter(&self, lang: Lang, ledger: &Ledger) -> Result<JournalFilter, String> {
        let (t, j) = (lang.texts(), lang.journal());
        let fault = |message: String| fill(j.err_link, &[("message", &message)]);
        let customer = match self.customer.as_str() {
            "" => None,
            number => Some(
                ledger
                    .customer_by_number(number)
                    .ok_or_else(|| fault(fill(j.err_link_customer, &[("number", number)])))?,
            ),
        };
        let kind = match self.kind.as_str() {
            "" => None,
            token => Some(
                EntryKind::from_token(token)
                    .ok_or_else(|| fault(fill(j.err_link_kind, &[("kind", token)])))?,
            ),
        };
        let day = |text: &str| {
            read_optional_date(text).map_err(|error| fault(i18n::typed_error(t, &error)))
        };
        let filter = JournalFilter {
            customer,
            actor: (!self.actor.is_empty()).then(|| self.actor.clone()),
            kind,
            from: day(&self.from)?,
            to: day(&self.to)?,
        };
        filter
            .check()
            .map_err(|error| fault(dates_error(j, error)))?;
        Ok(filter)
    }
}

fn dates_error(j: &JournalTexts, error: FilterError) -> String {
    match error {
        FilterError::DatesReversed { from, to } => fill(
            j.err_dates_reversed,
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
    }
}

/// A newtype so a `Memo` can hold the index: it has no meaningful equality, and it only
/// recomputes when the portfolio changes.
#[derive(Clone, Default)]
struct Index(SearchIndex);

/// What the form's fields hold, as typed.
#[derive(Clone, Copy)]
struct Fields {
    customer: RwSignal<String>,
    actor: RwSignal<String>,
    kind: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
}

impl Fields {
    fn of(query: &JournalQuery) -> Fields {
        Fields {
            customer: RwSignal::new(query.customer.clone()),
            actor: RwSignal::new(query.actor.clone()),
            kind: RwSignal::new(query.kind.clone()),
            from: RwSignal::new(query.from.clone()),
            to: RwSignal::new(query.to.clone()),
        }
    }

    /// Reads every field, so that each fault is said beside its field at once.
    fn read(
        self,
        reader: &mut Reader,
        j: &JournalTexts,
        (ledger, index): (&Ledger, &SearchIndex),
    ) -> Option<JournalQuery> {
        let customer = read_customer(reader, j, (ledger, index), &self.customer.get_untracked());
        let from = reader.optional_date(Field::DayFrom, &self.from.get_untracked());
        let to = reader.optional_date(Field::DayTo, &self.to.get_untracked());
        let (customer, from, to) = (customer?, from?, to?);
        let dates = JournalFilter {
            from,
            to,
            ..JournalFilter::default()
        };
        if let Err(error) = dates.check() {
            reader.refuse(Field::DayTo, dates_error(j, error));
            return None;
        }
        Some(JournalQuery {
            customer,
            actor: self.actor.get_untracked(),
            kind: self.kind.get_untracked(),
            from: from
                .map(|day: NaiveDate| day.to_string())
                .unwrap_or_default(),
            to: to.map(|day| day.to_string()).unwrap_or_default(),
        })
    }
}

/// The customer typed: empty is none; otherwise the number of the one customer it names.
fn read_customer(
    reader: &mut Reader,
    j: &JournalTexts,
    (ledger, index): (&Ledger, &SearchIndex),
    text: &str,
) -> Option<String> {
    if text.trim().is_empty() {
        return Some(String::new());
    }
    match pick(ledger, index, text) {
        Ok(id) => ledger
            .customer(id)
            .map(|customer| customer.details.number.clone()),
        Err(error) => {
            reader.refuse(Field::Customer, pick_error(j, text, error));
            None
        }
    }
}

/// The filter form, filled from the address it was opened with (the page makes it anew when
/// the address changes). Applying it goes to the address of what it read; `applied` runs
/// then, so the page can start again from its first rows.
#[component]
pub fn FilterForm(
    query: JournalQuery,
    actors: Memo<Vec<String>>,
    applied: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let j = move || state.lang.get().journal();
    let form = Form::new();
    let fields = Fields::of(&query);
    let index = Memo::new_with_compare(
        move |_| {
            Index(
                state
                    .portfolio
                    .with(|portfolio| SearchIndex::new(&portfolio.ledger)),
            )
        },
        |_, _| true,
    );
    let navigate = use_navigate();
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let j = state.lang.get_untracked().journal();
        let read = index.with_untracked(|index| {
            state.portfolio.with_untracked(|portfolio| {
                form.read(|reader| fields.read(reader, j, (&portfolio.ledger, &index.0)))
            })
        });
        if let Some(query) = read {
            applied.run(());
            navigate(&query.to_url(), NavigateOptions::default());
        }
    };
    view! {
        <form class="journal-filters" data-testid="journal-filter" on:submit=apply novalidate=true>
            <fieldset>
                <legend>{move || j().filter_title}</legend>
                <TextField label=move || j().filter_customer field=Field::Customer value=fields.customer form testid="filter-customer"
                    hint=move || j().filter_customer_hint list="journal-customers" />
                <Suggestions search=fields.customer index />
                <ActorSelect value=fields.actor actors />
                <KindSelect value=fields.kind />
                <TextField label=move || j().filter_from field=Field::DayFrom value=fields.from form testid="filter-from"
                    hint=move || j().filter_dates_hint />
                <TextField label=move || j().filter_to field=Field::DayTo value=fields.to form testid="filter-to" />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="filter-apply">{move || j().filter_apply}</button>
                    <A href=to("/journal") attr:class="button" attr:data-testid="filter-clear" on:click=move |_| applied.run(())>
                        {move || j().filter_clear}
                    </A>
                </div>
            </fieldset>
        </form>
    }
}

/// The customers the typed text finds, offered under the customer field by number.
#[component]
fn Suggestions(search: RwSignal<String>, index: Memo<Index>) -> impl IntoView {
    let state = use_app();
    let found = move || {
        let text = search.get();
        let ids = index.with(|index| index.0.search(&text, SUGGESTIONS_MAX));
        state.portfolio.with(|portfolio| {
            ids.iter()
                .filter_map(|id| portfolio.ledger.customer(*id))
                .map(|customer| {
                    (
                        customer.details.number.clone(),
                        customer.details.name.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <datalist id="journal-customers">
            {move || found().into_iter().map(|(number, name)| view! { <option value=number>{name}</option> }).collect_view()}
        </datalist>
    }
}

/// Who acted: anyone, or one of the names the journal records.
#[component]
fn ActorSelect(value: RwSignal<String>, actors: Memo<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let j = move || state.lang.get().journal();
    view! {
        <div class="field">
            <label for="f-filter-actor">{move || j().filter_actor}</label>
            <select id="f-filter-actor" data-testid="filter-actor"
                prop:value=move || value.get() on:change=move |event| value.set(event_target_value(&event))>
                <option value="" selected=move || value.with(String::is_empty)>{move || j().filter_anyone}</option>
                {move || actors.get().into_iter().filter(|name| !name.is_empty()).map(|name| {
                    let (chosen, key) = (name.clone(), name.clone());
                    view! { <option value=key selected=move || value.with(|value| *value == chosen)>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The kind of entry: any, or one of every kind, by its name in the user's language.
#[component]
fn KindSelect(value: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let j = move || state.lang.get().journal();
    let mut options = vec![("", TextProp::from(move || j().filter_any_kind))];
    options.extend(
        EntryKind::ALL
            .into_iter()
            .map(|kind| (kind.token(), TextProp::from(move || kind_name(j(), kind)))),
    );
    view! { <SelectField label=move || j().filter_kind value options testid="filter-kind" /> }
}

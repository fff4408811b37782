//! The field-sales credit check (`check.html`): find a customer, type an amount, see the core's
//! decision as you type, and record the order through `PlaceOrder`. The selected customer lives
//! in the URL (`?customer=C000123`) so reload and back work; the search index is built once per
//! portfolio change, never per keystroke.

use crate::check_view::{self, use_view, OrderError, ViewState};
use crate::i18n::{self, fill, vocab, FieldTexts};
use crate::state::AppState;
use crate::ui::check::{follow_check, verdict_label, Outcome, Reasons};
use crate::ui::form::read_amount;
use crate::ui::messages::read_only_message;
use crate::ui::query::Query;
use crate::ui::{decimal, money, percent, storage_message, use_app};
use crate::worker::protocol::OrderInput;
use creditdesk_core::check::CreditCheck;
use creditdesk_core::ledger::search::SearchIndex;
use creditdesk_core::limits::LimitStatus;
use creditdesk_core::limits::Verdict;
use creditdesk_core::team::Role;
use creditdesk_core::{Amount, CustomerId};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// How many customers the search lists.
const RESULTS_MAX: usize = 20;

/// The limit as a line of text: amount, temporary end, lapsed or none.
pub(crate) fn limit_text(f: &FieldTexts, check: &CreditCheck) -> String {
    match &check.limit {
        LimitStatus::None => f.limit_none.to_string(),
        LimitStatus::Lapsed { until, .. } => fill(f.limit_lapsed, &[("until", &until.to_string())]),
        LimitStatus::InForce(limit) => {
            let amount = money(limit.amount, check.currency);
            match limit.until {
                Some(until) => fill(
                    f.limit_temporary,
                    &[("amount", &amount), ("until", &until.to_string())],
                ),
                None => amount,
            }
        }
    }
}

/// A newtype so a `Memo` can hold the index: it has no meaningful equality, and it only
/// recomputes when the view changes.
#[derive(Clone, Default)]
struct Index(SearchIndex);

#[component]
pub fn FieldCheck() -> impl IntoView {
    let state = use_app();
    let view = use_view().view;
    let index = Memo::new_with_compare(
        move |_| Index(view.with(|v| v.as_ref().map(|v| v.search_index()).unwrap_or_default())),
        |_, _| true,
    );
    let query = Query::follow();
    let number = Memo::new(move |_| query.get("customer"));
    let customer = Memo::new(move |_| {
        let number = number.get()?;
        view.with(|v| v.as_ref()?.customer_by_number(number.trim()).map(|c| c.id))
    });
    let search = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    // For the benchmark: the first render of the customer named in the URL.
    Effect::new(move |_| {
        if customer.get().is_some() {
            crate::browser::mark("creditdesk:field-check-rendered");
        }
    });
    view! {
        <section class="field-check" data-testid="field-check">
            <h1>{move || state.lang.get().field().check_title}</h1>
            <SearchBox search index amount query />
            {move || match (customer.get(), number.get()) {
                (Some(id), _) => view! { <CustomerCheck id amount /> }.into_any(),
                (None, Some(number)) => view! {
                    <p class="error" role="alert" data-testid="unknown-customer">
                        {move || fill(state.lang.get().field().unknown_number, &[("number", &number)])}
                    </p>
                }.into_any(),
                (None, None) => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn SearchBox(
    search: RwSignal<String>,
    index: Memo<Index>,
    amount: RwSignal<String>,
    query: Query,
) -> impl IntoView {
    let state = use_app();
    let f = move || state.lang.get().field();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(element) = input.get() {
            let _ = element.focus();
        }
    });
    let results = Memo::new(move |_| {
        let query = search.get();
        index.with(|index| index.0.search(&query, RESULTS_MAX))
    });
    let pick = move |_| {
        search.set(String::new());
        amount.set(String::new());
    };
    view! {
        <div class="field search">
            <label for="f-check-search">{move || f().search_label}</label>
            <input id="f-check-search" type="search" data-testid="check-search" autofocus=true
                autocomplete="off" node_ref=input aria-describedby="f-check-search-hint"
                prop:value=move || search.get() on:input=move |event| search.set(event_target_value(&event)) />
            <small class="hint" id="f-check-search-hint" data-testid="search-hint">{move || search_hint(state)}</small>
        </div>
        <Show when=move || !search.with(|q| q.trim().is_empty())>
            {move || if results.with(Vec::is_empty) {
                view! { <p class="muted" role="status" data-testid="search-none">{f().search_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="results" data-testid="search-results" aria-label=f().results_label>
                        {results.get().into_iter().map(|id| view! { <ResultRow id pick query /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Show>
    }
}

#[component]
fn ResultRow(
    id: CustomerId,
    pick: impl Fn(leptos::ev::MouseEvent) + 'static,
    query: Query,
) -> impl IntoView {
    let state = use_app();
    let (name, number, verdict) = use_view().view.with_untracked(|v| {
        let Some(v) = v.as_ref() else {
            return Default::default();
        };
        let (name, number) = v
            .customer(id)
            .map(|c| (c.name.clone(), c.number.clone()))
            .unwrap_or_default();
        let verdict = v.check_standing(id).map(|check| check.verdict).ok();
        (name, number, verdict)
    });
    let word = move || {
        verdict.map(|verdict| {
            verdict_label(state.lang.get().field(), state.lang.get().vocab(), verdict)
        })
    };
    let tone = verdict.map_or("", Verdict::token);
    let href = format!("check.html?customer={number}");
    let chosen = number.clone();
    // A plain click chooses in place (with a history entry); a modified click opens a tab.
    let choose = move |event: leptos::ev::MouseEvent| {
        if !(event.ctrl_key() || event.meta_key() || event.shift_key()) {
            event.prevent_default();
            query.push("customer", &chosen);
        }
    };
    view! {
        <li class="result" data-testid="search-result" data-verdict=tone on:click=pick>
            <a href=href on:click=choose>
                <span class=format!("dot {tone}") aria-hidden="true"></span>
                <span class="name" data-testid="result-name">{name}</span>
                <span class="number" data-testid="result-number">{number.clone()}</span>
                <span class=format!("word {tone}") data-testid="result-verdict">{word}</span>
            </a>
        </li>
    }
}

#[component]
fn Line(label: String, value: String, testid: &'static str) -> impl IntoView {
    view! {
        <div class="line" data-testid=testid>
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

#[component]
fn CustomerCheck(id: CustomerId, amount: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let (current, outcome) = follow_check(id, amount);
    view! {
        {move || {
            state.lang.track();
            match current.get() {
                Ok(check) => view! { <CustomerCard check /> }.into_any(),
                Err(error) => view! {
                    <p class="error" role="alert">{vocab::check_error(state.lang.get().vocab(), &error)}</p>
                }.into_any(),
            }
        }}
        <VerdictStrip outcome />
        <AmountField id amount />
        {move || {
            state.lang.track();
            match outcome.get() {
                Outcome::Standing | Outcome::BadAmount(_) => ().into_any(),
                Outcome::Refused(error) => view! {
                    <p class="error" role="alert" data-testid="check-error">{vocab::check_error(state.lang.get().vocab(), &error)}</p>
                }.into_any(),
                Outcome::Checked(check) => view! { <VerdictBanner check=*check /> }.into_any(),
            }
        }}
        <OrderForm id amount outcome />
    }
}

#[component]
fn CustomerCard(check: CreditCheck) -> impl IntoView {
    let state = use_app();
    let f = state.lang.get().field();
    let v = state.lang.get().vocab();
    let (name, number, warning) = use_view().view.with_untracked(|v| {
        let Some(v) = v.as_ref() else {
            return Default::default();
        };
        let (name, number) = v
            .customer(check.customer)
            .map(|c| (c.name.clone(), c.number.clone()))
            .unwrap_or_default();
        let warning = v.limits.terms(check.grade).warning_utilisation_percent;
        (name, number, warning)
    });
    let available = match check.available {
        Some(available) => money(available, check.currency),
        None => f.available_none.to_string(),
    };
    let tone = check.verdict.token();
    let has_limit = matches!(check.limit, LimitStatus::InForce(_));
    view! {
        <article class="card" data-testid="customer-card">
            <h2 data-testid="card-name">{name}</h2>
            <dl class="lines">
                <Line label=f.grade.into() value=check.grade.letter().into() testid="card-grade" />
                <Line label=f.limit.into() value=limit_text(f, &check) testid="card-limit" />
                <Line label=f.exposure.into() value=money(check.exposure, check.currency) testid="card-exposure" />
                <Line label=f.available.into() value=available testid="card-available" />
            </dl>
            <p class="muted" data-testid="card-number">{number}</p>
            {has_limit.then(|| view! {
                <p class="muted" data-testid="card-warning">{fill(f.warning_level, &[("percent", &percent(warning))])}</p>
            })}
            <div class=format!("standing {tone}") data-testid="standing" data-verdict=tone>
                <h3>{f.standing}{state.lang.get().common().colon}<span data-testid="standing-verdict">{verdict_label(f, v, check.verdict)}</span></h3>
                <Reasons check=check.clone() testid="standing-reasons" />
            </div>
        </article>
    }
}

#[component]
fn AmountField(id: CustomerId, amount: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let view = use_view().view;
    let f = move || state.lang.get().field();
    let customer_currency = move || view.with(|v| v.as_ref()?.customer(id).map(|c| c.currency()));
    let currency = (view.with_untracked(|v| v.as_ref()?.customer(id).map(|c| c.currency())))
        .map(|currency| currency.code().to_string())
        .unwrap_or_default();
    let error = Memo::new(move |_| {
        let text = amount.get();
        let currency = customer_currency()?;
        if text.trim().is_empty() {
            return None;
        }
        read_amount(&text, currency).err()
    });
    view! {
        <div class="field amount">
            <label for="f-check-amount">{move || fill(f().amount_label, &[("currency", &currency)])}</label>
            <input id="f-check-amount" data-testid="check-amount" inputmode="decimal" autocomplete="off"
                aria-describedby="f-check-amount-error"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=move || amount.get() on:input=move |event| amount.set(event_target_value(&event)) />
            <small class="hint">{move || fill(f().amount_hint, &[("example", &decimal(Decimal::from(50_000), 2))])}</small>
            <small class="field-error" id="f-check-amount-error" role="alert" data-testid="amount-error">
                {move || error.get().map(|error| i18n::amount_error(state.lang.get().common(), &error))}
            </small>
        </div>
    }
}

/// The verdict and what would be left, in one line that sticks to the top of the screen just
/// above the amount: on a phone the keyboard covers everything below the field being typed
/// in, so the answer must be above it. It repeats the banner below for the eye only; the
/// banner is what assistive technology reads.
#[component]
fn VerdictStrip(outcome: Memo<Outcome>) -> impl IntoView {
    let state = use_app();
    move || {
        let Outcome::Checked(check) = outcome.get() else {
            return ().into_any();
        };
        let (f, v) = (state.lang.get().field(), state.lang.get().vocab());
        let tone = check.verdict.token();
        let after = check
            .available_after
            .map(|after| fill(f.strip_after, &[("amount", &money(after, check.currency))]));
        view! {
            <div class=format!("verdict-strip {tone}") aria-hidden="true" data-testid="verdict-strip" data-verdict=tone>
                <span class="verdict-word">{verdict_label(f, v, check.verdict)}</span>
                {after.map(|after| view! { <span class="after">{after}</span> })}
            </div>
        }
        .into_any()
    }
}

#[component]
fn VerdictBanner(check: CreditCheck) -> impl IntoView {
    let state = use_app();
    let f = state.lang.get().field();
    let v = state.lang.get().vocab();
    let tone = check.verdict.token();
    let after = check
        .available_after
        .map(|after| money(after, check.currency));
    let shortfall = (!check.shortfall.is_zero()).then(|| money(check.shortfall, check.currency));
    let utilisation = check.utilisation_percent.map(percent);
    let release = check
        .release_role
        .map(|role| fill(f.release_by, &[("role", vocab::role(v, role))]));
    view! {
        <div class=format!("verdict-banner {tone}") role="status" data-testid="verdict" data-verdict=tone>
            <p class="verdict-word" data-testid="verdict-word">{verdict_label(f, v, check.verdict)}</p>
            <dl class="lines">
                {after.map(|after| view! { <Line label=f.available_after.into() value=after testid="verdict-available-after" /> })}
                {shortfall.map(|shortfall| view! { <Line label=f.shortfall.into() value=shortfall testid="verdict-shortfall" /> })}
                {utilisation.map(|u| view! { <Line label=f.utilisation.into() value=u testid="verdict-utilisation" /> })}
            </dl>
            <Reasons check=check.clone() testid="verdict-reasons" />
            {release.map(|text| view! { <p class="release" data-testid="release-by">{text}</p> })}
        </div>
    }
}

/// The id the next order gets (from the view: the worker decides against the journal, which
/// refuses an id another tab took meanwhile).
fn next_order(view: ViewState) -> creditdesk_core::OrderId {
    view.view.with(|v| {
        v.as_ref()
            .map_or(creditdesk_core::OrderId(1), |v| v.next_order)
    })
}

/// The default order number: `SO-YYYYMMDD-n`, n the next order id (unique, editable).
fn default_order_number(state: AppState, view: ViewState) -> String {
    let today = state.today.get();
    format!("SO-{}-{}", today.format("%Y%m%d"), next_order(view).0)
}

/// Who may release a blocked order, and whether the acting profile may.
type Release = Option<(Role, bool)>;

/// The message when the order was not recorded: a block the acting profile may not release
/// names who may; any other refusal is the worker's words; storage and a busy or read-only
/// page as every form says them.
fn order_refused(state: AppState, error: &OrderError, release: Release) -> String {
    let lang = state.lang.get_untracked();
    match error {
        OrderError::Refused(refusal) if refusal.blocked && !matches!(release, Some((_, true))) => {
            let role = release.map_or(Role::Director, |(role, _)| role);
            let (f, v) = (lang.field(), lang.vocab());
            fill(f.blocked_not_recorded, &[("role", vocab::role(v, role))])
        }
        OrderError::Refused(refusal) => refusal.message.clone(),
        OrderError::Storage(error) => storage_message(lang.rejections(), error),
        OrderError::ReadOnly => read_only_message(lang.rejections()),
        OrderError::Busy => lang.rejections().saving.to_string(),
    }
}

/// The order form's signals (`Copy`, so the submit closure and the view both hold them).
#[derive(Clone, Copy)]
struct OrderSignals {
    amount: RwSignal<String>,
    /// The order number once edited; until then the default.
    number_edit: RwSignal<Option<String>>,
    reason: RwSignal<String>,
    /// A message with the amount it was for: a new amount starts a new attempt.
    error: RwSignal<Option<(String, String)>>,
    done: RwSignal<Option<String>>,
}

impl OrderSignals {
    /// Records the order; says so and clears the form once saved, otherwise keeps the message.
    fn record(self, state: AppState, check: &CreditCheck, id: CustomerId, release: Release) {
        let release_reason = match release {
            Some((_, true)) => Some(self.reason.get_untracked()),
            _ => None,
        };
        let number = self
            .number_edit
            .get_untracked()
            .unwrap_or_else(|| default_order_number(state, use_view()));
        let order = match Amount::try_new(check.order, check.currency) {
            Ok(order) => order,
            Err(error) => {
                let message = i18n::amount_error(state.lang.get_untracked().common(), &error);
                self.error.set(Some((self.amount.get_untracked(), message)));
                return;
            }
        };
        let view = use_view();
        let command = OrderInput {
            id: untrack(|| next_order(view)),
            customer: id,
            number: number.clone(),
            date: state.today.get_untracked(),
            amount: order,
            by: state.acting(),
            release_reason: release_reason.clone(),
        };
        self.done.set(None);
        let typed = self.amount.get_untracked();
        leptos::task::spawn_local(async move {
            let f = state.lang.get_untracked().field();
            match check_view::place_order(state, view, command).await {
                Ok(()) => {
                    let template = match release_reason {
                        Some(_) => f.order_released,
                        None => f.order_recorded,
                    };
                    let amount = money(order.value(), order.currency());
                    let values = [("number", number.as_str()), ("amount", &amount)];
                    self.done.set(Some(fill(template, &values)));
                    self.amount.set(String::new());
                    self.reason.set(String::new());
                    self.number_edit.set(None);
                    self.error.set(None);
                }
                Err(other) => {
                    let message = order_refused(state, &other, release);
                    self.error.set(Some((typed, message)));
                }
            }
        });
    }
}

#[component]
fn OrderForm(id: CustomerId, amount: RwSignal<String>, outcome: Memo<Outcome>) -> impl IntoView {
    let state = use_app();
    let f = move || state.lang.get().field();
    let signals = OrderSignals {
        amount,
        number_edit: RwSignal::new(None),
        reason: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        done: RwSignal::new(None),
    };
    let OrderSignals {
        number_edit,
        reason,
        error,
        done,
        ..
    } = signals;
    let number = move || {
        number_edit
            .get()
            .unwrap_or_else(|| default_order_number(state, use_view()))
    };
    let release = Memo::new(move |_| match outcome.get() {
        Outcome::Checked(check) => check.release_role.map(|role| {
            let allowed = use_view()
                .current_user(state)
                .is_some_and(|user| user.role.covers(role));
            (role, allowed)
        }),
        _ => None,
    });
    let checked = move || matches!(outcome.get(), Outcome::Checked(_));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Outcome::Checked(check) = outcome.get_untracked() {
            signals.record(state, &check, id, release.get_untracked());
        }
    };
    view! {
        {move || done.get().map(|text| view! { <p class="success" role="status" data-testid="order-success">{text}</p> })}
        <Show when=checked>
            <form class="order-form" data-testid="order-form" on:submit=submit>
                <div class="field">
                    <label for="f-order-number">{move || f().order_number}</label>
                    <input id="f-order-number" data-testid="order-number" autocomplete="off"
                        prop:value=number on:input=move |event| number_edit.set(Some(event_target_value(&event))) />
                </div>
                <ReleaseField release reason />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="record-order" disabled=move || state.saving.get()>{move || f().record_order}</button>
                </div>
                {move || error.get().filter(|(typed, _)| amount.with(|now| now == typed)).map(|(_, text)| view! { <p class="error" role="alert" data-testid="order-error">{text}</p> })}
            </form>
        </Show>
    }
}

/// When the check blocks: the release reason if the acting profile may release, otherwise
/// who may.
#[component]
fn ReleaseField(release: Memo<Release>, reason: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let f = move || state.lang.get().field();
    move || {
        release.get().map(|(role, allowed)| {
            let v = state.lang.get().vocab();
            if allowed {
                view! {
                    <div class="field">
                        <label for="f-release-reason">{f().release_reason}</label>
                        <input id="f-release-reason" data-testid="release-reason" autocomplete="off"
                            prop:value=move || reason.get() on:input=move |event| reason.set(event_target_value(&event)) />
                        <small class="hint">{f().release_reason_hint}</small>
                    </div>
                }.into_any()
            } else {
                view! { <p class="muted" data-testid="release-ask">{fill(f().release_ask, &[("role", vocab::role(v, role))])}</p> }.into_any()
            }
        })
    }
}

/// The search hint, with the example from this portfolio that the view carries
/// (`SearchExample`); the fixed hint when no name has a reading.
fn search_hint(state: AppState) -> String {
    let f = state.lang.get().field();
    let example = use_view().view.with(|v| v.as_ref()?.search_example.clone());
    match example {
        Some(example) => fill(
            f.search_hint_example,
            &[
                ("number", &example.number),
                ("name", &example.name),
                ("initials", &example.initials),
            ],
        ),
        None => f.search_hint.to_string(),
    }
}

//! A customer's credit limit: the limit in force with the credit check's standing, the
//! recommended limit with every method's figure and basis, the request form, the pending
//! request's decision, holds and the history. Every figure and rule comes from the core.

use crate::i18n::{self, fill, vocab, DeskTexts, Texts, VocabTexts};
use crate::ui::form::{plain, read_figure, Form, FormError, TextField};
use crate::ui::route::to;
use crate::ui::route::with_route_customer;
use crate::ui::{money, percent, use_app, user_name, Figure};
use chrono::NaiveDate;
use creditdesk_core::check::{check_order, CreditCheck};
use creditdesk_core::credit::score::{score, score_inputs};
use creditdesk_core::decide::approval_role;
use creditdesk_core::decide::{Command, Field};
use creditdesk_core::limits::{
    limit_events, limit_status, recommend, requests_of, LimitEvent, LimitMethod, LimitStatus,
    MethodBasis, MethodFigure, RequestStatus,
};
use creditdesk_core::policy::Grade;
use creditdesk_core::{Amount, Currency, Customer, CustomerId, Money, NonNegative, Portfolio};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

#[component]
pub fn LimitPage() -> impl IntoView {
    with_route_customer(|portfolio, customer, today| {
        limit_view(portfolio, customer, today).into_any()
    })
}

fn limit_view(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let state = use_app();
    let d = state.lang.get().desk();
    let policy = portfolio.policy_on(today);
    let grade = score(
        &score_inputs(&portfolio.ledger, &portfolio.credit, customer, today),
        &policy,
    )
    .grade;
    let id = customer.id;
    let currency = customer.details.currency;
    let base = format!("/customers/{}", id.0);
    let pending = requests_of(&portfolio.limits, customer.id)
        .find(|request| request.status == RequestStatus::Pending)
        .map(|request| request.id);
    let suggested = recommend(
        &portfolio.ledger,
        &portfolio.credit,
        customer,
        &policy,
        grade,
        today,
        None,
    )
    .amount
    .map(plain)
    .unwrap_or_default();
    view! {
        <section data-testid="limit-page">
            <div class="title-row">
                <h1>{fill(d.limit_title, &[("name", &customer.details.name)])}</h1>
                <A href=to(&base) attr:class="button">{d.back_to_customer}</A>
            </div>
            {status_card(portfolio, customer, today, grade)}
            <Recommended customer=id grade=grade today=today />
            {match pending {
                Some(request) => view! { <PendingPanel request=request grade=grade /> }.into_any(),
                None => view! { <RequestForm customer=id currency=currency suggested=suggested /> }.into_any(),
            }}
            <HoldPanel customer=id />
            {history(portfolio, customer, today)}
        </section>
    }
}

/// The limit in force and the credit check's standing for an order of zero.
fn status_card(
    portfolio: &Portfolio,
    customer: &Customer,
    today: NaiveDate,
    grade: Grade,
) -> impl IntoView {
    let state = use_app();
    let (d, v, t) = (
        state.lang.get().desk(),
        state.lang.get().vocab(),
        state.texts(),
    );
    let currency = customer.details.currency;
    let policy = portfolio.policy_on(today);
    let check = check_order(
        portfolio,
        &policy,
        customer.id,
        &Money::zero(currency),
        today,
    )
    .ok();
    let status = limit_status(&portfolio.limits, customer.id, today);
    let (kind, amount, details) = limit_summary(portfolio, &status, d, v);
    let rows = details
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    let check_view = check.map(|check| check_summary(check, currency));
    view! {
        <div class="card" data-testid="limit-status">
            <h2>{d.limit_in_force}</h2>
            <p><strong data-testid="limit-kind">{kind}</strong>" · "{t.grade}" "{grade.letter()}</p>
            <div class="figures">
                <Figure label=d.limit_amount.into() value=amount.map_or("—".to_string(), |a| money(a, currency)) testid="limit-amount" />
            </div>
            <dl class="master">{rows}</dl>
            {check_view}
        </div>
    }
}

/// The limit's kind, amount and dates, by what the core says is in force.
fn limit_summary(
    portfolio: &Portfolio,
    status: &LimitStatus,
    d: &'static DeskTexts,
    v: &'static VocabTexts,
) -> (String, Option<Decimal>, Vec<(&'static str, String)>) {
    match status {
        LimitStatus::None => (v.limit_none.to_string(), None, Vec::new()),
        LimitStatus::Lapsed { amount, until, .. } => (
            v.limit_lapsed.to_string(),
            Some(*amount),
            vec![(d.last_day, until.to_string())],
        ),
        LimitStatus::InForce(limit) => {
            let kind = match limit.until {
                Some(until) => fill(v.limit_temporary, &[("until", &until.to_string())]),
                None => v.limit_standing.to_string(),
            };
            let approval_grade = portfolio
                .limits
                .request(limit.request)
                .and_then(|request| match &request.status {
                    RequestStatus::Approved { grade, .. } => Some(grade.letter()),
                    _ => None,
                })
                .unwrap_or("—");
            let dates = vec![
                (d.approved_on, limit.approved_on.to_string()),
                (d.review_on, limit.review_on.to_string()),
                (d.grade_at_approval, approval_grade.to_string()),
            ];
            (kind, Some(limit.amount), dates)
        }
    }
}

/// The credit check's standing for an order of zero: figures, verdict, reasons, who releases.
fn check_summary(check: CreditCheck, currency: Currency) -> impl IntoView {
    let state = use_app();
    let (d, v, t) = (
        state.lang.get().desk(),
        state.lang.get().vocab(),
        state.texts(),
    );
    let verdict = check.verdict;
    let reasons = check
        .reasons
        .iter()
        .map(|reason| view! { <li>{vocab::check_reason(v, reason, currency)}</li> })
        .collect_view();
    let available = check
        .available
        .map_or("—".to_string(), |value| money(value, currency));
    let utilisation = check.utilisation_percent.map_or("—".to_string(), percent);
    let release = check.release_role.map(|role| {
        view! { <p class="muted">{fill(v.release_by, &[("role", vocab::role(v, role))])}</p> }
    });
    view! {
        <div class="figures">
            <Figure label=t.exposure.into() value=money(check.exposure, currency) testid="limit-exposure" />
            <Figure label=d.available.into() value=available testid="limit-available" />
            <Figure label=d.utilisation.into() value=utilisation testid="limit-utilisation" />
        </div>
        <p>
            <span class=format!("chip verdict-{}", verdict.token()) data-testid="verdict">{vocab::verdict(v, verdict)}</span>
        </p>
        <ul class="reasons" data-testid="check-reasons">{reasons}</ul>
        {release}
    }
}

/// The explanation of one method's figure, in words with its numbers.
fn basis_text(t: &Texts, d: &DeskTexts, figure: &MethodFigure, currency: Currency) -> String {
    match &figure.basis {
        MethodBasis::TradingNeed {
            monthly_purchases: Some(monthly),
            entered,
            terms_days,
            grace_days,
        } => {
            let source = if *entered {
                d.basis_entered
            } else {
                d.basis_history
            };
            let (terms, grace) = (terms_days.to_string(), grace_days.to_string());
            let values = [
                ("monthly", money(*monthly, currency)),
                ("terms", terms),
                ("grace", grace),
            ];
            let values = values.each_ref().map(|(key, value)| (*key, value.as_str()));
            fill(
                t.with_note,
                &[("text", &fill(d.basis_trading, &values)), ("note", source)],
            )
        }
        MethodBasis::TradingNeed { .. } => d.basis_trading_none.to_string(),
        MethodBasis::FinancialCapacity {
            net_worth,
            net_worth_percent,
            working_capital,
            working_capital_percent,
            period_end,
        } => {
            let parts = [
                (d.basis_net_worth, *net_worth, *net_worth_percent),
                (
                    d.basis_working_capital,
                    *working_capital,
                    *working_capital_percent,
                ),
            ];
            capacity_text(d, &parts, *period_end, currency)
        }
        MethodBasis::Agency {
            agency: Some(agency),
            report_date,
        } => {
            let date = report_date.map(|date| date.to_string()).unwrap_or_default();
            if figure.amount.is_some() {
                fill(d.basis_agency, &[("agency", agency), ("date", &date)])
            } else {
                fill(d.basis_agency_none, &[("agency", agency), ("date", &date)])
            }
        }
        MethodBasis::Agency { .. } => d.basis_no_report.to_string(),
        MethodBasis::GradeMaximum {
            grade,
            limit_max_base,
            base_currency,
        } => fill(
            d.basis_grade_max,
            &[
                ("grade", grade.letter()),
                ("amount", &money(*limit_max_base, *base_currency)),
            ],
        ),
        MethodBasis::NoRate { currency } => fill(d.basis_no_rate, &[("currency", currency.code())]),
    }
}

/// Financial capacity's basis: each share of tangible net worth and working capital there is,
/// with the statement's date.
fn capacity_text(
    d: &DeskTexts,
    parts: &[(&str, Option<Decimal>, Decimal)],
    period_end: Option<NaiveDate>,
    currency: Currency,
) -> String {
    let parts: Vec<String> = parts
        .iter()
        .filter_map(|(template, value, percent)| {
            let percent = crate::ui::percent(*percent);
            value.map(|value| {
                fill(
                    template,
                    &[("amount", &money(value, currency)), ("percent", &percent)],
                )
            })
        })
        .collect();
    match period_end {
        None => d.basis_no_statement.to_string(),
        Some(_) if parts.is_empty() => d.basis_statement_incomplete.to_string(),
        Some(end) => fill(
            d.basis_capacity,
            &[
                ("parts", &parts.join(d.basis_and)),
                ("date", &end.to_string()),
            ],
        ),
    }
}

fn method_token(method: LimitMethod) -> &'static str {
    match method {
        LimitMethod::TradingNeed => "trading",
        LimitMethod::FinancialCapacity => "capacity",
        LimitMethod::Agency => "agency",
        LimitMethod::GradeMaximum => "grade-max",
    }
}

/// The recommended limit; "expected monthly purchases" replaces history live (saves nothing).
/// It is read as it is typed, as the forms read an amount: in the user's number format.
#[component]
fn Recommended(customer: CustomerId, grade: Grade, today: NaiveDate) -> impl IntoView {
    let state = use_app();
    let monthly = RwSignal::new(String::new());
    let entered = move || read_figure(&monthly.get());
    let monthly_error = move || {
        entered()
            .err()
            .map(|error| i18n::amount_error(state.texts(), &error))
    };
    let card = move || {
        let d = state.lang.get().desk();
        let v = state.lang.get().vocab();
        let typed = entered().ok().flatten();
        state.portfolio.with(|portfolio| {
            let account = portfolio.ledger.customer(customer)?;
            let currency = account.details.currency;
            let found = recommend(&portfolio.ledger, &portfolio.credit, account, &portfolio.policy_on(today), grade, today, typed);
            let rows = found
                .methods
                .iter()
                .map(|figure| {
                    let binding = found.bound_by == Some(figure.method);
                    view! {
                        <tr class:binding=binding data-testid=format!("method-{}", method_token(figure.method))>
                            <th scope="row">{vocab::method(v, figure.method)}
                                {binding.then(|| view! { " " <span class="chip binding-chip" data-testid="binding">{d.binding}</span> })}
                            </th>
                            <td class="num" data-testid="figure">{figure.amount.map_or(d.no_data.to_string(), |a| money(a, currency))}</td>
                            <td data-testid="basis">{basis_text(state.texts(), d, figure, currency)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let combined = found
                .combined
                .map_or(d.no_data.to_string(), |value| money(value, currency));
            Some(view! {
                <div class="table-wrap">
                    <table class="list" data-testid="methods">
                        <thead><tr>
                            <th scope="col">{d.method}</th>
                            <th scope="col" class="num">{d.figure}</th>
                            <th scope="col">{d.basis}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p data-testid="combination">{fill(d.combination_line, &[("rule", vocab::combination(v, found.combination)), ("amount", &combined)])}</p>
                <p data-testid="cap">{fill(d.cap_line, &[("grade", found.grade.letter())])}</p>
                <p data-testid="rounding">{fill(d.rounding_line, &[("step", &money(found.rounding_step, currency))])}</p>
                <p class="recommended">{d.recommended}{state.texts().colon}
                    <strong data-testid="recommended-amount">{found.amount.map_or(d.no_data.to_string(), |a| money(a, currency))}</strong>
                </p>
            })
        })
    };
    view! {
        <div class="card" data-testid="recommended">
            <h2>{move || state.lang.get().desk().recommended_title}</h2>
            <div class="field">
                <label for="d-monthly">{move || state.lang.get().desk().expected_monthly}</label>
                <input id="d-monthly" type="text" inputmode="decimal" data-testid="expected-monthly"
                    prop:value=move || monthly.get() on:input=move |event| monthly.set(event_target_value(&event)) />
                <small class="hint">{move || state.lang.get().desk().expected_monthly_hint}</small>
                <small class="field-error" data-testid="expected-monthly-error" role="alert">{monthly_error}</small>
            </div>
            {card}
        </div>
    }
}

#[component]
fn RequestForm(customer: CustomerId, currency: Currency, suggested: String) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let amount = RwSignal::new(suggested);
    let reason = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let form = Form::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let read = form.read(|reader| {
            let typed = reader.optional_amount(Field::Amount, &amount.get_untracked());
            let typed = match typed {
                Some(Some(value)) => match Amount::<NonNegative>::try_new(value, currency) {
                    Ok(limit) => Some(limit),
                    Err(error) => {
                        reader.refuse(Field::Amount, i18n::limit_error(reader.t, &error));
                        None
                    }
                },
                Some(None) => {
                    reader.refuse(Field::Amount, reader.t.err_amount_empty.to_string());
                    None
                }
                None => None,
            };
            let text = reader.text(Field::Reason, &reason.get_untracked());
            let last_day = reader.optional_date(Field::Until, &until.get_untracked());
            Some((typed?, text?, last_day?))
        });
        let Some((money_typed, text, last_day)) = read else {
            return;
        };
        let command = Command::RequestLimit {
            id: state.portfolio.with_untracked(|p| p.next_ids().request),
            customer,
            date: state.today.get_untracked(),
            by: state.acting(),
            amount: money_typed,
            reason: text,
            until: last_day,
        };
        form.submit(command, || {});
    };
    view! {
        <form class="form card" data-testid="request-form" on:submit=on_submit novalidate>
            <h2>{move || d().request_title}</h2>
            <TextField label=move || fill(state.texts().with_note, &[("text", d().request_amount), ("note", currency.code())]) value=amount form field=Field::Amount testid="request-amount" />
            <TextField label=move || d().reason value=reason form field=Field::Reason testid="request-reason" />
            <TextField label=move || d().until value=until form field=Field::Until testid="request-until" hint=move || d().until_hint />
            <FormError form />
            <div class="actions">
                <button type="submit" class="primary" data-testid="request-submit" disabled=move || state.saving.get()>{move || d().request_submit}</button>
            </div>
        </form>
    }
}

#[component]
fn PendingPanel(request: creditdesk_core::RequestId, grade: Grade) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let comment = RwSignal::new(String::new());
    let form = Form::new();
    let decide = move |approve: bool| {
        let (date, by, text) = (
            state.today.get_untracked(),
            state.acting(),
            comment.get_untracked(),
        );
        let command = if approve {
            Command::ApproveLimit {
                request,
                date,
                by,
                comment: text,
            }
        } else {
            Command::RejectLimit {
                request,
                date,
                by,
                comment: text,
            }
        };
        form.submit(command, || {});
    };
    let summary = move || {
        let v = state.lang.get().vocab();
        state.portfolio.with(|portfolio| {
            let found = portfolio.limits.request(request)?;
            let policy = portfolio.policy_on(state.today.get());
            let role = approval_role(&policy, &found.amount.money(), grade);
            Some(view! {
                <dl class="master" data-testid="pending-request">
                    <dt>{d().requester}</dt><dd data-testid="pending-requester">{user_name(portfolio, found.by)}</dd>
                    <dt>{d().requested_on}</dt><dd>{found.date.to_string()}</dd>
                    <dt>{d().request_amount}</dt><dd data-testid="pending-amount">{money(found.amount.value(), found.amount.currency())}</dd>
                    <dt>{d().until}</dt><dd>{found.until.map_or(d().standing.to_string(), |u| u.to_string())}</dd>
                    <dt>{d().reason}</dt><dd>{found.reason.clone()}</dd>
                    <dt>{d().required_role}</dt><dd data-testid="pending-role">{vocab::role(v, role)}</dd>
                </dl>
            })
        })
    };
    view! {
        <form class="form card" data-testid="decision-form" on:submit=move |event| { event.prevent_default(); decide(true) } novalidate>
            <h2>{move || d().pending_title}</h2>
            {summary}
            <p class="hint">{move || d().four_eyes_hint}</p>
            <TextField label=move || d().comment value=comment form field=Field::Comment testid="decision-comment" />
            <FormError form />
            <div class="actions">
                <button type="submit" class="primary" data-testid="approve" disabled=move || state.saving.get()>{move || d().approve}</button>
                <button type="button" data-testid="reject" disabled=move || state.saving.get() on:click=move |_| decide(false)>{move || d().reject}</button>
            </div>
        </form>
    }
}

#[component]
fn HoldPanel(customer: CustomerId) -> impl IntoView {
    let state = use_app();
    let d = move || state.lang.get().desk();
    let reason = RwSignal::new(String::new());
    let form = Form::new();
    let hold = move || {
        state.portfolio.with(|portfolio| {
            portfolio.limits.hold(customer).cloned().map(|change| {
                let by = user_name(portfolio, change.by);
                (change, by)
            })
        })
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (date, by, text) = (
            state.today.get_untracked(),
            state.acting(),
            reason.get_untracked(),
        );
        let command = if hold().is_some() {
            Command::ReleaseHold {
                customer,
                date,
                by,
                reason: text,
            }
        } else {
            Command::PlaceHold {
                customer,
                date,
                by,
                reason: text,
            }
        };
        form.submit(command, move || {
            reason.try_set(String::new());
        });
    };
    view! {
        <form class="form card" data-testid="hold-form" on:submit=on_submit novalidate>
            <h2>{move || d().hold_title}</h2>
            <p data-testid="hold-state">{move || match hold() {
                Some((change, by)) => fill(d().on_hold_since, &[("date", &change.date.to_string()), ("by", &by), ("reason", &change.reason)]),
                None => d().not_on_hold.to_string(),
            }}</p>
            <TextField label=move || d().reason value=reason form field=Field::Reason testid="hold-reason" />
            <FormError form />
            <div class="actions">
                <button type="submit" data-testid="hold-submit" disabled=move || state.saving.get()>
                    {move || if hold().is_some() { d().release_hold } else { d().place_hold }}
                </button>
            </div>
        </form>
    }
}

/// One line of the history table.
struct HistoryLine {
    date: NaiveDate,
    /// Orders lines of one day: holds and releases above limit events, and limit events by
    /// request then by step (the core's list ties same-day events of different requests).
    order: (u8, u32),
    what: String,
    who: String,
    amount: String,
    comment: String,
}

/// Limit events, holds and released orders of the customer, newest first.
fn history(portfolio: &Portfolio, customer: &Customer, today: NaiveDate) -> impl IntoView {
    let state = use_app();
    let d = state.lang.get().desk();
    let mut lines: Vec<HistoryLine> = limit_events(&portfolio.limits, customer.id, today)
        .into_iter()
        .filter_map(|event| event_line(portfolio, d, &event))
        .collect();
    lines.extend(hold_lines(portfolio, customer, d));
    lines.extend(release_lines(portfolio, customer, d));
    lines.sort_by_key(|line| std::cmp::Reverse((line.date, line.order)));
    let empty = lines.is_empty();
    let rows = lines
        .into_iter()
        .map(|line| {
            view! {
                <tr>
                    <td>{line.date.to_string()}</td>
                    <td>{line.what}</td>
                    <td>{line.who}</td>
                    <td class="num">{line.amount}</td>
                    <td>{line.comment}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{d.history_title}</h2>
        <div class="table-wrap">
            <table class="list" data-testid="limit-history">
                <thead><tr>
                    <th scope="col">{d.col_date}</th>
                    <th scope="col">{d.col_event}</th>
                    <th scope="col">{d.col_who}</th>
                    <th scope="col" class="num">{d.col_amount}</th>
                    <th scope="col">{d.col_comment}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p>{d.history_empty}</p> })}
    }
}

/// Holds placed and released.
fn hold_lines(portfolio: &Portfolio, customer: &Customer, d: &DeskTexts) -> Vec<HistoryLine> {
    let log = portfolio.limits.hold_log(customer.id);
    log.iter()
        .enumerate()
        .map(|(index, change)| HistoryLine {
            date: change.date,
            order: (1, index as u32),
            what: if change.placed {
                d.ev_hold_placed
            } else {
                d.ev_hold_released
            }
            .to_string(),
            who: user_name(portfolio, change.by),
            amount: String::new(),
            comment: change.reason.clone(),
        })
        .collect()
}

/// Orders released past a block.
fn release_lines(portfolio: &Portfolio, customer: &Customer, d: &DeskTexts) -> Vec<HistoryLine> {
    let currency = customer.details.currency;
    customer
        .orders
        .iter()
        .filter_map(|id| portfolio.ledger.order(*id))
        .filter_map(|order| {
            let release = portfolio.limits.release(order.id)?;
            Some(HistoryLine {
                date: release.date,
                order: (1, order.id.0),
                what: fill(d.ev_order_released, &[("number", &order.number)]),
                who: user_name(portfolio, release.by),
                amount: money(order.amount.value(), currency),
                comment: release.reason.clone(),
            })
        })
        .collect()
}

fn event_line(portfolio: &Portfolio, d: &DeskTexts, event: &LimitEvent) -> Option<HistoryLine> {
    let (id, date) = match event {
        LimitEvent::Requested { request, date }
        | LimitEvent::Approved { request, date }
        | LimitEvent::Rejected { request, date }
        | LimitEvent::Lapsed { request, date } => (*request, *date),
    };
    let request = portfolio.limits.request(id)?;
    let amount = money(request.amount.value(), request.amount.currency());
    let kind = match request.until {
        Some(until) => fill(d.temporary_until, &[("until", &until.to_string())]),
        None => d.standing.to_string(),
    };
    let step = match event {
        LimitEvent::Requested { .. } => 0,
        LimitEvent::Approved { .. } | LimitEvent::Rejected { .. } => 1,
        LimitEvent::Lapsed { .. } => 2,
    };
    let (what, who, comment) = match (event, &request.status) {
        (LimitEvent::Requested { .. }, _) => (
            fill(d.ev_requested, &[("kind", &kind)]),
            user_name(portfolio, request.by),
            request.reason.clone(),
        ),
        (LimitEvent::Approved { .. }, RequestStatus::Approved { by, comment, .. }) => (
            d.ev_approved.to_string(),
            user_name(portfolio, *by),
            comment.clone(),
        ),
        (LimitEvent::Rejected { .. }, RequestStatus::Rejected { by, comment, .. }) => (
            d.ev_rejected.to_string(),
            user_name(portfolio, *by),
            comment.clone(),
        ),
        (LimitEvent::Lapsed { .. }, _) => (
            d.ev_lapsed.to_string(),
            String::new(),
            request
                .lapse_recorded
                .map(|on| fill(d.lapse_journalled, &[("date", &on.to_string())]))
                .unwrap_or_default(),
        ),
        _ => return None,
    };
    Some(HistoryLine {
        date,
        order: (0, id.0.saturating_mul(4).saturating_add(step)),
        what,
        who,
        amount,
        comment,
    })
}

//! The customer list (issue 9): its limit, utilisation, grade and hold columns, the views the
//! list and the overview's links share (search, currency, criteria), the sorts, and — over demo
//! S — that every overview figure is what its link's view of the list adds up to.

mod common;

use common::*;
use creditdesk_core::check::check_order;
use creditdesk_core::credit::score::{grade_drops, score, score_inputs};
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::ledger::reports::{portfolio_summary, AgingBuckets, CustomerRow};
use creditdesk_core::limits::list::*;
use creditdesk_core::limits::CheckReason;
use creditdesk_core::policy::Grade;
use creditdesk_core::team::Role;
use creditdesk_core::*;
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------------
// The columns, from a journal
// ---------------------------------------------------------------------------------------------

fn add_user(ledger: &mut Ledger, name: &str, role: Role) -> UserId {
    let id = ledger.state.next_ids().user;
    ledger.run(Command::AddUser {
        id,
        name: name.to_string(),
        role,
        by: (id != UserId(1)).then_some(UserId(1)),
    });
    id
}

/// A limit requested by `by_request` and approved by `by_approval` (four eyes).
fn grant(
    ledger: &mut Ledger,
    (customer, amount): (CustomerId, Amount<NonNegative>),
    (requested, approved): (&str, &str),
    until: Option<&str>,
    (by_request, by_approval): (UserId, UserId),
) {
    let id = ledger.state.next_ids().request;
    ledger.run(Command::RequestLimit {
        id,
        customer,
        date: date(requested),
        by: by_request,
        amount,
        reason: "trade".to_string(),
        until: until.map(date),
    });
    ledger.run(Command::ApproveLimit {
        request: id,
        date: date(approved),
        by: by_approval,
        comment: String::new(),
    });
}

/// Four customers as of 2026-06-30: 上海华信 exposure ¥800 (open 600 + order 200) under a
/// ¥1,000 limit; Blue Ridge USD 1,000 overdue under USD 600; blue star ¥300 whose temporary
/// ¥200 limit ran out on 06-15, on hold; Apex with nothing, its line closed at ¥0.
fn journal() -> Ledger {
    let mut ledger = Ledger::default();
    let director = add_user(&mut ledger, "Chen Jie", Role::Director);
    let manager = add_user(&mut ledger, "Li Na", Role::Manager);
    let shanghai = ledger.register("C000001", "上海华信机械有限公司", Currency::CNY, 30);
    let ridge = ledger.register("C000002", "Blue Ridge Trading Ltd", Currency::USD, 30);
    let star = ledger.register("C000003", "blue star GmbH", Currency::CNY, 30);
    let apex = ledger.register("C000004", "Apex Works Inc.", Currency::CNY, 30);
    ledger.invoice_due(shanghai, "S1", "2026-05-01", Some("2026-06-20"), cny("500"));
    ledger.invoice_due(shanghai, "S2", "2026-06-01", Some("2026-07-20"), cny("100"));
    ledger.order(shanghai, "2026-06-25", cny("200"));
    let usd = |text| money(text, Currency::USD);
    ledger.invoice_due(ridge, "R1", "2026-03-01", Some("2026-03-22"), usd("1000"));
    ledger.invoice_due(star, "B1", "2026-06-01", Some("2026-07-01"), cny("300"));
    ledger.pay(star, "2026-06-15", cny("50"), AllocationChoice::Unapplied);
    let people = (manager, director);
    let cny_limit = |text| limit(text, Currency::CNY);
    grant(
        &mut ledger,
        (shanghai, cny_limit("1000")),
        ("2026-02-01", "2026-02-02"),
        None,
        people,
    );
    let usd_limit = limit("600", Currency::USD);
    grant(
        &mut ledger,
        (ridge, usd_limit),
        ("2026-02-01", "2026-02-02"),
        None,
        people,
    );
    let until = Some("2026-06-15");
    grant(
        &mut ledger,
        (star, cny_limit("200")),
        ("2026-05-01", "2026-05-02"),
        until,
        people,
    );
    grant(
        &mut ledger,
        (apex, cny_limit("0")),
        ("2026-05-01", "2026-05-02"),
        None,
        people,
    );
    ledger.run(Command::PlaceHold {
        customer: star,
        date: date("2026-06-20"),
        by: manager,
        reason: "cheque returned".to_string(),
    });
    ledger
}

#[test]
fn rows_carry_the_limit_in_force_its_utilisation_the_grade_and_the_hold() {
    let ledger = journal();
    let as_of = date("2026-06-30");
    let rows = list_rows(ledger.state.list_sources(), as_of);
    // (number, limit, utilisation, over limit, on hold)
    type Columns<'a> = (&'a str, Option<Decimal>, Option<Decimal>, bool, bool);
    let columns: Vec<Columns> = rows
        .iter()
        .map(|r| {
            (
                r.ledger.number.as_str(),
                r.limit,
                r.utilisation_percent,
                r.over_limit,
                r.on_hold,
            )
        })
        .collect();
    assert_eq!(
        columns,
        vec![
            // 800 ÷ 1,000 = 80.0 %.
            (
                "C000001",
                Some(dec("1000")),
                Some(dec("80.0")),
                false,
                false
            ),
            // 1,000 ÷ 600 = 166.66… %, one decimal.
            ("C000002", Some(dec("600")), Some(dec("166.7")), true, false),
            // The temporary limit lapsed: no limit, so neither utilisation nor "over".
            ("C000003", None, None, false, true),
            // A closed line (zero) has no utilisation; nothing owed is not over it.
            ("C000004", Some(dec("0")), None, false, false),
        ]
    );
    let policy = ledger.state.policy_on(as_of);
    for (row, customer) in rows.iter().zip(&ledger.state.ledger.customers) {
        let inputs = score_inputs(&ledger.state.ledger, &ledger.state.credit, customer, as_of);
        assert_eq!(
            row.grade,
            score(&inputs, &policy).grade,
            "{}",
            row.ledger.number
        );
        assert_eq!(row.grade_before, None, "month-end grades only when asked");
    }
    // The same figures the order check shows with no order.
    for row in &rows {
        let check = check_order(
            &ledger.state,
            &policy,
            row.id(),
            &Money::zero(row.ledger.currency),
            as_of,
        )
        .expect("a known customer");
        assert_eq!(
            check.utilisation_percent, row.utilisation_percent,
            "{}",
            row.ledger.number
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Views and sorts, from rows written out by hand
// ---------------------------------------------------------------------------------------------

fn row(number: &str, name: &str, currency: Currency) -> ListRow {
    ListRow {
        ledger: CustomerRow {
            id: CustomerId(number[1..].parse().expect("C and digits")),
            number: number.to_string(),
            name: name.to_string(),
            currency,
            balance: Decimal::ZERO,
            overdue: Decimal::ZERO,
            days_overdue_max: 0,
            exposure: Decimal::ZERO,
            open_orders: Decimal::ZERO,
            disputed: Decimal::ZERO,
            unapplied: Decimal::ZERO,
        },
        limit: None,
        utilisation_percent: None,
        over_limit: false,
        grade: Grade::C,
        grade_before: None,
        on_hold: false,
    }
}

/// 0 上海华信: overdue ¥500, limit ¥1,000 at 80 %, grade B (A at month end), open orders.
/// 1 Blue Ridge: USD 1,000 overdue, limit USD 600 at 166.7 %, over, grade D, disputed.
/// 2 blue star: ¥250, on hold, grade C (C at month end), unapplied cash.
/// 3 Apex: nothing, limit ¥0, grade E.
fn rows() -> Vec<ListRow> {
    let mut shanghai = row("C000001", "上海华信机械有限公司", Currency::CNY);
    shanghai.ledger.balance = dec("600");
    shanghai.ledger.overdue = dec("500");
    shanghai.ledger.days_overdue_max = 10;
    shanghai.ledger.open_orders = dec("200");
    (shanghai.limit, shanghai.utilisation_percent) = (Some(dec("1000")), Some(dec("80.0")));
    (shanghai.grade, shanghai.grade_before) = (Grade::B, Some(Grade::A));
    let mut ridge = row("C000002", "Blue Ridge Trading Ltd", Currency::USD);
    ridge.ledger.balance = dec("1000");
    ridge.ledger.overdue = dec("1000");
    ridge.ledger.days_overdue_max = 100;
    ridge.ledger.disputed = dec("100");
    (ridge.limit, ridge.utilisation_percent, ridge.over_limit) =
        (Some(dec("600")), Some(dec("166.7")), true);
    (ridge.grade, ridge.grade_before) = (Grade::D, Some(Grade::D));
    let mut star = row("C000003", "blue star GmbH", Currency::CNY);
    star.ledger.balance = dec("250");
    star.ledger.unapplied = dec("50");
    (star.on_hold, star.grade, star.grade_before) = (true, Grade::C, Some(Grade::C));
    let mut apex = row("C000004", "Apex Works Inc.", Currency::CNY);
    (apex.limit, apex.grade, apex.grade_before) = (Some(dec("0")), Grade::E, Some(Grade::D));
    vec![shanghai, ridge, star, apex]
}

/// USD 7.10 per CNY, no other rate.
fn to_base(amount: Decimal, currency: Currency) -> Option<Decimal> {
    match currency.code() {
        "CNY" => Some(amount),
        "USD" => Some(amount * dec("7.10")),
        _ => None,
    }
}

fn view(text: &str, currency: Option<Currency>, criteria: &[Criterion]) -> CustomerFilter {
    criteria.iter().fold(
        CustomerFilter {
            text: text.to_string(),
            currency,
            criteria: Vec::new(),
        },
        |filter, criterion| filter.with(*criterion),
    )
}

#[test]
fn views_filter_by_text_currency_and_every_criterion() {
    use Criterion::*;
    let rows = rows();
    let cny = Some(Currency::CNY);
    // (text, currency, criteria, the rows shown by name)
    type Case<'a> = (&'a str, Option<Currency>, &'a [Criterion], &'a [usize]);
    let cases: &[Case] = &[
        ("", None, &[], &[3, 1, 2, 0]),
        ("BLUE", None, &[], &[1, 2]),
        ("  blue ridge ", None, &[], &[1]),
        ("c000003", None, &[], &[2]),
        ("华信", None, &[], &[0]),
        ("shhx", None, &[], &[0]),
        ("nobody", None, &[], &[]),
        ("", cny, &[], &[3, 2, 0]),
        ("", Some(Currency::EUR), &[], &[]),
        ("", None, &[Overdue], &[1, 0]),
        ("", cny, &[Overdue], &[0]),
        ("blue", None, &[Overdue], &[1]),
        ("", None, &[OnHold], &[2]),
        ("", None, &[OverLimit], &[1]),
        ("", None, &[GradeDropped], &[3, 0]),
        ("", None, &[OpenOrders], &[0]),
        ("", None, &[Disputed], &[1]),
        ("", None, &[Unapplied], &[2]),
        ("", None, &[Overdue, OverLimit], &[1]),
        ("", None, &[OnHold, Overdue], &[]),
    ];
    for (text, currency, criteria, expected) in cases {
        let filter = view(text, *currency, criteria);
        let selected = select_customers(&rows, &filter, CustomerSort::Name, &to_base);
        assert_eq!(selected, expected.to_vec(), "{filter:?}");
        assert_eq!(filter.count(&rows), expected.len(), "{filter:?}");
    }
    // Rows asked without the month-end grades never count as dropped.
    let mut unmarked = rows.clone();
    unmarked.iter_mut().for_each(|row| row.grade_before = None);
    assert_eq!(view("", None, &[GradeDropped]).count(&unmarked), 0);
}

#[test]
fn criteria_are_kept_sorted_once_and_can_be_taken_off() {
    use Criterion::*;
    let filter = CustomerFilter::default()
        .with(OnHold)
        .with(Overdue)
        .with(OnHold);
    assert_eq!(filter.criteria, vec![Overdue, OnHold]);
    assert_eq!(filter, CustomerFilter::default().with(Overdue).with(OnHold));
    assert!(filter.requires(OnHold));
    assert_eq!(filter.clone().without(OnHold).criteria, vec![Overdue]);
    assert_eq!(filter.without(Disputed).criteria, vec![Overdue, OnHold]);
}

#[test]
fn every_sort_orders_largest_or_worst_first_and_ties_keep_customer_order() {
    let rows = rows();
    let all = CustomerFilter::default();
    let cases: &[(CustomerSort, &[usize])] = &[
        (CustomerSort::Name, &[3, 1, 2, 0]),
        (CustomerSort::Number, &[0, 1, 2, 3]),
        // USD 1,000 = ¥7,100 above ¥600, ¥250, ¥0.
        (CustomerSort::BalanceDesc, &[1, 0, 2, 3]),
        (CustomerSort::OverdueDesc, &[1, 0, 2, 3]),
        (CustomerSort::DaysOverdueDesc, &[1, 0, 2, 3]),
        // USD 600 = ¥4,260 above ¥1,000, then ¥0, then no limit.
        (CustomerSort::LimitDesc, &[1, 0, 3, 2]),
        // 166.7 %, 80.0 %, then the two without a utilisation in customer order.
        (CustomerSort::UtilisationDesc, &[1, 0, 2, 3]),
        (CustomerSort::GradeWorst, &[3, 1, 2, 0]),
    ];
    for (sort, expected) in cases {
        assert_eq!(
            select_customers(&rows, &all, *sort, &to_base),
            expected.to_vec(),
            "{sort:?}"
        );
    }
    // A limit without a rate sorts after every converted one, before rows without a limit.
    let no_rate =
        |amount: Decimal, currency: Currency| (currency == Currency::CNY).then_some(amount);
    assert_eq!(
        select_customers(&rows, &all, CustomerSort::LimitDesc, &no_rate),
        vec![0, 3, 1, 2]
    );
}

#[test]
fn tokens_round_trip_and_unknown_ones_mean_nothing() {
    for sort in CustomerSort::ALL {
        assert_eq!(CustomerSort::from_token(sort.token()), sort);
    }
    for (token, expected) in [
        ("balance", CustomerSort::BalanceDesc),
        ("utilisation", CustomerSort::UtilisationDesc),
        ("grade", CustomerSort::GradeWorst),
        ("", CustomerSort::Name),
        ("BALANCE", CustomerSort::Name),
    ] {
        assert_eq!(CustomerSort::from_token(token), expected, "token {token:?}");
    }
    for criterion in Criterion::ALL {
        assert_eq!(Criterion::from_token(criterion.token()), Some(criterion));
    }
    assert_eq!(Criterion::from_token("Overdue"), None);
    assert_eq!(Criterion::from_token("q"), None);
}

/// Issue 9: sorting by amount mixed currencies (€5.13 M ranked below ¥5.87 M). Amounts sort
/// in the base currency through the policy's rates; one without a rate comes after.
/// Hand-computed with EUR 7.80 and USD 7.10 per CNY: EUR 5,130,000 = CNY 40,014,000 first,
/// CNY 5,870,000 second, USD 100,000 = CNY 710,000 third, AUD (no rate) last.
#[test]
fn amounts_sort_in_the_base_currency() {
    let mut ledger = Ledger::default();
    let eur = ledger.register("C000001", "Euro GmbH", Currency::EUR, 30);
    let cny_customer = ledger.register("C000002", "Yuan Co.", Currency::CNY, 30);
    let usd = ledger.register("C000003", "Dollar Inc.", Currency::USD, 30);
    let aud = Currency::parse("AUD").expect("AUD");
    let aussie = ledger.register("C000004", "Kangaroo Pty.", aud, 30);
    ledger.invoice(eur, "E-1", "2026-05-01", money("5130000.00", Currency::EUR));
    ledger.invoice(cny_customer, "Y-1", "2026-05-01", cny("5870000.00"));
    ledger.invoice(usd, "U-1", "2026-05-01", money("100000.00", Currency::USD));
    ledger.invoice(aussie, "A-1", "2026-05-01", money("9000000.00", aud));
    let rows = list_rows(ledger.state.list_sources(), date("2026-06-30"));
    let rate = |currency: Currency| match currency.code() {
        "CNY" => Some(dec("1")),
        "EUR" => Some(dec("7.80")),
        "USD" => Some(dec("7.10")),
        _ => None,
    };
    let to_base = |amount: Decimal, currency: Currency| rate(currency).map(|r| amount * r);
    let numbers = |sort| -> Vec<String> {
        select_customers(&rows, &CustomerFilter::default(), sort, &to_base)
            .into_iter()
            .map(|index| rows[index].ledger.number.clone())
            .collect()
    };
    let expected = ["C000001", "C000002", "C000003", "C000004"];
    assert_eq!(numbers(CustomerSort::BalanceDesc), expected);
    assert_eq!(numbers(CustomerSort::OverdueDesc), expected);
}

// ---------------------------------------------------------------------------------------------
// The overview's figures are their links' views of the list (demo S)
// ---------------------------------------------------------------------------------------------

fn selected<'a>(rows: &'a [ListRow], filter: &CustomerFilter) -> Vec<&'a ListRow> {
    rows.iter().filter(|row| filter.matches(row)).collect()
}

fn sum(rows: &[&ListRow], figure: fn(&CustomerRow) -> Decimal) -> Decimal {
    rows.iter().map(|row| figure(&row.ledger)).sum()
}

#[test]
fn each_overview_figure_is_what_its_view_of_the_list_adds_up_to() {
    let as_of = date("2026-11-23");
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("demo S");
    let rows = list_rows_with_grade_drops(state.list_sources(), as_of);
    for summary in portfolio_summary(&state.ledger, as_of, &AgingBuckets::default()) {
        let currency = CustomerFilter {
            currency: Some(summary.currency),
            ..CustomerFilter::default()
        };
        let all = selected(&rows, &currency);
        let code = summary.currency.code();
        assert_eq!(all.len(), summary.customers, "{code}: customers");
        let open = sum(&all, |r| r.balance) + sum(&all, |r| r.unapplied);
        assert_eq!(open, summary.aging.total, "{code}: total receivables");
        let overdue = selected(&rows, &currency.clone().with(Criterion::Overdue));
        assert_eq!(
            overdue.len(),
            summary.customers_overdue,
            "{code}: customers overdue"
        );
        assert_eq!(
            sum(&overdue, |r| r.overdue),
            summary.aging.overdue(),
            "{code}: overdue"
        );
        let with = |criterion| selected(&rows, &currency.clone().with(criterion));
        assert_eq!(
            sum(&with(Criterion::OpenOrders), |r| r.open_orders),
            summary.open_orders,
            "{code}"
        );
        assert_eq!(
            sum(&with(Criterion::Disputed), |r| r.disputed),
            summary.disputed,
            "{code}"
        );
        assert_eq!(
            sum(&with(Criterion::Unapplied), |r| r.unapplied),
            summary.unapplied,
            "{code}"
        );
    }
    let dropped: Vec<CustomerId> = selected(
        &rows,
        &CustomerFilter::default().with(Criterion::GradeDropped),
    )
    .iter()
    .map(|row| row.id())
    .collect();
    let drops = grade_drops(&state.ledger, &state.credit, &state.policies, as_of);
    assert_eq!(
        dropped,
        drops.iter().map(|drop| drop.customer).collect::<Vec<_>>()
    );
    let policy = state.policy_on(as_of);
    let mut held = 0;
    for row in &rows {
        held += usize::from(row.on_hold);
        assert_eq!(row.on_hold, state.limits.hold(row.id()).is_some());
        let check = check_order(
            &state,
            &policy,
            row.id(),
            &Money::zero(row.ledger.currency),
            as_of,
        )
        .expect("a demo customer");
        let blocked_over = check
            .reasons
            .iter()
            .any(|reason| matches!(reason, CheckReason::OverLimit { .. }));
        assert_eq!(row.over_limit, blocked_over, "{}", row.ledger.number);
        assert_eq!(
            row.utilisation_percent, check.utilisation_percent,
            "{}",
            row.ledger.number
        );
        assert_eq!(row.grade, check.grade, "{}", row.ledger.number);
    }
    // The demo has something behind every link (holds appear from M on only if S has none).
    assert!(
        rows.iter().any(|row| row.over_limit),
        "demo S: nobody over limit"
    );
    assert!(
        !dropped.is_empty() || held > 0,
        "demo S: neither drops nor holds"
    );
}

/// Rows made from scores a shell kept are the rows made from nothing; scores of another set of
/// customers (kept from before a customer was added) are not used.
#[test]
fn rows_from_kept_scores_are_the_rows_from_nothing() {
    use creditdesk_core::credit::score::{previous_month_end, score_all};
    let as_of = date("2026-11-23");
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("valid");
    let sources = state.list_sources();
    let on = |day| score_all(&state.ledger, &state.credit, &state.policy_on(day), day);
    let (now, before) = (on(as_of), on(previous_month_end(as_of)));
    assert_eq!(
        list_rows_scored(sources, as_of, &now),
        list_rows(sources, as_of)
    );
    assert_eq!(
        list_rows_with_grade_drops_scored(sources, as_of, &now, &before),
        list_rows_with_grade_drops(sources, as_of)
    );
    assert!(before.iter().zip(&now).any(|(b, n)| b.grade != n.grade));
    let stale = &now[1..];
    assert_eq!(
        list_rows_scored(sources, as_of, stale),
        list_rows(sources, as_of)
    );
    assert_eq!(
        list_rows_with_grade_drops_scored(sources, as_of, stale, &before[1..]),
        list_rows_with_grade_drops(sources, as_of)
    );
}

/// The list view the desk shows on a cold open (`limits::list_view`): its rows are the rows
/// with month-end grades, it reads back as written, and every view of the list (each
/// criterion, each sort) selects from it what the live rows select. Bytes that are not a
/// whole view of this version are refused.
#[test]
fn the_list_view_reads_back_as_written_and_selects_what_the_rows_select() {
    use creditdesk_core::credit::score::{previous_month_end, score_all};
    use creditdesk_core::limits::list_view::{ListView, LIST_VIEW_VERSION};
    let as_of = date("2026-11-23");
    let (_, state) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("valid");
    let sources = state.list_sources();
    let on = |day| score_all(&state.ledger, &state.credit, &state.policy_on(day), day);
    let view = ListView::of(sources, as_of, &on(as_of), &on(previous_month_end(as_of)));
    assert_eq!(view.rows, list_rows_with_grade_drops(sources, as_of));
    assert_eq!(view.limits, state.policy_on(as_of).limits);
    let bytes = view.encode();
    assert_eq!(ListView::decode(&bytes).as_ref(), Some(&view));

    let live = list_rows(sources, as_of);
    let limits = state.policy_on(as_of).limits;
    let to_base = |amount, currency| limits.to_base(amount, currency);
    for sort in CustomerSort::ALL {
        for criterion in Criterion::ALL {
            let filter = CustomerFilter::default().with(criterion);
            let rows = match criterion {
                Criterion::GradeDropped => &view.rows,
                _ => &live,
            };
            assert_eq!(
                select_customers(&view.rows, &filter, sort, &to_base),
                select_customers(rows, &filter, sort, &to_base),
                "{criterion:?} sorted by {sort:?}"
            );
        }
    }
    let searched = CustomerFilter {
        text: view.rows[3].ledger.name.clone(),
        ..CustomerFilter::default()
    };
    let found = select_customers(&view.rows, &searched, CustomerSort::Name, &to_base);
    assert!(found.contains(&3), "a name finds its row");

    assert_eq!(ListView::decode(&[]), None);
    assert_eq!(ListView::decode(&bytes[..bytes.len() - 1]), None);
    assert_eq!(ListView::decode(&[bytes.as_slice(), &[0]].concat()), None);
    let other = ListView {
        version: LIST_VIEW_VERSION + 1,
        ..view
    };
    assert_eq!(ListView::decode(&other.encode()), None);
}

//! Journals already stored stay valid: a journal written by the core of 2026-12-01 (before the
//! core was cut into layers) is committed under `tests/fixtures/`. Its stored texts must still
//! verify to the same head hash and fold to the same figures, figure for figure.
//!
//! The fixture was written once, by that core, with
//! `CD_WRITE_FIXTURE=1 cargo test -p creditdesk-core --test stored_journal`.
//! Never regenerate it to make a failing test pass: a failure means stored journals broke.

mod common;

use common::*;
use creditdesk_core::credit::score::{score, score_inputs};
use creditdesk_core::credit::{
    Assessment, CreditRecord, CreditReport, FinancialStatement, Reference, ReferenceKind,
    RiskSignal, Severity, SignalKind, Visit, VisitKind,
};
use creditdesk_core::demo::{demo_portfolio, DemoSize};
use creditdesk_core::ledger::reports::{
    customer_aging, customer_balance, settled_days_beyond_terms, AgingBuckets,
};
use creditdesk_core::limits::{limit_status, LimitStatus};
use creditdesk_core::team::Role;
use creditdesk_core::*;
use creditdesk_core::{RequestId, UserId};
use std::fmt::Write as _;
use std::path::PathBuf;

const AS_OF: &str = "2026-11-30";
const DEMO_SEED: u64 = 20_261_201;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Seals each batch of entries as the shell does (one event per user action).
struct Writer {
    state: Portfolio,
    sealed: Vec<SealedEvent>,
    at: i64,
}

impl Writer {
    fn seal(&mut self, actor: &str, entries: Vec<Entry>) {
        self.at += 60_000;
        let sealed = SealedEvent::seal(self.state.head, Timestamp(self.at), actor, entries);
        self.state
            .apply_event(&sealed.event, sealed.hash)
            .expect("events fit the state");
        self.sealed.push(sealed);
    }

    fn run(&mut self, actor: &str, command: Command) {
        let entries = decide(&self.state, &command)
            .unwrap_or_else(|rejection| panic!("{command:?} was rejected: {rejection:?}"));
        self.seal(actor, entries);
    }
}

fn credit_records(on: &str) -> Vec<CreditRecord> {
    vec![
        CreditRecord::Report(CreditReport {
            agency: "中诚信 CCX".to_string(),
            report_date: date(on),
            rating: "BBB".to_string(),
            recommended_limit: Some(cny("800000.00")),
            notes: "年度报告".to_string(),
        }),
        CreditRecord::Statement(FinancialStatement {
            period_end: date("2025-12-31"),
            currency: Some(Currency::CNY),
            current_assets: Some(dec("5200000")),
            total_assets: Some(dec("12000000")),
            current_liabilities: Some(dec("3100000")),
            total_liabilities: Some(dec("6900000")),
            equity: Some(dec("5100000")),
            retained_earnings: Some(dec("2300000")),
            inventory: Some(dec("1400000")),
            cash: Some(dec("650000")),
            revenue: Some(dec("18500000")),
            ebit: Some(dec("1250000")),
            net_profit: Some(dec("810000")),
            interest_expense: Some(dec("190000")),
        }),
        CreditRecord::Reference(Reference {
            kind: ReferenceKind::Bank,
            date: date(on),
            source: "招商银行".to_string(),
            assessment: Assessment::Positive,
            findings: "No overdraft breaches".to_string(),
        }),
        CreditRecord::Visit(Visit {
            kind: VisitKind::SiteVisit,
            date: date(on),
            who: "张伟 Zhang Wei".to_string(),
            findings: "Warehouse full, two lines idle".to_string(),
        }),
        CreditRecord::Signal(RiskSignal {
            kind: SignalKind::Lawsuit,
            date: date(on),
            severity: Severity::Medium,
            source: "裁判文书网".to_string(),
            notes: "Supplier claim 120,000".to_string(),
        }),
    ]
}

/// Demo S, then one event per kind of thing a user journals after it.
fn write_journal() -> Vec<SealedEvent> {
    let as_of = date(AS_OF);
    let (entries, _) = demo_portfolio(DemoSize::S, DEMO_SEED, as_of).expect("demo S decides");
    let mut writer = Writer {
        state: Portfolio::default(),
        sealed: Vec::new(),
        at: 1_764_547_200_000,
    };
    writer.seal("demo", entries);
    let first = writer.state.ledger.customers[0].id;
    let second = writer.state.ledger.customers[1].id;
    for record in credit_records("2026-11-02") {
        writer.run(
            "张伟 Zhang Wei",
            Command::AddCreditRecord {
                customer: first,
                recorded_on: date("2026-11-03"),
                record,
            },
        );
    }
    let mut policy = writer.state.policy();
    policy.version += 1;
    policy.statement_stale_months += 3;
    writer.run(
        "李娜 Li Na",
        Command::ChangePolicy {
            date: date("2026-11-05"),
            policy: Box::new(policy),
            by: UserId(4),
        },
    );
    let next = writer.state.next_ids();
    writer.run(
        "王强 Wang Qiang",
        Command::AddUser {
            id: next.user,
            name: "周杰 Zhou Jie".to_string(),
            role: Role::Analyst,
            by: Some(UserId(5)),
        },
    );
    ledger_actions(&mut writer, first, second);
    limit_actions(&mut writer, first, second);
    writer.run(
        "李娜 Li Na",
        Command::SetWidgetOrigins {
            date: date("2026-11-29"),
            by: UserId(4),
            origins: vec![
                "https://erp.example.com".to_string(),
                "http://intranet.local:8080".to_string(),
            ],
        },
    );
    writer.sealed
}

fn ledger_actions(writer: &mut Writer, first: CustomerId, second: CustomerId) {
    let next = writer.state.next_ids();
    let currency = writer
        .state
        .ledger
        .customer(first)
        .expect("first")
        .details
        .currency;
    writer.run(
        "陈静 Chen Jing",
        Command::IssueInvoice {
            id: next.invoice,
            customer: first,
            number: "FX-0001".to_string(),
            issue_date: date("2026-11-06"),
            terms_days: None,
            due_date: None,
            amount: money("123456.78", currency),
        },
    );
    writer.run(
        "陈静 Chen Jing",
        Command::ReceivePayment {
            id: next.payment,
            customer: first,
            date: date("2026-11-10"),
            recorded_on: date("2026-11-10"),
            amount: money("50000.00", currency),
            reference: "银行回单 0042".to_string(),
            allocation: AllocationChoice::OldestFirst,
        },
    );
    writer.run(
        "陈静 Chen Jing",
        Command::IssueCreditNote {
            id: next.credit_note,
            customer: first,
            number: "FX-CN-0001".to_string(),
            date: date("2026-11-11"),
            recorded_on: date("2026-11-11"),
            amount: money("1000.00", currency),
            reason: "Price difference 价差".to_string(),
            allocation: AllocationChoice::OldestFirst,
        },
    );
    writer.run(
        "陈静 Chen Jing",
        Command::OpenDispute {
            id: next.dispute,
            invoice: next.invoice,
            date: date("2026-11-12"),
            amount: Some(money("2000.00", currency)),
            reason: "Short delivery 少发货".to_string(),
            details: Default::default(),
        },
    );
    writer.run(
        "李娜 Li Na",
        Command::ResolveDispute {
            id: next.dispute,
            date: date("2026-11-20"),
            outcome: DisputeOutcome::Rejected,
        },
    );
    writer.run(
        "李娜 Li Na",
        Command::WriteOffInvoice {
            invoice: next.invoice,
            date: date("2026-11-21"),
            recorded_on: date("2026-11-21"),
            amount: Some(money("500.00", currency)),
            reason: "Small balance 小额尾差".to_string(),
        },
    );
    let mut details = writer
        .state
        .ledger
        .customer(second)
        .expect("second")
        .details
        .clone();
    details.contact = "刘洋 +86 21 5555 0101".to_string();
    writer.run(
        "张伟 Zhang Wei",
        Command::UpdateCustomer {
            id: second,
            details,
        },
    );
}

fn limit_actions(writer: &mut Writer, first: CustomerId, second: CustomerId) {
    let currency = writer
        .state
        .ledger
        .customer(first)
        .expect("first")
        .details
        .currency;
    let request = writer.state.next_ids().request;
    writer.run(
        "张伟 Zhang Wei",
        Command::RequestLimit {
            id: request,
            customer: first,
            date: date("2026-11-21"),
            by: UserId(3),
            amount: limit("300000.00", currency),
            reason: "Annual review / 年度复核".to_string(),
            until: None,
        },
    );
    writer.run(
        "王强 Wang Qiang",
        Command::ApproveLimit {
            request,
            date: date("2026-11-22"),
            by: UserId(5),
            comment: "OK".to_string(),
        },
    );
    let rejected = RequestId(request.0 + 1);
    let second_currency = writer
        .state
        .ledger
        .customer(second)
        .expect("second")
        .details
        .currency;
    writer.run(
        "张伟 Zhang Wei",
        Command::RequestLimit {
            id: rejected,
            customer: second,
            date: date("2026-11-22"),
            by: UserId(3),
            amount: limit("9000000.00", second_currency),
            reason: "Big project 大项目".to_string(),
            until: Some(date("2027-01-31")),
        },
    );
    writer.run(
        "王强 Wang Qiang",
        Command::RejectLimit {
            request: rejected,
            date: date("2026-11-23"),
            by: UserId(5),
            comment: "Above grade maximum 超出等级上限".to_string(),
        },
    );
    writer.run(
        "张伟 Zhang Wei",
        Command::PlaceHold {
            customer: second,
            date: date("2026-11-24"),
            by: UserId(3),
            reason: "Cheque returned 支票退票".to_string(),
        },
    );
    let order = writer.state.next_ids().order;
    writer.run(
        "王强 Wang Qiang",
        Command::PlaceOrder {
            id: order,
            customer: second,
            number: "SO-9001".to_string(),
            date: date("2026-11-25"),
            amount: money("75000.00", second_currency),
            by: UserId(5),
            release_reason: Some("Prepaid by group parent 集团预付".to_string()),
        },
    );
    writer.run(
        "李娜 Li Na",
        Command::ReleaseHold {
            customer: second,
            date: date("2026-11-26"),
            by: UserId(4),
            reason: "Cheque honoured 支票已兑现".to_string(),
        },
    );
    writer.run(
        "陈静 Chen Jing",
        Command::CloseOrder {
            id: order,
            date: date("2026-11-27"),
            closure: OrderClosure::Invoiced,
        },
    );
}

fn limit_text(status: &LimitStatus) -> String {
    match status {
        LimitStatus::None => "none".to_string(),
        LimitStatus::Lapsed {
            request,
            amount,
            until,
        } => format!("lapsed r{} {amount} until {until}", request.0),
        LimitStatus::InForce(limit) => format!(
            "in force r{} {} from {} review {} until {:?}",
            limit.request.0, limit.amount, limit.approved_on, limit.review_on, limit.until
        ),
    }
}

/// Every figure a user sees of the state, one `name = value` line each.
fn figures(state: &Portfolio) -> String {
    let as_of = date(AS_OF);
    let buckets = AgingBuckets::default();
    let policy = state.policy();
    let mut out = String::new();
    for customer in &state.ledger.customers {
        let n = &customer.details.number;
        let b = customer_balance(&state.ledger, customer, as_of);
        let aging = customer_aging(&state.ledger, customer, as_of, &buckets);
        let s = score(
            &score_inputs(&state.ledger, &state.credit, customer, as_of),
            &policy,
        );
        let dbt = settled_days_beyond_terms(&state.ledger, customer, date("2025-12-01"), as_of);
        let _ = writeln!(
            out,
            "{n} balance = {} {} open {} cash {} credit {} overdue {} disputed {} orders {} exposure {} days {}",
            b.currency.code(), b.balance, b.open_receivables, b.unapplied_cash, b.unapplied_credit,
            b.overdue, b.disputed, b.open_orders, b.exposure, b.days_overdue_max
        );
        let _ = writeln!(out, "{n} aging = {:?} total {}", aging.buckets, aging.total);
        let _ = writeln!(out, "{n} dbt12 = {dbt:?}");
        let _ = writeln!(
            out,
            "{n} score = {} {:?} pd {} v{}",
            s.score, s.grade, s.pd_percent, s.policy_version
        );
        let _ = writeln!(
            out,
            "{n} limit = {}",
            limit_text(&limit_status(&state.limits, customer.id, as_of))
        );
        let _ = writeln!(
            out,
            "{n} hold = {:?}",
            state.limits.hold(customer.id).map(|h| (&h.reason, h.date))
        );
        let _ = writeln!(
            out,
            "{n} credit file = {} records",
            state.credit.of(customer.id).len()
        );
    }
    for user in &state.team.users {
        let _ = writeln!(out, "user {} = {} {:?}", user.id.0, user.name, user.role);
    }
    for order in &state.ledger.orders {
        let release = state
            .limits
            .release(order.id)
            .map(|r| (r.by.0, &r.reason, r.blocked_for.len()));
        let _ = writeln!(
            out,
            "order {} = {} {:?} release {release:?}",
            order.number,
            order.amount.value(),
            order.closed
        );
    }
    let _ = writeln!(
        out,
        "policies = {:?}",
        state
            .policies
            .versions
            .iter()
            .map(|(d, p)| (d.to_string(), p.version))
            .collect::<Vec<_>>()
    );
    let _ = writeln!(out, "widget origins = {:?}", state.limits.widget_origins);
    let _ = writeln!(out, "counts = customers {} invoices {} payments {} credit notes {} orders {} disputes {} write-offs {} requests {}",
        state.ledger.customers.len(), state.ledger.invoices.len(), state.ledger.payments.len(), state.ledger.credit_notes.len(),
        state.ledger.orders.len(), state.ledger.disputes.len(), state.ledger.write_offs.len(), state.limits.requests.len());
    out
}

fn read_fixture() -> (Vec<String>, String, String) {
    let dir = fixture_dir();
    let journal = std::fs::read_to_string(dir.join("journal-2026-12-01.jsonl"))
        .expect("the committed journal fixture");
    let head = std::fs::read_to_string(dir.join("journal-2026-12-01.head"))
        .expect("the committed head fixture");
    let figures = std::fs::read_to_string(dir.join("journal-2026-12-01.figures"))
        .expect("the committed figures fixture");
    let texts = journal.lines().map(str::to_string).collect();
    (texts, head.trim().to_string(), figures)
}

#[test]
fn a_journal_stored_before_the_layers_verifies_with_the_same_head_and_folds_to_the_same_figures() {
    if std::env::var_os("CD_WRITE_FIXTURE").is_some() {
        let sealed = write_journal();
        let dir = fixture_dir();
        std::fs::create_dir_all(&dir).expect("fixture dir");
        let texts: Vec<&str> = sealed.iter().map(|s| s.text.as_str()).collect();
        assert!(
            texts.iter().all(|t| !t.contains('\n')),
            "one event per line"
        );
        std::fs::write(
            dir.join("journal-2026-12-01.jsonl"),
            texts.join("\n") + "\n",
        )
        .unwrap();
        let head = sealed.last().expect("events").head();
        std::fs::write(
            dir.join("journal-2026-12-01.head"),
            format!("{} {}\n", head.seq, head.hash.to_hex()),
        )
        .unwrap();
        let state = Portfolio::replay(&texts).expect("replays");
        std::fs::write(dir.join("journal-2026-12-01.figures"), figures(&state)).unwrap();
    }
    let (texts, head, expected_figures) = read_fixture();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let verified = verify(&texts, None, None).expect("the stored journal verifies");
    let verified = verified.expect("a head");
    assert_eq!(format!("{} {}", verified.seq, verified.hash.to_hex()), head);
    let state = Portfolio::replay(&texts).expect("the stored journal replays");
    let actual = figures(&state);
    for (line, (actual, expected)) in actual.lines().zip(expected_figures.lines()).enumerate() {
        assert_eq!(actual, expected, "figure line {}", line + 1);
    }
    assert_eq!(actual.lines().count(), expected_figures.lines().count());
    assert!(
        expected_figures.lines().count() > 300,
        "the fixture covers every customer"
    );
}

/// Reading a stored event and writing it again gives the very text stored: the checked amount
/// types (and everything else) serialise exactly as the types the fixture was written with.
#[test]
fn every_stored_text_reads_and_writes_back_byte_for_byte() {
    let (texts, _, _) = read_fixture();
    for (position, text) in texts.iter().enumerate() {
        let event = creditdesk_core::journal::parse_event(text)
            .unwrap_or_else(|error| panic!("event {position} reads: {error:?}"));
        let written = serde_json::to_string(&event).expect("events serialise");
        assert!(written == *text, "event {position} writes back differently");
    }
}

/// A stored entry is read by the `kind` its first key names, and the kind alone names its area
/// (`Entry`'s reader): no two areas may share a kind.
#[test]
fn every_entry_kind_names_one_area() {
    let areas = [
        LedgerEntry::KINDS,
        CreditEntry::KINDS,
        PolicyEntry::KINDS,
        TeamEntry::KINDS,
        LimitsEntry::KINDS,
        CollectionsEntry::KINDS,
        creditdesk_core::alerts::AlertsEntry::KINDS,
    ];
    let mut seen = std::collections::BTreeSet::new();
    for kind in areas.iter().flat_map(|kinds| kinds.iter()) {
        assert!(seen.insert(*kind), "two areas read the kind {kind}");
    }
    assert!(seen.len() >= 28, "only {} kinds", seen.len());
}

/// Entries are read kind first, from the text serde writes with the tag first; a text whose
/// first key is not `kind`, an unknown kind or a missing field is refused, never guessed.
#[test]
fn an_entry_is_read_by_its_first_key_and_nothing_else() {
    let text = r#"{"kind":"OrderClosed","id":3,"date":"2026-11-02","closure":"Cancelled"}"#;
    let entry: Entry = serde_json::from_str(text).expect("reads");
    assert_eq!(serde_json::to_string(&entry).expect("writes"), text);
    let refused = [
        (
            r#"{"id":3,"kind":"OrderClosed","date":"2026-11-02","closure":"Cancelled"}"#,
            "first key is `id`",
        ),
        (
            r#"{"kind":"OrderMislaid","id":3}"#,
            "unknown entry kind `OrderMislaid`",
        ),
        (
            r#"{"kind":"OrderClosed","id":3,"date":"2026-11-02"}"#,
            "missing field `closure`",
        ),
        (r#"{}"#, "missing field `kind`"),
        (r#"[1,2]"#, "a map whose first key is `kind`"),
    ];
    for (text, reason) in refused {
        let error = serde_json::from_str::<Entry>(text)
            .expect_err(text)
            .to_string();
        assert!(error.contains(reason), "{text}: {error}");
    }
}

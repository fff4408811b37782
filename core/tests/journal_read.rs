//! The journal as people read it (issue 9, "Screens people read"): a small journal of eight
//! events, sealed as the shell seals them, read back into facts — who, when, what, which
//! customer, which amounts — and filtered by customer, actor, kind and days. Every
//! expectation below was worked out by hand from the commands; the line format is the test's
//! own, so that one line shows every fact of an entry.

mod common;

use chrono::NaiveDate;
use common::*;
use creditdesk_core::credit::{CreditRecord, RiskSignal, Severity, SignalKind};
use creditdesk_core::demo::{demo_portfolio, DemoSize};
use creditdesk_core::journal::*;
use creditdesk_core::ledger::search::{pick, PickError, SearchIndex};
use creditdesk_core::policy::CreditPolicy;
use creditdesk_core::team::Role;
use creditdesk_core::*;

/// Commands decided and folded as the shell does, then sealed into events.
#[derive(Default)]
struct Book {
    state: Portfolio,
    pending: Vec<Entry>,
    sealed: Vec<(SealedEvent, NaiveDate)>,
}

impl Book {
    fn run(&mut self, command: Command) {
        let entries = decide(&self.state, &command)
            .unwrap_or_else(|rejection| panic!("{command:?} was rejected: {rejection:?}"));
        for entry in &entries {
            self.state.apply(entry).expect("decided entries fit");
        }
        self.pending.extend(entries);
    }

    /// Seals what was run since the last seal as one event by `actor`, recorded on `day`.
    fn seal(&mut self, actor: &str, day: &str) {
        let head = self.sealed.last().map(|(sealed, _)| sealed.head());
        let at = Timestamp(1_767_225_600_000 + self.sealed.len() as i64 * 86_400_000);
        let entries = std::mem::take(&mut self.pending);
        let sealed = SealedEvent::seal(head, at, actor, entries);
        self.state.head = Some(sealed.head());
        self.sealed.push((sealed, date(day)));
    }

    fn read(&self) -> JournalRows {
        let mut rows = JournalRows::new();
        for (sealed, day) in &self.sealed {
            rows.read(&sealed.event, sealed.hash, *day, &self.state)
                .expect("each event follows the one before");
        }
        rows
    }
}

fn user(id: u32, name: &str, role: Role, by: Option<u32>) -> Command {
    Command::AddUser {
        id: UserId(id),
        name: name.to_string(),
        role,
        by: by.map(UserId),
    }
}

fn invoice(id: u32, customer: u32, number: &str, issue: &str, amount: &str) -> Command {
    Command::IssueInvoice {
        id: InvoiceId(id),
        customer: CustomerId(customer),
        number: number.to_string(),
        issue_date: date(issue),
        terms_days: None,
        due_date: None,
        amount: cny(amount),
    }
}

fn request(id: u32, customer: u32, on: &str, amount: &str, until: Option<&str>) -> Command {
    Command::RequestLimit {
        id: RequestId(id),
        customer: CustomerId(customer),
        date: date(on),
        by: UserId(2),
        amount: limit(amount, Currency::CNY),
        reason: "Season stock".to_string(),
        until: until.map(date),
    }
}

fn approve(request: u32, on: &str) -> Command {
    Command::ApproveLimit {
        request: RequestId(request),
        date: date(on),
        by: UserId(1),
        comment: "Good payer".to_string(),
    }
}

/// Events 1–4: the team, two customers, two invoices, a payment, a limit request.
fn first_month(book: &mut Book) {
    book.run(user(1, "Zhang Wei", Role::Director, None));
    book.run(user(2, "Li Wei", Role::Analyst, Some(1)));
    for (id, number, name, terms) in [
        (1, "C0001", "上海华联", 30),
        (2, "C0002", "Acme Trading", 60),
    ] {
        book.run(Command::RegisterCustomer {
            id: CustomerId(id),
            date: date("2026-01-05"),
            recorded_on: date("2026-01-05"),
            details: details(number, name, Currency::CNY, terms),
        });
    }
    book.seal("setup", "2026-01-05");
    book.run(invoice(1, 1, "INV-0042", "2026-01-10", "12345.00"));
    book.run(invoice(2, 1, "INV-0043", "2026-01-20", "5000.00"));
    book.seal("Li Wei", "2026-01-20");
    book.run(Command::ReceivePayment {
        id: PaymentId(1),
        customer: CustomerId(1),
        date: date("2026-02-01"),
        recorded_on: date("2026-02-01"),
        amount: cny("20000.00"),
        reference: "BANK-7781".to_string(),
        allocation: AllocationChoice::OldestFirst,
    });
    book.seal("Li Wei", "2026-02-01");
    book.run(request(1, 2, "2026-02-02", "100000.00", None));
    book.seal("Li Wei", "2026-02-02");
}

/// Events 5–8: approval, a promotion, a rename, the widget's origins, a hold and an order
/// released past it, then the rest of the kinds.
fn second_month(book: &mut Book) {
    book.run(approve(1, "2026-02-03"));
    book.run(Command::ChangeUser {
        id: UserId(2),
        name: "Li Wei".to_string(),
        role: Role::Manager,
        by: UserId(1),
    });
    book.seal("Zhang Wei", "2026-02-03");
    book.run(Command::UpdateCustomer {
        id: CustomerId(2),
        details: details("C0002", "Acme Trading Ltd", Currency::CNY, 45),
    });
    book.run(origins("2026-02-10", &["https://erp.example.com"]));
    book.seal("Zhang Wei", "2026-02-10");
    book.run(origins("2026-02-15", &["https://portal.example.com"]));
    book.run(Command::PlaceHold {
        customer: CustomerId(1),
        date: date("2026-02-15"),
        by: UserId(2),
        reason: "Cheque bounced".to_string(),
    });
    book.run(Command::PlaceOrder {
        id: OrderId(1),
        customer: CustomerId(1),
        number: "SO-0007".to_string(),
        date: date("2026-02-15"),
        amount: cny("8000.00"),
        by: UserId(1),
        release_reason: Some("Director's call".to_string()),
    });
    book.seal("Zhang Wei", "2026-02-15");
    the_rest(book);
    book.seal("Li Wei", "2026-03-12");
}

fn origins(on: &str, origins: &[&str]) -> Command {
    Command::SetWidgetOrigins {
        date: date(on),
        by: UserId(1),
        origins: origins.iter().map(|origin| origin.to_string()).collect(),
    }
}

/// Event 8: every kind not met yet, as one event (an import would be one too).
fn the_rest(book: &mut Book) {
    book.run(Command::IssueCreditNote {
        id: CreditNoteId(1),
        customer: CustomerId(1),
        number: "CN-001".to_string(),
        date: date("2026-02-20"),
        recorded_on: date("2026-03-12"),
        amount: cny("500.00"),
        reason: "Price correction".to_string(),
        allocation: AllocationChoice::Unapplied,
    });
    book.run(invoice(3, 2, "INV-0044", "2026-02-20", "3000.00"));
    book.run(Command::OpenDispute {
        id: DisputeId(1),
        invoice: InvoiceId(3),
        date: date("2026-02-21"),
        amount: Some(cny("1000.00")),
        reason: "Short delivery".to_string(),
        details: Default::default(),
    });
    book.run(Command::ResolveDispute {
        id: DisputeId(1),
        date: date("2026-02-25"),
        outcome: DisputeOutcome::Accepted,
    });
    book.run(Command::WriteOffInvoice {
        invoice: InvoiceId(3),
        date: date("2026-02-26"),
        recorded_on: date("2026-03-12"),
        amount: Some(cny("500.00")),
        reason: "Small balance".to_string(),
    });
    book.run(Command::CloseOrder {
        id: OrderId(1),
        date: date("2026-02-27"),
        closure: OrderClosure::Cancelled,
    });
    book.run(Command::ReleaseHold {
        customer: CustomerId(1),
        date: date("2026-02-27"),
        by: UserId(2),
        reason: "Cheque cleared".to_string(),
    });
    limits_and_file(book);
}

fn limits_and_file(book: &mut Book) {
    book.run(request(2, 1, "2026-02-27", "50000.00", None));
    book.run(Command::RejectLimit {
        request: RequestId(2),
        date: date("2026-02-28"),
        by: UserId(1),
        comment: "Not now".to_string(),
    });
    book.run(request(3, 2, "2026-03-01", "150000.00", Some("2026-03-10")));
    book.run(approve(3, "2026-03-01"));
    book.run(Command::RecordLapse {
        request: RequestId(3),
        date: date("2026-03-11"),
    });
    book.run(Command::AddCreditRecord {
        customer: CustomerId(2),
        recorded_on: date("2026-03-12"),
        record: CreditRecord::Signal(RiskSignal {
            kind: SignalKind::Lawsuit,
            date: date("2026-03-09"),
            severity: Severity::High,
            source: "Court notice".to_string(),
            notes: String::new(),
        }),
    });
    let policy = CreditPolicy {
        version: 2,
        ..CreditPolicy::default()
    };
    book.run(Command::ChangePolicy {
        date: date("2026-03-12"),
        policy: Box::new(policy),
        by: UserId(1),
    });
}

/// Event 9: "customer since" moved back, a new strategy, and collections on INV-0044.
fn collections_month(book: &mut Book) {
    let today = date("2026-04-08");
    book.run(Command::ChangeCustomerSince {
        id: CustomerId(1),
        since: date("2025-06-01"),
        recorded_on: today,
    });
    book.run(Command::Collections(CollectionsCommand::ChangeStrategy {
        date: today,
        strategy: creditdesk_core::policy::CollectionPolicy::initial(),
        by: UserId(1),
    }));
    let collections = [
        CollectionsCommand::CompleteTask {
            customer: CustomerId(2),
            date: today,
            recorded_on: today,
            by: UserId(1),
            channel: creditdesk_core::policy::Channel::Email,
            outcome: creditdesk_core::collections::Outcome::Reached,
            notes: "Spoke to accounts".to_string(),
        },
        CollectionsCommand::RecordPromise {
            id: PromiseId(1),
            customer: CustomerId(2),
            date: today,
            recorded_on: today,
            by: UserId(1),
            amount: cny("1000.00"),
            due: date("2026-04-15"),
            tolerance_days: 3,
        },
        CollectionsCommand::AssignCollector {
            customer: CustomerId(2),
            date: today,
            by: UserId(1),
            collector: Some(UserId(2)),
        },
        CollectionsCommand::EscalateStep {
            customer: CustomerId(2),
            date: today,
            recorded_on: today,
            by: UserId(1),
            offset_days: 30,
            reason: "No answer".to_string(),
        },
    ];
    for command in collections {
        book.run(Command::Collections(command));
    }
    book.run(Command::SetCompanyDetails {
        details: creditdesk_core::team::CompanyDetails {
            name: "信达贸易有限公司".to_string(),
            address: "上海市浦东新区世纪大道100号".to_string(),
            bank_details: "中国银行上海分行 6222 0000 1234".to_string(),
            registration_no: String::new(),
            tax_no: String::new(),
        },
        by: UserId(1),
    });
    book.seal("Zhang Wei", "2026-04-08");
}

/// Event 10: a write-off approved by a second profile, one rejected, and a payment plan for
/// what is left on INV-0044 (3,000 − 500 − 100 = 2,400, in two instalments of 1,200).
fn plans_month(book: &mut Book) {
    let today = date("2026-04-20");
    let propose = |id, amount: &str, reason: &str| CollectionsCommand::ProposeWriteOff {
        id: ProposalId(id),
        invoice: InvoiceId(3),
        date: today,
        recorded_on: today,
        by: UserId(2),
        amount: Some(cny(amount)),
        reason: reason.to_string(),
    };
    let instalment = |due: &str| InstalmentInput {
        due: date(due),
        amount: cny("1200.00"),
    };
    let commands = [
        propose(1, "100.00", "Rounding"),
        CollectionsCommand::ApproveWriteOff {
            proposal: ProposalId(1),
            date: today,
            recorded_on: today,
            by: UserId(1),
        },
        propose(2, "200.00", "Goodwill"),
        CollectionsCommand::RejectWriteOff {
            proposal: ProposalId(2),
            date: today,
            recorded_on: today,
            by: UserId(1),
            reason: "Not agreed".to_string(),
        },
        CollectionsCommand::AgreePlan {
            id: PlanId(1),
            customer: CustomerId(2),
            date: today,
            recorded_on: today,
            by: UserId(2),
            invoices: vec![InvoiceId(3)],
            instalments: vec![instalment("2026-04-30"), instalment("2026-05-31")],
            tolerance_days: 5,
        },
    ];
    for command in commands {
        book.run(Command::Collections(command));
    }
    book.seal("Li Wei", "2026-04-20");
}

fn book() -> Book {
    let mut book = Book::default();
    first_month(&mut book);
    second_month(&mut book);
    collections_month(&mut book);
    alerts_month(&mut book);
    plans_month(&mut book);
    book
}

/// Event 10: INV-0044 (due 2026-04-06, ¥2,500.00 open after the write-off) is 91 days
/// overdue on 2026-07-06, at least the 90 days that make the overdue alert severe; its run
/// began on 2026-05-06, due + 30 days. Acknowledged, snoozed for two weeks, its hold released.
fn alerts_month(book: &mut Book) {
    let today = date("2026-07-06");
    let rule = creditdesk_core::policy::AlertRule::OverdueDays;
    let commands = [
        AlertsCommand::AcknowledgeAlert {
            customer: CustomerId(2),
            rule,
            date: today,
            by: UserId(2),
        },
        AlertsCommand::SnoozeAlert {
            customer: CustomerId(2),
            rule,
            date: today,
            by: UserId(2),
            until: date("2026-07-20"),
        },
        AlertsCommand::ReleaseAlertHold {
            customer: CustomerId(2),
            date: today,
            by: UserId(1),
            reason: "Paying next week".to_string(),
        },
    ];
    for command in commands {
        book.run(Command::Alerts(command));
    }
    book.seal("Li Wei", "2026-07-06");
}

fn settled(settled: &[Settled]) -> String {
    let parts: Vec<String> = settled
        .iter()
        .map(|part| format!("{} {}", part.invoice, part.amount.format()))
        .collect();
    parts.join(", ")
}

fn profile(profile: &Profile) -> String {
    format!("{} {}", profile.name, profile.role.token())
}

fn until(until: Option<NaiveDate>) -> String {
    until.map_or_else(|| "standing".to_string(), |until| format!("until {until}"))
}

/// The figures and words of an entry on one line.
fn what(what: &What) -> String {
    match what {
        What::Ledger(what) => ledger(what),
        What::CreditRecordAdded { record } => match **record {
            CreditRecord::Report(_) => "report".to_string(),
            CreditRecord::Statement(_) => "statement".to_string(),
            CreditRecord::Reference(_) => "reference".to_string(),
            CreditRecord::Visit(_) => "visit".to_string(),
            CreditRecord::Signal(_) => "signal".to_string(),
        },
        What::PolicyChanged { version } => format!("version {version}"),
        What::Team(TeamWhat::UserAdded { profile: added }) => profile(added),
        What::Team(TeamWhat::UserChanged { before, after }) => format!(
            "{} -> {}",
            before.as_ref().map_or_else(|| "?".to_string(), profile),
            profile(after)
        ),
        What::Limits(what) => limits(what),
        What::StrategyChanged => "strategy".to_string(),
        What::Team(TeamWhat::CompanyDetailsSet { name }) => format!("company {name}"),
        What::Collections(what) => collections(what),
        What::Alerts(what) => alerts(what),
    }
}

fn alerts(what: &AlertsWhat) -> String {
    match what {
        AlertsWhat::AlertAcknowledged { rule, since } => format!("{} since {since}", rule.token()),
        AlertsWhat::AlertSnoozed { rule, since, until } => {
            format!("{} since {since} until {until}", rule.token())
        }
        AlertsWhat::AlertHoldReleased { reason, alerts } => {
            let runs: Vec<String> = (alerts.iter())
                .map(|run| format!("{} since {}", run.rule.token(), run.since))
                .collect();
            format!("{} ({reason})", runs.join(", "))
        }
    }
}

fn collections(what: &CollectionsWhat) -> String {
    match what {
        CollectionsWhat::TaskCompleted {
            step,
            offset_days,
            channel,
            outcome,
            notes,
            invoices,
        } => {
            format!("{step:?} {offset_days:+} {channel:?} {outcome:?} about {invoices:?} ({notes})")
        }
        CollectionsWhat::StepEscalated {
            offset_days,
            reason,
            invoices,
        } => format!("{offset_days:+} about {invoices:?} ({reason})"),
        CollectionsWhat::PromiseRecorded {
            amount,
            due,
            tolerance_days,
        } => format!("{} by {due} +{tolerance_days}", amount.format()),
        CollectionsWhat::CollectorAssigned { collector } => collector
            .as_ref()
            .map_or("nobody".to_string(), |user| user.name.clone()),
        CollectionsWhat::WriteOffProposed {
            invoice,
            amount,
            reason,
        }
        | CollectionsWhat::WriteOffRejected {
            invoice,
            amount,
            reason,
        } => format!("{invoice} {} ({reason})", amount.format()),
        CollectionsWhat::WriteOffApproved { invoice, amount } => {
            format!("{invoice} {}", amount.format())
        }
        CollectionsWhat::PlanAgreed {
            invoices,
            total,
            instalments,
            last_due,
        } => format!(
            "{instalments} instalments {} to {last_due} about {invoices:?}",
            total.format()
        ),
    }
}

fn ledger(what: &LedgerWhat) -> String {
    match what {
        LedgerWhat::CustomerSinceChanged { since } => format!("since {since}"),
        LedgerWhat::CustomerRegistered {
            terms_days,
            currency,
        } => format!("{terms_days} days {}", currency.code()),
        LedgerWhat::CustomerUpdated { changes } => {
            let parts: Vec<String> = changes
                .iter()
                .map(|change| format!("{:?} {} -> {}", change.field, change.before, change.after))
                .collect();
            parts.join("; ")
        }
        LedgerWhat::InvoiceIssued {
            number,
            amount,
            due_date,
        } => format!("{number} {} due {due_date}", amount.format()),
        LedgerWhat::PaymentReceived {
            amount,
            reference,
            settled: parts,
            unapplied,
        } => format!(
            "{} ref {reference} settled {} unapplied {}",
            amount.format(),
            settled(parts),
            unapplied.format()
        ),
        LedgerWhat::CreditNoteIssued {
            number,
            amount,
            reason,
            settled: parts,
            unapplied,
        } => format!(
            "{number} {} ({reason}) settled [{}] unapplied {}",
            amount.format(),
            settled(parts),
            unapplied.format()
        ),
        LedgerWhat::InvoiceWrittenOff {
            invoice,
            amount,
            reason,
        }
        | LedgerWhat::DisputeOpened {
            invoice,
            amount,
            reason,
        } => format!("{invoice} {} ({reason})", amount.format()),
        LedgerWhat::OrderOpened { number, amount } => format!("{number} {}", amount.format()),
        LedgerWhat::OrderClosed {
            number,
            amount,
            closure,
        } => format!("{number} {} {closure:?}", amount.format()),
        LedgerWhat::DisputeResolved {
            invoice,
            amount,
            outcome,
        } => format!("{invoice} {} {outcome:?}", amount.format()),
    }
}

fn limits(what: &LimitsWhat) -> String {
    match what {
        LimitsWhat::LimitRequested {
            amount,
            until: last,
            reason,
        } => format!("{} {} ({reason})", amount.format(), until(*last)),
        LimitsWhat::LimitApproved {
            amount,
            until: last,
            review_on,
            grade,
            comment,
        } => format!(
            "{} {} review {review_on} grade {} ({comment})",
            amount.format(),
            until(*last),
            grade.letter()
        ),
        LimitsWhat::LimitRejected {
            amount,
            until: last,
            comment,
        } => format!("{} {} ({comment})", amount.format(), until(*last)),
        LimitsWhat::LimitLapsed {
            amount,
            until: last,
        } => {
            format!("{} {}", amount.format(), until(*last))
        }
        LimitsWhat::HoldPlaced { reason } | LimitsWhat::HoldReleased { reason } => {
            format!("({reason})")
        }
        LimitsWhat::OrderReleased {
            number,
            amount,
            reason,
            blocked_for,
        } => format!(
            "{number} {} ({reason}) blocked for {blocked_for:?}",
            amount.format()
        ),
        LimitsWhat::WidgetOriginsSet {
            origins,
            added,
            removed,
        } => format!("{origins:?} added {added:?} removed {removed:?}"),
    }
}

/// `seq.index kind | customer | who | day | what`.
fn line(rows: &JournalRows, row: &Row) -> String {
    let customer = row.facts.customer.as_ref().map_or_else(
        || "-".to_string(),
        |customer| format!("{} {}", customer.number, customer.name),
    );
    format!(
        "{}.{} {} | {customer} | {} | {} | {}",
        rows.event_of(row).seq,
        row.index,
        row.facts.kind().token(),
        rows.who(row),
        rows.day_of(row),
        what(&row.facts.what)
    )
}

fn lines(rows: &JournalRows, positions: &[usize]) -> Vec<String> {
    positions
        .iter()
        .map(|position| line(rows, &rows.rows()[*position]))
        .collect()
}

fn all_lines(rows: &JournalRows) -> Vec<String> {
    rows.rows().iter().map(|row| line(rows, row)).collect()
}

#[test]
fn every_entry_is_told_with_its_customer_actor_day_and_figures() {
    let rows = book().read();
    let expected = [
        // The first profile is made by nobody: who sealed the event acted.
        "1.0 UserAdded | - | setup | 2026-01-05 | Zhang Wei director",
        "1.1 UserAdded | - | Zhang Wei | 2026-01-05 | Li Wei analyst",
        "1.2 CustomerRegistered | C0001 上海华联 | setup | 2026-01-05 | 30 days CNY",
        "1.3 CustomerRegistered | C0002 Acme Trading | setup | 2026-01-05 | 60 days CNY",
        // Due = issue + the customer's 30 days.
        "2.0 InvoiceIssued | C0001 上海华联 | Li Wei | 2026-01-10 | INV-0042 ¥12,345.00 due 2026-02-09",
        "2.1 InvoiceIssued | C0001 上海华联 | Li Wei | 2026-01-20 | INV-0043 ¥5,000.00 due 2026-02-19",
        // Oldest first: both invoices in full, 20,000 − 17,345 left on the account.
        "3.0 PaymentReceived | C0001 上海华联 | Li Wei | 2026-02-01 | ¥20,000.00 ref BANK-7781 settled INV-0042 ¥12,345.00, INV-0043 ¥5,000.00 unapplied ¥2,655.00",
        "4.0 LimitRequested | C0002 Acme Trading | Li Wei | 2026-02-02 | ¥100,000.00 standing (Season stock)",
        // The grade and review day the approval recorded: a new customer without a
        // statement grades B by the default policy, and B reviews after 12 months.
        "5.0 LimitApproved | C0002 Acme Trading | Zhang Wei | 2026-02-03 | ¥100,000.00 standing review 2027-02-03 grade B (Good payer)",
        "5.1 UserChanged | - | Zhang Wei | 2026-02-03 | Li Wei analyst -> Li Wei manager",
        // No date of its own: the day it was recorded.
        "6.0 CustomerUpdated | C0002 Acme Trading Ltd | Zhang Wei | 2026-02-10 | Name Acme Trading -> Acme Trading Ltd; Terms 60 -> 45",
        "6.1 WidgetOriginsSet | - | Zhang Wei | 2026-02-10 | [\"https://erp.example.com\"] added [\"https://erp.example.com\"] removed []",
        "7.0 WidgetOriginsSet | - | Zhang Wei | 2026-02-15 | [\"https://portal.example.com\"] added [\"https://portal.example.com\"] removed [\"https://erp.example.com\"]",
        "7.1 HoldPlaced | C0001 上海华联 | Li Wei | 2026-02-15 | (Cheque bounced)",
        "7.2 OrderOpened | C0001 上海华联 | Zhang Wei | 2026-02-15 | SO-0007 ¥8,000.00",
        "7.3 OrderReleased | C0001 上海华联 | Zhang Wei | 2026-02-15 | SO-0007 ¥8,000.00 (Director's call) blocked for [NoLimit, OnHold { since: 2026-02-15, reason: \"Cheque bounced\" }]",
        "8.0 CreditNoteIssued | C0001 上海华联 | Li Wei | 2026-02-20 | CN-001 ¥500.00 (Price correction) settled [] unapplied ¥500.00",
        "8.1 InvoiceIssued | C0002 Acme Trading Ltd | Li Wei | 2026-02-20 | INV-0044 ¥3,000.00 due 2026-04-06",
        "8.2 DisputeOpened | C0002 Acme Trading Ltd | Li Wei | 2026-02-21 | INV-0044 ¥1,000.00 (Short delivery)",
        "8.3 DisputeResolved | C0002 Acme Trading Ltd | Li Wei | 2026-02-25 | INV-0044 ¥1,000.00 Accepted",
        "8.4 InvoiceWrittenOff | C0002 Acme Trading Ltd | Li Wei | 2026-02-26 | INV-0044 ¥500.00 (Small balance)",
        "8.5 OrderClosed | C0001 上海华联 | Li Wei | 2026-02-27 | SO-0007 ¥8,000.00 Cancelled",
        "8.6 HoldReleased | C0001 上海华联 | Li Wei | 2026-02-27 | (Cheque cleared)",
        "8.7 LimitRequested | C0001 上海华联 | Li Wei | 2026-02-27 | ¥50,000.00 standing (Season stock)",
        "8.8 LimitRejected | C0001 上海华联 | Zhang Wei | 2026-02-28 | ¥50,000.00 standing (Not now)",
        "8.9 LimitRequested | C0002 Acme Trading Ltd | Li Wei | 2026-03-01 | ¥150,000.00 until 2026-03-10 (Season stock)",
        "8.10 LimitApproved | C0002 Acme Trading Ltd | Zhang Wei | 2026-03-01 | ¥150,000.00 until 2026-03-10 review 2027-03-01 grade B (Good payer)",
        // A lapse names no one: who sealed the event.
        "8.11 LimitLapsed | C0002 Acme Trading Ltd | Li Wei | 2026-03-11 | ¥150,000.00 until 2026-03-10",
        "8.12 CreditRecordAdded | C0002 Acme Trading Ltd | Li Wei | 2026-03-12 | signal",
        "8.13 PolicyChanged | - | Zhang Wei | 2026-03-12 | version 2",
        // Customer since names no one: who sealed the event; its date is the new one.
        "9.0 CustomerSinceChanged | C0001 上海华联 | Zhang Wei | 2025-06-01 | since 2025-06-01",
        "9.1 StrategyChanged | - | Zhang Wei | 2026-04-08 | strategy",
        // INV-0044, due 2026-04-06, is two days overdue: the due notice, by email.
        "9.2 TaskCompleted | C0002 Acme Trading Ltd | Zhang Wei | 2026-04-08 | DueNotice +1 Email Reached about [\"INV-0044\"] (Spoke to accounts)",
        "9.3 PromiseRecorded | C0002 Acme Trading Ltd | Zhang Wei | 2026-04-08 | ¥1,000.00 by 2026-04-15 +3",
        "9.4 CollectorAssigned | C0002 Acme Trading Ltd | Zhang Wei | 2026-04-08 | Li Wei",
        "9.5 StepEscalated | C0002 Acme Trading Ltd | Zhang Wei | 2026-04-08 | +30 about [\"INV-0044\"] (No answer)",
        // Company details carry no date: the day they were recorded.
        "9.6 CompanyDetailsSet | - | Zhang Wei | 2026-04-08 | company 信达贸易有限公司",
        "10.0 AlertAcknowledged | C0002 Acme Trading Ltd | Li Wei | 2026-07-06 | overdue_days since 2026-05-06",
        "10.1 AlertSnoozed | C0002 Acme Trading Ltd | Li Wei | 2026-07-06 | overdue_days since 2026-05-06 until 2026-07-20",
        "10.2 AlertHoldReleased | C0002 Acme Trading Ltd | Zhang Wei | 2026-07-06 | overdue_days since 2026-05-06 (Paying next week)",
        // Four eyes: Li Wei proposes, Zhang Wei decides; the approval's write-off is the
        // ledger's, named by no one, so by who sealed the event.
        "11.0 WriteOffProposed | C0002 Acme Trading Ltd | Li Wei | 2026-04-20 | INV-0044 ¥100.00 (Rounding)",
        "11.1 WriteOffApproved | C0002 Acme Trading Ltd | Zhang Wei | 2026-04-20 | INV-0044 ¥100.00",
        "11.2 InvoiceWrittenOff | C0002 Acme Trading Ltd | Li Wei | 2026-04-20 | INV-0044 ¥100.00 (Rounding)",
        "11.3 WriteOffProposed | C0002 Acme Trading Ltd | Li Wei | 2026-04-20 | INV-0044 ¥200.00 (Goodwill)",
        "11.4 WriteOffRejected | C0002 Acme Trading Ltd | Zhang Wei | 2026-04-20 | INV-0044 ¥200.00 (Not agreed)",
        "11.5 PlanAgreed | C0002 Acme Trading Ltd | Li Wei | 2026-04-20 | 2 instalments ¥2,400.00 to 2026-05-31 about [\"INV-0044\"]",
    ];
    assert_eq!(all_lines(&rows), expected);
    assert_eq!(rows.events().len(), 11);
    assert_eq!(
        rows.head(),
        book().sealed.last().map(|(sealed, _)| sealed.head())
    );
}

#[test]
fn every_kind_is_named_by_its_stored_tag_and_read_back() {
    for kind in EntryKind::ALL {
        assert_eq!(EntryKind::from_token(kind.token()), Some(kind));
    }
    assert_eq!(EntryKind::from_token("LimitRequested×1"), None);
    // The golden journal holds every kind, and each row's kind is its entry's.
    let book = book();
    let rows = book.read();
    let entries: Vec<&Entry> = book
        .sealed
        .iter()
        .flat_map(|(sealed, _)| &sealed.event.entries)
        .collect();
    assert_eq!(entries.len(), rows.rows().len());
    for (entry, row) in entries.iter().zip(rows.rows()) {
        assert_eq!(EntryKind::of(entry), row.facts.kind());
    }
    for kind in EntryKind::ALL {
        assert!(
            rows.rows().iter().any(|row| row.facts.kind() == kind),
            "{kind:?} is in the golden journal"
        );
    }
}

#[test]
fn a_customer_is_told_by_the_name_it_had_then_and_filtered_by_id() {
    let rows = book().read();
    let filter = JournalFilter {
        customer: Some(CustomerId(2)),
        ..JournalFilter::default()
    };
    // Newest first; before the rename it was Acme Trading, after it Acme Trading Ltd.
    assert_eq!(
        lines(&rows, &select(&rows, &filter))
            .iter()
            .map(|line| line.split(" | ").take(2).collect::<Vec<_>>().join(" | "))
            .collect::<Vec<_>>(),
        [
            "11.5 PlanAgreed | C0002 Acme Trading Ltd",
            "11.4 WriteOffRejected | C0002 Acme Trading Ltd",
            "11.3 WriteOffProposed | C0002 Acme Trading Ltd",
            "11.2 InvoiceWrittenOff | C0002 Acme Trading Ltd",
            "11.1 WriteOffApproved | C0002 Acme Trading Ltd",
            "11.0 WriteOffProposed | C0002 Acme Trading Ltd",
            "10.2 AlertHoldReleased | C0002 Acme Trading Ltd",
            "10.1 AlertSnoozed | C0002 Acme Trading Ltd",
            "10.0 AlertAcknowledged | C0002 Acme Trading Ltd",
            "9.5 StepEscalated | C0002 Acme Trading Ltd",
            "9.4 CollectorAssigned | C0002 Acme Trading Ltd",
            "9.3 PromiseRecorded | C0002 Acme Trading Ltd",
            "9.2 TaskCompleted | C0002 Acme Trading Ltd",
            "8.12 CreditRecordAdded | C0002 Acme Trading Ltd",
            "8.11 LimitLapsed | C0002 Acme Trading Ltd",
            "8.10 LimitApproved | C0002 Acme Trading Ltd",
            "8.9 LimitRequested | C0002 Acme Trading Ltd",
            "8.4 InvoiceWrittenOff | C0002 Acme Trading Ltd",
            "8.3 DisputeResolved | C0002 Acme Trading Ltd",
            "8.2 DisputeOpened | C0002 Acme Trading Ltd",
            "8.1 InvoiceIssued | C0002 Acme Trading Ltd",
            "6.0 CustomerUpdated | C0002 Acme Trading Ltd",
            "5.0 LimitApproved | C0002 Acme Trading",
            "4.0 LimitRequested | C0002 Acme Trading",
            "1.3 CustomerRegistered | C0002 Acme Trading",
        ]
    );
}

/// The positions' `seq.index` labels.
fn places(rows: &JournalRows, filter: &JournalFilter) -> Vec<String> {
    lines(rows, &select(rows, filter))
        .iter()
        .map(|line| line.split(' ').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn filters_by_actor_kind_and_days_combine() {
    let rows = book().read();
    let by = |name: &str| JournalFilter {
        actor: Some(name.to_string()),
        ..JournalFilter::default()
    };
    // Who acted: the entry's own `by` (Zhang approved in Li's events), else who sealed it.
    assert_eq!(
        places(&rows, &by("Zhang Wei")),
        [
            "11.4", "11.1", "10.2", "9.6", "9.5", "9.4", "9.3", "9.2", "9.1", "9.0", "8.13",
            "8.10", "8.8", "7.3", "7.2", "7.0", "6.1", "6.0", "5.1", "5.0", "1.1"
        ]
    );
    assert_eq!(places(&rows, &by("setup")), ["1.3", "1.2", "1.0"]);
    assert_eq!(places(&rows, &by("nobody")), Vec::<String>::new());
    assert_eq!(rows.actors(), ["Li Wei", "Zhang Wei", "setup"]);
    let kind = |kind| JournalFilter {
        kind: Some(kind),
        ..JournalFilter::default()
    };
    assert_eq!(
        places(&rows, &kind(EntryKind::InvoiceIssued)),
        ["8.1", "2.1", "2.0"]
    );
    assert_eq!(places(&rows, &kind(EntryKind::UserChanged)), ["5.1"]);
    // Days: each entry's own date, both ends included; a customer update counts on the
    // day it was recorded (2026-02-10).
    let days = JournalFilter {
        from: Some(date("2026-02-10")),
        to: Some(date("2026-02-15")),
        ..JournalFilter::default()
    };
    assert_eq!(
        places(&rows, &days),
        ["7.3", "7.2", "7.1", "7.0", "6.1", "6.0"]
    );
    let all = JournalFilter {
        customer: Some(CustomerId(1)),
        actor: Some("Li Wei".to_string()),
        kind: Some(EntryKind::InvoiceIssued),
        from: Some(date("2026-01-11")),
        to: None,
    };
    assert_eq!(places(&rows, &all), ["2.1"]);
    assert_eq!(places(&rows, &JournalFilter::default()).len(), 46);
}

#[test]
fn a_reversed_range_is_refused_not_shown_empty() {
    let reversed = JournalFilter {
        from: Some(date("2026-03-01")),
        to: Some(date("2026-02-01")),
        ..JournalFilter::default()
    };
    assert_eq!(
        reversed.check(),
        Err(FilterError::DatesReversed {
            from: date("2026-03-01"),
            to: date("2026-02-01"),
        })
    );
    let one_day = JournalFilter {
        from: Some(date("2026-02-01")),
        to: Some(date("2026-02-01")),
        ..JournalFilter::default()
    };
    assert_eq!(one_day.check(), Ok(()));
    assert_eq!(JournalFilter::default().check(), Ok(()));
}

#[test]
fn reading_goes_on_where_it_stopped_and_refuses_another_journal() {
    let book = book();
    let mut rows = JournalRows::new();
    let (first, day) = &book.sealed[0];
    rows.read(&first.event, first.hash, *day, &book.state)
        .expect("the first event");
    // The same event again, or one that skips, does not follow: nothing is read.
    assert_eq!(
        rows.read(&first.event, first.hash, *day, &book.state),
        Err(DoesNotFollow {
            expected: 2,
            found: 1
        })
    );
    let (third, day) = &book.sealed[2];
    assert_eq!(
        rows.read(&third.event, third.hash, *day, &book.state),
        Err(DoesNotFollow {
            expected: 2,
            found: 3
        })
    );
    // An event numbered 2 of another journal links to another first event.
    let mut other = Book::default();
    other.run(user(1, "Someone", Role::Director, None));
    other.seal("x", "2026-01-01");
    other.run(user(2, "Else", Role::Sales, Some(1)));
    other.seal("x", "2026-01-01");
    let (foreign, day) = &other.sealed[1];
    assert_eq!(
        rows.read(&foreign.event, foreign.hash, *day, &book.state),
        Err(DoesNotFollow {
            expected: 2,
            found: 2
        })
    );
    assert_eq!(rows.rows().len(), 4);
    for (sealed, day) in &book.sealed[1..] {
        rows.read(&sealed.event, sealed.hash, *day, &book.state)
            .expect("the rest");
    }
    assert_eq!(all_lines(&rows), all_lines(&book.read()));
}

#[test]
fn demo_s_reads_with_every_entry_about_someone_and_dated() {
    let (entries, state) = demo_portfolio(DemoSize::S, 7, date("2026-12-01")).expect("demo S");
    let sealed = SealedEvent::seal(None, Timestamp(0), "user", entries);
    let mut rows = JournalRows::new();
    rows.read(&sealed.event, sealed.hash, date("2026-12-01"), &state)
        .expect("one event");
    assert_eq!(rows.rows().len(), sealed.event.entries.len());
    for (entry, row) in sealed.event.entries.iter().zip(rows.rows()) {
        let kind = EntryKind::of(entry);
        assert_eq!(row.facts.kind(), kind);
        let about_a_customer = !matches!(
            kind,
            EntryKind::PolicyChanged
                | EntryKind::UserAdded
                | EntryKind::UserChanged
                | EntryKind::CompanyDetailsSet
                | EntryKind::WidgetOriginsSet
        );
        assert_eq!(
            row.facts.customer.is_some(),
            about_a_customer,
            "{}",
            line(&rows, row)
        );
        // Nothing the demo wrote names a record the portfolio does not hold.
        assert!(!line(&rows, row).contains('#'), "{}", line(&rows, row));
    }
}

#[test]
fn a_typed_customer_is_its_number_or_its_only_match() {
    let book = book();
    let ledger = &book.state.ledger;
    let index = SearchIndex::new(ledger);
    assert_eq!(pick(ledger, &index, "C0002"), Ok(CustomerId(2)));
    assert_eq!(pick(ledger, &index, " c0001 "), Ok(CustomerId(1)));
    assert_eq!(pick(ledger, &index, "上海"), Ok(CustomerId(1)));
    assert_eq!(pick(ledger, &index, "shhl"), Ok(CustomerId(1)));
    assert_eq!(pick(ledger, &index, "acme"), Ok(CustomerId(2)));
    assert_eq!(
        pick(ledger, &index, "C000"),
        Err(PickError::Several { count: 2 })
    );
    assert_eq!(pick(ledger, &index, "Nobody Ltd"), Err(PickError::NoMatch));
    assert_eq!(pick(ledger, &index, "  "), Err(PickError::NoMatch));
}

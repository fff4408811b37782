//! Collections golden scenarios: the reminder ladder by days (inclusive), one rung per task,
//! pre-due rungs, disputes left out, promises pausing and broken promises resuming, a full
//! payment ending the ladder and a new item starting again, escalation by authority, the
//! priority's parts, and every rejection of the collections' commands.
//!
//! Dates are those of one CNY customer on 30-day terms, taken on 2025-01-01. Its grade falls
//! as it pays late, and the grade picks the ladder; so that the scenarios read one ladder,
//! a strategy journalled in 2025 gives every grade the initial standard ladder: −5 pre-due, +1 due notice,
//! +7 friendly, +30 formal demand, +60 final notice, +90 hand-over. The last test keeps
//! the initial policy and sees a D customer on the strict ladder.

mod common;

use common::*;
use creditdesk_core::collections::{promise_status, Outcome, PriorityPart, PromiseStatus, Task};
use creditdesk_core::decide::{grade_on, task_on};
use creditdesk_core::policy::{Channel, CollectionPolicy, Grade, StepKind};
use creditdesk_core::team::Role;
use creditdesk_core::*;

struct Desk {
    ledger: Ledger,
    customer: CustomerId,
    manager: UserId,
    collector: UserId,
    sales: UserId,
}

fn add_user(ledger: &mut Ledger, name: &str, role: Role, by: UserId) -> UserId {
    let id = ledger.state.next_ids().user;
    ledger.run(Command::AddUser {
        id,
        name: name.to_string(),
        role,
        by: Some(by),
    });
    id
}

fn desk() -> Desk {
    let mut desk = desk_with_initial_policy();
    let mut strategy = CollectionPolicy::initial();
    let standard = strategy.ladders[0].clone();
    strategy.ladders = std::array::from_fn(|_| standard.clone());
    desk.ledger
        .run(Command::Collections(CollectionsCommand::ChangeStrategy {
            date: date("2025-01-01"),
            strategy,
            by: UserId(1),
        }));
    desk
}

fn desk_with_initial_policy() -> Desk {
    let mut ledger = Ledger::default();
    let director = ledger.director();
    let manager = add_user(&mut ledger, "Zhao Min", Role::Manager, director);
    let collector = add_user(&mut ledger, "Liu Yang", Role::Collector, director);
    let sales = add_user(&mut ledger, "Li Na", Role::Sales, director);
    let customer = ledger.register("C000001", "华信机械有限公司", Currency::CNY, 30);
    Desk {
        ledger,
        customer,
        manager,
        collector,
        sales,
    }
}

impl Desk {
    fn task(&self, on: &str) -> Option<Task> {
        let customer = self.ledger.customer(self.customer);
        task_on(&self.ledger.state, customer, date(on))
    }

    /// The step due on `on`: its offset and kind, and the invoices it covers.
    fn step(&self, on: &str) -> Option<(i32, StepKind, Vec<InvoiceId>)> {
        self.task(on)
            .map(|task| (task.step.offset_days, task.step.kind, task.invoices))
    }

    fn complete_command(&self, on: &str, channel: Channel) -> Command {
        Command::Collections(CollectionsCommand::CompleteTask {
            customer: self.customer,
            date: date(on),
            recorded_on: date(on),
            by: self.collector,
            channel,
            outcome: Outcome::Reached,
            notes: "spoke to accounts payable".to_string(),
        })
    }

    /// Completes the task due on `on` through its first channel.
    fn complete(&mut self, on: &str) {
        let channel = self.task(on).expect("a task is due").step.channels[0];
        let command = self.complete_command(on, channel);
        self.ledger.run(command);
    }

    fn promise_command(&self, on: &str, amount: &str, due: &str, tolerance: u32) -> Command {
        Command::Collections(CollectionsCommand::RecordPromise {
            id: self.ledger.state.next_ids().promise,
            customer: self.customer,
            date: date(on),
            recorded_on: date(on),
            by: self.collector,
            amount: cny(amount),
            due: date(due),
            tolerance_days: tolerance,
        })
    }

    fn escalate_command(&self, on: &str, by: UserId, offset: i32, reason: &str) -> Command {
        Command::Collections(CollectionsCommand::EscalateStep {
            customer: self.customer,
            date: date(on),
            recorded_on: date(on),
            by,
            offset_days: offset,
            reason: reason.to_string(),
        })
    }

    fn rejects(&self, command: Command, expected: Rejection) {
        assert_eq!(decide(&self.ledger.state, &command), Err(expected));
    }
}

/// Invoice A, ¥1,000 issued 2026-01-01, is due 2026-01-31.
#[test]
fn the_ladder_is_climbed_one_rung_per_task_with_inclusive_days() {
    let mut desk = desk();
    let a = desk
        .ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    // Six days before the due date nothing is due; five days before, the pre-due reminder.
    assert_eq!(desk.step("2026-01-25"), None);
    assert_eq!(
        desk.step("2026-01-26"),
        Some((-5, StepKind::PreDue, vec![a]))
    );
    desk.complete("2026-01-26");
    assert_eq!(desk.step("2026-01-26"), None, "done for today");
    // Due today is not overdue: the +1 due notice waits for tomorrow.
    assert_eq!(desk.step("2026-01-31"), None);
    assert_eq!(
        desk.step("2026-02-01"),
        Some((1, StepKind::DueNotice, vec![a]))
    );
    // Left undone for a month, the item has reached +30 but is still owed +1: nothing is
    // skipped. Each completed task moves it one rung: +1, then +7, then +30 (exactly 30 days
    // past due reaches it), and +60 is not due.
    assert_eq!(desk.step("2026-03-02").map(|s| s.0), Some(1));
    desk.complete("2026-03-02");
    assert_eq!(desk.step("2026-03-02").map(|s| s.0), Some(7));
    desk.complete("2026-03-02");
    assert_eq!(
        desk.step("2026-03-02"),
        Some((30, StepKind::FormalDemand, vec![a]))
    );
    desk.complete("2026-03-02");
    assert_eq!(desk.step("2026-03-31"), None, "59 days: +60 not yet");
    assert_eq!(desk.step("2026-04-01").map(|s| s.0), Some(60));
    // The contact log keeps every task with its rung and items.
    let log: Vec<i32> = (desk.ledger.state.collections.tasks_of(desk.customer))
        .map(|task| task.offset_days)
        .collect();
    assert_eq!(log, [-5, 1, 7, 30]);
}

#[test]
fn an_item_first_seen_overdue_starts_at_the_first_rung_after_its_due_date() {
    let mut desk = desk();
    // Due 2026-01-31; first looked at on 2026-02-10, ten days late: no pre-due reminder.
    let a = desk
        .ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    assert_eq!(
        desk.step("2026-02-10"),
        Some((1, StepKind::DueNotice, vec![a]))
    );
}

#[test]
fn a_disputed_invoice_is_left_out_and_the_others_go_on() {
    let mut desk = desk();
    let old = desk
        .ledger
        .invoice(desk.customer, "OLD", "2026-01-01", cny("1000.00"));
    let young = desk
        .ledger
        .invoice(desk.customer, "YOUNG", "2026-01-20", cny("500.00"));
    // Both past due on 2026-02-25 (25 and 6 days): one due notice covers both.
    assert_eq!(
        desk.step("2026-02-25"),
        Some((1, StepKind::DueNotice, vec![old, young]))
    );
    desk.ledger.dispute(old, "2026-02-24", None);
    let task = desk
        .task("2026-02-25")
        .expect("the undisputed invoice goes on");
    assert_eq!((task.driver, task.invoices.clone()), (young, vec![young]));
    assert_eq!(
        task.overdue,
        dec("500.00"),
        "the disputed amount is left out"
    );
}

#[test]
fn items_on_different_rungs_are_reminded_one_rung_at_a_time() {
    let mut desk = desk();
    let old = desk
        .ledger
        .invoice(desk.customer, "OLD", "2026-01-01", cny("1000.00"));
    // OLD gets its due notice alone on 2026-02-02 (YOUNG is not issued yet).
    desk.complete("2026-02-02");
    let young = desk
        .ledger
        .invoice(desk.customer, "YOUNG", "2026-02-05", cny("500.00"));
    // 2026-03-10: OLD is 38 days late and owed +7; YOUNG is 3 days late and owed +1.
    // The oldest item leads: +7 for OLD alone; then YOUNG's +1.
    assert_eq!(
        desk.step("2026-03-10"),
        Some((7, StepKind::Friendly, vec![old]))
    );
    desk.complete("2026-03-10");
    assert_eq!(
        desk.step("2026-03-10"),
        Some((30, StepKind::FormalDemand, vec![old]))
    );
    desk.complete("2026-03-10");
    assert_eq!(
        desk.step("2026-03-10"),
        Some((1, StepKind::DueNotice, vec![young]))
    );
}

#[test]
fn a_full_payment_ends_the_ladder_and_a_new_item_starts_again() {
    let mut desk = desk();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    desk.complete("2026-02-01");
    desk.complete("2026-02-07");
    desk.ledger.pay(
        desk.customer,
        "2026-02-08",
        cny("1000.00"),
        AllocationChoice::OldestFirst,
    );
    assert_eq!(
        desk.step("2026-03-15"),
        None,
        "nothing open, nothing to remind"
    );
    let b = desk
        .ledger
        .invoice(desk.customer, "B", "2026-03-01", cny("300.00"));
    // B is due 2026-03-31: it starts at the first rung, the pre-due reminder.
    assert_eq!(
        desk.step("2026-03-26"),
        Some((-5, StepKind::PreDue, vec![b]))
    );
}

#[test]
fn a_pending_promise_pauses_and_a_broken_one_resumes_and_counts() {
    let mut desk = desk();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    assert!(desk.step("2026-03-03").is_some());
    let command = desk.promise_command("2026-03-03", "1000.00", "2026-03-10", 2);
    desk.ledger.run(command);
    // Pending to the deadline, 2026-03-12 (the due day plus two days' tolerance).
    assert_eq!(desk.step("2026-03-05"), None);
    assert_eq!(desk.step("2026-03-12"), None);
    let promise = desk.ledger.state.collections.promises[0].clone();
    let ledger = &desk.ledger.state.ledger;
    assert_eq!(
        promise_status(ledger, &promise, date("2026-03-12")),
        PromiseStatus::Pending
    );
    assert_eq!(
        promise_status(ledger, &promise, date("2026-03-13")),
        PromiseStatus::Broken
    );
    // Broken: reminders resume, and the broken promise weighs in the priority.
    let task = desk.task("2026-03-13").expect("reminders resume");
    assert!(task.priority.parts.contains(&PriorityPart::BrokenPromises {
        count: 1,
        points: 15
    }));
}

#[test]
fn a_promise_is_kept_partly_kept_or_broken_by_the_payments_within_its_tolerance() {
    let mut desk = desk();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    let command = desk.promise_command("2026-03-03", "600.00", "2026-03-10", 2);
    desk.ledger.run(command);
    desk.ledger.pay(
        desk.customer,
        "2026-03-02",
        cny("50.00"),
        AllocationChoice::OldestFirst,
    );
    desk.ledger.pay(
        desk.customer,
        "2026-03-05",
        cny("400.00"),
        AllocationChoice::OldestFirst,
    );
    let promise = desk.ledger.state.collections.promises[0].clone();
    let status =
        |ledger: &Ledger, on: &str| promise_status(&ledger.state.ledger, &promise, date(on));
    // The payment before the promise does not count; 400 of 600 by the deadline.
    assert_eq!(
        status(&desk.ledger, "2026-03-13"),
        PromiseStatus::PartlyKept {
            paid: dec("400.00")
        }
    );
    assert!(status(&desk.ledger, "2026-03-13").is_broken());
    // 200 more on the last day of the tolerance keeps it, on that day.
    desk.ledger.pay(
        desk.customer,
        "2026-03-12",
        cny("200.00"),
        AllocationChoice::OldestFirst,
    );
    assert_eq!(
        status(&desk.ledger, "2026-03-20"),
        PromiseStatus::Kept {
            on: date("2026-03-12")
        }
    );
}

#[test]
fn an_escalation_by_a_manager_skips_rungs_and_is_due_at_once() {
    let mut desk = desk();
    let a = desk
        .ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    desk.complete("2026-02-01");
    // Ten days late, owed +7; a collector may not skip to the final notice, a manager may.
    let command = desk.escalate_command("2026-02-10", desk.collector, 60, "no answer for weeks");
    desk.rejects(
        command,
        Rejection::AboveAuthority {
            required: Role::Manager,
        },
    );
    let command = desk.escalate_command("2026-02-10", desk.manager, 60, "no answer for weeks");
    desk.ledger.run(command);
    let task = desk
        .task("2026-02-10")
        .expect("the escalated rung is due at once");
    assert_eq!(
        (task.step.offset_days, task.escalated, task.invoices.clone()),
        (60, true, vec![a])
    );
    desk.complete("2026-02-10");
    // Done: the next rung, +90, waits for its days again.
    assert_eq!(desk.step("2026-03-31"), None);
    assert_eq!(desk.step("2026-05-01").map(|s| s.0), Some(90));
}

/// ¥25,000 overdue in CNY (the base currency): 10 points; 40 days: 13; no broken promise.
#[test]
fn the_priority_is_the_sum_of_its_stated_parts() {
    let mut desk = desk();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("25000.00"));
    let task = desk.task("2026-03-12").expect("a task");
    let grade = grade_on(
        &desk.ledger.state,
        desk.ledger.customer(desk.customer),
        date("2026-03-12"),
    );
    let grade_points = match grade {
        Grade::A => 0,
        Grade::B => 5,
        Grade::C => 10,
        Grade::D => 20,
        Grade::E => 30,
    };
    assert_eq!(
        task.priority.parts,
        vec![
            PriorityPart::Overdue {
                base: Some(dec("25000.00")),
                points: 10
            },
            PriorityPart::Days {
                days: 40,
                points: 13
            },
            PriorityPart::Grade {
                grade,
                points: grade_points
            },
            PriorityPart::BrokenPromises {
                count: 0,
                points: 0
            },
        ]
    );
    assert_eq!(task.priority.points, 23 + grade_points);
}

#[test]
fn every_collections_rule_is_refused_with_its_reason() {
    let mut desk = desk();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    // Nothing due before the pre-due rung.
    desk.rejects(
        desk.complete_command("2026-01-20", Channel::Email),
        Rejection::NoTaskDue,
    );
    // The due notice goes by email only.
    desk.rejects(
        desk.complete_command("2026-02-02", Channel::Letter),
        Rejection::ChannelNotInStep {
            allowed: vec![Channel::Email],
        },
    );
    // Sales do not work collections.
    let mut by_sales = desk.complete_command("2026-02-02", Channel::Email);
    if let Command::Collections(CollectionsCommand::CompleteTask { by, .. }) = &mut by_sales {
        *by = desk.sales;
    }
    desk.rejects(by_sales, Rejection::NotCollecting { role: Role::Sales });
    // A day that is no rung; a rung already passed.
    desk.rejects(
        desk.escalate_command("2026-02-10", desk.manager, 45, "unresponsive"),
        Rejection::StepNotInLadder,
    );
    desk.rejects(
        desk.escalate_command("2026-02-10", desk.manager, 60, "  "),
        Rejection::ReasonEmpty,
    );
    desk.complete("2026-02-02");
    desk.rejects(
        desk.escalate_command("2026-02-10", desk.manager, -5, "again"),
        Rejection::NothingToEscalate,
    );
    // Promises: by a day before they are made, too long a tolerance, a foreign currency,
    // dated after the day they are entered.
    desk.rejects(
        desk.promise_command("2026-03-03", "100.00", "2026-03-02", 0),
        Rejection::PromiseDueBeforeDate,
    );
    desk.rejects(
        desk.promise_command("2026-03-03", "100.00", "2026-03-10", 31),
        Rejection::ToleranceTooLong { max: 30 },
    );
    let mut in_dollars = desk.promise_command("2026-03-03", "100.00", "2026-03-10", 0);
    if let Command::Collections(CollectionsCommand::RecordPromise { amount, .. }) = &mut in_dollars
    {
        *amount = money("100.00", Currency::USD);
    }
    desk.rejects(
        in_dollars,
        Rejection::CurrencyMismatch {
            expected: "CNY".to_string(),
            found: "USD".to_string(),
        },
    );
    let mut future = desk.promise_command("2026-03-05", "100.00", "2026-03-10", 0);
    if let Command::Collections(CollectionsCommand::RecordPromise { recorded_on, .. }) = &mut future
    {
        *recorded_on = date("2026-03-04");
    }
    desk.rejects(
        future,
        Rejection::DateInFuture {
            today: date("2026-03-04"),
        },
    );
    // Assigning: by a manager, to someone who collects.
    let assign = |by, collector| {
        Command::Collections(CollectionsCommand::AssignCollector {
            customer: desk.customer,
            date: date("2026-03-03"),
            by,
            collector: Some(collector),
        })
    };
    desk.rejects(
        assign(desk.collector, desk.collector),
        Rejection::AboveAuthority {
            required: Role::Manager,
        },
    );
    desk.rejects(
        assign(desk.manager, desk.sales),
        Rejection::NotCollecting { role: Role::Sales },
    );
    let command = assign(desk.manager, desk.collector);
    desk.ledger.run(command);
    assert_eq!(
        desk.ledger.state.collections.collector_of(desk.customer),
        Some(desk.collector)
    );
}

/// The initial strategy is what every policy journalled before strategies existed means:
/// pinned here, so that changing it (which would change those policies) fails.
#[test]
fn the_initial_strategy_is_pinned() {
    let initial = creditdesk_core::policy::CollectionPolicy::initial();
    let offsets: Vec<Vec<i32>> = initial
        .ladders
        .iter()
        .map(|ladder| ladder.iter().map(|rung| rung.offset_days).collect())
        .collect();
    let standard = vec![-5, 1, 7, 30, 60, 90];
    let strict = vec![-7, 1, 5, 21, 45, 75];
    assert_eq!(
        offsets,
        [
            standard.clone(),
            standard.clone(),
            standard,
            strict.clone(),
            strict
        ]
    );
    let kinds_and_channels: Vec<String> = initial
        .ladders
        .iter()
        .flat_map(|ladder| {
            ladder
                .iter()
                .map(|rung| format!("{:?}{:?}", rung.kind, rung.channels))
        })
        .collect();
    assert_eq!(kinds_and_channels.len(), 30);
    assert_eq!(
        kinds_and_channels[..6],
        [
            "PreDue[Email]",
            "DueNotice[Email]",
            "Friendly[Email, Phone]",
            "FormalDemand[Letter, Email]",
            "FinalNotice[Letter]",
            "Handover[Letter]"
        ]
    );
    assert_eq!(
        kinds_and_channels[24..],
        [
            "PreDue[Email, Phone]",
            "DueNotice[Email, Phone]",
            "Friendly[Phone]",
            "FormalDemand[Letter, Email]",
            "FinalNotice[Letter]",
            "Handover[Letter]"
        ]
    );
    // The credit policy does not carry it: credit policies already journalled keep their text.
    let policy = creditdesk_core::policy::CreditPolicy::default();
    assert!(!serde_json::to_string(&policy).unwrap().contains("ladders"));
}

/// Under the initial policy, a customer whose late payments bring it to grade D or E is reminded
/// on the strict ladder: its final notice at +45, not +60.
#[test]
fn the_ladder_follows_the_grade() {
    let mut desk = desk_with_initial_policy();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    for on in ["2026-02-01", "2026-02-07", "2026-03-02"] {
        desk.complete(on);
    }
    let customer = desk.ledger.customer(desk.customer);
    let grade = grade_on(&desk.ledger.state, customer, date("2026-03-17"));
    assert!(matches!(grade, Grade::D | Grade::E), "{grade:?}");
    assert_eq!(
        desk.step("2026-03-17").map(|s| (s.0, s.1)),
        Some((45, StepKind::FinalNotice))
    );
}

/// As of a date means as of that date: a task done on 2026-02-05, an escalation on
/// 2026-02-10 and a promise made on 2026-02-12 do not count when the list is asked for
/// 2026-02-03 (due notice still owed), and count from their own days on.
#[test]
fn the_worklist_as_of_a_past_date_counts_only_what_was_dated_by_then() {
    let mut desk = desk();
    desk.ledger
        .invoice(desk.customer, "A", "2026-01-01", cny("1000.00"));
    desk.complete("2026-02-05");
    let command = desk.escalate_command("2026-02-10", desk.manager, 60, "no answer");
    desk.ledger.run(command);
    let command = desk.promise_command("2026-02-12", "1000.00", "2026-02-20", 0);
    desk.ledger.run(command);
    assert_eq!(
        desk.step("2026-02-03").map(|s| s.0),
        Some(1),
        "before the task"
    );
    assert_eq!(
        desk.step("2026-02-07").map(|s| s.0),
        Some(7),
        "after it, before the escalation"
    );
    let escalated = desk.task("2026-02-11").expect("the escalation is due");
    assert_eq!(
        (escalated.step.offset_days, escalated.escalated),
        (60, true)
    );
    assert_eq!(
        desk.step("2026-02-13"),
        None,
        "the promise made on 2026-02-12 pauses"
    );
    assert_eq!(
        desk.step("2026-02-21").map(|s| s.0),
        Some(60),
        "broken: resumed"
    );
}

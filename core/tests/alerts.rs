//! Alerts golden scenarios: every rule on both sides of its threshold (days and points are
//! inclusive, amounts and percentages exclusive), the first-held date of a run, acknowledge,
//! snooze and back, the alert hold and its release, a new run holding again, the credit
//! check blocking on it, and the policy in force on a past date.
//!
//! One CNY customer on 30-day terms, registered 2025-01-01, under the default alert policy
//! unless a test changes it: overdue at least 30 days warns, at least 90 is severe and holds;
//! leftover ¥1.00; overdue total above ¥50,000.00; utilisation above 90 %; score drop at
//! least 10 points; signals within 30 days; broken promises for 30 days after the deadline.

mod common;

use common::*;
use creditdesk_core::alerts::{
    alert_hold, alerts_on, customer_alerts, Alert, AlertReason, AlertStatus,
};
use creditdesk_core::check::check_order;
use creditdesk_core::credit::{CreditRecord, CreditReport, RiskSignal, Severity, SignalKind};
use creditdesk_core::limits::{limit_status, CheckReason, LimitStatus};
use creditdesk_core::policy::{AlertRule, AlertSeverity, CreditPolicy};
use creditdesk_core::team::Role;
use creditdesk_core::*;

struct Desk {
    ledger: Ledger,
    customer: CustomerId,
    director: UserId,
    manager: UserId,
    collector: UserId,
    analyst: UserId,
}

fn add_user(ledger: &mut Ledger, name: &str, role: Role) -> UserId {
    let id = ledger.state.next_ids().user;
    ledger.run(Command::AddUser {
        id,
        name: name.to_string(),
        role,
        by: Some(UserId(1)),
    });
    id
}

fn desk() -> Desk {
    let mut ledger = Ledger::default();
    let director = ledger.director();
    let manager = add_user(&mut ledger, "Zhao Min", Role::Manager);
    let collector = add_user(&mut ledger, "Liu Yang", Role::Collector);
    let analyst = add_user(&mut ledger, "Wang Wei", Role::Analyst);
    let customer = ledger.register("C000001", "华信机械有限公司", Currency::CNY, 30);
    Desk {
        ledger,
        customer,
        director,
        manager,
        collector,
        analyst,
    }
}

impl Desk {
    fn alerts(&self, on: &str) -> Vec<Alert> {
        let customer = self.ledger.customer(self.customer);
        customer_alerts(&self.ledger.state.alert_sources(), customer, date(on))
    }

    fn alert(&self, rule: AlertRule, on: &str) -> Option<Alert> {
        self.alerts(on).into_iter().find(|alert| alert.rule == rule)
    }

    fn rules(&self, on: &str) -> Vec<AlertRule> {
        self.alerts(on).iter().map(|alert| alert.rule).collect()
    }

    fn invoice(&mut self, number: &str, issue: &str, amount: &str) -> InvoiceId {
        self.ledger
            .invoice(self.customer, number, issue, cny(amount))
    }

    fn pay(&mut self, on: &str, parts: &[(InvoiceId, &str)]) {
        let total: rust_decimal::Decimal = parts.iter().map(|(_, amount)| dec(amount)).sum();
        self.ledger
            .pay(self.customer, on, cny(&total.to_string()), manual(parts));
    }

    fn run(&mut self, command: AlertsCommand) -> Result<Vec<Entry>, Rejection> {
        let decided = decide(&self.ledger.state, &Command::Alerts(command));
        if let Ok(entries) = &decided {
            for entry in entries {
                self.ledger.state.apply(entry).expect("decided entries fit");
            }
        }
        decided
    }

    fn policy(&mut self, from: &str, change: impl FnOnce(&mut CreditPolicy)) {
        let mut policy = self.ledger.state.policy();
        policy.version += 1;
        change(&mut policy);
        self.ledger.run(Command::ChangePolicy {
            date: date(from),
            policy: Box::new(policy),
            by: self.director,
        });
    }

    fn blocked_for(&self, on: &str) -> Vec<CheckReason> {
        let state = &self.ledger.state;
        let check = check_order(
            state,
            &state.policy_on(date(on)),
            self.customer,
            &plain("0", Currency::CNY),
            date(on),
        )
        .expect("a check");
        check
            .reasons
            .into_iter()
            .filter(|reason| matches!(reason, CheckReason::OnAlertHold { .. }))
            .collect()
    }
}

#[test]
fn overdue_days_hold_from_exactly_n_days_and_turn_severe_at_ninety() {
    let mut desk = desk();
    // Issued 2025-01-01 on 30 days: due 2025-01-31; + 30 days = 2025-03-02.
    desk.invoice("INV-1", "2025-01-01", "10000.00");
    assert_eq!(
        desk.alert(AlertRule::OverdueDays, "2025-03-01"),
        None,
        "29 days"
    );
    let alert = desk
        .alert(AlertRule::OverdueDays, "2025-03-02")
        .expect("30 days");
    assert_eq!(alert.severity, AlertSeverity::Warning);
    assert_eq!(alert.since, date("2025-03-02"));
    assert_eq!(
        alert.reasons,
        [AlertReason::ItemOverdue {
            invoice: "INV-1".to_string(),
            days: 30,
            open: plain("10000.00", Currency::CNY),
            threshold: 30,
        }]
    );
    // Jan 31 → Apr 30 is 89 days (28 + 31 + 30), → May 1 is 90: severe from then, on hold.
    let warning = desk
        .alert(AlertRule::OverdueDays, "2025-04-30")
        .expect("89 days");
    assert_eq!(warning.severity, AlertSeverity::Warning);
    assert!(!warning.holding);
    let severe = desk
        .alert(AlertRule::OverdueDays, "2025-05-01")
        .expect("90 days");
    assert_eq!(severe.severity, AlertSeverity::Severe);
    assert!(severe.holding);
    // The run began when it first held, as a warning.
    assert_eq!(severe.since, date("2025-03-02"));
}

#[test]
fn a_leftover_of_at_most_one_yuan_never_alerts() {
    let mut desk = desk();
    let one = desk.invoice("INV-1", "2025-01-01", "10000.00");
    let cent = desk.invoice("INV-2", "2025-01-01", "10000.00");
    // ¥1.00 left on INV-1 (not above the leftover), ¥1.01 left on INV-2 (above it).
    desk.pay("2025-02-10", &[(one, "9999.00"), (cent, "9998.99")]);
    let alert = desk
        .alert(AlertRule::OverdueDays, "2025-03-02")
        .expect("INV-2");
    assert_eq!(
        alert.reasons,
        [AlertReason::ItemOverdue {
            invoice: "INV-2".to_string(),
            days: 30,
            open: plain("1.01", Currency::CNY),
            threshold: 30,
        }]
    );
    desk.pay("2025-03-03", &[(cent, "0.01")]);
    assert_eq!(desk.alert(AlertRule::OverdueDays, "2025-03-03"), None);
}

#[test]
fn the_first_held_date_follows_the_unbroken_run_across_items() {
    let mut desk = desk();
    // A due 01-31, in the run from 03-02; C due 02-05, in from 03-07; B due 03-17, in from
    // 04-16.
    let a = desk.invoice("INV-A", "2025-01-01", "1000.00");
    let c = desk.invoice("INV-C", "2025-01-06", "1000.00");
    desk.invoice("INV-B", "2025-02-15", "1000.00");
    // A paid 03-10: C took over on 03-07, before A left, so the run goes on from 03-02.
    desk.pay("2025-03-10", &[(a, "1000.00")]);
    let alert = desk.alert(AlertRule::OverdueDays, "2025-03-15").expect("C");
    assert_eq!(alert.since, date("2025-03-02"));
    // C paid 03-20: nothing is 30 days overdue until B on 04-16, a new run.
    desk.pay("2025-03-20", &[(c, "1000.00")]);
    assert_eq!(desk.alert(AlertRule::OverdueDays, "2025-04-15"), None);
    let alert = desk.alert(AlertRule::OverdueDays, "2025-04-20").expect("B");
    assert_eq!(alert.since, date("2025-04-16"));
}

#[test]
fn the_overdue_total_alerts_above_the_threshold_not_at_it() {
    let mut desk = desk();
    // Due 01-31: overdue from 02-01, exactly ¥50,000.00: not above it.
    desk.invoice("INV-1", "2025-01-01", "50000.00");
    assert_eq!(desk.alert(AlertRule::OverdueAmount, "2025-02-01"), None);
    // Another due 02-04 (issued 01-05): from 02-05 the total is ¥50,000.01.
    desk.invoice("INV-2", "2025-01-05", "0.01");
    assert_eq!(desk.alert(AlertRule::OverdueAmount, "2025-02-04"), None);
    let alert = desk
        .alert(AlertRule::OverdueAmount, "2025-02-10")
        .expect("above");
    assert_eq!(alert.since, date("2025-02-05"));
    assert_eq!(
        alert.reasons,
        [AlertReason::OverdueTotal {
            overdue: plain("50000.01", Currency::CNY),
            overdue_base: plain("50000.01", Currency::CNY),
            threshold: plain("50000", Currency::CNY),
        }]
    );
}

fn with_limit(desk: &mut Desk, amount: &str) {
    let id = desk.ledger.state.next_ids().request;
    desk.ledger.run(Command::RequestLimit {
        id,
        customer: desk.customer,
        date: date("2025-01-02"),
        by: desk.analyst,
        amount: limit(amount, Currency::CNY),
        reason: "trade".to_string(),
        until: None,
    });
    desk.ledger.run(Command::ApproveLimit {
        request: id,
        date: date("2025-01-02"),
        by: desk.director,
        comment: String::new(),
    });
}

#[test]
fn utilisation_alerts_above_the_percentage_not_at_it() {
    let mut desk = desk();
    with_limit(&mut desk, "100000");
    // ¥90,000.00 of ¥100,000.00 is exactly 90 %: not above.
    desk.invoice("INV-1", "2025-01-10", "90000.00");
    assert_eq!(desk.alert(AlertRule::Utilisation, "2025-01-15"), None);
    // An order of ¥0.01 on 01-20: 90,000.01 ÷ 100,000 × 100 = 90.00001 %, shown 90.0.
    desk.ledger.order(desk.customer, "2025-01-20", cny("0.01"));
    assert_eq!(desk.alert(AlertRule::Utilisation, "2025-01-19"), None);
    let alert = desk
        .alert(AlertRule::Utilisation, "2025-01-25")
        .expect("above");
    assert_eq!(alert.since, date("2025-01-20"));
    assert_eq!(
        alert.reasons,
        [AlertReason::Utilisation {
            percent: dec("90.0"),
            threshold: dec("90"),
            exposure: plain("90000.01", Currency::CNY),
            limit: plain("100000", Currency::CNY),
        }]
    );
}

#[test]
fn the_review_date_passed_alerts_from_the_day_after_it() {
    let mut desk = desk();
    with_limit(&mut desk, "100000");
    let LimitStatus::InForce(limit) =
        limit_status(&desk.ledger.state.limits, desk.customer, date("2025-01-02"))
    else {
        panic!("a limit in force");
    };
    let review_on = limit.review_on;
    let on = |day: chrono::NaiveDate| day.format("%Y-%m-%d").to_string();
    assert_eq!(desk.alert(AlertRule::ReviewPassed, &on(review_on)), None);
    let next = review_on.succ_opt().expect("a day");
    let alert = desk
        .alert(AlertRule::ReviewPassed, &on(next))
        .expect("passed");
    assert_eq!(alert.since, next);
    assert_eq!(alert.severity, AlertSeverity::Info);
    assert_eq!(
        alert.reasons,
        [AlertReason::ReviewPassed { review_on, days: 1 }]
    );
}

fn signal(desk: &mut Desk, dated: &str, recorded: &str, severity: Severity) {
    desk.ledger.run(Command::AddCreditRecord {
        customer: desk.customer,
        recorded_on: date(recorded),
        record: CreditRecord::Signal(RiskSignal {
            kind: SignalKind::Lawsuit,
            date: date(dated),
            severity,
            source: "court notice".to_string(),
            notes: String::new(),
        }),
    });
}

#[test]
fn a_risk_signal_alerts_from_when_it_is_known_for_thirty_days_after_its_date() {
    let mut desk = desk();
    signal(&mut desk, "2025-03-01", "2025-03-05", Severity::Medium);
    assert_eq!(
        desk.alert(AlertRule::RiskSignal, "2025-03-04"),
        None,
        "not known yet"
    );
    let alert = desk
        .alert(AlertRule::RiskSignal, "2025-03-05")
        .expect("known");
    assert_eq!(alert.since, date("2025-03-05"));
    // 03-01 + 30 days = 03-31: still within (inclusive); 04-01 is 31 days.
    let last = desk
        .alert(AlertRule::RiskSignal, "2025-03-31")
        .expect("30 days");
    assert_eq!(
        last.reasons,
        [AlertReason::SignalRecorded {
            signal: SignalKind::Lawsuit,
            severity: Severity::Medium,
            date: date("2025-03-01"),
            days: 30,
            threshold: 30,
        }]
    );
    assert_eq!(desk.alert(AlertRule::RiskSignal, "2025-04-01"), None);
}

#[test]
fn a_broken_promise_alerts_the_day_after_its_deadline_for_thirty_days() {
    let mut desk = desk();
    desk.invoice("INV-1", "2025-01-01", "5000.00");
    desk.ledger
        .run(Command::Collections(CollectionsCommand::RecordPromise {
            id: PromiseId(1),
            customer: desk.customer,
            date: date("2025-03-01"),
            recorded_on: date("2025-03-01"),
            by: desk.collector,
            amount: cny("1000.00"),
            due: date("2025-03-10"),
            tolerance_days: 3,
        }));
    // Deadline 03-10 + 3 = 03-13; ¥400.00 paid by then: partly kept, broken from 03-14.
    desk.ledger.pay(
        desk.customer,
        "2025-03-12",
        cny("400.00"),
        AllocationChoice::OldestFirst,
    );
    assert_eq!(desk.alert(AlertRule::PromiseBroken, "2025-03-13"), None);
    let alert = desk
        .alert(AlertRule::PromiseBroken, "2025-03-14")
        .expect("broken");
    assert_eq!(alert.since, date("2025-03-14"));
    assert_eq!(
        alert.reasons,
        [AlertReason::PromiseBroken {
            due: date("2025-03-10"),
            deadline: date("2025-03-13"),
            promised: plain("1000.00", Currency::CNY),
            paid: plain("400.00", Currency::CNY),
        }]
    );
    // 03-13 + 30 = 04-12 is the last day.
    assert!(desk.alert(AlertRule::PromiseBroken, "2025-04-12").is_some());
    assert_eq!(desk.alert(AlertRule::PromiseBroken, "2025-04-13"), None);
}

#[test]
fn a_missed_instalment_alerts_the_day_after_its_tolerance_for_thirty_days() {
    let mut desk = desk();
    let invoice = desk.invoice("INV-1", "2025-01-01", "3000.00");
    let instalments = [("2025-03-10", "1000.00"), ("2025-04-10", "2000.00")];
    desk.ledger
        .run(Command::Collections(CollectionsCommand::AgreePlan {
            id: desk.ledger.state.next_ids().plan,
            customer: desk.customer,
            date: date("2025-03-01"),
            recorded_on: date("2025-03-01"),
            by: desk.collector,
            invoices: vec![invoice],
            instalments: (instalments.iter())
                .map(|(due, amount)| InstalmentInput {
                    due: date(due),
                    amount: cny(amount),
                })
                .collect(),
            tolerance_days: 5,
        }));
    // Instalment 1: due 03-10, tolerance 5 → deadline 03-15; ¥600.00 of ¥1,000.00 paid by
    // then. Late within the tolerance is no alert; missed from 03-16.
    desk.pay("2025-03-12", &[(invoice, "600.00")]);
    assert_eq!(desk.alert(AlertRule::InstalmentMissed, "2025-03-15"), None);
    let alert = desk
        .alert(AlertRule::InstalmentMissed, "2025-03-16")
        .expect("missed");
    assert_eq!(
        (alert.since, alert.severity),
        (date("2025-03-16"), AlertSeverity::Warning)
    );
    assert_eq!(
        alert.reasons,
        [AlertReason::InstalmentMissed {
            number: 1,
            due: date("2025-03-10"),
            deadline: date("2025-03-15"),
            amount: plain("1000.00", Currency::CNY),
        }]
    );
    // Paid in full afterwards, it stays missed (the plan is broken) for its 30 days: the last
    // day is 03-15 + 30 = 04-14. Instalment 2 (deadline 04-15) is missed from 04-16: a new run,
    // as 04-15 held neither.
    desk.pay("2025-03-20", &[(invoice, "400.00")]);
    assert!(desk
        .alert(AlertRule::InstalmentMissed, "2025-04-14")
        .is_some());
    assert_eq!(desk.alert(AlertRule::InstalmentMissed, "2025-04-15"), None);
    let second = desk
        .alert(AlertRule::InstalmentMissed, "2025-04-16")
        .expect("the second missed");
    assert_eq!(second.reasons.len(), 1);
    assert!(matches!(
        second.reasons[0],
        AlertReason::InstalmentMissed { number: 2, .. }
    ));
    assert_eq!(second.since, date("2025-04-16"));
    // A policy that makes it severe puts the customer on hold: the check blocks.
    desk.policy("2025-04-01", |policy| {
        policy.alerts.instalment_missed = AlertSeverity::Severe;
    });
    assert_eq!(desk.blocked_for("2025-04-16").len(), 1);
    assert!(desk.blocked_for("2025-03-16").is_empty());
}

#[test]
fn a_stale_report_alerts_from_the_first_day_beyond_its_months() {
    let mut desk = desk();
    desk.ledger.run(Command::AddCreditRecord {
        customer: desk.customer,
        recorded_on: date("2025-01-20"),
        record: CreditRecord::Report(CreditReport {
            agency: "Bureau".to_string(),
            report_date: date("2025-01-15"),
            rating: "A".to_string(),
            recommended_limit: None,
            notes: String::new(),
        }),
    });
    // Stale beyond 12 whole months: 2026-02-14 is 12 months and 30 days, 2026-02-15 is 13.
    assert_eq!(desk.alert(AlertRule::FileStale, "2026-02-14"), None);
    let alert = desk
        .alert(AlertRule::FileStale, "2026-02-15")
        .expect("stale");
    assert_eq!(alert.since, date("2026-02-15"));
    assert_eq!(
        alert.reasons,
        [AlertReason::ReportStale {
            report_date: date("2025-01-15"),
            months: 13,
            limit: 12
        }]
    );
}

#[test]
fn score_and_grade_drops_compare_with_the_last_month_end() {
    let mut desk = desk();
    // The scores come from the score itself (its own goldens are in score.rs): what is
    // checked here is the comparison with the month end and its inclusive threshold.
    let score_on = |desk: &Desk, on: &str| {
        let customer = desk.ledger.customer(desk.customer);
        let state = &desk.ledger.state;
        let inputs = creditdesk_core::credit::score::score_inputs(
            &state.ledger,
            &state.credit,
            customer,
            date(on),
        );
        creditdesk_core::credit::score::score(&inputs, &state.policy_on(date(on)))
    };
    signal(&mut desk, "2025-03-05", "2025-03-05", Severity::High);
    let before = score_on(&desk, "2025-02-28");
    let now = score_on(&desk, "2025-03-10");
    let points = before.score - now.score;
    assert!(points > dec("0"), "a new high signal lowers the score");
    // Threshold exactly the drop: held (inclusive); 0.1 more: not.
    desk.policy("2025-01-01", |p| {
        p.alerts.score_drop_points = points;
        p.grade_floors = [
            before.score + dec("2"),
            before.score + dec("1"),
            before.score,
            before.score - dec("20"),
        ];
    });
    let alert = desk
        .alert(AlertRule::ScoreDrop, "2025-03-10")
        .expect("dropped");
    assert_eq!(alert.since, date("2025-03-05"));
    assert_eq!(
        alert.reasons,
        [AlertReason::ScoreDropped {
            before: before.score,
            now: now.score,
            points,
            threshold: points,
            month_end: date("2025-02-28"),
        }]
    );
    // The floors put the month-end score at exactly C's floor (C) and today's below it (D).
    let grade = desk
        .alert(AlertRule::GradeDrop, "2025-03-10")
        .expect("grade");
    assert_eq!(grade.since, date("2025-03-05"));
    assert_eq!(grade.reasons.len(), 1);
    desk.policy("2025-01-01", |p| {
        p.alerts.score_drop_points = points + dec("0.1")
    });
    assert_eq!(desk.alert(AlertRule::ScoreDrop, "2025-03-10"), None);
}

#[test]
fn an_acknowledged_run_stays_acknowledged_and_a_new_run_is_open_again() {
    let mut desk = desk();
    let a = desk.invoice("INV-1", "2025-01-01", "1000.00");
    let ack = AlertsCommand::AcknowledgeAlert {
        customer: desk.customer,
        rule: AlertRule::OverdueDays,
        date: date("2025-03-05"),
        by: desk.collector,
    };
    desk.run(ack.clone()).expect("acknowledged");
    let alert = desk
        .alert(AlertRule::OverdueDays, "2025-03-06")
        .expect("holds");
    assert_eq!(
        alert.status,
        AlertStatus::Acknowledged {
            on: date("2025-03-05"),
            by: desk.collector
        }
    );
    assert_eq!(desk.run(ack), Err(Rejection::AlertAlreadyAcknowledged));
    // Paid 03-10; a new item due 04-14 (issued 03-15) is 30 days overdue on 05-14: new run.
    desk.pay("2025-03-10", &[(a, "1000.00")]);
    desk.invoice("INV-2", "2025-03-15", "1000.00");
    let again = desk
        .alert(AlertRule::OverdueDays, "2025-05-14")
        .expect("new run");
    assert_eq!(again.since, date("2025-05-14"));
    assert_eq!(again.status, AlertStatus::Open);
}

#[test]
fn a_snoozed_alert_is_hidden_until_its_day_and_back_if_it_still_holds() {
    let mut desk = desk();
    desk.invoice("INV-1", "2025-01-01", "1000.00");
    let (customer, collector) = (desk.customer, desk.collector);
    let snooze = |until: &str| AlertsCommand::SnoozeAlert {
        customer,
        rule: AlertRule::OverdueDays,
        date: date("2025-03-05"),
        by: collector,
        until: date(until),
    };
    assert_eq!(
        desk.run(snooze("2025-03-05")),
        Err(Rejection::SnoozeNotAfterToday)
    );
    assert_eq!(
        desk.run(snooze("2025-03-01")),
        Err(Rejection::SnoozeNotAfterToday)
    );
    desk.run(snooze("2025-03-20")).expect("snoozed");
    let hidden = desk
        .alert(AlertRule::OverdueDays, "2025-03-19")
        .expect("holds");
    assert_eq!(
        hidden.status,
        AlertStatus::Snoozed {
            until: date("2025-03-20")
        }
    );
    let back = desk
        .alert(AlertRule::OverdueDays, "2025-03-20")
        .expect("still holds");
    assert_eq!(back.status, AlertStatus::Open);
}

#[test]
fn a_severe_alert_holds_credit_until_released_and_a_new_run_holds_again() {
    let mut desk = desk();
    let a = desk.invoice("INV-1", "2025-01-01", "1000.00");
    // 90 days on 2025-05-01: the check blocks on the alert hold, since the run's first day.
    assert_eq!(desk.blocked_for("2025-04-30"), []);
    assert_eq!(
        desk.blocked_for("2025-05-01"),
        [CheckReason::OnAlertHold {
            alerts: vec![AlertRule::OverdueDays],
            since: date("2025-03-02"),
        }]
    );
    let (customer, collector, manager) = (desk.customer, desk.collector, desk.manager);
    let release = |by, reason: &str| AlertsCommand::ReleaseAlertHold {
        customer,
        date: date("2025-05-02"),
        by,
        reason: reason.to_string(),
    };
    assert_eq!(
        desk.run(release(collector, "paying by cheque")),
        Err(Rejection::AboveAuthority {
            required: Role::Manager
        })
    );
    assert_eq!(
        desk.run(release(manager, "  ")),
        Err(Rejection::ReasonEmpty)
    );
    desk.run(release(manager, "paying by cheque"))
        .expect("released");
    assert_eq!(desk.blocked_for("2025-05-02"), []);
    assert_eq!(desk.blocked_for("2025-06-30"), [], "the same run lasts");
    let customer = desk.ledger.customer(desk.customer);
    let sources = desk.ledger.state.alert_sources();
    assert_eq!(alert_hold(&sources, customer, date("2025-06-30")), None);
    let alert = desk
        .alert(AlertRule::OverdueDays, "2025-06-30")
        .expect("still overdue");
    assert!(alert.released && !alert.holding);
    assert_eq!(
        desk.run(release(manager, "again")),
        Err(Rejection::NoAlertHold)
    );
    // Paid 07-01; INV-2 due 2025-07-31 (issued 07-01) is 90 days overdue on 10-29: a new
    // run from 08-30 (due + 30), which the release does not cover.
    desk.pay("2025-07-01", &[(a, "1000.00")]);
    desk.invoice("INV-2", "2025-07-01", "1000.00");
    assert_eq!(
        desk.blocked_for("2025-10-29"),
        [CheckReason::OnAlertHold {
            alerts: vec![AlertRule::OverdueDays],
            since: date("2025-08-30"),
        }]
    );
}

#[test]
fn the_policy_in_force_on_the_day_asked_sets_the_thresholds() {
    let mut desk = desk();
    desk.invoice("INV-1", "2025-01-01", "1000.00");
    // From 03-10 an item must be 40 days overdue: due 01-31 + 40 = 03-12.
    desk.policy("2025-03-10", |p| p.alerts.overdue_days = 40);
    // Asked for 03-05 (policy 1, 33 days ≥ 30): held, even now that policy 2 is journalled.
    assert!(desk.alert(AlertRule::OverdueDays, "2025-03-05").is_some());
    // 03-10: 38 days, below policy 2's 40.
    assert_eq!(desk.alert(AlertRule::OverdueDays, "2025-03-10"), None);
    let alert = desk
        .alert(AlertRule::OverdueDays, "2025-03-12")
        .expect("40 days");
    assert_eq!(alert.since, date("2025-03-12"));
    // Which severities hold is policy too: severe no longer holds from 2025-06-01.
    desk.policy("2025-06-01", |p| p.alerts.hold_on = Vec::new());
    assert_eq!(desk.blocked_for("2025-05-20").len(), 1, "policy 2 on 05-20");
    assert_eq!(desk.blocked_for("2025-06-01"), []);
}

#[test]
fn the_portfolio_list_is_every_customers_alerts_and_none_without_records() {
    let mut desk = desk();
    desk.invoice("INV-1", "2025-01-01", "1000.00");
    let fresh = desk
        .ledger
        .register("C000002", "Fresh Foods Co.", Currency::CNY, 30);
    let all = alerts_on(&desk.ledger.state.alert_sources(), date("2025-03-02"));
    assert_eq!(desk.rules("2025-03-02"), [AlertRule::OverdueDays]);
    assert_eq!(all, desk.alerts("2025-03-02"));
    assert!(all.iter().all(|alert| alert.customer != fresh));
}

#[test]
fn alert_thresholds_are_versioned_and_survive_the_snapshot() {
    let mut desk = desk();
    desk.policy("2025-03-10", |p| p.alerts.overdue_days = 40);
    let state = &desk.ledger.state;
    // A journalled policy with other thresholds writes them; the default ones are left out,
    // so journals written before alerts existed write back byte for byte.
    let changed = serde_json::to_string(&state.policy()).expect("serialises");
    assert!(changed.contains("\"overdue_days\":40"));
    let default = serde_json::to_string(&CreditPolicy::default()).expect("serialises");
    assert!(!default.contains("\"alerts\""));
    let bytes = encode_snapshot(state);
    let decoded = decode_snapshot(&bytes).expect("decodes");
    assert_eq!(
        decoded.policy_on(date("2025-03-10")).alerts.overdue_days,
        40
    );
    assert_eq!(
        decoded.policy_on(date("2025-03-09")).alerts.overdue_days,
        30
    );
    assert_eq!(&decoded, state);
}

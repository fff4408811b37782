//! Golden scenarios for payment plans, disputes with their categories, and write-offs with
//! four eyes, with the figures worked out by hand in the comments.

mod common;

use common::*;
use creditdesk_core::collections::{
    instalment_statuses, missed_instalments, plan_status, InstalmentStatus, PlanStatus,
};
use creditdesk_core::decide::task_on;
use creditdesk_core::team::Role;
use creditdesk_core::*;

struct Desk {
    ledger: Ledger,
    customer: CustomerId,
    director: UserId,
    manager: UserId,
    analyst: UserId,
    collector: UserId,
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
    let mut ledger = Ledger::default();
    let director = ledger.director();
    let manager = add_user(&mut ledger, "Zhao Min", Role::Manager, director);
    let analyst = add_user(&mut ledger, "Wang Wei", Role::Analyst, director);
    let collector = add_user(&mut ledger, "Liu Yang", Role::Collector, director);
    let customer = ledger.register("C000001", "华信机械有限公司", Currency::CNY, 30);
    Desk {
        ledger,
        customer,
        director,
        manager,
        analyst,
        collector,
    }
}

impl Desk {
    fn task_invoices(&self, on: &str) -> Option<Vec<InvoiceId>> {
        let customer = self.ledger.customer(self.customer);
        task_on(&self.ledger.state, customer, date(on)).map(|task| task.invoices)
    }

    fn plan(&self, on: &str, invoices: Vec<InvoiceId>, instalments: &[(&str, &str)]) -> Command {
        Command::Collections(CollectionsCommand::AgreePlan {
            id: self.ledger.state.next_ids().plan,
            customer: self.customer,
            date: date(on),
            recorded_on: date(on),
            by: self.collector,
            invoices,
            instalments: (instalments.iter())
                .map(|(due, amount)| InstalmentInput {
                    due: date(due),
                    amount: cny(amount),
                })
                .collect(),
            tolerance_days: 5,
        })
    }

    fn propose(&self, invoice: InvoiceId, amount: &str, by: UserId) -> Command {
        Command::Collections(CollectionsCommand::ProposeWriteOff {
            id: self.ledger.state.next_ids().proposal,
            invoice,
            date: date("2026-04-01"),
            recorded_on: date("2026-04-01"),
            by,
            amount: Some(cny(amount)),
            reason: "customer insolvent".to_string(),
        })
    }

    fn approve(&self, proposal: ProposalId, by: UserId) -> Command {
        Command::Collections(CollectionsCommand::ApproveWriteOff {
            proposal,
            date: date("2026-04-02"),
            recorded_on: date("2026-04-02"),
            by,
        })
    }

    fn decide(&self, command: &Command) -> Result<Vec<Entry>, Rejection> {
        decide(&self.ledger.state, command)
    }
}

/// INV-1 ¥1,000.00 issued 2026-01-10 (due 02-09), INV-2 ¥500.00 issued 01-20 (due 02-19).
fn two_invoices(desk: &mut Desk) -> (InvoiceId, InvoiceId) {
    let one = desk
        .ledger
        .invoice(desk.customer, "INV-1", "2026-01-10", cny("1000.00"));
    let two = desk
        .ledger
        .invoice(desk.customer, "INV-2", "2026-01-20", cny("500.00"));
    (one, two)
}

/// Open on 2026-03-01: 1,000 + 500 = 1,500, in three instalments of 500 (03-15, 04-15,
/// 05-15), 5 days' tolerance.
fn planned_desk() -> (Desk, InvoiceId, InvoiceId) {
    let mut desk = desk();
    let (one, two) = two_invoices(&mut desk);
    let plan = desk.plan(
        "2026-03-01",
        vec![one, two],
        &[
            ("2026-03-15", "500.00"),
            ("2026-04-15", "500.00"),
            ("2026-05-15", "500.00"),
        ],
    );
    desk.ledger.run(plan);
    (desk, one, two)
}

#[test]
fn a_plan_must_add_up_to_what_is_open_exactly() {
    let mut desk = desk();
    let (one, two) = two_invoices(&mut desk);
    // 1,000 + 500 = 1,500 open; 700 + 799.99 = 1,499.99.
    let short = desk.plan(
        "2026-03-01",
        vec![one, two],
        &[("2026-03-15", "700.00"), ("2026-04-15", "799.99")],
    );
    assert_eq!(
        desk.decide(&short),
        Err(Rejection::PlanSumMismatch {
            open: dec("1500.00"),
            instalments: dec("1499.99"),
        })
    );
    // A payment of 400 on INV-1 on 02-20 leaves 600 + 500 = 1,100 open on 03-01.
    desk.ledger.pay(
        desk.customer,
        "2026-02-20",
        cny("400.00"),
        manual(&[(one, "400.00")]),
    );
    let exact = desk.plan(
        "2026-03-01",
        vec![two, one, one],
        &[("2026-03-15", "600.00"), ("2026-04-15", "500.00")],
    );
    let entries = desk.ledger.run(exact);
    let Entry::Collections(CollectionsEntry::PlanAgreed { invoices, .. }) = &entries[0] else {
        panic!("a plan: {entries:?}");
    };
    // Each invoice once, in id order.
    assert_eq!(invoices, &vec![one, two]);
}

#[test]
fn each_instalment_is_kept_late_or_missed_by_the_payments_towards_the_plan() {
    let (mut desk, one, _) = planned_desk();
    let pay = |desk: &mut Desk, on: &str, amount: &str| {
        desk.ledger.pay(
            desk.customer,
            on,
            cny(amount),
            AllocationChoice::OldestFirst,
        );
    };
    pay(&mut desk, "2026-03-15", "500.00");
    let plan = desk.ledger.state.collections.plans[0].clone();
    let statuses =
        |desk: &Desk, on: &str| instalment_statuses(&desk.ledger.state.ledger, &plan, date(on));
    use InstalmentStatus::*;
    // Paid on its own day: on time. The second's day has not come.
    assert_eq!(
        statuses(&desk, "2026-04-15"),
        [
            PaidOnTime {
                on: date("2026-03-15")
            },
            Upcoming,
            Upcoming
        ]
    );
    // 300 on 04-18: 500 + 300 = 800 < 1,000 (two instalments): late, within 04-15 + 5.
    pay(&mut desk, "2026-04-18", "300.00");
    assert_eq!(statuses(&desk, "2026-04-18")[1], Late);
    // 200 more on 04-20, the last day of the tolerance: 1,000 reached, paid late.
    pay(&mut desk, "2026-04-20", "200.00");
    assert_eq!(
        statuses(&desk, "2026-04-20")[1],
        PaidLate {
            on: date("2026-04-20")
        }
    );
    let ledger = &desk.ledger.state.ledger;
    // The third: 05-15 + 5 = 05-20 is its last day; unpaid on 05-21, missed.
    assert_eq!(
        plan_status(ledger, &plan, date("2026-05-20")),
        PlanStatus::Current
    );
    assert_eq!(
        plan_status(ledger, &plan, date("2026-05-21")),
        PlanStatus::Broken { missed: 2 }
    );
    let missed = missed_instalments(ledger, &desk.ledger.state.collections, date("2026-05-21"));
    assert_eq!(missed.len(), 1);
    assert_eq!(
        (
            missed[0].index,
            missed[0].due,
            missed[0].deadline,
            missed[0].amount
        ),
        (
            2,
            date("2026-05-15"),
            date("2026-05-20"),
            plain("500.00", Currency::CNY)
        )
    );
    assert!(
        missed_instalments(ledger, &desk.ledger.state.collections, date("2026-05-20")).is_empty()
    );
    // Paid in full, the plan is completed (and INV-1's 1,000 is settled, INV-2 has 0 left).
    pay(&mut desk, "2026-05-14", "500.00");
    let ledger = &desk.ledger.state.ledger;
    assert_eq!(
        plan_status(ledger, &plan, date("2026-05-21")),
        PlanStatus::Completed
    );
    assert_eq!(desk.ledger.open(one), dec("0.00"));
}

#[test]
fn a_current_plan_pauses_the_ladder_and_a_missed_instalment_resumes_it() {
    let mut desk = desk();
    let (one, two) = two_invoices(&mut desk);
    // On 03-01 INV-1 is 20 days overdue and INV-2 10: a task about both.
    assert_eq!(desk.task_invoices("2026-03-01"), Some(vec![one, two]));
    // A plan for INV-1 alone: INV-2 goes on, INV-1 waits.
    let plan = desk.plan(
        "2026-03-01",
        vec![one],
        &[("2026-03-15", "500.00"), ("2026-04-15", "500.00")],
    );
    desk.ledger.run(plan);
    assert_eq!(desk.task_invoices("2026-03-01"), Some(vec![two]));
    // INV-2 settled: nothing is due while the plan is current, even after an unpaid
    // instalment's day (03-15), within its tolerance (to 03-20).
    desk.ledger.pay(
        desk.customer,
        "2026-03-02",
        cny("500.00"),
        manual(&[(two, "500.00")]),
    );
    assert_eq!(desk.task_invoices("2026-03-20"), None);
    // Missed on 03-21: INV-1 is back on the ladder.
    assert_eq!(desk.task_invoices("2026-03-21"), Some(vec![one]));
    let missed = missed_instalments(
        &desk.ledger.state.ledger,
        &desk.ledger.state.collections,
        date("2026-03-21"),
    );
    assert_eq!((missed.len(), missed[0].customer), (1, desk.customer));
    // Before the plan was agreed (and INV-2 paid), it paused nothing.
    assert_eq!(desk.task_invoices("2026-02-28"), Some(vec![one, two]));
}

#[test]
fn an_invoice_in_a_current_plan_is_in_no_second_plan_until_the_first_is_missed() {
    let mut desk = desk();
    let (one, _) = two_invoices(&mut desk);
    let first = desk.plan("2026-03-01", vec![one], &[("2026-03-10", "1000.00")]);
    desk.ledger.run(first);
    let again = desk.plan("2026-03-12", vec![one], &[("2026-04-10", "1000.00")]);
    assert_eq!(
        desk.decide(&again),
        Err(Rejection::PlanOverlaps {
            invoice: "INV-1".to_string()
        })
    );
    // 03-10 + 5 = 03-15 passed unpaid on 03-16: the first plan is broken, a new one may start.
    let after = desk.plan("2026-03-16", vec![one], &[("2026-04-10", "1000.00")]);
    assert!(desk.decide(&after).is_ok());
}

#[test]
fn four_eyes_the_proposer_never_approves_and_the_band_names_the_approver() {
    let mut desk = desk();
    let (small, _) = two_invoices(&mut desk);
    // The default matrix: to 500,000 an analyst, to 2,000,000 a manager, above a director.
    let big = desk
        .ledger
        .invoice(desk.customer, "INV-BIG", "2026-01-10", cny("3000000.00"));
    let proposal = desk.ledger.state.next_ids().proposal;
    let propose = desk.propose(small, "400.00", desk.manager);
    desk.ledger.run(propose);
    assert_eq!(
        desk.decide(&desk.approve(proposal, desk.manager)),
        Err(Rejection::OwnProposal)
    );
    assert_eq!(
        desk.decide(&desk.approve(proposal, desk.collector)),
        Err(Rejection::AboveAuthority {
            required: Role::Analyst
        })
    );
    // 400 is in the analyst's band: approving writes 400 off INV-1 (1,000 − 400 = 600 open).
    let entries = desk.ledger.run(desk.approve(proposal, desk.analyst));
    assert!(matches!(
        &entries[..],
        [
            Entry::Collections(CollectionsEntry::WriteOffApproved { .. }),
            Entry::Ledger(LedgerEntry::InvoiceWrittenOff { .. })
        ]
    ));
    assert_eq!(desk.ledger.open(small), dec("600.00"));
    assert_eq!(
        desk.decide(&desk.approve(proposal, desk.director)),
        Err(Rejection::ProposalDecided)
    );
    // 600,000 needs a manager; then 2,100,000 of the 2,400,000 left, a director.
    for (amount, required, approver) in [
        ("600000.00", Role::Manager, desk.manager),
        ("2100000.00", Role::Director, desk.director),
    ] {
        let id = desk.ledger.state.next_ids().proposal;
        desk.ledger.run(desk.propose(big, amount, desk.collector));
        assert_eq!(
            desk.decide(&desk.approve(id, desk.analyst)),
            Err(Rejection::AboveAuthority { required })
        );
        desk.ledger.run(desk.approve(id, approver));
    }
    // 3,000,000 − 600,000 − 2,100,000 = 300,000.
    assert_eq!(desk.ledger.open(big), dec("300000.00"));
}

#[test]
fn an_approval_never_writes_off_more_than_is_open_then_and_a_rejection_needs_a_reason() {
    let mut desk = desk();
    let (_, two) = two_invoices(&mut desk);
    let first = desk.ledger.state.next_ids().proposal;
    desk.ledger.run(desk.propose(two, "300.00", desk.collector));
    // Only one proposal waits per invoice.
    assert_eq!(
        desk.decide(&desk.propose(two, "100.00", desk.manager)),
        Err(Rejection::WriteOffPending)
    );
    // 300 paid on 04-01: 500 − 300 = 200 open, below the 300 proposed.
    desk.ledger.pay(
        desk.customer,
        "2026-04-01",
        cny("300.00"),
        manual(&[(two, "300.00")]),
    );
    assert_eq!(
        desk.decide(&desk.approve(first, desk.manager)),
        Err(Rejection::WriteOffAboveOpen {
            open: dec("200.00")
        })
    );
    let reject = |reason: &str| {
        Command::Collections(CollectionsCommand::RejectWriteOff {
            proposal: first,
            date: date("2026-04-02"),
            recorded_on: date("2026-04-02"),
            by: desk.manager,
            reason: reason.to_string(),
        })
    };
    assert_eq!(desk.decide(&reject("  ")), Err(Rejection::ReasonEmpty));
    let rejected = reject("paid in part");
    desk.ledger.run(rejected);
    let decision = desk.ledger.state.collections.write_offs[0].decision.clone();
    assert_eq!(
        decision.map(|d| (d.approved, d.reason)),
        Some((false, "paid in part".to_string()))
    );
    // Nothing was written off.
    assert_eq!(desk.ledger.open(two), dec("200.00"));
}

#[test]
fn a_dispute_has_a_category_notes_and_an_owner_and_old_disputes_read_as_other() {
    let mut desk = desk();
    let (one, two) = two_invoices(&mut desk);
    let open = |desk: &Desk, category, owner| Command::OpenDispute {
        id: desk.ledger.state.next_ids().dispute,
        invoice: one,
        date: date("2026-02-25"),
        amount: Some(cny("1000.00")),
        reason: "short delivery".to_string(),
        details: DisputeDetails {
            category,
            notes: "12 of 40 cartons missing".to_string(),
            owner,
        },
    };
    assert_eq!(
        desk.decide(&open(&desk, DisputeCategory::Quantity, Some(UserId(99)))),
        Err(Rejection::UnknownUser)
    );
    let entries = desk
        .ledger
        .run(open(&desk, DisputeCategory::Quantity, Some(desk.collector)));
    let text = serde_json::to_string(&entries[0]).expect("an entry writes");
    assert!(
        text.ends_with(r#""reason":"short delivery","category":"Quantity","notes":"12 of 40 cartons missing","owner":4}"#),
        "{text}"
    );
    let dispute = &desk.ledger.state.ledger.disputes[0];
    assert_eq!(
        (dispute.category, dispute.owner),
        (DisputeCategory::Quantity, Some(desk.collector))
    );
    // All of INV-1 disputed: only INV-2 is reminded; the disputed 1,000 is not overdue.
    let customer = desk.ledger.customer(desk.customer);
    let task = task_on(&desk.ledger.state, customer, date("2026-03-01")).expect("INV-2 goes on");
    assert_eq!((task.invoices, task.overdue), (vec![two], dec("500.00")));
    // Resolved as paid: INV-1 is reminded again.
    desk.ledger.run(Command::ResolveDispute {
        id: dispute.id,
        date: date("2026-03-01"),
        outcome: DisputeOutcome::Paid,
    });
    assert_eq!(desk.task_invoices("2026-03-01"), Some(vec![one, two]));
    // A dispute journalled before categories reads as Other, with no notes and no owner, and
    // writes back byte for byte.
    let old = r#"{"kind":"DisputeOpened","id":1,"invoice":1,"date":"2026-01-10","amount":"5.00","reason":"price"}"#;
    let entry: Entry = serde_json::from_str(old).expect("an old dispute reads");
    let Entry::Ledger(LedgerEntry::DisputeOpened {
        category,
        notes,
        owner,
        ..
    }) = &entry
    else {
        panic!("a dispute: {entry:?}");
    };
    assert_eq!(
        (*category, notes.as_str(), *owner),
        (DisputeCategory::Other, "", None)
    );
    assert_eq!(serde_json::to_string(&entry).expect("writes"), old);
    for category in DisputeCategory::ALL {
        assert_eq!(
            DisputeCategory::from_token(category.token()),
            Some(category)
        );
    }
}

#[test]
fn a_payment_inside_the_discount_window_is_offered_the_discount_and_old_customers_read_unchanged() {
    use creditdesk_core::collections::discount_offers;
    let mut desk = desk();
    let (one, two) = two_invoices(&mut desk);
    let mut details = desk.ledger.customer(desk.customer).details.clone();
    // 2/10 net 30.
    details.discount = Some(DiscountTerms {
        percent: dec("2"),
        days: 10,
    });
    let entries = desk.ledger.run(Command::UpdateCustomer {
        id: desk.customer,
        details,
    });
    let text = serde_json::to_string(&entries[0]).expect("writes");
    assert!(
        text.ends_with(r#""group":"","discount":{"percent":"2","days":10}}}"#),
        "{text}"
    );
    let offers = |desk: &Desk, on: &str| {
        let customer = desk.ledger.customer(desk.customer);
        discount_offers(&desk.ledger.state.ledger, customer, date(on), None)
            .into_iter()
            .map(|offer| (offer.invoice, offer.amount))
            .collect::<Vec<_>>()
    };
    // INV-1 issued 01-10 (window to 01-20): 1,000 × 2 % = 20.00; INV-2 issued 01-20 (to
    // 01-30): 500 × 2 % = 10.00.
    assert_eq!(
        offers(&desk, "2026-01-20"),
        [(one, dec("20.00")), (two, dec("10.00"))]
    );
    assert_eq!(offers(&desk, "2026-01-21"), [(two, dec("10.00"))]);
    assert_eq!(offers(&desk, "2026-01-31"), []);
    // A payment allocated to INV-2 alone is offered INV-2's discount alone.
    let customer = desk.ledger.customer(desk.customer);
    let only = discount_offers(
        &desk.ledger.state.ledger,
        customer,
        date("2026-01-20"),
        Some(two),
    );
    assert_eq!(
        only.iter().map(|o| o.amount).collect::<Vec<_>>(),
        [dec("10.00")]
    );
    // A customer journalled without discount terms reads as none and writes back unchanged.
    let old = r#"{"kind":"CustomerUpdated","id":1,"details":{"number":"C1","name":"A","registration_no":"","industry":"","country":"CN","currency":"CNY","payment_terms_days":30,"contact":"","group":""}}"#;
    let entry: Entry = serde_json::from_str(old).expect("reads");
    assert_eq!(serde_json::to_string(&entry).expect("writes"), old);
    // The snapshot (postcard) keeps the terms.
    let back = decode_snapshot(&encode_snapshot(&desk.ledger.state)).expect("decodes");
    assert_eq!(
        back.ledger
            .customer(desk.customer)
            .map(|c| c.details.discount),
        Some(Some(DiscountTerms {
            percent: dec("2"),
            days: 10
        }))
    );
}

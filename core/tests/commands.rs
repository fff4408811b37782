//! Every rule `decide` enforces, one table row per way to break it: the exact `Rejection`,
//! an unchanged state, the accepted values at each boundary, and all-or-nothing batches.

mod common;

use common::*;
use creditdesk_core::base::input::TEXT_LEN_MAX;
use creditdesk_core::base::money::amount_max;
use creditdesk_core::collections::Outcome;
use creditdesk_core::credit::{CreditRecord, CreditReport, FinancialStatement};
use creditdesk_core::decide::task_on;
use creditdesk_core::limits::OriginError;
use creditdesk_core::policy::{
    default_template, Channel, CollectionPolicy, InterestRate, Language, StepKind, StrategyError,
    Template, TemplateError,
};
use creditdesk_core::policy::{CreditPolicy, PolicyError};
use creditdesk_core::team::CompanyDetails;
use creditdesk_core::team::Role;
use creditdesk_core::*;
use creditdesk_core::{RequestId, UserId};

/// The ledger every case starts from.
struct Fixture {
    ledger: Ledger,
    cny_customer: CustomerId,
    usd_customer: CustomerId,
    yen_customer: CustomerId,
    /// A CNY customer with no records, whose currency may still change.
    fresh: CustomerId,
    /// CNY 1,000.00 issued 2026-01-10, 400.00 paid: 600.00 open.
    part_paid: InvoiceId,
    /// CNY 500.00 issued 2026-03-01, 100.00 of it disputed.
    disputed: InvoiceId,
    /// CNY 200.00, paid in full.
    settled: InvoiceId,
    /// USD 300.00, all of it disputed.
    usd_invoice: InvoiceId,
    yen_invoice: InvoiceId,
    /// An unapplied CNY 5.00 credit note.
    credit_note_used: CreditNoteId,
    open_order: OrderId,
    closed_order: OrderId,
    open_dispute: DisputeId,
    resolved_dispute: DisputeId,
    /// Profiles: Li Na (sales), Wang Wei (analyst), Zhao Min (manager), Chen Jie (director).
    sales: UserId,
    analyst: UserId,
    manager: UserId,
    director: UserId,
    /// USD 1,000,000 for the USD customer, asked by sales on 2026-03-10 and still pending:
    /// CNY 7,100,000 at the policy's rate, so only a director may approve it.
    pending: RequestId,
    /// A temporary CNY 100,000 for the CNY customer to 2026-06-30, approved 2026-03-02.
    approved: RequestId,
    /// A temporary JPY 1,000,000 for the JPY customer to 2026-01-31, its lapse recorded; the
    /// JPY customer is also on hold.
    lapsed: RequestId,
    /// CNY 50.00 of `part_paid`, proposed for write-off by the manager on 2026-04-01, waiting.
    proposal: ProposalId,
    /// CNY 10.00 of `disputed`, proposed by the manager and rejected by the director.
    decided_proposal: ProposalId,
}

fn fixture() -> Fixture {
    let mut ledger = Ledger::default();
    let cny_customer = ledger.register("C000001", "上海华信机械有限公司", Currency::CNY, 30);
    let usd_customer = ledger.register("C000002", "Blue Ridge Trading Ltd.", Currency::USD, 45);
    let yen_customer = ledger.register("C000003", "Sakura Trading K.K.", jpy(), 60);
    let fresh = ledger.register("C000004", "Fresh Foods Co.", Currency::CNY, 30);
    let part_paid = ledger.invoice(cny_customer, "INV-1", "2026-01-10", cny("1000.00"));
    let disputed = ledger.invoice(cny_customer, "INV-2", "2026-03-01", cny("500.00"));
    let settled = ledger.invoice(cny_customer, "INV-3", "2026-01-05", cny("200.00"));
    let usd_invoice = ledger.invoice(
        usd_customer,
        "INV-U1",
        "2026-01-10",
        money("300.00", Currency::USD),
    );
    let yen_invoice = ledger.invoice(yen_customer, "INV-J1", "2026-01-10", money("100000", jpy()));
    ledger.pay(
        cny_customer,
        "2026-02-01",
        cny("400.00"),
        manual(&[(part_paid, "400.00")]),
    );
    ledger.pay(
        cny_customer,
        "2026-02-02",
        cny("200.00"),
        manual(&[(settled, "200.00")]),
    );
    let credit_note_used = ledger.credit(
        cny_customer,
        "2026-02-03",
        cny("5.00"),
        AllocationChoice::Unapplied,
    );
    let open_order = ledger.order(cny_customer, "2026-03-01", cny("800.00"));
    let closed_order = ledger.order(cny_customer, "2026-03-01", cny("50.00"));
    ledger.run(Command::CloseOrder {
        id: closed_order,
        date: date("2026-03-02"),
        closure: OrderClosure::Invoiced,
    });
    let open_dispute = ledger.dispute(disputed, "2026-03-05", Some("100.00"));
    ledger.dispute(usd_invoice, "2026-03-05", None);
    let resolved_dispute = ledger.dispute(part_paid, "2026-02-10", Some("10.00"));
    ledger.run(Command::ResolveDispute {
        id: resolved_dispute,
        date: date("2026-02-20"),
        outcome: DisputeOutcome::Rejected,
    });
    // The director sets the team up (the first profile needs no one's authority) and adds
    // the others.
    let users = [
        ("Chen Jie", Role::Director),
        ("Li Na", Role::Sales),
        ("Wang Wei", Role::Analyst),
        ("Zhao Min", Role::Manager),
    ]
    .map(|(name, role)| {
        let id = ledger.state.next_ids().user;
        let by = (id != UserId(1)).then_some(UserId(1));
        ledger.run(Command::AddUser {
            id,
            name: name.to_string(),
            role,
            by,
        });
        id
    });
    let [director, sales, analyst, manager] = users;
    let request = |ledger: &mut Ledger, customer, on: &str, amount, until: Option<&str>| {
        let id = ledger.state.next_ids().request;
        ledger.run(Command::RequestLimit {
            id,
            customer,
            date: date(on),
            by: sales,
            amount,
            reason: "trade growth".to_string(),
            until: until.map(date),
        });
        id
    };
    let approve = |ledger: &mut Ledger, request, on: &str| {
        ledger.run(Command::ApproveLimit {
            request,
            date: date(on),
            by: director,
            comment: String::new(),
        });
    };
    let lapsed = request(
        &mut ledger,
        yen_customer,
        "2026-01-10",
        limit("1000000", jpy()),
        Some("2026-01-31"),
    );
    approve(&mut ledger, lapsed, "2026-01-11");
    ledger.run(Command::RecordLapse {
        request: lapsed,
        date: date("2026-02-01"),
    });
    let approved = request(
        &mut ledger,
        cny_customer,
        "2026-03-01",
        limit("100000", Currency::CNY),
        Some("2026-06-30"),
    );
    approve(&mut ledger, approved, "2026-03-02");
    let pending = request(
        &mut ledger,
        usd_customer,
        "2026-03-10",
        limit("1000000", Currency::USD),
        None,
    );
    ledger.run(Command::PlaceHold {
        customer: yen_customer,
        date: date("2026-03-15"),
        by: analyst,
        reason: "cheque bounced".to_string(),
    });
    ledger.run(Command::Alerts(AlertsCommand::AcknowledgeAlert {
        customer: yen_customer,
        rule: creditdesk_core::policy::AlertRule::OverdueDays,
        date: date("2026-06-01"),
        by: analyst,
    }));
    let [proposal, decided_proposal] = fixture_proposals(&mut ledger, part_paid, disputed, manager);
    ledger.run(Command::Collections(CollectionsCommand::RejectWriteOff {
        proposal: decided_proposal,
        date: date("2026-04-01"),
        recorded_on: date("2026-04-01"),
        by: director,
        reason: "keep collecting".to_string(),
    }));
    // The JPY invoice (100,000 open) is in a current plan: 50,000 on 05-01 and on 06-01.
    ledger.run(plan_for(
        &ledger.state,
        yen_customer,
        manager,
        vec![yen_invoice],
        &[
            ("2026-05-01", money("50000", jpy())),
            ("2026-06-01", money("50000", jpy())),
        ],
    ));
    Fixture {
        proposal,
        decided_proposal,
        sales,
        analyst,
        manager,
        director,
        pending,
        approved,
        lapsed,
        ledger,
        cny_customer,
        usd_customer,
        yen_customer,
        fresh,
        part_paid,
        disputed,
        settled,
        usd_invoice,
        yen_invoice,
        credit_note_used,
        open_order,
        closed_order,
        open_dispute,
        resolved_dispute,
    }
}

fn fixture_proposals(
    ledger: &mut Ledger,
    part_paid: InvoiceId,
    disputed: InvoiceId,
    by: UserId,
) -> [ProposalId; 2] {
    [(part_paid, "50.00"), (disputed, "10.00")].map(|(invoice, amount)| {
        let id = ledger.state.next_ids().proposal;
        ledger.run(propose(id, invoice, by, amount));
        id
    })
}

fn propose(id: ProposalId, invoice: InvoiceId, by: UserId, amount: &str) -> Command {
    Command::Collections(CollectionsCommand::ProposeWriteOff {
        id,
        invoice,
        date: date("2026-04-01"),
        recorded_on: date("2026-04-01"),
        by,
        amount: Some(cny(amount)),
        reason: "small balance".to_string(),
    })
}

fn decide_proposal(proposal: ProposalId, by: UserId, on: &str) -> Command {
    Command::Collections(CollectionsCommand::ApproveWriteOff {
        proposal,
        date: date(on),
        recorded_on: date("2026-04-01"),
        by,
    })
}

/// A payment plan dated 2026-04-01 with 5 days' tolerance.
fn plan_for(
    state: &Portfolio,
    customer: CustomerId,
    by: UserId,
    invoices: Vec<InvoiceId>,
    instalments: &[(&str, Amount)],
) -> Command {
    Command::Collections(CollectionsCommand::AgreePlan {
        id: state.next_ids().plan,
        customer,
        date: date("2026-04-01"),
        recorded_on: date("2026-04-01"),
        by,
        invoices,
        instalments: (instalments.iter())
            .map(|(due, amount)| InstalmentInput {
                due: date(due),
                amount: *amount,
            })
            .collect(),
        tolerance_days: 5,
    })
}

/// The rows of the four-eyes write-off and of the payment plan rules.
fn plan_cases(f: &Fixture) -> Vec<(&'static str, Command, Rejection)> {
    use Rejection::*;
    let next = f.state().next_ids();
    let cny_plan = |invoices: Vec<InvoiceId>, instalments: &[(&str, &str)]| {
        let instalments: Vec<(&str, Amount)> =
            instalments.iter().map(|(due, a)| (*due, cny(a))).collect();
        plan_for(f.state(), f.cny_customer, f.manager, invoices, &instalments)
    };
    vec![
        (
            "discount of 100 %",
            f.register(|d| {
                d.discount = Some(DiscountTerms {
                    percent: dec("100"),
                    days: 10,
                })
            }),
            DiscountPercentOutOfRange,
        ),
        (
            "discount of nothing",
            f.register(|d| {
                d.discount = Some(DiscountTerms {
                    percent: dec("0"),
                    days: 10,
                })
            }),
            DiscountPercentOutOfRange,
        ),
        // 30 days' terms: a 30-day window is no earlier than paying on terms.
        (
            "discount window as long as the terms",
            f.register(|d| {
                d.discount = Some(DiscountTerms {
                    percent: dec("2"),
                    days: 30,
                })
            }),
            DiscountDaysOutOfRange { terms: 30 },
        ),
        (
            "discount window of no day",
            f.register(|d| {
                d.discount = Some(DiscountTerms {
                    percent: dec("2"),
                    days: 0,
                })
            }),
            DiscountDaysOutOfRange { terms: 30 },
        ),
        (
            "approving an unknown proposal",
            decide_proposal(ProposalId(99), f.director, "2026-04-01"),
            UnknownProposal,
        ),
        (
            "approving a rejected proposal",
            decide_proposal(f.decided_proposal, f.director, "2026-04-01"),
            ProposalDecided,
        ),
        (
            "approving one's own proposal",
            decide_proposal(f.proposal, f.manager, "2026-04-01"),
            OwnProposal,
        ),
        (
            "approval by sales",
            decide_proposal(f.proposal, f.sales, "2026-04-01"),
            AboveAuthority {
                required: Role::Analyst,
            },
        ),
        (
            "approval dated before the proposal",
            decide_proposal(f.proposal, f.director, "2026-03-31"),
            DecisionBeforeProposal,
        ),
        (
            "a second proposal while one waits",
            propose(next.proposal, f.part_paid, f.director, "5.00"),
            WriteOffPending,
        ),
        // 1,000.00 − 400.00 paid = 600.00 open.
        (
            "proposal above the open amount",
            propose(next.proposal, f.usd_invoice, f.manager, "1.00"),
            CurrencyMismatch {
                expected: "USD".to_string(),
                found: "CNY".to_string(),
            },
        ),
        (
            "proposal by sales",
            propose(next.proposal, f.disputed, f.sales, "1.00"),
            NotCollecting { role: Role::Sales },
        ),
        (
            "proposal above what is open",
            propose(next.proposal, f.disputed, f.manager, "500.01"),
            WriteOffAboveOpen {
                open: dec("500.00"),
            },
        ),
        (
            "plan without instalments",
            cny_plan(vec![f.part_paid], &[]),
            PlanEmpty,
        ),
        (
            "plan without invoices",
            cny_plan(vec![], &[("2026-05-01", "600.00")]),
            PlanEmpty,
        ),
        // 600.00 open on INV-1; 300.00 + 200.00 = 500.00.
        (
            "plan whose instalments do not add up",
            cny_plan(
                vec![f.part_paid],
                &[("2026-05-01", "300.00"), ("2026-06-01", "200.00")],
            ),
            PlanSumMismatch {
                open: dec("600.00"),
                instalments: dec("500.00"),
            },
        ),
        (
            "plan with two instalments on one day",
            cny_plan(
                vec![f.part_paid],
                &[("2026-05-01", "300.00"), ("2026-05-01", "300.00")],
            ),
            PlanDatesNotIncreasing,
        ),
        (
            "plan with an instalment before it",
            cny_plan(vec![f.part_paid], &[("2026-03-31", "600.00")]),
            InstalmentBeforePlan,
        ),
        (
            "plan for a settled invoice",
            cny_plan(vec![f.settled], &[("2026-05-01", "200.00")]),
            PlanInvoiceNotOpen {
                invoice: "INV-3".to_string(),
            },
        ),
        (
            "plan for another customer's invoice",
            cny_plan(vec![f.usd_invoice], &[("2026-05-01", "300.00")]),
            PlanInvoiceOfOtherCustomer {
                invoice: "INV-U1".to_string(),
            },
        ),
        (
            "plan for an invoice already in a plan",
            plan_for(
                f.state(),
                f.yen_customer,
                f.manager,
                vec![f.yen_invoice],
                &[("2026-05-01", money("100000", jpy()))],
            ),
            PlanOverlaps {
                invoice: "INV-J1".to_string(),
            },
        ),
    ]
}

/// Builders for valid commands; each case changes one thing.
impl Fixture {
    fn state(&self) -> &Portfolio {
        &self.ledger.state
    }

    fn register(&self, change: impl FnOnce(&mut CustomerDetails)) -> Command {
        let mut details = details("C000099", "New Customer Ltd.", Currency::CNY, 30);
        change(&mut details);
        Command::RegisterCustomer {
            id: self.state().next_ids().customer,
            date: date("2026-01-01"),
            recorded_on: date("2026-01-01"),
            details,
        }
    }

    fn update(&self, id: CustomerId, change: impl FnOnce(&mut CustomerDetails)) -> Command {
        let mut details = self
            .state()
            .ledger
            .customer(id)
            .expect("registered")
            .details
            .clone();
        change(&mut details);
        Command::UpdateCustomer { id, details }
    }

    fn invoice(&self, change: impl FnOnce(&mut Command)) -> Command {
        let mut command = Command::IssueInvoice {
            id: self.state().next_ids().invoice,
            customer: self.cny_customer,
            number: "INV-NEW".to_string(),
            issue_date: date("2026-04-01"),
            terms_days: None,
            due_date: None,
            amount: cny("100.00"),
        };
        change(&mut command);
        command
    }

    fn payment(
        &self,
        customer: CustomerId,
        amount: Amount,
        allocation: AllocationChoice,
    ) -> Command {
        Command::ReceivePayment {
            id: self.state().next_ids().payment,
            customer,
            date: date("2026-04-01"),
            recorded_on: date("2026-04-01"),
            amount,
            reference: "BANK".to_string(),
            allocation,
        }
    }

    fn credit_note(&self, change: impl FnOnce(&mut Command)) -> Command {
        let mut command = Command::IssueCreditNote {
            id: self.state().next_ids().credit_note,
            customer: self.cny_customer,
            number: "CN-NEW".to_string(),
            date: date("2026-04-01"),
            recorded_on: date("2026-04-01"),
            amount: cny("10.00"),
            reason: "price".to_string(),
            allocation: AllocationChoice::Unapplied,
        };
        change(&mut command);
        command
    }

    fn write_off(&self, invoice: InvoiceId, amount: Option<&str>) -> Command {
        Command::WriteOffInvoice {
            invoice,
            date: date("2026-04-01"),
            recorded_on: date("2026-04-01"),
            amount: amount.map(|text| self.in_currency_of(invoice, text)),
            reason: "insolvent".to_string(),
        }
    }

    fn order(&self, change: impl FnOnce(&mut Command)) -> Command {
        let mut command = Command::OpenOrder {
            id: self.state().next_ids().order,
            customer: self.cny_customer,
            number: "SO-NEW".to_string(),
            date: date("2026-04-01"),
            amount: cny("10.00"),
        };
        change(&mut command);
        command
    }

    /// An amount in the invoice's currency (CNY for an unknown invoice).
    fn in_currency_of(&self, invoice: InvoiceId, text: &str) -> Amount {
        match self.state().ledger.invoice(invoice) {
            Some(invoice) => money(text, invoice.amount.currency()),
            None => cny(text),
        }
    }

    fn record(&self, customer: CustomerId, record: CreditRecord) -> Command {
        Command::AddCreditRecord {
            customer,
            recorded_on: date("2026-04-01"),
            record,
        }
    }

    fn dispute(&self, invoice: InvoiceId, amount: Option<&str>) -> Command {
        Command::OpenDispute {
            id: self.state().next_ids().dispute,
            invoice,
            date: date("2026-04-01"),
            amount: amount.map(|text| self.in_currency_of(invoice, text)),
            reason: "quality".to_string(),
            details: Default::default(),
        }
    }
}

/// Builders for the limit commands.
impl Fixture {
    /// A valid request: CNY 50,000 for the fresh customer by sales on 2026-04-01.
    fn request_limit(&self, change: impl FnOnce(&mut Command)) -> Command {
        let mut command = Command::RequestLimit {
            id: self.state().next_ids().request,
            customer: self.fresh,
            date: date("2026-04-01"),
            by: self.sales,
            amount: limit("50000", Currency::CNY),
            reason: "new customer".to_string(),
            until: None,
        };
        change(&mut command);
        command
    }

    /// An approval of the pending request on 2026-04-01 by `by`.
    fn decide_pending(&self, by: UserId, change: impl FnOnce(&mut Command)) -> Command {
        let mut command = Command::ApproveLimit {
            request: self.pending,
            date: date("2026-04-01"),
            by,
            comment: "ok".to_string(),
        };
        change(&mut command);
        command
    }

    fn reject_pending(&self, by: UserId, comment: &str) -> Command {
        Command::RejectLimit {
            request: self.pending,
            date: date("2026-04-01"),
            by,
            comment: comment.to_string(),
        }
    }

    /// An order of CNY 10 by sales, which the check blocks for a customer without a limit.
    fn place_order(&self, customer: CustomerId, release_reason: Option<&str>) -> Command {
        Command::PlaceOrder {
            id: self.state().next_ids().order,
            customer,
            number: "SO-NEW".to_string(),
            date: date("2026-04-01"),
            amount: cny("10"),
            by: self.sales,
            release_reason: release_reason.map(str::to_string),
        }
    }
}

fn long(count: usize, character: char) -> String {
    std::iter::repeat_n(character, count).collect()
}

/// Sets a field of a command variant in place, e.g. `set!(c, IssueInvoice { amount } = x)`.
macro_rules! set {
    ($command:expr, $variant:ident { $field:ident } = $value:expr) => {
        match $command {
            Command::$variant { $field, .. } => *$field = $value,
            other => panic!("not a {}: {other:?}", stringify!($variant)),
        }
    };
}

fn rejection_cases(f: &Fixture) -> Vec<(&'static str, Command, Rejection)> {
    use Rejection::*;
    let too_long = TEXT_LEN_MAX + 1;
    let max = TEXT_LEN_MAX;
    let next = f.state().next_ids();
    let usd = |text| money(text, Currency::USD);
    vec![
        (
            "invoice for an unknown customer",
            f.invoice(|c| set!(c, IssueInvoice { customer } = CustomerId(99))),
            UnknownCustomer,
        ),
        (
            "payment from an unknown customer",
            f.payment(CustomerId(99), cny("1"), AllocationChoice::Unapplied),
            UnknownCustomer,
        ),
        (
            "update of an unknown customer",
            Command::UpdateCustomer {
                id: CustomerId(99),
                details: details("C000099", "X", Currency::CNY, 30),
            },
            UnknownCustomer,
        ),
        (
            "credit note for an unknown customer",
            f.credit_note(|c| set!(c, IssueCreditNote { customer } = CustomerId(99))),
            UnknownCustomer,
        ),
        (
            "order for an unknown customer",
            f.order(|c| set!(c, OpenOrder { customer } = CustomerId(99))),
            UnknownCustomer,
        ),
        (
            "write-off of an unknown invoice",
            f.write_off(InvoiceId(99), None),
            UnknownInvoice,
        ),
        (
            "dispute on an unknown invoice",
            f.dispute(InvoiceId(99), None),
            UnknownInvoice,
        ),
        (
            "closing an unknown order",
            Command::CloseOrder {
                id: OrderId(99),
                date: date("2026-04-01"),
                closure: OrderClosure::Cancelled,
            },
            UnknownOrder,
        ),
        (
            "resolving an unknown dispute",
            Command::ResolveDispute {
                id: DisputeId(99),
                date: date("2026-04-01"),
                outcome: DisputeOutcome::Accepted,
            },
            UnknownDispute,
        ),
        (
            "customer id already used",
            Command::RegisterCustomer {
                id: f.cny_customer,
                date: date("2026-01-01"),
                recorded_on: date("2026-01-01"),
                details: details("C000099", "X", Currency::CNY, 30),
            },
            IdAlreadyUsed,
        ),
        (
            "invoice id already used",
            f.invoice(|c| set!(c, IssueInvoice { id } = f.part_paid)),
            IdAlreadyUsed,
        ),
        (
            "payment id already used",
            Command::ReceivePayment {
                id: PaymentId(1),
                customer: f.cny_customer,
                date: date("2026-04-01"),
                recorded_on: date("2026-04-01"),
                amount: cny("1"),
                reference: String::new(),
                allocation: AllocationChoice::Unapplied,
            },
            IdAlreadyUsed,
        ),
        (
            "credit note id already used",
            f.credit_note(|c| set!(c, IssueCreditNote { id } = f.credit_note_used)),
            IdAlreadyUsed,
        ),
        (
            "order id already used",
            f.order(|c| set!(c, OpenOrder { id } = f.open_order)),
            IdAlreadyUsed,
        ),
        (
            "dispute id already used",
            Command::OpenDispute {
                id: f.open_dispute,
                invoice: f.part_paid,
                date: date("2026-04-01"),
                amount: None,
                reason: String::new(),
                details: Default::default(),
            },
            IdAlreadyUsed,
        ),
        (
            "blank name",
            f.register(|d| d.name = "   ".to_string()),
            NameEmpty,
        ),
        (
            "blank customer number",
            f.register(|d| d.number = String::new()),
            NumberEmpty,
        ),
        (
            "blank invoice number",
            f.invoice(|c| set!(c, IssueInvoice { number } = "  ".to_string())),
            NumberEmpty,
        ),
        (
            "blank credit note number",
            f.credit_note(|c| set!(c, IssueCreditNote { number } = String::new())),
            NumberEmpty,
        ),
        (
            "blank order number",
            f.order(|c| set!(c, OpenOrder { number } = " ".to_string())),
            NumberEmpty,
        ),
        (
            "name too long",
            f.register(|d| d.name = long(too_long, 'x')),
            TextTooLong {
                field: Field::Name,
                max,
            },
        ),
        (
            "Chinese name too long",
            f.register(|d| d.name = long(too_long, '信')),
            TextTooLong {
                field: Field::Name,
                max,
            },
        ),
        (
            "customer number too long",
            f.register(|d| d.number = long(too_long, '9')),
            TextTooLong {
                field: Field::Number,
                max,
            },
        ),
        (
            "registration number too long",
            f.register(|d| d.registration_no = long(too_long, '9')),
            TextTooLong {
                field: Field::Record,
                max,
            },
        ),
        (
            "invoice number too long",
            f.invoice(|c| set!(c, IssueInvoice { number } = long(too_long, 'N'))),
            TextTooLong {
                field: Field::Number,
                max,
            },
        ),
        (
            "payment reference too long",
            Command::ReceivePayment {
                id: next.payment,
                customer: f.cny_customer,
                date: date("2026-04-01"),
                recorded_on: date("2026-04-01"),
                amount: cny("1"),
                reference: long(too_long, 'r'),
                allocation: AllocationChoice::Unapplied,
            },
            TextTooLong {
                field: Field::Reason,
                max,
            },
        ),
        (
            "credit note reason too long",
            f.credit_note(|c| set!(c, IssueCreditNote { reason } = long(too_long, 'r'))),
            TextTooLong {
                field: Field::Reason,
                max,
            },
        ),
        (
            "write-off reason too long",
            Command::WriteOffInvoice {
                invoice: f.part_paid,
                date: date("2026-04-01"),
                recorded_on: date("2026-04-01"),
                amount: None,
                reason: long(too_long, '因'),
            },
            TextTooLong {
                field: Field::Reason,
                max,
            },
        ),
        (
            "order number too long",
            f.order(|c| set!(c, OpenOrder { number } = long(too_long, 'S'))),
            TextTooLong {
                field: Field::Number,
                max,
            },
        ),
        (
            "customer number taken",
            f.register(|d| d.number = "C000001".to_string()),
            CustomerNumberTaken {
                number: "C000001".to_string(),
            },
        ),
        (
            "customer number taken, with spaces",
            f.register(|d| d.number = " C000001 ".to_string()),
            CustomerNumberTaken {
                number: "C000001".to_string(),
            },
        ),
        (
            "update to another customer's number",
            f.update(f.fresh, |d| d.number = "C000002".to_string()),
            CustomerNumberTaken {
                number: "C000002".to_string(),
            },
        ),
        (
            "country in lower case",
            f.register(|d| d.country = "cn".to_string()),
            CountryInvalid,
        ),
        (
            "country of three letters",
            f.register(|d| d.country = "CHN".to_string()),
            CountryInvalid,
        ),
        (
            "country with a digit",
            f.register(|d| d.country = "C1".to_string()),
            CountryInvalid,
        ),
        (
            "customer terms above 365 days",
            f.register(|d| d.payment_terms_days = 366),
            TermsOutOfRange { max: 365 },
        ),
        (
            "invoice terms above 365 days",
            f.invoice(|c| set!(c, IssueInvoice { terms_days } = Some(366))),
            TermsOutOfRange { max: 365 },
        ),
        (
            "currency change with invoices",
            f.update(f.cny_customer, |d| d.currency = Currency::USD),
            CurrencyLocked,
        ),
        (
            "duplicate invoice number",
            f.invoice(|c| set!(c, IssueInvoice { number } = "INV-1".to_string())),
            DuplicateInvoiceNumber {
                number: "INV-1".to_string(),
            },
        ),
        (
            "duplicate invoice number, with spaces",
            f.invoice(|c| set!(c, IssueInvoice { number } = " INV-1 ".to_string())),
            DuplicateInvoiceNumber {
                number: "INV-1".to_string(),
            },
        ),
        (
            "duplicate credit note number",
            f.credit_note(|c| set!(c, IssueCreditNote { number } = " CN-1 ".to_string())),
            DuplicateCreditNoteNumber {
                number: "CN-1".to_string(),
            },
        ),
        (
            "USD invoice for a CNY customer",
            f.invoice(|c| set!(c, IssueInvoice { amount } = usd("100.00"))),
            CurrencyMismatch {
                expected: "CNY".to_string(),
                found: "USD".to_string(),
            },
        ),
        (
            "CNY payment from a USD customer",
            f.payment(f.usd_customer, cny("1.00"), AllocationChoice::Unapplied),
            CurrencyMismatch {
                expected: "USD".to_string(),
                found: "CNY".to_string(),
            },
        ),
        (
            "CNY order for a JPY customer",
            f.order(|c| {
                set!(c, OpenOrder { customer } = f.yen_customer);
            }),
            CurrencyMismatch {
                expected: "JPY".to_string(),
                found: "CNY".to_string(),
            },
        ),
        (
            "yen payment allocating a CNY amount",
            f.payment(
                f.yen_customer,
                money("100", jpy()),
                manual(&[(f.yen_invoice, "0.5")]),
            ),
            CurrencyMismatch {
                expected: "JPY".to_string(),
                found: "CNY".to_string(),
            },
        ),
        (
            "USD write-off of a CNY invoice",
            Command::WriteOffInvoice {
                invoice: f.part_paid,
                date: date("2026-04-01"),
                recorded_on: date("2026-04-01"),
                amount: Some(usd("0.01")),
                reason: "insolvent".to_string(),
            },
            CurrencyMismatch {
                expected: "CNY".to_string(),
                found: "USD".to_string(),
            },
        ),
        (
            "CNY dispute on a yen invoice",
            Command::OpenDispute {
                id: next.dispute,
                invoice: f.yen_invoice,
                date: date("2026-04-01"),
                amount: Some(cny("1")),
                reason: "quality".to_string(),
                details: Default::default(),
            },
            CurrencyMismatch {
                expected: "JPY".to_string(),
                found: "CNY".to_string(),
            },
        ),
        (
            "dispute of the rest when all is disputed",
            f.dispute(f.usd_invoice, None),
            AmountNotPositive,
        ),
        (
            "issue date before 1990",
            f.invoice(|c| set!(c, IssueInvoice { issue_date } = date("1989-12-31"))),
            DateOutOfRange,
        ),
        (
            "due date after 2100 from terms",
            f.invoice(|c| set!(c, IssueInvoice { issue_date } = date("2100-12-31"))),
            DateOutOfRange,
        ),
        (
            "payment after 2100",
            Command::ReceivePayment {
                id: next.payment,
                customer: f.cny_customer,
                date: date("2101-01-01"),
                recorded_on: date("2101-01-01"),
                amount: cny("1"),
                reference: String::new(),
                allocation: AllocationChoice::Unapplied,
            },
            DateOutOfRange,
        ),
        (
            "payment dated after the day it is entered (a year typo)",
            Command::ReceivePayment {
                id: next.payment,
                customer: f.cny_customer,
                date: date("2027-04-01"),
                recorded_on: date("2026-04-01"),
                amount: cny("1"),
                reference: String::new(),
                allocation: AllocationChoice::Unapplied,
            },
            DateInFuture {
                today: date("2026-04-01"),
            },
        ),
        (
            "credit note dated tomorrow",
            Command::IssueCreditNote {
                id: next.credit_note,
                customer: f.cny_customer,
                number: "CN-FUTURE".to_string(),
                date: date("2026-04-02"),
                recorded_on: date("2026-04-01"),
                amount: cny("1"),
                reason: "price".to_string(),
                allocation: AllocationChoice::Unapplied,
            },
            DateInFuture {
                today: date("2026-04-01"),
            },
        ),
        (
            "write-off dated next month",
            Command::WriteOffInvoice {
                invoice: f.part_paid,
                date: date("2026-05-01"),
                recorded_on: date("2026-04-01"),
                amount: None,
                reason: "bankrupt".to_string(),
            },
            DateInFuture {
                today: date("2026-04-01"),
            },
        ),
        (
            "payment dated before the customer was taken on (1999 for a customer since 2025)",
            Command::ReceivePayment {
                id: next.payment,
                customer: f.cny_customer,
                date: date("1999-03-01"),
                recorded_on: date("2026-04-01"),
                amount: cny("1"),
                reference: String::new(),
                allocation: AllocationChoice::Unapplied,
            },
            DateBeforeCustomerSince {
                since: date("2025-01-01"),
            },
        ),
        (
            "write-off dated before the invoice was issued",
            Command::WriteOffInvoice {
                invoice: f.part_paid,
                date: date("2026-01-09"),
                recorded_on: date("2026-04-01"),
                amount: None,
                reason: "bankrupt".to_string(),
            },
            DateBeforeInvoice {
                issued: date("2026-01-10"),
            },
        ),
        (
            "customer since moved after the customer's first invoice",
            Command::ChangeCustomerSince {
                id: f.cny_customer,
                since: date("2026-01-06"),
                recorded_on: date("2026-04-01"),
            },
            SinceAfterFirstRecord {
                first: date("2026-01-05"),
            },
        ),
        (
            "a task for a customer with nothing to remind",
            collect(f.fresh, f.manager, Channel::Email),
            NoTaskDue,
        ),
        (
            "a task sent by a channel its step does not use",
            collect(f.cny_customer, f.manager, Channel::Sms),
            ChannelNotInStep {
                allowed: due_channels(f),
            },
        ),
        (
            "a task done by an analyst",
            collect(f.cny_customer, f.analyst, Channel::Email),
            NotCollecting {
                role: Role::Analyst,
            },
        ),
        (
            "an escalation to a day that is no rung",
            escalate(f, f.cny_customer, 2),
            StepNotInLadder,
        ),
        (
            "an escalation with no item in the ladder",
            escalate(f, f.fresh, 1),
            NothingToEscalate,
        ),
        (
            "a promise to pay by a day before it is made",
            promise(f, "2026-03-31", 0),
            PromiseDueBeforeDate,
        ),
        (
            "a strategy whose ladder goes back in days",
            {
                let mut strategy = CollectionPolicy::initial();
                strategy.ladders[3][2].offset_days = 1;
                Command::Collections(CollectionsCommand::ChangeStrategy {
                    date: date("2026-04-01"),
                    strategy,
                    by: f.director,
                })
            },
            StrategyInvalid(StrategyError::OffsetsNotIncreasing {
                grade: creditdesk_core::policy::Grade::D,
                step: 3,
            }),
        ),
        (
            "company details without a name",
            company(f, |d| d.name = "   ".to_string(), f.manager),
            CompanyNameEmpty,
        ),
        (
            "a company address over 500 characters",
            company(f, |d| d.address = long(501, '址'), f.manager),
            TextTooLong {
                field: Field::CompanyAddress,
                max: 500,
            },
        ),
        (
            "bank details over 500 characters",
            company(f, |d| d.bank_details = long(501, '9'), f.manager),
            TextTooLong {
                field: Field::BankDetails,
                max: 500,
            },
        ),
        (
            "company details set by an analyst",
            company(f, |_| {}, f.analyst),
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "a template naming an unknown placeholder",
            template(f, |t| {
                t.body = "Dear {contact}, you owe {balance}.".to_string()
            }),
            UnknownPlaceholder {
                field: Field::TemplateBody,
                name: "balance".to_string(),
            },
        ),
        (
            "a template subject with an unclosed brace",
            template(f, |t| t.subject = "Reminder {customer".to_string()),
            UnclosedBrace {
                field: Field::TemplateSubject,
                at: 10,
            },
        ),
        (
            "a template with an empty body",
            template(f, |t| t.body = " \n ".to_string()),
            TemplateEmpty,
        ),
        (
            "a template body over 4000 characters",
            template(f, |t| t.body = long(4001, 'x')),
            TextTooLong {
                field: Field::TemplateBody,
                max: 4000,
            },
        ),
        (
            "a strategy with a negative interest rate",
            strategy(f, |s| s.interest_rates[0].percent = dec("-1")),
            StrategyInvalid(StrategyError::RateOutOfRange { rate: 1 }),
        ),
        (
            "a strategy with interest rates out of date order",
            strategy(f, |s| {
                s.interest_rates.push(InterestRate {
                    from: date("2019-01-01"),
                    percent: dec("5"),
                })
            }),
            StrategyInvalid(StrategyError::RatesNotIncreasing { rate: 2 }),
        ),
        (
            "a strategy with a template that does not read",
            strategy(f, |s| s.templates[0].body = "{nope}".to_string()),
            StrategyInvalid(StrategyError::TemplateInvalid {
                kind: StepKind::PreDue,
                channel: Channel::Email,
                error: TemplateError::UnknownPlaceholder {
                    name: "nope".to_string(),
                },
            }),
        ),
        (
            "a promise with 31 days of tolerance",
            promise(f, "2026-04-10", 31),
            ToleranceTooLong { max: 30 },
        ),
        (
            "registration before 1990",
            Command::RegisterCustomer {
                id: next.customer,
                date: date("1989-06-30"),
                recorded_on: date("1989-06-30"),
                details: details("C000099", "X", Currency::CNY, 30),
            },
            DateOutOfRange,
        ),
        (
            "order closed after 2100",
            Command::CloseOrder {
                id: f.open_order,
                date: date("2101-01-01"),
                closure: OrderClosure::Invoiced,
            },
            DateOutOfRange,
        ),
        (
            "dispute resolved before 1990",
            Command::ResolveDispute {
                id: f.open_dispute,
                date: date("1900-01-01"),
                outcome: DisputeOutcome::Rejected,
            },
            DateOutOfRange,
        ),
        (
            "30 days' terms with a due date 45 days after issue",
            f.invoice(|c| {
                set!(c, IssueInvoice { terms_days } = Some(30));
                set!(c, IssueInvoice { due_date } = Some(date("2026-05-16")));
            }),
            TermsDisagreeWithDueDate {
                by_terms: date("2026-05-01"),
            },
        ),
        (
            "due date before issue",
            f.invoice(|c| set!(c, IssueInvoice { due_date } = Some(date("2026-03-31")))),
            DueBeforeIssue,
        ),
        (
            "allocation to an unknown invoice",
            f.payment(f.cny_customer, cny("10"), manual(&[(InvoiceId(99), "1")])),
            AllocationToUnknownInvoice,
        ),
        (
            "allocation to another customer's invoice",
            f.payment(f.cny_customer, cny("10"), manual(&[(f.usd_invoice, "1")])),
            AllocationToOtherCustomer,
        ),
        (
            "credit to another customer's invoice",
            f.credit_note(|c| {
                set!(
                    c,
                    IssueCreditNote { allocation } = manual(&[(f.yen_invoice, "1")])
                )
            }),
            AllocationToOtherCustomer,
        ),
        (
            "allocation above open",
            f.payment(
                f.cny_customer,
                cny("1000"),
                manual(&[(f.part_paid, "600.01")]),
            ),
            AllocationAboveOpen {
                invoice: "INV-1".to_string(),
                open: dec("600.00"),
            },
        ),
        (
            "two allocations above open together",
            f.payment(
                f.cny_customer,
                cny("1000"),
                manual(&[(f.part_paid, "300"), (f.part_paid, "300.01")]),
            ),
            AllocationAboveOpen {
                invoice: "INV-1".to_string(),
                open: dec("600.00"),
            },
        ),
        (
            "allocation to a settled invoice",
            f.payment(f.cny_customer, cny("10"), manual(&[(f.settled, "1")])),
            AllocationAboveOpen {
                invoice: "INV-3".to_string(),
                open: dec("0"),
            },
        ),
        (
            "allocation before the invoice was issued",
            Command::ReceivePayment {
                id: next.payment,
                customer: f.cny_customer,
                date: date("2026-02-28"),
                recorded_on: date("2026-02-28"),
                amount: cny("10"),
                reference: String::new(),
                allocation: manual(&[(f.disputed, "1")]),
            },
            AllocationBeforeIssue {
                invoice: "INV-2".to_string(),
            },
        ),
        (
            "allocations above the payment",
            f.payment(
                f.cny_customer,
                cny("100"),
                manual(&[(f.part_paid, "60"), (f.disputed, "40.01")]),
            ),
            AllocationsExceedAmount,
        ),
        (
            "allocations above the credit note",
            f.credit_note(|c| {
                set!(
                    c,
                    IssueCreditNote { allocation } = manual(&[(f.part_paid, "10.01")])
                )
            }),
            AllocationsExceedAmount,
        ),
        (
            "write-off of a settled invoice",
            f.write_off(f.settled, None),
            InvoiceSettled,
        ),
        (
            "dispute on a settled invoice",
            f.dispute(f.settled, None),
            InvoiceSettled,
        ),
        (
            "write-off above open",
            f.write_off(f.part_paid, Some("600.01")),
            WriteOffAboveOpen {
                open: dec("600.00"),
            },
        ),
        (
            "closing a closed order",
            Command::CloseOrder {
                id: f.closed_order,
                date: date("2026-04-01"),
                closure: OrderClosure::Cancelled,
            },
            OrderClosed,
        ),
        (
            "dispute above the undisputed open amount",
            f.dispute(f.disputed, Some("400.01")),
            DisputeAboveOpen {
                open: dec("400.00"),
            },
        ),
        (
            "resolving a resolved dispute",
            Command::ResolveDispute {
                id: f.resolved_dispute,
                date: date("2026-04-01"),
                outcome: DisputeOutcome::Accepted,
            },
            DisputeResolved,
        ),
        (
            "credit record for an unknown customer",
            f.record(CustomerId(99), CreditRecord::Statement(statement(|_| {}))),
            UnknownCustomer,
        ),
        (
            "credit record dated out of range",
            f.record(
                f.cny_customer,
                CreditRecord::Statement(statement(|s| s.period_end = date("1989-12-31"))),
            ),
            DateOutOfRange,
        ),
        (
            "statement with negative total assets",
            f.record(
                f.cny_customer,
                CreditRecord::Statement(statement(|s| s.total_assets = Some(dec("-0.01")))),
            ),
            NegativeTotalAssets,
        ),
        (
            "statement with negative cash",
            f.record(
                f.cny_customer,
                CreditRecord::Statement(statement(|s| s.cash = Some(dec("-1")))),
            ),
            StatementLineNegative {
                line: "cash".to_string(),
            },
        ),
        (
            "statement line with three decimals",
            f.record(
                f.cny_customer,
                CreditRecord::Statement(statement(|s| s.revenue = Some(dec("1.001")))),
            ),
            TooManyDecimals { allowed: 2 },
        ),
        (
            "statement line above ten trillion",
            f.record(
                f.cny_customer,
                CreditRecord::Statement(statement(|s| s.equity = Some(dec("-10000000000000.01")))),
            ),
            AmountTooLarge,
        ),
        (
            "report without agency",
            f.record(
                f.cny_customer,
                CreditRecord::Report(report(|r| r.agency = " ".to_string())),
            ),
            AgencyEmpty,
        ),
        (
            "report without rating",
            f.record(
                f.cny_customer,
                CreditRecord::Report(report(|r| r.rating = String::new())),
            ),
            RatingEmpty,
        ),
        (
            "report with a too long agency name",
            f.record(
                f.cny_customer,
                CreditRecord::Report(report(|r| r.agency = long(too_long, 'a'))),
            ),
            TextTooLong {
                field: Field::Name,
                max,
            },
        ),
        (
            "report limit in another currency",
            f.record(
                f.cny_customer,
                CreditRecord::Report(report(|r| r.recommended_limit = Some(usd("100")))),
            ),
            CurrencyMismatch {
                expected: "CNY".to_string(),
                found: "USD".to_string(),
            },
        ),
        (
            "policy whose weights do not sum to 100",
            Command::ChangePolicy {
                date: date("2026-04-01"),
                policy: Box::new(next_policy(|p| p.weights[0] = dec("36"))),
                by: f.manager,
            },
            PolicyInvalid(PolicyError::WeightsNotHundred { sum: dec("101") }),
        ),
        (
            "policy with the current version",
            Command::ChangePolicy {
                date: date("2026-04-01"),
                policy: Box::new(next_policy(|p| p.version = 1)),
                by: f.manager,
            },
            PolicyVersionNotNext { expected: 2 },
        ),
        (
            "policy changed by an analyst",
            Command::ChangePolicy {
                date: date("2026-04-01"),
                policy: Box::new(next_policy(|_| {})),
                by: f.analyst,
            },
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "limit request by an unknown user",
            f.request_limit(|c| set!(c, RequestLimit { by } = UserId(99))),
            UnknownUser,
        ),
        (
            "change of an unknown user",
            Command::ChangeUser {
                id: UserId(99),
                name: "Nobody".to_string(),
                role: Role::Sales,
                by: f.director,
            },
            UnknownUser,
        ),
        (
            "a salesperson promoting themselves",
            Command::ChangeUser {
                id: f.sales,
                name: "Li Na".to_string(),
                role: Role::Director,
                by: f.sales,
            },
            OwnRole,
        ),
        (
            "a director changing their own role",
            Command::ChangeUser {
                id: f.director,
                name: "Chen Jie".to_string(),
                role: Role::Manager,
                by: f.director,
            },
            OwnRole,
        ),
        (
            "an analyst giving a role",
            Command::ChangeUser {
                id: f.sales,
                name: "Li Na".to_string(),
                role: Role::Collector,
                by: f.analyst,
            },
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "a manager making someone director",
            Command::ChangeUser {
                id: f.analyst,
                name: "Wang Wei".to_string(),
                role: Role::Director,
                by: f.manager,
            },
            GrantAboveOwn {
                role: Role::Director,
            },
        ),
        (
            "a manager demoting the director",
            Command::ChangeUser {
                id: f.director,
                name: "Chen Jie".to_string(),
                role: Role::Sales,
                by: f.manager,
            },
            GrantAboveOwn {
                role: Role::Director,
            },
        ),
        (
            "a salesperson renaming someone else",
            Command::ChangeUser {
                id: f.analyst,
                name: "Wang Wei 2".to_string(),
                role: Role::Analyst,
                by: f.sales,
            },
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "a profile added by nobody on a team",
            Command::AddUser {
                id: next.user,
                name: "Sun Li".to_string(),
                role: Role::Sales,
                by: None,
            },
            ProfileRequired,
        ),
        (
            "a salesperson adding an analyst",
            Command::AddUser {
                id: next.user,
                name: "Sun Li".to_string(),
                role: Role::Analyst,
                by: Some(f.sales),
            },
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "a manager adding a director",
            Command::AddUser {
                id: next.user,
                name: "Sun Li".to_string(),
                role: Role::Director,
                by: Some(f.manager),
            },
            GrantAboveOwn {
                role: Role::Director,
            },
        ),
        (
            "approval by an unknown user",
            f.decide_pending(UserId(99), |_| {}),
            UnknownUser,
        ),
        (
            "user id already used",
            Command::AddUser {
                id: f.sales,
                name: "Sun Li".to_string(),
                role: Role::Sales,
                by: Some(f.sales),
            },
            IdAlreadyUsed,
        ),
        (
            "blank user name",
            Command::AddUser {
                id: next.user,
                name: "  ".to_string(),
                role: Role::Sales,
                by: Some(f.sales),
            },
            NameEmpty,
        ),
        (
            "user name taken, in another case and with spaces",
            Command::AddUser {
                id: next.user,
                name: " wang wei ".to_string(),
                role: Role::Sales,
                by: Some(f.sales),
            },
            UserNameTaken {
                name: "wang wei".to_string(),
            },
        ),
        (
            "renaming a user to another's name",
            Command::ChangeUser {
                id: f.sales,
                name: "Zhao Min".to_string(),
                role: Role::Sales,
                by: f.sales,
            },
            UserNameTaken {
                name: "Zhao Min".to_string(),
            },
        ),
        (
            "limit for an unknown customer",
            f.request_limit(|c| set!(c, RequestLimit { customer } = CustomerId(99))),
            UnknownCustomer,
        ),
        (
            "request id already used",
            f.request_limit(|c| set!(c, RequestLimit { id } = f.approved)),
            IdAlreadyUsed,
        ),
        (
            "approving an unknown request",
            Command::ApproveLimit {
                request: RequestId(99),
                date: date("2026-04-01"),
                by: f.manager,
                comment: String::new(),
            },
            UnknownRequest,
        ),
        (
            "lapse of an unknown request",
            Command::RecordLapse {
                request: RequestId(99),
                date: date("2026-04-01"),
            },
            UnknownRequest,
        ),
        (
            "a second request while one is pending",
            f.request_limit(|c| {
                set!(c, RequestLimit { customer } = f.usd_customer);
                set!(c, RequestLimit { amount } = limit("5000", Currency::USD));
            }),
            RequestPending,
        ),
        (
            "approving an approved request",
            Command::ApproveLimit {
                request: f.approved,
                date: date("2026-04-01"),
                by: f.manager,
                comment: String::new(),
            },
            RequestDecided,
        ),
        (
            "rejecting an approved request",
            Command::RejectLimit {
                request: f.approved,
                date: date("2026-04-01"),
                by: f.manager,
                comment: "changed my mind".to_string(),
            },
            RequestDecided,
        ),
        (
            "limit in another currency",
            f.request_limit(|c| set!(c, RequestLimit { amount } = limit("100", Currency::USD))),
            CurrencyMismatch {
                expected: "CNY".to_string(),
                found: "USD".to_string(),
            },
        ),
        (
            "limit requested after 2100",
            {
                let late = date("2101-01-01");
                f.request_limit(|c| set!(c, RequestLimit { date } = late))
            },
            DateOutOfRange,
        ),
        (
            "temporary limit ending on the request date",
            f.request_limit(|c| set!(c, RequestLimit { until } = Some(date("2026-04-01")))),
            UntilNotAfterDate,
        ),
        (
            "temporary limit ending before the request date",
            f.request_limit(|c| set!(c, RequestLimit { until } = Some(date("2026-03-31")))),
            UntilNotAfterDate,
        ),
        (
            "limit request without a reason",
            f.request_limit(|c| set!(c, RequestLimit { reason } = " ".to_string())),
            ReasonEmpty,
        ),
        (
            "limit request with a too long reason",
            f.request_limit(|c| set!(c, RequestLimit { reason } = long(too_long, 'r'))),
            TextTooLong {
                field: Field::Reason,
                max,
            },
        ),
        (
            "hold without a reason",
            Command::PlaceHold {
                customer: f.cny_customer,
                date: date("2026-04-01"),
                by: f.analyst,
                reason: String::new(),
            },
            ReasonEmpty,
        ),
        (
            "rejection without a comment",
            f.reject_pending(f.analyst, " "),
            CommentEmpty,
        ),
        (
            "approval with a too long comment",
            f.decide_pending(f.director, |c| {
                set!(c, ApproveLimit { comment } = long(too_long, 'c'))
            }),
            TextTooLong {
                field: Field::Comment,
                max,
            },
        ),
        (
            "approval dated before the request",
            {
                let early = date("2026-03-09");
                f.decide_pending(f.manager, |c| set!(c, ApproveLimit { date } = early))
            },
            DecisionBeforeRequest,
        ),
        (
            "rejection dated before the request",
            Command::RejectLimit {
                request: f.pending,
                date: date("2026-03-09"),
                by: f.analyst,
                comment: "no".to_string(),
            },
            DecisionBeforeRequest,
        ),
        (
            "approving one's own request",
            f.decide_pending(f.sales, |_| {}),
            OwnRequest,
        ),
        (
            "rejecting one's own request",
            f.reject_pending(f.sales, "no"),
            OwnRequest,
        ),
        (
            "USD 1,000,000 approved by a manager",
            f.decide_pending(f.manager, |_| {}),
            AboveAuthority {
                required: Role::Director,
            },
        ),
        (
            "hold placed by sales",
            Command::PlaceHold {
                customer: f.cny_customer,
                date: date("2026-04-01"),
                by: f.sales,
                reason: "late".to_string(),
            },
            AboveAuthority {
                required: Role::Analyst,
            },
        ),
        (
            "hold released by an analyst",
            Command::ReleaseHold {
                customer: f.yen_customer,
                date: date("2026-04-01"),
                by: f.analyst,
                reason: "paid".to_string(),
            },
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "widget origins set by an analyst",
            Command::SetWidgetOrigins {
                date: date("2026-04-01"),
                by: f.analyst,
                origins: vec!["https://erp.example.com".to_string()],
            },
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "lapse of a temporary limit on its last day",
            Command::RecordLapse {
                request: f.approved,
                date: date("2026-06-30"),
            },
            LapseNotDue,
        ),
        (
            "lapse of a pending request",
            Command::RecordLapse {
                request: f.pending,
                date: date("2030-01-01"),
            },
            LapseNotDue,
        ),
        (
            "lapse recorded twice",
            Command::RecordLapse {
                request: f.lapsed,
                date: date("2026-04-01"),
            },
            LapseRecorded,
        ),
        (
            "hold on a customer on hold",
            Command::PlaceHold {
                customer: f.yen_customer,
                date: date("2026-04-01"),
                by: f.analyst,
                reason: "again".to_string(),
            },
            AlreadyOnHold,
        ),
        (
            "release of a customer not on hold",
            Command::ReleaseHold {
                customer: f.cny_customer,
                date: date("2026-04-01"),
                by: f.manager,
                reason: "paid".to_string(),
            },
            NotOnHold,
        ),
        (
            "order for a customer without a limit, no release reason",
            f.place_order(f.fresh, None),
            OrderBlocked,
        ),
        (
            "blocked order with a blank release reason",
            f.place_order(f.fresh, Some("  ")),
            OrderBlocked,
        ),
        (
            "blocked order released by sales",
            f.place_order(f.fresh, Some("urgent")),
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "order placed by an unknown user",
            Command::PlaceOrder {
                id: next.order,
                customer: f.fresh,
                number: "SO-NEW".to_string(),
                date: date("2026-04-01"),
                amount: cny("10"),
                by: UserId(99),
                release_reason: None,
            },
            UnknownUser,
        ),
        (
            "widget origin with another scheme",
            Command::SetWidgetOrigins {
                date: date("2026-04-01"),
                by: f.manager,
                origins: vec![
                    "https://erp.example.com".to_string(),
                    " ftp://files.example.com ".to_string(),
                ],
            },
            OriginInvalid {
                origin: "ftp://files.example.com".to_string(),
                error: OriginError::Scheme,
            },
        ),
    ]
    .into_iter()
    .chain(alert_cases(f))
    .chain(plan_cases(f))
    .collect()
}

/// On 2026-06-01 the CNY customer's INV-1 (due 2026-02-09, 600.00 open) is 112 days overdue:
/// a severe overdue alert, on alert hold. The JPY customer's overdue alert (INV-J1, due
/// 2026-03-11) was acknowledged that day in the fixture. The fresh customer has no alerts.
fn alert_cases(f: &Fixture) -> Vec<(&'static str, Command, Rejection)> {
    use creditdesk_core::policy::AlertRule::{OverdueDays, Utilisation};
    use Rejection::*;
    let today = date("2026-06-01");
    let ack = |customer, rule, by| {
        Command::Alerts(AlertsCommand::AcknowledgeAlert {
            customer,
            rule,
            date: today,
            by,
        })
    };
    let snooze = |until: &str| {
        Command::Alerts(AlertsCommand::SnoozeAlert {
            customer: f.cny_customer,
            rule: OverdueDays,
            date: today,
            by: f.analyst,
            until: date(until),
        })
    };
    let release = |customer, by, reason: &str| {
        Command::Alerts(AlertsCommand::ReleaseAlertHold {
            customer,
            date: today,
            by,
            reason: reason.to_string(),
        })
    };
    vec![
        (
            "acknowledging an unknown customer's alert",
            ack(CustomerId(99), OverdueDays, f.analyst),
            UnknownCustomer,
        ),
        (
            "acknowledging an alert that does not hold",
            ack(f.fresh, OverdueDays, f.analyst),
            UnknownAlert { rule: OverdueDays },
        ),
        (
            "acknowledging a rule that does not hold for this customer",
            ack(f.cny_customer, Utilisation, f.analyst),
            UnknownAlert { rule: Utilisation },
        ),
        (
            "acknowledging by sales",
            ack(f.cny_customer, OverdueDays, f.sales),
            NotMonitoring { role: Role::Sales },
        ),
        (
            "acknowledging by an unknown user",
            ack(f.cny_customer, OverdueDays, UserId(99)),
            UnknownUser,
        ),
        (
            "acknowledging the same run twice",
            ack(f.yen_customer, OverdueDays, f.manager),
            AlertAlreadyAcknowledged,
        ),
        (
            "snoozing until today",
            snooze("2026-06-01"),
            SnoozeNotAfterToday,
        ),
        (
            "snoozing until a past day",
            snooze("2026-05-20"),
            SnoozeNotAfterToday,
        ),
        (
            "releasing an alert hold without a reason",
            release(f.cny_customer, f.manager, "   "),
            ReasonEmpty,
        ),
        (
            "releasing an alert hold as an analyst",
            release(f.cny_customer, f.analyst, "paid by cheque"),
            AboveAuthority {
                required: Role::Manager,
            },
        ),
        (
            "releasing where no alert holds",
            release(f.fresh, f.manager, "paid by cheque"),
            NoAlertHold,
        ),
        (
            "releasing for an unknown customer",
            release(CustomerId(99), f.manager, "paid by cheque"),
            UnknownCustomer,
        ),
    ]
}

fn statement(change: impl FnOnce(&mut FinancialStatement)) -> FinancialStatement {
    let mut statement = FinancialStatement {
        period_end: date("2025-12-31"),
        currency: Some(Currency::CNY),
        total_assets: Some(dec("1000")),
        total_liabilities: Some(dec("600")),
        equity: Some(dec("400")),
        ..FinancialStatement::default()
    };
    change(&mut statement);
    statement
}

fn report(change: impl FnOnce(&mut CreditReport)) -> CreditReport {
    let mut report = CreditReport {
        agency: "Bureau".to_string(),
        report_date: date("2026-03-01"),
        rating: "A".to_string(),
        recommended_limit: Some(cny("5000.00")),
        notes: String::new(),
    };
    change(&mut report);
    report
}

/// The default policy as the next version, changed.
fn next_policy(change: impl FnOnce(&mut CreditPolicy)) -> CreditPolicy {
    let mut policy = CreditPolicy {
        version: 2,
        ..CreditPolicy::default()
    };
    change(&mut policy);
    policy
}

#[test]
fn each_broken_rule_is_named_and_changes_nothing() {
    let fixture = fixture();
    let before = fixture.state().clone();
    let mut failures = Vec::new();
    for (label, command, expected) in rejection_cases(&fixture) {
        let decided = decide(fixture.state(), &command);
        if decided != Err(expected.clone()) {
            failures.push(format!("{label}: expected {expected:?}, got {decided:?}"));
        }
        assert_eq!(fixture.state(), &before, "{label} changed the state");
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn collect(customer: CustomerId, by: UserId, channel: Channel) -> Command {
    Command::Collections(CollectionsCommand::CompleteTask {
        customer,
        date: date("2026-04-01"),
        recorded_on: date("2026-04-01"),
        by,
        channel,
        outcome: Outcome::Reached,
        notes: String::new(),
    })
}

/// The channels of the step due for the CNY customer on 2026-04-01 (its grade picks them).
fn due_channels(f: &Fixture) -> Vec<Channel> {
    let customer = f.state().ledger.customer(f.cny_customer).unwrap();
    task_on(f.state(), customer, date("2026-04-01"))
        .expect("the CNY customer has a reminder due")
        .step
        .channels
}

fn escalate(f: &Fixture, customer: CustomerId, offset_days: i32) -> Command {
    Command::Collections(CollectionsCommand::EscalateStep {
        customer,
        date: date("2026-04-01"),
        recorded_on: date("2026-04-01"),
        by: f.manager,
        offset_days,
        reason: "no answer".to_string(),
    })
}

fn company(f: &Fixture, edit: impl FnOnce(&mut CompanyDetails), by: UserId) -> Command {
    let _ = f;
    let mut details = CompanyDetails {
        name: "信达贸易有限公司".to_string(),
        address: "上海市浦东新区世纪大道100号".to_string(),
        bank_details: "中国银行上海分行 6222 0000 1234".to_string(),
        registration_no: String::new(),
        tax_no: String::new(),
    };
    edit(&mut details);
    Command::SetCompanyDetails { details, by }
}

fn template(f: &Fixture, edit: impl FnOnce(&mut Template)) -> Command {
    let mut template = default_template(StepKind::FinalNotice, Channel::Letter, Language::En);
    edit(&mut template);
    Command::Collections(CollectionsCommand::SetTemplate {
        date: date("2026-04-01"),
        template,
        by: f.manager,
    })
}

fn strategy(f: &Fixture, edit: impl FnOnce(&mut CollectionPolicy)) -> Command {
    let mut strategy = CollectionPolicy::initial();
    edit(&mut strategy);
    Command::Collections(CollectionsCommand::ChangeStrategy {
        date: date("2026-04-01"),
        strategy,
        by: f.director,
    })
}

fn promise(f: &Fixture, due: &str, tolerance_days: u32) -> Command {
    Command::Collections(CollectionsCommand::RecordPromise {
        id: f.state().next_ids().promise,
        customer: f.cny_customer,
        date: date("2026-04-01"),
        recorded_on: date("2026-04-01"),
        by: f.manager,
        amount: cny("100.00"),
        due: date(due),
        tolerance_days,
    })
}

/// Every variant's name, by an exhaustive match: adding a variant without a case to this
/// file stops it compiling.
fn variant(rejection: &Rejection) -> &'static str {
    use Rejection::*;
    match rejection {
        UnknownCustomer => "UnknownCustomer",
        UnknownInvoice => "UnknownInvoice",
        UnknownOrder => "UnknownOrder",
        UnknownDispute => "UnknownDispute",
        IdAlreadyUsed => "IdAlreadyUsed",
        NameEmpty => "NameEmpty",
        NumberEmpty => "NumberEmpty",
        TextTooLong { .. } => "TextTooLong",
        CustomerNumberTaken { .. } => "CustomerNumberTaken",
        CountryInvalid => "CountryInvalid",
        TermsOutOfRange { .. } => "TermsOutOfRange",
        CurrencyLocked => "CurrencyLocked",
        DuplicateInvoiceNumber { .. } => "DuplicateInvoiceNumber",
        DuplicateCreditNoteNumber { .. } => "DuplicateCreditNoteNumber",
        CurrencyMismatch { .. } => "CurrencyMismatch",
        TooManyDecimals { .. } => "TooManyDecimals",
        AmountNotPositive => "AmountNotPositive",
        AmountTooLarge => "AmountTooLarge",
        DateOutOfRange => "DateOutOfRange",
        DueBeforeIssue => "DueBeforeIssue",
        AllocationToUnknownInvoice => "AllocationToUnknownInvoice",
        AllocationToOtherCustomer => "AllocationToOtherCustomer",
        AllocationAboveOpen { .. } => "AllocationAboveOpen",
        AllocationBeforeIssue { .. } => "AllocationBeforeIssue",
        AllocationsExceedAmount => "AllocationsExceedAmount",
        InvoiceSettled => "InvoiceSettled",
        WriteOffAboveOpen { .. } => "WriteOffAboveOpen",
        OrderClosed => "OrderClosed",
        DisputeAboveOpen { .. } => "DisputeAboveOpen",
        DisputeResolved => "DisputeResolved",
        NegativeTotalAssets => "NegativeTotalAssets",
        StatementLineNegative { .. } => "StatementLineNegative",
        AgencyEmpty => "AgencyEmpty",
        RatingEmpty => "RatingEmpty",
        PolicyInvalid(_) => "PolicyInvalid",
        PolicyVersionNotNext { .. } => "PolicyVersionNotNext",
        UnknownUser => "UnknownUser",
        UserNameTaken { .. } => "UserNameTaken",
        UnknownRequest => "UnknownRequest",
        RequestPending => "RequestPending",
        RequestDecided => "RequestDecided",
        UntilNotAfterDate => "UntilNotAfterDate",
        ReasonEmpty => "ReasonEmpty",
        CommentEmpty => "CommentEmpty",
        DecisionBeforeRequest => "DecisionBeforeRequest",
        OwnRequest => "OwnRequest",
        AboveAuthority { .. } => "AboveAuthority",
        OwnRole => "OwnRole",
        DateInFuture { .. } => "DateInFuture",
        DateBeforeCustomerSince { .. } => "DateBeforeCustomerSince",
        DateBeforeInvoice { .. } => "DateBeforeInvoice",
        SinceAfterFirstRecord { .. } => "SinceAfterFirstRecord",
        NoTaskDue => "NoTaskDue",
        ChannelNotInStep { .. } => "ChannelNotInStep",
        StepNotInLadder => "StepNotInLadder",
        NothingToEscalate => "NothingToEscalate",
        NotCollecting { .. } => "NotCollecting",
        PromiseDueBeforeDate => "PromiseDueBeforeDate",
        ToleranceTooLong { .. } => "ToleranceTooLong",
        StrategyInvalid(_) => "StrategyInvalid",
        TermsDisagreeWithDueDate { .. } => "TermsDisagreeWithDueDate",
        GrantAboveOwn { .. } => "GrantAboveOwn",
        ProfileRequired => "ProfileRequired",
        LapseNotDue => "LapseNotDue",
        LapseRecorded => "LapseRecorded",
        AlreadyOnHold => "AlreadyOnHold",
        NotOnHold => "NotOnHold",
        OrderBlocked => "OrderBlocked",
        OriginInvalid { .. } => "OriginInvalid",
        CompanyNameEmpty => "CompanyNameEmpty",
        UnknownPlaceholder { .. } => "UnknownPlaceholder",
        UnclosedBrace { .. } => "UnclosedBrace",
        TemplateEmpty => "TemplateEmpty",
        UnknownProposal => "UnknownProposal",
        ProposalDecided => "ProposalDecided",
        OwnProposal => "OwnProposal",
        WriteOffPending => "WriteOffPending",
        DecisionBeforeProposal => "DecisionBeforeProposal",
        PlanEmpty => "PlanEmpty",
        PlanSumMismatch { .. } => "PlanSumMismatch",
        PlanDatesNotIncreasing => "PlanDatesNotIncreasing",
        InstalmentBeforePlan => "InstalmentBeforePlan",
        PlanInvoiceNotOpen { .. } => "PlanInvoiceNotOpen",
        PlanInvoiceOfOtherCustomer { .. } => "PlanInvoiceOfOtherCustomer",
        PlanOverlaps { .. } => "PlanOverlaps",
        DiscountPercentOutOfRange => "DiscountPercentOutOfRange",
        DiscountDaysOutOfRange { .. } => "DiscountDaysOutOfRange",
        StateInconsistent(_) => "StateInconsistent",
        UnknownAlert { .. } => "UnknownAlert",
        AlertAlreadyAcknowledged => "AlertAlreadyAcknowledged",
        SnoozeNotAfterToday => "SnoozeNotAfterToday",
        NotMonitoring { .. } => "NotMonitoring",
        NoAlertHold => "NoAlertHold",
    }
}

/// Every variant but `StateInconsistent`, which no command can reach from a state the fold
/// built: it has its own test below, on a state corrupted by hand.
const ALL_VARIANTS: usize = 92;

#[test]
fn every_rejection_variant_has_a_case() {
    let fixture = fixture();
    let mut covered: Vec<&str> = rejection_cases(&fixture)
        .iter()
        .map(|(_, _, rejection)| variant(rejection))
        .collect();
    covered.sort_unstable();
    covered.dedup();
    assert_eq!(covered.len(), ALL_VARIANTS, "covered: {covered:?}");
}

#[test]
fn a_customer_with_only_credit_notes_cannot_change_currency() {
    let mut fixture = fixture();
    let credit = fixture.credit_note(|c| set!(c, IssueCreditNote { customer } = fixture.fresh));
    fixture.ledger.run(credit);
    let update = fixture.update(fixture.fresh, |d| d.currency = Currency::USD);
    assert_eq!(
        decide(fixture.state(), &update),
        Err(Rejection::CurrencyLocked)
    );
}

#[test]
fn the_value_at_each_boundary_is_accepted() {
    let f = fixture();
    let at_max = |character| long(TEXT_LEN_MAX, character);
    let cases: Vec<(&str, Command)> = vec![
        (
            "name of exactly 200 characters",
            f.register(|d| d.name = at_max('x')),
        ),
        (
            "Chinese name of exactly 200 characters",
            f.register(|d| d.name = at_max('信')),
        ),
        (
            "terms of exactly 365 days",
            f.register(|d| d.payment_terms_days = 365),
        ),
        ("cash terms", f.register(|d| d.payment_terms_days = 0)),
        ("no country", f.register(|d| d.country = String::new())),
        (
            "a customer keeping its own number",
            f.update(f.cny_customer, |d| d.name = "Renamed".to_string()),
        ),
        (
            "a customer without records changing currency",
            f.update(f.fresh, |d| d.currency = Currency::USD),
        ),
        (
            "an amount of exactly ten trillion",
            f.invoice(|c| {
                set!(
                    c,
                    IssueInvoice { amount } = Amount::try_new(amount_max(), Currency::CNY)
                        .expect("the largest amount is one")
                )
            }),
        ),
        (
            "a yen amount written with a zero decimal",
            f.invoice(|c| {
                set!(c, IssueInvoice { customer } = f.yen_customer);
                set!(c, IssueInvoice { amount } = money("100.0", jpy()));
            }),
        ),
        (
            "the first date in range (a customer since then)",
            Command::RegisterCustomer {
                id: f.state().next_ids().customer,
                date: date("1990-01-01"),
                recorded_on: date("2026-04-01"),
                details: details("C000099", "X", Currency::CNY, 30),
            },
        ),
        (
            "a due date on the last day in range",
            f.invoice(|c| {
                set!(c, IssueInvoice { issue_date } = date("2100-12-01"));
                set!(c, IssueInvoice { due_date } = Some(date("2100-12-31")));
            }),
        ),
        (
            "due on the day of issue",
            f.invoice(|c| set!(c, IssueInvoice { due_date } = Some(date("2026-04-01")))),
        ),
        (
            "allocation of exactly the open amount",
            f.payment(
                f.cny_customer,
                cny("600"),
                manual(&[(f.part_paid, "600.00")]),
            ),
        ),
        (
            "allocations of exactly the payment",
            f.payment(
                f.cny_customer,
                cny("100"),
                manual(&[(f.part_paid, "60"), (f.disputed, "40")]),
            ),
        ),
        (
            "allocation on the day of issue",
            Command::ReceivePayment {
                id: f.state().next_ids().payment,
                customer: f.cny_customer,
                date: date("2026-03-01"),
                recorded_on: date("2026-03-01"),
                amount: cny("1"),
                reference: String::new(),
                allocation: manual(&[(f.disputed, "1")]),
            },
        ),
        (
            "write-off of exactly the open amount",
            f.write_off(f.part_paid, Some("600.00")),
        ),
        (
            "dispute of exactly the undisputed open amount",
            f.dispute(f.disputed, Some("400.00")),
        ),
        (
            "dispute of the rest by default",
            f.dispute(f.disputed, None),
        ),
        (
            "closing an open order",
            Command::CloseOrder {
                id: f.open_order,
                date: date("2026-04-01"),
                closure: OrderClosure::Cancelled,
            },
        ),
        (
            "resolving an open dispute",
            Command::ResolveDispute {
                id: f.open_dispute,
                date: date("2026-04-01"),
                outcome: DisputeOutcome::Accepted,
            },
        ),
    ];
    for (label, command) in cases {
        assert!(
            decide(f.state(), &command).is_ok(),
            "{label}: {:?}",
            decide(f.state(), &command)
        );
    }
}

#[test]
fn every_rejection_names_a_form_field() {
    let fixture = fixture();
    let cases: Vec<(Rejection, Field)> = rejection_cases(&fixture)
        .into_iter()
        .filter(|(label, _, _)| {
            [
                "blank name",
                "name too long",
                "registration number too long",
                "country in lower case",
                "due date before issue",
                "allocation above open",
                "closing a closed order",
            ]
            .contains(label)
        })
        .map(|(_, _, rejection)| {
            let field = rejection.field();
            (rejection, field)
        })
        .collect();
    let fields: Vec<Field> = cases.iter().map(|(_, field)| *field).collect();
    assert_eq!(
        fields,
        vec![
            Field::Name,
            Field::Name,
            Field::Record,
            Field::Country,
            Field::DueDate,
            Field::Allocation,
            Field::Record
        ]
    );
}

#[test]
fn a_batch_is_all_or_nothing_and_each_command_sees_the_ones_before() {
    let f = fixture();
    let before = f.state().clone();
    let next = before.next_ids();
    let new_customer = Command::RegisterCustomer {
        id: next.customer,
        date: date("2026-01-01"),
        recorded_on: date("2026-01-01"),
        details: details("C000099", "Batch Co.", Currency::CNY, 30),
    };
    let first_invoice = Command::IssueInvoice {
        id: next.invoice,
        customer: next.customer,
        number: "INV-B1".to_string(),
        issue_date: date("2026-04-01"),
        terms_days: None,
        due_date: None,
        amount: cny("10"),
    };
    // The same number again: only a duplicate because the second command was decided first.
    let duplicate = Command::IssueInvoice {
        id: InvoiceId(next.invoice.0 + 1),
        customer: next.customer,
        number: "INV-B1".to_string(),
        issue_date: date("2026-04-01"),
        terms_days: None,
        due_date: None,
        amount: cny("10"),
    };
    let valid_after = f.order(|_| ());
    let batch = vec![
        new_customer.clone(),
        first_invoice.clone(),
        duplicate,
        valid_after,
    ];
    let result = decide_batch(f.state(), batch);
    let expected = BatchRejection {
        index: 2,
        rejection: Rejection::DuplicateInvoiceNumber {
            number: "INV-B1".to_string(),
        },
    };
    assert_eq!(result.map(|(entries, _)| entries), Err(expected));
    assert_eq!(f.state(), &before);

    let (entries, after) =
        decide_batch(f.state(), vec![new_customer, first_invoice]).expect("valid batch");
    assert_eq!(entries.len(), 2);
    let mut folded = before.clone();
    for entry in &entries {
        folded.apply(entry).expect("entries fit the state");
    }
    assert_eq!(after, folded);
    assert_eq!(after.ledger.invoice_by_number("INV-B1"), Some(next.invoice));
    assert_eq!(f.state(), &before);
}

/// A state read back from storage that does not fit together (here an invoice whose record
/// names another customer than the one that lists it) must not take the entries decided for
/// it: the batch is refused as an integrity error, the state is untouched, nothing panics.
#[test]
fn a_batch_on_an_inconsistent_state_is_refused_not_a_panic() {
    let mut ledger = Ledger::default();
    let first = ledger.register("C1", "First", Currency::CNY, 30);
    let second = ledger.register("C2", "Second", Currency::CNY, 30);
    ledger.invoice(first, "INV-1", "2026-01-05", cny("100.00"));
    let mut corrupted = ledger.state.clone();
    corrupted.ledger.invoices[0].customer = second;
    let payment = Command::ReceivePayment {
        id: corrupted.next_ids().payment,
        customer: first,
        date: date("2026-02-01"),
        recorded_on: date("2026-02-01"),
        amount: cny("100.00"),
        reference: String::new(),
        allocation: AllocationChoice::OldestFirst,
    };
    let refused = decide_batch(&corrupted, [payment]).expect_err("refused");
    assert_eq!(refused.index, 0);
    assert_eq!(
        refused.rejection,
        Rejection::StateInconsistent(creditdesk_core::base::fold::FoldError::ForeignAllocation {
            invoice: 1
        })
    );
}

/// Terms and a due date typed together are accepted when they agree (issue 9: before, the due
/// date silently won whatever the terms said).
#[test]
fn terms_and_a_due_date_that_agree_are_accepted() {
    let f = fixture();
    let command = f.invoice(|c| {
        set!(c, IssueInvoice { terms_days } = Some(30));
        set!(c, IssueInvoice { due_date } = Some(date("2026-05-01")));
    });
    let entries = decide(f.state(), &command).expect("30 days after 2026-04-01 is 2026-05-01");
    match &entries[..] {
        [Entry::Ledger(LedgerEntry::InvoiceIssued {
            due_date,
            terms_days,
            ..
        })] => {
            assert_eq!((*due_date, *terms_days), (date("2026-05-01"), 30));
        }
        other => panic!("not one invoice: {other:?}"),
    }
}

#[test]
fn customer_since_moved_back_admits_the_older_history_and_lengthens_the_relationship() {
    let mut fixture = fixture();
    let customer = fixture.cny_customer;
    let before = fixture
        .state()
        .ledger
        .customer(customer)
        .unwrap()
        .registered_on;
    assert_eq!(before, date("2025-01-01"));
    fixture.ledger.run(Command::ChangeCustomerSince {
        id: customer,
        since: date("2019-06-01"),
        recorded_on: date("2026-04-01"),
    });
    let moved = fixture.state().ledger.customer(customer).unwrap();
    assert_eq!(moved.registered_on, date("2019-06-01"));
    let next = fixture.state().next_ids();
    let payment = Command::ReceivePayment {
        id: next.payment,
        customer,
        date: date("2019-07-01"),
        recorded_on: date("2026-04-01"),
        amount: cny("10"),
        reference: String::new(),
        allocation: AllocationChoice::Unapplied,
    };
    assert!(decide(fixture.state(), &payment).is_ok());
    // Before the new date it is still refused, naming the date.
    let mut earlier = payment.clone();
    if let Command::ReceivePayment { date: d, .. } = &mut earlier {
        *d = date("2019-05-31");
    }
    assert_eq!(
        decide(fixture.state(), &earlier),
        Err(Rejection::DateBeforeCustomerSince {
            since: date("2019-06-01")
        })
    );
}

//! A seeded, replayable simulation of the whole portfolio: random commands of every kind —
//! customers, invoices, payments and credit notes (oldest first, manual, unapplied), write-offs,
//! orders, disputes, credit records of every kind, policy versions, users, limit requests
//! (standing and temporary), approvals and rejections, lapses, holds, orders through the credit
//! check and the widget's origins — valid and deliberately broken, by users of every role. An
//! auditor checks the invariants after every step against its own books of the accepted
//! entries and re-derives every authority decision. A failure names its seed and step;
//! `simulate(seed, …)` replays it exactly.

mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use creditdesk_core::alerts::{alert_hold, alerts_on, customer_alerts, Alert};
use creditdesk_core::base::rng::Rng;
use creditdesk_core::check::check_order;
use creditdesk_core::collections::planned_invoices;
use creditdesk_core::collections::Outcome;
use creditdesk_core::credit::score::{score, score_all, score_inputs};
use creditdesk_core::credit::*;
use creditdesk_core::decide::{
    approval_role, grade_on, may_collect, may_monitor, task_on, worklist_on, write_off_role,
};
use creditdesk_core::ledger::as_of::customer_invoices_on;
use creditdesk_core::ledger::reports::*;
use creditdesk_core::limits::CheckReason;
use creditdesk_core::limits::{limit_status, review_date, LimitStatus, RequestStatus, Verdict};
use creditdesk_core::policy::AlertRule;
use creditdesk_core::policy::Channel;
use creditdesk_core::policy::{AuthorityBand, CreditPolicy};
use creditdesk_core::team::Role;
use creditdesk_core::*;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

/// The test's name carries these figures so that `cargo test` prints them; the assertion
/// below keeps the name honest.
const SEEDS: u64 = 500;
const STEPS: usize = 300;
const _: () = assert!(
    SEEDS == 500 && STEPS == 300,
    "rename the test to the new figures"
);

/// The commands accepted since the last checkpoint are decided again as one batch every this
/// many steps: a batch clones the state, which costs more than deciding a command.
const BATCH_EVERY: usize = 10;
/// The snapshot round trip is checked every this many steps and after the last one. Every
/// step would cost a postcard encode and decode of the whole state per command.
const SNAPSHOT_EVERY: usize = 10;
/// The replay from scratch (verify and fold every stored text) costs as much as the whole
/// journal so far, so it runs every this many steps and after the last one, not every step:
/// halfway through and at the end of each seed.
const REPLAY_EVERY: usize = 150;
/// The worklist scores every customer, so it is checked every this many steps and at the end.
const WORKLIST_EVERY: usize = 50;

/// Every kind of command the generator makes, by the name `kind_of` gives it. The run must
/// see each accepted and each rejected at least once, or the auditor checks less than it seems.
const KINDS: [&str; 47] = [
    "register customer",
    "update customer",
    "change customer since",
    "issue invoice",
    "payment, oldest first",
    "payment, manual",
    "payment, unapplied",
    "credit note, oldest first",
    "credit note, manual",
    "credit note, unapplied",
    "write-off",
    "open order",
    "close order",
    "open dispute",
    "resolve dispute",
    "credit report",
    "financial statement",
    "reference",
    "visit",
    "risk signal",
    "change policy",
    "add user",
    "change user",
    "request standing limit",
    "request temporary limit",
    "approve limit",
    "reject limit",
    "record lapse",
    "place hold",
    "release hold",
    "place order",
    "place order with release reason",
    "set widget origins",
    "complete task",
    "escalate step",
    "record promise",
    "assign collector",
    "change strategy",
    "set template",
    "set company details",
    "acknowledge alert",
    "snooze alert",
    "release alert hold",
    "propose write-off",
    "approve write-off",
    "reject write-off",
    "agree plan",
];

/// The tally's name for a command. Exhaustive, so a new command fails to compile here until
/// the simulation knows it.
fn kind_of(command: &Command) -> &'static str {
    use AllocationChoice::*;
    match command {
        Command::RegisterCustomer { .. } => "register customer",
        Command::UpdateCustomer { .. } => "update customer",
        Command::ChangeCustomerSince { .. } => "change customer since",
        Command::IssueInvoice { .. } => "issue invoice",
        Command::ReceivePayment { allocation, .. } => match allocation {
            OldestFirst => "payment, oldest first",
            Manual(_) => "payment, manual",
            Unapplied => "payment, unapplied",
        },
        Command::IssueCreditNote { allocation, .. } => match allocation {
            OldestFirst => "credit note, oldest first",
            Manual(_) => "credit note, manual",
            Unapplied => "credit note, unapplied",
        },
        Command::WriteOffInvoice { .. } => "write-off",
        Command::OpenOrder { .. } => "open order",
        Command::CloseOrder { .. } => "close order",
        Command::OpenDispute { .. } => "open dispute",
        Command::ResolveDispute { .. } => "resolve dispute",
        Command::AddCreditRecord { record, .. } => match record {
            CreditRecord::Report(_) => "credit report",
            CreditRecord::Statement(_) => "financial statement",
            CreditRecord::Reference(_) => "reference",
            CreditRecord::Visit(_) => "visit",
            CreditRecord::Signal(_) => "risk signal",
        },
        Command::ChangePolicy { .. } => "change policy",
        Command::AddUser { .. } => "add user",
        Command::ChangeUser { .. } => "change user",
        Command::RequestLimit { until: None, .. } => "request standing limit",
        Command::RequestLimit { until: Some(_), .. } => "request temporary limit",
        Command::ApproveLimit { .. } => "approve limit",
        Command::RejectLimit { .. } => "reject limit",
        Command::RecordLapse { .. } => "record lapse",
        Command::PlaceHold { .. } => "place hold",
        Command::ReleaseHold { .. } => "release hold",
        Command::PlaceOrder {
            release_reason: None,
            ..
        } => "place order",
        Command::PlaceOrder {
            release_reason: Some(_),
            ..
        } => "place order with release reason",
        Command::SetWidgetOrigins { .. } => "set widget origins",
        Command::Collections(command) => match command {
            CollectionsCommand::CompleteTask { .. } => "complete task",
            CollectionsCommand::EscalateStep { .. } => "escalate step",
            CollectionsCommand::RecordPromise { .. } => "record promise",
            CollectionsCommand::AssignCollector { .. } => "assign collector",
            CollectionsCommand::ChangeStrategy { .. } => "change strategy",
            CollectionsCommand::SetTemplate { .. } => "set template",
            CollectionsCommand::ProposeWriteOff { .. } => "propose write-off",
            CollectionsCommand::ApproveWriteOff { .. } => "approve write-off",
            CollectionsCommand::RejectWriteOff { .. } => "reject write-off",
            CollectionsCommand::AgreePlan { .. } => "agree plan",
        },
        Command::SetCompanyDetails { .. } => "set company details",
        Command::Alerts(command) => match command {
            AlertsCommand::AcknowledgeAlert { .. } => "acknowledge alert",
            AlertsCommand::SnoozeAlert { .. } => "snooze alert",
            AlertsCommand::ReleaseAlertHold { .. } => "release alert hold",
        },
    }
}

/// Makes commands from the current state: mostly valid, some deliberately broken.
struct Generator {
    rng: Rng,
    today: NaiveDate,
}

type Maker = fn(&mut Generator, &Portfolio) -> Command;

/// How often each maker runs, out of the sum of the weights. Ledger work dominates, as in a
/// real portfolio; approvals are frequent enough that customers get limits to order against.
const MAKERS: &[(u32, Maker)] = &[
    (5, register),
    (3, update),
    (1, change_since),
    (15, invoice),
    (5, |g, s| {
        settle(g, s, Settlement::Payment, Allocate::OldestFirst)
    }),
    (5, |g, s| {
        settle(g, s, Settlement::Payment, Allocate::Manual)
    }),
    (3, |g, s| {
        settle(g, s, Settlement::Payment, Allocate::Unapplied)
    }),
    (2, |g, s| {
        settle(g, s, Settlement::Credit, Allocate::OldestFirst)
    }),
    (2, |g, s| settle(g, s, Settlement::Credit, Allocate::Manual)),
    (1, |g, s| {
        settle(g, s, Settlement::Credit, Allocate::Unapplied)
    }),
    (3, write_off),
    (3, open_order),
    (4, close_order),
    (4, open_dispute),
    (3, resolve_dispute),
    (2, credit_report),
    (2, financial_statement),
    (1, reference),
    (1, visit),
    (2, risk_signal),
    (2, change_policy),
    (3, add_user),
    (2, change_user),
    (5, |g, s| request_limit(g, s, false)),
    (3, |g, s| request_limit(g, s, true)),
    (7, approve_limit),
    (3, reject_limit),
    (2, record_lapse),
    (2, place_hold),
    (2, release_hold),
    (5, |g, s| place_order(g, s, false)),
    (4, |g, s| place_order(g, s, true)),
    (1, set_widget_origins),
    (6, complete_task),
    (1, escalate_step),
    (2, record_promise),
    (1, assign_collector),
    (1, change_strategy),
    (1, set_template),
    (1, set_company_details),
    (2, acknowledge_alert),
    (2, snooze_alert),
    (2, release_alert_hold),
    (3, propose_write_off),
    (3, |g, s| decide_write_off(g, s, true)),
    (1, |g, s| decide_write_off(g, s, false)),
    (3, agree_plan),
];

fn random_command(generator: &mut Generator, state: &Portfolio) -> Command {
    // A portfolio needs customers and a team before most commands mean anything.
    if state.ledger.customers.is_empty() || generator.rng.chance(3) {
        return register(generator, state);
    }
    if state.team.users.len() < 3 && generator.rng.chance(40) {
        return add_user(generator, state);
    }
    let total: u32 = MAKERS.iter().map(|(weight, _)| weight).sum();
    let mut roll = generator.rng.range(0, i64::from(total) - 1) as u32;
    for (weight, make) in MAKERS {
        if roll < *weight {
            return make(generator, state);
        }
        roll -= weight;
    }
    unreachable!("the roll is below the sum of the weights")
}

impl Generator {
    /// True when the value being generated should be deliberately broken (`percent` of the
    /// time).
    fn broken(&mut self, percent: u64) -> bool {
        self.rng.chance(percent)
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| self.rng.pick(items).clone())
    }

    /// Mostly CNY, USD and JPY; now and then AUD, for which the default policy has no rate
    /// (only a director may approve its limits).
    fn currency(&mut self) -> Currency {
        match self.rng.range(0, 19) {
            0..=9 => Currency::CNY,
            10..=14 => Currency::USD,
            15..=18 => jpy(),
            _ => Currency::parse("AUD").expect("AUD is a known currency"),
        }
    }

    /// A positive amount valid for the currency, or now and then one in another currency.
    /// Now and then it first tries a figure that is no amount (zero, negative, too many
    /// decimals), which the type must refuse: no command can carry one.
    fn amount(&mut self, currency: Currency) -> Amount {
        let minor = currency.minor_units();
        let units = self.rng.range(1, 2_000_000);
        let value = Decimal::new(units, minor);
        if !self.broken(8) {
            return valid(value, currency);
        }
        let other = other_currency(currency);
        let elsewhere = valid(Decimal::new(units, other.minor_units()), other);
        let refused = match self.rng.range(0, 3) {
            0 => Decimal::ZERO,
            1 => -value,
            // Ends in 5, so it has one decimal too many however it is written.
            2 => Decimal::new(self.rng.range(0, 9_999) * 10 + 5, minor + 1),
            _ => return elsewhere,
        };
        let refusal = Amount::<Positive>::try_new(refused, currency);
        assert!(refusal.is_err(), "{refused} {currency} is no amount");
        elsewhere
    }

    /// A limit in whole units whose CNY value falls in the analyst, manager or director band
    /// of the default authority matrix (or closes the line), or now and then one in another
    /// currency, after a figure that is no limit (negative, too many decimals) was refused.
    fn limit_amount(&mut self, currency: Currency) -> Amount<NonNegative> {
        let base = match self.rng.range(0, 19) {
            0 => 0,
            1..=11 => self.rng.range(1, 500) * 1_000,
            12..=16 => self.rng.range(500, 2_000) * 1_000,
            _ => self.rng.range(2_000, 6_000) * 1_000,
        };
        let units = match currency.code() {
            "USD" => base / 7,
            "JPY" => base * 21,
            "AUD" => base / 5,
            _ => base,
        };
        let amount = Decimal::from(units);
        if !self.broken(6) {
            return valid(amount, currency);
        }
        let refused = match self.rng.range(0, 2) {
            0 => -amount - Decimal::ONE,
            1 => Decimal::new(
                self.rng.range(0, 9_999) * 10 + 5,
                currency.minor_units() + 1,
            ),
            _ => return valid(amount + Decimal::ONE, other_currency(currency)),
        };
        let refusal = Amount::<NonNegative>::try_new(refused, currency);
        assert!(refusal.is_err(), "{refused} {currency} is no limit");
        valid(amount + Decimal::ONE, other_currency(currency))
    }

    /// A part of `open` in the currency's precision: sometimes all of it, sometimes a
    /// little too much; `None` when that is no amount (nothing is open).
    fn part_of(&mut self, open: Decimal, currency: Currency) -> Option<Amount> {
        let part = if self.broken(5) {
            open + Decimal::new(1, currency.minor_units())
        } else if self.rng.chance(40) {
            open
        } else {
            let percent = Decimal::from(self.rng.range(1, 99));
            (open * percent / Decimal::ONE_HUNDRED).round_dp(currency.minor_units())
        };
        Amount::try_new(part, currency).ok()
    }

    /// A date in the last three weeks, or now and then one out of the accepted range.
    fn date(&mut self) -> NaiveDate {
        if self.broken(2) {
            return date("1985-05-05");
        }
        self.today - Duration::days(self.rng.range(0, 20))
    }

    /// A date a credit record speaks for: up to two years back.
    fn record_date(&mut self) -> NaiveDate {
        if self.broken(2) {
            return date("1985-05-05");
        }
        self.today - Duration::days(self.rng.range(0, 700))
    }

    /// `valid`, or now and then blank or too long.
    fn text(&mut self, valid: &str) -> String {
        match self.rng.range(0, 99) {
            0..=2 => "   ".to_string(),
            3 => "长".repeat(201),
            _ => valid.to_string(),
        }
    }

    fn customer<'s>(&mut self, state: &'s Portfolio) -> Option<&'s Customer> {
        (!state.ledger.customers.is_empty()).then(|| self.rng.pick(&state.ledger.customers))
    }

    /// A registered customer, or now and then one that does not exist.
    fn customer_id(&mut self, state: &Portfolio) -> CustomerId {
        if self.broken(3) {
            return CustomerId(999);
        }
        self.customer(state).map_or(CustomerId(999), |c| c.id)
    }

    fn invoice(&mut self, state: &Portfolio) -> Option<Invoice> {
        self.pick(&state.ledger.invoices)
    }

    /// A known user of any role, or now and then one that does not exist.
    fn user_id(&mut self, state: &Portfolio) -> UserId {
        if self.broken(4) {
            return UserId(999);
        }
        self.pick(&state.team.users).map_or(UserId(999), |u| u.id)
    }

    /// Sometimes an id that is already taken instead of the next one.
    fn id(&mut self, next: u32) -> u32 {
        if next > 1 && self.broken(3) {
            return next - 1;
        }
        next
    }
}

fn other_currency(currency: Currency) -> Currency {
    if currency == Currency::USD {
        Currency::CNY
    } else {
        Currency::USD
    }
}

fn currency_of(state: &Portfolio, customer: CustomerId) -> Currency {
    state
        .ledger
        .customer(customer)
        .map_or(Currency::CNY, |c| c.details.currency)
}

fn register(generator: &mut Generator, state: &Portfolio) -> Command {
    let currency = generator.currency();
    let terms = *generator.rng.pick(&[0, 30, 45, 60, 90, 400]);
    let index = state.ledger.customers.len();
    let name = match generator.rng.range(0, 9) {
        0 => "  ".to_string(),
        1..=4 => format!("华信{index}机械有限公司"),
        _ => format!("Harbor {index} Trading Ltd."),
    };
    let mut number = state.ledger.next_customer_number();
    if generator.broken(5) {
        number = "C000001".to_string();
    }
    let mut details = details(&number, &name, currency, terms);
    if generator.broken(3) {
        details.country = "cn".to_string();
    }
    let id = CustomerId(generator.id(state.next_ids().customer.0));
    Command::RegisterCustomer {
        id,
        date: generator.today - Duration::days(generator.rng.range(500, 1500)),
        recorded_on: generator.today,
        details,
    }
}

fn update(generator: &mut Generator, state: &Portfolio) -> Command {
    let Some(customer) = generator.customer(state) else {
        return register(generator, state);
    };
    let mut details = customer.details.clone();
    let id = customer.id;
    details.payment_terms_days = *generator.rng.pick(&[30, 60, 90, 366]);
    if generator.rng.chance(30) {
        details.currency = generator.currency();
    }
    if generator.rng.chance(10) {
        details.number = "C000001".to_string();
    }
    if generator.rng.chance(20) {
        // 2/10, now and then a percent or a window that is none.
        details.discount = Some(DiscountTerms {
            percent: *generator
                .rng
                .pick(&[dec("2"), dec("2"), dec("0"), dec("100")]),
            days: *generator.rng.pick(&[10, 10, 0, 90]),
        });
    }
    Command::UpdateCustomer { id, details }
}

/// "Customer since" moved back, or now and then past the first record, into the future or
/// for a customer that does not exist.
fn change_since(generator: &mut Generator, state: &Portfolio) -> Command {
    let id = generator.customer_id(state);
    let since = match generator.rng.range(0, 9) {
        0 => generator.today + Duration::days(3),
        1 => generator.today - Duration::days(5),
        _ => generator.today - Duration::days(generator.rng.range(700, 2000)),
    };
    Command::ChangeCustomerSince {
        id,
        since,
        recorded_on: generator.today,
    }
}

fn invoice(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let currency = currency_of(state, customer);
    let next = state.next_ids().invoice.0;
    let number = match generator.invoice(state) {
        Some(existing) if generator.broken(5) => existing.number,
        _ => format!("INV-{next:05}"),
    };
    let issue_date = generator.date();
    let due_date = match generator.rng.range(0, 9) {
        0 => Some(issue_date - Duration::days(1)),
        1 | 2 => Some(issue_date + Duration::days(generator.rng.range(0, 120))),
        _ => None,
    };
    let terms_days = generator
        .rng
        .chance(20)
        .then(|| generator.rng.range(0, 370) as u32);
    Command::IssueInvoice {
        id: InvoiceId(generator.id(next)),
        customer,
        number,
        issue_date,
        terms_days,
        due_date,
        amount: generator.amount(currency),
    }
}

#[derive(Clone, Copy)]
enum Settlement {
    Payment,
    Credit,
}

#[derive(Clone, Copy)]
enum Allocate {
    OldestFirst,
    Manual,
    Unapplied,
}

/// A payment or a credit note with the given kind of allocation.
fn settle(
    generator: &mut Generator,
    state: &Portfolio,
    settlement: Settlement,
    allocate: Allocate,
) -> Command {
    let customer = generator.customer_id(state);
    let currency = currency_of(state, customer);
    let date = generator.date();
    let (allocation, amount) = match allocate {
        Allocate::OldestFirst => (AllocationChoice::OldestFirst, generator.amount(currency)),
        Allocate::Unapplied => (AllocationChoice::Unapplied, generator.amount(currency)),
        Allocate::Manual => manual_allocation(generator, state, customer, currency),
    };
    match settlement {
        Settlement::Credit => {
            let id = CreditNoteId(generator.id(state.next_ids().credit_note.0));
            Command::IssueCreditNote {
                id,
                customer,
                number: format!("CN-{}", id.0),
                date,
                recorded_on: generator.today,
                amount,
                reason: "price".to_string(),
                allocation,
            }
        }
        Settlement::Payment => {
            let id = PaymentId(generator.id(state.next_ids().payment.0));
            Command::ReceivePayment {
                id,
                customer,
                date,
                recorded_on: generator.today,
                amount,
                reference: format!("BANK-{}", id.0),
                allocation,
            }
        }
    }
}

fn manual_allocation(
    generator: &mut Generator,
    state: &Portfolio,
    customer: CustomerId,
    currency: Currency,
) -> (AllocationChoice, Amount) {
    let own: Vec<&Invoice> = state
        .ledger
        .invoices
        .iter()
        .filter(|i| i.customer == customer && i.open() > Decimal::ZERO)
        .collect();
    let mut allocations = Vec::new();
    for _ in 0..generator.rng.range(1, 3) {
        let target = if generator.broken(5) {
            generator.invoice(state)
        } else {
            generator.pick(&own).cloned()
        };
        let Some(target) = target else { continue };
        // Nothing open (a broken target): the least amount, which is above what is open.
        let least = Decimal::new(1, currency.minor_units());
        let amount = generator
            .part_of(target.open(), currency)
            .unwrap_or_else(|| valid(least, currency));
        allocations.push(Allocation {
            invoice: target.id,
            amount,
        });
    }
    let allocated: Decimal = allocations.iter().map(|a| a.amount.value()).sum();
    let extra = match generator.rng.range(0, 9) {
        0 => -Decimal::new(1, currency.minor_units()),
        1..=5 => Decimal::ZERO,
        _ => Decimal::new(generator.rng.range(1, 100_000), currency.minor_units()),
    };
    // Allocations of nothing ask for a payment of the least amount rather than of none.
    let amount = (allocated + extra).max(Decimal::new(1, currency.minor_units()));
    (
        AllocationChoice::Manual(allocations),
        valid(amount, currency),
    )
}

fn write_off(generator: &mut Generator, state: &Portfolio) -> Command {
    let Some(invoice) = generator.invoice(state) else {
        return register(generator, state);
    };
    let amount = generator
        .rng
        .chance(50)
        .then(|| generator.part_of(invoice.open(), invoice.amount.currency()))
        .flatten();
    Command::WriteOffInvoice {
        invoice: invoice.id,
        date: generator.date(),
        recorded_on: generator.today,
        amount,
        reason: "insolvent".to_string(),
    }
}

fn open_order(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let currency = currency_of(state, customer);
    let id = OrderId(generator.id(state.next_ids().order.0));
    Command::OpenOrder {
        id,
        customer,
        number: format!("SO-{}", id.0),
        date: generator.date(),
        amount: generator.amount(currency),
    }
}

fn close_order(generator: &mut Generator, state: &Portfolio) -> Command {
    let ids: Vec<OrderId> = state.ledger.orders.iter().map(|o| o.id).collect();
    let id = generator.pick(&ids).unwrap_or(OrderId(999));
    let closure = if generator.rng.chance(50) {
        OrderClosure::Invoiced
    } else {
        OrderClosure::Cancelled
    };
    Command::CloseOrder {
        id,
        date: generator.date(),
        closure,
    }
}

fn open_dispute(generator: &mut Generator, state: &Portfolio) -> Command {
    let Some(invoice) = generator.invoice(state) else {
        return register(generator, state);
    };
    let undisputed = invoice.open() - invoice.disputed;
    let amount = generator
        .rng
        .chance(60)
        .then(|| generator.part_of(undisputed, invoice.amount.currency()))
        .flatten();
    let id = DisputeId(generator.id(state.next_ids().dispute.0));
    Command::OpenDispute {
        id,
        invoice: invoice.id,
        date: generator.date(),
        amount,
        reason: "quality".to_string(),
        details: Default::default(),
    }
}

fn resolve_dispute(generator: &mut Generator, state: &Portfolio) -> Command {
    let ids: Vec<DisputeId> = state.ledger.disputes.iter().map(|d| d.id).collect();
    let id = generator.pick(&ids).unwrap_or(DisputeId(999));
    let outcome = if generator.rng.chance(50) {
        DisputeOutcome::Accepted
    } else {
        DisputeOutcome::Rejected
    };
    Command::ResolveDispute {
        id,
        date: generator.date(),
        outcome,
    }
}

fn add_record(generator: &mut Generator, customer: CustomerId, record: CreditRecord) -> Command {
    Command::AddCreditRecord {
        customer,
        recorded_on: generator.today,
        record,
    }
}

fn credit_report(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let currency = currency_of(state, customer);
    let agency = *generator
        .rng
        .pick(&["Bureau", "Dun & Bradstreet", "Creditsafe", "  "]);
    let ratings = [
        "AAA", "AA", "A", "BBB+", "BB", "B-", "CCC", "D", "CR1", "CR3", "CR6", "1", "3", "X9", "",
    ];
    let rating = *generator.rng.pick(&ratings);
    // A limit of zero is no recommended figure: the report then recommends none.
    let recommended_limit = generator
        .rng
        .chance(50)
        .then(|| generator.limit_amount(currency))
        .and_then(|limit| Amount::try_new(limit.value(), limit.currency()).ok());
    let report = CreditReport {
        agency: agency.to_string(),
        report_date: generator.record_date(),
        rating: rating.to_string(),
        recommended_limit,
        notes: if generator.broken(2) {
            "n".repeat(4001)
        } else {
            "annual report".to_string()
        },
    };
    add_record(generator, customer, CreditRecord::Report(report))
}

/// `of` × a random share in `low..=high` percent, in whole units.
fn share(rng: &mut Rng, of: i64, low: i64, high: i64) -> i64 {
    of * rng.range(low, high) / 100
}

/// A statement whose lines hang together (liabilities and equity make the assets), each line
/// disclosed or not; now and then with a negative or over-precise line.
fn financial_statement(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let rng = &mut generator.rng;
    let total_assets = rng.range(100_000, 50_000_000);
    let total_liabilities = share(rng, total_assets, 10, 130);
    let current_assets = share(rng, total_assets, 10, 80);
    let revenue = share(rng, total_assets, 20, 300);
    let ebit = share(rng, revenue, -20, 30);
    let lines = [
        current_assets,
        total_assets,
        share(rng, total_liabilities, 10, 90),
        total_liabilities,
        total_assets - total_liabilities,
        share(rng, total_assets - total_liabilities, -50, 80),
        share(rng, current_assets, 0, 50),
        share(rng, current_assets, 0, 50),
        revenue,
        ebit,
        share(rng, ebit, 50, 80),
        share(rng, total_liabilities, 0, 10),
    ];
    let mut line = lines.map(|value| rng.chance(85).then(|| Decimal::from(value)));
    if generator.broken(3) {
        line[1] = Some(Decimal::from(-total_assets));
    }
    if generator.broken(2) {
        line[7] = Some(Decimal::new(12_345, 3));
    }
    if generator.broken(2) {
        line[6] = Some(Decimal::from(-5));
    }
    let currency = match generator.rng.range(0, 9) {
        0 => None,
        1 => Some(Currency::CNY),
        _ => Some(currency_of(state, customer)),
    };
    let statement = FinancialStatement {
        period_end: generator.record_date(),
        currency,
        current_assets: line[0],
        total_assets: line[1],
        current_liabilities: line[2],
        total_liabilities: line[3],
        equity: line[4],
        retained_earnings: line[5],
        inventory: line[6],
        cash: line[7],
        revenue: line[8],
        ebit: line[9],
        net_profit: line[10],
        interest_expense: line[11],
    };
    add_record(generator, customer, CreditRecord::Statement(statement))
}

fn reference(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let reference = Reference {
        kind: *generator
            .rng
            .pick(&[ReferenceKind::Bank, ReferenceKind::Supplier]),
        date: generator.record_date(),
        source: generator.text("ICBC Shanghai"),
        assessment: *generator.rng.pick(&[
            Assessment::Positive,
            Assessment::Neutral,
            Assessment::Negative,
        ]),
        findings: "pays within terms".to_string(),
    };
    add_record(generator, customer, CreditRecord::Reference(reference))
}

fn visit(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let visit = Visit {
        kind: *generator
            .rng
            .pick(&[VisitKind::SiteVisit, VisitKind::Interview]),
        date: generator.record_date(),
        who: generator.text("Li Wei"),
        findings: "busy warehouse".to_string(),
    };
    add_record(generator, customer, CreditRecord::Visit(visit))
}

fn risk_signal(generator: &mut Generator, state: &Portfolio) -> Command {
    let customer = generator.customer_id(state);
    let signal = RiskSignal {
        kind: *generator.rng.pick(&[
            SignalKind::ManagementChange,
            SignalKind::NegativeNews,
            SignalKind::Lawsuit,
            SignalKind::IndustryDownturn,
            SignalKind::Other,
        ]),
        date: generator.record_date(),
        severity: *generator
            .rng
            .pick(&[Severity::Low, Severity::Medium, Severity::High]),
        source: generator.text("court register"),
        notes: String::new(),
    };
    add_record(generator, customer, CreditRecord::Signal(signal))
}

/// The next policy version with one tweak that keeps it valid (weights, grade floors, the
/// authority matrix, grade maxima and review intervals, tolerances, a rate), or now and then
/// a broken one.
fn change_policy(generator: &mut Generator, state: &Portfolio) -> Command {
    let mut policy = state.policy();
    policy.version += 1;
    tweak_policy(&mut generator.rng, &mut policy);
    if generator.broken(4) {
        policy.version -= 1;
    }
    if generator.broken(4) {
        policy.weights[0] += Decimal::ONE;
    }
    if generator.broken(2) {
        policy.grade_floors[1] = policy.grade_floors[0];
    }
    if generator.broken(2) {
        policy.limits.authority.reverse();
    }
    Command::ChangePolicy {
        date: generator.date(),
        policy: Box::new(policy),
        by: generator.user_id(state),
    }
}

fn tweak_policy(rng: &mut Rng, policy: &mut CreditPolicy) {
    let factors = [
        Decimal::new(5, 1),
        Decimal::new(8, 1),
        Decimal::new(15, 1),
        Decimal::TWO,
    ];
    let factor = *rng.pick(&factors);
    match rng.range(0, 5) {
        0 => {
            // Points move from one factor to another: the weights still sum to 100.
            let from = rng.range(0, 4) as usize;
            let to = rng.range(0, 4) as usize;
            let moved = Decimal::from(rng.range(0, 10)).min(policy.weights[from]);
            policy.weights[from] -= moved;
            policy.weights[to] += moved;
        }
        1 => {
            // All floors move together, so they still fall strictly; kept within 0–100.
            let up = Decimal::ONE_HUNDRED - policy.grade_floors[0];
            let down = policy.grade_floors[3];
            let shift = Decimal::from(rng.range(-15, 15)).min(up).max(-down);
            policy
                .grade_floors
                .iter_mut()
                .for_each(|floor| *floor += shift);
        }
        2 => {
            for band in &mut policy.limits.authority {
                band.up_to = band.up_to.map(|bound| bound * factor);
            }
        }
        3 => {
            for terms in &mut policy.limits.grades {
                terms.limit_max *= factor;
                terms.review_months = rng.range(1, 24) as u32;
            }
        }
        4 => {
            for terms in &mut policy.limits.grades {
                terms.overdue_tolerance_days = rng.range(0, 30) as u32;
                terms.warning_utilisation_percent = Decimal::from(rng.range(50, 100));
            }
        }
        _ => {
            for rate in &mut policy.limits.fx_rates {
                rate.rate *= factor;
            }
        }
    }
}

fn add_user(generator: &mut Generator, state: &Portfolio) -> Command {
    let id = UserId(generator.id(state.next_ids().user.0));
    let taken = generator.pick(&state.team.users).map(|u| u.name);
    let name = match taken {
        Some(name) if generator.broken(5) => name.to_lowercase(),
        _ => generator.text(&format!("User {}", id.0)),
    };
    // Mostly someone on the team (of any role: a salesperson adding a director must be
    // refused), sometimes nobody (allowed only for a team's first profile).
    let by = if state.team.users.is_empty() || generator.broken(6) {
        None
    } else {
        Some(generator.user_id(state))
    };
    Command::AddUser {
        id,
        name,
        role: *generator.rng.pick(&Role::ALL),
        by,
    }
}

fn change_user(generator: &mut Generator, state: &Portfolio) -> Command {
    let Some(user) = generator.pick(&state.team.users) else {
        return add_user(generator, state);
    };
    let id = if generator.broken(3) {
        UserId(999)
    } else {
        user.id
    };
    let other = generator.pick(&state.team.users).map(|u| u.name);
    let name = match (generator.rng.range(0, 9), other) {
        (0, Some(other)) => other,
        (1..=3, _) => format!("User {} ({})", user.id.0, generator.today),
        _ => generator.text(&user.name),
    };
    // Often the profile itself (whose own role change must be refused), else anyone.
    let by = if generator.rng.range(0, 3) == 0 {
        user.id
    } else {
        generator.user_id(state)
    };
    Command::ChangeUser {
        id,
        name,
        role: *generator.rng.pick(&Role::ALL),
        by,
    }
}

fn request_limit(generator: &mut Generator, state: &Portfolio, temporary: bool) -> Command {
    let customer = generator.customer_id(state);
    let currency = currency_of(state, customer);
    let date = generator.date();
    let until = temporary.then(|| {
        if generator.broken(5) {
            date
        } else {
            date + Duration::days(generator.rng.range(1, 45))
        }
    });
    Command::RequestLimit {
        id: RequestId(generator.id(state.next_ids().request.0)),
        customer,
        date,
        by: generator.user_id(state),
        amount: generator.limit_amount(currency),
        reason: generator.text("more business next season"),
        until,
    }
}

/// A request to decide: mostly a pending one, sometimes one already decided, and the day to
/// decide it on (now and then before it was made).
fn to_decide(
    generator: &mut Generator,
    state: &Portfolio,
) -> Option<(RequestId, UserId, NaiveDate)> {
    let pending: Vec<_> = state
        .limits
        .requests
        .iter()
        .filter(|r| r.status == RequestStatus::Pending)
        .collect();
    let request = if generator.rng.chance(85) {
        generator.pick(&pending)
    } else {
        generator.pick(&state.limits.requests.iter().collect::<Vec<_>>())
    }?;
    let date = if generator.broken(5) {
        request.date - Duration::days(1)
    } else {
        (request.date + Duration::days(generator.rng.range(0, 4))).min(generator.today)
    };
    Some((request.id, request.by, date))
}

/// The requester a quarter of the time (four eyes must refuse), otherwise anyone.
fn decider(generator: &mut Generator, state: &Portfolio, requester: UserId) -> UserId {
    if generator.rng.chance(25) {
        requester
    } else {
        generator.user_id(state)
    }
}

fn approve_limit(generator: &mut Generator, state: &Portfolio) -> Command {
    let (request, requester, date) =
        to_decide(generator, state).unwrap_or((RequestId(999), UserId(999), generator.today));
    let by = decider(generator, state, requester);
    let comment = if generator.rng.chance(30) {
        String::new()
    } else {
        generator.text("within policy")
    };
    Command::ApproveLimit {
        request,
        date,
        by,
        comment,
    }
}

fn reject_limit(generator: &mut Generator, state: &Portfolio) -> Command {
    let (request, requester, date) =
        to_decide(generator, state).unwrap_or((RequestId(999), UserId(999), generator.today));
    let by = decider(generator, state, requester);
    Command::RejectLimit {
        request,
        date,
        by,
        comment: generator.text("exposure too high"),
    }
}

fn record_lapse(generator: &mut Generator, state: &Portfolio) -> Command {
    let temporary: Vec<RequestId> = state
        .limits
        .requests
        .iter()
        .filter(|r| r.until.is_some() && r.approved_on().is_some())
        .map(|r| r.id)
        .collect();
    let request = if generator.rng.chance(85) {
        generator.pick(&temporary)
    } else {
        generator.pick(
            &state
                .limits
                .requests
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>(),
        )
    };
    Command::RecordLapse {
        request: request.unwrap_or(RequestId(999)),
        date: if generator.rng.chance(50) {
            generator.today
        } else {
            generator.date()
        },
    }
}

/// A customer on hold (`on_hold`) or not, most of the time; any customer otherwise.
fn hold_customer(generator: &mut Generator, state: &Portfolio, on_hold: bool) -> CustomerId {
    let matching: Vec<CustomerId> = state
        .ledger
        .customers
        .iter()
        .filter(|c| state.limits.hold(c.id).is_some() == on_hold)
        .map(|c| c.id)
        .collect();
    match generator.pick(&matching) {
        Some(customer) if generator.rng.chance(80) => customer,
        _ => generator.customer_id(state),
    }
}

fn place_hold(generator: &mut Generator, state: &Portfolio) -> Command {
    Command::PlaceHold {
        customer: hold_customer(generator, state, false),
        date: generator.date(),
        by: generator.user_id(state),
        reason: generator.text("60 days overdue"),
    }
}

fn release_hold(generator: &mut Generator, state: &Portfolio) -> Command {
    Command::ReleaseHold {
        customer: hold_customer(generator, state, true),
        date: generator.date(),
        by: generator.user_id(state),
        reason: generator.text("paid in full"),
    }
}

/// An order amount that often fits what the customer's limit leaves available, so that some
/// orders pass the check; otherwise any amount.
fn order_amount(
    generator: &mut Generator,
    state: &Portfolio,
    customer: CustomerId,
    date: NaiveDate,
) -> Amount {
    let currency = currency_of(state, customer);
    let room = state.ledger.customer(customer).and_then(|account| {
        match limit_status(&state.limits, customer, date) {
            LimitStatus::InForce(limit) => {
                Some(limit.amount - customer_balance(&state.ledger, account, date).exposure)
            }
            _ => None,
        }
    });
    let unit = Decimal::new(1, currency.minor_units());
    match room {
        Some(room) if room > unit && generator.rng.chance(70) => {
            let percent = Decimal::from(generator.rng.range(1, 60));
            let part = (room * percent / Decimal::ONE_HUNDRED).round_dp(currency.minor_units());
            valid(part.max(unit), currency)
        }
        _ => generator.amount(currency),
    }
}

fn place_order(generator: &mut Generator, state: &Portfolio, with_release: bool) -> Command {
    let customer = generator.customer_id(state);
    let date = generator.date();
    let id = OrderId(generator.id(state.next_ids().order.0));
    Command::PlaceOrder {
        id,
        customer,
        number: if generator.broken(2) {
            " ".to_string()
        } else {
            format!("SO-{}", id.0)
        },
        date,
        amount: order_amount(generator, state, customer, date),
        by: generator.user_id(state),
        release_reason: with_release.then(|| generator.text("key account, agreed by phone")),
    }
}

/// A customer with a reminder due on `on` more often than not.
fn collections_customer(generator: &mut Generator, state: &Portfolio, on: NaiveDate) -> CustomerId {
    let with_task: Vec<CustomerId> = state
        .ledger
        .customers
        .iter()
        .filter(|c| {
            c.invoices
                .iter()
                .any(|i| state.ledger.invoice(*i).is_some_and(|i| i.due_date < on))
        })
        .map(|c| c.id)
        .collect();
    match generator.pick(&with_task) {
        Some(id) if !generator.broken(25) => id,
        _ => generator.customer_id(state),
    }
}

fn complete_task(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.date();
    let customer = collections_customer(generator, state, date);
    let channel = *generator.rng.pick(&Channel::ALL);
    Command::Collections(CollectionsCommand::CompleteTask {
        customer,
        date,
        recorded_on: generator.today,
        by: generator.user_id(state),
        channel,
        outcome: *generator.rng.pick(&Outcome::ALL),
        notes: generator.text("left a message"),
    })
}

fn escalate_step(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.date();
    let customer = collections_customer(generator, state, date);
    Command::Collections(CollectionsCommand::EscalateStep {
        customer,
        date,
        recorded_on: generator.today,
        by: generator.user_id(state),
        offset_days: *generator.rng.pick(&[1, 7, 30, 45, 60, 90, 2]),
        reason: generator.text("no answer for weeks"),
    })
}

fn record_promise(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.date();
    let customer = collections_customer(generator, state, date);
    let currency = currency_of(state, customer);
    let amount = if generator.broken(5) {
        money("100", other_currency(currency))
    } else {
        money("100", currency)
    };
    let id = generator.id(state.next_ids().promise.0);
    Command::Collections(CollectionsCommand::RecordPromise {
        id: PromiseId(id),
        customer,
        date,
        recorded_on: generator.today,
        by: generator.user_id(state),
        amount,
        due: date + Duration::days(generator.rng.range(-2, 20)),
        tolerance_days: *generator.rng.pick(&[0, 3, 7, 31]),
    })
}

/// The initial strategy with one ladder's first rung moved, or now and then broken.
fn change_strategy(generator: &mut Generator, state: &Portfolio) -> Command {
    let mut strategy = state.policies.current_strategy();
    let ladder = generator.rng.range(0, 4) as usize;
    strategy.ladders[ladder][0].offset_days = *generator.rng.pick(&[-10, -3, -1]);
    if generator.broken(15) {
        strategy.ladders[ladder][1].offset_days = strategy.ladders[ladder][0].offset_days;
    }
    Command::Collections(CollectionsCommand::ChangeStrategy {
        date: generator.date(),
        strategy,
        by: generator.user_id(state),
    })
}

/// One template saved: the default text, now and then with an unknown placeholder, an
/// unclosed brace or nothing in it.
fn set_template(generator: &mut Generator, state: &Portfolio) -> Command {
    use creditdesk_core::policy::{default_template, Language, StepKind};
    let kind = *generator.rng.pick(&StepKind::ALL);
    let channel = *generator.rng.pick(&Channel::ALL);
    let language = *generator.rng.pick(&Language::ALL);
    let mut template = default_template(kind, channel, language);
    template.body = match generator.rng.range(0, 99) {
        0..=4 => format!("{} {{balance}}", template.body),
        5..=9 => format!("{{customer owes {}", template.body),
        10..=12 => "  ".to_string(),
        _ => format!("{}\n{{as_of}}", template.body),
    };
    Command::Collections(CollectionsCommand::SetTemplate {
        date: generator.date(),
        template,
        by: generator.user_id(state),
    })
}

fn set_company_details(generator: &mut Generator, state: &Portfolio) -> Command {
    Command::SetCompanyDetails {
        details: creditdesk_core::team::CompanyDetails {
            name: generator.text("华信贸易有限公司"),
            address: "上海市浦东新区世纪大道100号".to_string(),
            bank_details: "中国银行上海分行 1234 5678 9012".to_string(),
            registration_no: String::new(),
            tax_no: generator.text("91310000MA1FL0000X"),
        },
        by: generator.user_id(state),
    }
}

fn assign_collector(generator: &mut Generator, state: &Portfolio) -> Command {
    let collector = if generator.rng.chance(10) {
        None
    } else {
        Some(generator.user_id(state))
    };
    Command::Collections(CollectionsCommand::AssignCollector {
        customer: generator.customer_id(state),
        date: generator.date(),
        by: generator.user_id(state),
        collector,
    })
}

/// A customer and one of its alerts on `on` (now and then any customer and rule).
fn alert_of(
    generator: &mut Generator,
    state: &Portfolio,
    on: NaiveDate,
) -> (CustomerId, AlertRule) {
    let customer = generator.customer_id(state);
    let alerts = state
        .ledger
        .customer(customer)
        .map(|account| customer_alerts(&state.alert_sources(), account, on))
        .unwrap_or_default();
    let rules: Vec<AlertRule> = alerts.iter().map(|alert| alert.rule).collect();
    match generator.pick(&rules) {
        Some(rule) if !generator.broken(20) => (customer, rule),
        _ => (customer, *generator.rng.pick(&AlertRule::ALL)),
    }
}

fn acknowledge_alert(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.today;
    let (customer, rule) = alert_of(generator, state, date);
    Command::Alerts(AlertsCommand::AcknowledgeAlert {
        customer,
        rule,
        date,
        by: generator.user_id(state),
    })
}

fn snooze_alert(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.today;
    let (customer, rule) = alert_of(generator, state, date);
    Command::Alerts(AlertsCommand::SnoozeAlert {
        customer,
        rule,
        date,
        by: generator.user_id(state),
        until: date + Duration::days(generator.rng.range(-1, 30)),
    })
}

/// Mostly a customer on alert hold today.
fn release_alert_hold(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.today;
    let held: Vec<CustomerId> = (state.ledger.customers.iter())
        .filter(|c| alert_hold(&state.alert_sources(), c, date).is_some())
        .map(|c| c.id)
        .collect();
    let customer = match generator.pick(&held) {
        Some(id) if !generator.broken(20) => id,
        _ => generator.customer_id(state),
    };
    Command::Alerts(AlertsCommand::ReleaseAlertHold {
        customer,
        date,
        by: generator.user_id(state),
        reason: generator.text("paid by cheque today"),
    })
}

fn propose_write_off(generator: &mut Generator, state: &Portfolio) -> Command {
    let Some(invoice) = generator.invoice(state) else {
        return register(generator, state);
    };
    let amount = generator
        .rng
        .chance(70)
        .then(|| generator.part_of(invoice.open(), invoice.amount.currency()))
        .flatten();
    let id = generator.id(state.next_ids().proposal.0);
    Command::Collections(CollectionsCommand::ProposeWriteOff {
        id: ProposalId(id),
        invoice: invoice.id,
        date: generator.date(),
        recorded_on: generator.today,
        by: generator.user_id(state),
        amount,
        reason: generator.text("customer insolvent"),
    })
}

/// Approves (or rejects) a proposal waiting, by anyone: now and then its own proposer, or one
/// already decided.
fn decide_write_off(generator: &mut Generator, state: &Portfolio, approve: bool) -> Command {
    let waiting: Vec<ProposalId> = (state.collections.write_offs.iter())
        .filter(|p| p.is_pending() || generator.broken(1))
        .map(|p| p.id)
        .collect();
    let proposal = generator.pick(&waiting).unwrap_or(ProposalId(999));
    let by = match state.collections.proposal(proposal) {
        Some(p) if generator.broken(10) => p.by,
        _ => generator.user_id(state),
    };
    let (date, recorded_on) = (generator.date(), generator.today);
    Command::Collections(if approve {
        CollectionsCommand::ApproveWriteOff {
            proposal,
            date,
            recorded_on,
            by,
        }
    } else {
        CollectionsCommand::RejectWriteOff {
            proposal,
            date,
            recorded_on,
            by,
            reason: generator.text("keep collecting"),
        }
    })
}

/// A plan for a customer's open invoices on a day: what is open split into one to three
/// instalments, now and then a cent off, with two on one day, or with another's invoice.
fn agree_plan(generator: &mut Generator, state: &Portfolio) -> Command {
    let date = generator.date();
    let customer = collections_customer(generator, state, date);
    let currency = currency_of(state, customer);
    let open = creditdesk_core::ledger::as_of::open_amounts_on(&state.ledger, date);
    let mut invoices: Vec<(InvoiceId, Decimal)> = (state.ledger.invoices.iter().enumerate())
        .filter(|(at, i)| {
            i.customer == customer && i.issue_date <= date && open[*at] > Decimal::ZERO
        })
        .map(|(at, i)| (i.id, open[at]))
        .filter(|_| generator.rng.chance(70))
        .collect();
    if generator.broken(5) {
        if let Some(other) = generator.invoice(state) {
            invoices.push((other.id, other.open()));
        }
    }
    let mut left: Decimal = invoices.iter().map(|(_, open)| *open).sum();
    if generator.broken(5) {
        left += Decimal::new(1, currency.minor_units());
    }
    let count = generator.rng.range(1, 3);
    let mut instalments = Vec::new();
    for n in 0..count {
        let due = date + Duration::days(30 * (n + 1) - i64::from(generator.broken(5)) * 30);
        let part = if n + 1 == count {
            left
        } else {
            (left / Decimal::from(count - n)).round_dp(currency.minor_units())
        };
        left -= part;
        if let Ok(amount) = Amount::try_new(part, currency) {
            instalments.push(InstalmentInput { due, amount });
        }
    }
    Command::Collections(CollectionsCommand::AgreePlan {
        id: PlanId(generator.id(state.next_ids().plan.0)),
        customer,
        date,
        recorded_on: generator.today,
        by: generator.user_id(state),
        invoices: invoices.into_iter().map(|(id, _)| id).collect(),
        instalments,
        tolerance_days: *generator.rng.pick(&[0, 5, 31]),
    })
}

fn set_widget_origins(generator: &mut Generator, state: &Portfolio) -> Command {
    let mut candidates = vec![
        "https://erp.example.com",
        "http://10.0.0.5:8080/",
        "HTTPS://Portal.Example.CN",
        "  ",
        "https://erp.example.com",
    ];
    if generator.broken(10) {
        candidates.push(
            *generator
                .rng
                .pick(&["ftp://files.example", "https://a.example/path"]),
        );
    }
    let count = generator.rng.range(0, 3);
    let origins = (0..count)
        .map(|_| generator.rng.pick(&candidates).to_string())
        .collect();
    Command::SetWidgetOrigins {
        date: generator.date(),
        by: generator.user_id(state),
        origins,
    }
}

/// An authority decision as the auditor re-derived it when it was accepted: who decided, the
/// role they had then and the lowest role the rules required then.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Authority {
    by: UserId,
    role: Role,
    required: Role,
}

/// The auditor's own books, kept from accepted entries only — never read from the fold.
#[derive(Default)]
struct Books {
    invoice_owner: HashMap<InvoiceId, CustomerId>,
    invoice_amount: HashMap<InvoiceId, Decimal>,
    /// Allocations and write-offs against each invoice.
    invoice_reduced: HashMap<InvoiceId, Decimal>,
    invoiced: HashMap<CustomerId, Decimal>,
    paid: HashMap<CustomerId, Decimal>,
    paid_applied: HashMap<CustomerId, Decimal>,
    credited: HashMap<CustomerId, Decimal>,
    credited_applied: HashMap<CustomerId, Decimal>,
    written_off: HashMap<CustomerId, Decimal>,
    orders_open: HashMap<OrderId, (CustomerId, Decimal)>,
    disputes_open: HashMap<DisputeId, (InvoiceId, Decimal)>,
    records: HashMap<CustomerId, usize>,
    policy_versions: Vec<u32>,
    users: BTreeMap<UserId, (String, Role)>,
    requesters: HashMap<RequestId, UserId>,
    approvals: HashMap<RequestId, Authority>,
    rejections: HashMap<RequestId, Authority>,
    lapses: HashMap<RequestId, NaiveDate>,
    on_hold: HashMap<CustomerId, bool>,
    releases: HashMap<OrderId, Authority>,
    widget_origins: Vec<String>,
}

fn add<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Decimal>, key: K, amount: Decimal) {
    *map.entry(key).or_default() += amount;
}

impl Books {
    fn record(&mut self, entry: &Entry) {
        match entry {
            Entry::Ledger(entry) => self.record_ledger(entry),
            Entry::Credit(CreditEntry::CreditRecordAdded { customer, .. }) => {
                *self.records.entry(*customer).or_default() += 1;
            }
            Entry::Policy(PolicyEntry::StrategyChanged { by, .. }) => {
                let role = self.users.get(by).map(|(_, role)| *role);
                assert!(
                    role.is_some_and(|role| role.covers(Role::Manager)),
                    "a strategy changed by {by:?} ({role:?}), not a manager or director"
                );
            }
            Entry::Policy(PolicyEntry::PolicyChanged { policy, by, .. }) => {
                let role = by.and_then(|by| self.users.get(&by)).map(|(_, role)| *role);
                assert!(
                    role.is_some_and(|role| role.covers(Role::Manager)),
                    "a policy changed by {by:?} ({role:?}), not a manager or director"
                );
                self.policy_versions.push(policy.version);
            }
            Entry::Team(
                TeamEntry::UserAdded { id, name, role, by }
                | TeamEntry::UserChanged { id, name, role, by },
            ) => {
                self.check_grant(*id, *role, *by);
                self.users.insert(*id, (name.clone(), *role));
            }
            Entry::Team(TeamEntry::CompanyDetailsSet { details, by }) => {
                let role = self.users.get(by).map(|(_, role)| *role);
                assert!(
                    role.is_some_and(|role| role.covers(Role::Manager)),
                    "company details set by {by:?} ({role:?}), not a manager or director"
                );
                assert!(
                    !details.name.trim().is_empty(),
                    "company details without a name"
                );
            }
            Entry::Limits(entry) => self.record_limits(entry),
            Entry::Collections(_) | Entry::Alerts(_) => {}
        }
    }

    /// Internal control over profiles: only a team's first profile is made by nobody; a role
    /// other than sales is given (and a role changed) by a manager or a director other than
    /// the profile, within their own rank both ways; a name is changed by its owner or a
    /// manager or director.
    fn check_grant(&self, id: UserId, role: Role, by: Option<UserId>) {
        let before = self.users.get(&id).map(|(_, role)| *role);
        let Some(by) = by else {
            assert!(
                self.users.is_empty(),
                "profile {id:?} made by nobody on a team"
            );
            return;
        };
        let granter = self.users.get(&by).map(|(_, role)| *role);
        let granter = granter.unwrap_or_else(|| panic!("profile {id:?} changed by unknown {by:?}"));
        let within = |given: Role| {
            granter.covers(Role::Manager) && given.authority_rank() <= granter.authority_rank()
        };
        match before {
            None if role != Role::Sales => {
                assert!(within(role), "{by:?} ({granter:?}) added a {role:?}")
            }
            None => {}
            Some(old) if old != role => {
                assert_ne!(by, id, "{id:?} changed their own role");
                assert!(
                    within(old) && within(role),
                    "{by:?} ({granter:?}) made {id:?} {old:?} -> {role:?}"
                );
            }
            Some(_) if by != id => assert!(granter.covers(Role::Manager), "{by:?} renamed {id:?}"),
            Some(_) => {}
        }
    }

    fn record_ledger(&mut self, entry: &LedgerEntry) {
        match entry {
            LedgerEntry::CustomerRegistered { .. }
            | LedgerEntry::CustomerUpdated { .. }
            | LedgerEntry::CustomerSinceChanged { .. } => {}
            LedgerEntry::InvoiceIssued {
                id,
                customer,
                amount,
                ..
            } => {
                self.invoice_owner.insert(*id, *customer);
                self.invoice_amount.insert(*id, amount.value());
                add(&mut self.invoiced, *customer, amount.value());
            }
            LedgerEntry::PaymentReceived {
                customer,
                amount,
                allocations,
                ..
            } => {
                add(&mut self.paid, *customer, amount.value());
                for allocation in allocations {
                    let part = allocation.amount.value();
                    add(&mut self.invoice_reduced, allocation.invoice, part);
                    add(&mut self.paid_applied, *customer, part);
                }
            }
            LedgerEntry::CreditNoteIssued {
                customer,
                amount,
                allocations,
                ..
            } => {
                add(&mut self.credited, *customer, amount.value());
                for allocation in allocations {
                    let part = allocation.amount.value();
                    add(&mut self.invoice_reduced, allocation.invoice, part);
                    add(&mut self.credited_applied, *customer, part);
                }
            }
            LedgerEntry::InvoiceWrittenOff {
                invoice, amount, ..
            } => {
                add(&mut self.invoice_reduced, *invoice, amount.value());
                add(
                    &mut self.written_off,
                    self.invoice_owner[invoice],
                    amount.value(),
                );
            }
            LedgerEntry::OrderOpened {
                id,
                customer,
                amount,
                ..
            } => {
                self.orders_open.insert(*id, (*customer, amount.value()));
            }
            LedgerEntry::OrderClosed { id, .. } => {
                self.orders_open.remove(id);
            }
            LedgerEntry::DisputeOpened {
                id,
                invoice,
                amount,
                ..
            } => {
                self.disputes_open.insert(*id, (*invoice, amount.value()));
            }
            LedgerEntry::DisputeResolved { id, .. } => {
                self.disputes_open.remove(id);
            }
        }
    }

    /// Approvals, rejections and releases are booked by `audit_decision`, which re-derives
    /// their authority from the state they were decided in.
    fn record_limits(&mut self, entry: &LimitsEntry) {
        match entry {
            LimitsEntry::LimitRequested { id, by, .. } => {
                self.requesters.insert(*id, *by);
            }
            LimitsEntry::LimitLapsed { request, date } => {
                self.lapses.insert(*request, *date);
            }
            LimitsEntry::HoldPlaced { customer, .. } => {
                self.on_hold.insert(*customer, true);
            }
            LimitsEntry::HoldReleased { customer, .. } => {
                self.on_hold.insert(*customer, false);
            }
            LimitsEntry::WidgetOriginsSet { origins, .. } => {
                self.widget_origins = origins.clone();
            }
            LimitsEntry::LimitApproved { .. }
            | LimitsEntry::LimitRejected { .. }
            | LimitsEntry::OrderReleased { .. } => {}
        }
    }

    fn open(&self, invoice: InvoiceId) -> Decimal {
        self.invoice_amount[&invoice] - Books::get(&self.invoice_reduced, invoice)
    }

    fn get<K: std::hash::Hash + Eq>(map: &HashMap<K, Decimal>, key: K) -> Decimal {
        map.get(&key).copied().unwrap_or_default()
    }
}

/// The role `by` had in `state`, the state a decision was made in.
fn role_in(state: &Portfolio, by: UserId, context: &str) -> Role {
    state
        .team
        .user(by)
        .unwrap_or_else(|| panic!("{context}: {by:?} decided but is not a user"))
        .role
}

/// Re-derives every authority rule of an accepted command from `before`, the state it was
/// decided in, with the policy in force on the decision's date, and books the decisions.
fn audit_decision(
    before: &Portfolio,
    command: &Command,
    entries: &[Entry],
    books: &mut Books,
    context: &str,
) {
    for entry in entries {
        if let Entry::Collections(entry) = entry {
            audit_collections(before, entry, context);
            audit_plans(before, entry, entries, context);
        }
        if let Entry::Ledger(
            LedgerEntry::CustomerRegistered { details, .. }
            | LedgerEntry::CustomerUpdated { details, .. },
        ) = entry
        {
            // Discount terms: more than 0 and less than 100 %, a window inside the terms.
            assert!(
                details.discount.is_none_or(|d| d.percent > Decimal::ZERO
                    && d.percent < Decimal::ONE_HUNDRED
                    && d.days >= 1
                    && d.days < details.payment_terms_days),
                "{context}: discount terms {:?} on {} days' terms",
                details.discount,
                details.payment_terms_days
            );
        }
        if let Entry::Alerts(entry) = entry {
            audit_alert_entry(before, entry, context);
        }
        let Entry::Limits(entry) = entry else {
            continue;
        };
        match entry {
            LimitsEntry::LimitApproved { .. } => audit_approval(before, entry, books, context),
            LimitsEntry::LimitRejected {
                request, date, by, ..
            } => {
                let requester = before.limits.request(*request).map(|r| (r.by, r.date));
                assert!(
                    requester.is_some_and(|(requester, on)| requester != *by && on <= *date),
                    "{context}: {by:?} rejected {request:?} of {requester:?}"
                );
                let authority = authority(before, *by, Role::Analyst, context);
                books.rejections.insert(*request, authority);
            }
            LimitsEntry::OrderReleased { .. } => {
                audit_release(before, command, entry, books, context)
            }
            LimitsEntry::HoldPlaced { by, .. } => {
                authority(before, *by, Role::Analyst, context);
            }
            LimitsEntry::HoldReleased { by, .. } | LimitsEntry::WidgetOriginsSet { by, .. } => {
                authority(before, *by, Role::Manager, context);
            }
            _ => {}
        }
    }
    // An order through the check that opened without a release must not have been blocked.
    let released = entries
        .iter()
        .any(|entry| matches!(entry, Entry::Limits(LimitsEntry::OrderReleased { .. })));
    if matches!(command, Command::PlaceOrder { .. }) && !released {
        let check = check_of(before, command, context);
        assert_ne!(
            check.verdict,
            Verdict::Block,
            "{context}: a blocked order opened without a release: {check:?}"
        );
    }
}

/// A collections entry by whom it may be, and a task that moves each item exactly one rung:
/// no rung of the customer's ladder lies between an item's last rung and the task's (a
/// pre-due rung of an item already past due, and an escalation, aside).
fn audit_collections(before: &Portfolio, entry: &CollectionsEntry, context: &str) {
    match entry {
        CollectionsEntry::TaskCompleted {
            customer,
            date,
            by,
            offset_days,
            invoices,
            ..
        } => {
            let role = role_in(before, *by, context);
            assert!(may_collect(role), "{context}: a task done by a {role:?}");
            assert!(!invoices.is_empty(), "{context}: a task about nothing");
            let account = before.ledger.customer(*customer).expect("the customer");
            let ladder = before
                .strategy_on(*date)
                .ladder(grade_on(before, account, *date))
                .to_vec();
            for id in invoices {
                let invoice = before.ledger.invoice(*id).expect("the invoice");
                let past_due = (*date - invoice.due_date).num_days() >= 1;
                let rungs = before.collections.rungs_on(*date);
                let done = rungs.done_for(*id);
                // An escalation lands on the first rung at or above it of the ladder in force
                // on the task's day, which may be another grade's ladder than when escalated.
                let landed = |to: i32| {
                    ladder
                        .iter()
                        .find(|rung| {
                            done.is_none_or(|done| rung.offset_days > done)
                                && rung.offset_days >= to
                        })
                        .map(|rung| rung.offset_days)
                };
                let escalated = rungs
                    .escalated_for(*id)
                    .is_some_and(|to| to >= *offset_days || landed(to) == Some(*offset_days));
                assert!(
                    done.is_none_or(|done| done < *offset_days),
                    "{context}: {id:?} done twice"
                );
                let skipped = ladder.iter().filter(|rung| {
                    done.is_none_or(|done| rung.offset_days > done)
                        && rung.offset_days < *offset_days
                        && !(rung.offset_days < 0 && past_due)
                });
                assert!(
                    escalated || skipped.count() == 0,
                    "{context}: {id:?} skipped a rung to {offset_days}"
                );
            }
        }
        CollectionsEntry::StepEscalated { by, .. }
        | CollectionsEntry::CollectorAssigned { by, .. } => {
            authority(before, *by, Role::Manager, context);
        }
        CollectionsEntry::PromiseRecorded { by, .. } => {
            let role = role_in(before, *by, context);
            assert!(
                may_collect(role),
                "{context}: a promise taken by a {role:?}"
            );
        }
        // Audited by `audit_plans`.
        CollectionsEntry::WriteOffProposed { .. }
        | CollectionsEntry::WriteOffApproved { .. }
        | CollectionsEntry::WriteOffRejected { .. }
        | CollectionsEntry::PlanAgreed { .. } => {}
    }
}

/// Four eyes and the authority matrix on write-offs, and plans that add up: a proposal by a
/// collector for no more than is open; an approval (with the ledger's write-off of exactly
/// the proposal, never above what is open) or rejection by another profile whose role covers
/// the amount's band; a plan's instalments in increasing order summing to what is open on its
/// invoices, all of the customer.
fn audit_plans(before: &Portfolio, entry: &CollectionsEntry, entries: &[Entry], context: &str) {
    match entry {
        CollectionsEntry::WriteOffProposed {
            invoice,
            by,
            amount,
            ..
        } => {
            let role = role_in(before, *by, context);
            assert!(
                may_collect(role),
                "{context}: a write-off proposed by a {role:?}"
            );
            let open = before.ledger.invoice(*invoice).expect("the invoice").open();
            assert!(
                amount.value() <= open,
                "{context}: a proposal above open {open}"
            );
        }
        CollectionsEntry::WriteOffApproved {
            proposal, date, by, ..
        }
        | CollectionsEntry::WriteOffRejected {
            proposal, date, by, ..
        } => {
            let p = before
                .collections
                .proposal(*proposal)
                .expect("the proposal");
            assert!(p.is_pending(), "{context}: {proposal:?} decided twice");
            assert_ne!(p.by, *by, "{context}: {proposal:?} decided by its proposer");
            let required = write_off_role(&before.policy_on(*date), &p.amount.money());
            authority(before, *by, required, context);
            let written = entries.iter().find_map(|e| match e {
                Entry::Ledger(LedgerEntry::InvoiceWrittenOff {
                    invoice, amount, ..
                }) => Some((*invoice, amount.value())),
                _ => None,
            });
            let approved = matches!(entry, CollectionsEntry::WriteOffApproved { .. });
            let open = before
                .ledger
                .invoice(p.invoice)
                .expect("the invoice")
                .open();
            assert_eq!(
                written,
                approved.then_some((p.invoice, p.amount.value())),
                "{context}: {proposal:?}'s write-off"
            );
            assert!(
                !approved || p.amount.value() <= open,
                "{context}: a write-off above open {open}"
            );
        }
        CollectionsEntry::PlanAgreed {
            customer,
            date,
            invoices,
            instalments,
            ..
        } => {
            let open = creditdesk_core::ledger::as_of::open_amounts_on(&before.ledger, *date);
            let total: Decimal = (invoices.iter())
                .map(|id| {
                    let position = before.ledger.invoice_position(*id).expect("the invoice");
                    assert_eq!(before.ledger.invoices[position].customer, *customer);
                    open[position]
                })
                .sum();
            let sum: Decimal = instalments.iter().map(|i| i.amount.value()).sum();
            assert_eq!(sum, total, "{context}: a plan that does not add up");
            assert!(
                instalments.windows(2).all(|w| w[0].due < w[1].due),
                "{context}: instalments out of order"
            );
        }
        _ => {}
    }
}

/// An alert worked by someone who may: acknowledged or snoozed by anyone but sales, a hold
/// released by a manager or director, naming exactly the runs holding that day.
fn audit_alert_entry(before: &Portfolio, entry: &AlertsEntry, context: &str) {
    match entry {
        AlertsEntry::AlertAcknowledged { by, .. } | AlertsEntry::AlertSnoozed { by, .. } => {
            let role = role_in(before, *by, context);
            assert!(
                may_monitor(role),
                "{context}: an alert worked by a {role:?}"
            );
        }
        AlertsEntry::AlertHoldReleased {
            customer,
            date,
            by,
            alerts,
            ..
        } => {
            authority(before, *by, Role::Manager, context);
            let account = before.ledger.customer(*customer).expect("the customer");
            let hold = alert_hold(&before.alert_sources(), account, *date);
            assert_eq!(
                hold.map(|hold| hold.alerts).as_ref(),
                Some(alerts),
                "{context}: a release of runs not holding"
            );
        }
    }
}

/// After a release, the released runs hold no more on its day; the check agrees.
fn audit_released(state: &Portfolio, entries: &[Entry], context: &str) {
    for entry in entries {
        let Entry::Alerts(AlertsEntry::AlertHoldReleased {
            customer,
            date,
            alerts,
            ..
        }) = entry
        else {
            continue;
        };
        let account = state.ledger.customer(*customer).expect("the customer");
        let hold = alert_hold(&state.alert_sources(), account, *date);
        assert!(
            hold.is_none_or(|hold| !hold.alerts.iter().any(|run| alerts.contains(run))),
            "{context}: a released run still holds"
        );
        let check = check_order(
            state,
            &state.policy_on(*date),
            *customer,
            &Money::new(Decimal::ZERO, account.details.currency),
            *date,
        )
        .expect("a check");
        assert!(
            !check.reasons.iter().any(|reason| matches!(reason, CheckReason::OnAlertHold { alerts: rules, .. } if rules.iter().any(|rule| alerts.iter().any(|run| run.rule == *rule)))),
            "{context}: the check still blocks on a released run: {check:?}"
        );
    }
}

/// The alerts on `as_of`: the portfolio's list and each customer's agree; an overdue alert
/// only with an item open and overdue by the rule's days, and every customer with one has
/// it; a first-held date is within the run (the rule holds on it and not the day before, for
/// the rules dated from due dates, reductions, signals and promises); the check blocks on
/// an alert hold exactly when one holds.
fn audit_alerts(state: &Portfolio, as_of: NaiveDate, context: &str) {
    let sources = state.alert_sources();
    let all = alerts_on(&sources, as_of);
    let policy = state.policy_on(as_of);
    for customer in &state.ledger.customers {
        let mine = customer_alerts(&sources, customer, as_of);
        let listed: Vec<&Alert> = all.iter().filter(|a| a.customer == customer.id).collect();
        assert_eq!(
            listed,
            mine.iter().collect::<Vec<_>>(),
            "{context}: the list and the customer differ"
        );
        let overdue = customer_invoices_on(&state.ledger, customer, as_of)
            .iter()
            .any(|(invoice, open)| {
                *open > policy.alerts.leftover_max
                    && invoice.days_past_due(as_of) >= i64::from(policy.alerts.overdue_days)
            });
        assert_eq!(
            overdue,
            mine.iter().any(|a| a.rule == AlertRule::OverdueDays),
            "{context}: overdue alert of {:?}",
            customer.id
        );
        for alert in &mine {
            assert!(
                alert.since <= as_of,
                "{context}: an alert first held after today"
            );
            let dated = [
                AlertRule::OverdueDays,
                AlertRule::OverdueAmount,
                AlertRule::RiskSignal,
                AlertRule::PromiseBroken,
            ];
            if !dated.contains(&alert.rule)
                || state
                    .policies
                    .versions
                    .iter()
                    .any(|(from, _)| *from <= as_of && *from > alert.since - Duration::days(1))
            {
                continue;
            }
            let holds_on = |day: NaiveDate| {
                customer_alerts(&sources, customer, day)
                    .iter()
                    .any(|a| a.rule == alert.rule)
            };
            assert!(
                holds_on(alert.since),
                "{context}: {:?} does not hold on its first day {}",
                alert.rule,
                alert.since
            );
            assert!(
                !holds_on(alert.since - Duration::days(1)),
                "{context}: {:?} held the day before {}",
                alert.rule,
                alert.since
            );
        }
        let hold = alert_hold(&sources, customer, as_of);
        let check = check_order(
            state,
            &policy,
            customer.id,
            &Money::new(Decimal::ZERO, customer.details.currency),
            as_of,
        )
        .expect("a check");
        let blocks = check
            .reasons
            .iter()
            .any(|reason| matches!(reason, CheckReason::OnAlertHold { .. }));
        assert_eq!(
            hold.is_some(),
            blocks,
            "{context}: the alert hold and the check differ"
        );
    }
}

/// No reminder is due for what is paid or disputed: every item of every task on `as_of` is
/// open and undisputed then, and in no payment plan current then.
fn audit_worklist(state: &Portfolio, as_of: NaiveDate, context: &str) {
    let tasks = worklist_on(state, as_of);
    audit_letters(state, &tasks, as_of, context);
    let open = creditdesk_core::ledger::as_of::open_amounts_on(&state.ledger, as_of);
    let disputed = creditdesk_core::ledger::as_of::disputed_on(&state.ledger, as_of);
    let planned = planned_invoices(&state.ledger, &state.collections, as_of);
    for task in &tasks {
        assert!(!task.invoices.is_empty(), "{context}: a task about nothing");
        // The list (one pass over all invoices) and one customer's task agree.
        let customer = state.ledger.customer(task.customer).expect("the customer");
        assert_eq!(
            task_on(state, customer, as_of).as_ref(),
            Some(task),
            "{context}: the worklist and the customer's task differ"
        );
        for id in &task.invoices {
            let position = state.ledger.invoice_position(*id).expect("the invoice");
            assert!(
                open[position] > Decimal::ZERO,
                "{context}: a task for paid {id:?}"
            );
            assert!(
                disputed.get(position).is_none_or(|d| d.is_zero()),
                "{context}: a task for disputed {id:?}"
            );
            assert!(
                !planned.contains(id),
                "{context}: a task for {id:?}, in a current payment plan"
            );
        }
    }
}

/// `by`'s role in `before`, asserted to cover `required`.
fn authority(before: &Portfolio, by: UserId, required: Role, context: &str) -> Authority {
    let role = role_in(before, by, context);
    assert!(
        role.covers(required),
        "{context}: {by:?} as {role:?} did what needs {required:?}"
    );
    Authority { by, role, required }
}

fn audit_approval(before: &Portfolio, entry: &LimitsEntry, books: &mut Books, context: &str) {
    let LimitsEntry::LimitApproved {
        request,
        date,
        by,
        review_on,
        grade,
        ..
    } = entry
    else {
        return;
    };
    let asked = before
        .limits
        .request(*request)
        .unwrap_or_else(|| panic!("{context}: approved unknown {request:?}"));
    assert_ne!(
        asked.by, *by,
        "{context}: {by:?} approved their own {request:?}"
    );
    assert!(
        asked.date <= *date,
        "{context}: approved before it was asked"
    );
    assert_eq!(
        asked.status,
        RequestStatus::Pending,
        "{context}: approved twice"
    );
    let policy = before.policy_on(*date);
    let customer = before
        .ledger
        .customer(asked.customer)
        .unwrap_or_else(|| panic!("{context}: request for unknown customer"));
    let inputs = score_inputs(&before.ledger, &before.credit, customer, *date);
    let grade_then = score(&inputs, &policy).grade;
    assert_eq!(
        *grade, grade_then,
        "{context}: {request:?} approved at grade {grade:?}, the policy in force on {date} gives {grade_then:?}"
    );
    assert_eq!(
        *review_on,
        review_date(*date, policy.limits.terms(grade_then).review_months),
        "{context}: review date of {request:?}"
    );
    let required = approval_role(&policy, &asked.amount.money(), grade_then);
    let authority = authority(before, *by, required, context);
    books.approvals.insert(*request, authority);
}

/// The credit check of a `PlaceOrder`, as of its date with the policy in force then.
fn check_of(
    before: &Portfolio,
    command: &Command,
    context: &str,
) -> creditdesk_core::check::CreditCheck {
    let Command::PlaceOrder {
        customer,
        date,
        amount,
        ..
    } = command
    else {
        panic!("{context}: a release without an order: {command:?}");
    };
    check_order(
        before,
        &before.policy_on(*date),
        *customer,
        &amount.money(),
        *date,
    )
    .unwrap_or_else(|error| panic!("{context}: an accepted order fails its check: {error:?}"))
}

fn audit_release(
    before: &Portfolio,
    command: &Command,
    entry: &LimitsEntry,
    books: &mut Books,
    context: &str,
) {
    let LimitsEntry::OrderReleased {
        order,
        by,
        blocked_for,
        ..
    } = entry
    else {
        return;
    };
    let check = check_of(before, command, context);
    assert_eq!(
        check.verdict,
        Verdict::Block,
        "{context}: released an order that passed"
    );
    assert_eq!(
        blocked_for, &check.reasons,
        "{context}: reasons of the release"
    );
    let required = check
        .release_role
        .unwrap_or_else(|| panic!("{context}: a blocked check names no release role"));
    let authority = authority(before, *by, required, context);
    books.releases.insert(*order, authority);
}

/// Checks every money invariant of the state against the books; `context` names seed and step.
fn audit_money(state: &Portfolio, books: &Books, as_of: NaiveDate, context: &str) {
    let buckets = AgingBuckets::default();
    let agings = aging_all(&state.ledger, as_of, &buckets);
    let rows = customer_rows(&state.ledger, as_of);
    let mut balances = Vec::with_capacity(state.ledger.customers.len());
    for (index, customer) in state.ledger.customers.iter().enumerate() {
        let balance = customer_balance(&state.ledger, customer, as_of);
        audit_customer(state, books, customer, &balance, context);
        let aging = &agings[index];
        assert_eq!(
            aging.buckets.iter().copied().sum::<Decimal>(),
            balance.open_receivables,
            "{context}: aging buckets of {:?}",
            customer.id
        );
        assert_eq!(
            aging.total, balance.open_receivables,
            "{context}: aging total"
        );
        assert_eq!(aging.overdue(), balance.overdue, "{context}: overdue");
        assert_eq!(
            &customer_aging(&state.ledger, customer, as_of, &buckets),
            aging,
            "{context}: aging_all of {:?}",
            customer.id
        );
        let row = &rows[index];
        assert_eq!(
            (row.balance, row.overdue, row.exposure),
            (balance.balance, balance.overdue, balance.exposure),
            "{context}: row of {:?}",
            customer.id
        );
        balances.push(balance);
    }
    audit_invoices(state, books, context);
    audit_summary(state, &agings, &balances, as_of, context);
}

fn audit_customer(
    state: &Portfolio,
    books: &Books,
    customer: &Customer,
    balance: &Balance,
    context: &str,
) {
    let id = customer.id;
    let open_total: Decimal = customer.invoices.iter().map(|i| books.open(*i)).sum();
    assert_eq!(
        balance.open_receivables, open_total,
        "{context}: open of {id:?}"
    );
    let expected_balance = Books::get(&books.invoiced, id)
        - Books::get(&books.paid, id)
        - Books::get(&books.credited, id)
        - Books::get(&books.written_off, id);
    assert_eq!(
        balance.balance, expected_balance,
        "{context}: balance of {id:?}"
    );
    assert_eq!(
        balance.balance,
        balance.open_receivables - balance.unapplied_cash - balance.unapplied_credit,
        "{context}: balance identity of {id:?}"
    );
    assert_eq!(
        balance.unapplied_cash,
        Books::get(&books.paid, id) - Books::get(&books.paid_applied, id),
        "{context}: unapplied cash of {id:?}"
    );
    assert_eq!(
        balance.unapplied_credit,
        Books::get(&books.credited, id) - Books::get(&books.credited_applied, id),
        "{context}: unapplied credit of {id:?}"
    );
    let payments: Decimal = customer
        .payments
        .iter()
        .filter_map(|p| state.ledger.payment(*p))
        .map(|p| p.unapplied())
        .sum();
    assert_eq!(
        payments, balance.unapplied_cash,
        "{context}: payments of {id:?}"
    );
    assert!(
        balance.unapplied_cash >= Decimal::ZERO && balance.unapplied_credit >= Decimal::ZERO,
        "{context}: negative unapplied of {id:?}"
    );
    let orders: Decimal = books
        .orders_open
        .values()
        .filter(|(owner, _)| *owner == id)
        .map(|(_, amount)| *amount)
        .sum();
    assert_eq!(
        balance.open_orders, orders,
        "{context}: open orders of {id:?}"
    );
    assert_eq!(
        balance.exposure,
        balance.open_receivables + balance.open_orders,
        "{context}: exposure of {id:?}"
    );
    assert!(
        balance.days_overdue_max >= 0,
        "{context}: days overdue of {id:?}"
    );
}

/// No open amount is negative and what settles an invoice never exceeds its amount.
fn audit_invoices(state: &Portfolio, books: &Books, context: &str) {
    let ledger = &state.ledger;
    let mut settled: HashMap<InvoiceId, Decimal> = HashMap::new();
    for payment in &ledger.payments {
        let allocated: Decimal = payment.allocations.iter().map(|a| a.amount.value()).sum();
        assert!(
            allocated <= payment.amount.value(),
            "{context}: {:?} allocates more than it brought",
            payment.id
        );
        for allocation in &payment.allocations {
            add(&mut settled, allocation.invoice, allocation.amount.value());
            part_fits(ledger, allocation.invoice, allocation.amount, context);
        }
    }
    for note in &ledger.credit_notes {
        let allocated: Decimal = note.allocations.iter().map(|a| a.amount.value()).sum();
        assert!(allocated <= note.amount.value(), "{context}: {:?}", note.id);
        for allocation in &note.allocations {
            add(&mut settled, allocation.invoice, allocation.amount.value());
            part_fits(ledger, allocation.invoice, allocation.amount, context);
        }
    }
    for write_off in &ledger.write_offs {
        add(&mut settled, write_off.invoice, write_off.amount.value());
        part_fits(ledger, write_off.invoice, write_off.amount, context);
    }
    for dispute in &ledger.disputes {
        part_fits(ledger, dispute.invoice, dispute.amount, context);
    }
    for invoice in &ledger.invoices {
        let id = invoice.id;
        let reduced = Books::get(&settled, id);
        assert!(
            reduced <= invoice.amount.value(),
            "{context}: {id:?} settled {reduced} of {}",
            invoice.amount.value()
        );
        assert_eq!(
            reduced,
            invoice.paid + invoice.credited + invoice.written_off,
            "{context}: settlements of {id:?}"
        );
        assert!(
            invoice.open() >= Decimal::ZERO,
            "{context}: {id:?} open {}",
            invoice.open()
        );
        assert_eq!(invoice.open(), books.open(id), "{context}: open of {id:?}");
        let disputed: Decimal = books
            .disputes_open
            .values()
            .filter(|(on, _)| *on == id)
            .map(|(_, amount)| *amount)
            .sum();
        assert_eq!(invoice.disputed, disputed, "{context}: disputed on {id:?}");
    }
}

/// A part of an invoice (allocation, write-off, dispute) is an amount of its currency: the one
/// rule of a `Part` its type cannot carry.
fn part_fits(
    ledger: &creditdesk_core::ledger::Ledger,
    invoice: InvoiceId,
    part: Part,
    context: &str,
) {
    let currency = ledger
        .invoice(invoice)
        .unwrap_or_else(|| panic!("{context}: a part of unknown {invoice:?}"))
        .amount
        .currency();
    assert!(
        part.in_currency(currency).is_ok(),
        "{context}: {part:?} of {invoice:?} does not fit {currency}"
    );
}

/// A figure the generator made valid on purpose.
fn valid<S: creditdesk_core::base::money::Sign>(value: Decimal, currency: Currency) -> Amount<S> {
    Amount::try_new(value, currency)
        .unwrap_or_else(|error| panic!("{value} {currency} is an amount: {error:?}"))
}

/// `portfolio_summary`'s totals per currency are the sums over that currency's customers.
fn audit_summary(
    state: &Portfolio,
    agings: &[Aging],
    balances: &[Balance],
    as_of: NaiveDate,
    context: &str,
) {
    let buckets = AgingBuckets::default();
    let mut expected: BTreeMap<Currency, (usize, usize, Vec<Decimal>, [Decimal; 3])> =
        BTreeMap::new();
    for (aging, balance) in agings.iter().zip(balances) {
        let sums = expected
            .entry(balance.currency)
            .or_insert_with(|| (0, 0, vec![Decimal::ZERO; buckets.len()], [Decimal::ZERO; 3]));
        sums.0 += 1;
        sums.1 += usize::from(!aging.overdue().is_zero());
        for (sum, amount) in sums.2.iter_mut().zip(&aging.buckets) {
            *sum += amount;
        }
        sums.3[0] += balance.unapplied_cash + balance.unapplied_credit;
        sums.3[1] += balance.open_orders;
        sums.3[2] += balance.disputed;
    }
    let summary: BTreeMap<Currency, (usize, usize, Vec<Decimal>, [Decimal; 3])> =
        portfolio_summary(&state.ledger, as_of, &buckets)
            .into_iter()
            .map(|s| {
                let totals = [s.unapplied, s.open_orders, s.disputed];
                let total: Decimal = s.aging.buckets.iter().sum();
                assert_eq!(
                    total, s.aging.total,
                    "{context}: summary of {:?}",
                    s.currency
                );
                (
                    s.currency,
                    (s.customers, s.customers_overdue, s.aging.buckets, totals),
                )
            })
            .collect();
    assert_eq!(summary, expected, "{context}: portfolio summary");
}

/// The credit file, policy versions, team and limits hold exactly what was accepted, and
/// every decision in the state is one the auditor re-derived when it was made.
fn audit_areas(state: &Portfolio, books: &Books, context: &str) {
    for customer in &state.ledger.customers {
        assert_eq!(
            state.credit.of(customer.id).len(),
            books.records.get(&customer.id).copied().unwrap_or(0),
            "{context}: credit file of {:?}",
            customer.id
        );
        assert_eq!(
            state.limits.hold(customer.id).is_some(),
            books.on_hold.get(&customer.id).copied().unwrap_or(false),
            "{context}: hold of {:?}",
            customer.id
        );
    }
    let versions: Vec<u32> = state
        .policies
        .versions
        .iter()
        .map(|(_, p)| p.version)
        .collect();
    assert_eq!(
        versions, books.policy_versions,
        "{context}: policy versions"
    );
    assert!(
        versions.windows(2).all(|pair| pair[1] == pair[0] + 1)
            && versions.first().is_none_or(|first| *first == 2),
        "{context}: policy versions {versions:?}"
    );
    let users: BTreeMap<UserId, (String, Role)> = state
        .team
        .users
        .iter()
        .map(|u| (u.id, (u.name.clone(), u.role)))
        .collect();
    assert_eq!(users, books.users, "{context}: team");
    assert_eq!(
        state.limits.widget_origins, books.widget_origins,
        "{context}: origins"
    );
    audit_requests(state, books, context);
    for order in state.limits.released_orders() {
        let release = state.limits.release(order).expect("listed releases exist");
        let authority = books.releases.get(&order);
        assert!(
            authority.is_some_and(|a| a.by == release.by && a.role.covers(a.required)),
            "{context}: release of {order:?} by {:?}: {authority:?}",
            release.by
        );
    }
    assert_eq!(
        state.limits.released_orders().count(),
        books.releases.len(),
        "{context}: releases"
    );
}

/// Nothing approved above authority or by its requester; nothing rejected by its requester.
fn audit_requests(state: &Portfolio, books: &Books, context: &str) {
    for request in &state.limits.requests {
        let id = request.id;
        assert_eq!(
            books.requesters.get(&id),
            Some(&request.by),
            "{context}: {id:?}"
        );
        assert_eq!(
            request.lapse_recorded,
            books.lapses.get(&id).copied(),
            "{context}"
        );
        let (by, decided_on, booked) = match &request.status {
            RequestStatus::Pending => {
                assert!(
                    !books.approvals.contains_key(&id) && !books.rejections.contains_key(&id),
                    "{context}: {id:?} is pending but was decided"
                );
                continue;
            }
            RequestStatus::Approved { by, date, .. } => (*by, *date, books.approvals.get(&id)),
            RequestStatus::Rejected { by, date, .. } => (*by, *date, books.rejections.get(&id)),
        };
        assert_ne!(by, request.by, "{context}: {id:?} decided by its requester");
        assert!(
            decided_on >= request.date,
            "{context}: {id:?} decided before asked"
        );
        assert!(
            booked.is_some_and(|a| a.by == by && a.role.covers(a.required)),
            "{context}: {id:?} decided by {by:?}, booked {booked:?}"
        );
    }
}

/// What each accepted entry recorded must still be in the state as recorded.
fn audit_records(state: &Portfolio, journal: &Journal, context: &str) {
    for entry in journal.entries.iter().flatten() {
        match entry {
            Entry::Ledger(LedgerEntry::InvoiceIssued {
                id,
                number,
                issue_date,
                due_date,
                amount,
                ..
            }) => {
                let invoice = state.ledger.invoice(*id).expect("issued");
                assert_eq!(
                    (
                        &invoice.number,
                        invoice.issue_date,
                        invoice.due_date,
                        invoice.amount
                    ),
                    (number, *issue_date, *due_date, *amount),
                    "{context}"
                );
            }
            Entry::Ledger(LedgerEntry::PaymentReceived {
                id,
                date,
                amount,
                allocations,
                ..
            }) => {
                let payment = state.ledger.payment(*id).expect("received");
                assert_eq!(
                    (payment.date, payment.amount, &payment.allocations),
                    (*date, *amount, allocations),
                    "{context}"
                );
            }
            Entry::Ledger(LedgerEntry::CreditNoteIssued {
                id,
                amount,
                allocations,
                ..
            }) => {
                let note = state.ledger.credit_note(*id).expect("issued");
                assert_eq!(
                    (note.amount, &note.allocations),
                    (*amount, allocations),
                    "{context}"
                );
            }
            Entry::Ledger(LedgerEntry::OrderOpened { id, amount, .. }) => assert_eq!(
                state.ledger.order(*id).map(|o| o.amount),
                Some(*amount),
                "{context}"
            ),
            Entry::Ledger(LedgerEntry::DisputeOpened { id, amount, .. }) => assert_eq!(
                state.ledger.dispute(*id).map(|d| d.amount),
                Some(*amount),
                "{context}"
            ),
            Entry::Limits(LimitsEntry::LimitRequested {
                id, amount, until, ..
            }) => assert_eq!(
                state.limits.request(*id).map(|r| (r.amount, r.until)),
                Some((*amount, *until)),
                "{context}"
            ),
            _ => {}
        }
    }
}

/// The stored texts of the accepted events, sealed one per accepted command.
#[derive(Default)]
struct Journal {
    texts: Vec<String>,
    entries: Vec<Vec<Entry>>,
    head: Option<ChainHead>,
}

impl Journal {
    fn append(&mut self, step: usize, entries: Vec<Entry>) -> SealedEvent {
        let sealed = SealedEvent::seal(
            self.head,
            Timestamp(step as i64),
            "simulation",
            entries.clone(),
        );
        self.texts.push(sealed.text.clone());
        self.entries.push(entries);
        self.head = Some(sealed.head());
        sealed
    }

    /// The whole journal verifies and replays from scratch to exactly `state`, head included:
    /// every text reads back as the entries it was sealed from, and each links to the last.
    fn replays_to(&self, state: &Portfolio, context: &str) {
        let borrowed: Vec<&str> = self.texts.iter().map(String::as_str).collect();
        assert_eq!(
            Portfolio::replay(&borrowed).as_ref(),
            Ok(state),
            "{context}: replay differs from the fold"
        );
    }
}

/// The commands accepted since the last batch checkpoint, to be decided again as one batch
/// from the state at that checkpoint: `decide_batch` must yield the same entries and state as
/// deciding and folding them one by one.
struct Batch {
    start: Portfolio,
    commands: Vec<Command>,
    entries: Vec<Entry>,
}

impl Batch {
    fn from(state: &Portfolio) -> Batch {
        Batch {
            start: state.clone(),
            commands: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// `rejected` is this step's command when it was refused: appended to the batch, it must
    /// refuse the whole batch at its position, for the same rule.
    fn agrees(&self, state: &Portfolio, rejected: Option<(&Command, &Rejection)>, context: &str) {
        let (entries, mut folded) = decide_batch(&self.start, self.commands.iter().cloned())
            .unwrap_or_else(|refused| panic!("{context}: the batch refused {refused:?}"));
        assert!(entries == self.entries, "{context}: batch entries differ");
        // A batch folds entries without moving the head; the journal moves it.
        folded.head = state.head;
        assert!(folded == *state, "{context}: batch and fold disagree");
        let Some((command, rejection)) = rejected else {
            return;
        };
        let commands = self.commands.iter().chain([command]).cloned();
        let expected = BatchRejection {
            index: self.commands.len(),
            rejection: rejection.clone(),
        };
        assert_eq!(
            decide_batch(&self.start, commands).map(|(entries, _)| entries),
            Err(expected),
            "{context}: the batch with a refused command"
        );
    }
}

fn snapshot_round_trips(state: &Portfolio, context: &str) {
    let decoded = decode_snapshot(&encode_snapshot(state));
    assert_eq!(
        decoded.as_ref(),
        Ok(state),
        "{context}: snapshot round trip"
    );
    // Equality leaves out the number maps (they follow from the records): check that the
    // ones the fold kept up to date and the ones a decoded snapshot builds on first use both
    // find every record by its number.
    for portfolio in [state, &decoded.expect("decoded above")] {
        numbers_resolve(&portfolio.ledger, context);
    }
}

fn numbers_resolve(ledger: &creditdesk_core::ledger::Ledger, context: &str) {
    for customer in &ledger.customers {
        let found = ledger.customer_by_number(&customer.details.number);
        assert_eq!(found, Some(customer.id), "{context}: customer number");
    }
    for invoice in &ledger.invoices {
        let found = ledger.invoice_by_number(&invoice.number);
        assert_eq!(found, Some(invoice.id), "{context}: invoice number");
    }
    for note in &ledger.credit_notes {
        let found = ledger.credit_note_by_number(&note.number);
        assert_eq!(found, Some(note.id), "{context}: credit note number");
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    accepted: usize,
    rejected: usize,
}

/// Accepted and rejected commands per kind, the rules the rejections named per kind, and how
/// many blocked orders were released.
#[derive(Default)]
struct Tally {
    kinds: BTreeMap<&'static str, Counts>,
    rules: BTreeMap<(&'static str, String), usize>,
    released: usize,
}

impl Tally {
    fn count(&mut self, kind: &'static str, decided: &Result<Vec<Entry>, Rejection>) {
        let counts = self.kinds.entry(kind).or_default();
        match decided {
            Ok(entries) => {
                counts.accepted += 1;
                self.released += entries
                    .iter()
                    .filter(|e| matches!(e, Entry::Limits(LimitsEntry::OrderReleased { .. })))
                    .count();
            }
            Err(rejection) => {
                counts.rejected += 1;
                let rule = format!("{rejection:?}");
                let rule = rule.split([' ', '(', '{']).next().unwrap_or("").to_string();
                *self.rules.entry((kind, rule)).or_default() += 1;
            }
        }
    }

    fn steps(&self) -> usize {
        self.kinds.values().map(|c| c.accepted + c.rejected).sum()
    }

    fn refused(&self, kind: &'static str, rule: &str) -> usize {
        self.rules
            .get(&(kind, rule.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// One line per kind: what the run exercised.
    fn summary(&self) -> String {
        let mut lines = vec![format!(
            "simulation: {SEEDS} seeds x {STEPS} steps = {} commands, {} orders released",
            self.steps(),
            self.released
        )];
        for (kind, counts) in &self.kinds {
            lines.push(format!(
                "  {kind:<32} {:>6} accepted {:>6} rejected",
                counts.accepted, counts.rejected
            ));
        }
        lines.join("\n")
    }
}

/// Everything one run keeps besides the state.
#[derive(Default)]
struct Run {
    books: Books,
    journal: Journal,
}

/// Decides one command and, when accepted, re-derives its authority, seals it as an event,
/// folds it and books it.
fn step_once(
    state: &mut Portfolio,
    command: &Command,
    run: &mut Run,
    step: usize,
    context: &str,
) -> Result<Vec<Entry>, Rejection> {
    let decided = decide(state, command);
    if let Ok(entries) = &decided {
        audit_decision(state, command, entries, &mut run.books, context);
        // Entries that say they move no score must leave every score as it was.
        let scores_before = (!entries.iter().any(Entry::moves_scores))
            .then(|| score_all(&state.ledger, &state.credit, &state.policy(), SCORED_ON));
        let sealed = run.journal.append(step, entries.clone());
        state
            .apply_event(&sealed.event, sealed.hash)
            .unwrap_or_else(|error| panic!("{context}: event does not fit: {error:?}"));
        for entry in entries {
            run.books.record(entry);
        }
        audit_released(state, entries, context);
        if let Some(before) = scores_before {
            let after = score_all(&state.ledger, &state.credit, &state.policy(), SCORED_ON);
            assert_eq!(
                before, after,
                "{context}: an entry said to move no score moved one"
            );
        }
    }
    decided
}

/// The day the simulation compares scores on, within the dates it generates.
const SCORED_ON: NaiveDate = match NaiveDate::from_ymd_opt(2026, 6, 1) {
    Some(day) => day,
    None => panic!("a valid day"),
};

/// Runs one seed. Every step checks the money, the areas and the authority of what was
/// accepted; every `BATCH_EVERY` steps the batch, every `SNAPSHOT_EVERY` the snapshot, every
/// `REPLAY_EVERY` and after the last step the replay from scratch.
fn simulate(seed: u64, tally: &mut Tally) {
    let mut generator = Generator {
        rng: Rng::new(seed),
        today: date("2026-01-01"),
    };
    let mut state = Portfolio::default();
    let mut run = Run::default();
    let mut batch = Batch::from(&state);
    for step in 0..STEPS {
        generator.today += Duration::days(generator.rng.range(0, 2));
        let command = random_command(&mut generator, &state);
        let kind = kind_of(&command);
        let context = format!("seed {seed}, step {step} ({kind})");
        // The command is printed only when a check fails: formatting every one costs more
        // than some of the checks.
        let checked = catch_unwind(AssertUnwindSafe(|| {
            let decided = step_once(&mut state, &command, &mut run, step, &context);
            tally.count(kind, &decided);
            audit_money(&state, &run.books, generator.today, &context);
            audit_areas(&state, &run.books, &context);
            if let Ok(entries) = &decided {
                batch.commands.push(command.clone());
                batch.entries.extend(entries.iter().cloned());
            }
            if step % BATCH_EVERY == BATCH_EVERY - 1 {
                let rejected = decided.as_ref().err().map(|r| (&command, r));
                batch.agrees(&state, rejected, &context);
                batch = Batch::from(&state);
            }
            // The last step's checks follow the loop.
            let last = step + 1 == STEPS;
            if step % SNAPSHOT_EVERY == SNAPSHOT_EVERY - 1 && !last {
                snapshot_round_trips(&state, &context);
            }
            if step % REPLAY_EVERY == REPLAY_EVERY - 1 && !last {
                audit_records(&state, &run.journal, &context);
                run.journal.replays_to(&state, &context);
            }
            if step % WORKLIST_EVERY == WORKLIST_EVERY - 1 || last {
                audit_worklist(&state, generator.today, &context);
                audit_alerts(&state, generator.today, &context);
            }
        }));
        if let Err(panic) = checked {
            eprintln!("seed {seed}, step {step}: the command was {command:#?}");
            resume_unwind(panic);
        }
    }
    let context = format!("seed {seed}, end");
    audit_records(&state, &run.journal, &context);
    run.journal.replays_to(&state, &context);
    snapshot_round_trips(&state, &context);
}

#[test]
fn simulation_of_500_seeds_x_300_steps_of_every_command_keeps_every_invariant() {
    let mut tally = Tally::default();
    for seed in
        (1..=SEEDS).filter(|s| std::env::var("CD_SEED").map_or(true, |only| only == s.to_string()))
    {
        simulate(seed, &mut tally);
    }
    let summary = tally.summary();
    // Shown by `cargo test -- --nocapture`, and with any failure below.
    println!("{summary}");
    assert_eq!(tally.steps(), SEEDS as usize * STEPS, "{summary}");
    for kind in KINDS {
        let counts = tally.kinds.get(kind).copied().unwrap_or_default();
        assert!(
            counts.accepted > 0 && counts.rejected > 0,
            "{kind}: {counts:?}\n{summary}"
        );
    }
    assert_eq!(tally.kinds.len(), KINDS.len(), "{summary}");
    // The authority rules must have been put to the test, not just passed.
    for (kind, rule) in [
        ("approve limit", "AboveAuthority"),
        ("approve limit", "OwnRequest"),
        ("reject limit", "OwnRequest"),
        ("reject limit", "AboveAuthority"),
        ("place order", "OrderBlocked"),
        ("place order with release reason", "AboveAuthority"),
        ("release hold", "AboveAuthority"),
        ("set widget origins", "AboveAuthority"),
    ] {
        assert!(
            tally.refused(kind, rule) > 0,
            "{kind} never refused {rule}\n{summary}"
        );
    }
    assert!(
        tally.released > 0,
        "no blocked order was released\n{summary}"
    );
}

/// Found by the simulation of every command kind (seed 2, step 213: an approval graded with a
/// policy not yet in force; with that check off, seed 53, step 195: an analyst approving what
/// needed a manager):
/// approvals and orders were decided with the newest policy even when dated before it took
/// effect.
#[test]
fn issue_8_a_backdated_approval_needs_the_authority_in_force_on_its_date() {
    let mut ledger = Ledger::default();
    let customer = ledger.register("C000001", "Harbor Trading", Currency::CNY, 30);
    for (id, name, role) in [
        (1, "Wang Fang", Role::Manager),
        (2, "Li Wei", Role::Analyst),
    ] {
        ledger.run(Command::AddUser {
            id: UserId(id),
            name: name.to_string(),
            role,
            by: (id > 1).then_some(UserId(1)),
        });
    }
    // From 2026-03-10 an analyst may approve any amount for any grade.
    let mut relaxed = CreditPolicy {
        version: 2,
        ..CreditPolicy::default()
    };
    relaxed.limits.authority = vec![AuthorityBand {
        up_to: None,
        role: Role::Analyst,
    }];
    for terms in &mut relaxed.limits.grades {
        terms.limit_max = Decimal::from(10_000_000);
    }
    ledger.run(Command::ChangePolicy {
        date: date("2026-03-10"),
        policy: Box::new(relaxed),
        by: UserId(1),
    });
    ledger.run(Command::RequestLimit {
        id: RequestId(1),
        customer,
        date: date("2026-03-01"),
        by: UserId(1),
        amount: limit("700000", Currency::CNY),
        reason: "new season".to_string(),
        until: None,
    });
    let approve = |on: &str| Command::ApproveLimit {
        request: RequestId(1),
        date: date(on),
        by: UserId(2),
        comment: String::new(),
    };
    // Before 2026-03-10 the default matrix holds: 700,000 is above an analyst's 500,000.
    assert!(
        matches!(
            decide(&ledger.state, &approve("2026-03-09")),
            Err(Rejection::AboveAuthority { .. })
        ),
        "{:?}",
        decide(&ledger.state, &approve("2026-03-09"))
    );
    ledger.run(approve("2026-03-10"));
}

/// Every template of the newest strategy reads, and each customer with a task has a statement
/// whose open items add up to its aging and whose late interest is never negative.
fn audit_letters(
    state: &Portfolio,
    tasks: &[creditdesk_core::collections::Task],
    as_of: NaiveDate,
    context: &str,
) {
    use creditdesk_core::collections::statement_of_account;
    let strategy = state.strategy_on(as_of);
    for template in &strategy.templates {
        for text in [&template.subject, &template.body] {
            assert!(
                creditdesk_core::policy::parse_template(text).is_ok(),
                "{context}: a saved template does not read: {text}"
            );
        }
    }
    let buckets = AgingBuckets::default();
    for task in tasks {
        let customer = state.ledger.customer(task.customer).expect("the customer");
        let statement = statement_of_account(
            &state.ledger,
            customer,
            &strategy.interest_rates,
            &buckets,
            as_of,
        );
        let aging = customer_aging(&state.ledger, customer, as_of, &buckets);
        let open: Decimal = statement.items.iter().map(|item| item.open).sum();
        assert_eq!(
            open, aging.total,
            "{context}: the statement's items and the aging differ"
        );
        assert!(
            statement
                .items
                .iter()
                .all(|item| item.interest.total >= Decimal::ZERO),
            "{context}: negative late interest"
        );
    }
}

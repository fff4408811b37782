//! Derives an entry's facts (`facts.rs`) from the entry, from what the journal said before it
//! and from the portfolio. What can change later — a customer's number and name, a profile's
//! name and role, the widget's origins — is taken from [`Recall`], which follows the journal
//! in order, so each entry is told as it was when it was made and a change can say what it
//! changed. What never changes once recorded — an invoice's customer, number and currency, an
//! order's, a dispute's invoice, a limit request's amount — is looked up in the portfolio.

use crate::alerts::AlertsEntry;
use crate::base::ids::{CustomerId, DisputeId, InvoiceId, OrderId, ProposalId, RequestId, UserId};
use crate::base::money::{Currency, Money};
use crate::collections::CollectionsEntry;
use crate::credit::CreditEntry;
use crate::journal::entry::Entry;
use crate::journal::facts::*;
use crate::journal::portfolio::Portfolio;
use crate::ledger::{Allocation, CustomerDetails, DisputeOutcome, Ledger, LedgerEntry};
use crate::limits::LimitsEntry;
use crate::policy::{Grade, PolicyEntry};
use crate::team::{Team, TeamEntry, User};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What the journal said so far about what later entries may change: every profile, every
/// customer's details and the widget's origins, as of the entry about to be read.
#[derive(Clone, Debug, Default)]
pub struct Recall {
    team: Team,
    customers: BTreeMap<CustomerId, CustomerDetails>,
    origins: Vec<String>,
}

fn profile(user: &User) -> Profile {
    Profile {
        name: user.name.clone(),
        role: user.role,
    }
}

/// `#12`: how a record the portfolio does not hold is named (a journal that folded names
/// only records it holds, so this is never shown for one that loaded).
fn unknown(id: u32) -> String {
    format!("#{id}")
}

impl Recall {
    /// The facts of `entry`, read just before it takes effect; then remembers what it changed.
    /// `state` is the portfolio folded at least up to this entry.
    pub fn read(&mut self, entry: &Entry, state: &Portfolio) -> EntryFacts {
        let told = EntryFacts {
            customer: self.customer_of(entry, state),
            by: by_of(entry).map(|by| self.user(by)),
            date: date_of(entry),
            what: self.what(entry, state),
        };
        self.remember(entry);
        told
    }

    fn remember(&mut self, entry: &Entry) {
        match entry {
            Entry::Ledger(
                LedgerEntry::CustomerRegistered { id, details, .. }
                | LedgerEntry::CustomerUpdated { id, details },
            ) => {
                self.customers.insert(*id, details.clone());
            }
            // The same fold as the portfolio's: an entry it refuses was refused on loading
            // too, so there is none here; were there one, it would only leave a name unknown.
            Entry::Team(entry) => {
                let _ = self.team.apply(entry);
            }
            Entry::Limits(LimitsEntry::WidgetOriginsSet { origins, .. }) => {
                self.origins = origins.clone();
            }
            // Nothing else changes how a later entry is told.
            _ => {}
        }
    }

    fn customer(&self, id: CustomerId) -> CustomerRef {
        let (number, name) = self.customers.get(&id).map_or_else(
            || (unknown(id.0), unknown(id.0)),
            |details| (details.number.clone(), details.name.clone()),
        );
        CustomerRef { id, number, name }
    }

    fn user(&self, id: UserId) -> UserRef {
        let name = self
            .team
            .user(id)
            .map_or_else(|| unknown(id.0), |user| user.name.clone());
        UserRef { id, name }
    }

    /// The customer an entry concerns: named by the entry, or by its invoice, order, dispute
    /// or limit request. Policies, profiles and the widget's origins concern no customer.
    fn customer_of(&self, entry: &Entry, state: &Portfolio) -> Option<CustomerRef> {
        let ledger = &state.ledger;
        let id = match entry {
            // Told as the entry names it: the details it registers or updates to.
            Entry::Ledger(
                LedgerEntry::CustomerRegistered { id, details, .. }
                | LedgerEntry::CustomerUpdated { id, details },
            ) => {
                return Some(CustomerRef {
                    id: *id,
                    number: details.number.clone(),
                    name: details.name.clone(),
                })
            }
            Entry::Ledger(LedgerEntry::CustomerSinceChanged { id, .. }) => Some(*id),
            Entry::Collections(
                CollectionsEntry::TaskCompleted { customer, .. }
                | CollectionsEntry::StepEscalated { customer, .. }
                | CollectionsEntry::PromiseRecorded { customer, .. }
                | CollectionsEntry::CollectorAssigned { customer, .. }
                | CollectionsEntry::WriteOffProposed { customer, .. }
                | CollectionsEntry::PlanAgreed { customer, .. },
            )
            | Entry::Alerts(
                AlertsEntry::AlertAcknowledged { customer, .. }
                | AlertsEntry::AlertSnoozed { customer, .. }
                | AlertsEntry::AlertHoldReleased { customer, .. },
            ) => Some(*customer),
            Entry::Collections(
                CollectionsEntry::WriteOffApproved { proposal, .. }
                | CollectionsEntry::WriteOffRejected { proposal, .. },
            ) => state.collections.proposal(*proposal).map(|p| p.customer),
            Entry::Ledger(
                LedgerEntry::InvoiceIssued { customer, .. }
                | LedgerEntry::PaymentReceived { customer, .. }
                | LedgerEntry::CreditNoteIssued { customer, .. }
                | LedgerEntry::OrderOpened { customer, .. },
            )
            | Entry::Credit(CreditEntry::CreditRecordAdded { customer, .. })
            | Entry::Limits(
                LimitsEntry::LimitRequested { customer, .. }
                | LimitsEntry::HoldPlaced { customer, .. }
                | LimitsEntry::HoldReleased { customer, .. },
            ) => Some(*customer),
            Entry::Ledger(
                LedgerEntry::InvoiceWrittenOff { invoice, .. }
                | LedgerEntry::DisputeOpened { invoice, .. },
            ) => ledger.invoice(*invoice).map(|invoice| invoice.customer),
            Entry::Ledger(LedgerEntry::OrderClosed { id: order, .. })
            | Entry::Limits(LimitsEntry::OrderReleased { order, .. }) => {
                ledger.order(*order).map(|order| order.customer)
            }
            Entry::Ledger(LedgerEntry::DisputeResolved { id, .. }) => ledger
                .dispute(*id)
                .and_then(|dispute| ledger.invoice(dispute.invoice))
                .map(|invoice| invoice.customer),
            Entry::Limits(
                LimitsEntry::LimitApproved { request, .. }
                | LimitsEntry::LimitRejected { request, .. }
                | LimitsEntry::LimitLapsed { request, .. },
            ) => state
                .limits
                .request(*request)
                .map(|request| request.customer),
            Entry::Policy(_)
            | Entry::Team(_)
            | Entry::Limits(LimitsEntry::WidgetOriginsSet { .. }) => None,
        };
        id.map(|id| self.customer(id))
    }

    /// The entry's figures and words, one arm per area.
    fn what(&self, entry: &Entry, state: &Portfolio) -> What {
        match entry {
            Entry::Ledger(entry) => What::Ledger(self.ledger_what(entry, &state.ledger)),
            Entry::Credit(CreditEntry::CreditRecordAdded { record, .. }) => {
                What::CreditRecordAdded {
                    record: Box::new(record.clone()),
                }
            }
            Entry::Policy(PolicyEntry::PolicyChanged { policy, .. }) => What::PolicyChanged {
                version: policy.version,
            },
            Entry::Policy(PolicyEntry::StrategyChanged { .. }) => What::StrategyChanged,
            Entry::Team(entry) => What::Team(self.team_what(entry)),
            Entry::Limits(entry) => What::Limits(self.limits_what(entry, state)),
            Entry::Collections(entry) => What::Collections(self.collections_what(entry, state)),
            Entry::Alerts(entry) => What::Alerts(alerts_what(entry)),
        }
    }

    /// One arm per collections entry.
    fn collections_what(&self, entry: &CollectionsEntry, state: &Portfolio) -> CollectionsWhat {
        let numbers = |invoices: &[InvoiceId]| {
            (invoices.iter())
                .map(|id| invoice_named(&state.ledger, *id).0)
                .collect()
        };
        match entry {
            CollectionsEntry::TaskCompleted {
                offset_days,
                step,
                channel,
                outcome,
                notes,
                invoices,
                ..
            } => CollectionsWhat::TaskCompleted {
                step: *step,
                offset_days: *offset_days,
                channel: *channel,
                outcome: *outcome,
                notes: notes.clone(),
                invoices: numbers(invoices),
            },
            CollectionsEntry::StepEscalated {
                offset_days,
                reason,
                invoices,
                ..
            } => CollectionsWhat::StepEscalated {
                offset_days: *offset_days,
                reason: reason.clone(),
                invoices: numbers(invoices),
            },
            CollectionsEntry::PromiseRecorded {
                amount,
                due,
                tolerance_days,
                ..
            } => CollectionsWhat::PromiseRecorded {
                amount: amount.money(),
                due: *due,
                tolerance_days: *tolerance_days,
            },
            CollectionsEntry::CollectorAssigned { collector, .. } => {
                CollectionsWhat::CollectorAssigned {
                    collector: collector.map(|id| self.user(id)),
                }
            }
            CollectionsEntry::WriteOffProposed {
                invoice,
                amount,
                reason,
                ..
            } => proposed_what(state, *invoice, amount, reason),
            CollectionsEntry::WriteOffApproved { proposal, .. } => {
                decided_what(state, *proposal, None)
            }
            CollectionsEntry::WriteOffRejected {
                proposal, reason, ..
            } => decided_what(state, *proposal, Some(reason)),
            CollectionsEntry::PlanAgreed {
                date,
                invoices,
                instalments,
                ..
            } => plan_what(state, *date, invoices, instalments),
        }
    }

    /// One arm per ledger entry; the helpers below build each.
    fn ledger_what(&self, entry: &LedgerEntry, ledger: &Ledger) -> LedgerWhat {
        match entry {
            LedgerEntry::CustomerRegistered { details, .. } => LedgerWhat::CustomerRegistered {
                terms_days: details.payment_terms_days,
                currency: details.currency,
            },
            LedgerEntry::CustomerUpdated { id, details } => self.updated(*id, details),
            LedgerEntry::CustomerSinceChanged { since, .. } => {
                LedgerWhat::CustomerSinceChanged { since: *since }
            }
            LedgerEntry::InvoiceIssued {
                number,
                due_date,
                amount,
                ..
            } => LedgerWhat::InvoiceIssued {
                number: number.clone(),
                amount: amount.money(),
                due_date: *due_date,
            },
            LedgerEntry::PaymentReceived {
                amount,
                reference,
                allocations,
                ..
            } => self.payment(ledger, amount.money(), reference, allocations),
            LedgerEntry::CreditNoteIssued {
                number,
                amount,
                reason,
                allocations,
                ..
            } => self.credit_note(ledger, number, amount.money(), reason, allocations),
            LedgerEntry::InvoiceWrittenOff {
                invoice,
                amount,
                reason,
                ..
            } => LedgerWhat::InvoiceWrittenOff {
                amount: part_of(ledger, *invoice, amount.value()),
                invoice: invoice_named(ledger, *invoice).0,
                reason: reason.clone(),
            },
            LedgerEntry::OrderOpened { number, amount, .. } => LedgerWhat::OrderOpened {
                number: number.clone(),
                amount: amount.money(),
            },
            LedgerEntry::OrderClosed { id, closure, .. } => {
                let (number, amount) = order(ledger, *id);
                LedgerWhat::OrderClosed {
                    number,
                    amount,
                    closure: *closure,
                }
            }
            LedgerEntry::DisputeOpened {
                invoice,
                amount,
                reason,
                ..
            } => LedgerWhat::DisputeOpened {
                amount: part_of(ledger, *invoice, amount.value()),
                invoice: invoice_named(ledger, *invoice).0,
                reason: reason.clone(),
            },
            LedgerEntry::DisputeResolved { id, outcome, .. } => {
                self.resolved(ledger, *id, *outcome)
            }
        }
    }

    /// What a customer update changed from the details the journal said before it.
    fn updated(&self, id: CustomerId, details: &CustomerDetails) -> LedgerWhat {
        let changes = self
            .customers
            .get(&id)
            .map_or_else(Vec::new, |before| detail_changes(before, details));
        LedgerWhat::CustomerUpdated { changes }
    }

    /// What each allocation settled, and what was left over from `amount`.
    fn settled(
        &self,
        ledger: &Ledger,
        amount: Money,
        allocations: &[Allocation],
    ) -> (Vec<Settled>, Money) {
        let settled: Vec<Settled> = allocations
            .iter()
            .map(|allocation| Settled {
                invoice: invoice_named(ledger, allocation.invoice).0,
                amount: Money::new(allocation.amount.value(), amount.currency),
            })
            .collect();
        let applied: Decimal = allocations.iter().map(|a| a.amount.value()).sum();
        (
            settled,
            Money::new(amount.amount - applied, amount.currency),
        )
    }

    fn payment(
        &self,
        ledger: &Ledger,
        amount: Money,
        reference: &str,
        allocations: &[Allocation],
    ) -> LedgerWhat {
        let (settled, unapplied) = self.settled(ledger, amount, allocations);
        LedgerWhat::PaymentReceived {
            amount,
            reference: reference.to_string(),
            settled,
            unapplied,
        }
    }

    fn credit_note(
        &self,
        ledger: &Ledger,
        number: &str,
        amount: Money,
        reason: &str,
        allocations: &[Allocation],
    ) -> LedgerWhat {
        let (settled, unapplied) = self.settled(ledger, amount, allocations);
        LedgerWhat::CreditNoteIssued {
            number: number.to_string(),
            amount,
            reason: reason.to_string(),
            settled,
            unapplied,
        }
    }

    fn resolved(&self, ledger: &Ledger, id: DisputeId, outcome: DisputeOutcome) -> LedgerWhat {
        let (invoice, amount) = match ledger.dispute(id) {
            Some(dispute) => (
                invoice_named(ledger, dispute.invoice).0,
                part_of(ledger, dispute.invoice, dispute.amount.value()),
            ),
            None => (unknown(id.0), Money::zero(Currency::CNY)),
        };
        LedgerWhat::DisputeResolved {
            invoice,
            amount,
            outcome,
        }
    }

    fn team_what(&self, entry: &TeamEntry) -> TeamWhat {
        match entry {
            TeamEntry::UserAdded { name, role, .. } => TeamWhat::UserAdded {
                profile: Profile {
                    name: name.clone(),
                    role: *role,
                },
            },
            TeamEntry::UserChanged { id, name, role, .. } => TeamWhat::UserChanged {
                before: self.team.user(*id).map(profile),
                after: Profile {
                    name: name.clone(),
                    role: *role,
                },
            },
            TeamEntry::CompanyDetailsSet { details, .. } => TeamWhat::CompanyDetailsSet {
                name: details.name.clone(),
            },
        }
    }

    fn limits_what(&self, entry: &LimitsEntry, state: &Portfolio) -> LimitsWhat {
        let request = |id: RequestId| request(state, id);
        match entry {
            LimitsEntry::LimitRequested {
                amount,
                reason,
                until,
                ..
            } => LimitsWhat::LimitRequested {
                amount: amount.money(),
                until: *until,
                reason: reason.clone(),
            },
            LimitsEntry::LimitApproved {
                request: id,
                comment,
                review_on,
                grade,
                ..
            } => approved(state, *id, *review_on, *grade, comment),
            LimitsEntry::LimitRejected {
                request: id,
                comment,
                ..
            } => {
                let (amount, until) = request(*id);
                let comment = comment.clone();
                LimitsWhat::LimitRejected {
                    amount,
                    until,
                    comment,
                }
            }
            LimitsEntry::LimitLapsed { request: id, .. } => {
                let (amount, until) = request(*id);
                LimitsWhat::LimitLapsed { amount, until }
            }
            LimitsEntry::HoldPlaced { reason, .. } => LimitsWhat::HoldPlaced {
                reason: reason.clone(),
            },
            LimitsEntry::HoldReleased { reason, .. } => LimitsWhat::HoldReleased {
                reason: reason.clone(),
            },
            LimitsEntry::OrderReleased {
                order: id,
                reason,
                blocked_for,
                ..
            } => {
                let (number, amount) = order(&state.ledger, *id);
                let (reason, blocked_for) = (reason.clone(), blocked_for.clone());
                LimitsWhat::OrderReleased {
                    number,
                    amount,
                    reason,
                    blocked_for,
                }
            }
            LimitsEntry::WidgetOriginsSet { origins, .. } => self.origins_set(origins),
        }
    }

    /// The origins now allowed, with those that are new and those that are gone, each in the
    /// order of the list it comes from.
    fn origins_set(&self, origins: &[String]) -> LimitsWhat {
        let added = origins
            .iter()
            .filter(|origin| !self.origins.contains(origin))
            .cloned()
            .collect();
        let removed = self
            .origins
            .iter()
            .filter(|origin| !origins.contains(origin))
            .cloned()
            .collect();
        LimitsWhat::WidgetOriginsSet {
            origins: origins.to_vec(),
            added,
            removed,
        }
    }
}

/// An invoice's number and currency.
fn invoice_named(ledger: &Ledger, id: InvoiceId) -> (String, Currency) {
    match ledger.invoice(id) {
        Some(invoice) => (invoice.number.clone(), invoice.amount.currency()),
        None => (unknown(id.0), Currency::CNY),
    }
}

/// A part of an invoice (a write-off, a dispute) as a figure in the invoice's currency.
fn part_of(ledger: &Ledger, invoice: InvoiceId, value: Decimal) -> Money {
    Money::new(value, invoice_named(ledger, invoice).1)
}

/// An order's number and amount.
fn order(ledger: &Ledger, id: OrderId) -> (String, Money) {
    match ledger.order(id) {
        Some(order) => (order.number.clone(), order.amount.money()),
        None => (unknown(id.0), Money::zero(Currency::CNY)),
    }
}

/// An approval: of what the request asked for, with the review day and grade it recorded.
fn approved(
    state: &Portfolio,
    id: RequestId,
    review_on: NaiveDate,
    grade: Grade,
    comment: &str,
) -> LimitsWhat {
    let (amount, until) = request(state, id);
    LimitsWhat::LimitApproved {
        amount,
        until,
        review_on,
        grade,
        comment: comment.to_string(),
    }
}

/// A limit request's amount and last day (what an approval, a rejection or a lapse is of).
fn request(state: &Portfolio, id: RequestId) -> (Money, Option<NaiveDate>) {
    match state.limits.request(id) {
        Some(request) => (request.amount.money(), request.until),
        None => (Money::zero(Currency::CNY), None),
    }
}

/// The fields `after` changed from `before`, in the order of the customer form.
fn detail_changes(before: &CustomerDetails, after: &CustomerDetails) -> Vec<DetailChange> {
    let pairs = [
        (DetailField::Number, &before.number, &after.number),
        (DetailField::Name, &before.name, &after.name),
        (
            DetailField::RegistrationNo,
            &before.registration_no,
            &after.registration_no,
        ),
        (DetailField::Industry, &before.industry, &after.industry),
        (DetailField::Country, &before.country, &after.country),
        (DetailField::Contact, &before.contact, &after.contact),
        (DetailField::Group, &before.group, &after.group),
    ];
    let mut changes: Vec<DetailChange> = pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| DetailChange {
            field,
            before: before.clone(),
            after: after.clone(),
        })
        .collect();
    let coded = [
        (
            DetailField::Currency,
            before.currency.code().to_string(),
            after.currency.code().to_string(),
        ),
        (
            DetailField::Terms,
            before.payment_terms_days.to_string(),
            after.payment_terms_days.to_string(),
        ),
        (
            DetailField::Discount,
            discount_code(before.discount),
            discount_code(after.discount),
        ),
    ];
    changes.extend(
        coded
            .into_iter()
            .filter(|(_, before, after)| before != after)
            .map(|(field, before, after)| DetailChange {
                field,
                before,
                after,
            }),
    );
    changes
}

/// A write-off proposal's invoice and amount.
fn proposal_named(state: &Portfolio, id: ProposalId) -> (String, Money) {
    match state.collections.proposal(id) {
        Some(p) => (invoice_named(&state.ledger, p.invoice).0, p.amount.money()),
        None => (unknown(id.0), Money::new(Decimal::ZERO, Currency::CNY)),
    }
}

fn proposed_what(
    state: &Portfolio,
    invoice: InvoiceId,
    amount: &crate::base::money::Amount,
    reason: &str,
) -> CollectionsWhat {
    CollectionsWhat::WriteOffProposed {
        invoice: invoice_named(&state.ledger, invoice).0,
        amount: amount.money(),
        reason: reason.to_string(),
    }
}

/// A write-off approved (`reason` `None`) or rejected.
fn decided_what(state: &Portfolio, id: ProposalId, reason: Option<&String>) -> CollectionsWhat {
    let (invoice, amount) = proposal_named(state, id);
    match reason {
        None => CollectionsWhat::WriteOffApproved { invoice, amount },
        Some(reason) => CollectionsWhat::WriteOffRejected {
            invoice,
            amount,
            reason: reason.clone(),
        },
    }
}

/// One arm per alerts entry.
fn alerts_what(entry: &AlertsEntry) -> AlertsWhat {
    match entry {
        AlertsEntry::AlertAcknowledged { rule, since, .. } => AlertsWhat::AlertAcknowledged {
            rule: *rule,
            since: *since,
        },
        AlertsEntry::AlertSnoozed {
            rule, since, until, ..
        } => AlertsWhat::AlertSnoozed {
            rule: *rule,
            since: *since,
            until: *until,
        },
        AlertsEntry::AlertHoldReleased { reason, alerts, .. } => AlertsWhat::AlertHoldReleased {
            reason: reason.clone(),
            alerts: alerts.clone(),
        },
    }
}

fn plan_what(
    state: &Portfolio,
    date: NaiveDate,
    invoices: &[InvoiceId],
    instalments: &[crate::collections::Instalment],
) -> CollectionsWhat {
    let currency = (instalments.first()).map_or(Currency::CNY, |i| i.amount.currency());
    CollectionsWhat::PlanAgreed {
        invoices: (invoices.iter())
            .map(|id| invoice_named(&state.ledger, *id).0)
            .collect(),
        total: Money::new(instalments.iter().map(|i| i.amount.value()).sum(), currency),
        instalments: instalments.len(),
        last_due: instalments.last().map_or(date, |i| i.due),
    }
}

/// Discount terms as written in trade, `2/10` (percent/days); empty for none.
fn discount_code(discount: Option<crate::ledger::DiscountTerms>) -> String {
    discount.map_or(String::new(), |d| {
        format!("{}/{}", d.percent.normalize(), d.days)
    })
}

/// Who the entry itself says acted, when it names someone.
fn by_of(entry: &Entry) -> Option<UserId> {
    match entry {
        Entry::Ledger(_) | Entry::Credit(_) => None,
        Entry::Policy(PolicyEntry::PolicyChanged { by, .. }) => *by,
        Entry::Policy(PolicyEntry::StrategyChanged { by, .. }) => Some(*by),
        Entry::Collections(
            CollectionsEntry::TaskCompleted { by, .. }
            | CollectionsEntry::StepEscalated { by, .. }
            | CollectionsEntry::PromiseRecorded { by, .. }
            | CollectionsEntry::CollectorAssigned { by, .. }
            | CollectionsEntry::WriteOffProposed { by, .. }
            | CollectionsEntry::WriteOffApproved { by, .. }
            | CollectionsEntry::WriteOffRejected { by, .. }
            | CollectionsEntry::PlanAgreed { by, .. },
        )
        | Entry::Alerts(
            AlertsEntry::AlertAcknowledged { by, .. }
            | AlertsEntry::AlertSnoozed { by, .. }
            | AlertsEntry::AlertHoldReleased { by, .. },
        ) => Some(*by),
        Entry::Team(TeamEntry::UserAdded { by, .. } | TeamEntry::UserChanged { by, .. }) => *by,
        Entry::Team(TeamEntry::CompanyDetailsSet { by, .. }) => Some(*by),
        Entry::Limits(
            LimitsEntry::LimitRequested { by, .. }
            | LimitsEntry::LimitApproved { by, .. }
            | LimitsEntry::LimitRejected { by, .. }
            | LimitsEntry::HoldPlaced { by, .. }
            | LimitsEntry::HoldReleased { by, .. }
            | LimitsEntry::OrderReleased { by, .. }
            | LimitsEntry::WidgetOriginsSet { by, .. },
        ) => Some(*by),
        Entry::Limits(LimitsEntry::LimitLapsed { .. }) => None,
    }
}

/// The day the entry is dated: its issue, payment, decision or effective date.
fn date_of(entry: &Entry) -> Option<NaiveDate> {
    match entry {
        Entry::Ledger(
            LedgerEntry::CustomerRegistered { date, .. }
            | LedgerEntry::PaymentReceived { date, .. }
            | LedgerEntry::CreditNoteIssued { date, .. }
            | LedgerEntry::InvoiceWrittenOff { date, .. }
            | LedgerEntry::OrderOpened { date, .. }
            | LedgerEntry::OrderClosed { date, .. }
            | LedgerEntry::DisputeOpened { date, .. }
            | LedgerEntry::DisputeResolved { date, .. },
        )
        | Entry::Policy(
            PolicyEntry::PolicyChanged { date, .. } | PolicyEntry::StrategyChanged { date, .. },
        )
        | Entry::Collections(
            CollectionsEntry::TaskCompleted { date, .. }
            | CollectionsEntry::StepEscalated { date, .. }
            | CollectionsEntry::PromiseRecorded { date, .. }
            | CollectionsEntry::CollectorAssigned { date, .. }
            | CollectionsEntry::WriteOffProposed { date, .. }
            | CollectionsEntry::WriteOffApproved { date, .. }
            | CollectionsEntry::WriteOffRejected { date, .. }
            | CollectionsEntry::PlanAgreed { date, .. },
        )
        | Entry::Alerts(
            AlertsEntry::AlertAcknowledged { date, .. }
            | AlertsEntry::AlertSnoozed { date, .. }
            | AlertsEntry::AlertHoldReleased { date, .. },
        )
        | Entry::Limits(
            LimitsEntry::LimitRequested { date, .. }
            | LimitsEntry::LimitApproved { date, .. }
            | LimitsEntry::LimitRejected { date, .. }
            | LimitsEntry::LimitLapsed { date, .. }
            | LimitsEntry::HoldPlaced { date, .. }
            | LimitsEntry::HoldReleased { date, .. }
            | LimitsEntry::OrderReleased { date, .. }
            | LimitsEntry::WidgetOriginsSet { date, .. },
        ) => Some(*date),
        Entry::Ledger(LedgerEntry::InvoiceIssued { issue_date, .. }) => Some(*issue_date),
        Entry::Credit(CreditEntry::CreditRecordAdded { recorded_on, .. }) => Some(*recorded_on),
        Entry::Ledger(LedgerEntry::CustomerSinceChanged { since, .. }) => Some(*since),
        Entry::Ledger(LedgerEntry::CustomerUpdated { .. }) | Entry::Team(_) => None,
    }
}

//! The portfolio: every area's sub-state, composed. It is a fold of the journal — a cache,
//! never the source of truth — and it trusts nothing it reads: an entry that does not fit the
//! state is a `FoldError`, which `apply_event` turns into a `ChainBreak` naming the event.

use crate::alerts::{AlertSources, Alerts};
use crate::base::fold::FoldError;
use crate::base::ids::*;
use crate::collections::Collections;
use crate::credit::CreditFiles;
use crate::journal::chain::{parse_event, verify, ChainBreak, ChainHead, Event, Hash};
use crate::journal::entry::Entry;
use crate::ledger::Ledger;
use crate::limits::list::ListSources;
use crate::limits::{Known, Limits};
use crate::policy::{CollectionPolicy, CreditPolicy, Policies};
use crate::team::Team;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Everything derived from the journal so far, one sub-state per area.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    pub ledger: Ledger,
    pub team: Team,
    pub policies: Policies,
    pub credit: CreditFiles,
    pub limits: Limits,
    pub collections: Collections,
    pub alerts: Alerts,
    /// The last event folded in; `None` for an empty journal.
    pub head: Option<ChainHead>,
}

/// The next free id of each kind, for the shell to put into commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextIds {
    pub customer: CustomerId,
    pub invoice: InvoiceId,
    pub payment: PaymentId,
    pub credit_note: CreditNoteId,
    pub order: OrderId,
    pub dispute: DisputeId,
    pub user: UserId,
    pub request: RequestId,
    pub promise: PromiseId,
    pub plan: PlanId,
    pub proposal: ProposalId,
}

impl Portfolio {
    /// The newest credit policy: the one the next version follows and the policy screens edit.
    /// A decision dated `date` (an approval, an order through the check) reads `policy_on`.
    pub fn policy(&self) -> CreditPolicy {
        self.policies.current()
    }

    /// The credit policy in force on `date`.
    pub fn policy_on(&self, date: NaiveDate) -> CreditPolicy {
        self.policies.on(date)
    }

    /// The collection strategy (reminder ladders) in force on `date`.
    pub fn strategy_on(&self, date: NaiveDate) -> CollectionPolicy {
        self.policies.strategy_on(date)
    }

    /// What the customer list reads (`limits::list::list_rows`).
    pub fn list_sources(&self) -> ListSources<'_> {
        ListSources {
            ledger: &self.ledger,
            credit: &self.credit,
            policies: &self.policies,
            limits: &self.limits,
        }
    }

    /// What the alerts read (`alerts::alerts_on`, `alerts::alert_hold`).
    pub fn alert_sources(&self) -> AlertSources<'_> {
        AlertSources {
            ledger: &self.ledger,
            credit: &self.credit,
            policies: &self.policies,
            limits: &self.limits,
            collections: &self.collections,
            alerts: &self.alerts,
        }
    }

    pub fn next_ids(&self) -> NextIds {
        let ledger = &self.ledger;
        NextIds {
            customer: CustomerId(ledger.customers.last().map_or(1, |c| c.id.0 + 1)),
            invoice: InvoiceId(ledger.invoices.last().map_or(1, |i| i.id.0 + 1)),
            payment: PaymentId(ledger.payments.last().map_or(1, |p| p.id.0 + 1)),
            credit_note: CreditNoteId(ledger.credit_notes.last().map_or(1, |n| n.id.0 + 1)),
            order: OrderId(ledger.orders.last().map_or(1, |o| o.id.0 + 1)),
            dispute: DisputeId(ledger.disputes.last().map_or(1, |d| d.id.0 + 1)),
            user: self.team.next_user(),
            request: self.limits.next_request(),
            promise: self.collections.next_promise(),
            plan: self.collections.next_plan(),
            proposal: self.collections.next_proposal(),
        }
    }

    /// Restores the indexes that snapshots do not carry.
    pub fn rebuild_indexes(&mut self) {
        self.ledger.rebuild_indexes();
    }

    /// Folds one entry into its area. One match over every area: a new area that is not
    /// folded fails to compile.
    pub fn apply(&mut self, entry: &Entry) -> Result<(), FoldError> {
        match entry {
            Entry::Ledger(entry) => self.ledger.apply(entry),
            Entry::Credit(entry) => self.credit.apply(entry, &self.ledger),
            Entry::Policy(entry) => self.policies.apply(entry),
            Entry::Team(entry) => self.team.apply(entry),
            Entry::Limits(entry) => {
                let known = Known {
                    ledger: &self.ledger,
                    team: &self.team,
                };
                self.limits.apply(entry, known)
            }
            Entry::Collections(entry) => {
                let known = crate::collections::state::Known {
                    ledger: &self.ledger,
                    team: &self.team,
                };
                self.collections.apply(entry, known)
            }
            Entry::Alerts(entry) => {
                let known = crate::alerts::state::Known {
                    ledger: &self.ledger,
                    team: &self.team,
                };
                self.alerts.apply(entry, known)
            }
        }
    }
}

impl Portfolio {
    /// Folds an event into the state and moves the head. On an error the state holds the
    /// entries before the one named and must be discarded (the head has not moved).
    pub fn apply_event(&mut self, event: &Event, hash: Hash) -> Result<(), ChainBreak> {
        for (index, entry) in event.entries.iter().enumerate() {
            self.apply(entry)
                .map_err(|error| ChainBreak::DoesNotApply {
                    seq: event.seq,
                    entry: index,
                    error,
                })?;
        }
        self.head = Some(ChainHead {
            seq: event.seq,
            hash,
        });
        Ok(())
    }

    /// Replays a whole journal of stored texts after verifying it.
    pub fn replay(texts: &[&str]) -> Result<Portfolio, ChainBreak> {
        verify(texts, None, None)?;
        let mut portfolio = Portfolio::default();
        for (position, text) in texts.iter().enumerate() {
            let event = parse_event(text).map_err(|_| ChainBreak::Unreadable { position })?;
            portfolio.apply_event(&event, Hash::of(text.as_bytes()))?;
        }
        Ok(portfolio)
    }
}

//! The journal's entry: one variant per area, each carrying that area's own entry type. The
//! stored text is exactly the area entry's (`{"kind":"InvoiceIssued",…}`): the variant adds
//! nothing to it, so journals written before the areas existed read unchanged. Adding an area
//! is one variant here and one sub-state in `Portfolio`.

use crate::alerts::AlertsEntry;
use crate::collections::CollectionsEntry;
use crate::credit::CreditEntry;
use crate::ledger::LedgerEntry;
use crate::limits::LimitsEntry;
use crate::policy::PolicyEntry;
use crate::team::TeamEntry;
use serde::{Deserialize, Serialize};

/// One immutable fact in the journal. Corrections are new entries; nothing is edited.
/// Untagged: each area's entry carries its own `kind` tag, and the kinds of all areas are
/// distinct, so exactly one variant reads any stored entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Entry {
    Ledger(LedgerEntry),
    Credit(CreditEntry),
    Policy(PolicyEntry),
    Team(TeamEntry),
    Limits(LimitsEntry),
    Collections(CollectionsEntry),
    Alerts(AlertsEntry),
}

impl Entry {
    /// Whether folding this entry can change a customer's score (and so its grade): what a
    /// shell keeping the scores must recompute them for. One arm per kind, no wildcard; when
    /// unsure, `true`. The simulation checks that an entry answering `false` leaves every
    /// score as it was.
    pub fn moves_scores(&self) -> bool {
        use CollectionsEntry as C;
        use LimitsEntry as L;
        match self {
            Entry::Ledger(entry) => match entry {
                LedgerEntry::OrderOpened { .. } | LedgerEntry::OrderClosed { .. } => false,
                LedgerEntry::CustomerRegistered { .. }
                | LedgerEntry::CustomerUpdated { .. }
                | LedgerEntry::CustomerSinceChanged { .. }
                | LedgerEntry::InvoiceIssued { .. }
                | LedgerEntry::PaymentReceived { .. }
                | LedgerEntry::CreditNoteIssued { .. }
                | LedgerEntry::InvoiceWrittenOff { .. }
                | LedgerEntry::DisputeOpened { .. }
                | LedgerEntry::DisputeResolved { .. } => true,
            },
            Entry::Credit(_) => true,
            Entry::Policy(PolicyEntry::PolicyChanged { .. }) => true,
            Entry::Policy(PolicyEntry::StrategyChanged { .. }) => false,
            Entry::Team(_) => false,
            Entry::Limits(
                L::LimitRequested { .. }
                | L::LimitApproved { .. }
                | L::LimitRejected { .. }
                | L::LimitLapsed { .. }
                | L::HoldPlaced { .. }
                | L::HoldReleased { .. }
                | L::OrderReleased { .. }
                | L::WidgetOriginsSet { .. },
            ) => false,
            Entry::Collections(
                C::TaskCompleted { .. }
                | C::StepEscalated { .. }
                | C::PromiseRecorded { .. }
                | C::CollectorAssigned { .. },
            ) => false,
            Entry::Alerts(
                AlertsEntry::AlertAcknowledged { .. }
                | AlertsEntry::AlertSnoozed { .. }
                | AlertsEntry::AlertHoldReleased { .. },
            ) => false,
        }
    }
}

impl From<LedgerEntry> for Entry {
    fn from(entry: LedgerEntry) -> Entry {
        Entry::Ledger(entry)
    }
}
impl From<CreditEntry> for Entry {
    fn from(entry: CreditEntry) -> Entry {
        Entry::Credit(entry)
    }
}
impl From<PolicyEntry> for Entry {
    fn from(entry: PolicyEntry) -> Entry {
        Entry::Policy(entry)
    }
}
impl From<TeamEntry> for Entry {
    fn from(entry: TeamEntry) -> Entry {
        Entry::Team(entry)
    }
}
impl From<LimitsEntry> for Entry {
    fn from(entry: LimitsEntry) -> Entry {
        Entry::Limits(entry)
    }
}
impl From<CollectionsEntry> for Entry {
    fn from(entry: CollectionsEntry) -> Entry {
        Entry::Collections(entry)
    }
}
impl From<AlertsEntry> for Entry {
    fn from(entry: AlertsEntry) -> Entry {
        Entry::Alerts(entry)
    }
}

//! The journal's entry: one variant per area, each carrying that area's own entry type. The
//! stored text is exactly the area entry's (`{"kind":"InvoiceIssued",…}`): the variant adds
//! nothing to it, so journals written before the areas existed read unchanged. Adding an area
//! is one variant here and one sub-state in `Portfolio`.

use crate::alerts::AlertsEntry;
use crate::base::tagged::{self, ReadKind};
use crate::collections::CollectionsEntry;
use crate::credit::CreditEntry;
use crate::ledger::LedgerEntry;
use crate::limits::LimitsEntry;
use crate::policy::PolicyEntry;
use crate::team::TeamEntry;
use serde::de::MapAccess;
use serde::{Deserialize, Deserializer, Serialize};

/// One immutable fact in the journal. Corrections are new entries; nothing is edited.
/// Written untagged: each area's entry carries its own `kind` tag. Read kind first: the kinds
/// of all areas are distinct (`core/tests/stored_journal.rs` checks), so the `kind` names the
/// area, which reads the rest (`base::tagged`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

impl ReadKind for Entry {
    fn read_kind<'de, A: MapAccess<'de>>(kind: &str, map: A) -> Result<Self, A::Error> {
        // The ledger's kinds first: they are most of any journal.
        if LedgerEntry::KINDS.contains(&kind) {
            LedgerEntry::read_kind(kind, map).map(Entry::Ledger)
        } else if CollectionsEntry::KINDS.contains(&kind) {
            CollectionsEntry::read_kind(kind, map).map(Entry::Collections)
        } else if LimitsEntry::KINDS.contains(&kind) {
            LimitsEntry::read_kind(kind, map).map(Entry::Limits)
        } else if CreditEntry::KINDS.contains(&kind) {
            CreditEntry::read_kind(kind, map).map(Entry::Credit)
        } else if PolicyEntry::KINDS.contains(&kind) {
            PolicyEntry::read_kind(kind, map).map(Entry::Policy)
        } else if TeamEntry::KINDS.contains(&kind) {
            TeamEntry::read_kind(kind, map).map(Entry::Team)
        } else if AlertsEntry::KINDS.contains(&kind) {
            AlertsEntry::read_kind(kind, map).map(Entry::Alerts)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unknown entry kind `{kind}`"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        tagged::deserialize(deserializer)
    }
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
                | C::CollectorAssigned { .. }
                | C::WriteOffProposed { .. }
                | C::WriteOffRejected { .. }
                | C::PlanAgreed { .. },
            ) => false,
            Entry::Alerts(
                AlertsEntry::AlertAcknowledged { .. }
                | AlertsEntry::AlertSnoozed { .. }
                | AlertsEntry::AlertHoldReleased { .. },
            ) => false,
            // Its event also holds the ledger's `InvoiceWrittenOff`, which moves scores.
            Entry::Collections(C::WriteOffApproved { .. }) => true,
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

//! The policy's entry and the versions journalled so far, with the date each took effect.

use crate::base::fold::FoldError;
use crate::base::ids::UserId;
use crate::base::tagged::entry_enum;
use crate::policy::collection_policy::CollectionPolicy;
use crate::policy::credit_policy::CreditPolicy;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

entry_enum! {
    /// The policy's entries. The `kind` tag and field names are the stored journal text.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum PolicyEntry {
        /// A new version of the credit policy, in force from `date`.
        PolicyChanged {
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            /// Boxed: a policy is several times larger than any other entry (serde is unchanged).
            policy: Box<CreditPolicy>,
            /// Who changed it; absent in journals written before a change needed authority.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            by: Option<UserId>,
        },
        /// A new version of the collection strategy (the reminder ladders), in force from `date`.
        StrategyChanged {
            #[serde(with = "crate::base::dates::date_serde")]
            date: NaiveDate,
            strategy: CollectionPolicy,
            by: UserId,
        },
    }
}

/// Every credit policy journalled, with the date it took effect, in journal order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policies {
    #[serde(with = "versions_serde")]
    pub versions: Vec<(NaiveDate, CreditPolicy)>,
    /// Every collection strategy journalled, with the date it took effect.
    pub strategies: Vec<(NaiveDate, CollectionPolicy)>,
}

impl Policies {
    /// The newest policy journalled, or the default policy: what new decisions are made with.
    pub fn current(&self) -> CreditPolicy {
        self.versions
            .last()
            .map_or_else(CreditPolicy::default, |(_, policy)| policy.clone())
    }

    /// The policy in force on `date`: the last version journalled that took effect on or
    /// before it, or the default policy before the first.
    pub fn on(&self, date: NaiveDate) -> CreditPolicy {
        self.versions
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map_or_else(CreditPolicy::default, |(_, policy)| policy.clone())
    }

    /// The collection strategy in force on `date` (the initial one before the first).
    pub fn strategy_on(&self, date: NaiveDate) -> CollectionPolicy {
        self.strategies
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map_or_else(CollectionPolicy::initial, |(_, strategy)| strategy.clone())
    }

    /// The newest strategy: the one the strategy editor edits.
    pub fn current_strategy(&self) -> CollectionPolicy {
        self.strategies
            .last()
            .map_or_else(CollectionPolicy::initial, |(_, strategy)| strategy.clone())
    }

    pub fn apply(&mut self, entry: &PolicyEntry) -> Result<(), FoldError> {
        match entry {
            PolicyEntry::PolicyChanged { date, policy, .. } => {
                self.versions.push((*date, policy.as_ref().clone()));
            }
            PolicyEntry::StrategyChanged { date, strategy, .. } => {
                self.strategies.push((*date, strategy.clone()));
            }
        }
        Ok(())
    }
}

/// The versions as themselves in JSON; in a binary format (the postcard snapshot) each policy
/// as its JSON text with its alerts beside it, since the policy skips default alerts when
/// written and a binary format cannot skip a field.
mod versions_serde {
    use crate::policy::alert_policy::AlertPolicy;
    use crate::policy::credit_policy::CreditPolicy;
    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Packed = Vec<(NaiveDate, String, AlertPolicy)>;

    pub fn serialize<S: Serializer>(
        versions: &[(NaiveDate, CreditPolicy)],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return versions.serialize(serializer);
        }
        let mut packed: Packed = Vec::with_capacity(versions.len());
        for (date, policy) in versions {
            let text = serde_json::to_string(policy).map_err(S::Error::custom)?;
            packed.push((*date, text, policy.alerts.clone()));
        }
        packed.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<(NaiveDate, CreditPolicy)>, D::Error> {
        if deserializer.is_human_readable() {
            return Vec::deserialize(deserializer);
        }
        let packed = Packed::deserialize(deserializer)?;
        let mut versions = Vec::with_capacity(packed.len());
        for (date, text, alerts) in packed {
            let mut policy: CreditPolicy = serde_json::from_str(&text).map_err(D::Error::custom)?;
            policy.alerts = alerts;
            versions.push((date, policy));
        }
        Ok(versions)
    }
}

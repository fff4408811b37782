//! The credit team: local user profiles and their roles (ARCHITECTURE.md, Glossary: internal control), folded from their own
//! entries. Roles are guard-rails and accountability in a browser, not security.

use crate::base::fold::{check_new_id, find, FoldError, RecordKind};
use crate::base::ids::UserId;
use crate::base::tagged::entry_enum;
use serde::{Deserialize, Serialize};

/// What a user does in the credit process (ARCHITECTURE.md, Glossary: internal control). Roles are guard-rails and
/// accountability in a browser, not security: anyone with the device can add a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Sales,
    Collector,
    Analyst,
    Manager,
    Director,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Sales,
        Role::Collector,
        Role::Analyst,
        Role::Manager,
        Role::Director,
    ];

    /// Rank in the approval ladder: sales and collectors approve nothing; an analyst less than
    /// a manager, a manager less than a director. A higher rank may do what a lower may.
    pub fn authority_rank(self) -> u8 {
        match self {
            Role::Sales | Role::Collector => 0,
            Role::Analyst => 1,
            Role::Manager => 2,
            Role::Director => 3,
        }
    }

    /// Whether this role may do what `required` may.
    pub fn covers(self, required: Role) -> bool {
        self.authority_rank() > 0 && self.authority_rank() >= required.authority_rank()
    }

    pub fn token(self) -> &'static str {
        match self {
            Role::Sales => "sales",
            Role::Collector => "collector",
            Role::Analyst => "analyst",
            Role::Manager => "manager",
            Role::Director => "director",
        }
    }

    pub fn from_token(token: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.token() == token)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub role: Role,
}

/// The company's own details, printed on the letterhead of letters and statements. Shared
/// company data, so journalled (`TeamEntry::CompanyDetailsSet`); each set replaces the last.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyDetails {
    pub name: String,
    /// Postal address, one or more lines.
    pub address: String,
    /// Bank, account name and number, one or more lines.
    pub bank_details: String,
    /// Optional: company registration number and tax number (empty when not given).
    #[serde(default)]
    pub registration_no: String,
    #[serde(default)]
    pub tax_no: String,
}

entry_enum! {
    /// The team's entries. The `kind` tag and field names are the stored journal text.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum TeamEntry {
        /// A local user profile (ARCHITECTURE.md, Glossary: internal control).
        /// `by`: who added it; absent for the first profile of a team and in journals written
        /// before profiles were added by someone (the stored text then has no `by`).
        UserAdded {
            id: UserId,
            name: String,
            role: Role,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            by: Option<UserId>,
        },
        /// `by`: who renamed it or gave the role; absent in journals written before that.
        UserChanged {
            id: UserId,
            name: String,
            role: Role,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            by: Option<UserId>,
        },
        /// The company's details for the letterhead, set by `by` (a manager or director).
        CompanyDetailsSet { details: CompanyDetails, by: UserId },
    }
}

/// The team's sub-state: profiles in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub users: Vec<User>,
    /// The company's details, once set.
    #[serde(default)]
    pub company: Option<CompanyDetails>,
}

impl Team {
    pub fn user(&self, id: UserId) -> Option<&User> {
        find(&self.users, id, |u| u.id).map(|index| &self.users[index])
    }

    pub fn next_user(&self) -> UserId {
        UserId(self.users.last().map_or(1, |u| u.id.0 + 1))
    }

    /// Folds one team entry; an entry naming an unknown or taken id is an integrity error.
    pub fn apply(&mut self, entry: &TeamEntry) -> Result<(), FoldError> {
        match entry {
            TeamEntry::UserAdded { id, name, role, .. } => {
                check_new_id(&self.users, *id, |u| u.id, RecordKind::User, id.0)?;
                self.users.push(User {
                    id: *id,
                    name: name.clone(),
                    role: *role,
                });
            }
            TeamEntry::UserChanged { id, name, role, .. } => {
                let index = find(&self.users, *id, |u| u.id).ok_or(FoldError::Unknown {
                    record: RecordKind::User,
                    id: id.0,
                })?;
                self.users[index].name = name.clone();
                self.users[index].role = *role;
            }
            TeamEntry::CompanyDetailsSet { details, by } => {
                find(&self.users, *by, |u| u.id).ok_or(FoldError::Unknown {
                    record: RecordKind::User,
                    id: by.0,
                })?;
                self.company = Some(details.clone());
            }
        }
        Ok(())
    }
}

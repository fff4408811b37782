//! The credit policy area: the versioned policy document (score rules in `credit_policy`,
//! limit rules in `limit_policy`), its entry, and the versions journalled so far with the date
//! each took effect, so that anything asked as of a date reads the policy in force then.

pub mod alert_policy;
pub mod collection_policy;
pub mod credit_policy;
pub mod grade;
pub mod limit_policy;
pub mod steps;
pub mod templates;
pub mod versions;

pub use alert_policy::*;
pub use collection_policy::*;
pub use credit_policy::*;
pub use grade::Grade;
pub use limit_policy::*;
pub use templates::*;
pub use versions::{Policies, PolicyEntry};

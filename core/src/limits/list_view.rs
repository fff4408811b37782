//! The list view: every customer's row of the customer list for one day, with the month-end
//! grades (so every filter works on it, grade drops included) and the limit rules in force
//! that day (amounts sort in the base currency through its rates). The desk stores it beside
//! the snapshot and, on a cold open of the customer list, shows it while the snapshot decodes
//! (ARCHITECTURE.md, "Bundles": the stored views). Its rows are exactly
//! `list_rows_with_grade_drops` on the day (`tests/list.rs` compares them).
//!
//! The view does not name the journal head it was made from: the app's seal stored beside its
//! bytes does (`db::view`), and binds the bytes to it by their hash.

use super::list::{list_rows_with_grade_drops_scored, ListRow, ListSources};
use crate::credit::score::Score;
use crate::policy::LimitPolicy;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The format of a list view's stored bytes; a view of another version is made again.
pub const LIST_VIEW_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListView {
    pub version: u32,
    #[serde(with = "crate::base::dates::date_serde")]
    pub as_of: NaiveDate,
    /// The limit rules of the policy in force on `as_of` (the base currency and its rates).
    pub limits: LimitPolicy,
    /// In `ledger.customers` order, each with its grade at the previous month end.
    pub rows: Vec<ListRow>,
}

impl ListView {
    /// The view on `as_of`, from every customer's score on the day (`now`) and at the
    /// previous month end (`before`), in customer order (others are made again here).
    pub fn of(sources: ListSources<'_>, as_of: NaiveDate, now: &[Score], before: &[Score]) -> Self {
        ListView {
            version: LIST_VIEW_VERSION,
            as_of,
            limits: sources.policies.on(as_of).limits,
            rows: list_rows_with_grade_drops_scored(sources, as_of, now, before),
        }
    }

    /// The view as postcard bytes (what `decode` reads).
    pub fn encode(&self) -> Vec<u8> {
        // Plain data of known length: postcard cannot fail on it.
        postcard::to_allocvec(self).expect("a list view always serialises to postcard")
    }

    /// The view in `bytes`, or `None` when they are not a whole view of this version
    /// (trailing bytes included).
    pub fn decode(bytes: &[u8]) -> Option<ListView> {
        match postcard::take_from_bytes::<ListView>(bytes) {
            Ok((view, [])) if view.version == LIST_VIEW_VERSION => Some(view),
            _ => None,
        }
    }
}

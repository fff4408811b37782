//! The credit file's entry and sub-state: each customer's investigation records with the day
//! each was recorded, in journal order.

use crate::base::fold::{FoldError, RecordKind};
use crate::base::ids::CustomerId;
use crate::base::tagged::entry_enum;
use crate::credit::records::CreditRecord;
use crate::ledger::Ledger;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

entry_enum! {
    /// The credit file's entries. The `kind` tag and field names are the stored journal text.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    pub enum CreditEntry {
        /// An investigation record added to a customer's credit file on `recorded_on`.
        CreditRecordAdded {
            customer: CustomerId,
            #[serde(with = "crate::base::dates::date_serde")]
            recorded_on: NaiveDate,
            record: CreditRecord,
        },
    }
}

/// Every customer's credit file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditFiles {
    files: BTreeMap<CustomerId, Vec<(NaiveDate, CreditRecord)>>,
}

impl CreditFiles {
    /// The customer's records with the day each was recorded, in journal order.
    pub fn of(&self, customer: CustomerId) -> &[(NaiveDate, CreditRecord)] {
        self.files.get(&customer).map_or(&[], Vec::as_slice)
    }

    /// Every file, by customer id.
    pub fn iter(&self) -> impl Iterator<Item = (CustomerId, &[(NaiveDate, CreditRecord)])> {
        self.files.iter().map(|(id, file)| (*id, file.as_slice()))
    }

    /// Folds one entry; a record for a customer the ledger does not know is an integrity error.
    pub fn apply(&mut self, entry: &CreditEntry, ledger: &Ledger) -> Result<(), FoldError> {
        match entry {
            CreditEntry::CreditRecordAdded {
                customer,
                recorded_on,
                record,
            } => {
                if ledger.customer(*customer).is_none() {
                    return Err(FoldError::Unknown {
                        record: RecordKind::Customer,
                        id: customer.0,
                    });
                }
                self.files
                    .entry(*customer)
                    .or_default()
                    .push((*recorded_on, record.clone()));
            }
        }
        Ok(())
    }
}

//! A customer file: one customer per row, identified by its number. A new number registers
//! the customer today; a known number with the same details (the mapped columns compared) is
//! skipped; with other details it is `ChangedKnown` — an import does not edit master data.

use crate::base::ids::CustomerId;
use crate::base::money::Currency;
use crate::decide::Command;
use crate::import::mapping::Field;
use crate::import::planner::Planner;
use crate::import::problem::Problem;
use crate::import::rows::{country_code, Columns, RowReader};
use crate::import::table::Row;
use crate::ledger::CustomerDetails;
use std::collections::HashMap;

/// Payment terms of a customer whose file gives none: the most common net terms.
pub const DEFAULT_TERMS_DAYS: u32 = 30;

pub(crate) fn plan_customers(
    planner: &mut Planner,
    columns: &Columns,
    rows: &[Row],
    progress: &mut dyn FnMut(usize),
) {
    let mut first_rows: HashMap<String, usize> = HashMap::new();
    for (done, row) in rows.iter().enumerate() {
        progress(done);
        let mut reader = RowReader::new(columns, row);
        let details = read_customer(&mut reader, planner);
        let errors = std::mem::take(&mut reader.errors);
        if !errors.is_empty() {
            planner.errors.extend(errors);
            continue;
        }
        let Some(details) = details else { continue };
        if let Some(first_row) = first_rows.get(&details.number) {
            let problem = Problem::DuplicateNumber {
                number: details.number.clone(),
                first_row: *first_row,
            };
            planner.fail(row.line, columns.header(Field::CustomerNumber), problem);
            continue;
        }
        first_rows.insert(details.number.clone(), row.line);
        match planner.state.ledger.customer_by_number(&details.number) {
            Some(id) => compare_known(planner, columns, row.line, id, &details),
            None => register(planner, row.line, details),
        }
    }
}

fn register(planner: &mut Planner, row: usize, details: CustomerDetails) {
    let id = planner.next.customer;
    planner.next.customer = CustomerId(id.0 + 1);
    planner.summary.customers += 1;
    let command = Command::RegisterCustomer {
        id,
        date: planner.recorded_on,
        recorded_on: planner.recorded_on,
        details,
    };
    planner.commands.push((row, command));
}

/// The row's details; the columns the file leaves out are the known customer's (when there
/// is one) or empty, so only what the file states is compared.
fn read_customer(reader: &mut RowReader, planner: &Planner) -> Option<CustomerDetails> {
    let number = reader.required_text(Field::CustomerNumber);
    let name = reader.required_text(Field::CustomerName);
    let known = (number.as_deref())
        .and_then(|number| planner.state.ledger.customer_by_number(number))
        .and_then(|id| planner.state.ledger.customer(id))
        .map(|customer| customer.details.clone());
    let base = known.unwrap_or_else(|| CustomerDetails {
        number: String::new(),
        name: String::new(),
        registration_no: String::new(),
        industry: String::new(),
        country: String::new(),
        currency: reader.columns.mapping.currency.unwrap_or(Currency::CNY),
        payment_terms_days: DEFAULT_TERMS_DAYS,
        contact: String::new(),
        group: String::new(),
        discount: None,
    });
    let mut text = |field: Field, known: String| -> String {
        if reader.columns.has(field) {
            reader.text(field).unwrap_or_default()
        } else {
            known
        }
    };
    let registration_no = text(Field::RegistrationNo, base.registration_no);
    let industry = text(Field::Industry, base.industry);
    let country = country_code(&text(Field::Country, base.country));
    let contact = text(Field::Contact, base.contact);
    let group = text(Field::Group, base.group);
    let written = reader.present(Field::Currency);
    let currency = reader.currency().or(reader.columns.mapping.currency);
    if currency.is_none() && !written {
        reader.fail(Some(Field::Currency), Problem::Missing(Field::Currency));
    }
    let terms = reader.terms().unwrap_or(base.payment_terms_days);
    Some(CustomerDetails {
        number: number?,
        name: name?,
        registration_no,
        industry,
        country,
        currency: currency?,
        payment_terms_days: terms,
        contact,
        group,
        discount: base.discount,
    })
}

fn compare_known(
    planner: &mut Planner,
    columns: &Columns,
    row: usize,
    id: CustomerId,
    details: &CustomerDetails,
) {
    let same = planner
        .state
        .ledger
        .customer(id)
        .is_some_and(|customer| customer.details == *details);
    if same {
        planner.summary.already_known += 1;
    } else {
        let problem = Problem::ChangedKnown {
            number: details.number.clone(),
        };
        planner.fail(row, columns.header(Field::CustomerNumber), problem);
    }
}

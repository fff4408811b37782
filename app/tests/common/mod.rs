//! What the storage tests share: typed amounts and dates, a fresh database, and the small
//! journal of a customer, an invoice and a part payment they write.
#![allow(dead_code)]

use chrono::NaiveDate;
use creditdesk_app::db;
use creditdesk_core::decide::{AllocationChoice, Command};
use creditdesk_core::{Amount, Currency, CustomerDetails, CustomerId, InvoiceId, PaymentId};
use indexed_db_futures::database::Database;
use rust_decimal::Decimal;

/// A checked CNY amount: an amount of the ledger or a limit, as the command's field asks.
pub fn cny<S: creditdesk_core::base::money::Sign>(text: &str) -> Amount<S> {
    Amount::try_new(text.parse::<Decimal>().expect("decimal"), Currency::CNY).expect("an amount")
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test dates are valid")
}

/// The database `name`, deleted first, opened at `version`.
pub async fn fresh(name: &str, version: u32) -> Database {
    if let Ok(request) = Database::delete_by_name(name) {
        let _ = request.await;
    }
    db::open(name, version, || {}, || {})
        .await
        .expect("database opens")
}

/// Register a customer, issue an invoice, receive a part payment.
pub fn commands() -> Vec<Command> {
    let details = CustomerDetails {
        number: "C1".into(),
        name: "上海华信机械有限公司".into(),
        registration_no: String::new(),
        industry: "机械制造".into(),
        country: "CN".into(),
        currency: Currency::CNY,
        payment_terms_days: 30,
        contact: String::new(),
        group: String::new(),
        discount: None,
    };
    vec![
        Command::RegisterCustomer {
            id: CustomerId(1),
            date: date("2026-01-05"),
            recorded_on: date("2026-01-05"),
            details,
        },
        Command::IssueInvoice {
            id: InvoiceId(1),
            customer: CustomerId(1),
            number: "INV-1".into(),
            issue_date: date("2026-01-10"),
            terms_days: None,
            due_date: None,
            amount: cny("1000.00"),
        },
        payment(1, "400.00"),
    ]
}

/// Payment `id` of `amount` from customer 1 on 2026-02-01, the oldest invoice paid first.
pub fn payment(id: u32, amount: &str) -> Command {
    Command::ReceivePayment {
        id: PaymentId(id),
        customer: CustomerId(1),
        date: date("2026-02-01"),
        recorded_on: date("2026-02-01"),
        amount: cny(amount),
        reference: format!("BANK-{id}"),
        allocation: AllocationChoice::OldestFirst,
    }
}

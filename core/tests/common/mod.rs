//! Helpers shared by the core's integration tests: terse constructors for dates, amounts and
//! customer details, and a `Ledger` that decides commands and folds the accepted entries.
#![allow(dead_code)] // Each test crate uses a different subset of these helpers.

use chrono::NaiveDate;
use creditdesk_core::team::Role;
use creditdesk_core::*;
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|_| panic!("test date {text:?} is not YYYY-MM-DD"))
}

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|_| panic!("test amount {text:?} is not a decimal"))
}

pub fn jpy() -> Currency {
    Currency::parse("JPY").expect("JPY is a known currency")
}

/// A checked CNY amount; the test fails when the text is none.
pub fn cny(text: &str) -> Amount {
    money(text, Currency::CNY)
}

/// A checked amount; the test fails when the text is none.
pub fn money(text: &str, currency: Currency) -> Amount {
    Amount::try_new(dec(text), currency)
        .unwrap_or_else(|error| panic!("test amount {text} {currency} is no amount: {error:?}"))
}

/// A checked limit (zero or more).
pub fn limit(text: &str, currency: Currency) -> Amount<NonNegative> {
    Amount::try_new(dec(text), currency)
        .unwrap_or_else(|error| panic!("test limit {text} {currency} is no limit: {error:?}"))
}

/// A plain figure, unchecked (what a check is asked about, a derived figure).
pub fn plain(text: &str, currency: Currency) -> Money {
    Money::new(dec(text), currency)
}

pub fn details(number: &str, name: &str, currency: Currency, terms: u32) -> CustomerDetails {
    CustomerDetails {
        number: number.to_string(),
        name: name.to_string(),
        registration_no: String::new(),
        industry: String::new(),
        country: "CN".to_string(),
        currency,
        payment_terms_days: terms,
        contact: String::new(),
        group: String::new(),
        discount: None,
    }
}

/// A portfolio built through `decide` and `Portfolio::apply`, as the shell does.
#[derive(Clone, Default)]
pub struct Ledger {
    pub state: Portfolio,
    pub entries: Vec<Entry>,
}

impl Ledger {
    /// Decides a command that must be accepted and folds its entries.
    pub fn run(&mut self, command: Command) -> Vec<Entry> {
        let entries = decide(&self.state, &command)
            .unwrap_or_else(|rejection| panic!("{command:?} was rejected: {rejection:?}"));
        for entry in &entries {
            self.state
                .apply(entry)
                .expect("decided entries fit the state");
        }
        self.entries.extend(entries.iter().cloned());
        entries
    }

    /// A director's profile, to change policies with: the team's first profile (made by
    /// nobody), or added by the first profile, which must then be a director.
    pub fn director(&mut self) -> UserId {
        let id = self.state.next_ids().user;
        let by = (id != UserId(1)).then_some(UserId(1));
        self.run(Command::AddUser {
            id,
            name: format!("Director {}", id.0),
            role: Role::Director,
            by,
        });
        id
    }

    pub fn register(
        &mut self,
        number: &str,
        name: &str,
        currency: Currency,
        terms: u32,
    ) -> CustomerId {
        let id = self.state.next_ids().customer;
        let details = details(number, name, currency, terms);
        self.run(Command::RegisterCustomer {
            id,
            date: date("2025-01-01"),
            recorded_on: date("2025-01-01"),
            details,
        });
        id
    }

    /// An invoice on the customer's terms.
    pub fn invoice(
        &mut self,
        customer: CustomerId,
        number: &str,
        issue: &str,
        amount: Amount,
    ) -> InvoiceId {
        self.invoice_due(customer, number, issue, None, amount)
    }

    /// An invoice with an explicit due date (`None`: issue date + the customer's terms).
    pub fn invoice_due(
        &mut self,
        customer: CustomerId,
        number: &str,
        issue: &str,
        due: Option<&str>,
        amount: Amount,
    ) -> InvoiceId {
        let id = self.state.next_ids().invoice;
        self.run(Command::IssueInvoice {
            id,
            customer,
            number: number.to_string(),
            issue_date: date(issue),
            terms_days: None,
            due_date: due.map(date),
            amount,
        });
        id
    }

    pub fn pay(
        &mut self,
        customer: CustomerId,
        on: &str,
        amount: Amount,
        allocation: AllocationChoice,
    ) -> PaymentId {
        let id = self.state.next_ids().payment;
        self.run(Command::ReceivePayment {
            id,
            customer,
            date: date(on),
            recorded_on: date(on),
            amount,
            reference: format!("BANK-{}", id.0),
            allocation,
        });
        id
    }

    pub fn credit(
        &mut self,
        customer: CustomerId,
        on: &str,
        amount: Amount,
        allocation: AllocationChoice,
    ) -> CreditNoteId {
        let id = self.state.next_ids().credit_note;
        self.run(Command::IssueCreditNote {
            id,
            customer,
            number: format!("CN-{}", id.0),
            date: date(on),
            recorded_on: date(on),
            amount,
            reason: "price adjustment".to_string(),
            allocation,
        });
        id
    }

    pub fn write_off(&mut self, invoice: InvoiceId, on: &str, amount: Option<&str>) {
        self.run(Command::WriteOffInvoice {
            invoice,
            date: date(on),
            recorded_on: date(on),
            amount: amount.map(|text| self.in_currency_of(invoice, text)),
            reason: "insolvent".to_string(),
        });
    }

    pub fn order(&mut self, customer: CustomerId, on: &str, amount: Amount) -> OrderId {
        let id = self.state.next_ids().order;
        self.run(Command::OpenOrder {
            id,
            customer,
            number: format!("SO-{}", id.0),
            date: date(on),
            amount,
        });
        id
    }

    pub fn dispute(&mut self, invoice: InvoiceId, on: &str, amount: Option<&str>) -> DisputeId {
        let id = self.state.next_ids().dispute;
        self.run(Command::OpenDispute {
            id,
            invoice,
            date: date(on),
            amount: amount.map(|text| self.in_currency_of(invoice, text)),
            reason: "quality claim".to_string(),
            details: Default::default(),
        });
        id
    }

    /// An amount in the invoice's currency.
    pub fn in_currency_of(&self, invoice: InvoiceId, text: &str) -> Amount {
        let invoice = self
            .state
            .ledger
            .invoice(invoice)
            .expect("the invoice is issued");
        money(text, invoice.amount.currency())
    }

    pub fn customer(&self, id: CustomerId) -> &Customer {
        self.state
            .ledger
            .customer(id)
            .expect("the customer is registered")
    }

    pub fn open(&self, id: InvoiceId) -> Decimal {
        self.state
            .ledger
            .invoice(id)
            .expect("the invoice is issued")
            .open()
    }
}

/// Manual allocations from `(invoice, amount)` pairs, in CNY.
pub fn manual(parts: &[(InvoiceId, &str)]) -> AllocationChoice {
    manual_in(Currency::CNY, parts)
}

/// Manual allocations from `(invoice, amount)` pairs, in `currency`.
pub fn manual_in(currency: Currency, parts: &[(InvoiceId, &str)]) -> AllocationChoice {
    AllocationChoice::Manual(
        parts
            .iter()
            .map(|(invoice, amount)| Allocation {
                invoice: *invoice,
                amount: money(amount, currency),
            })
            .collect(),
    )
}

/// Six sealed events from a small ledger, each chained to the one before.
pub fn chain() -> Vec<SealedEvent> {
    let mut ledger = Ledger::default();
    let mut sealed: Vec<SealedEvent> = Vec::new();
    let mut seal = |entries: Vec<Entry>| {
        let head = sealed.last().map(SealedEvent::head);
        let at = Timestamp(1_780_000_000_000 + sealed.len() as i64 * 60_000);
        sealed.push(SealedEvent::seal(head, at, "credit.manager", entries));
    };
    let id = ledger.state.next_ids().customer;
    seal(ledger.run(Command::RegisterCustomer {
        id,
        date: date("2026-01-02"),
        recorded_on: date("2026-01-02"),
        details: details("C000001", "华信机械", Currency::CNY, 30),
    }));
    let invoice = ledger.state.next_ids().invoice;
    seal(ledger.run(Command::IssueInvoice {
        id: invoice,
        customer: id,
        number: "INV-1".to_string(),
        issue_date: date("2026-01-05"),
        terms_days: None,
        due_date: None,
        amount: cny("1000.00"),
    }));
    let payment = ledger.state.next_ids().payment;
    seal(ledger.run(Command::ReceivePayment {
        id: payment,
        customer: id,
        date: date("2026-02-01"),
        recorded_on: date("2026-02-01"),
        amount: cny("400.00"),
        reference: "BANK-1".to_string(),
        allocation: AllocationChoice::OldestFirst,
    }));
    let order = ledger.state.next_ids().order;
    seal(ledger.run(Command::OpenOrder {
        id: order,
        customer: id,
        number: "SO-1".to_string(),
        date: date("2026-02-02"),
        amount: cny("50.00"),
    }));
    seal(ledger.run(Command::WriteOffInvoice {
        invoice,
        date: date("2026-02-03"),
        recorded_on: date("2026-02-03"),
        amount: Some(cny("1.00")),
        reason: "rounding".to_string(),
    }));
    seal(ledger.run(Command::CloseOrder {
        id: order,
        date: date("2026-02-04"),
        closure: OrderClosure::Invoiced,
    }));
    sealed
}

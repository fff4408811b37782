//! Invoices, payments, credit notes and orders: one per row, each naming its customer by
//! number. A customer the portfolio does not know is created from the file when the row
//! gives its name (dated on its first document here), else the row is `UnknownCustomer`.
//!
//! An invoice register's settlement date makes a payment of the invoice's open amount, dated
//! then and allocated to it, so days beyond terms are right from the first day. A payments
//! file's invoice number allocates the payment to that invoice (up to what is open); a payment
//! whose reference matches nothing, or that is more than is open, is unapplied cash, listed in
//! the summary.

use crate::base::ids::*;
use crate::base::money::{Amount, Currency, Money};
use crate::decide::{AllocationChoice, Command};
use crate::import::customers::DEFAULT_TERMS_DAYS;
use crate::import::mapping::{Field, Target};
use crate::import::planner::{Planner, Unapplied};
use crate::import::problem::Problem;
use crate::import::rows::{Columns, RowReader};
use crate::import::table::Row;
use crate::ledger::{Allocation, CustomerDetails};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A customer the rows name.
#[derive(Clone, Copy, Debug)]
struct Account {
    id: CustomerId,
    currency: Currency,
    /// Its "customer since" when the portfolio knows it; `None` when this import creates it.
    since: Option<NaiveDate>,
    /// The earliest document date the import gives it, and that row.
    earliest: NaiveDate,
    earliest_row: usize,
}

/// What one row states, before its amount is read.
struct Line {
    row: usize,
    customer: String,
    name: Option<String>,
    number: Option<String>,
    date: NaiveDate,
    due: Option<NaiveDate>,
    terms: Option<u32>,
    settled: Option<NaiveDate>,
    invoice: Option<String>,
    reason: Option<String>,
    currency: Option<Currency>,
}

/// Payments the portfolio has, by (customer, reference, date, amount), and which references
/// each customer's payments use; built once, on the first payment row.
#[derive(Default)]
struct KnownPayments {
    by_key: HashMap<(CustomerId, String, NaiveDate, Decimal), usize>,
    references: std::collections::HashSet<(CustomerId, String)>,
}

struct Documents<'p, 's> {
    planner: &'p mut Planner<'s>,
    columns: &'p Columns<'p>,
    accounts: HashMap<String, Account>,
    /// New customers in order of first appearance: row, id, details.
    registrations: Vec<(usize, CustomerDetails)>,
    documents: Vec<(usize, Command)>,
    payments: Vec<(usize, Command)>,
    /// Document numbers seen in the file, with their first row.
    numbers: HashMap<String, usize>,
    /// What is open on an invoice after this import's allocations so far.
    open: HashMap<InvoiceId, Decimal>,
    known_payments: Option<KnownPayments>,
    order_numbers: Option<HashMap<String, OrderId>>,
}

pub(crate) fn plan_documents(
    planner: &mut Planner,
    columns: &Columns,
    rows: &[Row],
    progress: &mut dyn FnMut(usize),
) {
    let mut documents = Documents {
        planner,
        columns,
        accounts: HashMap::new(),
        registrations: Vec::new(),
        documents: Vec::with_capacity(rows.len()),
        payments: Vec::new(),
        numbers: HashMap::with_capacity(rows.len()),
        open: HashMap::new(),
        known_payments: None,
        order_numbers: None,
    };
    for (done, row) in rows.iter().enumerate() {
        progress(done);
        documents.row(row);
    }
    documents.finish();
}

impl Documents<'_, '_> {
    fn target(&self) -> Target {
        self.columns.mapping.target
    }

    fn fail(&mut self, row: usize, field: Option<Field>, problem: Problem) {
        let column = field.and_then(|field| self.columns.header(field));
        self.planner.fail(row, column, problem);
    }

    fn row(&mut self, row: &Row) {
        let mut reader = RowReader::new(self.columns, row);
        let line = self.read_line(&mut reader);
        let account = line
            .as_ref()
            .and_then(|line| self.account(&mut reader, line));
        let currency = (line.as_ref().and_then(|line| line.currency))
            .or(self.columns.mapping.currency)
            .or(account.map(|account| account.currency));
        let amount = currency.and_then(|currency| reader.amount(currency));
        if let (Some(line), Some(account)) = (&line, account) {
            if let Some(found) = line.currency.filter(|found| *found != account.currency) {
                let problem = Problem::MixedCurrency {
                    found,
                    account: account.currency,
                };
                reader.fail(Some(Field::Currency), problem);
            }
        }
        let errors = std::mem::take(&mut reader.errors);
        if !errors.is_empty() {
            self.planner.errors.extend(errors);
            return;
        }
        let (Some(line), Some(account), Some(amount)) = (line, account, amount) else {
            return;
        };
        let account = self.keep_account(&line, account);
        match self.target() {
            Target::Invoices => self.invoice(&line, account, amount),
            Target::Payments => self.payment(&line, account, amount),
            Target::CreditNotes => self.credit_note(&line, account, amount),
            Target::Orders | Target::Customers => self.order(&line, account, amount),
        }
    }

    fn read_line(&self, reader: &mut RowReader) -> Option<Line> {
        let target = self.target();
        let customer = reader.required_text(Field::CustomerNumber);
        let name = reader.text(Field::CustomerName);
        let number = if target == Target::Payments {
            reader.text(Field::DocumentNumber)
        } else {
            reader.required_text(Field::DocumentNumber)
        };
        let date_field = if target == Target::Payments {
            Field::PaymentDate
        } else {
            Field::IssueDate
        };
        let date = reader.required_date(date_field);
        let due = reader.date(Field::DueDate);
        let terms = reader.terms();
        let settled = reader.date(Field::SettledDate);
        let invoice = reader.text(Field::InvoiceNumber);
        let reason = reader.text(Field::Reason);
        let currency = reader.currency();
        if let (Some(date), Some(settled)) = (date, settled) {
            if settled < date {
                reader.fail(Some(Field::SettledDate), Problem::SettledBeforeIssue);
            }
        }
        Some(Line {
            row: reader.row.line,
            customer: customer?,
            name,
            number,
            date: date?,
            due,
            terms,
            settled,
            invoice,
            reason,
            currency,
        })
    }
}

impl Documents<'_, '_> {
    /// The row's customer: one this import already met, the portfolio's, or a new one made
    /// from the row's name and currency. Kept (and its id taken) only once the row is good.
    fn account(&mut self, reader: &mut RowReader, line: &Line) -> Option<Account> {
        if let Some(account) = self.accounts.get(&line.customer) {
            return Some(*account);
        }
        let ledger = &self.planner.state.ledger;
        if let Some(customer) = ledger
            .customer_by_number(&line.customer)
            .and_then(|id| ledger.customer(id))
        {
            return Some(Account {
                id: customer.id,
                currency: customer.details.currency,
                since: Some(customer.registered_on),
                earliest: line.date,
                earliest_row: line.row,
            });
        }
        if line.name.is_none() {
            let problem = Problem::UnknownCustomer(line.customer.clone());
            reader.fail(Some(Field::CustomerNumber), problem);
            return None;
        }
        let Some(currency) = line.currency.or(self.columns.mapping.currency) else {
            reader.fail(Some(Field::Currency), Problem::Missing(Field::Currency));
            return None;
        };
        Some(Account {
            id: self.planner.next.customer,
            currency,
            since: None,
            earliest: line.date,
            earliest_row: line.row,
        })
    }

    /// Records the account of a good row: a new customer is registered (its id taken), and
    /// the earliest date it is given is kept.
    fn keep_account(&mut self, line: &Line, account: Account) -> Account {
        let earliest = line.settled.map_or(line.date, |s| s.min(line.date));
        let entry = self.accounts.entry(line.customer.clone());
        let kept = entry.or_insert_with(|| {
            if account.since.is_none() {
                self.planner.next.customer = CustomerId(account.id.0 + 1);
                self.registrations
                    .push((line.row, new_customer(line, account.currency)));
            }
            account
        });
        if earliest < kept.earliest {
            kept.earliest = earliest;
            kept.earliest_row = line.row;
        }
        *kept
    }

    /// A document number not seen before in the file.
    fn first_in_file(&mut self, line: &Line, number: &str) -> bool {
        if let Some(first_row) = self.numbers.get(number) {
            let problem = Problem::DuplicateNumber {
                number: number.to_string(),
                first_row: *first_row,
            };
            self.fail(line.row, Some(Field::DocumentNumber), problem);
            return false;
        }
        self.numbers.insert(number.to_string(), line.row);
        true
    }

    fn known(&mut self) {
        self.planner.summary.already_known += 1;
    }

    fn changed(&mut self, line: &Line, number: &str) {
        let problem = Problem::ChangedKnown {
            number: number.to_string(),
        };
        self.fail(line.row, Some(Field::DocumentNumber), problem);
    }

    fn invoice(&mut self, line: &Line, account: Account, amount: Amount) {
        let number = line.number.clone().unwrap_or_default();
        if !self.first_in_file(line, &number) {
            return;
        }
        let ledger = &self.planner.state.ledger;
        if let Some(invoice) = ledger
            .invoice_by_number(&number)
            .and_then(|id| ledger.invoice(id))
        {
            let same = invoice.customer == account.id
                && invoice.issue_date == line.date
                && invoice.amount == amount
                && line.due.is_none_or(|due| due == invoice.due_date)
                && line.terms.is_none_or(|terms| terms == invoice.terms_days);
            let (id, open) = (invoice.id, invoice.open());
            match (same, line.settled) {
                (false, _) => self.changed(line, &number),
                (true, Some(settled)) if self.open_on(id, open) > Decimal::ZERO => {
                    let open = self.open_on(id, open);
                    self.settle(line, account, id, settled, open);
                }
                (true, _) => self.known(),
            }
            return;
        }
        let id = self.planner.next.invoice;
        self.planner.next.invoice = InvoiceId(id.0 + 1);
        self.planner.summary.invoices += 1;
        let command = Command::IssueInvoice {
            id,
            customer: account.id,
            number,
            issue_date: line.date,
            terms_days: line.terms,
            due_date: line.due,
            amount,
        };
        self.documents.push((line.row, command));
        if let Some(settled) = line.settled {
            self.open.insert(id, amount.value());
            self.settle(line, account, id, settled, amount.value());
        }
    }

    /// What is open on an invoice now: the portfolio's, less this import's allocations.
    fn open_on(&self, id: InvoiceId, open_in_portfolio: Decimal) -> Decimal {
        self.open.get(&id).copied().unwrap_or(open_in_portfolio)
    }

    /// The payment a settlement date stands for: what is open, allocated to the invoice.
    fn settle(
        &mut self,
        line: &Line,
        account: Account,
        id: InvoiceId,
        date: NaiveDate,
        open: Decimal,
    ) {
        let Ok(amount) = Amount::try_new(open, account.currency) else {
            return;
        };
        self.open.insert(id, Decimal::ZERO);
        let allocation = AllocationChoice::Manual(vec![Allocation {
            invoice: id,
            amount,
        }]);
        let reference = line.number.clone().unwrap_or_default();
        self.push_payment(line.row, account, date, amount, reference, allocation);
    }

    fn push_payment(
        &mut self,
        row: usize,
        account: Account,
        date: NaiveDate,
        amount: Amount,
        reference: String,
        allocation: AllocationChoice,
    ) {
        let id = self.planner.next.payment;
        self.planner.next.payment = PaymentId(id.0 + 1);
        self.planner.summary.payments += 1;
        let command = Command::ReceivePayment {
            id,
            customer: account.id,
            date,
            recorded_on: self.planner.recorded_on,
            amount,
            reference,
            allocation,
        };
        self.payments.push((row, command));
    }
}

/// A customer made from a document row: number, name and currency; the row's terms, else
/// its due date's, else the default.
fn new_customer(line: &Line, currency: Currency) -> CustomerDetails {
    let by_due = line
        .due
        .map(|due| (due - line.date).num_days())
        .filter(|days| (0..=i64::from(crate::base::input::TERMS_DAYS_MAX)).contains(days));
    let terms = line
        .terms
        .or(by_due.map(|days| days as u32))
        .unwrap_or(DEFAULT_TERMS_DAYS);
    CustomerDetails {
        number: line.customer.clone(),
        name: line.name.clone().unwrap_or_default(),
        registration_no: String::new(),
        industry: String::new(),
        country: String::new(),
        currency,
        payment_terms_days: terms,
        contact: String::new(),
        group: String::new(),
        discount: None,
    }
}

impl Documents<'_, '_> {
    fn known_payments(&mut self) -> &mut KnownPayments {
        let payments = &self.planner.state.ledger.payments;
        self.known_payments.get_or_insert_with(|| {
            let mut known = KnownPayments::default();
            for payment in payments {
                let key = (payment.customer, payment.reference.clone());
                let full = (key.0, key.1.clone(), payment.date, payment.amount.value());
                *known.by_key.entry(full).or_insert(0) += 1;
                known.references.insert(key);
            }
            known
        })
    }

    /// A payment the portfolio already has (each known one matches one row), or one whose
    /// receipt number it has with another date or amount.
    fn payment_known(
        &mut self,
        line: &Line,
        account: Account,
        amount: Amount,
        reference: &str,
    ) -> bool {
        let key = (account.id, reference.to_string(), line.date, amount.value());
        let known = self.known_payments();
        if let Some(count) = known.by_key.get_mut(&key).filter(|count| **count > 0) {
            *count -= 1;
            self.known();
            return true;
        }
        let receipt_known = known
            .references
            .contains(&(account.id, reference.to_string()));
        if line.number.is_some() && receipt_known {
            self.changed(line, reference);
            return true;
        }
        false
    }

    fn payment(&mut self, line: &Line, account: Account, amount: Amount) {
        let reference = (line.number.clone())
            .or(line.invoice.clone())
            .unwrap_or_default();
        if let Some(number) = &line.number {
            if !self.first_in_file(line, number) {
                return;
            }
        }
        if account.since.is_some() && self.payment_known(line, account, amount, &reference) {
            return;
        }
        let Some(allocation) = self.allocation(line, account, amount, false) else {
            return;
        };
        self.push_payment(line.row, account, line.date, amount, reference, allocation);
    }

    /// The allocation to the invoice the row names, up to what is open on it. For a payment,
    /// what is not allocated (no invoice named, none matching, more than is open) is listed
    /// as unapplied cash; a credit note naming no known invoice is an error.
    fn allocation(
        &mut self,
        line: &Line,
        account: Account,
        amount: Amount,
        credit: bool,
    ) -> Option<AllocationChoice> {
        let ledger = &self.planner.state.ledger;
        let invoice = (line.invoice.as_deref())
            .and_then(|number| ledger.invoice_by_number(number))
            .and_then(|id| ledger.invoice(id));
        let mut allocated = Decimal::ZERO;
        let mut choice = AllocationChoice::Unapplied;
        match invoice {
            Some(invoice) if invoice.customer != account.id => {
                let owner = ledger.customer(invoice.customer);
                let problem = Problem::InvoiceOfOtherCustomer {
                    invoice: invoice.number.clone(),
                    customer: owner.map(|c| c.details.number.clone()).unwrap_or_default(),
                };
                self.fail(line.row, Some(Field::InvoiceNumber), problem);
                return None;
            }
            Some(invoice) => {
                let id = invoice.id;
                let open = self.open_on(id, invoice.open());
                allocated = open.min(amount.value());
                if let Ok(part) = Amount::try_new(allocated, amount.currency()) {
                    self.open.insert(id, open - allocated);
                    choice = AllocationChoice::Manual(vec![Allocation {
                        invoice: id,
                        amount: part,
                    }]);
                }
            }
            None if credit && line.invoice.is_some() => {
                let number = line.invoice.clone().unwrap_or_default();
                self.fail(
                    line.row,
                    Some(Field::InvoiceNumber),
                    Problem::UnknownInvoice(number),
                );
                return None;
            }
            None => {}
        }
        let left = amount.value() - allocated;
        if !credit && left > Decimal::ZERO {
            self.planner.summary.unapplied.push(Unapplied {
                row: line.row,
                customer: line.customer.clone(),
                money: Money::new(left, amount.currency()),
            });
        }
        Some(choice)
    }

    fn credit_note(&mut self, line: &Line, account: Account, amount: Amount) {
        let number = line.number.clone().unwrap_or_default();
        if !self.first_in_file(line, &number) {
            return;
        }
        let ledger = &self.planner.state.ledger;
        let known = (ledger.credit_note_by_number(&number)).and_then(|id| ledger.credit_note(id));
        if let Some(note) = known {
            let same =
                note.customer == account.id && note.date == line.date && note.amount == amount;
            if same {
                self.known();
            } else {
                self.changed(line, &number);
            }
            return;
        }
        let Some(allocation) = self.allocation(line, account, amount, true) else {
            return;
        };
        let id = self.planner.next.credit_note;
        self.planner.next.credit_note = CreditNoteId(id.0 + 1);
        self.planner.summary.credit_notes += 1;
        let command = Command::IssueCreditNote {
            id,
            customer: account.id,
            number,
            date: line.date,
            recorded_on: self.planner.recorded_on,
            amount,
            reason: line.reason.clone().unwrap_or_default(),
            allocation,
        };
        self.documents.push((line.row, command));
    }

    fn order(&mut self, line: &Line, account: Account, amount: Amount) {
        let number = line.number.clone().unwrap_or_default();
        if !self.first_in_file(line, &number) {
            return;
        }
        let ledger = &self.planner.state.ledger;
        let numbers = self.order_numbers.get_or_insert_with(|| {
            (ledger.orders.iter())
                .map(|o| (o.number.clone(), o.id))
                .collect()
        });
        if let Some(order) = numbers.get(&number).and_then(|id| ledger.order(*id)) {
            let same =
                order.customer == account.id && order.date == line.date && order.amount == amount;
            if same {
                self.known();
            } else {
                self.changed(line, &number);
            }
            return;
        }
        let id = self.planner.next.order;
        self.planner.next.order = OrderId(id.0 + 1);
        self.planner.summary.orders += 1;
        let command = Command::OpenOrder {
            id,
            customer: account.id,
            number,
            date: line.date,
            amount,
        };
        self.documents.push((line.row, command));
    }

    /// The commands in the order they can be decided: new customers (dated on their first
    /// document), known customers' dates moved back, the documents, then the payments.
    fn finish(self) {
        let recorded_on = self.planner.recorded_on;
        let mut accounts: Vec<Account> = self.accounts.values().copied().collect();
        accounts.sort_by_key(|account| account.id);
        let planner = self.planner;
        let mut registrations = self.registrations.into_iter();
        for account in accounts {
            let (id, earliest) = (account.id, account.earliest);
            match account.since {
                None => {
                    let Some((row, details)) = registrations.next() else {
                        break;
                    };
                    planner.summary.customers += 1;
                    let date = earliest.min(recorded_on);
                    let command = Command::RegisterCustomer {
                        id,
                        date,
                        recorded_on,
                        details,
                    };
                    planner.commands.push((row, command));
                }
                Some(since) if earliest < since => {
                    planner.summary.since_moved += 1;
                    let command = Command::ChangeCustomerSince {
                        id,
                        since: earliest,
                        recorded_on,
                    };
                    planner.commands.push((account.earliest_row, command));
                }
                Some(_) => {}
            }
        }
        planner.commands.extend(self.documents);
        planner.commands.extend(self.payments);
    }
}

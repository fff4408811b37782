//! Amounts read back are checked, never trusted: a stored entry whose amount is no amount —
//! more decimals than its currency has, zero or negative where the ledger needs positive,
//! beyond the largest amount — makes its event an integrity error naming it. Where the entry
//! states the currency (`{"amount":…,"currency":…}`) the event does not read; where the
//! currency is the invoice's (a bare `"amount":"…"` of an allocation, write-off or dispute)
//! its sign and bound are checked on reading and its decimals by the fold, against the
//! invoice.

mod common;

use common::*;
use creditdesk_core::base::fold::FoldError;
use creditdesk_core::team::Role;
use creditdesk_core::*;

/// A CNY customer with invoice 1 of CNY 1,000.00 and a user, sealed as three events.
fn journal() -> Vec<SealedEvent> {
    let mut ledger = Ledger::default();
    let mut sealed: Vec<SealedEvent> = Vec::new();
    let mut seal = |entries: Vec<Entry>| {
        let head = sealed.last().map(SealedEvent::head);
        let at = Timestamp(1_780_000_000_000 + sealed.len() as i64 * 60_000);
        sealed.push(SealedEvent::seal(head, at, "credit.manager", entries));
    };
    let customer = ledger.state.next_ids().customer;
    seal(ledger.run(Command::RegisterCustomer {
        id: customer,
        date: date("2026-01-02"),
        recorded_on: date("2026-01-02"),
        details: details("C000001", "华信机械", Currency::CNY, 30),
    }));
    seal(ledger.run(Command::IssueInvoice {
        id: ledger.state.next_ids().invoice,
        customer,
        number: "INV-1".to_string(),
        issue_date: date("2026-01-05"),
        terms_days: None,
        due_date: None,
        amount: cny("1000.00"),
    }));
    seal(ledger.run(Command::AddUser {
        id: ledger.state.next_ids().user,
        name: "Li Na".to_string(),
        role: Role::Manager,
        by: None,
    }));
    sealed
}

/// The stored journal with one more event holding `entry`, written as stored text by hand
/// and chained to the last event like any other.
fn with_entry(entry: &str) -> Vec<String> {
    let sealed = journal();
    let head = sealed.last().expect("events").head();
    let mut texts: Vec<String> = sealed.into_iter().map(|s| s.text).collect();
    texts.push(format!(
        r#"{{"seq":{},"at":1780000600000,"actor":"x","prev_hash":"{}","entries":[{entry}]}}"#,
        head.seq + 1,
        head.hash.to_hex()
    ));
    texts
}

fn replay(entry: &str) -> Result<Portfolio, ChainBreak> {
    let texts = with_entry(entry);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    verify(&texts, None, None).expect("the chain itself is intact");
    Portfolio::replay(&texts)
}

fn invoice(amount: &str) -> String {
    format!(
        r#"{{"kind":"InvoiceIssued","id":2,"customer":1,"number":"INV-2","issue_date":"2026-01-06","due_date":"2026-02-05","terms_days":30,"amount":{{"amount":"{amount}","currency":"CNY"}}}}"#
    )
}

fn payment(allocated: &str) -> String {
    format!(
        r#"{{"kind":"PaymentReceived","id":1,"customer":1,"date":"2026-01-10","amount":{{"amount":"100.00","currency":"CNY"}},"reference":"R","allocations":[{{"invoice":1,"amount":"{allocated}"}}]}}"#
    )
}

fn write_off(amount: &str) -> String {
    format!(
        r#"{{"kind":"InvoiceWrittenOff","invoice":1,"date":"2026-01-10","amount":"{amount}","reason":""}}"#
    )
}

fn dispute(amount: &str) -> String {
    format!(
        r#"{{"kind":"DisputeOpened","id":1,"invoice":1,"date":"2026-01-10","amount":"{amount}","reason":""}}"#
    )
}

fn limit_request(amount: &str) -> String {
    format!(
        r#"{{"kind":"LimitRequested","id":1,"customer":1,"date":"2026-01-10","by":1,"amount":{{"amount":"{amount}","currency":"CNY"}},"reason":"r","until":null}}"#
    )
}

fn credit_report(amount: &str) -> String {
    format!(
        r#"{{"kind":"CreditRecordAdded","customer":1,"recorded_on":"2026-01-10","record":{{"Report":{{"agency":"A","report_date":"2026-01-09","rating":"BBB","recommended_limit":{{"amount":"{amount}","currency":"CNY"}},"notes":""}}}}}}"#
    )
}

const UNREADABLE: Result<(), ChainBreak> = Err(ChainBreak::Unreadable { position: 3 });

fn outcome(entry: &str) -> Result<(), ChainBreak> {
    replay(entry).map(|_| ())
}

#[test]
fn the_hand_written_entries_read_when_their_amounts_are_amounts() {
    for entry in [
        invoice("10.50"),
        payment("100.00"),
        write_off("1.50"),
        dispute("2"),
        limit_request("0"),
        limit_request("5000.00"),
        credit_report("800000.00"),
    ] {
        assert_eq!(outcome(&entry), Ok(()), "{entry}");
    }
    let state = replay(&write_off("1.50")).expect("replays");
    let invoice = state.ledger.invoice(InvoiceId(1)).expect("invoice 1");
    assert_eq!(invoice.open(), dec("998.50"));
}

#[test]
fn an_amount_that_states_its_currency_and_is_none_does_not_read() {
    for amount in ["1.234", "0", "-5", "0.00", "10000000000000.01"] {
        assert_eq!(outcome(&invoice(amount)), UNREADABLE, "invoice {amount}");
        assert_eq!(
            outcome(&credit_report(amount)),
            UNREADABLE,
            "report {amount}"
        );
    }
    for amount in ["1.234", "-5", "-0.01", "10000000000000.01"] {
        assert_eq!(
            outcome(&limit_request(amount)),
            UNREADABLE,
            "limit {amount}"
        );
    }
    let yen = invoice("1").replace(r#""1","currency":"CNY""#, r#""10.5","currency":"JPY""#);
    assert_eq!(outcome(&yen), UNREADABLE);
}

#[test]
fn a_part_of_an_invoice_that_is_not_positive_or_too_large_does_not_read() {
    for amount in ["0", "-5", "0.00", "10000000000000.01"] {
        assert_eq!(outcome(&payment(amount)), UNREADABLE, "allocation {amount}");
        assert_eq!(
            outcome(&write_off(amount)),
            UNREADABLE,
            "write-off {amount}"
        );
        assert_eq!(outcome(&dispute(amount)), UNREADABLE, "dispute {amount}");
    }
}

#[test]
fn a_part_with_more_decimals_than_its_invoice_does_not_fold() {
    let too_many = Err(ChainBreak::DoesNotApply {
        seq: 4,
        entry: 0,
        error: FoldError::TooManyDecimals {
            invoice: 1,
            allowed: 2,
        },
    });
    for entry in [payment("1.234"), write_off("1.234"), dispute("0.001")] {
        assert_eq!(outcome(&entry), too_many, "{entry}");
    }
    // Trailing zeros are no decimals.
    assert_eq!(outcome(&write_off("1.230")), Ok(()));
}

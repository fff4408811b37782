//! The binary snapshot: round trips, refusal of garbage and inconsistency, exact amounts.

use chrono::NaiveDate;
use creditdesk_core::base::rng::Rng;
use creditdesk_core::demo::{demo_portfolio, DemoSize, DEMO_SEED};
use creditdesk_core::journal::snapshot::*;
use creditdesk_core::*;

fn demo_s() -> Portfolio {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    demo_portfolio(DemoSize::S, DEMO_SEED, as_of)
        .expect("the demo is valid")
        .1
}

#[test]
fn round_trip_of_demo_s_equals_the_original_and_keeps_indexes() {
    let original = demo_s();
    let bytes = encode_snapshot(&original);
    assert_eq!(bytes[0], SNAPSHOT_VERSION);
    let decoded = decode_snapshot(&bytes).expect("decodes");
    assert_eq!(decoded, original);
    for invoice in original.ledger.invoices.iter().step_by(97) {
        assert_eq!(
            decoded.ledger.invoice_by_number(&invoice.number),
            Some(invoice.id)
        );
    }
    for customer in &original.ledger.customers {
        assert_eq!(
            decoded.ledger.customer_by_number(&customer.details.number),
            Some(customer.id)
        );
    }
    assert_eq!(decoded.ledger.invoice_by_number("no such invoice"), None);
    assert_eq!(decoded.next_ids(), original.next_ids());
}

/// The frame is the portfolio as its derived `Serialize` writes it, with no invoices and no
/// payments: a field added to `Portfolio` or `Ledger` and not written by the frame fails here.
#[test]
fn the_frame_is_the_derived_portfolio_without_invoices_and_payments() {
    let mut portfolio = demo_s();
    assert!(!portfolio.collections.tasks.is_empty() || !portfolio.ledger.orders.is_empty());
    portfolio.ledger.invoices.clear();
    portfolio.ledger.payments.clear();
    let derived = postcard::to_allocvec(&portfolio).expect("serialises");
    let bytes = encode_snapshot(&portfolio);
    // The version, then the two counts (zero: one byte each), then the frame.
    assert_eq!(&bytes[..3], &[SNAPSHOT_VERSION, 0, 0]);
    assert_eq!(&bytes[3..], &derived[..]);
}

/// Demo M has more invoices and payments than one piece holds: the reader decodes them a
/// piece per step, to the same portfolio, in the number of steps the counts give.
#[test]
fn a_large_portfolio_is_read_a_piece_per_step() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    let (_, original) = demo_portfolio(DemoSize::M, DEMO_SEED, as_of).expect("valid");
    let (invoices, payments) = (
        original.ledger.invoices.len(),
        original.ledger.payments.len(),
    );
    assert!(
        invoices > PIECE_RECORDS && payments > 0,
        "{invoices} invoices"
    );
    let bytes = encode_snapshot(&original);
    let mut reader = SnapshotReader::new(&bytes).expect("this version");
    let mut steps = 1;
    let decoded = loop {
        match reader.step().expect("decodes") {
            Some(portfolio) => break portfolio,
            None => steps += 1,
        }
    };
    assert_eq!(decoded, original);
    let pieces = invoices.div_ceil(PIECE_RECORDS) + payments.div_ceil(PIECE_RECORDS);
    // The frame, each piece, the check.
    assert_eq!(steps, 1 + pieces + 1);
    assert!(matches!(
        reader.step(),
        Err(SnapshotError::Malformed { .. })
    ));
    // Cut inside the second piece of invoices: an error at that step, never a panic.
    let mut cut = SnapshotReader::new(&bytes[..bytes.len() / 2]).expect("this version");
    let failed = (0..steps).find_map(|_| cut.step().err());
    assert!(matches!(failed, Some(SnapshotError::Malformed { .. })));
}

#[test]
fn empty_portfolio_round_trips() {
    let empty = Portfolio::default();
    assert_eq!(decode_snapshot(&encode_snapshot(&empty)), Ok(empty));
}

#[test]
fn unknown_versions_and_empty_input_are_refused() {
    let mut bytes = encode_snapshot(&Portfolio::default());
    assert_eq!(decode_snapshot(&[]), Err(SnapshotError::Empty));
    for version in [0u8, SNAPSHOT_VERSION - 1, SNAPSHOT_VERSION + 1, 255] {
        bytes[0] = version;
        assert_eq!(
            decode_snapshot(&bytes),
            Err(SnapshotError::UnknownVersion { found: version })
        );
    }
}

#[test]
fn trailing_bytes_are_refused() {
    let mut bytes = encode_snapshot(&demo_s());
    bytes.push(0);
    assert!(matches!(
        decode_snapshot(&bytes),
        Err(SnapshotError::Malformed { .. })
    ));
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    let bytes = encode_snapshot(&demo_s());
    // Every prefix length near the start and end, and a spread in between.
    let lengths = (0..200)
        .chain((200..bytes.len()).step_by(997))
        .chain(bytes.len() - 200..bytes.len());
    for length in lengths {
        let result = decode_snapshot(&bytes[..length]);
        assert!(
            result.is_err(),
            "a snapshot cut at {length} of {} bytes decoded",
            bytes.len()
        );
    }
}

#[test]
fn random_and_flipped_bytes_never_panic() {
    let original = encode_snapshot(&demo_s());
    let mut rng = Rng::new(7);
    for round in 0..300 {
        let mut bytes = if round % 2 == 0 {
            let length = rng.range(0, 400) as usize;
            (0..length)
                .map(|_| rng.next_u64() as u8)
                .collect::<Vec<u8>>()
        } else {
            original.clone()
        };
        if let Some(first) = bytes.first_mut() {
            *first = SNAPSHOT_VERSION;
        }
        for _ in 0..rng.range(1, 8) {
            if bytes.len() > 1 {
                let position = rng.range(1, bytes.len() as i64 - 1) as usize;
                bytes[position] = rng.next_u64() as u8;
            }
        }
        // Any outcome is fine except a panic. A flipped byte inside an amount or a name can
        // still decode to a well-formed but different portfolio: the codec guards against
        // truncation and garbage, not silent corruption.
        let _ = decode_snapshot(&bytes);
    }
}

#[test]
fn inconsistent_records_are_refused() {
    let mut portfolio = demo_s();
    portfolio.ledger.invoices.swap(0, 1);
    let bytes = encode_snapshot(&portfolio);
    assert!(matches!(
        decode_snapshot(&bytes),
        Err(SnapshotError::Inconsistent { .. })
    ));
    let mut portfolio = demo_s();
    portfolio.ledger.invoices.remove(3);
    let bytes = encode_snapshot(&portfolio);
    assert!(matches!(
        decode_snapshot(&bytes),
        Err(SnapshotError::Inconsistent { .. })
    ));
}

fn cny_part(value: rust_decimal::Decimal) -> Part {
    let amount: Amount = Amount::try_new(value, Currency::CNY).expect("an amount");
    amount.part()
}

/// The binary forms of amounts and dates must not leak into JSON: stored journal texts
/// are hashed, so one changed byte would break every existing chain.
#[test]
fn json_keeps_amounts_and_dates_as_text() {
    use rust_decimal::Decimal;
    let date = |day| NaiveDate::from_ymd_opt(2026, 1, day).expect("valid date");
    let entries = vec![
        Entry::Ledger(LedgerEntry::PaymentReceived {
            id: PaymentId(3),
            customer: CustomerId(1),
            date: date(31),
            amount: Amount::try_new(Decimal::new(123450, 2), Currency::CNY).expect("an amount"),
            reference: "R".to_string(),
            allocations: vec![Allocation {
                invoice: InvoiceId(2),
                amount: cny_part(Decimal::new(100, 2)),
            }],
        }),
        Entry::Ledger(LedgerEntry::InvoiceWrittenOff {
            invoice: InvoiceId(2),
            date: date(5),
            amount: cny_part(Decimal::new(1, 1)),
            reason: String::new(),
        }),
    ];
    let expected = concat!(
        r#"[{"kind":"PaymentReceived","id":3,"customer":1,"date":"2026-01-31","#,
        r#""amount":{"amount":"1234.50","currency":"CNY"},"reference":"R","#,
        r#""allocations":[{"invoice":2,"amount":"1.00"}]},"#,
        r#"{"kind":"InvoiceWrittenOff","invoice":2,"date":"2026-01-05","amount":"0.1","reason":""}]"#,
    );
    assert_eq!(
        serde_json::to_string(&entries).expect("serialises"),
        expected
    );
    assert_eq!(
        serde_json::from_str::<Vec<Entry>>(expected).expect("parses"),
        entries
    );
    let order = Order {
        id: OrderId(1),
        customer: CustomerId(1),
        number: "SO".to_string(),
        date: date(2),
        amount: Amount::try_new(Decimal::from(7), Currency::CNY).expect("an amount"),
        closed: Some((date(3), OrderClosure::Invoiced)),
    };
    let expected = concat!(
        r#"{"id":1,"customer":1,"number":"SO","date":"2026-01-02","#,
        r#""amount":{"amount":"7","currency":"CNY"},"closed":["2026-01-03","Invoiced"]}"#,
    );
    assert_eq!(serde_json::to_string(&order).expect("serialises"), expected);
    assert_eq!(
        serde_json::from_str::<Order>(expected).expect("parses"),
        order
    );
    // As before, JSON numbers are read as amounts too, and a missing optional date is None.
    let typed = r#"{"id":1,"customer":1,"number":"SO","date":"2026-01-02","amount":{"amount":7,"currency":"CNY"}}"#;
    let read: Order = serde_json::from_str(typed).expect("parses");
    assert_eq!(
        read,
        Order {
            closed: None,
            ..order
        }
    );
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Binary {
    #[serde(with = "crate::base::money::decimal_serde")]
    amount: rust_decimal::Decimal,
    #[serde(with = "crate::base::dates::date_serde")]
    date: NaiveDate,
}

#[test]
fn binary_amounts_and_dates_round_trip_at_the_extremes() {
    use rust_decimal::Decimal;
    let amounts = [
        Decimal::ZERO,
        Decimal::new(-1, 28),
        Decimal::MAX,
        Decimal::MIN,
        Decimal::new(123_450, 2),
    ];
    let dates = [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date"),
    ];
    for (amount, date) in amounts.into_iter().zip(dates.into_iter().cycle()) {
        let value = Binary { amount, date };
        let bytes = postcard::to_allocvec(&value).expect("serialises");
        let back: Binary = postcard::from_bytes(&bytes).expect("deserialises");
        assert_eq!((back.amount.scale(), &back), (amount.scale(), &value));
    }
    // Zero at 1970-01-01 takes 3 bytes: mantissa, scale and day varints.
    let small = Binary {
        amount: Decimal::ZERO,
        date: dates[2],
    };
    assert_eq!(
        postcard::to_allocvec(&small).expect("serialises"),
        vec![0, 0, 0]
    );
    // A scale above 28, or a day count past chrono's range, is an error, not a panic.
    let bad_scale = postcard::to_allocvec(&(1i128, 29u32, 0i32)).expect("serialises");
    assert!(postcard::from_bytes::<Binary>(&bad_scale).is_err());
    let bad_day = postcard::to_allocvec(&(1i128, 2u32, i32::MAX)).expect("serialises");
    assert!(postcard::from_bytes::<Binary>(&bad_day).is_err());
}

#[test]
fn errors_read_as_sentences() {
    assert_eq!(
        SnapshotError::UnknownVersion { found: 9 }.to_string(),
        format!("unknown snapshot format version 9 (this build reads {SNAPSHOT_VERSION})")
    );
    assert_eq!(SnapshotError::Empty.to_string(), "the snapshot is empty");
}

//! The binary snapshot of the folded portfolio, so the shell can open a large journal without
//! replaying it: one format-version byte, then the `Portfolio` in postcard. Decoding checks
//! the version, refuses trailing or malformed bytes and cross-references, never panics on
//! garbage, and rebuilds the lookup indexes that snapshots do not carry.

use crate::portfolio::Portfolio;
use std::fmt;

/// The format version written by `encode_snapshot`. Bump it whenever the serialised shape of
/// `Portfolio` (or anything it contains) changes: an old snapshot is then refused and the
/// shell falls back to replaying the journal, which is always the source of truth.
/// Version 2 added the credit file per customer, the dated write-offs and the credit policies.
/// Version 4 added users, limit requests, holds, order releases, widget origins and the limit
/// part of the policy.
pub const SNAPSHOT_VERSION: u8 = 4;

/// Why bytes could not be read back as a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// There were no bytes at all.
    Empty,
    /// The first byte names a format this build does not read.
    UnknownVersion { found: u8 },
    /// The bytes after the version are not a portfolio in this format.
    Malformed { reason: String },
    /// The portfolio decoded but its records do not fit together (ids out of order or a
    /// reference to a record that is not there); applying events to it could fail.
    Inconsistent { reason: String },
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Empty => f.write_str("the snapshot is empty"),
            SnapshotError::UnknownVersion { found } => {
                write!(
                    f,
                    "unknown snapshot format version {found} (this build reads {SNAPSHOT_VERSION})"
                )
            }
            SnapshotError::Malformed { reason } => write!(f, "the snapshot is malformed: {reason}"),
            SnapshotError::Inconsistent { reason } => {
                write!(f, "the snapshot is inconsistent: {reason}")
            }
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Encodes the portfolio as a versioned binary snapshot.
pub fn encode_snapshot(portfolio: &Portfolio) -> Vec<u8> {
    // Every sequence in `Portfolio` is a Vec or String with a known length and every value
    // is plain data, so postcard's only possible errors (unknown lengths, a full fixed
    // buffer, a failing Display) cannot occur when writing into a growable Vec.
    postcard::to_extend(portfolio, vec![SNAPSHOT_VERSION])
        .expect("a portfolio always serialises to postcard")
}

/// Decodes a snapshot written by `encode_snapshot`, with its indexes rebuilt.
pub fn decode_snapshot(bytes: &[u8]) -> Result<Portfolio, SnapshotError> {
    let Some((&version, body)) = bytes.split_first() else {
        return Err(SnapshotError::Empty);
    };
    if version != SNAPSHOT_VERSION {
        return Err(SnapshotError::UnknownVersion { found: version });
    }
    let (mut portfolio, rest): (Portfolio, &[u8]) =
        postcard::take_from_bytes(body).map_err(|error| SnapshotError::Malformed {
            reason: error.to_string(),
        })?;
    if !rest.is_empty() {
        return Err(SnapshotError::Malformed {
            reason: format!("{} bytes after the portfolio", rest.len()),
        });
    }
    check_consistency(&portfolio).map_err(|reason| SnapshotError::Inconsistent { reason })?;
    portfolio.rebuild_indexes();
    Ok(portfolio)
}

/// The invariants `Portfolio::apply` and the lookups rely on: records in strictly increasing
/// id order (lookups are binary searches) and every reference pointing at a record that
/// exists (the fold looks referenced records up and treats a miss as a programmer error).
/// References are checked against compact id sets rather than the records themselves: on
/// portfolio L, binary searches through the 45 MB of invoice records cost ~600 ms of cache
/// misses, while ids handed out densely make each check a range test.
fn check_consistency(portfolio: &Portfolio) -> Result<(), String> {
    let customers = IdSet::collect("customers", portfolio.customers.iter().map(|c| c.id.0))?;
    let invoices = IdSet::collect("invoices", portfolio.invoices.iter().map(|i| i.id.0))?;
    let payments = IdSet::collect("payments", portfolio.payments.iter().map(|p| p.id.0))?;
    let credit_notes = IdSet::collect(
        "credit notes",
        portfolio.credit_notes.iter().map(|n| n.id.0),
    )?;
    let orders = IdSet::collect("orders", portfolio.orders.iter().map(|o| o.id.0))?;
    IdSet::collect("disputes", portfolio.disputes.iter().map(|d| d.id.0))?;
    IdSet::collect("users", portfolio.users.iter().map(|u| u.id.0))?;
    let requests = IdSet::collect(
        "limit requests",
        portfolio.limit_requests.iter().map(|r| r.id.0),
    )?;
    for customer in &portfolio.customers {
        let complete = invoices.contains_all(customer.invoices.iter().map(|id| id.0))
            && requests.contains_all(customer.limit_requests.iter().map(|id| id.0))
            && payments.contains_all(customer.payments.iter().map(|id| id.0))
            && credit_notes.contains_all(customer.credit_notes.iter().map(|id| id.0))
            && orders.contains_all(customer.orders.iter().map(|id| id.0));
        if !complete {
            return Err(format!(
                "customer {} lists a record that is not there",
                customer.id.0
            ));
        }
    }
    let owners = portfolio.invoices.iter().map(|i| i.customer.0);
    let owners = owners.chain(portfolio.payments.iter().map(|p| p.customer.0));
    let owners = owners.chain(portfolio.credit_notes.iter().map(|n| n.customer.0));
    let owners = owners.chain(portfolio.orders.iter().map(|o| o.customer.0));
    let owners = owners.chain(portfolio.limit_requests.iter().map(|r| r.customer.0));
    if !customers.contains_all(owners) {
        return Err("a record refers to a customer that is not there".to_string());
    }
    let settled = portfolio.payments.iter().flat_map(|p| &p.allocations);
    let settled = settled.chain(portfolio.credit_notes.iter().flat_map(|n| &n.allocations));
    let targets = settled
        .map(|a| a.invoice.0)
        .chain(portfolio.disputes.iter().map(|d| d.invoice.0))
        .chain(portfolio.write_offs.iter().map(|w| w.invoice.0));
    if !invoices.contains_all(targets) {
        return Err(
            "an allocation, dispute or write-off refers to an invoice that is not there"
                .to_string(),
        );
    }
    Ok(())
}

/// Strictly increasing ids of one kind of record.
struct IdSet {
    ids: Vec<u32>,
    /// True when the ids have no gaps, as ids handed out by `next_ids` do: membership is
    /// then a range check.
    dense: bool,
}

impl IdSet {
    /// Collects ids, refusing any that does not increase strictly.
    fn collect(what: &str, ids: impl Iterator<Item = u32>) -> Result<IdSet, String> {
        let mut collected: Vec<u32> = Vec::with_capacity(ids.size_hint().0);
        for id in ids {
            if collected.last().is_some_and(|previous| *previous >= id) {
                return Err(format!("{what} are not in increasing id order at id {id}"));
            }
            collected.push(id);
        }
        let dense = match (collected.first(), collected.last()) {
            (Some(first), Some(last)) => (last - first) as usize + 1 == collected.len(),
            _ => true,
        };
        Ok(IdSet {
            ids: collected,
            dense,
        })
    }

    fn contains_all(&self, mut references: impl Iterator<Item = u32>) -> bool {
        match (self.dense, self.ids.first(), self.ids.last()) {
            (_, None, _) | (_, _, None) => references.next().is_none(),
            (true, Some(first), Some(last)) => references.all(|id| (*first..=*last).contains(&id)),
            (false, _, _) => references.all(|id| self.ids.binary_search(&id).is_ok()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_portfolio, DemoSize, DEMO_SEED};
    use crate::rng::Rng;
    use chrono::NaiveDate;

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
        for invoice in original.invoices.iter().step_by(97) {
            assert_eq!(decoded.invoice_by_number(&invoice.number), Some(invoice.id));
        }
        for customer in &original.customers {
            assert_eq!(
                decoded.customer_by_number(&customer.details.number),
                Some(customer.id)
            );
        }
        assert_eq!(decoded.invoice_by_number("no such invoice"), None);
        assert_eq!(decoded.next_ids(), original.next_ids());
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
        portfolio.invoices.swap(0, 1);
        let bytes = encode_snapshot(&portfolio);
        assert!(matches!(
            decode_snapshot(&bytes),
            Err(SnapshotError::Inconsistent { .. })
        ));
        let mut portfolio = demo_s();
        portfolio.invoices.remove(3);
        let bytes = encode_snapshot(&portfolio);
        assert!(matches!(
            decode_snapshot(&bytes),
            Err(SnapshotError::Inconsistent { .. })
        ));
    }

    /// The binary forms of amounts and dates must not leak into JSON: stored journal texts
    /// are hashed, so one changed byte would break every existing chain.
    #[test]
    fn json_keeps_amounts_and_dates_as_text() {
        use crate::model::*;
        use crate::money::{Currency, Money};
        use rust_decimal::Decimal;
        let date = |day| NaiveDate::from_ymd_opt(2026, 1, day).expect("valid date");
        let entries = vec![
            Entry::PaymentReceived {
                id: PaymentId(3),
                customer: CustomerId(1),
                date: date(31),
                amount: Money::new(Decimal::new(123450, 2), Currency::CNY),
                reference: "R".to_string(),
                allocations: vec![Allocation {
                    invoice: InvoiceId(2),
                    amount: Decimal::new(100, 2),
                }],
            },
            Entry::InvoiceWrittenOff {
                invoice: InvoiceId(2),
                date: date(5),
                amount: Decimal::new(1, 1),
                reason: String::new(),
            },
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
            release: None,
            id: OrderId(1),
            customer: CustomerId(1),
            number: "SO".to_string(),
            date: date(2),
            amount: Money::new(Decimal::from(7), Currency::CNY),
            closed: Some((date(3), OrderClosure::Invoiced)),
        };
        let expected = concat!(
            r#"{"id":1,"customer":1,"number":"SO","date":"2026-01-02","#,
            r#""amount":{"amount":"7","currency":"CNY"},"closed":["2026-01-03","Invoiced"],"release":null}"#,
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
        #[serde(with = "crate::money::decimal_serde")]
        amount: rust_decimal::Decimal,
        #[serde(with = "crate::model::date_serde")]
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
}

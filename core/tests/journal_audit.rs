//! What storage reads back is bound to the chain: a snapshot's seal finds edited, foreign and
//! undecodable bytes and tells a stale format apart; a journal with records needs its head;
//! the full audit replays the journal and finds a snapshot that differs from the replay.

mod common;

use common::*;
use creditdesk_core::journal::*;
use creditdesk_core::*;

/// A journal of `events` sealed events (a customer, an invoice, then a payment per event),
/// and the state after each of them.
fn journal(events: usize) -> (Vec<SealedEvent>, Vec<Portfolio>) {
    let mut sealed: Vec<SealedEvent> = Vec::new();
    let mut states: Vec<Portfolio> = Vec::new();
    let mut state = Portfolio::default();
    for index in 0..events {
        let command = match index {
            0 => Command::RegisterCustomer {
                id: CustomerId(1),
                date: date("2026-01-02"),
                recorded_on: date("2026-01-02"),
                details: details("C1", "华信机械", Currency::CNY, 30),
            },
            1 => Command::IssueInvoice {
                id: InvoiceId(1),
                customer: CustomerId(1),
                number: "INV-1".to_string(),
                issue_date: date("2026-01-05"),
                terms_days: None,
                due_date: None,
                amount: cny("1000.00"),
            },
            _ => Command::ReceivePayment {
                id: state.next_ids().payment,
                customer: CustomerId(1),
                date: date("2026-02-01"),
                recorded_on: date("2026-02-01"),
                amount: cny("10.00"),
                reference: format!("BANK-{index}"),
                allocation: AllocationChoice::OldestFirst,
            },
        };
        let entries = decide(&state, &command).expect("the command is valid");
        let event = SealedEvent::seal(state.head, Timestamp(index as i64), "audit", entries);
        state
            .apply_event(&event.event, event.hash)
            .expect("the event fits");
        sealed.push(event);
        states.push(state.clone());
    }
    (sealed, states)
}

fn texts(sealed: &[SealedEvent]) -> Vec<&str> {
    sealed.iter().map(|event| event.text.as_str()).collect()
}

#[test]
fn a_sealed_snapshot_opens_and_an_edited_or_foreign_one_is_named() {
    let (sealed, states) = journal(3);
    let head = sealed[1].head();
    let bytes = encode_snapshot(&states[1]);
    let seal = SnapshotSeal::of(head, &bytes);
    assert_eq!(seal.open(&bytes), Ok(Some(states[1].clone())));

    let mut edited = bytes.clone();
    let last = edited.len() - 1;
    edited[last] ^= 1;
    assert_eq!(
        seal.open(&edited),
        Err(ChainBreak::SnapshotEdited { seq: 2 })
    );

    // Bytes of another format version, sealed as written: a stale cache, not tampering.
    let mut older = bytes.clone();
    older[0] = SNAPSHOT_VERSION - 1;
    assert_eq!(SnapshotSeal::of(head, &older).open(&older), Ok(None));

    // This build's format, sealed as written, yet not a portfolio.
    let garbage = [SNAPSHOT_VERSION, 0xff, 0xff, 0xff];
    assert_eq!(
        SnapshotSeal::of(head, &garbage).open(&garbage),
        Err(ChainBreak::SnapshotUnreadable { seq: 2 })
    );

    // Another journal's state under this journal's head, its hash recomputed.
    let other = encode_snapshot(&states[2]);
    assert_eq!(
        SnapshotSeal::of(head, &other).open(&other),
        Err(ChainBreak::SnapshotForeign { seq: 2 })
    );

    // The shell's order (decode while the browser hashes, then judge the digest): the
    // digest's verdict stands whatever the decode found, and a good digest lets it through.
    for bytes in [&edited[..], &garbage[..], &older[..]] {
        let decoded = seal.decode(bytes);
        assert_eq!(
            seal.check_digest(Hash::of(bytes)),
            Err(ChainBreak::SnapshotEdited { seq: 2 })
        );
        assert_eq!(
            seal.open_digested(bytes, Hash::of(bytes)),
            Err(ChainBreak::SnapshotEdited { seq: 2 }),
            "{decoded:?}"
        );
    }
    assert_eq!(seal.check_digest(Hash::of(&bytes)), Ok(()));
    assert_eq!(seal.decode(&bytes), Ok(Some(states[1].clone())));
}

/// (label, the snapshot's seal, the journal's hash at its event, what `check_place` says).
type PlaceCase<'a> = (&'a str, SnapshotSeal, Option<Hash>, Result<(), ChainBreak>);

#[test]
fn a_snapshot_must_follow_an_event_of_this_journal() {
    let (sealed, _) = journal(3);
    let seal = |event: &SealedEvent| SnapshotSeal {
        head: event.head(),
        sha256: Hash::GENESIS,
    };
    let recorded = sealed[2].head();
    let cases: Vec<PlaceCase> = vec![
        ("its event", seal(&sealed[1]), Some(sealed[1].hash), Ok(())),
        (
            "at the head",
            seal(&sealed[2]),
            Some(sealed[2].hash),
            Ok(()),
        ),
        (
            "the event there has another hash",
            seal(&sealed[1]),
            Some(sealed[0].hash),
            Err(ChainBreak::SnapshotForeign { seq: 2 }),
        ),
        (
            "the event there was removed",
            seal(&sealed[1]),
            None,
            Err(ChainBreak::Missing { from: 2, to: 2 }),
        ),
    ];
    for (label, seal, stored, expected) in cases {
        assert_eq!(seal.check_place(stored, recorded), expected, "{label}");
    }
    // Past the recorded head: even an event stored there does not make it this journal's.
    assert_eq!(
        seal(&sealed[2]).check_place(Some(sealed[2].hash), sealed[1].head()),
        Err(ChainBreak::SnapshotForeign { seq: 3 })
    );
}

#[test]
fn a_journal_with_records_needs_its_head() {
    let (sealed, _) = journal(1);
    let head = Some(sealed[0].head());
    assert_eq!(require_head(None, false), Ok(None));
    assert_eq!(require_head(head, true), Ok(head));
    assert_eq!(require_head(None, true), Err(ChainBreak::HeadMissing));
}

#[test]
fn the_audit_replays_the_journal_and_compares_the_snapshot() {
    let (sealed, states) = journal(5);
    let all = texts(&sealed);
    let recorded = Some(sealed[4].head());
    assert_eq!(
        audit(&all, recorded, Some(&states[2])),
        Ok(Audit {
            head: recorded,
            snapshot: Some(3),
        })
    );
    assert_eq!(
        audit(&all, recorded, None),
        Ok(Audit {
            head: recorded,
            snapshot: None,
        })
    );
    assert_eq!(audit(&[], None, None).map(|a| a.head), Ok(None));

    let mut forged = states[2].clone();
    forged.ledger.customers[0].details.name = "另一家公司".to_string();
    assert_eq!(
        audit(&all, recorded, Some(&forged)),
        Err(ChainBreak::SnapshotDiffers { seq: 3 })
    );
    let (other, other_states) = journal(4);
    let mut elsewhere = other_states[2].clone();
    elsewhere.head = Some(ChainHead {
        seq: 3,
        hash: Hash::of(b"another journal"),
    });
    assert_eq!(
        audit(&all, recorded, Some(&elsewhere)),
        Err(ChainBreak::SnapshotForeign { seq: 3 })
    );
    // A snapshot after event 4 of a four-event journal, checked against three events.
    let short = texts(&other[..3]);
    assert_eq!(
        audit(&short, Some(other[2].head()), Some(&other_states[3])),
        Err(ChainBreak::SnapshotForeign { seq: 4 })
    );
}

#[test]
fn the_audit_names_a_broken_chain_and_an_event_that_does_not_apply() {
    let (sealed, states) = journal(3);
    let mut edited: Vec<String> = sealed.iter().map(|event| event.text.clone()).collect();
    edited[1] = edited[1].replace("1000.00", "100.00");
    let edited: Vec<&str> = edited.iter().map(String::as_str).collect();
    assert_eq!(
        audit(&edited, Some(sealed[2].head()), Some(&states[0])),
        Err(ChainBreak::Edited { seq: 2 })
    );
    // A payment to an invoice that does not exist, sealed with a correct chain.
    let mut entries = decide(
        &states[2],
        &Command::ReceivePayment {
            id: states[2].next_ids().payment,
            customer: CustomerId(1),
            date: date("2026-03-01"),
            recorded_on: date("2026-03-01"),
            amount: cny("5.00"),
            reference: "BANK-X".to_string(),
            allocation: AllocationChoice::OldestFirst,
        },
    )
    .expect("valid");
    if let Entry::Ledger(LedgerEntry::PaymentReceived { allocations, .. }) = &mut entries[0] {
        allocations[0].invoice = InvoiceId(99);
    }
    let bad = SealedEvent::seal(Some(sealed[2].head()), Timestamp(9), "x", entries);
    let mut all = texts(&sealed);
    all.push(&bad.text);
    assert_eq!(
        audit(&all, Some(bad.head()), None),
        Err(ChainBreak::DoesNotApply {
            seq: 4,
            entry: 0,
            error: base::fold::FoldError::Unknown {
                record: base::fold::RecordKind::Invoice,
                id: 99,
            },
        })
    );
}

//! Tampering with the stored journal is caught and the broken event is named: edits,
//! removals, reordering, duplicates, forged insertions, garbage, and verification that
//! continues from a snapshot's anchor.

mod common;

use common::*;
use creditdesk_core::journal::parse_event;
use creditdesk_core::*;

/// What `verify` returns: the verified head, or the break it found.
type Verified = Result<Option<ChainHead>, ChainBreak>;

/// (label, texts, anchor, recorded head, what `verify` must say).
type AnchorCase<'a> = (
    &'a str,
    &'a [String],
    Option<ChainHead>,
    Option<ChainHead>,
    Verified,
);

fn texts_of(sealed: &[SealedEvent]) -> Vec<String> {
    sealed.iter().map(|event| event.text.clone()).collect()
}

fn verify_texts(
    texts: &[String],
    anchor: Option<ChainHead>,
    expected_end: Option<ChainHead>,
) -> Verified {
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    verify(&borrowed, anchor, expected_end)
}

/// Rewrites a stored event with a new sequence number, keeping its link as it was.
fn renumbered(text: &str, seq: u64) -> String {
    let mut event = parse_event(text).expect("readable");
    event.seq = seq;
    serde_json::to_string(&event).expect("serialises")
}

#[test]
fn sealed_texts_are_canonical_and_chained() {
    let sealed = chain();
    assert_eq!(
        sealed.iter().map(|e| e.event.seq).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5, 6]
    );
    assert_eq!(sealed[0].event.prev_hash, Hash::GENESIS);
    for pair in sealed.windows(2) {
        assert_eq!(pair[1].event.prev_hash, pair[0].hash);
    }
    for event in &sealed {
        assert_eq!(event.hash, Hash::of(event.text.as_bytes()));
        let parsed = parse_event(&event.text).expect("readable");
        assert_eq!(parsed, event.event);
        assert_eq!(
            serde_json::to_string(&parsed).expect("serialises"),
            event.text
        );
    }
    // Amounts are stored as strings with the scale they were typed with.
    assert!(
        sealed[2]
            .text
            .contains(r#""amount":{"amount":"400.00","currency":"CNY"}"#),
        "{}",
        sealed[2].text
    );
}

#[test]
fn tampering_is_caught_and_names_the_event() {
    let sealed = chain();
    let intact = texts_of(&sealed);
    let head = |seq: usize| sealed[seq - 1].head();
    let end = Some(head(6));

    let mut edited_middle = intact.clone();
    edited_middle[2] = edited_middle[2].replacen(r#""amount":"400.00""#, r#""amount":"40.00""#, 1);
    let mut edited_last = intact.clone();
    edited_last[5] = edited_last[5].replace("Invoiced", "Cancelled");
    let mut removed_middle = intact.clone();
    removed_middle.remove(2);
    let removed_end = intact[..4].to_vec();
    let mut swapped = intact.clone();
    swapped.swap(2, 3);
    let mut duplicated = intact.clone();
    duplicated.insert(3, intact[2].clone());
    // A forged event that links correctly to event 3 and takes number 4; the real 4, 5, 6
    // are renumbered 5, 6, 7 but still link to their original predecessors.
    let forged = SealedEvent::seal(Some(head(3)), Timestamp(0), "intruder", Vec::new());
    let mut inserted = intact[..3].to_vec();
    inserted.push(forged.text.clone());
    inserted.extend(
        intact[3..]
            .iter()
            .enumerate()
            .map(|(offset, text)| renumbered(text, 5 + offset as u64)),
    );
    // The same forgery with every later link recomputed: consistent in itself, so only the
    // recorded head can reveal it.
    let mut relinked_events = vec![forged.clone()];
    for text in &intact[3..] {
        let entries = parse_event(text).expect("readable").entries;
        let previous = relinked_events.last().map(SealedEvent::head);
        relinked_events.push(SealedEvent::seal(
            previous,
            Timestamp(0),
            "intruder",
            entries,
        ));
    }
    let mut relinked = intact[..3].to_vec();
    relinked.extend(relinked_events.iter().map(|event| event.text.clone()));
    let mut garbage = intact.clone();
    garbage[1] = "not an event".to_string();
    let mut truncated = intact.clone();
    truncated[4].truncate(40);
    let mut bad_start = intact.clone();
    bad_start[0] = renumbered(
        &SealedEvent::seal(Some(head(2)), Timestamp(0), "x", Vec::new()).text,
        1,
    );

    use ChainBreak::*;
    let cases: Vec<(&str, &[String], Option<ChainHead>, Verified)> = vec![
        ("intact", &intact, None, Ok(Some(head(6)))),
        (
            "intact, with the recorded head",
            &intact,
            end,
            Ok(Some(head(6))),
        ),
        ("empty journal", &[], None, Ok(None)),
        (
            "everything removed",
            &[],
            end,
            Err(Missing { from: 1, to: 6 }),
        ),
        (
            "a middle event edited",
            &edited_middle,
            None,
            Err(Edited { seq: 3 }),
        ),
        (
            "a middle event edited, with the recorded head",
            &edited_middle,
            end,
            Err(Edited { seq: 3 }),
        ),
        (
            "the last event edited, with the recorded head",
            &edited_last,
            end,
            Err(Edited { seq: 6 }),
        ),
        (
            "a middle event removed",
            &removed_middle,
            None,
            Err(Missing { from: 3, to: 3 }),
        ),
        (
            "the last events removed",
            &removed_end,
            end,
            Err(Missing { from: 5, to: 6 }),
        ),
        (
            "two events swapped",
            &swapped,
            None,
            Err(Reordered { seq: 4 }),
        ),
        (
            "an event duplicated",
            &duplicated,
            None,
            Err(Inserted { seq: 3 }),
        ),
        (
            "a forged event inserted",
            &inserted,
            None,
            Err(Inserted { seq: 4 }),
        ),
        (
            "a forged event inserted, relinked, with the recorded head",
            &relinked,
            end,
            Err(Edited { seq: 6 }),
        ),
        (
            "garbage text",
            &garbage,
            None,
            Err(Unreadable { position: 1 }),
        ),
        (
            "a truncated text",
            &truncated,
            end,
            Err(Unreadable { position: 4 }),
        ),
        (
            "a first event that links elsewhere",
            &bad_start,
            None,
            Err(BadStart { seq: 1 }),
        ),
    ];
    let mut failures = Vec::new();
    for (label, texts, expected_end, expected) in cases {
        let actual = verify_texts(texts, None, expected_end);
        if actual != expected {
            failures.push(format!("{label}: expected {expected:?}, got {actual:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Without the recorded head, an edit of the last event or removal of the last events
    // cannot be seen: the chain is intact up to where it stops. That is why the shell keeps it.
    let undetected_edit = verify_texts(&edited_last, None, None).expect("consistent in itself");
    assert_eq!(undetected_edit.map(|h| h.seq), Some(6));
    assert_ne!(undetected_edit, Some(head(6)));
    assert_eq!(verify_texts(&removed_end, None, None), Ok(Some(head(4))));
    assert_eq!(
        verify_texts(&relinked, None, None).map(|h| h.map(|h| h.seq)),
        Ok(Some(7))
    );
}

#[test]
fn verification_continues_from_a_snapshot_anchor() {
    let sealed = chain();
    let texts = texts_of(&sealed);
    let head = |seq: usize| sealed[seq - 1].head();
    let newer = &texts[4..];
    let wrong_hash = ChainHead {
        seq: 4,
        hash: sealed[2].hash,
    };
    let mut edited_newer = newer.to_vec();
    edited_newer[0] = edited_newer[0].replace("rounding", "fraud");
    let cases: Vec<AnchorCase> = vec![
        (
            "newer events after the anchor",
            newer,
            Some(head(4)),
            Some(head(6)),
            Ok(Some(head(6))),
        ),
        (
            "newer events, no recorded head",
            newer,
            Some(head(4)),
            None,
            Ok(Some(head(6))),
        ),
        (
            "nothing newer than the anchor",
            &[],
            Some(head(6)),
            Some(head(6)),
            Ok(Some(head(6))),
        ),
        (
            "the anchor differs from the recorded head",
            &[],
            Some(wrong_hash),
            Some(head(4)),
            Err(ChainBreak::Edited { seq: 4 }),
        ),
        (
            "the anchor is older than the texts",
            newer,
            Some(head(3)),
            None,
            Err(ChainBreak::Missing { from: 4, to: 4 }),
        ),
        (
            "the anchor's event was changed",
            newer,
            Some(wrong_hash),
            None,
            Err(ChainBreak::Edited { seq: 4 }),
        ),
        (
            "a newer event edited",
            &edited_newer,
            Some(head(4)),
            None,
            Err(ChainBreak::Edited { seq: 5 }),
        ),
        (
            "newer events missing at the end",
            &newer[..1],
            Some(head(4)),
            Some(head(6)),
            Err(ChainBreak::Missing { from: 6, to: 6 }),
        ),
        (
            "all newer events missing",
            &[],
            Some(head(4)),
            Some(head(6)),
            Err(ChainBreak::Missing { from: 5, to: 6 }),
        ),
    ];
    for (label, texts, anchor, expected_end, expected) in cases {
        assert_eq!(
            verify_texts(texts, anchor, expected_end),
            expected,
            "{label}"
        );
    }
}

#[test]
fn replay_folds_an_intact_journal_and_refuses_a_tampered_one() {
    let sealed = chain();
    let texts = texts_of(&sealed);
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let replayed = Portfolio::replay(&borrowed).expect("intact");
    let mut folded = Portfolio::default();
    for event in &sealed {
        folded
            .apply_event(&event.event, event.hash)
            .expect("events fit the state");
    }
    assert_eq!(replayed, folded);
    assert_eq!(replayed.head, Some(sealed[5].head()));
    assert_eq!(
        replayed.ledger.invoice(InvoiceId(1)).map(|i| i.open()),
        Some(dec("599.00"))
    );

    let mut tampered = texts.clone();
    tampered[1] = tampered[1].replace("1000.00", "100.00");
    let borrowed: Vec<&str> = tampered.iter().map(String::as_str).collect();
    assert_eq!(
        Portfolio::replay(&borrowed),
        Err(ChainBreak::Edited { seq: 2 })
    );
}

//! The full backup (issue 11, §2): written and read back it is the same journal, with the same
//! head and the same state; a damaged or altered file is refused naming what is wrong, and
//! arbitrary bytes never panic.

mod common;

use common::*;
use creditdesk_core::base::rng::Rng;
use creditdesk_core::journal::{read_backup, write_backup, BackupError};
use creditdesk_core::*;

const WRITTEN: Timestamp = Timestamp(1_780_000_000_000);

fn backup_of(sealed: &[SealedEvent]) -> String {
    let texts: Vec<&str> = sealed.iter().map(|event| event.text.as_str()).collect();
    let head = sealed.last().expect("events").head();
    write_backup(&texts, head, WRITTEN).expect("an intact journal")
}

fn lines(file: &str) -> Vec<String> {
    file.lines().map(str::to_string).collect()
}

fn joined(lines: &[String]) -> String {
    lines.join("\n") + "\n"
}

#[test]
fn a_backup_read_back_is_the_same_journal_head_and_state() {
    let sealed = chain();
    let file = backup_of(&sealed);
    // The header, then each stored text on its own line, exactly.
    let written = lines(&file);
    assert_eq!(written.len(), sealed.len() + 1);
    assert!(written[0].starts_with(r#"{"format":"creditdesk-backup","version":1,"#));
    for (line, event) in written[1..].iter().zip(&sealed) {
        assert_eq!(line, &event.text);
    }
    let backup = read_backup(&file).expect("reads");
    assert_eq!(backup.written, WRITTEN);
    assert_eq!(backup.head, sealed.last().expect("events").head());
    assert_eq!(backup.events, sealed);
    let texts: Vec<&str> = sealed.iter().map(|event| event.text.as_str()).collect();
    assert_eq!(
        backup.portfolio,
        Portfolio::replay(&texts).expect("replays")
    );
    // Copied through a tool that writes Windows line ends (or a BOM), it still reads.
    let windows = format!("\u{feff}{}", file.replace('\n', "\r\n"));
    assert_eq!(read_backup(&windows).expect("reads").events, sealed);
}

#[test]
fn a_damaged_or_altered_backup_is_refused_naming_what_is_wrong() {
    let sealed = chain();
    let file = backup_of(&sealed);
    let good = lines(&file);
    let mut edited = good.clone();
    edited[2] = edited[2].replace("1000.00", "9000.00");
    assert!(edited[2] != good[2], "the invoice's amount is in event 2");
    let mut last_edited = good.clone();
    last_edited[6] = last_edited[6].replace("Invoiced", "Cancelled");
    let cut = joined(&good[..good.len() - 1]);
    let mut header_cut = good.clone();
    header_cut[0] = header_cut[0].replace(r#""events":6"#, r#""events":5"#);
    header_cut.pop();
    let mut swapped = good.clone();
    swapped.swap(3, 4);
    let mut newer = good.clone();
    newer[0] = newer[0].replace(r#""version":1"#, r#""version":2"#);
    let mut other = good.clone();
    other[0] = other[0].replace("creditdesk-backup", "creditdesk-export");
    let cases: Vec<(&str, String, BackupError)> = vec![
        ("empty", String::new(), BackupError::Empty),
        ("blank lines", "\n \n".to_string(), BackupError::Empty),
        ("not JSON", "hello\n".to_string(), BackupError::NotABackup),
        (
            "a journal event, not a backup",
            good[1].clone(),
            BackupError::NotABackup,
        ),
        ("another format", joined(&other), BackupError::NotABackup),
        (
            "a newer version",
            joined(&newer),
            BackupError::NewerVersion { found: 2 },
        ),
        (
            "the last line cut off",
            cut,
            BackupError::CountDiffers {
                stated: 6,
                found: 5,
            },
        ),
        (
            "cut off with its count changed to match",
            joined(&header_cut),
            BackupError::Broken(ChainBreak::Missing { from: 6, to: 6 }),
        ),
        (
            "an amount changed",
            joined(&edited),
            BackupError::Broken(ChainBreak::Edited { seq: 2 }),
        ),
        (
            "the last event changed",
            joined(&last_edited),
            BackupError::Broken(ChainBreak::Edited { seq: 6 }),
        ),
        (
            "two events swapped",
            joined(&swapped),
            BackupError::Broken(ChainBreak::Reordered { seq: 4 }),
        ),
    ];
    for (label, file, expected) in cases {
        assert_eq!(read_backup(&file).map(|b| b.head), Err(expected), "{label}");
    }
}

#[test]
fn a_broken_journal_is_not_written_into_a_backup() {
    let sealed = chain();
    let mut texts: Vec<&str> = sealed.iter().map(|event| event.text.as_str()).collect();
    let head = sealed.last().expect("events").head();
    texts.remove(2);
    assert_eq!(
        write_backup(&texts, head, WRITTEN),
        Err(ChainBreak::Missing { from: 3, to: 3 })
    );
}

#[test]
fn a_backup_of_nothing_is_refused() {
    let header = r#"{"format":"creditdesk-backup","version":1,"written":0,"events":0,"head":{"seq":0,"hash":"0000000000000000000000000000000000000000000000000000000000000000"}}"#;
    assert_eq!(
        read_backup(header).map(|b| b.head),
        Err(BackupError::NoEvents)
    );
}

#[test]
fn an_event_that_does_not_fold_is_refused_even_with_its_chain_intact() {
    // A payment for an invoice that was never issued, sealed into a well-formed chain.
    let sealed = chain();
    let mut event = sealed[2].event.clone();
    let forged = serde_json::to_string(&event.entries).expect("serialises");
    let invoice = sealed[1].event.entries[0].clone();
    let Entry::Ledger(LedgerEntry::InvoiceIssued { id, .. }) = invoice else {
        panic!("event 2 issues the invoice");
    };
    let named = format!(r#""invoice":{}"#, id.0);
    assert!(forged.contains(&named), "{forged}");
    let forged = forged.replace(&named, r#""invoice":99"#);
    event.entries = serde_json::from_str(&forged).expect("reads");
    let mut events = sealed[..2].to_vec();
    events.push(SealedEvent::seal(
        Some(events[1].head()),
        event.at,
        &event.actor,
        event.entries,
    ));
    let refused = read_backup(&backup_of(&events)).map(|b| b.head);
    assert!(
        matches!(
            refused,
            Err(BackupError::Broken(ChainBreak::DoesNotApply {
                seq: 3,
                entry: 0,
                ..
            }))
        ),
        "{refused:?}"
    );
}

/// Arbitrary bytes, and a real backup with bytes flipped, are refused as values: never a panic,
/// and never a backup other than the one written.
#[test]
fn arbitrary_bytes_never_panic() {
    let sealed = chain();
    let file = backup_of(&sealed);
    let mut rng = Rng::new(20_261_201);
    for round in 0..2_000 {
        let mut bytes = file.clone().into_bytes();
        for _ in 0..rng.range(1, 4) {
            let at = rng.range(0, bytes.len() as i64 - 1) as usize;
            bytes[at] = rng.range(0, 255) as u8;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(backup) = read_backup(&text) {
            assert_eq!(
                backup.events, sealed,
                "round {round}: a flipped byte read as another journal"
            );
        }
        let length = rng.range(0, 300);
        let noise: Vec<u8> = (0..length).map(|_| rng.range(0, 255) as u8).collect();
        assert!(read_backup(&String::from_utf8_lossy(&noise)).is_err());
    }
}

/// The reminder: due with no backup yet, and once the last is `every` days old (inclusive).
#[test]
fn a_backup_is_due_after_the_days_chosen() {
    use creditdesk_core::journal::backup_due;
    let today = date("2026-12-01");
    assert!(backup_due(None, today, 7));
    assert!(!backup_due(Some(date("2026-12-01")), today, 7));
    assert!(
        !backup_due(Some(date("2026-11-25")), today, 7),
        "6 days old"
    );
    assert!(backup_due(Some(date("2026-11-24")), today, 7), "7 days old");
    assert!(backup_due(Some(date("2026-11-30")), today, 1));
}

//! The catalogue of import files (issue 11 §4): every committed file under
//! `tests/fixtures/import/` that is not a golden scenario's, each with the one outcome it must
//! give — the file refused with its reason, or exactly these rows with these problems, or (for
//! the encodings and date formats that must work) imported. The portfolio is the customer file
//! and the GBK register imported (C1001, C1002 and C1004 in CNY, C1003 in USD). A test also
//! checks that no fixture is left out of the table.

mod import_common;

use creditdesk_core::base::input::{DateFormat, TypedError};
use creditdesk_core::import::*;
use creditdesk_core::{Currency, Rejection};
use import_common::*;
use rust_decimal::Decimal;

enum Expect {
    /// `preview` (and so the page) refuses the file.
    Preview(FileError),
    /// An .xlsx the reader cannot open; its words are the zip reader's.
    Damaged,
    /// `plan` refuses the file with the guessed mapping (or the case's target).
    File(FileError),
    /// Exactly these rows: line, column header, problem.
    Rows(Vec<(usize, &'static str, Problem)>),
    /// Imported; the detected encoding.
    Imports(Encoding),
}

struct Case {
    file: &'static str,
    encoding: Option<Encoding>,
    target: Option<Target>,
    expect: Expect,
}

fn case(file: &'static str, expect: Expect) -> Case {
    Case {
        file,
        encoding: None,
        target: None,
        expect,
    }
}

fn text(s: &str) -> String {
    s.to_string()
}

fn bad_amount(text: &str, reason: TypedError) -> Problem {
    Problem::BadAmount {
        text: text.to_string(),
        reason,
    }
}

fn cases() -> Vec<Case> {
    use Expect::*;
    let rows =
        |row: usize, column: &'static str, problem: Problem| Rows(vec![(row, column, problem)]);
    vec![
        case("empty.csv", Preview(FileError::Empty)),
        case("blank-lines.csv", Preview(FileError::Empty)),
        case("header-only.csv", Preview(FileError::HeaderOnly)),
        case(
            "missing-amount-column.csv",
            File(FileError::MissingColumns(vec![Field::Amount])),
        ),
        Case {
            target: Some(Target::Customers),
            ..case(
                "missing-customer-column.csv",
                File(FileError::MissingColumns(vec![Field::CustomerNumber])),
            )
        },
        Case {
            encoding: Some(Encoding::Utf8),
            ..case(
                "wrong-encoding.csv",
                Preview(FileError::NotText {
                    encoding: Encoding::Utf8,
                    line: 1,
                }),
            )
        },
        case("wrong-encoding.csv", Imports(Encoding::Gb18030)),
        case(
            "latin1.csv",
            Preview(FileError::NotText {
                encoding: Encoding::Utf8,
                line: 2,
            }),
        ),
        case("bom.csv", Imports(Encoding::Utf8Bom)),
        case("gbk-customers.csv", Imports(Encoding::Gb18030)),
        case(
            "duplicate-invoice-numbers.csv",
            rows(
                4,
                "发票号码",
                Problem::DuplicateNumber {
                    number: text("INV-D-001"),
                    first_row: 2,
                },
            ),
        ),
        case(
            "duplicate-customers.csv",
            rows(
                4,
                "客户编号",
                Problem::DuplicateNumber {
                    number: text("C4001"),
                    first_row: 2,
                },
            ),
        ),
        case(
            "february-31.csv",
            rows(
                2,
                "开票日期",
                Problem::NoSuchDate {
                    text: text("2026-02-31"),
                },
            ),
        ),
        case("dates-dmy.csv", Imports(Encoding::Utf8)),
        case("dates-mdy.csv", Imports(Encoding::Utf8)),
        case(
            "dates-mixed.csv",
            rows(
                3,
                "开票日期",
                Problem::BadDate {
                    text: text("31/03/2026"),
                    format: DateFormat::Ymd,
                },
            ),
        ),
        case(
            "amount-text.csv",
            rows(2, "金额", bad_amount("一千元", TypedError::NotANumber)),
        ),
        case(
            "amount-other-convention.csv",
            rows(
                4,
                "金额",
                bad_amount(
                    "1.234,56",
                    TypedError::OtherNumberFormat {
                        format: creditdesk_core::base::input::NumberFormat::Point,
                    },
                ),
            ),
        ),
        case(
            "amount-negative.csv",
            rows(2, "金额", bad_amount("-500.00", TypedError::NotPositive)),
        ),
        case(
            "amount-zero.csv",
            rows(2, "金额", bad_amount("0", TypedError::NotPositive)),
        ),
        case(
            "amount-absurd.csv",
            rows(
                2,
                "金额",
                bad_amount(
                    "99999999999999999",
                    TypedError::TooLarge {
                        max: Decimal::from(10_000_000_000_000i64),
                    },
                ),
            ),
        ),
        case(
            "too-many-decimals.csv",
            rows(
                2,
                "金额",
                Problem::TooManyDecimals {
                    text: text("100.125"),
                    currency: Currency::CNY,
                    allowed: 2,
                },
            ),
        ),
        case(
            "formula-name.csv",
            rows(
                2,
                "客户名称",
                Problem::FormulaText {
                    text: text("=HYPERLINK(\"http://x\",\"点击\")"),
                },
            ),
        ),
        case(
            "formula-at.csv",
            rows(
                2,
                "Contact",
                Problem::FormulaText {
                    text: text("@SUM(A1:A9)"),
                },
            ),
        ),
        case(
            "long-field.csv",
            rows(
                2,
                "客户名称",
                Problem::TooLong {
                    length: 10_000,
                    max: 200,
                },
            ),
        ),
        case(
            "mixed-currency.csv",
            rows(
                3,
                "币种",
                Problem::MixedCurrency {
                    found: Currency::USD,
                    account: Currency::CNY,
                },
            ),
        ),
        case(
            "unknown-currency.csv",
            rows(2, "币种", Problem::UnknownCurrency(text("XYZ"))),
        ),
        case(
            "unknown-customer.csv",
            rows(2, "客户编号", Problem::UnknownCustomer(text("C9999"))),
        ),
        case(
            "bad-terms.csv",
            Rows(vec![
                (
                    2,
                    "账期",
                    Problem::BadTerms {
                        text: text("30.5"),
                        reason: TypedError::NotWhole,
                    },
                ),
                (
                    3,
                    "账期",
                    Problem::BadTerms {
                        text: text("400"),
                        reason: TypedError::TooLarge {
                            max: Decimal::from(365),
                        },
                    },
                ),
            ]),
        ),
        case(
            "future-payment.csv",
            rows(
                2,
                "Payment Date",
                Problem::Rejected(Rejection::DateInFuture { today: today() }),
            ),
        ),
        case(
            "due-before-issue.csv",
            rows(2, "到期日", Problem::Rejected(Rejection::DueBeforeIssue)),
        ),
        case(
            "settled-before-issue.csv",
            rows(2, "结清日期", Problem::SettledBeforeIssue),
        ),
        case(
            "changed-known.csv",
            rows(
                2,
                "发票号码",
                Problem::ChangedKnown {
                    number: text("INV-2026-001"),
                },
            ),
        ),
        case(
            "missing-number.csv",
            rows(2, "发票号码", Problem::Missing(Field::DocumentNumber)),
        ),
        case(
            "other-customers-invoice.csv",
            rows(
                2,
                "Invoice No.",
                Problem::InvoiceOfOtherCustomer {
                    invoice: text("INV-2026-003"),
                    customer: text("C1002"),
                },
            ),
        ),
        case(
            "date-out-of-range.csv",
            rows(2, "开票日期", Problem::Rejected(Rejection::DateOutOfRange)),
        ),
        case(
            "country-invalid.csv",
            rows(2, "国家", Problem::Rejected(Rejection::CountryInvalid)),
        ),
        case(
            "many-errors.csv",
            Rows(vec![
                (2, "金额", bad_amount("abc", TypedError::NotANumber)),
                (
                    4,
                    "开票日期",
                    Problem::NoSuchDate {
                        text: text("2026/13/1"),
                    },
                ),
                (5, "客户编号", Problem::UnknownCustomer(text("C9998"))),
                (6, "金额", bad_amount("-1", TypedError::NotPositive)),
            ]),
        ),
        case("not-a-spreadsheet.pdf", Preview(FileError::NotSpreadsheet)),
        case(
            "fake.xlsx",
            Preview(FileError::XlsxDamaged(text("not a zip archive"))),
        ),
        case("truncated.xlsx", Damaged),
        // Encrypted with a password by msoffcrypto-tool, as Excel does (agile encryption).
        case("password-protected.xlsx", Preview(FileError::XlsxEncrypted)),
        // Row 3's amount is a formula whose cached value is an error.
        case(
            "cell-error.xlsx",
            rows(3, "Amount", Problem::CellError(text("#DIV/0!"))),
        ),
        case("legacy.xls", Preview(FileError::LegacyXls)),
        case("several-sheets.xlsx", Preview(FileError::HeaderOnly)),
        // Row 3 (a serial-number date, a number as the invoice number) is good; row 2's
        // number cell 100.125 has three decimals, USD two.
        case(
            "xlsx-cells.xlsx",
            rows(
                2,
                "金额",
                Problem::TooManyDecimals {
                    text: text("100.125"),
                    currency: Currency::USD,
                    allowed: 2,
                },
            ),
        ),
    ]
}

/// Files the golden scenarios (`tests/import.rs`) use.
const GOLDEN: &[&str] = &[
    "customers.csv",
    "invoices-gbk.csv",
    "payments.csv",
    "invoices.xlsx",
    "orders-semicolon.csv",
    "credit-notes.csv",
];

fn check(case: &Case) {
    let state = base_portfolio();
    let bytes = fixture(case.file);
    let preview = preview(&bytes, case.file, case.encoding, None);
    let preview = match (&case.expect, preview) {
        (Expect::Preview(expected), Err(error)) => return assert_eq!(&error, expected),
        (Expect::Damaged, Err(FileError::XlsxDamaged(_))) => return,
        (_, Err(error)) => panic!("preview refused it: {error:?}"),
        (_, Ok(preview)) => preview,
    };
    let mut mapping = preview.guess;
    if let Some(target) = case.target {
        mapping.target = target;
    }
    let outcome = plan(&bytes, &mapping, &state, today(), &mut |_, _| {});
    match (&case.expect, outcome) {
        (Expect::File(expected), Err(Rejected::File(error))) => assert_eq!(&error, expected),
        (Expect::Rows(expected), Err(Rejected::Rows(errors))) => {
            let found: Vec<(usize, &str, Problem)> = (errors.iter())
                .map(|e| (e.row, e.column.as_deref().unwrap_or(""), e.problem.clone()))
                .collect();
            assert_eq!(&found, expected);
        }
        (Expect::Imports(encoding), Ok(outcome)) => {
            assert_eq!(preview.encoding, *encoding);
            assert!(!outcome.entries.is_empty());
        }
        (_, other) => panic!("unexpected: {other:?}"),
    }
}

#[test]
fn every_catalogue_file_gives_its_outcome() {
    let cases = cases();
    assert!(cases.len() >= 30, "issue 11 asks for at least 30 files");
    for case in &cases {
        let outcome = std::panic::catch_unwind(|| check(case));
        assert!(outcome.is_ok(), "{}", case.file);
    }
}

/// A file one row longer than the reader takes is refused as a whole, naming the limit (made
/// here: a million rows is too large to commit).
#[test]
fn a_file_past_the_row_limit_is_refused() {
    let mut bytes = b"Customer No.,Customer\n".to_vec();
    for _ in 0..ROWS_MAX {
        bytes.extend_from_slice(b"C1,A\n");
    }
    let at_limit = preview(&bytes, "customers.csv", None, None);
    assert!(at_limit.is_ok(), "{:?}", at_limit.err());
    bytes.extend_from_slice(b"C2,B\n");
    let past = preview(&bytes, "customers.csv", None, None);
    assert_eq!(past.err(), Some(FileError::TooManyRows { max: ROWS_MAX }));
}

#[test]
fn no_fixture_is_left_out() {
    let folder = format!("{}/../tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let listed: Vec<&str> = cases()
        .iter()
        .map(|c| c.file)
        .chain(GOLDEN.iter().copied())
        .collect();
    for entry in std::fs::read_dir(folder).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            listed.contains(&name.as_str()),
            "{name} has no expected outcome"
        );
    }
}

#[test]
fn nothing_is_planned_from_a_refused_file() {
    // All or nothing: a file with one good and four bad rows returns no entries at all.
    let state = base_portfolio();
    let bytes = fixture("many-errors.csv");
    let guess = preview(&bytes, "many-errors.csv", None, None)
        .unwrap()
        .guess;
    assert!(matches!(
        plan(&bytes, &guess, &state, today(), &mut |_, _| {}),
        Err(Rejected::Rows(_))
    ));
}
